// Hostile or broken peers: a broker that accepts and never answers (sends time out, the event
// loop keeps running), and a peer sending a 2 GiB length prefix, to our client and to the
// sandbox's servers (rejected, connection closed, nothing allocated for it).
#include "Broker.h"
#include "ClientInstance.h"
#include "FakeServer.h"
#include "FaultSupport.h"
#include "NameServer.h"
#include "Producer.h"
#include "Sandbox.h"
#include "TestSupport.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

using namespace std::chrono_literals;
using testing::await;
using testing::why;

namespace {

constexpr int kWait = 30000;                     // ms: generous, the machine is shared
constexpr qint64 kSmallGrowth = 8 * 1024 * 1024; // what "nothing allocated" may cost in noise

class TestFaultPeers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void silentBrokerTimesOutAndTheLoopKeepsRunning();
    void everyAttemptNamesItsBrokerAndCause();
    void hugeLengthPrefixFromABroker_data();
    void hugeLengthPrefixFromABroker();
    void hugeLengthPrefixToTheSandbox_data();
    void hugeLengthPrefixToTheSandbox();

private:
    // Makes the sandbox's name server route `topic` to a broker at `address`.
    void registerFakeBroker(const QString &name, const QString &address, const QString &topic);
    void startProducer();

    std::unique_ptr<mq::sandbox::Sandbox> m_sandbox;
    std::unique_ptr<mq::ClientInstance> m_client;
    std::unique_ptr<mq::Producer> m_producer;
};

void TestFaultPeers::init()
{
    m_sandbox = std::make_unique<mq::sandbox::Sandbox>();
    auto started = m_sandbox->start();
    QVERIFY2(started.ok(), why(started).constData());
}

void TestFaultPeers::cleanup()
{
    if (m_producer)
        await(m_producer->shutdown(), 5000);
    if (m_client)
        await(m_client->shutdown(), 5000);
    m_producer.reset();
    m_client.reset();
    m_sandbox.reset();
}

void TestFaultPeers::registerFakeBroker(const QString &name, const QString &address, const QString &topic)
{
    mq::QueueData queues;
    queues.brokerName = name;
    queues.readQueueNums = 4;
    queues.writeQueueNums = 4;
    m_sandbox->nameServer()->routes().registerBroker(
        mq::sandbox::BrokerRecord{QStringLiteral("DefaultCluster"), name, mq::kMasterBrokerId, address},
        {{topic, queues}});
}

void TestFaultPeers::startProducer()
{
    mq::ClientConfig config;
    config.nameServer = m_sandbox->nameServerAddress();
    m_client = std::make_unique<mq::ClientInstance>(config);
    m_producer = std::make_unique<mq::Producer>(m_client.get(), QStringLiteral("fault-producer"));
    auto st = await(m_producer->start());
    QVERIFY2(st && st->ok(), why(*st).constData());
}

mq::Message message(const QString &topic)
{
    mq::Message m;
    m.topic = topic;
    m.body = "hello";
    return m;
}

// ---- a broker that never answers -------------------------------------------------------------

void TestFaultPeers::silentBrokerTimesOutAndTheLoopKeepsRunning()
{
    testing::FakeServer silent;
    silent.setResponder([](const mq::RemotingCommand &) { return std::nullopt; });
    registerFakeBroker(QStringLiteral("broker-silent"), silent.address(), QStringLiteral("silent-topic"));
    startProducer();

    // Sixteen sends in flight to a broker that reads them and says nothing.
    constexpr int kSends = 16;
    constexpr auto kTimeout = 1500ms;
    faults::LatenessProbe probe;
    probe.start();
    QElapsedTimer clock;
    clock.start();
    QList<mq::Error> errors;
    QList<qint64> tookMs;
    const auto send = [&]() -> QCoro::Task<> {
        QElapsedTimer mine;
        mine.start();
        mq::SendOptions options;
        options.timeout = kTimeout;
        auto sent = co_await m_producer->send(message(QStringLiteral("silent-topic")), options);
        tookMs.append(mine.elapsed());
        errors.append(sent ? mq::Error{} : sent.error());
    };
    std::vector<QCoro::Task<>> sends;
    for (int i = 0; i < kSends; ++i)
        sends.push_back(send());
    QVERIFY(faults::runUntil([&] { return errors.size() == kSends; }, kWait));
    const qint64 allTookMs = clock.elapsed();
    probe.stop();

    // Every send reached the silent broker (which got the producer's heartbeat too).
    QCOMPARE(silent.receivedWithCode(int(mq::RequestCode::SendMessageV2)).size(), kSends);
    // The attempt's own cause survives the retry that found no time left.
    const QString timedOut =
        QStringLiteral("BrokersSent: [broker-silent]: broker-silent %1 did not answer SEND_MESSAGE_V2(310) within ")
            .arg(silent.address());
    for (const mq::Error &e : errors) {
        QCOMPARE(e.code, mq::Error::Code::Timeout);
        QVERIFY2(e.message.contains(timedOut), qPrintable(e.message));
        QVERIFY2(e.message.endsWith(QStringLiteral("; send timeout of 1500 ms used up before attempt 2 of 3")),
                 qPrintable(e.message));
    }
    for (qint64 ms : tookMs)
        QVERIFY2(ms >= 1400, qPrintable(QString::number(ms))); // the timeout fired, nothing failed early
    // The sends waited side by side, not one after another.
    QVERIFY2(allTookMs < 2 * kTimeout.count() + 2000, qPrintable(QString::number(allTookMs)));
    // The event loop kept running all along: the 1 ms heartbeat kept ticking.
    const mq::perf::Percentiles late = probe.summaryMs();
    QVERIFY2(late.count >= allTookMs / 10, qPrintable(QString::number(late.count)));
    QVERIFY2(late.max < 500, qPrintable(QString::number(late.max)));
    qInfo("silent broker: %d sends timed out after %lld..%lld ms (all in %lld ms); heartbeat %lld ticks, lateness "
          "p50 %.2f p99 %.2f max %.2f ms; error: %s",
          kSends, *std::min_element(tookMs.begin(), tookMs.end()), *std::max_element(tookMs.begin(), tookMs.end()),
          allTookMs, qlonglong(late.count), late.p50, late.p99, late.max, qPrintable(errors.first().message));
}

// A silent broker and one refusing connections serve a topic: whichever a send tries first,
// its final error names every broker tried, in order, with that attempt's own cause.
void TestFaultPeers::everyAttemptNamesItsBrokerAndCause()
{
    testing::FakeServer silent;
    silent.setResponder([](const mq::RemotingCommand &) { return std::nullopt; });
    const QString refused = QStringLiteral("127.0.0.1:%1").arg(testing::closedPort());
    const QString topic = QStringLiteral("mixed-topic");
    registerFakeBroker(QStringLiteral("broker-silent"), silent.address(), topic);
    registerFakeBroker(QStringLiteral("broker-refused"), refused, topic);
    startProducer();

    // Round robin: eight sends in a row start on each of the two brokers' eight queues once.
    constexpr int kSends = 8;
    QList<mq::Error> errors;
    const auto send = [&]() -> QCoro::Task<> {
        mq::SendOptions options;
        options.timeout = 1000ms;
        auto sent = co_await m_producer->send(message(topic), options);
        errors.append(sent ? mq::Error{} : sent.error());
    };
    std::vector<QCoro::Task<>> sends;
    for (int i = 0; i < kSends; ++i)
        sends.push_back(send());
    QVERIFY(faults::runUntil([&] { return errors.size() == kSends; }, kWait));

    const QHash<QString, QString> causeOf{
        {QStringLiteral("broker-silent"),
         QStringLiteral("broker-silent %1 did not answer SEND_MESSAGE_V2(310) within ").arg(silent.address())},
        {QStringLiteral("broker-refused"), QStringLiteral("broker-refused %1: cannot connect to %1: ").arg(refused)},
    };
    const QRegularExpression shape(QStringLiteral("^Send \\[(\\d)\\] times, still failed, cost \\[\\d+\\]ms, Topic: "
                                                  "mixed-topic, BrokersSent: \\[([^\\]]*)\\]: (.*)$"));
    QSet<QString> triedFirst;
    for (const mq::Error &e : errors) {
        QCOMPARE(e.code, mq::Error::Code::Timeout); // the silent broker used up the time
        const QRegularExpressionMatch match = shape.match(e.message);
        QVERIFY2(match.hasMatch(), qPrintable(e.message));
        const QStringList brokers = match.captured(2).split(QStringLiteral(", "));
        QCOMPARE(brokers.size(), match.captured(1).toInt());
        QVERIFY2(brokers.contains(QStringLiteral("broker-silent")), qPrintable(e.message));
        const QStringList causes = match.captured(3).split(QStringLiteral("; "));
        QVERIFY2(causes.size() >= brokers.size(), qPrintable(e.message));
        for (qsizetype i = 0; i < brokers.size(); ++i)
            QVERIFY2(causes[i].startsWith(causeOf.value(brokers[i], QStringLiteral("?"))), qPrintable(e.message));
        // What follows the attempts is only the note that no time was left for the next one.
        for (qsizetype i = brokers.size(); i < causes.size(); ++i)
            QVERIFY2(causes[i].startsWith(QStringLiteral("send timeout of 1000 ms used up before attempt ")),
                     qPrintable(e.message));
        triedFirst.insert(brokers.first());
    }
    QCOMPARE(triedFirst, (QSet<QString>{QStringLiteral("broker-silent"), QStringLiteral("broker-refused")}));
    for (const mq::Error &e : errors)
        if (e.message.contains(QStringLiteral("BrokersSent: [broker-refused")))
            qInfo("refused, then silent: %s", qPrintable(e.message));
}

// ---- 2 GiB length prefixes ---------------------------------------------------------------------

QByteArray lengthPrefix(quint32 length)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian(length, bytes.data());
    return bytes;
}

void addLengthRows()
{
    QTest::addColumn<quint32>("length");
    QTest::newRow("2 GiB - 1") << quint32(0x7FFFFFFF);
    QTest::newRow("2 GiB") << quint32(0x80000000);
    QTest::newRow("4 GiB - 1") << quint32(0xFFFFFFFF);
}

void TestFaultPeers::hugeLengthPrefixFromABroker_data()
{
    addLengthRows();
}

void TestFaultPeers::hugeLengthPrefixFromABroker()
{
    QFETCH(quint32, length);
    testing::FakeServer hostile;
    // Answers every request with the prefix, then a stream of junk that would fill any buffer
    // sized from it.
    const QByteArray junk = lengthPrefix(length) + QByteArray(256 * 1024, 'x');
    hostile.setResponder([&](const mq::RemotingCommand &) {
        hostile.sendRaw(junk);
        return std::nullopt;
    });
    registerFakeBroker(QStringLiteral("broker-hostile"), hostile.address(), QStringLiteral("hostile-topic"));
    startProducer();

    const qint64 heapBefore = mq::perf::heapBytes();
    const qint64 rssBefore = mq::perf::residentBytes();
    auto sent = await(m_producer->send(message(QStringLiteral("hostile-topic"))));
    QVERIFY(sent.has_value());
    QVERIFY(!sent->ok());
    const mq::Error &error = sent->error();
    QCOMPARE(error.code, mq::Error::Code::FrameTooLarge);
    QVERIFY2(error.message.contains(hostile.address()), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("frame length %1 exceeds").arg(length)), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("connection closed")), qPrintable(error.message));
    // Each attempt's connection was closed by us.
    QTRY_COMPARE_WITH_TIMEOUT(hostile.openClients(), 0, kWait);
    QCOMPARE(m_client->connection(hostile.address())->state(), mq::RemotingConnection::State::Disconnected);
    const qint64 heapGrowth = mq::perf::heapBytes() - heapBefore;
    const qint64 rssGrowth = mq::perf::residentBytes() - rssBefore;
    QVERIFY2(heapGrowth < kSmallGrowth, qPrintable(QString::number(heapGrowth)));
    QVERIFY2(rssGrowth < kSmallGrowth, qPrintable(QString::number(rssGrowth)));
    qInfo("prefix %u from a broker: %d connections closed; heap %+lld B, RSS %+lld B; error: %s", length,
          hostile.connectionCount(), heapGrowth, rssGrowth, qPrintable(error.message));
}

void TestFaultPeers::hugeLengthPrefixToTheSandbox_data()
{
    QTest::addColumn<bool>("toBroker");
    QTest::addColumn<quint32>("length");
    for (const bool toBroker : {true, false}) {
        for (const quint32 length : {quint32(0x7FFFFFFF), quint32(0x80000000), quint32(0xFFFFFFFF)})
            QTest::addRow("%s, prefix %u", toBroker ? "broker" : "name server", length) << toBroker << length;
    }
}

void TestFaultPeers::hugeLengthPrefixToTheSandbox()
{
    QFETCH(bool, toBroker);
    QFETCH(quint32, length);
    const QString address = toBroker ? m_sandbox->brokerAddress(0) : m_sandbox->nameServerAddress();
    const qint64 heapBefore = mq::perf::heapBytes();
    const qint64 rssBefore = mq::perf::residentBytes();

    QTcpSocket peer;
    QSignalSpy disconnected(&peer, &QTcpSocket::disconnected);
    peer.connectToHost(QHostAddress::LocalHost, quint16(address.section(QLatin1Char(':'), -1).toUInt()));
    QVERIFY(peer.waitForConnected(kWait));
    peer.write(lengthPrefix(length));
    peer.write(QByteArray(1024 * 1024, 'x'));
    QTRY_VERIFY_WITH_TIMEOUT(!disconnected.isEmpty(), kWait); // the server hung up on us
    const qint64 heapGrowth = mq::perf::heapBytes() - heapBefore;
    const qint64 rssGrowth = mq::perf::residentBytes() - rssBefore;
    QVERIFY2(heapGrowth < kSmallGrowth, qPrintable(QString::number(heapGrowth)));
    QVERIFY2(rssGrowth < kSmallGrowth, qPrintable(QString::number(rssGrowth)));

    // ... and still serves everybody else.
    startProducer();
    auto sent = await(m_producer->send(message(QStringLiteral("after-hostile-peer"))));
    QVERIFY2(sent && sent->ok(), why(*sent).constData());
    qInfo("prefix %u to the %s: closed; heap %+lld B, RSS %+lld B", length, toBroker ? "broker" : "name server",
          heapGrowth, rssGrowth);
}

} // namespace

QTEST_GUILESS_MAIN(TestFaultPeers)
#include "test_fault_peers.moc"
