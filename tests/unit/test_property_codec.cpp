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
};

QTEST_GUILESS_MAIN(TestPropertyCodec)
#include "test_property_codec.moc"
