// Topics, routes, cluster, consumer groups (connections, progress, reset) and the message
// track, against the in-process sandbox; what the sandbox does not answer (runtime info,
// QUERY_TOPIC_CONSUME_BY_WHO) against a fake peer answering like a 4.9.8 broker.
#include "AdminData.h"
#include "AdminTestKit.h"
#include "Broker.h"
#include "FakeServer.h"
#include "GroupQueries.h"
#include "Headers.h"
#include "TestSupport.h"

#include <QSignalSpy>
#include <QtTest>

using namespace mq;
using testing::await;
using testing::why;

class TestAdminGroups : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void topicsHideSystemTopics();
    void routeInWords();
    void clusterFromSandbox();
    void clusterVersionsAndUnreachableBrokers();
    void topicConsumersFromBroker();
    void connectionsOnlineAndNot();
    void consumerGroupsFromRetryTopics();
    void progressPerQueue();
    void progressNamesQueueHolders();
    void resetWrittenWhenNobodyOnline();
    void resetFallsBackWhenBrokerRefusesOffline();
    void resetOnlineTellsConsumers();
    void planMovesNothing();
    void badResetRequests();
    void trackOfflineGroups();
    void trackWhenBrokerCannotListGroups();
    void trackManyMessages();
    void trackFilteredByTag();

private:
    QString sendQueue(const QString &topic, int broker, int queue, int count);
    testkit::Cluster m_cluster;
};

void TestAdminGroups::initTestCase()
{
    testkit::ClusterOptions options;
    options.brokers = 2;
    const QString error = m_cluster.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

QString TestAdminGroups::sendQueue(const QString &topic, int broker, int queue, int count)
{
    QString err;
    for (int i = 0; i < count; ++i)
        if (!m_cluster.send(topic, broker, queue, {}, QStringLiteral("TagA"), "m", &err))
            return err;
    return {};
}

void TestAdminGroups::topicsHideSystemTopics()
{
    QVERIFY(m_cluster.createTopic(QStringLiteral("UserTopicOne")).isEmpty());
    testkit::FakeConsumer consumer(m_cluster, QStringLiteral("topics-group"), QStringLiteral("UserTopicOne"));
    QVERIFY(consumer.heartbeat()); // creates %RETRY%topics-group
    auto visible = await(m_cluster.admin().topics());
    QVERIFY2(visible && *visible, why(visible).constData());
    auto all = await(m_cluster.admin().topics(true));
    QVERIFY2(all && *all, why(all).constData());
    QVERIFY((*visible)->topics.contains(QStringLiteral("UserTopicOne")));
    for (const QString &system :
         {QStringLiteral("TBW102"), QStringLiteral("SCHEDULE_TOPIC_XXXX"), QStringLiteral("%RETRY%topics-group"),
          QStringLiteral("DefaultCluster"), m_cluster.brokerName(0), m_cluster.brokerName(1)}) {
        QVERIFY2((*all)->topics.contains(system), qPrintable(system));
        QVERIFY2(!(*visible)->topics.contains(system), qPrintable(system));
    }
    QCOMPARE((*visible)->hiddenSystemTopics, (*all)->topics.size() - (*visible)->topics.size());
    QCOMPARE((*all)->hiddenSystemTopics, 0);
    QStringList sorted = (*all)->topics;
    sorted.sort();
    QCOMPARE((*all)->topics, sorted);
}

void TestAdminGroups::routeInWords()
{
    QVERIFY(m_cluster.createTopic(QStringLiteral("RouteWords"), 8, 6, 0).isEmpty());
    QVERIFY(m_cluster.createTopic(QStringLiteral("RouteWords"), 2, 4, 1).isEmpty());
    auto route = await(m_cluster.admin().route(QStringLiteral("RouteWords")));
    QVERIFY2(route && *route, why(route).constData());
    const auto views = describeRoute(**route);
    QCOMPARE(views.size(), 2);
    QCOMPARE(views[0].brokerName, m_cluster.brokerName(0));
    QCOMPARE(views[0].readQueues, 8);
    QCOMPARE(views[0].permText, QStringLiteral("read, write"));
    QCOMPARE(views[0].addresses.value(0), m_cluster.brokerAddress(0));
    QCOMPARE(views[1].brokerName, m_cluster.brokerName(1));
    QCOMPARE(views[1].writeQueues, 2);
    QCOMPARE(views[1].permText, QStringLiteral("read only"));
    QCOMPARE(views[1].cluster, QStringLiteral("DefaultCluster"));
    auto missing = await(m_cluster.admin().route(QStringLiteral("NoSuchRoute")));
    QVERIFY(missing && !*missing);
    QCOMPARE(missing->error().code, Error::Code::NotFound);
}

void TestAdminGroups::clusterFromSandbox()
{
    auto view = await(m_cluster.admin().cluster());
    QVERIFY2(view && *view, why(view).constData());
    QCOMPARE((*view)->clusters, QStringList{QStringLiteral("DefaultCluster")});
    QCOMPARE((*view)->brokers.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const BrokerInfo &b = (*view)->brokers[i];
        QCOMPARE(b.brokerName, m_cluster.brokerName(i));
        QCOMPARE(b.address, m_cluster.brokerAddress(i));
        QCOMPARE(b.brokerId, 0);
        QVERIFY2(b.reachable && b.error.isEmpty(), qPrintable(b.error));
        QCOMPARE(b.version, QStringLiteral("V4_9_8")); // what GET_BROKER_RUNTIME_INFO says
        QCOMPARE(b.runtime.value(QStringLiteral("brokerVersion")), QStringLiteral("409"));
    }
}

void TestAdminGroups::clusterVersionsAndUnreachableBrokers()
{
    // One peer plays name server (cluster info naming itself and a dead address) and broker.
    testing::FakeServer peer;
    const QString dead = QStringLiteral("127.0.0.1:%1").arg(testkit::closedPort());
    ClusterInfo info;
    BrokerData alive{QStringLiteral("FakeCluster"), QStringLiteral("broker-up"), {}};
    alive.brokerAddrs.insert(0, peer.address());
    BrokerData gone{QStringLiteral("FakeCluster"), QStringLiteral("broker-down"), {}};
    gone.brokerAddrs.insert(0, dead);
    info.brokerAddrTable.insert(alive.brokerName, alive);
    info.brokerAddrTable.insert(gone.brokerName, gone);
    info.clusterAddrTable.insert(QStringLiteral("FakeCluster"), {alive.brokerName, gone.brokerName});
    peer.setResponder([&](const RemotingCommand &request) -> std::optional<RemotingCommand> {
        RemotingCommand response = testing::responseTo(request);
        if (request.code == toInt(RequestCode::GetBrokerClusterInfo))
            response.body = info.toJson();
        else if (request.code == toInt(RequestCode::GetBrokerRuntimeInfo))
            response.body = "{\"table\":{\"brokerVersionDesc\":\"V4_9_8\",\"brokerVersion\":\"409\","
                            "\"msgPutTotalTodayNow\":\"12\"}}";
        else
            response = testing::responseTo(request, toInt(ResponseCode::RequestCodeNotSupported));
        return response;
    });
    ClientConfig config;
    config.nameServer = peer.address();
    config.connectTimeout = std::chrono::milliseconds(1000);
    ClientInstance client(config);
    auto started = await(client.start());
    QVERIFY2(started && *started, why(started).constData());
    Admin admin(&client);
    auto view = await(admin.cluster());
    QVERIFY2(view && *view, why(view).constData());
    QCOMPARE((*view)->brokers.size(), 2);
    const BrokerInfo &down = (*view)->brokers[0]; // sorted by name: broker-down first
    const BrokerInfo &up = (*view)->brokers[1];
    QCOMPARE(down.brokerName, QStringLiteral("broker-down"));
    QVERIFY(!down.reachable);
    QVERIFY2(down.error.contains(dead), qPrintable(down.error));
    QCOMPARE(up.brokerName, QStringLiteral("broker-up"));
    QVERIFY(up.reachable);
    QCOMPARE(up.version, QStringLiteral("V4_9_8"));
    QCOMPARE(up.runtime.value(QStringLiteral("msgPutTotalTodayNow")), QStringLiteral("12"));
    auto runtime = await(admin.brokerRuntime(peer.address()));
    QVERIFY2(runtime && *runtime, why(runtime).constData());
    QCOMPARE((*runtime)->value(QStringLiteral("brokerVersion")), QStringLiteral("409"));
}

void TestAdminGroups::topicConsumersFromBroker()
{
    testing::FakeServer broker;
    bool supported = true;
    broker.setResponder([&](const RemotingCommand &request) -> std::optional<RemotingCommand> {
        if (request.code != toInt(RequestCode::QueryTopicConsumeByWho) || !supported)
            return testing::responseTo(request, toInt(ResponseCode::RequestCodeNotSupported));
        RemotingCommand response = testing::responseTo(request);
        response.body = "{\"groupList\":[\"group-b\",\"group-a\"]}";
        return response;
    });
    QPointer<ClientInstance> client(&m_cluster.client());
    const QList<admin::BrokerTarget> targets{{QStringLiteral("fake"), broker.address()}};
    auto groups = await(admin::topicConsumers(client, targets, QStringLiteral("SomeTopic")));
    QVERIFY2(groups && *groups, why(groups).constData());
    QCOMPARE(**groups, (QStringList{QStringLiteral("group-a"), QStringLiteral("group-b")}));
    const auto asked = broker.receivedWithCode(toInt(RequestCode::QueryTopicConsumeByWho));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().field(QStringLiteral("topic")), QStringLiteral("SomeTopic"));
    supported = false;
    auto unsupported = await(admin::topicConsumers(client, targets, QStringLiteral("SomeTopic")));
    QVERIFY(unsupported && !*unsupported);
    QCOMPARE(unsupported->error().code, Error::Code::Unsupported);
}

void TestAdminGroups::connectionsOnlineAndNot()
{
    const QString topic = QStringLiteral("ConnTopic");
    QVERIFY(m_cluster.createTopic(topic).isEmpty());
    testkit::FakeConsumer consumer(m_cluster, QStringLiteral("conn-group"), topic, QStringLiteral("TagA || TagB"));
    QVERIFY(consumer.heartbeat());
    auto online = await(m_cluster.admin().connections(QStringLiteral("conn-group")));
    QVERIFY2(online && *online, why(online).constData());
    const GroupConnections &c = **online;
    QVERIFY(c.online);
    QCOMPARE(c.connections.size(), 1); // seen by both brokers, listed once
    QCOMPARE(c.connections.first().clientId, consumer.clientId());
    QCOMPARE(c.connections.first().language, QStringLiteral("JAVA"));
    QCOMPARE(clientVersionName(c.connections.first().version), QStringLiteral("V4_9_8"));
    QCOMPARE(c.consumeType, ConsumeType::Passively);
    QCOMPARE(c.messageModel, MessageModel::Clustering);
    QVERIFY(c.subscriptions.contains(topic));
    QCOMPARE(c.subscriptions.value(topic).subString, QStringLiteral("TagA || TagB"));

    auto offline = await(m_cluster.admin().connections(QStringLiteral("nobody-runs-this")));
    QVERIFY2(offline && *offline, why(offline).constData());
    QVERIFY(!(*offline)->online);
    QVERIFY((*offline)->connections.isEmpty());
}

void TestAdminGroups::consumerGroupsFromRetryTopics()
{
    testkit::FakeConsumer consumer(m_cluster, QStringLiteral("listed-group"), QStringLiteral("ConnTopic"));
    QVERIFY(consumer.heartbeat());
    auto groups = await(m_cluster.admin().consumerGroups());
    QVERIFY2(groups && *groups, why(groups).constData());
    QVERIFY((*groups)->contains(QStringLiteral("listed-group")));
    QVERIFY(!(*groups)->contains(kToolsConsumerGroup));
}

void TestAdminGroups::progressPerQueue()
{
    const QString topic = QStringLiteral("ProgressTopic");
    const QString group = QStringLiteral("progress-group");
    QVERIFY(m_cluster.createTopic(topic, 2).isEmpty());
    QVERIFY(sendQueue(topic, 0, 0, 3).isEmpty());
    QVERIFY(sendQueue(topic, 0, 1, 2).isEmpty());
    QVERIFY(sendQueue(topic, 1, 0, 1).isEmpty());
    QVERIFY(m_cluster.commitOffset(0, group, topic, 0, 1));
    QVERIFY(m_cluster.commitOffset(0, group, topic, 1, 2));
    QVERIFY(m_cluster.commitOffset(1, group, topic, 0, 0));
    auto progress = await(m_cluster.admin().progress(group));
    QVERIFY2(progress && *progress, why(progress).constData());
    const GroupProgress &p = **progress;
    QCOMPARE(p.group, group);
    QVERIFY(p.failures.isEmpty());
    struct Expected {
        int broker, queue;
        qint64 brokerOffset, consumerOffset;
    };
    const QList<Expected> expected{{0, 0, 3, 1}, {0, 1, 2, 2}, {1, 0, 1, 0}, {1, 1, 0, 0}};
    QCOMPARE(p.queues.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QueueProgress &q = p.queues[i];
        QCOMPARE(q.queue, (MessageQueue{topic, m_cluster.brokerName(expected[i].broker), expected[i].queue}));
        QCOMPARE(q.brokerOffset, expected[i].brokerOffset);
        QCOMPARE(q.consumerOffset, expected[i].consumerOffset);
        QCOMPARE(q.lag(), expected[i].brokerOffset - expected[i].consumerOffset);
        // The last consumed message's store time, when the group consumed anything there.
        QCOMPARE(q.lastTimestamp > 0, expected[i].consumerOffset > 0);
    }
    QCOMPARE(p.totalLag(), 3);
    auto none = await(m_cluster.admin().progress(QString()));
    QVERIFY(none && !*none);
    QCOMPARE(none->error().code, Error::Code::InvalidArgument);
}

void TestAdminGroups::progressNamesQueueHolders()
{
    const QString topic = QStringLiteral("HeldTopic");
    const QString group = QStringLiteral("held-group");
    QVERIFY(m_cluster.createTopic(topic, 2).isEmpty());
    QVERIFY(sendQueue(topic, 0, 0, 2).isEmpty());
    QVERIFY(m_cluster.commitOffset(0, group, topic, 0, 1));
    QVERIFY(m_cluster.commitOffset(1, group, topic, 0, 0));
    testkit::FakeConsumer consumer(m_cluster, group, topic);
    consumer.holdQueues(
        {MessageQueue{topic, m_cluster.brokerName(0), 0}, MessageQueue{topic, m_cluster.brokerName(1), 1}});
    QVERIFY(consumer.heartbeat());
    auto progress = await(m_cluster.admin().progress(group, true));
    QVERIFY2(progress && *progress, why(progress).constData());
    int held = 0;
    for (const QueueProgress &q : (*progress)->queues) {
        const bool holds = (q.queue.brokerName == m_cluster.brokerName(0) && q.queue.queueId == 0) ||
                           (q.queue.brokerName == m_cluster.brokerName(1) && q.queue.queueId == 1);
        QCOMPARE(q.clientId, holds ? consumer.clientId() : QString());
        held += holds ? 1 : 0;
    }
    QCOMPARE(held, 2);
}

void TestAdminGroups::resetWrittenWhenNobodyOnline()
{
    // The sandbox's default: with nobody online the broker stores the offsets itself.
    const QString topic = QStringLiteral("ResetOffline");
    const QString group = QStringLiteral("reset-offline");
    QVERIFY(m_cluster.createTopic(topic, 2, 6, 0).isEmpty());
    QVERIFY(sendQueue(topic, 0, 0, 3).isEmpty());
    QVERIFY(sendQueue(topic, 0, 1, 2).isEmpty());
    QVERIFY(m_cluster.commitOffset(0, group, topic, 0, 3));
    QVERIFY(m_cluster.commitOffset(0, group, topic, 1, 2));
    auto report = await(m_cluster.admin().resetOffset(group, topic, 0));
    QVERIFY2(report && *report, why(report).constData());
    const ResetReport &r = **report;
    QCOMPARE(r.written, QStringList{m_cluster.brokerName(0)});
    QVERIFY(r.viaConsumers.isEmpty());
    QCOMPARE(r.moves.size(), 2);
    QCOMPARE(r.moves[0].queue, (MessageQueue{topic, m_cluster.brokerName(0), 0}));
    QCOMPARE(r.moves[0].from, 3);
    QCOMPARE(r.moves[0].to, 0);
    QCOMPARE(r.moves[1].from, 2);
    QCOMPARE(r.moves[1].to, 0);
    QVERIFY(r.moves[0].moved() && r.moves[1].moved());
    QCOMPARE(m_cluster.brokerOffset(0, group, topic, 0), 0);
    QCOMPARE(m_cluster.brokerOffset(0, group, topic, 1), 0);
}

void TestAdminGroups::resetFallsBackWhenBrokerRefusesOffline()
{
    // A 4.9.8 broker answers CONSUMER_NOT_ONLINE; then the offsets are searched and written.
    testkit::Cluster strict;
    testkit::ClusterOptions options;
    options.resetOffsetWhenOffline = false;
    const QString error = strict.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString topic = QStringLiteral("ResetStrict");
    const QString group = QStringLiteral("strict-group");
    QVERIFY(strict.createTopic(topic, 2).isEmpty());
    QString err;
    for (int q = 0; q < 2; ++q)
        for (int i = 0; i < 4; ++i)
            QVERIFY2(strict.send(topic, 0, q, {}, QStringLiteral("TagA"), "m", &err), qPrintable(err));
    QVERIFY(strict.commitOffset(0, group, topic, 0, 4));
    QVERIFY(strict.commitOffset(0, group, topic, 1, 1));
    const qint64 future = QDateTime::currentMSecsSinceEpoch() + 3600000;
    auto report = await(strict.admin().resetOffset(group, topic, future));
    QVERIFY2(report && *report, why(report).constData());
    QCOMPARE((*report)->written, QStringList{strict.brokerName(0)});
    QCOMPARE((*report)->moves.size(), 2);
    // Past every message, the broker's time search answers the last message (offset 3).
    QCOMPARE((*report)->moves[0].from, 4);
    QCOMPARE((*report)->moves[0].to, 3);
    QCOMPARE((*report)->moves[1].from, 1);
    QCOMPARE((*report)->moves[1].to, 3);
    QCOMPARE(strict.brokerOffset(0, group, topic, 0), 3);
    QCOMPARE(strict.brokerOffset(0, group, topic, 1), 3);
}

void TestAdminGroups::resetOnlineTellsConsumers()
{
    const QString topic = QStringLiteral("ResetOnline");
    const QString group = QStringLiteral("reset-online");
    QVERIFY(m_cluster.createTopic(topic, 2).isEmpty());
    QVERIFY(sendQueue(topic, 0, 0, 2).isEmpty());
    QVERIFY(sendQueue(topic, 1, 1, 3).isEmpty());
    for (int b = 0; b < 2; ++b)
        for (int q = 0; q < 2; ++q)
            QVERIFY(
                m_cluster.commitOffset(b, group, topic, q, m_cluster.sandbox().broker(b)->store().maxOffset(topic, q)));
    testkit::FakeConsumer consumer(m_cluster, group, topic);
    QVERIFY(consumer.heartbeat());
    auto report = await(m_cluster.admin().resetOffset(group, topic, 0));
    QVERIFY2(report && *report, why(report).constData());
    const ResetReport &r = **report;
    QCOMPARE(r.viaConsumers, (QStringList{m_cluster.brokerName(0), m_cluster.brokerName(1)}));
    QVERIFY(r.written.isEmpty());
    QCOMPARE(r.moves.size(), 4);
    QMap<MessageQueue, qint64> reported;
    for (const OffsetMove &m : r.moves) {
        QCOMPARE(m.to, 0);
        QCOMPARE(m.from, m_cluster.sandbox()
                             .broker(m.queue.brokerName == m_cluster.brokerName(0) ? 0 : 1)
                             ->store()
                             .maxOffset(topic, m.queue.queueId));
        reported.insert(m.queue, m.to);
    }
    // Each broker told the consumer (RESET_CONSUMER_CLIENT_OFFSET) where to go.
    QTRY_COMPARE(consumer.resets().size(), 2);
    QMap<MessageQueue, qint64> told;
    for (const RemotingCommand &reset : consumer.resets()) {
        QCOMPARE(reset.field(QStringLiteral("group")), group);
        auto body = ResetOffsetBody::parse(reset.body);
        QVERIFY(body);
        for (const auto &[queue, offset] : body->offsetTable.entries())
            told.insert(queue, offset);
    }
    QCOMPARE(told, reported);
}

void TestAdminGroups::planMovesNothing()
{
    const QString topic = QStringLiteral("ResetPlan");
    const QString group = QStringLiteral("plan-group");
    QVERIFY(m_cluster.createTopic(topic, 2, 6, 1).isEmpty());
    QVERIFY(sendQueue(topic, 1, 0, 3).isEmpty());
    QVERIFY(m_cluster.commitOffset(1, group, topic, 0, 3));
    auto plan = await(m_cluster.admin().planReset(group, topic, 0));
    QVERIFY2(plan && *plan, why(plan).constData());
    QCOMPARE((*plan)->moves.size(), 2);
    QCOMPARE((*plan)->moves[0].from, 3);
    QCOMPARE((*plan)->moves[0].to, 0);
    QVERIFY((*plan)->written.isEmpty() && (*plan)->viaConsumers.isEmpty());
    QCOMPARE(m_cluster.brokerOffset(1, group, topic, 0), 3); // untouched
}

void TestAdminGroups::badResetRequests()
{
    auto noGroup = await(m_cluster.admin().resetOffset(QString(), QStringLiteral("ResetPlan"), 0));
    QVERIFY(noGroup && !*noGroup);
    QCOMPARE(noGroup->error().code, Error::Code::InvalidArgument);
    auto noTopic = await(m_cluster.admin().resetOffset(QStringLiteral("g"), QStringLiteral("NoSuchResetTopic"), 0));
    QVERIFY(noTopic && !*noTopic);
    QCOMPARE(noTopic->error().code, Error::Code::NotFound);
}

void TestAdminGroups::trackOfflineGroups()
{
    const QString topic = QStringLiteral("TrackTopic");
    QVERIFY(m_cluster.createTopic(topic, 2).isEmpty());
    QString err;
    std::optional<SendResult> target;
    for (int i = 0; i < 3; ++i) {
        auto s = m_cluster.send(topic, 0, 1, {QStringLiteral("track-me")}, QStringLiteral("TagA"), "track", &err);
        QVERIFY2(s, qPrintable(err));
        if (i == 1)
            target = s;
    }
    QCOMPARE(target->queueOffset, 1);
    QVERIFY(m_cluster.commitOffset(0, QStringLiteral("past-group"), topic, 1, 2));
    QVERIFY(m_cluster.commitOffset(0, QStringLiteral("at-group"), topic, 1, 1));
    auto found = await(m_cluster.admin().queryById(target->offsetMsgId));
    QVERIFY2(found && *found, why(found).constData());
    // past-group and at-group have offsets on the topic, so the brokers list them
    // (QUERY_TOPIC_CONSUME_BY_WHO); never-group is only named.
    auto tracked = await(m_cluster.admin().track((*found)->messages.first(), {QStringLiteral("never-group")}));
    QVERIFY2(tracked && *tracked, why(tracked).constData());
    const TrackResult &t = **tracked;
    QVERIFY(t.groupsFromBroker);
    QMap<QString, MessageTrack> byGroup;
    for (const MessageTrack &track : t.tracks)
        byGroup.insert(track.group, track);
    QCOMPARE(byGroup.keys(),
             (QStringList{QStringLiteral("at-group"), QStringLiteral("never-group"), QStringLiteral("past-group")}));
    const MessageTrack past = byGroup.value(QStringLiteral("past-group"));
    QCOMPARE(past.type, TrackType::Consumed);
    QCOMPARE(past.consumerOffset, 2);
    QVERIFY(!past.online);
    QCOMPARE(past.describe(), QStringLiteral("CONSUMED (not online)"));
    QCOMPARE(byGroup.value(QStringLiteral("at-group")).type, TrackType::NotConsumed);
    QCOMPARE(byGroup.value(QStringLiteral("at-group")).consumerOffset, 1);
    QCOMPARE(byGroup.value(QStringLiteral("never-group")).type, TrackType::NotConsumed);
    QVERIFY(byGroup.value(QStringLiteral("never-group")).consumerOffset <= 0);
}

void TestAdminGroups::trackManyMessages()
{
    // The three TrackTopic messages (queue offsets 0, 1, 2) against past-group (offset 2) and
    // at-group (offset 1), tracked together.
    KeyQuery q;
    q.topic = QStringLiteral("TrackTopic");
    q.key = QStringLiteral("track-me");
    auto found = await(m_cluster.admin().queryByKey(q));
    QVERIFY2(found && *found, why(found).constData());
    QCOMPARE((*found)->messages.size(), 3);
    auto all = await(m_cluster.admin().trackAll((*found)->messages));
    QVERIFY2(all && *all, why(all).constData());
    QCOMPARE((*all)->size(), 3);
    for (qsizetype i = 0; i < 3; ++i) {
        const qint64 queueOffset = (*found)->messages[i].message.queueOffset;
        QCOMPARE(queueOffset, i);
        for (const MessageTrack &t : (**all)[i].tracks) {
            if (t.group == u"past-group")
                QCOMPARE(t.type, queueOffset < 2 ? TrackType::Consumed : TrackType::NotConsumed);
            if (t.group == u"at-group")
                QCOMPARE(t.type, queueOffset < 1 ? TrackType::Consumed : TrackType::NotConsumed);
        }
        // Each result is what tracking the message alone gives.
        auto one = await(m_cluster.admin().track((*found)->messages[i]));
        QVERIFY2(one && *one, why(one).constData());
        QCOMPARE((*one)->tracks.size(), (**all)[i].tracks.size());
        for (qsizetype k = 0; k < (*one)->tracks.size(); ++k) {
            QCOMPARE((*one)->tracks[k].group, (**all)[i].tracks[k].group);
            QCOMPARE((*one)->tracks[k].type, (**all)[i].tracks[k].type);
        }
    }
}

void TestAdminGroups::trackWhenBrokerCannotListGroups()
{
    // An older broker: no QUERY_TOPIC_CONSUME_BY_WHO, so only the named groups are checked.
    testing::FakeServer peer;
    const QString topic = QStringLiteral("OldTopic");
    TopicRouteData route;
    BrokerData broker{QStringLiteral("OldCluster"), QStringLiteral("old-broker"), {}};
    broker.brokerAddrs.insert(0, peer.address());
    route.brokerDatas.append(broker);
    route.queueDatas.append(QueueData{broker.brokerName, 1, 1, 6, 0});
    ClusterInfo cluster;
    cluster.brokerAddrTable.insert(broker.brokerName, broker);
    cluster.clusterAddrTable.insert(broker.cluster, {broker.brokerName});
    peer.setResponder([&](const RemotingCommand &request) -> std::optional<RemotingCommand> {
        RemotingCommand response = testing::responseTo(request);
        switch (static_cast<RequestCode>(request.code)) {
        case RequestCode::GetRouteInfoByTopic:
            if (request.field(QStringLiteral("topic")) != topic)
                return testing::responseTo(request, toInt(ResponseCode::TopicNotExist), QStringLiteral("no route"));
            response.body = route.toJson();
            return response;
        case RequestCode::GetBrokerClusterInfo: response.body = cluster.toJson(); return response;
        case RequestCode::GetConsumerConnectionList:
            return testing::responseTo(request, toInt(ResponseCode::ConsumerNotOnline), QStringLiteral("not online"));
        case RequestCode::QueryConsumerOffset:
            if (request.field(QStringLiteral("consumerGroup")) != u"named-done")
                return testing::responseTo(request, toInt(ResponseCode::QueryNotFound), QStringLiteral("not found"));
            response.extFields = OffsetResponseHeader{5}.toExtFields();
            return response;
        default: return testing::responseTo(request, toInt(ResponseCode::RequestCodeNotSupported));
        }
    });
    ClientConfig config;
    config.nameServer = peer.address();
    ClientInstance client(config);
    auto started = await(client.start());
    QVERIFY2(started && *started, why(started).constData());
    Admin admin(&client);
    FoundMessage found;
    found.message.topic = topic;
    found.message.queueId = 0;
    found.message.queueOffset = 3;
    found.brokerName = broker.brokerName;
    found.brokerAddress = peer.address();
    auto tracked = await(admin.track(found, {QStringLiteral("named-done"), QStringLiteral("named-not")}));
    QVERIFY2(tracked && *tracked, why(tracked).constData());
    QVERIFY(!(*tracked)->groupsFromBroker);
    QVERIFY2((*tracked)->note.contains(QStringLiteral("QUERY_TOPIC_CONSUME_BY_WHO")) &&
                 (*tracked)->note.contains(QStringLiteral("named")),
             qPrintable((*tracked)->note));
    QCOMPARE((*tracked)->tracks.size(), 2);
    QCOMPARE((*tracked)->tracks[0].group, QStringLiteral("named-done"));
    QCOMPARE((*tracked)->tracks[0].type, TrackType::Consumed);
    QCOMPARE((*tracked)->tracks[0].consumerOffset, 5);
    QCOMPARE((*tracked)->tracks[1].type, TrackType::NotConsumed);
    QCOMPARE((*tracked)->tracks[1].consumerOffset, -1);
    QVERIFY2((*tracked)->tracks[1].detail.contains(QStringLiteral("no offset")),
             qPrintable((*tracked)->tracks[1].detail));
    // The consumer offsets were asked where the message is stored, for its queue.
    const auto asked = peer.receivedWithCode(toInt(RequestCode::QueryConsumerOffset));
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked.first().field(QStringLiteral("queueId")), QStringLiteral("0"));
    auto nobody = await(admin.track(found));
    QVERIFY2(nobody && *nobody, why(nobody).constData());
    QVERIFY((*nobody)->tracks.isEmpty());
    QVERIFY(!(*nobody)->note.isEmpty());
}

void TestAdminGroups::trackFilteredByTag()
{
    const QString topic = QStringLiteral("TrackTags");
    const QString group = QStringLiteral("tag-group");
    QVERIFY(m_cluster.createTopic(topic, 1, 6, 1).isEmpty());
    QString err;
    auto s = m_cluster.send(topic, 1, 0, {}, QStringLiteral("TagA"), "tagged", &err);
    QVERIFY2(s, qPrintable(err));
    QVERIFY(m_cluster.commitOffset(1, group, topic, 0, 1));
    testkit::FakeConsumer consumer(m_cluster, group, topic, QStringLiteral("TagB"));
    QVERIFY(consumer.heartbeat());
    auto found = await(m_cluster.admin().queryById(s->offsetMsgId));
    QVERIFY2(found && *found, why(found).constData());
    auto tracked = await(m_cluster.admin().track((*found)->messages.first(), {group}));
    QVERIFY2(tracked && *tracked, why(tracked).constData());
    QCOMPARE((*tracked)->tracks.size(), 1);
    const MessageTrack &t = (*tracked)->tracks.first();
    QVERIFY(t.online);
    QCOMPARE(t.consumeType, ConsumeType::Passively);
    QCOMPARE(t.type, TrackType::ConsumedButFiltered);
    QVERIFY2(t.detail.contains(QStringLiteral("TagB")), qPrintable(t.detail));
}

QTEST_GUILESS_MAIN(TestAdminGroups)
#include "test_admin_groups.moc"
