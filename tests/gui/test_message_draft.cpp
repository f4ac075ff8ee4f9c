// What the composer turns its fields into: the message, or a specific reason there is none.

#include "BodyCodec.h"
#include "MessageDraft.h"

#include <QTemporaryFile>
#include <QTest>

using namespace mq;
using namespace mq::gui;

class TestMessageDraft : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void buildsKeysTagsPropertiesAndDelay()
    {
        MessageDraft d;
        d.topic = QStringLiteral(" order-events ");
        d.tags = QStringLiteral("TagA");
        d.keys = QStringLiteral("order-1001   customer-42\tx");
        d.properties = {{QStringLiteral("region"), QStringLiteral("cn-north")},
                        {QString(), QString()},
                        {QStringLiteral("trace"), QString()}};
        d.delayLevel = 3;
        d.bodyText = QStringLiteral("你好");
        const auto m = d.build();
        QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error().message));
        QCOMPARE(m->topic, QStringLiteral("order-events"));
        QCOMPARE(m->tags(), QStringLiteral("TagA"));
        QCOMPARE(m->keys(),
                 (QStringList{QStringLiteral("order-1001"), QStringLiteral("customer-42"), QStringLiteral("x")}));
        QCOMPARE(m->properties.value(prop::Keys), QStringLiteral("order-1001 customer-42 x"));
        QCOMPARE(m->properties.value(QStringLiteral("region")), QStringLiteral("cn-north"));
        QVERIFY(m->properties.contains(QStringLiteral("trace")));
        QCOMPARE(m->delayLevel(), 3);
        QCOMPARE(m->body, QStringLiteral("你好").toUtf8());
        QVERIFY(!m->properties.contains(prop::UniqueClientMessageId)); // the producer stamps it
    }

    void rejectsWithAReason_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("tags");
        QTest::addColumn<QString>("property");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("reason");
        const int text = int(BodyMode::Text);
        const int json = int(BodyMode::Json);
        const int hex = int(BodyMode::Hex);
        QTest::newRow("no topic") << ""
                                  << ""
                                  << "" << text << "x"
                                  << "Enter a topic";
        QTest::newRow("bad topic") << "a b"
                                   << ""
                                   << "" << text << "x"
                                   << "may only contain";
        QTest::newRow("long topic") << QString(128, QLatin1Char('t')) << ""
                                    << "" << text << "x"
                                    << "at most 127";
        QTest::newRow("template topic") << "TBW102"
                                        << ""
                                        << "" << text << "x"
                                        << "template topic";
        QTest::newRow("tag expression") << "t"
                                        << "A || B"
                                        << "" << text << "x"
                                        << "one tag";
        QTest::newRow("reserved property") << "t"
                                           << ""
                                           << "UNIQ_KEY" << text << "x"
                                           << "system property";
        QTest::newRow("empty body") << "t"
                                    << ""
                                    << "" << text << ""
                                    << "body is empty";
        QTest::newRow("bad json") << "t"
                                  << ""
                                  << "" << json << "{\"a\": 1,\n \"b\": }"
                                  << "line 2, column 7";
        QTest::newRow("bad json value") << "t"
                                        << ""
                                        << "" << json << "[1, tru]"
                                        << "line 1, column 8";
        QTest::newRow("json unterminated") << "t"
                                           << ""
                                           << "" << json << "{\"a\": 1"
                                           << "line 1, column 8";
        QTest::newRow("two json values") << "t"
                                         << ""
                                         << "" << json << "1, 2"
                                         << "single value";
        QTest::newRow("odd hex") << "t"
                                 << ""
                                 << "" << hex << "abc"
                                 << "odd number of digits";
        QTest::newRow("bad hex") << "t"
                                 << ""
                                 << "" << hex << "ab zz"
                                 << "'z' at position 4";
    }

    void rejectsWithAReason()
    {
        QFETCH(QString, topic);
        QFETCH(QString, tags);
        QFETCH(QString, property);
        QFETCH(int, mode);
        QFETCH(QString, body);
        QFETCH(QString, reason);
        MessageDraft d;
        d.topic = topic;
        d.tags = tags;
        if (!property.isEmpty())
            d.properties = {{property, QStringLiteral("v")}};
        d.bodyMode = BodyMode(mode);
        d.bodyText = body;
        const auto m = d.build();
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, Error::Code::InvalidArgument);
        QVERIFY2(m.error().message.contains(reason), qPrintable(m.error().message));
    }

    void jsonBodyIsSentAsTyped()
    {
        MessageDraft d;
        d.topic = QStringLiteral("t");
        d.bodyMode = BodyMode::Json;
        d.bodyText = QStringLiteral("{\"id\": 9007199254740993, \"name\": \"张\"}");
        const auto m = d.build();
        QVERIFY(m.ok());
        QCOMPARE(m->body, d.bodyText.toUtf8());
    }

    void hexAndFileBodies()
    {
        MessageDraft d;
        d.topic = QStringLiteral("t");
        d.bodyMode = BodyMode::Hex;
        d.bodyText = QStringLiteral("0x7b 22:61 22\n3a 31 7d");
        QCOMPARE(d.build()->body, QByteArray("{\"a\":1}"));

        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(QByteArray("\x00\x01payload", 9));
        file.flush();
        d.bodyMode = BodyMode::File;
        d.filePath = file.fileName();
        QCOMPARE(d.build()->body, QByteArray("\x00\x01payload", 9));
        d.filePath = file.fileName() + QStringLiteral(".missing");
        QVERIFY(d.build().error().message.contains(QStringLiteral("does not exist")));
    }

    void draftsRoundTripThroughJson()
    {
        MessageDraft d;
        d.topic = QStringLiteral("t");
        d.tags = QStringLiteral("A");
        d.keys = QStringLiteral("k1 k2");
        d.properties = {{QStringLiteral("b"), QStringLiteral("2")}, {QStringLiteral("a"), QStringLiteral("1")}};
        d.delayLevel = 18;
        d.bodyMode = BodyMode::Json;
        d.bodyText = QStringLiteral("{}");
        QCOMPARE(MessageDraft::fromJson(d.toJson()), d);
    }

    void prettyJsonKeepsOrderAndBigNumbers()
    {
        const auto pretty = BodyCodec::prettyJson("{\"z\":1,\"a\":[9007199254740993,{\"x\":\"张\"}],\"e\":{}}");
        QVERIFY(pretty.ok());
        QCOMPARE(*pretty,
                 QStringLiteral("{\n  \"z\": 1,\n  \"a\": [\n    9007199254740993,\n    {\n      \"x\": \"张\"\n    "
                                "}\n  ],\n  \"e\": {}\n}"));
    }

    void hexDumpShowsOffsetsBytesAndText()
    {
        const QString dump = BodyCodec::hexDump(QByteArray("0123456789abcdefXY"));
        QCOMPARE(dump.split(QLatin1Char('\n')).at(0),
                 QStringLiteral("00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  0123456789abcdef"));
        QVERIFY(dump.split(QLatin1Char('\n')).at(1).startsWith(QStringLiteral("00000010  58 59 ")));
        QVERIFY(dump.split(QLatin1Char('\n')).at(1).endsWith(QStringLiteral(" XY")));
    }
};

QTEST_GUILESS_MAIN(TestMessageDraft)
#include "test_message_draft.moc"
