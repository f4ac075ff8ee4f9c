#pragma once

#include "MessageCodec.h"
#include "RawClient.h"
#include "RemotingCommand.h"
#include "Sandbox.h"
#include "fixtures.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <initializer_list>

// Helpers shared by the sandbox tests.
namespace sbtest {

// The topic and consumer group of the recording.
inline const QString kTopic = QStringLiteral("fixture-topic");
inline const QString kGroup = QStringLiteral("fixture-consumer");

// Sandbox options with every delay level's time multiplied by `scale` (level 1, 1 s, takes
// `scale` seconds).
mq::sandbox::SandboxOptions delaysScaledBy(double scale);

// The names of a command's ext fields, in order.
QStringList extKeys(const mq::RemotingCommand &cmd);

// The opening of most tests: starts `sandbox` and connects the clients to its first broker
// and to its name server. False, with a warning that names the step that failed, so a test
// can QVERIFY it.
[[nodiscard]] bool start(mq::sandbox::Sandbox &sandbox, std::initializer_list<RawClient *> brokerClients,
                         std::initializer_list<RawClient *> nameServerClients = {});

// How long replayRecordedProducer waits.
enum class Until {
    Stored,           // every recorded send is stored (the oneway one, 47, included)
    DelayedDelivered, // ... and the DELAY 1 message (43) reached queue 1: needs a small delayTimeScale
};
// Sends the recorded create-topic frame (5) and the recorded producer's frames (34 .. 47) as
// they were recorded, through `producer`. False, with a warning, when the wait runs out.
[[nodiscard]] bool replayRecordedProducer(mq::sandbox::Sandbox &sandbox, RawClient &producer,
                                          Until until = Until::Stored);

// Sends `count` messages to queue 0 of `topic`, message i with key "k<i>" and body "<i>";
// how many were stored (answered with code 0).
int sendNumbered(RawClient &client, const QString &topic, int count);
// Pulls up to 32 messages of queue `queueId` of `topic` from `offset`, decoded as stored;
// empty unless the broker found some.
QList<mq::MessageExt> pullStored(RawClient &client, const QString &topic, int queueId, qint64 offset = 0);
// Sends one message and returns the queue offset the broker gave it; -1 when refused.
qint64 sendForOffset(RawClient &client, const QString &topic, int queueId, const QByteArray &body);

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
