// The store grows without moving what it holds (no send copies the whole log, a consume queue
// or the key index), and still reads back every message, queue entry and key exactly.
#include "ChunkedList.h"
#include "KeyIndex.h"
#include "MessageCodec.h"
#include "MessageStore.h"
#include "PropertyCodec.h"
#include "SegmentedBytes.h"

#include <QtTest>

using namespace mq;
using namespace mq::sandbox;

namespace {

// Distinct, position-dependent bytes, so a read from the wrong place cannot match.
QByteArray pattern(int n, int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char((n * 131 + i * 7) & 0xFF);
    return bytes;
}

MessageExt storable(int n, int bodySize)
{
    MessageExt m;
    m.topic = QStringLiteral("Growth");
    m.queueId = n % 3;
    m.body = pattern(n, bodySize);
    m.bornTimestamp = 1700000000000 + n;
    m.bornHost = HostAndPort{QHostAddress(QStringLiteral("127.0.0.1")), 40000};
    m.properties.insert(prop::Keys, QStringLiteral("order-%1 shared").arg(n));
    m.properties.insert(prop::UniqueClientMessageId, QStringLiteral("UNIQ%1").arg(n, 8, 10, QLatin1Char('0')));
    m.rawProperties = encodeProperties(m.properties);
    return m;
}

} // namespace

class TestSandboxStoreGrowth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void segmentedBytesReadsBackAcrossSegments()
    {
        SegmentedBytes log;
        QByteArray whole; // the same appends in one array, the reference
        const qsizetype segment = SegmentedBytes::SegmentBytes;
        // Sizes that leave a segment's tail unused, then one append larger than a segment.
        const QList<qsizetype> sizes{1000, segment / 2, segment / 2, 7, segment + 3, 1, segment - 1, 5000};
        for (int n = 0; n < sizes.size(); ++n) {
            const QByteArray bytes = pattern(n, int(sizes[n]));
            log.append(bytes);
            whole.append(bytes);
        }
        QCOMPARE(log.size(), whole.size());
        QVERIFY(log.segments().size() >= 4);
        qint64 start = 0;
        for (int n = 0; n < sizes.size(); ++n) { // every append, whole and in one segment
            QCOMPARE(log.mid(start, sizes[n]), pattern(n, int(sizes[n])));
            start += sizes[n];
        }
        // Reads that straddle segment boundaries or run past the end.
        qint64 boundary = 0;
        for (const QByteArray &s : log.segments()) {
            boundary += s.size();
            for (const qint64 from : {boundary - 3, boundary - 1, boundary})
                QCOMPARE(log.mid(from, 10), whole.mid(from, 10));
        }
        QCOMPARE(log.mid(log.size() - 2, 100), whole.right(2));
        QVERIFY(log.mid(log.size(), 1).isEmpty());
        QVERIFY(log.mid(-1, 1).isEmpty());
        log.clear();
        QCOMPARE(log.size(), 0);
        QVERIFY(log.segments().isEmpty());
    }

    void segmentedBytesNeverMovesStoredBytes()
    {
        SegmentedBytes log;
        const QByteArray message = pattern(1, 1100);
        log.append(message);
        const char *first = log.segments().first().constData();
        // Three segments' worth of appends.
        for (qsizetype written = 0; written < 3 * SegmentedBytes::SegmentBytes; written += message.size())
            log.append(message);
        QCOMPARE(log.segments().first().constData(), first);
        QVERIFY(log.segments().size() >= 3);
    }

    void chunkedListIndexesAcrossChunks()
    {
        ChunkedList<qint64, 64> list;
        QVERIFY(list.isEmpty());
        for (qint64 i = 0; i < 64; ++i) // the first chunk, full
            list.append(i * i);
        const qint64 *first = &list.at(0);
        for (qint64 i = 64; i < 1000; ++i)
            list.append(i * i);
        QCOMPARE(list.size(), 1000);
        QCOMPARE(&list.at(0), first); // a full chunk is never copied again
        for (qint64 i = 0; i < 1000; ++i)
            QCOMPARE(list.at(i), i * i);
        QCOMPARE(list.last(), 999 * 999);
        qint64 i = 0;
        for (const qint64 v : list) {
            QCOMPARE(v, i * i);
            ++i;
        }
        QCOMPARE(i, 1000);
        list.clear();
        QCOMPARE(list.size(), 0);
    }

    void keyIndexFindsEveryKey()
    {
        KeyIndex index;
        constexpr int kKeys = 20000;
        for (int i = 0; i < kKeys; ++i) {
            index.add(QStringLiteral("T#k%1").arg(i), {i, 1000 + i});
            index.add(QStringLiteral("T#same"), {i, 1000 + i});
        }
        for (int i = 0; i < kKeys; ++i) {
            const auto *entries = index.find(QStringLiteral("T#k%1").arg(i));
            QVERIFY(entries);
            QCOMPARE(entries->size(), 1);
            QCOMPARE(entries->first().phyOffset, i);
            QCOMPARE(entries->first().storeTimestamp, 1000 + i);
        }
        const auto *same = index.find(QStringLiteral("T#same"));
        QVERIFY(same);
        QCOMPARE(same->size(), kKeys);
        for (int i = 0; i < kKeys; ++i)
            QCOMPARE(same->at(i).phyOffset, i); // oldest first
        QVERIFY(!index.find(QStringLiteral("T#k%1").arg(kKeys)));
        index.clear();
        QVERIFY(!index.find(QStringLiteral("T#same")));
    }

    // An in-memory store past two log segments: every message reads back from its offset,
    // queue entries point at it and the key index finds it.
    void inMemoryStoreReadsBackPastSegments()
    {
        MessageStore store;
        QVERIFY(store.open(QString(), HostAndPort{QHostAddress(QStringLiteral("127.0.0.1")), 10911}).ok());
        const int bodySize = 4000;
        const int count = int(2 * SegmentedBytes::SegmentBytes / bodySize) + 100;
        QList<AppendResult> stored;
        for (int n = 0; n < count; ++n) {
            auto result = store.append(storable(n, bodySize), 0);
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
            stored.append(*result);
        }
        QVERIFY(store.maxPhyOffset() > 2 * SegmentedBytes::SegmentBytes);
        QCOMPARE(store.messageCount(), count);
        for (int n = 0; n < count; ++n) {
            const auto message = store.lookMessage(stored[n].phyOffset);
            QVERIFY2(message, qPrintable(QString::number(n)));
            QCOMPARE(message->body, pattern(n, bodySize));
            QCOMPARE(message->commitLogOffset, stored[n].phyOffset);
            QCOMPARE(message->queueId, n % 3);
            QCOMPARE(message->queueOffset, stored[n].queueOffset);
            const ConsumeQueue *queue = store.queue(QStringLiteral("Growth"), n % 3);
            QVERIFY(queue);
            QCOMPARE(queue->at(stored[n].queueOffset).phyOffset, stored[n].phyOffset);
            QCOMPARE(queue->at(stored[n].queueOffset).size, stored[n].size);
            const auto byKey =
                store.queryIndex(QStringLiteral("Growth"), QStringLiteral("order-%1").arg(n), 10, 0, LLONG_MAX);
            QCOMPARE(byKey, QList<qint64>{stored[n].phyOffset});
        }
        qint64 total = 0;
        for (int q = 0; q < 3; ++q)
            total += store.maxOffset(QStringLiteral("Growth"), q);
        QCOMPARE(total, count);
        // A key on every message: newest first, capped at maxNum.
        const auto shared = store.queryIndex(QStringLiteral("Growth"), QStringLiteral("shared"), 3, 0, LLONG_MAX);
        QCOMPARE(shared, (QList<qint64>{stored[count - 1].phyOffset, stored[count - 2].phyOffset,
                                        stored[count - 3].phyOffset}));
    }
};

QTEST_GUILESS_MAIN(TestSandboxStoreGrowth)
#include "test_sandbox_store_growth.moc"
