// ClientInstance against a fake name server / brokers: routes, failover, heartbeats,
// unregistration, ACL, broker-initiated requests, HTTP resolver start.
#include "AclSigner.h"
#include "ClientInstance.h"
#include "ClientTestSupport.h"
#include "FakeCluster.h"
#include "FakeHttpServer.h"
#include "Producer.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;
using mq::ClientInstance;
using mq::RemotingCommand;
using testing::await;
using testing::closedPort;
using testing::configFor;
using testing::FakeCluster;
using testing::why;

namespace {

class FakeConsumer : public mq::ConsumerEndpoint {
public:
    explicit FakeConsumer(QString group)
        : m_group(std::move(group))
    {}
    QString consumerGroup() const override { return m_group; }
    mq::ConsumerData heartbeatData() const override
    {
        mq::ConsumerData d;
        d.groupName = m_group;
        d.subscriptionDataSet.append(
            mq::SubscriptionData::fromTagExpression(QStringLiteral("t"), QStringLiteral("A"), 1));
        return d;
    }
    QCoro::Task<RemotingCommand> handleBrokerRequest(RemotingCommand request, QString brokerAddress) override
    {
        seen.append(request.code);
        from = brokerAddress;
        auto response = RemotingCommand::response(request, 0);
        response.body = "running info of " + m_group.toUtf8();
        co_return response;
    }
    QList<int> seen;
    QString from;

private:
    QString m_group;
};

} // namespace

class TestClientInstance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void clientIdLooksLikeJava();
    void routeIsCachedAndRefreshed();
    void unknownTopicIsNotFound();
    void nameServerFailover();
    void noNameServerReachable();
    void heartbeatAnnouncesGroups();
    void heartbeatRepeats();
    void unregisterOnShutdown();
    void aclSignsNameServerAndBrokerRequests();
    void brokerRequestsReachTheirConsumer();
    void startsFromHttpResolver();
    void startFailsWhenResolverFails();
    void connectionStatesAreReported();
};

void TestClientInstance::clientIdLooksLikeJava()
{
    FakeCluster cluster;
    ClientInstance client(configFor(cluster));
    // ip@pid#nanos, e.g. 192.0.2.2@13968#8022895913743 in the fixtures (203 connection list)
    static const QRegularExpression re(QStringLiteral("^[0-9A-Fa-f.:]+@(\\d+)#\\d+$"));
    const auto m = re.match(client.clientId());
    QVERIFY2(m.hasMatch(), qPrintable(client.clientId()));
    QCOMPARE(m.captured(1).toLongLong(), QCoreApplication::applicationPid());
    ClientInstance other(configFor(cluster));
    QVERIFY(other.clientId() != client.clientId());
}

void TestClientInstance::routeIsCachedAndRefreshed()
{
    FakeCluster cluster;
    cluster.addTopic(QStringLiteral("cached"), 2);
    mq::ClientConfig config = configFor(cluster);
    config.routeRefreshInterval = 100ms;
    ClientInstance client(config);
    QVERIFY(await(client.start())->ok());
    auto first = await(client.topicRoute(QStringLiteral("cached")));
    QVERIFY2(first && first->ok(), why(*first).constData());
    QCOMPARE((*first)->queueDatas.first().writeQueueNums, 2);
    QVERIFY(await(client.topicRoute(QStringLiteral("cached")))->ok());
    QCOMPARE(cluster.nameServer().receivedWithCode(105).size(), 1); // second answer from the cache
    QCOMPARE(client.masterAddress(QStringLiteral("broker-a")), cluster.brokerAddress(0));

    QSignalSpy updated(&client, &ClientInstance::routeUpdated);
    cluster.addTopic(QStringLiteral("cached"), 8);
    QVERIFY(updated.wait(3000));
    QCOMPARE(updated.first().first().toString(), QStringLiteral("cached"));
    QCOMPARE(client.cachedRoute(QStringLiteral("cached"))->queueDatas.first().writeQueueNums, 8);
}

void TestClientInstance::unknownTopicIsNotFound()
{
    FakeCluster cluster;
    ClientInstance client(configFor(cluster));
    auto route = await(client.topicRoute(QStringLiteral("nope")));
    QVERIFY(route && !route->ok());
    QCOMPARE(route->error().code, mq::Error::Code::NotFound);
    QCOMPARE(route->error().brokerCode, toInt(mq::ResponseCode::TopicNotExist));
    QVERIFY(route->error().message.contains(QStringLiteral("No topic route info in name server for the topic: nope")));
    QVERIFY(!client.cachedRoute(QStringLiteral("nope")));
}

void TestClientInstance::nameServerFailover()
{
    FakeCluster cluster;
    cluster.addTopic(QStringLiteral("t"), 1);
    mq::ClientConfig config = configFor(cluster);
    const QString dead = QStringLiteral("127.0.0.1:%1").arg(closedPort());
    config.nameServer = dead + QLatin1Char(';') + cluster.nameServer().address();
    ClientInstance client(config);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 4; ++i) {
        auto route = await(client.topicRoute(QStringLiteral("t"), true));
        QVERIFY2(route && route->ok(), why(*route).constData());
    }
    QVERIFY(clock.elapsed() < 3000);
    QCOMPARE(cluster.nameServer().receivedWithCode(105).size(), 4);
    // Once the live one answered, it is asked first: the dead one was tried at most once.
    QVERIFY(client.connection(dead)->state() == mq::RemotingConnection::State::Disconnected);
}

void TestClientInstance::noNameServerReachable()
{
    mq::ClientConfig config;
    const QString a = QStringLiteral("127.0.0.1:%1").arg(closedPort());
    const QString b = QStringLiteral("127.0.0.1:%1").arg(closedPort());
    config.nameServer = a + QLatin1Char(';') + b;
    ClientInstance client(config);
    auto route = await(client.topicRoute(QStringLiteral("t")));
    QVERIFY(route && !route->ok());
    QCOMPARE(route->error().code, mq::Error::Code::Network);
    QVERIFY2(route->error().message.contains(a) && route->error().message.contains(b), why(*route).constData());
}

void TestClientInstance::heartbeatAnnouncesGroups()
{
    FakeCluster cluster;
    cluster.addTopic(QStringLiteral("t"), 1);
    ClientInstance client(configFor(cluster));
    QVERIFY(await(client.start())->ok());
    mq::Producer producer(&client, QStringLiteral("hb-producer"));
    QVERIFY(await(producer.start())->ok());
    FakeConsumer consumer(QStringLiteral("hb-consumer"));
    QVERIFY(client.registerConsumer(&consumer));
    QVERIFY(!client.registerConsumer(&consumer)); // one per group
    // Learning of a broker (through a route) is enough to greet it.
    QVERIFY(await(client.topicRoute(QStringLiteral("t")))->ok());
    QTRY_VERIFY(!cluster.brokerRequests(toInt(mq::RequestCode::HeartBeat)).isEmpty());
    const auto hb = cluster.brokerRequests(toInt(mq::RequestCode::HeartBeat)).last();
    auto data = mq::HeartbeatData::parse(hb.body);
    QVERIFY2(data.ok(), why(data).constData());
    QCOMPARE(data->clientID, client.clientId());
    QCOMPARE(data->producerDataSet.size(), 1);
    QCOMPARE(data->producerDataSet.first().groupName, QStringLiteral("hb-producer"));
    QCOMPARE(data->consumerDataSet.size(), 1);
    QCOMPARE(data->consumerDataSet.first().groupName, QStringLiteral("hb-consumer"));
    QCOMPARE(data->consumerDataSet.first().subscriptionDataSet.first().subString, QStringLiteral("A"));
    QCOMPARE(hb.language, mq::LanguageCode::JAVA);
}

void TestClientInstance::heartbeatRepeats()
{
    FakeCluster cluster;
    cluster.addTopic(QStringLiteral("t"), 1);
    mq::ClientConfig config = configFor(cluster);
    config.heartbeatInterval = 100ms;
    ClientInstance client(config);
    QVERIFY(await(client.start())->ok());
    QCOMPARE(await(client.sendHeartbeatToAllBrokers()).value(), 0); // no groups: nothing sent
    client.registerProducer(QStringLiteral("p"));
    QVERIFY(await(client.topicRoute(QStringLiteral("t")))->ok());
    QTRY_VERIFY_WITH_TIMEOUT(cluster.brokerRequests(toInt(mq::RequestCode::HeartBeat)).size() >= 4, 5000);
    QCOMPARE(await(client.sendHeartbeatToAllBrokers()).value(), 1);
}

void TestClientInstance::unregisterOnShutdown()
{
    FakeCluster cluster({QStringLiteral("broker-a"), QStringLiteral("broker-b")});
    cluster.addTopic(QStringLiteral("t"), 1);
    ClientInstance client(configFor(cluster));
    QVERIFY(await(client.start())->ok());
    mq::Producer producer(&client, QStringLiteral("leaving-producer"));
    QVERIFY(await(producer.start())->ok());
    FakeConsumer consumer(QStringLiteral("leaving-consumer"));
    client.registerConsumer(&consumer);
    QVERIFY(await(client.topicRoute(QStringLiteral("t")))->ok());
    QVERIFY(testing::await(producer.shutdown()));
    auto unregs = cluster.brokerRequests(toInt(mq::RequestCode::UnregisterClient));
    QCOMPARE(unregs.size(), 2); // both brokers
    for (const auto &u : unregs) {
        QCOMPARE(u.field(QStringLiteral("clientID")), client.clientId());
        QCOMPARE(u.field(QStringLiteral("producerGroup")), QStringLiteral("leaving-producer"));
        QVERIFY(!u.extFields->contains(QStringLiteral("consumerGroup")));
    }
    QVERIFY(testing::await(client.shutdown()));
    unregs = cluster.brokerRequests(toInt(mq::RequestCode::UnregisterClient));
    QCOMPARE(unregs.size(), 4);
    QCOMPARE(unregs.last().field(QStringLiteral("consumerGroup")), QStringLiteral("leaving-consumer"));
    QVERIFY(client.producerGroups().isEmpty());
    QVERIFY(client.consumerGroups().isEmpty());
    for (auto *c : client.connections())
        QCOMPARE(c->state(), mq::RemotingConnection::State::Disconnected);
}

void TestClientInstance::aclSignsNameServerAndBrokerRequests()
{
    FakeCluster cluster;
    cluster.addTopic(QStringLiteral("t"), 1);
    mq::ClientConfig config = configFor(cluster);
    config.accessKey = QStringLiteral("console-ak");
    config.secretKey = QStringLiteral("console-sk");
    ClientInstance client(config);
    QVERIFY(await(client.start())->ok());
    mq::Producer producer(&client, QStringLiteral("acl-producer"));
    QVERIFY(await(producer.start())->ok());
    mq::Message m;
    m.topic = QStringLiteral("t");
    m.body = "signed";
    QVERIFY(await(producer.send(m))->ok());
    QList<RemotingCommand> frames = cluster.nameServer().receivedWithCode(105) + cluster.sends(0);
    QCOMPARE(frames.size(), 2);
    for (const auto &f : frames) {
        QCOMPARE(f.field(mq::AclSigner::AccessKeyField), QStringLiteral("console-ak"));
        QCOMPARE(f.field(mq::AclSigner::SignatureField),
                 mq::AclSigner::signature(*f.extFields, f.body, QStringLiteral("console-sk")));
    }
}

void TestClientInstance::brokerRequestsReachTheirConsumer()
{
    FakeCluster cluster;
    cluster.addTopic(QStringLiteral("t"), 1);
    ClientInstance client(configFor(cluster));
    QVERIFY(await(client.start())->ok());
    FakeConsumer consumer(QStringLiteral("g1"));
    client.registerConsumer(&consumer);
    QVERIFY(await(client.topicRoute(QStringLiteral("t")))->ok());
    QTRY_VERIFY(!cluster.brokerRequests(toInt(mq::RequestCode::HeartBeat)).isEmpty()); // connection is up
    auto &broker = cluster.broker(0);
    const int before = int(broker.received().size());

    RemotingCommand running = RemotingCommand::request(mq::RequestCode::GetConsumerRunningInfo);
    running.setField(QStringLiteral("consumerGroup"), QStringLiteral("g1"));
    running.setField(QStringLiteral("clientId"), client.clientId());
    running.opaque = 501;
    RemotingCommand notify = RemotingCommand::request(mq::RequestCode::NotifyConsumerIdsChanged);
    notify.setField(QStringLiteral("consumerGroup"), QStringLiteral("g1"));
    notify.flag = RemotingCommand::kOnewayFlag;
    notify.opaque = 502;
    RemotingCommand stranger = RemotingCommand::request(mq::RequestCode::GetConsumerRunningInfo);
    stranger.setField(QStringLiteral("consumerGroup"), QStringLiteral("someone-else"));
    stranger.opaque = 503;
    broker.sendRaw(mq::frame::encode(running) + mq::frame::encode(notify) + mq::frame::encode(stranger));

    QTRY_COMPARE(broker.received().size(), before + 2); // two answers; the oneway one gets none
    QCOMPARE(consumer.seen, (QList<int>{307, 40}));
    QCOMPARE(consumer.from, cluster.brokerAddress(0));
    const auto answers = broker.received().mid(before);
    const RemotingCommand &ours = answers[0].opaque == 501 ? answers[0] : answers[1];
    const RemotingCommand &theirs = answers[0].opaque == 503 ? answers[0] : answers[1];
    QCOMPARE(ours.body, QByteArray("running info of g1"));
    QVERIFY(ours.isResponse());
    QCOMPARE(theirs.code, toInt(mq::ResponseCode::SystemError));
    QCOMPARE(theirs.remark.value_or(QString()),
             QStringLiteral("The Consumer Group <someone-else> not exist in this consumer"));
}

void TestClientInstance::startsFromHttpResolver()
{
    FakeCluster cluster;
    cluster.addTopic(QStringLiteral("t"), 1);
    testing::FakeHttpServer http;
    http.respond(200, cluster.nameServer().address().toUtf8() + "\n");
    QTemporaryDir dir;
    mq::ClientConfig config;
    config.nameServer = http.url();
    config.resolver.cacheFile = dir.filePath(QStringLiteral("ns.txt"));
    ClientInstance client(config);
    QSignalSpy changed(&client, &ClientInstance::nameServersChanged);
    QVERIFY(await(client.start())->ok());
    QCOMPARE(client.nameServers(), QStringList{cluster.nameServer().address()});
    QCOMPARE(changed.size(), 1);
    QVERIFY(await(client.topicRoute(QStringLiteral("t")))->ok());
}

void TestClientInstance::startFailsWhenResolverFails()
{
    testing::FakeHttpServer http;
    http.respond(502, "Bad Gateway");
    QTemporaryDir dir;
    mq::ClientConfig config;
    config.nameServer = http.url();
    config.resolver.cacheFile = dir.filePath(QStringLiteral("ns.txt"));
    ClientInstance client(config);
    auto started = await(client.start());
    QVERIFY(started && !started->ok());
    QCOMPARE(started->error().code, mq::Error::Code::Resolver);
    QVERIFY2(started->error().message.contains(http.url()) && started->error().message.contains(QStringLiteral("502")),
             why(*started).constData());
    QVERIFY(!client.isStarted());
}

void TestClientInstance::connectionStatesAreReported()
{
    FakeCluster cluster;
    cluster.addTopic(QStringLiteral("t"), 1);
    ClientInstance client(configFor(cluster));
    QSignalSpy states(&client, &ClientInstance::connectionStateChanged);
    QVERIFY(await(client.topicRoute(QStringLiteral("t")))->ok());
    QVERIFY(states.size() >= 2);
    QCOMPARE(states.first().at(0).toString(), cluster.nameServer().address());
    QCOMPARE(states.at(1).at(1).value<mq::RemotingConnection::State>(), mq::RemotingConnection::State::Connected);
}

QTEST_GUILESS_MAIN(TestClientInstance)
#include "test_client_instance.moc"
