// Consumers as the broker sees them: heartbeats, membership notifications, consumer lists and
// connections, consume stats, offset resets pushed to clients and running info forwarded to
// them. Recorded client frames are replayed; the recorded broker frames decide.
#include "AdminData.h"
#include "Broker.h"
#include "Headers.h"
#include "NameServer.h"
#include "Sandbox.h"
#include "SandboxTestSupport.h"

#include <QtTest>

using namespace mq;
using namespace mq::sandbox;

namespace {

using sbtest::kGroup;
using sbtest::kTopic;

const QString kRecordedClientAddr = QStringLiteral("127.0.0.1:52688");

// The recorded frame with its opaque replaced (for requests the recording made several times).
QByteArray withOpaque(int seq, int opaque)
{
    RemotingCommand cmd = sbtest::fixtureCommand(seq);
    cmd.opaque = opaque;
    return frame::encode(cmd);
}

RemotingCommand heartbeatAs(const QString &clientId, const QString &group)
{
    HeartbeatData data;
    data.clientID = clientId;
    ConsumerData consumer;
    consumer.groupName = group;
    consumer.subscriptionDataSet.append(SubscriptionData::fromTagExpression(kTopic, QStringLiteral("*"), 1));
    data.consumerDataSet.append(consumer);
    RemotingCommand cmd = RemotingCommand::request(RequestCode::HeartBeat, {}, data.toJson());
    cmd.language = LanguageCode::JAVA;
    return cmd;
}

QStringList consumerIds(RawClient &client, const QString &group)
{
    auto reply = client.call(request(RequestCode::GetConsumerListByGroup, {{"consumerGroup", group}}));
    if (!reply || reply->code != 0)
        return {};
    auto ids = ConsumerIdList::parse(reply->body);
    return ids ? ids->consumerIdList : QStringList();
}

int countCode(const RawClient &client, int code)
{
    int n = 0;
    for (const auto &r : client.serverRequests())
        n += r.code == code;
    return n;
}

} // namespace

class TestSandboxConsumers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void heartbeatNotifiesTheGroupThenAnswers()
    {
        Sandbox sandbox;
        RawClient consumer;
        QVERIFY(sbtest::start(sandbox, {&consumer}));
        consumer.sendRaw(fixtures::frameBySeq(56)->bytes);
        auto reply = consumer.waitForResponse(22);
        QVERIFY(reply);
        QCOMPARE(frame::encode(*reply), fixtures::frameBySeq(60)->bytes);
        // As recorded (59 before 60): NOTIFY_CONSUMER_IDS_CHANGED arrives first, oneway.
        QCOMPARE(consumer.received().size(), 2);
        RemotingCommand notify = consumer.received().first();
        RemotingCommand recorded = sbtest::fixtureCommand(59);
        notify.opaque = recorded.opaque;
        QCOMPARE(frame::encode(notify), fixtures::frameBySeq(59)->bytes);

        // The group's retry topic now exists, with the recorded route (105 -> 106).
        RawClient ns;
        QVERIFY(ns.connectTo(sandbox.nameServerAddress()));
        ns.sendRaw(fixtures::frameBySeq(105)->bytes);
        auto route = ns.waitForResponse(74);
        QVERIFY(route);
        QCOMPARE(route->body, sbtest::withAddress(sbtest::fixtureCommand(106).body, sandbox.brokerAddress()));

        // The recorded consumer list request gets the recorded answer (61 -> 62).
        consumer.sendRaw(fixtures::frameBySeq(61)->bytes);
        auto list = consumer.waitForResponse(30);
        QVERIFY(list);
        QCOMPARE(frame::encode(*list), fixtures::frameBySeq(62)->bytes);

        // A repeated heartbeat changes nothing and notifies no one.
        consumer.sendRaw(withOpaque(56, 500));
        QVERIFY(consumer.waitForResponse(500));
        QCOMPARE(countCode(consumer, 40), 1);
    }

    void membershipChangesNotifyTheRest()
    {
        Sandbox sandbox;
        RawClient a, b, admin;
        QVERIFY(sbtest::start(sandbox, {&a, &b, &admin}));
        QVERIFY(a.call(heartbeatAs(QStringLiteral("10.0.0.1@a"), QStringLiteral("grp"))));
        QCOMPARE(countCode(a, 40), 1);
        QVERIFY(b.call(heartbeatAs(QStringLiteral("10.0.0.2@b"), QStringLiteral("grp"))));
        QTRY_COMPARE(countCode(a, 40), 2); // a hears about b
        QCOMPARE(countCode(b, 40), 1);
        QCOMPARE(consumerIds(admin, QStringLiteral("grp")),
                 (QStringList{QStringLiteral("10.0.0.1@a"), QStringLiteral("10.0.0.2@b")}));

        // b's socket closes: b is gone and a is told.
        b.disconnectNow();
        QTRY_COMPARE(countCode(a, 40), 3);
        QCOMPARE(consumerIds(admin, QStringLiteral("grp")), QStringList{QStringLiteral("10.0.0.1@a")});

        // a unregisters: the group is gone.
        auto unregistered = a.call(request(RequestCode::UnregisterClient, {{"clientID", QStringLiteral("10.0.0.1@a")},
                                                                           {"consumerGroup", QStringLiteral("grp")}}));
        QVERIFY(unregistered);
        QCOMPARE(unregistered->code, 0);
        QVERIFY(unregistered->extFields && unregistered->extFields->isEmpty()); // "extFields":{} as recorded (234)
        auto none =
            admin.call(request(RequestCode::GetConsumerListByGroup, {{"consumerGroup", QStringLiteral("grp")}}));
        QVERIFY(none);
        QCOMPARE(none->code, int(ResponseCode::SystemError));
        QCOMPARE(none->remark.value_or(QString()), QStringLiteral("no consumer for this group, grp"));
        auto offline =
            admin.call(request(RequestCode::GetConsumerConnectionList, {{"consumerGroup", QStringLiteral("grp")}}));
        QVERIFY(offline);
        QCOMPARE(offline->code, int(ResponseCode::ConsumerNotOnline));
        QCOMPARE(offline->remark.value_or(QString()), QStringLiteral("the consumer group[grp] not online"));
    }

    void consumerConnectionMatchesTheRecording()
    {
        Sandbox sandbox;
        RawClient consumer, admin;
        QVERIFY(sbtest::start(sandbox, {&consumer, &admin}));
        consumer.sendRaw(fixtures::frameBySeq(122)->bytes); // the recorded consumer's last subscriptions
        QVERIFY(consumer.waitForResponse(92));
        admin.sendRaw(fixtures::frameBySeq(155)->bytes);
        auto reply = admin.waitForResponse(126);
        QVERIFY(reply);
        RemotingCommand expected = sbtest::fixtureCommand(156);
        expected.body.replace(kRecordedClientAddr.toUtf8(), consumer.localAddress().toUtf8());
        QCOMPARE(QString::fromUtf8(reply->body), QString::fromUtf8(expected.body));
        QCOMPARE(frame::encode(*reply), frame::encode(expected));
    }

    void consumeStatsMatchTheRecording()
    {
        Sandbox sandbox(sbtest::delaysScaledBy(0.001));
        RawClient producer, consumer, admin;
        QVERIFY(sbtest::start(sandbox, {&producer, &consumer, &admin}));
        QVERIFY(sbtest::replayRecordedProducer(sandbox, producer, sbtest::Until::DelayedDelivered));
        consumer.sendRaw(fixtures::frameBySeq(122)->bytes);
        QVERIFY(consumer.waitForResponse(92));
        // As recorded, the first message goes back once (reconsume later) into %RETRY%.
        const auto *first = sandbox.broker()->store().queue(kTopic, 2);
        ConsumerSendMsgBackRequestHeader back;
        back.offset = first->at(0).phyOffset;
        back.group = kGroup;
        back.delayLevel = 0;
        back.maxReconsumeTimes = 16;
        auto sentBack = consumer.call(RemotingCommand::request(RequestCode::ConsumerSendMsgBack, back.toExtFields()));
        QVERIFY(sentBack);
        QCOMPARE(frame::encode(*sentBack).mid(8), [&] {
            RemotingCommand r = sbtest::fixtureCommand(111);
            r.opaque = sentBack->opaque;
            return frame::encode(r).mid(8);
        }());
        QTRY_COMPARE(sandbox.broker()->store().maxOffset(QStringLiteral("%RETRY%fixture-consumer"), 0), 1);
        for (int seq : {136, 137, 138, 139, 140}) // the recorded commits
            consumer.sendRaw(fixtures::frameBySeq(seq)->bytes);
        QTRY_COMPARE(sandbox.broker()->consumerOffsets().query(kGroup, kTopic, 1), 1);

        admin.sendRaw(fixtures::frameBySeq(151)->bytes);
        auto reply = admin.waitForResponse(122);
        QVERIFY(reply);
        QCOMPARE(reply->code, 0);
        auto ours = ConsumeStats::parse(reply->body);
        auto recorded = ConsumeStats::parse(sbtest::fixtureCommand(152).body);
        QVERIFY(ours);
        QVERIFY(recorded);
        QCOMPARE(ours->offsetTable.keys(), recorded->offsetTable.keys()); // same queues, Java HashMap order
        for (const auto &[mq, theirs] : recorded->offsetTable.entries()) {
            const OffsetWrapper *mine = ours->offsetTable.find(mq);
            QVERIFY(mine);
            QCOMPARE(mine->brokerOffset, theirs.brokerOffset);
            QCOMPARE(mine->consumerOffset, theirs.consumerOffset);
            QCOMPARE(mine->lastTimestamp,
                     sandbox.broker()->store().storeTimestamp(mq.topic, mq.queueId, mine->consumerOffset - 1));
        }
        QVERIFY(ours->consumeTps >= 0);
    }

    void resetOffsetIsPushedToOnlineConsumers()
    {
        Sandbox sandbox;
        RawClient producer, consumer, admin;
        QVERIFY(sbtest::start(sandbox, {&producer, &consumer, &admin}));
        QVERIFY(sbtest::replayRecordedProducer(sandbox, producer));
        consumer.sendRaw(fixtures::frameBySeq(122)->bytes);
        QVERIFY(consumer.waitForResponse(92));
        for (int seq : {130, 131, 132, 133})
            consumer.sendRaw(fixtures::frameBySeq(seq)->bytes);
        QTRY_COMPARE(sandbox.broker()->consumerOffsets().query(kGroup, kTopic, 1), 1);

        admin.sendRaw(fixtures::frameBySeq(175)->bytes); // reset to timestamp 0, isForce
        auto reply = admin.waitForResponse(146);
        QVERIFY(reply);
        QCOMPARE(frame::encode(*reply), fixtures::frameBySeq(176)->bytes);
        auto pushed = consumer.waitForServerRequest(int(RequestCode::ResetConsumerClientOffset));
        QVERIFY(pushed);
        RemotingCommand expected = sbtest::fixtureCommand(177); // isForce "false", as 4.9.8 forwards it
        expected.opaque = pushed->opaque;
        QCOMPARE(frame::encode(*pushed), frame::encode(expected));
    }

    void resetOffsetOfAnOfflineGroup()
    {
        SandboxOptions strict;
        strict.broker.resetOffsetWhenOffline = false;
        for (bool lenient : {true, false}) {
            Sandbox sandbox(lenient ? SandboxOptions() : strict);
            RawClient producer, admin;
            QVERIFY(sbtest::start(sandbox, {&producer, &admin}));
            QVERIFY(sbtest::replayRecordedProducer(sandbox, producer));
            producer.sendRaw(fixtures::frameBySeq(130)->bytes); // the group committed 4 on queue 2
            QTRY_COMPARE(sandbox.broker()->consumerOffsets().query(kGroup, kTopic, 2), 4);
            admin.sendRaw(fixtures::frameBySeq(175)->bytes);
            auto reply = admin.waitForResponse(146);
            QVERIFY(reply);
            if (lenient) {
                QCOMPARE(reply->code, 0);
                QCOMPARE(sandbox.broker()->consumerOffsets().query(kGroup, kTopic, 2), 0);
                QCOMPARE(reply->body, sbtest::fixtureCommand(176).body);
            } else {
                QCOMPARE(reply->code, int(ResponseCode::ConsumerNotOnline));
                QCOMPARE(reply->remark.value_or(QString()),
                         QStringLiteral("Consumer not online, so can not reset offset, Group: fixture-consumer "
                                        "Topic: fixture-topic Timestamp: 0"));
                QCOMPARE(sandbox.broker()->consumerOffsets().query(kGroup, kTopic, 2), 4);
            }
        }
    }

    void runningInfoIsForwardedToTheConsumer()
    {
        Sandbox sandbox;
        RawClient consumer, admin;
        QVERIFY(sbtest::start(sandbox, {&consumer, &admin}));
        consumer.setResponder([](const RemotingCommand &) { return sbtest::fixtureCommand(165); });
        consumer.sendRaw(fixtures::frameBySeq(122)->bytes);
        QVERIFY(consumer.waitForResponse(92));

        admin.sendRaw(fixtures::frameBySeq(163)->bytes);
        auto reply = admin.waitForResponse(134);
        QVERIFY(reply);
        QCOMPARE(frame::encode(*reply), fixtures::frameBySeq(166)->bytes); // the client's answer, our opaque
        auto asked = consumer.waitForServerRequest(int(RequestCode::GetConsumerRunningInfo));
        QVERIFY(asked);
        RemotingCommand expected = sbtest::fixtureCommand(164);
        expected.opaque = asked->opaque;
        QCOMPARE(frame::encode(*asked), frame::encode(expected));

        // Nobody by that id: the broker says so.
        auto missing =
            admin.call(request(RequestCode::GetConsumerRunningInfo, {{"consumerGroup", kGroup},
                                                                     {"clientId", QStringLiteral("nobody")},
                                                                     {"jstackEnable", QStringLiteral("false")}}));
        QVERIFY(missing);
        QCOMPARE(missing->code, int(ResponseCode::SystemError));
        QCOMPARE(missing->remark.value_or(QString()),
                 QStringLiteral("The Consumer <fixture-consumer> <nobody> not online"));
    }

    void consoleViewsOfGroupsAndTheBroker()
    {
        Sandbox sandbox;
        RawClient consumer, admin;
        QVERIFY(sbtest::start(sandbox, {&consumer, &admin}));
        QCOMPARE(sbtest::sendNumbered(admin, kTopic, 3), 3);
        QVERIFY(consumer.call(heartbeatAs(QStringLiteral("10.0.0.1@a"), QStringLiteral("online-group"))));
        QVERIFY(
            admin.call(request(RequestCode::UpdateConsumerOffset, {{"consumerGroup", QStringLiteral("offline-group")},
                                                                   {"topic", kTopic},
                                                                   {"queueId", QStringLiteral("0")},
                                                                   {"commitOffset", QStringLiteral("2")}})));
        QVERIFY(admin.call(request(RequestCode::UpdateConsumerOffset, {{"consumerGroup", QStringLiteral("elsewhere")},
                                                                       {"topic", QStringLiteral("other")},
                                                                       {"queueId", QStringLiteral("0")},
                                                                       {"commitOffset", QStringLiteral("1")}})));

        auto who = admin.call(request(RequestCode::QueryTopicConsumeByWho, {{"topic", kTopic}}));
        QVERIFY(who);
        QCOMPARE(who->code, 0);
        auto groups = json::parse(who->body);
        QVERIFY(groups);
        QStringList names;
        for (const auto &g : (*groups)["groupList"].items())
            names.append(g.toString());
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("offline-group"), QStringLiteral("online-group")}));

        auto all = admin.call(request(RequestCode::GetAllSubscriptionGroupConfig, {}));
        QVERIFY(all);
        QCOMPARE(all->code, 0);
        auto wrapper = json::parse(all->body);
        QVERIFY(wrapper);
        const auto &table = (*wrapper)["subscriptionGroupTable"];
        for (const char *g : {"online-group", "offline-group", "elsewhere", "TOOLS_CONSUMER"})
            QVERIFY2(table.contains(g), g);
        QCOMPARE(table["online-group"]["retryMaxTimes"].toInt(), 16);

        auto runtime = admin.call(request(RequestCode::GetBrokerRuntimeInfo, {}));
        QVERIFY(runtime);
        QCOMPARE(runtime->code, 0);
        auto kv = json::parse(runtime->body);
        QVERIFY(kv);
        QCOMPARE((*kv)["table"]["brokerVersionDesc"].toString(), QStringLiteral("V4_9_8"));
        QCOMPARE((*kv)["table"]["msgPutTotalTodayNow"].toString(), QStringLiteral("3"));
    }

    void orderlyConsumersLockQueues()
    {
        Sandbox sandbox;
        RawClient a, b;
        QVERIFY(sbtest::start(sandbox, {&a, &b}));
        const auto lockBody = [](const QString &client, QList<int> queues) {
            json::Value set = json::Value::array();
            for (int q : queues) {
                json::Value mq = json::Value::object();
                mq.insert(QStringLiteral("brokerName"), json::Value::string(QStringLiteral("broker-a")));
                mq.insert(QStringLiteral("queueId"), json::Value::number(qint64(q)));
                mq.insert(QStringLiteral("topic"), json::Value::string(kTopic));
                set.append(mq);
            }
            json::Value body = json::Value::object();
            body.insert(QStringLiteral("clientId"), json::Value::string(client));
            body.insert(QStringLiteral("consumerGroup"), json::Value::string(kGroup));
            body.insert(QStringLiteral("mqSet"), set);
            return json::write(body);
        };
        const auto granted = [](const std::optional<RemotingCommand> &reply) {
            QList<int> queues;
            if (auto body = json::parse(reply ? reply->body : QByteArray()))
                for (const auto &mq : (*body)["lockOKMQSet"].items())
                    queues.append(int(mq["queueId"].toInt()));
            std::sort(queues.begin(), queues.end());
            return queues;
        };
        auto first = a.call(request(RequestCode::LockBatchMq, {}, lockBody(QStringLiteral("a"), {0, 1})));
        QCOMPARE(granted(first), (QList<int>{0, 1}));
        auto second = b.call(request(RequestCode::LockBatchMq, {}, lockBody(QStringLiteral("b"), {1, 2})));
        QCOMPARE(granted(second), QList<int>{2}); // 1 is a's
        auto unlocked = a.call(request(RequestCode::UnlockBatchMq, {}, lockBody(QStringLiteral("a"), {1})));
        QVERIFY(unlocked);
        QCOMPARE(unlocked->code, 0);
        auto third = b.call(request(RequestCode::LockBatchMq, {}, lockBody(QStringLiteral("b"), {1, 2})));
        QCOMPARE(granted(third), (QList<int>{1, 2}));
    }
};

QTEST_GUILESS_MAIN(TestSandboxConsumers)
#include "test_sandbox_consumers.moc"
