// A broker killed and restarted (same port, same data directory) in the middle of producing
// and of consuming: what was reported sent is stored, what failed says why, the consumer
// resumes by itself and nothing sent is missed.
#include "Broker.h"
#include "ClientInstance.h"
#include "ClientTestSupport.h"
#include "FaultSupport.h"
#include "NameServer.h"
#include "Producer.h"
#include "PushConsumer.h"
#include "Sandbox.h"
#include "TestSupport.h"

#include <QMap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;
using faults::toSet;
using testing::await;
using testing::why;

namespace {

constexpr int kWait = 30000; // ms: generous, the machine is shared

class TestFaultBrokerRestart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void produceAcrossBrokerRestart();
    void produceFailsOverWhileOneBrokerIsDown();
    void consumeAcrossBrokerRestart();

private:
    void startSandbox(int brokers);
    mq::Message message(int seq) const;
    mq::sandbox::Sandbox &sandbox() { return m_rig->sandbox(); }
    mq::Producer &producer() { return m_rig->producer(); }

    std::unique_ptr<QTemporaryDir> m_data; // fresh for every test
    std::unique_ptr<testing::SandboxProducer> m_rig;
    std::vector<std::unique_ptr<mq::sandbox::Broker>> m_restarted;
};

const QString kTopic = QStringLiteral("fault-orders");

void TestFaultBrokerRestart::init()
{
    m_data = std::make_unique<QTemporaryDir>();
    QVERIFY(m_data->isValid());
}

void TestFaultBrokerRestart::cleanup()
{
    if (m_rig)
        m_rig->shutdownClients();
    m_restarted.clear(); // before the sandbox: they are registered with its name server
    m_rig.reset();
    m_data.reset();
}

void TestFaultBrokerRestart::startSandbox(int brokers)
{
    mq::sandbox::SandboxOptions options;
    options.brokerCount = brokers;
    options.broker.dataDir = m_data->path(); // what was stored must survive the restart
    m_rig = std::make_unique<testing::SandboxProducer>(options);
    const auto started = m_rig->start(QStringLiteral("fault-producer"), QStringLiteral("fault-producer"));
    QVERIFY2(started.ok(), why(started).constData());
    const auto created = m_rig->createTopic(kTopic, 4);
    QVERIFY2(created.ok(), why(created).constData());
}

mq::Message TestFaultBrokerRestart::message(int seq) const
{
    mq::Message m;
    m.topic = kTopic;
    m.body = "message " + QByteArray::number(seq);
    m.setKeys({QStringLiteral("seq-%1").arg(seq)});
    return m;
}

// ---- produce -------------------------------------------------------------------------------

void TestFaultBrokerRestart::produceAcrossBrokerRestart()
{
    startSandbox(1);
    mq::sandbox::Broker *original = sandbox().broker(0);
    const QString address = original->address();
    const int total = 400, inflight = 8;

    // Eight senders in flight; after 100 successes the broker dies under them, after 20
    // failures it comes back on the same port and data.
    int next = 0, seqAtRestart = -1;
    bool killed = false;
    QSet<QString> succeeded;
    QMap<QString, mq::Error> failed;
    mq::sandbox::Broker *current = original;
    QString restartError;
    const auto sender = [&]() -> QCoro::Task<> {
        while (next < total) {
            const int seq = next++;
            mq::SendOptions options;
            options.timeout = 5s;
            auto sent = co_await producer().send(message(seq), options);
            const QString key = QStringLiteral("seq-%1").arg(seq);
            if (sent)
                succeeded.insert(key);
            else
                failed.insert(key, sent.error());
            if (succeeded.size() >= 100 && !killed) {
                killed = true;
                original->stop();
            }
            if (killed && failed.size() >= 20 && current == original) {
                auto broker = faults::startBrokerLike(*original, address, sandbox().nameServer(), &restartError);
                current = broker.get();
                seqAtRestart = next;
                m_restarted.push_back(std::move(broker));
            }
        }
    };
    std::vector<QCoro::Task<>> senders;
    for (int i = 0; i < inflight; ++i)
        senders.push_back(sender());
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.size() + failed.size(), qsizetype(total), kWait);
    QVERIFY2(current, qPrintable(restartError));
    QVERIFY(current != original);

    // What failed says what happened, naming the broker.
    QVERIFY(failed.size() >= 20);
    for (auto it = failed.cbegin(); it != failed.cend(); ++it) {
        QVERIFY2(it->code == mq::Error::Code::Network || it->code == mq::Error::Code::Timeout, qPrintable(it->message));
        QVERIFY2(it->message.contains(address), qPrintable(it->message));
    }
    // Once the broker is back every send goes through.
    for (int seq = seqAtRestart; seq < total; ++seq)
        QVERIFY2(succeeded.contains(QStringLiteral("seq-%1").arg(seq)),
                 qPrintable(failed.value(QStringLiteral("seq-%1").arg(seq)).message));

    // Sent vs stored: every message reported sent is in the restarted broker's store; anything
    // else stored is one whose answer was lost when the broker died (its send failed).
    m_restarted.back()->store().flush();
    const QList<QString> stored = faults::storedKeys(*m_restarted.back(), kTopic);
    const QSet<QString> storedSet = toSet(stored);
    QVERIFY(storedSet.contains(succeeded));
    const QSet<QString> storedButFailed = storedSet - succeeded;
    for (const QString &key : storedButFailed)
        QVERIFY2(failed.contains(key), qPrintable(key));
    QCOMPARE(stored.size(), storedSet.size()); // no message stored twice
    qInfo("produce across a restart: %d sent, %lld ok, %lld failed (%lld of those stored before the broker died), "
          "%lld stored; first error: %s",
          total, qlonglong(succeeded.size()), qlonglong(failed.size()), qlonglong(storedButFailed.size()),
          qlonglong(stored.size()), qPrintable(failed.first().message));
}

void TestFaultBrokerRestart::produceFailsOverWhileOneBrokerIsDown()
{
    startSandbox(2);
    QVERIFY(await(producer().publishInfo(kTopic))->ok()); // both brokers in the cached route
    mq::sandbox::Broker *brokerA = sandbox().broker(0);
    const QString addressA = brokerA->address();
    const int total = 300, inflight = 8;
    int next = 0, retried = 0, toA = 0, toB = 0, toAAfterRestart = 0;
    QSet<QString> succeeded;
    QStringList errors;
    mq::sandbox::Broker *restarted = nullptr;
    QString restartError;
    const auto sender = [&]() -> QCoro::Task<> {
        while (next < total) {
            const int seq = next++;
            auto sent = co_await producer().send(message(seq));
            if (!sent) {
                errors.append(sent.error().message);
                continue;
            }
            succeeded.insert(QStringLiteral("seq-%1").arg(seq));
            const bool onA = sent->messageQueue.brokerName == u"broker-a";
            (onA ? toA : toB) += 1;
            toAAfterRestart += onA && restarted;
            if (sent->attempts > 1) {
                ++retried;
                if (sent->failedBrokers != QStringList{QStringLiteral("broker-a")})
                    errors.append(QStringLiteral("failed brokers: ") + sent->failedBrokers.join(u','));
            }
            if (succeeded.size() == 60)
                brokerA->stop();
            if (succeeded.size() == 200 && !restarted) {
                auto broker = faults::startBrokerLike(*brokerA, addressA, sandbox().nameServer(), &restartError);
                restarted = broker.get();
                m_restarted.push_back(std::move(broker));
            }
        }
    };
    std::vector<QCoro::Task<>> senders;
    for (int i = 0; i < inflight; ++i)
        senders.push_back(sender());
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.size() + errors.size(), qsizetype(total), kWait);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QVERIFY2(restarted, qPrintable(restartError));
    QVERIFY(retried > 0);         // sends that met the dead broker went to the other one
    QVERIFY(toAAfterRestart > 0); // and broker-a takes messages again once it is back

    restarted->store().flush();
    sandbox().broker(1)->store().flush();
    const QList<QString> stored =
        faults::storedKeys(*restarted, kTopic) + faults::storedKeys(*sandbox().broker(1), kTopic);
    QCOMPARE(toSet(stored), succeeded);
    QCOMPARE(stored.size(), qsizetype(total));
    qInfo("one of two brokers down: %d sent, %d retried on the other broker, %d on broker-a (%d after its restart), "
          "%d on broker-b, %lld stored",
          total, retried, toA, toAAfterRestart, toB, qlonglong(stored.size()));
}

// ---- consume -------------------------------------------------------------------------------

void TestFaultBrokerRestart::consumeAcrossBrokerRestart()
{
    startSandbox(1);
    mq::sandbox::Broker *original = sandbox().broker(0);
    const QString address = original->address();

    QSet<QString> sent;
    const auto sendRange = [&](int from, int to) {
        for (int seq = from; seq < to; ++seq) {
            auto r = await(producer().send(message(seq)));
            QVERIFY2(r && r->ok(), why(*r).constData());
            sent.insert(QStringLiteral("seq-%1").arg(seq));
        }
    };
    sendRange(0, 150);
    if (QTest::currentTestFailed())
        return;

    mq::ClientConfig config;
    config.nameServer = sandbox().nameServerAddress();
    config.instanceName = QStringLiteral("fault-consumer");
    mq::ClientInstance consumerClient(config);
    mq::PushConsumerOptions options;
    options.consumeFrom = mq::ConsumeStart::FirstOffset;
    options.pullBatchSize = 4; // small pulls: the broker dies with most of the topic unpulled
    options.pullThresholdForQueue = 8;
    options.pullDelayOnError = 200ms;
    options.persistInterval = 200ms;
    mq::PushConsumer consumer(QStringLiteral("fault-consumer-group"), &consumerClient, options);
    QVERIFY(consumer.subscribe(kTopic).ok());
    QStringList handled;
    bool killed = false;
    consumer.setHandler([&](const mq::MessageExt &m) {
        handled.append(m.keys().value(0));
        if (handled.size() == 40 && !killed) {
            killed = true;
            QTimer::singleShot(0, original, [original] { original->stop(); });
        }
        return mq::ConsumeResult::Success;
    });
    QSignalSpy connection(&consumer, &mq::PushConsumer::connectionChanged);
    auto st = await(consumer.start());
    QVERIFY2(st && st->ok(), why(*st).constData());

    // The broker dies mid-consume; the consumer says so, naming it.
    QTRY_VERIFY_WITH_TIMEOUT(!connection.isEmpty(), kWait);
    QCOMPARE(connection.first().at(0).toString(), address);
    QCOMPARE(connection.first().at(1).toBool(), false);
    QVERIFY(handled.size() < sent.size());
    const qsizetype handledWhileUp = handled.size();

    QString error;
    m_restarted.push_back(faults::startBrokerLike(*original, address, sandbox().nameServer(), &error));
    QVERIFY2(m_restarted.back(), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(connection.last().at(1).toBool(), kWait);
    sendRange(150, 250);
    if (QTest::currentTestFailed())
        return;

    // Nothing lost: every message sent before and after the restart is handled at least once.
    QTRY_VERIFY_WITH_TIMEOUT(toSet(handled).contains(sent), kWait);
    QCOMPARE(toSet(handled), sent);
    qInfo("consume across a restart: %lld sent, %lld handled before the broker died, %lld handled in all "
          "(%lld redelivered)",
          qlonglong(sent.size()), qlonglong(handledWhileUp), qlonglong(handled.size()),
          qlonglong(handled.size() - toSet(handled).size()));
    await(consumer.shutdown());
    await(consumerClient.shutdown());
}

} // namespace

QTEST_GUILESS_MAIN(TestFaultBrokerRestart)
#include "test_fault_broker_restart.moc"
