#include "FastJson.h"

#include <QtTest>

using namespace mq;
using json::Value;

class TestFastJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void unquotedIntegerKeys()
    {
        auto v = json::parse("{\"brokerAddrs\":{0:\"127.0.0.1:10911\",1:\"127.0.0.1:10912\"}}");
        QVERIFY(v.ok());
        const Value &addrs = (*v)[u"brokerAddrs"];
        QCOMPARE(addrs.members().size(), 2);
        QCOMPARE(addrs[u"0"].toString(), QStringLiteral("127.0.0.1:10911"));
        QCOMPARE(addrs[u"1"].toString(), QStringLiteral("127.0.0.1:10912"));
    }

    void objectKeys()
    {
        auto v = json::parse(
            "{\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"t\"}:{\"brokerOffset\":4}}}");
        QVERIFY(v.ok());
        const auto &members = (*v)[u"offsetTable"].members();
        QCOMPARE(members.size(), 1);
        QVERIFY(members[0].first.isObject());
        QCOMPARE(members[0].first[u"topic"].toString(), QStringLiteral("t"));
        QCOMPARE(members[0].second[u"brokerOffset"].toInt(), 4);
    }

    void int64Exact()
    {
        auto v = json::parse("[9223372036854775807,1795488323715,-1,0.7,1e3]");
        QVERIFY(v.ok());
        QCOMPARE(v->items()[0].toInt(), std::numeric_limits<qint64>::max());
        QCOMPARE(v->items()[1].toInt(), 1795488323715LL);
        QCOMPARE(v->items()[2].toInt(), -1);
        QCOMPARE(v->items()[3].toDouble(), 0.7);
        QCOMPARE(v->items()[4].toDouble(), 1000.0);
    }

    void stringsAndEscapes()
    {
        auto v = json::parse("[\"a\\u0001b\\u0002\",\"\\u4e2d文\",\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]");
        QVERIFY(v.ok());
        QCOMPARE(v->items()[0].toString(), QStringLiteral("a\u0001b\u0002"));
        QCOMPARE(v->items()[1].toString(), QStringLiteral("中文"));
        QCOMPARE(v->items()[2].toString(), QStringLiteral("\"\\/\b\f\n\r\t"));
    }

    void writeRoundTrip()
    {
        const QByteArray text = "{\"a\":[1,true,null,\"x\\u0001\"],{\"k\":1}:{0:\"v\"}}";
        auto v = json::parse(text);
        QVERIFY(v.ok());
        QCOMPARE(json::write(*v), text);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("needle");
        QTest::newRow("empty") << QByteArray() << "end of input";
        QTest::newRow("trailing") << QByteArray("{} x") << "trailing";
        QTest::newRow("unterminated string") << QByteArray("\"abc") << "unterminated string";
        QTest::newRow("bad escape") << QByteArray("\"\\q\"") << "unknown escape";
        QTest::newRow("bad unicode") << QByteArray("\"\\u12\"") << "escape";
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << "':'";
        QTest::newRow("unterminated array") << QByteArray("[1,2") << "array";
        QTest::newRow("bad number") << QByteArray("[-]") << "number";
        QTest::newRow("too deep") << QByteArray(1000, '[') << "deep";
    }

    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, needle);
        auto v = json::parse(text);
        QVERIFY(!v.ok());
        QVERIFY2(v.error().message.contains(needle), qPrintable(v.error().message));
        QVERIFY(v.error().message.contains(QStringLiteral("at byte")));
    }

    void outOfRangeNumbersAreNotIntegers()
    {
        auto v = json::parse("[1e300,-1e300,12.9]");
        QVERIFY(v.ok());
        QCOMPARE(v->items()[0].toInt(-7), -7);
        QCOMPARE(v->items()[1].toInt(-7), -7);
        QCOMPARE(v->items()[2].toInt(), 12);
    }

    void insertKeepsOrder()
    {
        Value o = Value::object();
        o.insert(QStringLiteral("z"), Value::number(qint64(1)));
        o.insert(QStringLiteral("a"), Value::string(QStringLiteral("x")));
        o.insert(QStringLiteral("z"), Value::number(qint64(2)));
        QCOMPARE(json::write(o), QByteArray("{\"z\":2,\"a\":\"x\"}"));
    }
};

QTEST_GUILESS_MAIN(TestFastJson)
#include "test_fastjson.moc"
