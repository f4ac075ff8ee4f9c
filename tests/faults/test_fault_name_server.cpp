// The name server and the MQCloud resolver failing under a running client: with the name
// server down, cached routes keep sends and consumption going and the failed refresh is
// reported; with the resolver answering 500, garbage or nothing, the last good addresses stay
// in use (this session's, or the snapshot on disk at start-up) and the failure is signalled.
#include "Broker.h"
#include "ClientInstance.h"
#include "FakeHttpServer.h"
#include "FaultSupport.h"
#include "Headers.h"
#include "NameServer.h"
#include "Producer.h"
#include "PushConsumer.h"
#include "Sandbox.h"
#include "TestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;
using faults::toSet;
using testing::await;
using testing::why;

enum class ResolverFault { Http500, Garbage, Silent };
Q_DECLARE_METATYPE(ResolverFault)

namespace {

constexpr int kWait = 30000; // ms: generous, the machine is shared
const QString kTopic = QStringLiteral("fault-orders");

class TestFaultNameServer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void nameServerDownWithCachedRoutes();
    void resolverFaultKeepsLastGoodAddresses_data();
    void resolverFaultKeepsLastGoodAddresses();
    void resolverFaultAtStartUsesSnapshot_data();
    void resolverFaultAtStartUsesSnapshot();

private:
    void createTopic(mq::ClientInstance &client, const QString &topic);
    void breakResolver(ResolverFault fault);
    void sendOne(mq::Producer &producer, int seq);
    mq::ClientConfig resolverConfig() const;

    std::unique_ptr<mq::sandbox::Sandbox> m_sandbox;
    std::unique_ptr<testing::FakeHttpServer> m_http;
    std::unique_ptr<QTemporaryDir> m_cache;
};

void TestFaultNameServer::init()
{
    m_sandbox = std::make_unique<mq::sandbox::Sandbox>();
    auto started = m_sandbox->start();
    QVERIFY2(started.ok(), why(started).constData());
    m_http = std::make_unique<testing::FakeHttpServer>();
    m_http->respond(200, m_sandbox->nameServerAddress().toUtf8() + '\n');
    m_cache = std::make_unique<QTemporaryDir>();
}

void TestFaultNameServer::cleanup()
{
    m_http.reset();
    m_sandbox.reset();
    m_cache.reset();
}

void TestFaultNameServer::createTopic(mq::ClientInstance &client, const QString &topic)
{
    mq::CreateTopicRequestHeader h;
    h.topic = topic;
    h.readQueueNums = 4;
    h.writeQueueNums = 4;
    auto r = await(client.invoke(m_sandbox->brokerAddress(0),
                                 mq::RemotingCommand::request(mq::RequestCode::UpdateAndCreateTopic, h.toExtFields())));
    QVERIFY2(r && r->ok(), why(*r).constData());
    QCOMPARE((*r)->code, 0);
}

void TestFaultNameServer::sendOne(mq::Producer &producer, int seq)
{
    mq::Message m;
    m.topic = kTopic;
    m.body = "message " + QByteArray::number(seq);
    m.setKeys({QStringLiteral("seq-%1").arg(seq)});
    auto sent = await(producer.send(m));
    QVERIFY2(sent && sent->ok(), why(*sent).constData());
}

mq::ClientConfig TestFaultNameServer::resolverConfig() const
{
    mq::ClientConfig config;
    config.nameServer = m_http->url();
    config.resolver.refreshInterval = 200ms;
    config.resolver.httpTimeout = 500ms;
    config.resolver.cacheFile = m_cache->filePath(QStringLiteral("nameservers.txt"));
    return config;
}

void TestFaultNameServer::breakResolver(ResolverFault fault)
{
    switch (fault) {
    case ResolverFault::Http500: m_http->respond(500, "Internal Server Error"); break;
    case ResolverFault::Garbage: m_http->respond(200, "<html><body>maintenance</body></html>"); break;
    case ResolverFault::Silent: m_http->setSilent(true); break;
    }
}

// ---- name server down ----------------------------------------------------------------------

void TestFaultNameServer::nameServerDownWithCachedRoutes()
{
    const QString nameServer = m_sandbox->nameServerAddress();
    mq::ClientConfig config;
    config.nameServer = nameServer;
    config.routeRefreshInterval = 200ms; // the periodic refresh fails many times during the test
    config.instanceName = QStringLiteral("producer");
    mq::ClientInstance client(config);
    mq::Producer producer(&client, QStringLiteral("fault-producer"));
    QVERIFY(await(producer.start())->ok());
    createTopic(client, kTopic);

    config.instanceName = QStringLiteral("consumer");
    mq::ClientInstance consumerClient(config);
    mq::PushConsumerOptions options;
    options.consumeFrom = mq::ConsumeStart::FirstOffset;
    mq::PushConsumer consumer(QStringLiteral("fault-group"), &consumerClient, options);
    QVERIFY(consumer.subscribe(kTopic).ok());
    QSet<QString> handled;
    consumer.setHandler([&](const mq::MessageExt &m) {
        handled.insert(m.keys().value(0));
        return mq::ConsumeResult::Success;
    });
    QVERIFY(await(consumer.start())->ok());
    QSet<QString> sent;
    const auto sendRange = [&](int from, int to) {
        for (int seq = from; seq < to; ++seq) {
            sendOne(producer, seq);
            sent.insert(QStringLiteral("seq-%1").arg(seq));
        }
    };
    sendRange(0, 20);
    QTRY_COMPARE_WITH_TIMEOUT(handled, sent, kWait);

    // The name server goes away: asking it fails and says which one, the periodic refresh
    // warns, and the cached route stays.
    QSignalSpy warnings(&client, &mq::ClientInstance::warning);
    m_sandbox->nameServer()->close();
    auto fresh = await(client.topicRoute(kTopic, true));
    QVERIFY(fresh && !fresh->ok());
    QVERIFY2(fresh->error().code == mq::Error::Code::Network || fresh->error().code == mq::Error::Code::Timeout,
             why(*fresh).constData());
    QVERIFY2(fresh->error().message.contains(nameServer), why(*fresh).constData());
    QTRY_VERIFY_WITH_TIMEOUT(!warnings.isEmpty(), kWait);
    const QString warning = warnings.first().at(0).toString();
    QVERIFY2(warning.contains(kTopic), qPrintable(warning));
    QVERIFY(client.cachedRoute(kTopic).has_value());

    // Sends keep working, and the consumer keeps receiving them.
    sendRange(20, 70);
    QTRY_COMPARE_WITH_TIMEOUT(handled, sent, kWait);
    QVERIFY(client.cachedRoute(kTopic).has_value());
    qInfo("name server down: %lld sends and deliveries on cached routes, %lld refresh warnings, e.g. %s",
          qlonglong(sent.size() - 20), qlonglong(warnings.size()), qPrintable(warning));

    await(consumer.shutdown());
    await(consumerClient.shutdown());
    await(producer.shutdown());
    await(client.shutdown());
}

// ---- resolver faults -----------------------------------------------------------------------

void addResolverFaultRows()
{
    QTest::addColumn<ResolverFault>("fault");
    QTest::addColumn<QString>("expected");
    QTest::newRow("HTTP 500") << ResolverFault::Http500 << QStringLiteral("answered HTTP 500");
    QTest::newRow("garbage") << ResolverFault::Garbage << QStringLiteral("is not a host:port;host:port list");
    QTest::newRow("timeout") << ResolverFault::Silent << QStringLiteral("did not answer within 500 ms");
}

void TestFaultNameServer::resolverFaultKeepsLastGoodAddresses_data()
{
    addResolverFaultRows();
}

void TestFaultNameServer::resolverFaultKeepsLastGoodAddresses()
{
    QFETCH(ResolverFault, fault);
    QFETCH(QString, expected);
    mq::ClientInstance client(resolverConfig());
    mq::Producer producer(&client, QStringLiteral("fault-producer"));
    QVERIFY(await(producer.start())->ok());
    const QStringList good{m_sandbox->nameServerAddress()};
    QCOMPARE(client.nameServers(), good);
    createTopic(client, kTopic);
    sendOne(producer, 0);

    QSignalSpy failures(client.resolver(), &mq::NameServerResolver::resolveFailed);
    QSignalSpy warnings(&client, &mq::ClientInstance::warning);
    QSignalSpy changes(client.resolver(), &mq::NameServerResolver::addressesChanged);
    breakResolver(fault);
    QTRY_VERIFY_WITH_TIMEOUT(failures.size() >= 2, kWait); // two refresh rounds failed
    const QString error = failures.first().at(0).toString();
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(m_http->url()), qPrintable(error));
    QVERIFY(!warnings.isEmpty()); // what the console shows
    QVERIFY(changes.isEmpty());
    QCOMPARE(client.nameServers(), good);

    // Routes still come from the last good name server, sends still go out.
    auto route = await(client.topicRoute(kTopic, true));
    QVERIFY2(route && route->ok(), why(*route).constData());
    for (int seq = 1; seq <= 10; ++seq)
        sendOne(producer, seq);
    await(producer.shutdown());
    await(client.shutdown());
}

void TestFaultNameServer::resolverFaultAtStartUsesSnapshot_data()
{
    addResolverFaultRows();
}

void TestFaultNameServer::resolverFaultAtStartUsesSnapshot()
{
    QFETCH(ResolverFault, fault);
    QFETCH(QString, expected);
    {
        // A session that once got a good answer leaves it on disk.
        mq::ClientInstance earlier(resolverConfig());
        auto started = await(earlier.start());
        QVERIFY(started && started->ok());
        createTopic(earlier, kTopic);
        await(earlier.shutdown());
    }
    breakResolver(fault);

    mq::ClientInstance client(resolverConfig());
    QSignalSpy failures(client.resolver(), &mq::NameServerResolver::resolveFailed);
    mq::Producer producer(&client, QStringLiteral("fault-producer"));
    auto started = await(producer.start());
    QVERIFY2(started && started->ok(), why(*started).constData());
    QVERIFY(client.resolver()->usingSnapshot());
    QCOMPARE(client.nameServers(), QStringList{m_sandbox->nameServerAddress()});
    QVERIFY(!failures.isEmpty());
    QVERIFY2(failures.first().at(0).toString().contains(expected), qPrintable(failures.first().at(0).toString()));
    sendOne(producer, 0);
    await(producer.shutdown());
    await(client.shutdown());
}

} // namespace

QTEST_GUILESS_MAIN(TestFaultNameServer)
#include "test_fault_name_server.moc"
