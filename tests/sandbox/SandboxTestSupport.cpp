#include "SandboxTestSupport.h"

#include "HeadersPull.h"
#include "HeadersSend.h"

#include <QDateTime>
#include <QtTest>

using namespace mq;

namespace sbtest {

RemotingCommand fixtureCommand(int seq)
{
    const auto *f = fixtures::frameBySeq(seq);
    if (!f)
        qFatal("no fixture frame %d", seq);
    auto decoded = frame::decode(f->bytes);
    if (!decoded)
        qFatal("fixture frame %d: %s", seq, qPrintable(decoded.error().message));
    return *decoded;
}

QByteArray withAddress(const QByteArray &fixtureBody, const QString &brokerAddress)
{
    QByteArray out = fixtureBody;
    return out.replace("127.0.0.1:10911", brokerAddress.toUtf8());
}

QList<MessageExt> decodeStored(const QByteArray &body)
{
    DecodeOptions options;
    options.decompressBody = false;
    auto decoded = decodeMessages(body, options);
    if (!decoded)
        qWarning("cannot decode stored messages: %s", qPrintable(decoded.error().message));
    return decoded ? *decoded : QList<MessageExt>();
}

QList<MessageExt> fixtureMessages(int seq)
{
    return decodeStored(fixtureCommand(seq).body);
}

RemotingCommand sendV2(const QString &topic, int queueId, const QString &properties, const QByteArray &body,
                       int sysFlag)
{
    SendMessageRequestHeader h;
    h.producerGroup = QStringLiteral("test-producer");
    h.topic = topic;
    h.queueId = queueId;
    h.sysFlag = sysFlag;
    h.bornTimestamp = QDateTime::currentMSecsSinceEpoch();
    h.properties = properties;
    h.reconsumeTimes = 0;
    RemotingCommand cmd =
        RemotingCommand::request(RequestCode::SendMessageV2, SendMessageRequestHeaderV2::fromV1(h).toExtFields(), body);
    cmd.language = LanguageCode::JAVA;
    return cmd;
}

RemotingCommand pull(const QString &group, const QString &topic, int queueId, qint64 offset,
                     const QString &subscription, int suspendMs, int maxMsgNums)
{
    PullMessageRequestHeader h;
    h.consumerGroup = group;
    h.topic = topic;
    h.queueId = queueId;
    h.queueOffset = offset;
    h.maxMsgNums = maxMsgNums;
    h.sysFlag = PullSysFlag::build(false, suspendMs > 0, true, false);
    h.commitOffset = 0;
    h.suspendTimeoutMillis = suspendMs;
    h.subscription = subscription;
    h.subVersion = 0;
    h.expressionType = QStringLiteral("TAG");
    RemotingCommand cmd = RemotingCommand::request(RequestCode::PullMessage, h.toExtFields());
    cmd.language = LanguageCode::JAVA;
    return cmd;
}

} // namespace sbtest
