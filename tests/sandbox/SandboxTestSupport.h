#pragma once

#include "MessageCodec.h"
#include "RawClient.h"
#include "RemotingCommand.h"
#include "fixtures.h"

#include <QByteArray>
#include <QString>

// Helpers shared by the sandbox tests.
namespace sbtest {

// The decoded fixture frame `seq` (a recorded request replays as it was sent, opaque included).
mq::RemotingCommand fixtureCommand(int seq);
// Fixture bytes with the recorded broker address replaced by ours.
QByteArray withAddress(const QByteArray &fixtureBody, const QString &brokerAddress);
// The messages of a recorded pull/query response body.
QList<mq::MessageExt> fixtureMessages(int seq);
// Decodes a response body of stored messages (bodies left as stored).
QList<mq::MessageExt> decodeStored(const QByteArray &body);

// Frames for common requests.
mq::RemotingCommand sendV2(const QString &topic, int queueId, const QString &properties, const QByteArray &body,
                           int sysFlag = 0);
mq::RemotingCommand pull(const QString &group, const QString &topic, int queueId, qint64 offset,
                         const QString &subscription = QStringLiteral("*"), int suspendMs = 0, int maxMsgNums = 32);

} // namespace sbtest
