#include "SandboxTestSupport.h"

#include "Broker.h"
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

sandbox::SandboxOptions delaysScaledBy(double scale)
{
    sandbox::SandboxOptions options;
    options.broker.delayTimeScale = scale;
    return options;
}

QStringList extKeys(const RemotingCommand &cmd)
{
    QStringList keys;
    if (cmd.extFields)
        for (const auto &e : cmd.extFields->entries())
            keys.append(e.first);
    return keys;
}

bool start(sandbox::Sandbox &sandbox, std::initializer_list<RawClient *> brokerClients,
           std::initializer_list<RawClient *> nameServerClients)
{
    if (auto started = sandbox.start(); !started) {
        qWarning("the sandbox did not start: %s", qPrintable(started.error().message));
        return false;
    }
    const auto connectAll = [](std::initializer_list<RawClient *> clients, const QString &address) {
        for (RawClient *client : clients) {
            if (!client->connectTo(address)) {
                qWarning("cannot connect to %s", qPrintable(address));
                return false;
            }
        }
        return true;
    };
    return connectAll(brokerClients, sandbox.brokerAddress()) &&
           connectAll(nameServerClients, sandbox.nameServerAddress());
}

bool replayRecordedProducer(sandbox::Sandbox &sandbox, RawClient &producer, Until until)
{
    producer.sendRaw(fixtures::frameBySeq(5)->bytes);
    if (!producer.waitForResponse(4)) {
        qWarning("the recorded create-topic request (5) got no answer");
        return false;
    }
    for (int seq : {34, 39, 41, 43, 45, 47})
        producer.sendRaw(fixtures::frameBySeq(seq)->bytes);
    const auto &store = sandbox.broker()->store();
    // The oneway send (47) has no answer: wait until it is stored.
    if (!QTest::qWaitFor([&] { return store.maxOffset(kTopic, 3) == 2; })) {
        qWarning("the recorded sends were not stored: queue 3 holds %lld, not 2", store.maxOffset(kTopic, 3));
        return false;
    }
    // The delayed message (DELAY 1) reaches queue 1 through SCHEDULE_TOPIC_XXXX.
    if (until == Until::DelayedDelivered && !QTest::qWaitFor([&] { return store.maxOffset(kTopic, 1) == 1; })) {
        qWarning("the recorded delayed message did not reach queue 1");
        return false;
    }
    return true;
}

int sendNumbered(RawClient &client, const QString &topic, int count)
{
    int stored = 0;
    for (int i = 0; i < count; ++i) {
        auto reply = client.call(sendV2(topic, 0, QStringLiteral("KEYS\u0001k%1").arg(i), QByteArray::number(i)));
        stored += reply && reply->code == 0;
    }
    return stored;
}

QList<MessageExt> pullStored(RawClient &client, const QString &topic, int queueId, qint64 offset)
{
    auto reply = client.call(pull(QStringLiteral("reader"), topic, queueId, offset));
    return reply && reply->code == 0 ? decodeStored(reply->body) : QList<MessageExt>();
}

qint64 sendForOffset(RawClient &client, const QString &topic, int queueId, const QByteArray &body)
{
    auto reply = client.call(sendV2(topic, queueId, QString(), body));
    return reply && reply->code == 0 ? reply->field(QStringLiteral("queueOffset")).toLongLong() : -1;
}

} // namespace sbtest
