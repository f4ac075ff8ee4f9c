// The live feed's compact rows (issue #9): the packed properties form is lossless, messages the
// real broker sent come back from the model unchanged, and a retained row costs at most body +
// 256 B of heap.

#include "FeedModel.h"
#include "MessageCodec.h"
#include "MessageId.h"
#include "PackedProperties.h"
#include "PerfStats.h"
#include "PropertyCodec.h"
#include "RowArena.h"
#include "fixture_exchanges.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstring>
#include <deque>

using namespace mq;
using namespace mq::gui;

namespace {

QList<MessageExt> recordedPulledMessages()
{
    QList<MessageExt> out;
    for (const auto &e : fixtures::successfulWithBody(11)) // PULL_MESSAGE
        out += decodeMessages(e.response.body).value();
    for (const auto &e : fixtures::successfulWithBody(12)) // QUERY_MESSAGE
        out += decodeMessages(e.response.body).value();
    return out;
}

QByteArray properties(std::initializer_list<std::pair<const char *, QByteArray>> pairs)
{
    QByteArray s;
    for (const auto &[name, value] : pairs) {
        if (!s.isEmpty())
            s += '\x02';
        s += QByteArray(name) + '\x01' + value;
    }
    return s;
}

QByteArray packOf(QByteArrayView s, packed::ValueTable &table)
{
    QByteArray out;
    packed::pack(s, table, out);
    return out;
}

} // namespace

class TestFeedRows : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void packRoundTrips_data()
    {
        QTest::addColumn<QByteArray>("properties");
        const QByteArray uniq = "7F0000016B2A18B4AAC2604A3A8B0000";
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("producer's") << properties(
            {{"KEYS", "order-1 customer-7"}, {"UNIQ_KEY", uniq}, {"WAIT", "true"}, {"TAGS", "TagA"}});
        QTest::newRow("user names, chinese") << properties({{"region", QStringLiteral("华北").toUtf8()}, {"k", ""}});
        QTest::newRow("lower-case hex stays text") << properties({{"UNIQ_KEY", uniq.toLower()}});
        QTest::newRow("odd-length hex") << properties({{"UNIQ_KEY", uniq.chopped(1)}});
        QTest::newRow("IPv6 UNIQ_KEY (40 hex)") << properties({{"UNIQ_KEY", QByteArray(40, 'A')}});
        QTest::newRow("hex too long to pack") << properties({{"ORIGIN_MESSAGE_ID", QByteArray(130, 'B')}});
        QTest::newRow("repeated name") << properties({{"WAIT", "true"}, {"WAIT", "false"}});
        QTest::newRow("trailing separator") << properties({{"KEYS", "a"}}) + '\x02';
        QTest::newRow("leading separator") << '\x02' + properties({{"KEYS", "a"}});
        QTest::newRow("empty items") << QByteArray("\x02\x02\x02");
        QTest::newRow("item without \\x01") << QByteArray("KEYS\x02TAGS\x01t");
        QTest::newRow("value holding \\x01") << QByteArray("a\x01"
                                                           "b\x01"
                                                           "c");
        QTest::newRow("empty name") << QByteArray("\x01v");
        QTest::newRow("long value (varint)") << properties({{"KEYS", QByteArray(70000, 'k')}});
    }

    void packRoundTrips()
    {
        QFETCH(QByteArray, properties);
        packed::ValueTable table;
        QCOMPARE(packed::unpack(packOf(properties, table), table), properties);
    }

    void packRoundTripsRandomBytes()
    {
        QRandomGenerator random(20261124);
        packed::ValueTable table;
        const char alphabet[] = {'\x01', '\x02', 'A', 'F', '0', '9', 'a', 'K', 'E', 'Y', 'S', '\xe5', '\x80'};
        for (int i = 0; i < 20000; ++i) {
            QByteArray s(random.bounded(60), Qt::Uninitialized);
            for (char &c : s)
                c = alphabet[random.bounded(int(sizeof alphabet))];
            if (i % 3 == 0) // real names too, so the name codes are exercised
                s.prepend(i % 2 ? QByteArray("UNIQ_KEY\x01") : QByteArray("TAGS\x01"));
            const QByteArray back = packed::unpack(packOf(s, table), table);
            if (back != s)
                QFAIL(qPrintable(QStringLiteral("case %1: %2 came back as %3")
                                     .arg(i)
                                     .arg(QString::fromLatin1(s.toHex()), QString::fromLatin1(back.toHex()))));
        }
    }

    void packIsSmallerForWhatBrokersSend()
    {
        const QByteArray s = properties({{"KEYS", "order-17005"},
                                         {"TAGS", "TagA"},
                                         {"UNIQ_KEY", "0A0003114E5C18B4AAC2000000000123"},
                                         {"WAIT", "true"},
                                         {"CLUSTER", "DefaultCluster"},
                                         {"MIN_OFFSET", "0"},
                                         {"MAX_OFFSET", "2048"}});
        QCOMPARE(s.size(), 130);
        packed::ValueTable table;
        // Seven one-byte name tags; TAGS, WAIT and CLUSTER as one-byte table indexes; the id's
        // 32 hex digits as a length and 16 bytes, "2048" (hex digits too) as 1 + 2, the key and
        // MIN_OFFSET as length + text (1 + 11, 1 + 1).
        QCOMPARE(packOf(s, table).size(), 7 + 3 + 17 + 3 + 12 + 2);
        QCOMPARE(table.size(), 3);
        QCOMPARE(packOf(s, table).size(), 44); // the next message shares the table's values
        QCOMPARE(table.size(), 3);
    }

    // The table is bounded: past its size, or for long values, values are stored in the row.
    void sharedValuesAreBounded()
    {
        packed::ValueTable table;
        QList<QByteArray> packedRows;
        QList<QByteArray> originals;
        for (int i = 0; i < packed::ValueTable::MaxValues + 100; ++i) {
            originals << properties({{"TAGS", "tag-" + QByteArray::number(i)},
                                     {"CLUSTER", QByteArray(packed::ValueTable::MaxValueSize + 1, 'c')}});
            packedRows << packOf(originals.last(), table);
        }
        QCOMPARE(table.size(), packed::ValueTable::MaxValues);
        for (int i = 0; i < originals.size(); ++i)
            QCOMPARE(packed::unpack(packedRows[i], table), originals[i]);
        table.clear();
        QCOMPARE(table.size(), 0);
    }

    void valueAndPairsSeeWhatTheStringSays()
    {
        const QByteArray s =
            properties(
                {{"UNIQ_KEY", "0A0003114E5C18B4AAC2000000000123"}, {"region", "north"}, {"TAGS", "a"}, {"TAGS", "b"}}) +
            "\x02"
            "bare";
        packed::ValueTable table;
        const QByteArray p = packOf(s, table);
        QCOMPARE(packed::value(p, table, "UNIQ_KEY"), QByteArray("0A0003114E5C18B4AAC2000000000123"));
        QCOMPARE(packed::value(p, table, "region"), QByteArray("north"));
        QCOMPARE(packed::value(p, table, "TAGS"), QByteArray("b")); // the last wins, as decodeProperties says
        QVERIFY(packed::value(p, table, "KEYS").isNull());
        QVERIFY(packed::value(p, table, "bare").isNull()); // an item without a value is no pair
        QList<QByteArray> seen;
        packed::forEachPair(p, table, [&](QByteArrayView name, QByteArrayView value) {
            seen << name.toByteArray() + '=' + value.toByteArray();
        });
        QCOMPARE(seen,
                 (QList<QByteArray>{"UNIQ_KEY=0A0003114E5C18B4AAC2000000000123", "region=north", "TAGS=a", "TAGS=b"}));
    }

    // Rows come and go in order: the arena's chunks are reused, never more than two spare.
    void arenaReusesChunksAsRowsTurnOver()
    {
        RowArena arena;
        std::deque<RowArena::Block> ring;
        constexpr int rowBytes = 300, capacity = 5000; // ~6 chunks of rows
        for (int i = 0; i < 50 * capacity; ++i) {
            RowArena::Block block = arena.allocate(rowBytes);
            memset(block.data(), char(i), rowBytes);
            ring.push_back(std::move(block));
            if (ring.size() > size_t(capacity))
                ring.pop_front();
        }
        const int live = (capacity * rowBytes) / int(RowArena::ChunkSize) + 1;
        QVERIFY2(arena.chunkCount() <= live + 1 + RowArena::MaxSpares, qPrintable(QString::number(arena.chunkCount())));
        for (size_t i = 0; i < ring.size(); ++i) { // every block still holds what was written
            const char expected = char(50 * capacity - int(ring.size()) + int(i));
            QCOMPARE(ring[i].view(), QByteArray(rowBytes, expected));
        }
        ring.clear();
        QCOMPARE(arena.chunkCount(), 1 + RowArena::MaxSpares); // the current one and the spares
    }

    void arenaGivesBigAndEmptyBlocksTheirOwnTreatment()
    {
        RowArena arena;
        RowArena::Block big = arena.allocate(RowArena::ChunkSize); // a chunk of its own
        memset(big.data(), 'b', size_t(big.size()));
        RowArena::Block empty = arena.allocate(0);
        QCOMPARE(empty.size(), 0);
        QCOMPARE(arena.chunkCount(), 2);
        big.release();
        QCOMPARE(arena.chunkCount(), 1); // not kept as a spare: spares are standard chunks
        QCOMPARE(big.size(), 0);
        RowArena::Block moved = std::move(empty);
        QCOMPARE(empty.data(), nullptr);
        QVERIFY(moved.data());
    }

    // Every message the recorded broker served comes back from the model field by field.
    void recordedMessagesComeBackUnchanged()
    {
        const QList<MessageExt> in = recordedPulledMessages();
        QVERIFY(in.size() >= 10);
        FeedModel model;
        model.append(1, in);
        model.flush();
        QCOMPARE(model.rowCount(), in.size());
        for (int row = 0; row < in.size(); ++row) {
            const MessageExt &a = in[row];
            const MessageExt b = model.message(row);
            QCOMPARE(b.properties, a.properties);
            QCOMPARE(b.rawProperties, a.rawProperties);
            QCOMPARE(b.body, a.body);
            QCOMPARE(b.topic, a.topic);
            QCOMPARE(b.offsetMsgId, a.offsetMsgId);
            QCOMPARE(b.storeTimestamp, a.storeTimestamp);
            QCOMPARE(b.commitLogOffset, a.commitLogOffset);
            QCOMPARE(b.sysFlag, a.sysFlag);
            QCOMPARE(b.bodyCrc, a.bodyCrc);
            QCOMPARE(model.index(row, FeedModel::MsgId).data().toString(), a.msgId());
            QCOMPARE(model.index(row, FeedModel::Tags).data().toString(), a.tags());
            QCOMPARE(model.index(row, FeedModel::Size).data().toLongLong(), qlonglong(a.body.size()));
        }
    }

    // Issue #9's target, measured on the heap: 20 000 retained rows of ~200 B bodies with the
    // properties a 4.9.8 broker and consumer put on every message (UNIQ_KEY, KEYS, TAGS, WAIT,
    // CLUSTER, MIN/MAX_OFFSET) cost at most body + 256 B each, the ring's own slots included.
    void retainedRowCostsAtMostBodyPlus256()
    {
        if (perf::heapBytes() <= 0)
            QSKIP("no heap statistics on this platform");
        constexpr int rows = 20000;
        QList<MessageExt> batch;
        qint64 bodyBytes = 0;
        for (int i = 0; i < rows; ++i) {
            MessageExt m;
            m.topic = QStringLiteral("orders");
            m.body = QByteArray("{\"orderId\":\"") + QByteArray::number(i) + "\",\"items\":[" +
                     QByteArray(160 + i % 40, 'x') + "]}";
            bodyBytes += m.body.size();
            m.setKeys({QStringLiteral("order-%1").arg(i)});
            m.setTags(QStringLiteral("TagA"));
            m.properties.insert(prop::UniqueClientMessageId,
                                QStringLiteral("0A0003114E5C18B4AAC2%1").arg(i, 12, 16, QLatin1Char('0')).toUpper());
            m.properties.insert(prop::WaitStoreMsgOk, QStringLiteral("true"));
            m.properties.insert(prop::Cluster, QStringLiteral("DefaultCluster"));
            m.properties.insert(prop::MinOffset, QStringLiteral("0"));
            m.properties.insert(prop::MaxOffset, QString::number(i + 1));
            m.rawProperties = encodeProperties(m.properties);
            m.queueOffset = i;
            m.commitLogOffset = qint64(i) * 400;
            m.bornTimestamp = 1764000000000 + i;
            m.storeTimestamp = m.bornTimestamp + 2;
            m.bornHost = {QHostAddress(QStringLiteral("10.0.3.17")), 52411};
            m.storeHost = {QHostAddress(QStringLiteral("10.0.0.5")), 10911};
            m.offsetMsgId = encodeOffsetMsgId(m.storeHost, m.commitLogOffset); // as the decoder does
            batch.append(m);
        }
        FeedModel model;
        model.setCapacity(rows);
        const qint64 before = perf::heapBytes();
        for (int i = 0; i < rows; i += 32) { // one pull at a time, a flush per 2 000 as the timer would
            model.append(1, batch.mid(i, 32));
            if ((i + 32) % 2000 < 32)
                model.flush();
        }
        model.flush();
        const qint64 after = perf::heapBytes();
        QCOMPARE(model.rowCount(), rows);
        const double perRow = double(after - before) / rows;
        const double target = double(bodyBytes) / rows + 256;
        qInfo("heap per retained row %.0f B, target (mean body + 256) %.0f B", perRow, target);
        QVERIFY2(perRow <= target, qPrintable(QStringLiteral("%1 B per row > %2 B").arg(perRow).arg(target)));
    }
};

QTEST_MAIN(TestFeedRows)
#include "test_feed_rows.moc"
