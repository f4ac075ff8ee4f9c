#include "Validators.h"
#include "fixtures.h"

#include <QtTest>

using namespace mq;

class TestValidators : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void topics_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error"); // empty = valid
        QTest::newRow("plain") << "fixture-topic"
                               << "";
        QTest::newRow("all allowed chars") << "%RETRY%group|a_b-C9"
                                           << "";
        QTest::newRow("127 chars") << QString(127, QLatin1Char('t')) << "";
        QTest::newRow("128 chars") << QString(128, QLatin1Char('t'))
                                   << "The specified topic is longer than topic max length 127.";
        QTest::newRow("empty") << ""
                               << "The specified topic is blank";
        QTest::newRow("blank") << "   "
                               << "The specified topic is blank";
        QTest::newRow("space") << "bad topic!"
                               << "The specified topic[bad topic!] contains illegal characters, allowing only "
                                  "^[%|a-zA-Z0-9_-]+$";
        QTest::newRow("dot") << "a.b"
                             << "The specified topic[a.b] contains illegal characters";
        QTest::newRow("slash") << "a/b"
                               << "contains illegal characters";
        QTest::newRow("non-ASCII") << "主题"
                                   << "contains illegal characters";
        QTest::newRow("separator") << "a\u0001b"
                                   << "contains illegal characters";
    }

    void topics()
    {
        QFETCH(QString, name);
        QFETCH(QString, error);
        const Status s = validate::topic(name);
        QCOMPARE(s.ok(), error.isEmpty());
        if (!s.ok()) {
            QCOMPARE(s.error().code, Error::Code::InvalidArgument);
            QVERIFY2(s.error().message.contains(error), qPrintable(s.error().message));
        }
    }

    // What the Java producer reported for "bad topic!" starts with exactly our message.
    void illegalTopicTextMatchesJava()
    {
        const auto gt = fixtures::groundTruth(QStringLiteral("sendIllegalTopic"));
        QCOMPARE(gt.size(), 1);
        const QString java = gt[0].toString();
        const QString topic = java.section(QLatin1Char('['), 1).section(QLatin1Char(']'), 0, 0);
        QCOMPARE(topic, QStringLiteral("bad topic!"));
        const Status s = validate::topicForSend(topic);
        QVERIFY(!s.ok());
        QVERIFY2(java.startsWith(s.error().message + QLatin1Char('\n')), qPrintable(s.error().message));
    }

    void sendForbiddenTopics_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("sendable");
        QTest::addColumn<bool>("system");
        QTest::newRow("TBW102") << "TBW102" << false << true;
        QTest::newRow("schedule") << "SCHEDULE_TOPIC_XXXX" << false << true;
        QTest::newRow("half") << "RMQ_SYS_TRANS_HALF_TOPIC" << false << true;
        QTest::newRow("op half") << "RMQ_SYS_TRANS_OP_HALF_TOPIC" << false << true;
        QTest::newRow("check max") << "TRANS_CHECK_MAX_TIME_TOPIC" << false << true;
        QTest::newRow("self test") << "SELF_TEST_TOPIC" << false << true;
        QTest::newRow("offset moved") << "OFFSET_MOVED_EVENT" << false << true;
        QTest::newRow("trace topic: the trace dispatcher sends here") << "RMQ_SYS_TRACE_TOPIC" << true << true;
        QTest::newRow("benchmark") << "BenchmarkTest" << true << true;
        QTest::newRow("rmq_sys_ prefix") << "rmq_sys_anything" << true << true;
        QTest::newRow("retry topic") << "%RETRY%fixture-consumer" << true << false;
        QTest::newRow("user topic") << "fixture-topic" << true << false;
        QTest::newRow("case matters") << "tbw102" << true << false;
    }

    void sendForbiddenTopics()
    {
        QFETCH(QString, name);
        QFETCH(bool, sendable);
        QFETCH(bool, system);
        QVERIFY(validate::topic(name).ok());
        const Status s = validate::topicForSend(name);
        QCOMPARE(s.ok(), sendable);
        if (!sendable)
            QCOMPARE(s.error().message, QStringLiteral("Sending message to topic[%1] is forbidden.").arg(name));
        QCOMPARE(validate::isSystemTopic(name), system);
    }

    void groups_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error");
        QTest::newRow("plain") << "fixture-consumer"
                               << "";
        QTest::newRow("255 chars") << QString(255, QLatin1Char('g')) << "";
        QTest::newRow("256 chars") << QString(256, QLatin1Char('g'))
                                   << "the specified group is longer than group max length 255.";
        QTest::newRow("blank") << " "
                               << "the specified group is blank";
        QTest::newRow("illegal") << "my group"
                                 << "the specified group[my group] contains illegal characters, "
                                    "allowing only ^[%|a-zA-Z0-9_-]+$";
    }

    void groups()
    {
        QFETCH(QString, name);
        QFETCH(QString, error);
        const Status s = validate::group(name);
        QCOMPARE(s.ok(), error.isEmpty());
        if (!s.ok())
            QCOMPARE(s.error().message, error);
    }

    void bodies_data()
    {
        QTest::addColumn<qsizetype>("size");
        QTest::addColumn<qsizetype>("max");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << qsizetype(0) << validate::kDefaultMaxBodySize << "the message body length is zero";
        QTest::newRow("one byte") << qsizetype(1) << validate::kDefaultMaxBodySize << "";
        QTest::newRow("exactly 4 MiB") << qsizetype(4 * 1024 * 1024) << validate::kDefaultMaxBodySize << "";
        QTest::newRow("4 MiB + 1") << qsizetype(4 * 1024 * 1024 + 1) << validate::kDefaultMaxBodySize
                                   << "the message body size over max value, MAX: 4194304";
        QTest::newRow("configured limit") << qsizetype(1025) << qsizetype(1024)
                                          << "the message body size over max value, MAX: 1024 (this body: 1025 bytes)";
    }

    void bodies()
    {
        QFETCH(qsizetype, size);
        QFETCH(qsizetype, max);
        QFETCH(QString, error);
        const Status s = validate::body(QByteArray(size, 'b'), max);
        QCOMPARE(s.ok(), error.isEmpty());
        if (!s.ok())
            QVERIFY2(s.error().message.startsWith(error), qPrintable(s.error().message));
    }

    void userProperties_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("ok") << "traceId"
                            << "t-1"
                            << "";
        QTest::newRow("ok non-ASCII") << "来源"
                                      << "测试"
                                      << "";
        for (const char *reserved : {"TAGS", "KEYS", "UNIQ_KEY", "DELAY", "WAIT", "CLUSTER", "REAL_TOPIC", "TRAN_MSG",
                                     "MIN_OFFSET", "CONSUME_START_TIME", "MSG_TYPE", "TTL"})
            QTest::newRow(reserved) << reserved << "x"
                                    << QStringLiteral("The Property<%1> is used by system, input another please")
                                           .arg(QLatin1String(reserved));
        QTest::newRow("blank name") << " "
                                    << "x"
                                    << "The name or value of property can not be null or blank string!";
        QTest::newRow("blank value") << "a"
                                     << ""
                                     << "The name or value of property can not be null or blank string!";
        QTest::newRow("\\u0001 in name") << "a\u0001b"
                                         << "x"
                                         << "The property name[a\\u0001b] contains the reserved separator \\u0001 "
                                            "at position 1";
        QTest::newRow("\\u0002 in value") << "key"
                                          << "x\u0002y"
                                          << "The value of property[key] contains the reserved separator \\u0002 "
                                             "at position 1";
    }

    void userProperties()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, error);
        const Status s = validate::userProperty(name, value);
        QCOMPARE(s.ok(), error.isEmpty());
        if (!s.ok())
            QVERIFY2(s.error().message.startsWith(error), qPrintable(s.error().message));
    }

    // Every property the broker stored on the recorded messages that users can set through
    // the API (tags, keys...) is reserved; user-added "traceId" is not.
    void recordedSystemPropertiesAreReserved()
    {
        int reserved = 0;
        for (const json::Value &r : fixtures::groundTruth(QStringLiteral("consume"))) {
            for (const auto &[k, v] : r[u"properties"].members()) {
                const QString name = k.toString();
                QCOMPARE(validate::isReservedProperty(name), name != u"traceId");
                reserved += name != u"traceId";
            }
        }
        QVERIFY(reserved > 30);
    }

    void wholeMessages()
    {
        Message m;
        m.topic = QStringLiteral("fixture-topic");
        m.body = "video 123 title changed";
        m.setTags(QStringLiteral("TagA"));
        m.setKeys({QStringLiteral("123")});
        QVERIFY(validate::message(m).ok());
        Message keys = m;
        keys.setKeys({QStringLiteral("a\u0002b")});
        QVERIFY(validate::message(keys).error().message.contains(QStringLiteral("property[KEYS]")));
        Message tbw = m;
        tbw.topic = QStringLiteral("TBW102");
        QVERIFY(!validate::message(tbw).ok());
        Message empty = m;
        empty.body.clear();
        QCOMPARE(validate::message(empty).error().message, QStringLiteral("the message body length is zero"));
        QVERIFY(!validate::message(m, 10).ok());
    }
};

QTEST_GUILESS_MAIN(TestValidators)
#include "test_validators.moc"
