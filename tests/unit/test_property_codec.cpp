#include "PropertyCodec.h"
#include "RemotingCommand.h"
#include "fixtures.h"

#include <QtTest>

using namespace mq;

// The properties string of every recorded send: extField "i" of SEND_MESSAGE_V2 (310) and
// SEND_BATCH_MESSAGE (320) requests.
class TestPropertyCodec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recordedSendPropertiesRoundTrip_data()
    {
        QTest::addColumn<int>("seq");
        int rows = 0;
        for (const auto &f : fixtures::frames()) {
            const qint64 code = f.header[u"code"].toInt();
            if (f.dir == u"c2s" && (code == 310 || code == 320)) {
                QTest::newRow(qPrintable(f.file)) << f.seq;
                ++rows;
            }
        }
        QVERIFY(rows >= 6);
    }

    void recordedSendPropertiesRoundTrip()
    {
        QFETCH(int, seq);
        auto cmd = frame::decode(fixtures::frameBySeq(seq)->bytes);
        QVERIFY(cmd.ok());
        const QString text = cmd->field(QStringLiteral("i"));
        QVERIFY(!text.isEmpty());
        const Properties props = decodeProperties(text);
        // Every pair of the wire string is there, in order.
        const QStringList pairs = text.split(QChar(propsep::Property));
        QCOMPARE(props.entries().size(), pairs.size());
        for (qsizetype i = 0; i < pairs.size(); ++i) {
            const QStringList nv = pairs[i].split(QChar(propsep::NameValue));
            QCOMPARE(nv.size(), 2);
            QCOMPARE(props.entries()[i].first, nv[0]);
            QCOMPARE(props.entries()[i].second, nv[1]);
        }
        QCOMPARE(encodeProperties(props), text);
    }

    // Frame 34 is the first SEND_MESSAGE_V2: its extField "i" shows 4.9.8 writes no
    // trailing \u0002 after the last pair.
    void noTrailingSeparatorLikeJava498()
    {
        auto cmd = frame::decode(fixtures::frameBySeq(34)->bytes);
        QVERIFY(cmd.ok());
        const QString text = cmd->field(QStringLiteral("i"));
        QVERIFY(text.endsWith(QStringLiteral("TAGS\u0001TagA")));
        Properties p;
        p.insert(QStringLiteral("A"), QStringLiteral("1"));
        p.insert(QStringLiteral("B"), QStringLiteral("2"));
        QCOMPARE(encodeProperties(p), QStringLiteral("A\u00011\u0002B\u00012"));
        QCOMPARE(encodeProperties(Properties{}), QString());
    }

    void decodeTolerates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected"); // name, value, name, value...
        QTest::newRow("empty") << QString() << QStringList{};
        QTest::newRow("trailing separator (5.x)")
            << QStringLiteral("A\u00011\u0002B\u00012\u0002") << QStringList{"A", "1", "B", "2"};
        QTest::newRow("only separators") << QStringLiteral("\u0002\u0002") << QStringList{};
        QTest::newRow("repeated key: last value, first position")
            << QStringLiteral("W\u0001a\u0002X\u0001b\u0002W\u0001c") << QStringList{"W", "c", "X", "b"};
        QTest::newRow("item without name/value separator is skipped")
            << QStringLiteral("junk\u0002A\u00011") << QStringList{"A", "1"};
        QTest::newRow("empty value dropped like Java")
            << QStringLiteral("A\u0001\u0002B\u00012") << QStringList{"B", "2"};
        QTest::newRow("empty name dropped") << QStringLiteral("\u00011\u0002B\u00012") << QStringList{"B", "2"};
        QTest::newRow("value keeps a further \\u0001")
            << QStringLiteral("A\u0001x\u0001y") << QStringList{"A", "x\u0001y"};
        QTest::newRow("non-ASCII") << QStringLiteral("标签\u0001视频") << QStringList{"标签", "视频"};
    }

    void decodeTolerates()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const Properties p = decodeProperties(text);
        QStringList flat;
        for (const auto &[k, v] : p.entries())
            flat << k << v;
        QCOMPARE(flat, expected);
    }

    void replaceKeepsPosition_data() { addSizes(); }
    void replaceKeepsPosition()
    {
        QFETCH(int, size);
        Properties p = numbered(size);
        const int middle = size / 2;
        p.insert(name(middle), QStringLiteral("new"));
        p.insert(name(0), QStringLiteral("first"));
        QCOMPARE(p.entries().size(), size);
        QCOMPARE(p.entries()[middle], Properties::Entry(name(middle), QStringLiteral("new")));
        QCOMPARE(p.entries()[0], Properties::Entry(name(0), QStringLiteral("first")));
        QCOMPARE(p.value(name(middle)), QStringLiteral("new"));
        for (int i = 1; i < size; ++i)
            QCOMPARE(p.entries()[i].first, name(i));
    }

    void remove_data() { addSizes(); }
    void remove()
    {
        QFETCH(int, size);
        Properties p = numbered(size);
        p.remove(QStringLiteral("absent"));
        QCOMPARE(p.entries().size(), size);
        p.remove(name(size / 2));
        p.remove(name(0));
        p.remove(name(size - 1));
        QList<int> left;
        for (int i = 1; i < size - 1; ++i)
            if (i != size / 2)
                left << i;
        QCOMPARE(p.entries().size(), left.size());
        for (qsizetype at = 0; at < left.size(); ++at) {
            QCOMPARE(p.entries()[at].first, name(left[at]));
            QCOMPARE(p.value(name(left[at])), value(left[at]));
        }
        for (const int gone : {0, size / 2, size - 1}) {
            QVERIFY(!p.contains(name(gone)));
            QCOMPARE(p.value(name(gone), QStringLiteral("none")), QStringLiteral("none"));
        }
        // Re-inserting a removed name appends it.
        p.insert(name(0), QStringLiteral("back"));
        QCOMPARE(p.entries().last(), Properties::Entry(name(0), QStringLiteral("back")));
        QCOMPARE(p.value(name(0)), QStringLiteral("back"));
        QCOMPARE(p.entries().size(), left.size() + 1);
    }

    // A copy shares the entries (and index) until one side changes.
    void copiesAreIndependent_data() { addSizes(); }
    void copiesAreIndependent()
    {
        QFETCH(int, size);
        const Properties original = numbered(size);
        Properties copy = original;
        copy.insert(QStringLiteral("extra"), QStringLiteral("x"));
        copy.remove(name(0));
        copy.insert(name(1), QStringLiteral("changed"));
        QVERIFY(!original.contains(QStringLiteral("extra")));
        QCOMPARE(original.value(name(0)), value(0));
        QCOMPARE(original.value(name(1)), value(1));
        QCOMPARE(original.entries().size(), size);
        QCOMPARE(copy.value(QStringLiteral("extra")), QStringLiteral("x"));
        QVERIFY(!copy.contains(name(0)));
        QCOMPARE(copy.value(name(1)), QStringLiteral("changed"));
        for (int i = 0; i < size; ++i)
            QCOMPARE(original.entries()[i].first, name(i));
    }

    // Every name twice, the second time with another value: last value, first position.
    void repeatedNamesManyPairs()
    {
        const int size = 1000;
        QStringList items;
        for (int i = 0; i < size; ++i)
            items << name(i) + QChar(propsep::NameValue) + QStringLiteral("old");
        for (int i = size - 1; i >= 0; --i)
            items << name(i) + QChar(propsep::NameValue) + value(i);
        const Properties p = decodeProperties(items.join(QChar(propsep::Property)));
        QCOMPARE(p.entries().size(), size);
        for (int i = 0; i < size; ++i)
            QCOMPARE(p.entries()[i], Properties::Entry(name(i), value(i)));
        QCOMPARE(p, numbered(size));
    }

    // The fuzzer's slow case, larger: every pair is decoded, found and written back in order.
    void manyPairs()
    {
        const int size = 100000;
        QStringList items;
        for (int i = 0; i < size; ++i)
            items << name(i) + QChar(propsep::NameValue) + value(i);
        const QString text = items.join(QChar(propsep::Property));
        const Properties p = decodeProperties(text);
        QCOMPARE(p.entries().size(), size);
        for (int i = 0; i < size; ++i) {
            QCOMPARE(p.entries()[i].first, name(i));
            QVERIFY(p.contains(name(i)));
            QCOMPARE(p.value(name(i)), value(i));
        }
        QVERIFY(!p.contains(name(size)));
        QCOMPARE(encodeProperties(p), text);
        QCOMPARE(p.toMap().size(), size);
    }

private:
    // Sizes on both sides of Properties::IndexThreshold: the scan and the hash index must agree.
    static void addSizes()
    {
        QTest::addColumn<int>("size");
        for (const int size : {3, int(Properties::IndexThreshold) - 1, int(Properties::IndexThreshold),
                               int(Properties::IndexThreshold) + 1, 100})
            QTest::newRow(qPrintable(QString::number(size))) << size;
    }

    static QString name(int i) { return QStringLiteral("name%1").arg(i); }
    static QString value(int i) { return QStringLiteral("value%1").arg(i); }
    static Properties numbered(int size)
    {
        Properties p;
        for (int i = 0; i < size; ++i)
            p.insert(name(i), value(i));
        return p;
    }
};

QTEST_GUILESS_MAIN(TestPropertyCodec)
#include "test_property_codec.moc"
