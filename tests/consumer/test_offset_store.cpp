// The offset stores without a broker: memory semantics, and the broadcasting store's file in
// the Java client's OffsetSerializeWrapper format, written atomically.
#include "OffsetStore.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using mq::LocalFileOffsetStore;
using mq::MessageQueue;
using testing::await;

namespace {

const MessageQueue kQ0{QStringLiteral("orders"), QStringLiteral("broker-a"), 0};
const MessageQueue kQ1{QStringLiteral("orders"), QStringLiteral("broker-a"), 1};
const MessageQueue kOther{QStringLiteral("audit"), QStringLiteral("broker-b"), 3};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

} // namespace

class TestOffsetStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void updateNeverMovesBackWhenIncreaseOnly();
    void tableFiltersByTopic();
    void encodesJavaWrapperFormat();
    void decodesJavaPrettyFile();
    void decodeRejectsBadFiles_data();
    void decodeRejectsBadFiles();
    void persistThenReadInFreshStore();
    void persistMergesWithOtherQueuesInFile();
    void missingFileMeansNoOffset();
    void damagedFileIsReportedWithPath();
    void writeReplacesAtomically();
    void defaultPathIsPerGroupUnderAppData();
};

void TestOffsetStore::updateNeverMovesBackWhenIncreaseOnly()
{
    LocalFileOffsetStore store(QStringLiteral("/nonexistent/offsets.json"));
    QVERIFY(!store.offset(kQ0));
    store.update(kQ0, 10, true);
    QCOMPARE(store.offset(kQ0).value_or(-1), qint64(10));
    store.update(kQ0, 7, true); // a slower commit finishing late
    QCOMPARE(store.offset(kQ0).value_or(-1), qint64(10));
    store.update(kQ0, 12, true);
    QCOMPARE(store.offset(kQ0).value_or(-1), qint64(12));
    store.update(kQ0, 3, false); // a reset or correction
    QCOMPARE(store.offset(kQ0).value_or(-1), qint64(3));
    store.remove(kQ0);
    QVERIFY(!store.offset(kQ0));
}

void TestOffsetStore::tableFiltersByTopic()
{
    LocalFileOffsetStore store(QStringLiteral("/nonexistent/offsets.json"));
    store.update(kQ0, 1, false);
    store.update(kQ1, 2, false);
    store.update(kOther, 3, false);
    QCOMPARE(store.table().size(), 3);
    const auto orders = store.table(QStringLiteral("orders"));
    QCOMPARE(orders.keys(), (QList<MessageQueue>{kQ0, kQ1}));
    QCOMPARE(orders.value(kQ1), qint64(2));
}

void TestOffsetStore::encodesJavaWrapperFormat()
{
    // fastjson writes map keys that are beans as objects, bean fields in name order.
    QMap<MessageQueue, qint64> offsets{{kQ0, 42}, {kOther, 7}};
    QCOMPARE(LocalFileOffsetStore::encode(offsets),
             QByteArray("{\"offsetTable\":{"
                        "{\"brokerName\":\"broker-b\",\"queueId\":3,\"topic\":\"audit\"}:7,"
                        "{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"orders\"}:42}}"));
    auto back = LocalFileOffsetStore::decode(LocalFileOffsetStore::encode(offsets));
    QVERIFY2(back.ok(), testing::why(back).constData());
    QCOMPARE(*back, offsets);
}

void TestOffsetStore::decodesJavaPrettyFile()
{
    // LocalFileOffsetStore.persistAll writes offsetSerializeWrapper.toJson(true): tabs and newlines.
    const QByteArray java = "{\n\t\"offsetTable\":{{\n\t\t\t\"brokerName\":\"broker-a\",\n\t\t\t\"queueId\":1,\n"
                            "\t\t\t\"topic\":\"orders\"\n\t\t}:17,{\n\t\t\t\"brokerName\":\"broker-a\",\n"
                            "\t\t\t\"queueId\":0,\n\t\t\t\"topic\":\"orders\"\n\t\t}:5\n\t}\n}";
    auto offsets = LocalFileOffsetStore::decode(java);
    QVERIFY2(offsets.ok(), testing::why(offsets).constData());
    QCOMPARE(offsets->size(), 2);
    QCOMPARE(offsets->value(kQ0), qint64(5));
    QCOMPARE(offsets->value(kQ1), qint64(17));
}

void TestOffsetStore::decodeRejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << QByteArray("offsets: 5") << QString();
    QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("not an object");
    QTest::newRow("table is a list") << QByteArray("{\"offsetTable\":[]}") << QStringLiteral("offsetTable");
    QTest::newRow("key not a queue") << QByteArray("{\"offsetTable\":{\"orders\":5}}") << QStringLiteral("entry 0");
    QTest::newRow("offset is text")
        << QByteArray("{\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"t\"}:\"5\"}}")
        << QStringLiteral("not a number");
    QTest::newRow("negative offset")
        << QByteArray("{\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"t\"}:-4}}")
        << QStringLiteral("negative");
}

void TestOffsetStore::decodeRejectsBadFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    auto offsets = LocalFileOffsetStore::decode(json);
    QVERIFY(!offsets.ok());
    QVERIFY(!offsets.error().message.isEmpty());
    if (!mentions.isEmpty())
        QVERIFY2(offsets.error().message.contains(mentions), qPrintable(offsets.error().message));
}

void TestOffsetStore::persistThenReadInFreshStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested/folder/group.json")); // folders are created
    {
        LocalFileOffsetStore store(path);
        store.update(kQ0, 100, false);
        store.update(kQ1, 200, false);
        auto st = await(store.persist({kQ0, kQ1}));
        QVERIFY(st && st->ok());
    }
    LocalFileOffsetStore fresh(path);
    auto r0 = await(fresh.readFromStore(kQ0));
    QVERIFY(r0 && r0->ok());
    QCOMPARE((**r0).value_or(-1), qint64(100));
    QCOMPARE(fresh.offset(kQ0).value_or(-1), qint64(100)); // memorised
    auto r1 = await(fresh.readFromStore(kQ1));
    QCOMPARE((**r1).value_or(-1), qint64(200));
    auto none = await(fresh.readFromStore(kOther));
    QVERIFY(none && none->ok());
    QVERIFY(!(**none).has_value());
}

void TestOffsetStore::persistMergesWithOtherQueuesInFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.json"));
    writeAll(path, LocalFileOffsetStore::encode({{kOther, 9}, {kQ0, 1}}));
    LocalFileOffsetStore store(path);
    store.update(kQ0, 50, false);
    store.update(kQ1, 60, false);
    auto st = await(store.persist({kQ0})); // only kQ0 is asked for
    QVERIFY(st && st->ok());
    auto file = store.readFile();
    QVERIFY(file.ok());
    QCOMPARE(*file, (QMap<MessageQueue, qint64>{{kOther, 9}, {kQ0, 50}}));
}

void TestOffsetStore::missingFileMeansNoOffset()
{
    QTemporaryDir dir;
    LocalFileOffsetStore store(dir.filePath(QStringLiteral("never-written.json")));
    auto file = store.readFile();
    QVERIFY(file.ok());
    QVERIFY(file->isEmpty());
    auto r = await(store.readFromStore(kQ0));
    QVERIFY(r && r->ok() && !(**r).has_value());
}

void TestOffsetStore::damagedFileIsReportedWithPath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    writeAll(path, "{\"offsetTable\":{{\"brokerName\":");
    LocalFileOffsetStore store(path);
    auto r = await(store.readFromStore(kQ0));
    QVERIFY(r && !r->ok());
    QVERIFY2((*r).error().message.contains(path), qPrintable((*r).error().message));
    QVERIFY((*r).error().message.contains(QStringLiteral("damaged")));
    // Persisting over a damaged file starts over rather than failing forever.
    store.update(kQ0, 4, false);
    auto st = await(store.persist({kQ0}));
    QVERIFY(st && st->ok());
    QCOMPARE(*store.readFile(), (QMap<MessageQueue, qint64>{{kQ0, 4}}));
}

void TestOffsetStore::writeReplacesAtomically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.json"));
    LocalFileOffsetStore store(path);
    for (qint64 i = 1; i <= 20; ++i) {
        store.update(kQ0, i, true);
        auto st = await(store.persist({kQ0}));
        QVERIFY(st && st->ok());
        QCOMPARE(LocalFileOffsetStore::decode(readAll(path))->value(kQ0), i);
    }
    // QSaveFile leaves no temporary files behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("g.json")});
    // A path that cannot be a file fails with words, and the old file is untouched.
    LocalFileOffsetStore blocked(dir.path()); // a directory
    blocked.update(kQ0, 1, false);
    auto st = await(blocked.persist({kQ0}));
    QVERIFY(st && !st->ok());
    QVERIFY2(st->error().message.contains(dir.path()), qPrintable(st->error().message));
}

void TestOffsetStore::defaultPathIsPerGroupUnderAppData()
{
    const QString a = LocalFileOffsetStore::defaultPath(QStringLiteral("group-a"));
    const QString b = LocalFileOffsetStore::defaultPath(QStringLiteral("group-b"));
    QVERIFY(a != b);
    QVERIFY(a.endsWith(QStringLiteral("/offsets/group-a.json")));
    QVERIFY(a.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    // Nothing a group name may contain escapes the folder.
    QVERIFY(
        LocalFileOffsetStore::defaultPath(QStringLiteral("../evil")).endsWith(QStringLiteral("/offsets/.._evil.json")));
}

QTEST_GUILESS_MAIN(TestOffsetStore)
#include "test_offset_store.moc"
