// The name server side: replays the recorded client requests and expects the recorded replies
// (with our broker's address in place of the recording's).
#include "Broker.h"
#include "NameServer.h"
#include "RouteTable.h"
#include "Sandbox.h"
#include "SandboxTestSupport.h"

#include <QtEndian>
#include <QtTest>

using namespace mq;
using namespace mq::sandbox;

class TestSandboxNameServer : public QObject {
    Q_OBJECT

private:
    // Replays a recorded request frame byte for byte and compares our reply with the recorded
    // one, whose body gets our broker address.
    void expectRecordedReply(const QString &address, int requestSeq, int replySeq, const QString &brokerAddress)
    {
        RawClient client;
        QVERIFY(client.connectTo(address));
        const RemotingCommand recordedRequest = sbtest::fixtureCommand(requestSeq);
        client.sendRaw(fixtures::frameBySeq(requestSeq)->bytes);
        auto reply = client.waitForResponse(recordedRequest.opaque);
        QVERIFY(reply);
        RemotingCommand expected = sbtest::fixtureCommand(replySeq);
        expected.body = sbtest::withAddress(expected.body, brokerAddress);
        QCOMPARE(QString::fromUtf8(reply->body), QString::fromUtf8(expected.body));
        QCOMPARE(frame::encode(*reply), frame::encode(expected));
    }

private Q_SLOTS:
    void routeClusterAndMissingTopicMatchTheRecording()
    {
        Sandbox sandbox;
        RawClient admin;
        QVERIFY(sbtest::start(sandbox, {&admin}));
        const QString broker = sandbox.brokerAddress();
        // The recorded topic exists once the recorded create-topic request reached the broker.
        admin.sendRaw(fixtures::frameBySeq(5)->bytes);
        auto created = admin.waitForResponse(4);
        QVERIFY(created);
        QCOMPARE(frame::encode(*created), fixtures::frameBySeq(6)->bytes); // remark "not set any response code"

        expectRecordedReply(sandbox.nameServerAddress(), 31, 32, broker); // route of fixture-topic
        expectRecordedReply(sandbox.nameServerAddress(), 1, 3, broker);   // route of TBW102 (8 queues, perm 7)
        expectRecordedReply(sandbox.nameServerAddress(), 2, 4, broker);   // cluster info, bare integer keys
        expectRecordedReply(sandbox.nameServerAddress(), 28, 30, broker); // TOPIC_NOT_EXIST and its remark
    }

    void oldClientsGetFastjsonRouteKeys()
    {
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {}, {&client}));
        RemotingCommand r = request(RequestCode::GetRouteInfoByTopic, {{"topic", QStringLiteral("TBW102")}});
        r.version = 121; // ali-ons 3.x announces V3_4_9
        auto reply = client.call(r);
        QVERIFY(reply);
        QCOMPARE(reply->code, 0);
        QVERIFY2(reply->body.contains("\"brokerAddrs\":{0:\"" + sandbox.brokerAddress().toUtf8() + "\"}"),
                 reply->body.constData());
    }

    void topicListHasTheBrokersTopicsInJavaHashSetOrder()
    {
        // The recorded list: the same topics must come out in the same order.
        const QByteArray recorded = sbtest::fixtureCommand(20).body;
        auto list = TopicList::parse(recorded);
        QVERIFY(list);
        QStringList shuffled = list->topicList;
        std::sort(shuffled.begin(), shuffled.end());
        RouteTable routes;
        QList<QPair<QString, QueueData>> topics;
        for (const auto &t : shuffled)
            topics.append({t, QueueData{QStringLiteral("broker-a"), 4, 4, 6, 0}});
        routes.registerBroker(
            {QStringLiteral("DefaultCluster"), QStringLiteral("broker-a"), 0, QStringLiteral("127.0.0.1:10911")},
            topics);
        QCOMPARE(QString::fromUtf8(routes.topicList().toJson()), QString::fromUtf8(recorded));

        // And the live server lists the system topics a 4.9.8 broker creates.
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {}, {&client}));
        auto reply = client.call(request(RequestCode::GetAllTopicListFromNameServer, {}));
        QVERIFY(reply);
        auto live = TopicList::parse(reply->body);
        QVERIFY(live);
        for (const char *t : {"TBW102", "SCHEDULE_TOPIC_XXXX", "OFFSET_MOVED_EVENT", "SELF_TEST_TOPIC",
                              "DefaultCluster", "broker-a", "DefaultCluster_REPLY_TOPIC", "BenchmarkTest"})
            QVERIFY2(live->topicList.contains(QString::fromLatin1(t)), t);
    }

    void twoBrokersShareOneNameServer()
    {
        SandboxOptions options;
        options.brokerCount = 2;
        Sandbox sandbox(options);
        RawClient ns;
        QVERIFY(sbtest::start(sandbox, {}, {&ns}));
        QCOMPARE(sandbox.brokerCount(), 2);
        QVERIFY(sandbox.brokerAddress(0) != sandbox.brokerAddress(1));
        auto cluster = ns.call(request(RequestCode::GetBrokerClusterInfo, {}));
        QVERIFY(cluster);
        auto info = ClusterInfo::parse(cluster->body);
        QVERIFY(info);
        QCOMPARE(info->brokerAddrTable.size(), 2);
        QCOMPARE(info->brokerAddrTable.find(QStringLiteral("broker-b"))->masterAddress().value_or(QString()),
                 sandbox.brokerAddress(1));
        QCOMPARE(info->clusterAddrTable.find(QStringLiteral("DefaultCluster"))->size(), 2);

        // A topic created on both brokers routes to both.
        for (int i = 0; i < 2; ++i) {
            RawClient admin;
            QVERIFY(admin.connectTo(sandbox.brokerAddress(i)));
            auto r = admin.call(
                request(RequestCode::UpdateAndCreateTopic, {{"topic", QStringLiteral("shared")},
                                                            {"readQueueNums", QStringLiteral("2")},
                                                            {"writeQueueNums", QStringLiteral("2")},
                                                            {"perm", QStringLiteral("6")},
                                                            {"topicFilterType", QStringLiteral("SINGLE_TAG")},
                                                            {"defaultTopic", QStringLiteral("TBW102")},
                                                            {"order", QStringLiteral("false")}}));
            QVERIFY(r);
            QCOMPARE(r->code, 0);
        }
        auto byCluster =
            ns.call(request(RequestCode::GetTopicsByCluster, {{"cluster", QStringLiteral("DefaultCluster")}}));
        QVERIFY(byCluster);
        auto clusterTopics = TopicList::parse(byCluster->body);
        QVERIFY(clusterTopics);
        QVERIFY(clusterTopics->topicList.contains(QStringLiteral("shared")));
        QVERIFY(clusterTopics->topicList.contains(QStringLiteral("broker-b")));
        auto otherCluster = ns.call(request(RequestCode::GetTopicsByCluster, {{"cluster", QStringLiteral("nope")}}));
        QVERIFY(otherCluster);
        QCOMPARE(TopicList::parse(otherCluster->body)->topicList.size(), 0);

        auto route = ns.call(request(RequestCode::GetRouteInfoByTopic, {{"topic", QStringLiteral("shared")}}));
        QVERIFY(route);
        auto parsed = TopicRouteData::parse(route->body);
        QVERIFY(parsed);
        QCOMPARE(parsed->brokerDatas.size(), 2);
        QCOMPARE(parsed->queueDatas.size(), 2);
        QCOMPARE(parsed->writableQueues(QStringLiteral("shared")).size(), 4);
    }

    void unknownCodesGetNotSupported()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.start());
        for (const QString &address : {sandbox.nameServerAddress(), sandbox.brokerAddress()}) {
            RawClient client;
            QVERIFY(client.connectTo(address));
            RemotingCommand r;
            r.code = 9999;
            r.language = LanguageCode::JAVA;
            auto reply = client.call(r);
            QVERIFY(reply);
            QCOMPARE(reply->code, int(ResponseCode::RequestCodeNotSupported));
            QCOMPARE(reply->remark.value_or(QString()), QStringLiteral(" request type 9999 not supported"));
            QVERIFY(client.isConnected());
        }
    }

    void malformedFramesCloseOnlyThatConnection_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QByteArray huge(8, '\0');
        qToBigEndian<quint32>(0x7fffffffu, huge.data()); // a 2 GiB length prefix
        QTest::newRow("2 GiB length prefix") << huge;
        QByteArray badHeader(8, '\0');
        qToBigEndian<quint32>(4 + 5, badHeader.data());
        qToBigEndian<quint32>(5, badHeader.data() + 4);
        badHeader.append("{oops");
        QTest::newRow("header that is not JSON") << badHeader;
        QByteArray badType(8, '\0');
        qToBigEndian<quint32>(4 + 2, badType.data());
        qToBigEndian<quint32>(0x07000002u, badType.data() + 4); // serialization type 7
        badType.append("{}");
        QTest::newRow("unknown serialization type") << badType;
        QByteArray negative(8, '\0');
        qToBigEndian<quint32>(0xffffffffu, negative.data());
        QTest::newRow("negative length") << negative;
    }

    void malformedFramesCloseOnlyThatConnection()
    {
        QFETCH(QByteArray, bytes);
        Sandbox sandbox;
        QVERIFY(sandbox.start());
        for (const QString &address : {sandbox.nameServerAddress(), sandbox.brokerAddress()}) {
            RawClient healthy;
            QVERIFY(healthy.connectTo(address));
            RawClient bad;
            QVERIFY(bad.connectTo(address));
            bad.sendRaw(bytes);
            QVERIFY(bad.waitForDisconnected());
            // Everyone else is still served.
            auto reply = healthy.call(request(RequestCode::GetBrokerClusterInfo, {}));
            QVERIFY(reply);
            RawClient fresh;
            QVERIFY(fresh.connectTo(address));
            QVERIFY(fresh.call(request(RequestCode::GetBrokerClusterInfo, {})));
        }
    }
};

QTEST_GUILESS_MAIN(TestSandboxNameServer)
#include "test_sandbox_nameserver.moc"
