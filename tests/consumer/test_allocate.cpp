// AllocateMessageQueueAveragely as RocketMQ computes it: the Java test's own expectation,
// hand-worked splits, invariants over a grid, and ali-ons' independent JavaScript port as an
// oracle when node and the interop modules are installed.
#include "Rebalance.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using mq::MessageQueue;
using mq::rebalance::allocateAveragely;
using mq::rebalance::allocateSorted;

namespace {

QList<MessageQueue> queues(int n, const QString &broker = QStringLiteral("broker-a"))
{
    QList<MessageQueue> out;
    for (int i = 0; i < n; ++i)
        out.append({QStringLiteral("topic"), broker, i});
    return out;
}

QStringList consumers(int n)
{
    QStringList out;
    for (int i = 0; i < n; ++i)
        out.append(QStringLiteral("CID_PREFIX%1").arg(i));
    return out;
}

// "0,1,2" -> queue ids of the allocation
QString ids(const QList<MessageQueue> &qs)
{
    QStringList out;
    for (const auto &q : qs)
        out.append(QString::number(q.queueId));
    return out.join(u',');
}

} // namespace

class TestAllocate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void javaTestSizes();
    void handWorkedSplits_data();
    void handWorkedSplits();
    void everyQueueOnceContiguousBalanced();
    void sortsQueuesAndConsumersFirst();
    void unknownConsumerGetsNothing();
    void matchesAliOnsImplementation();
};

// AllocateMessageQueueAveragelyTest: 10 queues over 4 consumers -> {3, 3, 2, 2}.
void TestAllocate::javaTestSizes()
{
    const auto cids = consumers(4);
    QList<int> sizes;
    for (const QString &cid : cids)
        sizes.append(int(allocateAveragely(cid, queues(10), cids).size()));
    QCOMPARE(sizes, (QList<int>{3, 3, 2, 2}));
}

void TestAllocate::handWorkedSplits_data()
{
    QTest::addColumn<int>("queueCount");
    QTest::addColumn<QStringList>("expected"); // per consumer, in consumer order
    QTest::newRow("4 over 1") << 4 << QStringList{"0,1,2,3"};
    QTest::newRow("4 over 2") << 4 << QStringList{"0,1", "2,3"};
    QTest::newRow("4 over 3") << 4 << QStringList{"0,1", "2", "3"};
    QTest::newRow("4 over 5: one idle") << 4 << QStringList{"0", "1", "2", "3", ""};
    QTest::newRow("8 over 3") << 8 << QStringList{"0,1,2", "3,4,5", "6,7"};
    QTest::newRow("16 over 3") << 16 << QStringList{"0,1,2,3,4,5", "6,7,8,9,10", "11,12,13,14,15"};
    QTest::newRow("3 over 6: three idle") << 3 << QStringList{"0", "1", "2", "", "", ""};
}

void TestAllocate::handWorkedSplits()
{
    QFETCH(int, queueCount);
    QFETCH(QStringList, expected);
    const auto cids = consumers(int(expected.size()));
    for (int i = 0; i < cids.size(); ++i)
        QCOMPARE(ids(allocateAveragely(cids[i], queues(queueCount), cids)), expected[i]);
}

void TestAllocate::everyQueueOnceContiguousBalanced()
{
    for (int q = 1; q <= 40; ++q) {
        for (int c = 1; c <= 12; ++c) {
            const auto all = queues(q);
            const auto cids = consumers(c);
            QList<MessageQueue> seen;
            qsizetype smallest = q, largest = 0;
            for (const QString &cid : cids) {
                const auto mine = allocateAveragely(cid, all, cids);
                for (int k = 1; k < mine.size(); ++k)
                    QCOMPARE(mine[k].queueId, mine[k - 1].queueId + 1); // one block
                seen += mine;
                smallest = std::min(smallest, mine.size());
                largest = std::max(largest, mine.size());
            }
            QCOMPARE(seen, all); // each queue exactly once, blocks in consumer order
            QVERIFY2(largest - smallest <= 1, qPrintable(QStringLiteral("%1 queues over %2").arg(q).arg(c)));
        }
    }
}

void TestAllocate::sortsQueuesAndConsumersFirst()
{
    // Two brokers: sorted by topic, broker name, queue id; ids by String.compareTo.
    QList<MessageQueue> all = queues(3, QStringLiteral("broker-b")) + queues(3, QStringLiteral("broker-a"));
    std::shuffle(all.begin(), all.end(), *QRandomGenerator::global());
    const QStringList cids{QStringLiteral("10.0.0.2@2"), QStringLiteral("10.0.0.10@1")};
    // "10.0.0.10@1" < "10.0.0.2@2" ('1' < '2'), so it takes the first half: broker-a.
    const auto first = allocateSorted(QStringLiteral("10.0.0.10@1"), all, cids);
    const auto second = allocateSorted(QStringLiteral("10.0.0.2@2"), all, cids);
    QCOMPARE(first, queues(3, QStringLiteral("broker-a")));
    QCOMPARE(second, queues(3, QStringLiteral("broker-b")));
    // Duplicate queues in the input (a route listing a broker twice) count once.
    QCOMPARE(allocateSorted(QStringLiteral("only"), all + all, {QStringLiteral("only")}).size(), 6);
}

void TestAllocate::unknownConsumerGetsNothing()
{
    QVERIFY(allocateAveragely(QStringLiteral("stranger"), queues(4), consumers(2)).isEmpty());
    QVERIFY(allocateAveragely(QString(), queues(4), consumers(2)).isEmpty());
    QVERIFY(allocateAveragely(QStringLiteral("CID_PREFIX0"), {}, consumers(2)).isEmpty());
}

void TestAllocate::matchesAliOnsImplementation()
{
    const QString module =
        QStringLiteral(MQDESK_SOURCE_DIR) + QStringLiteral("/tests/interop/node_modules/ali-ons/lib/consumer/rebalance/"
                                                           "allocate_message_queue_averagely.js");
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty() || !QFileInfo::exists(module))
        QSKIP("node or tests/interop/node_modules/ali-ons is not installed");
    // The script prints, per (queues, consumers, consumer index), the allocated queue ids.
    const QString script =
        QStringLiteral("const A = require(%1); const a = new A(); const out = [];"
                       "for (let q = 1; q <= 24; q++) for (let c = 1; c <= 9; c++) {"
                       "  const mqs = [...Array(q).keys()]; const cids = [...Array(c).keys()].map(i => 'c' + i);"
                       "  cids.forEach((cid, i) => out.push(q + ' ' + c + ' ' + i + ':' + a.allocate('g', cid, mqs, "
                       "cids).join(',')));"
                       "} console.log(out.join('\\n'));")
            .arg(QStringLiteral("'%1'").arg(module));
    QProcess p;
    p.setWorkingDirectory(QFileInfo(module).absolutePath());
    p.start(node, {QStringLiteral("-e"), script});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(u'\n');
    QCOMPARE(lines.size(), 24 * (1 + 9) * 9 / 2);
    for (const QString &line : lines) {
        const auto head = line.section(u':', 0, 0).split(u' ');
        const int q = head[0].toInt(), c = head[1].toInt(), i = head[2].toInt();
        QStringList cids;
        for (int k = 0; k < c; ++k)
            cids.append(QStringLiteral("c%1").arg(k));
        QCOMPARE(
            QStringLiteral("%1 %2 %3:%4").arg(q).arg(c).arg(i).arg(ids(allocateAveragely(cids[i], queues(q), cids))),
            line);
    }
}

QTEST_GUILESS_MAIN(TestAllocate)
#include "test_allocate.moc"
