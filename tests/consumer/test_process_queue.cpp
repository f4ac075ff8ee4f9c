// ProcessQueue (commit offsets never pass an unconsumed message, flow-control thresholds,
// running-info view) and ConsumerStats (rates over the last minute with a test clock).
#include "ConsumerStats.h"
#include "ProcessQueue.h"

#include <QTest>

using mq::ConsumerStats;
using mq::MessageExt;
using mq::ProcessQueue;

namespace {

const mq::MessageQueue kQueue{QStringLiteral("orders"), QStringLiteral("broker-a"), 2};

MessageExt message(qint64 offset, qsizetype bodyBytes = 10)
{
    MessageExt m;
    m.topic = kQueue.topic;
    m.queueId = kQueue.queueId;
    m.queueOffset = offset;
    m.body = QByteArray(bodyBytes, 'x');
    return m;
}

QList<MessageExt> range(qint64 from, qint64 to, qsizetype bodyBytes = 10)
{
    QList<MessageExt> out;
    for (qint64 o = from; o < to; ++o)
        out.append(message(o, bodyBytes));
    return out;
}

} // namespace

class TestProcessQueue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void commitOffsetIsSmallestUnconsumed_data();
    void commitOffsetIsSmallestUnconsumed();
    void nothingCachedYetCommitsNothing();
    void duplicatesAreNotCachedTwice();
    void countThresholdPausesAt1001();
    void sizeThresholdPausesOver100MiB();
    void spanThresholdPausesWhenOneMessageLags();
    void infoReportsCache();
    void statsRatesOverTheWindow();
    void statsForgetOldSamples();
};

void TestProcessQueue::commitOffsetIsSmallestUnconsumed_data()
{
    QTest::addColumn<QList<qint64>>("finishOrder");
    QTest::addColumn<QList<qint64>>("commits"); // after each finish
    // Messages 10..14 pulled; handlers finish in this order.
    QTest::newRow("in order") << QList<qint64>{10, 11, 12, 13, 14} << QList<qint64>{11, 12, 13, 14, 15};
    QTest::newRow("first one last") << QList<qint64>{11, 12, 13, 14, 10} << QList<qint64>{10, 10, 10, 10, 15};
    QTest::newRow("middle slow") << QList<qint64>{10, 11, 13, 14, 12} << QList<qint64>{11, 12, 12, 12, 15};
    QTest::newRow("reverse") << QList<qint64>{14, 13, 12, 11, 10} << QList<qint64>{10, 10, 10, 10, 15};
}

void TestProcessQueue::commitOffsetIsSmallestUnconsumed()
{
    QFETCH(QList<qint64>, finishOrder);
    QFETCH(QList<qint64>, commits);
    ProcessQueue pq(kQueue, 10);
    QCOMPARE(pq.put(range(10, 15), 1000), 5);
    for (int i = 0; i < finishOrder.size(); ++i)
        QCOMPARE(pq.remove({finishOrder[i]}, 2000), commits[i]);
    QCOMPARE(pq.cachedCount(), 0);
    QCOMPARE(pq.cachedBytes(), qint64(0));
    QCOMPARE(pq.lastConsumeTimestamp(), qint64(2000));
}

void TestProcessQueue::nothingCachedYetCommitsNothing()
{
    ProcessQueue pq(kQueue, 0);
    QCOMPARE(pq.remove({3}, 1), qint64(-1));
    pq.put(range(0, 2), 1);
    QCOMPARE(pq.remove({7}, 1), qint64(0)); // unknown offsets change nothing
}

void TestProcessQueue::duplicatesAreNotCachedTwice()
{
    ProcessQueue pq(kQueue, 0);
    QCOMPARE(pq.put(range(0, 4), 1), 4);
    QCOMPARE(pq.put(range(2, 6), 1), 2);
    QCOMPARE(pq.cachedCount(), 6);
    QCOMPARE(pq.cachedBytes(), qint64(60));
    QCOMPARE(pq.minCachedOffset(), qint64(0));
    QCOMPARE(pq.maxCachedOffset(), qint64(5));
}

void TestProcessQueue::countThresholdPausesAt1001()
{
    ProcessQueue pq(kQueue, 0);
    pq.put(range(0, 1000, 1), 1);
    QVERIFY(!pq.isOverThreshold(1000, 100, 2000));
    pq.put(range(1000, 1001, 1), 1);
    QVERIFY(pq.isOverThreshold(1000, 100, 2000));
    pq.remove({0}, 2);
    QVERIFY(!pq.isOverThreshold(1000, 100, 2000));
}

void TestProcessQueue::sizeThresholdPausesOver100MiB()
{
    constexpr qsizetype kMiB = 1024 * 1024;
    ProcessQueue pq(kQueue, 0);
    pq.put(range(0, 25, 4 * kMiB), 1); // 100 MiB exactly
    QVERIFY(!pq.isOverThreshold(1000, 100, 2000));
    pq.put({message(25, 1)}, 1);
    QVERIFY(pq.isOverThreshold(1000, 100, 2000));
    QCOMPARE(pq.info(0).cachedMsgSizeInMiB, 100);
    pq.remove({3}, 2);
    QVERIFY(!pq.isOverThreshold(1000, 100, 2000));
}

void TestProcessQueue::spanThresholdPausesWhenOneMessageLags()
{
    ProcessQueue pq(kQueue, 0);
    pq.put({message(0)}, 1);
    pq.put({message(2000)}, 1);
    QVERIFY(!pq.isOverThreshold(1000, 100, 2000));
    pq.put({message(2001)}, 1);
    QVERIFY(pq.isOverThreshold(1000, 100, 2000)); // offset 0 holds back the commit
    pq.remove({0}, 2);
    QVERIFY(!pq.isOverThreshold(1000, 100, 2000));
}

void TestProcessQueue::infoReportsCache()
{
    ProcessQueue pq(kQueue, 5);
    pq.put(range(5, 9, 100), 1234);
    pq.remove({5}, 1300);
    const auto info = pq.info(6);
    QCOMPARE(info.commitOffset, qint64(6));
    QCOMPARE(info.cachedMsgMinOffset, qint64(6));
    QCOMPARE(info.cachedMsgMaxOffset, qint64(8));
    QCOMPARE(info.cachedMsgCount, 3);
    QCOMPARE(info.cachedMsgSizeInMiB, 0);
    QCOMPARE(info.lastPullTimestamp, qint64(1234));
    QCOMPARE(info.lastConsumeTimestamp, qint64(1300));
    QVERIFY(!info.droped);
    pq.drop();
    QVERIFY(pq.info(6).droped);
}

void TestProcessQueue::statsRatesOverTheWindow()
{
    ConsumerStats stats;
    const qint64 t0 = 1'000'000;
    // 10 s of traffic: a pull of 20 messages every second taking 30 ms, 20 handled (2 failed).
    for (int s = 0; s < 10; ++s) {
        stats.recordPull(QStringLiteral("orders"), 20, 30, t0 + s * 1000);
        for (int i = 0; i < 20; ++i)
            stats.recordConsume(QStringLiteral("orders"), !(s == 3 && i < 2), 5, t0 + s * 1000 + i);
    }
    const auto st = stats.status(QStringLiteral("orders"), t0 + 10'000);
    QCOMPARE(st.pullRT, 30.0);
    QCOMPARE(st.pullTPS, 200.0 / 10.0);
    QCOMPARE(st.consumeOKTPS, 198.0 / 10.0);
    QCOMPARE(st.consumeFailedTPS, 2.0 / 10.0);
    QCOMPARE(st.consumeFailedMsgs, qint64(2));
    QCOMPARE(st.consumeRT, 5.0);
    QCOMPARE(stats.consumeOkTps(t0 + 10'000), 19.8);
    QCOMPARE(stats.status(QStringLiteral("unknown"), t0).pullTPS, 0.0);
}

void TestProcessQueue::statsForgetOldSamples()
{
    ConsumerStats stats;
    const qint64 t0 = 5'000'000;
    stats.recordConsume(QStringLiteral("orders"), true, 1, t0);
    stats.recordConsume(QStringLiteral("orders"), false, 1, t0);
    // Two minutes later: the minute window is empty, the failed count still covers the hour.
    const auto st = stats.status(QStringLiteral("orders"), t0 + 120'000);
    QCOMPARE(st.consumeOKTPS, 0.0);
    QCOMPARE(st.consumeFailedTPS, 0.0);
    QCOMPARE(st.consumeFailedMsgs, qint64(1));
    // Older than an hour: gone from the failed count too.
    QCOMPARE(stats.status(QStringLiteral("orders"), t0 + 2 * 3600'000).consumeFailedMsgs, qint64(0));
}

QTEST_GUILESS_MAIN(TestProcessQueue)
#include "test_process_queue.moc"
