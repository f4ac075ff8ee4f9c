// mqdesk-cli query / browse / topics / cluster / progress / reset as a user runs them: the
// built binary (QProcess) against the in-process sandbox, checking JSON, text and exit codes
// (0 ok, 2 usage, 5 not found).
#include "AdminTestKit.h"
#include "Broker.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace mq;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

const QString kTopic = QStringLiteral("CliAdminTopic");

} // namespace

class TestAdminCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void queryByKeyJson();
    void queryByKeyText();
    void queryByKeyTimeRange();
    void queryByOffsetIdJson();
    void queryByUniqueKeyJson();
    void queryErrors_data();
    void queryErrors();
    void browseJsonLines();
    void browseBounded();
    void topics();
    void cluster();
    void progress();
    void reset();
    void resetUsage();

private:
    Run run(QStringList args);
    testkit::Cluster m_cluster;
    QList<SendResult> m_sent; // key "cli-key": one on each broker
};

Run TestAdminCli::run(QStringList args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("NAMESRV_ADDR"));
    p.setProcessEnvironment(env);
    args << QStringLiteral("--namesrv") << m_cluster.sandbox().nameServerAddress();
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(MQDESK_CLI_PATH), args);
    Run r;
    // The sandbox lives in this process: keep its event loop running while the CLI talks to it.
    if (!finished.wait(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void TestAdminCli::initTestCase()
{
    testkit::ClusterOptions options;
    options.brokers = 2;
    const QString error = m_cluster.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_cluster.createTopic(kTopic, 2).isEmpty());
    QString err;
    for (int b = 0; b < 2; ++b) {
        auto s = m_cluster.send(kTopic, b, b, {QStringLiteral("cli-key")}, QStringLiteral("TagA"),
                                "hello from broker " + QByteArray::number(b), &err);
        QVERIFY2(s, qPrintable(err));
        m_sent.append(*s);
    }
}

void TestAdminCli::queryByKeyJson()
{
    const Run r = run({QStringLiteral("query"), QStringLiteral("--key"), QStringLiteral("cli-key"),
                       QStringLiteral("-t"), kTopic, QStringLiteral("--no-track"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.count('\n'), 1); // one JSON object
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("key")).toString(), QStringLiteral("cli-key"));
    QCOMPARE(o.value(QStringLiteral("truncated")).toBool(), false);
    QCOMPARE(o.value(QStringLiteral("brokers")).toArray().size(), 2);
    const QJsonArray messages = o.value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QSet<QString> ids;
    for (const auto &m : messages) {
        ids.insert(m.toObject().value(QStringLiteral("offsetMsgId")).toString());
        QVERIFY(m.toObject().value(QStringLiteral("body")).toString().startsWith(QStringLiteral("hello from broker")));
        QVERIFY(!m.toObject().contains(QStringLiteral("consumedBy")));
    }
    QCOMPARE(ids, (QSet<QString>{m_sent[0].offsetMsgId, m_sent[1].offsetMsgId}));
}

void TestAdminCli::queryByKeyText()
{
    QVERIFY(m_cluster.commitOffset(0, QStringLiteral("cli-done"), kTopic, 0, 1));
    const Run r =
        run({QStringLiteral("query"), QStringLiteral("--key"), QStringLiteral("cli-key"), QStringLiteral("-t"), kTopic,
             QStringLiteral("--track-group"), QStringLiteral("cli-done,cli-other")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.contains(QStringLiteral("2 message(s) with key 'cli-key'")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Message 2 of 2")));
    QVERIFY(text.contains(m_sent[1].msgId));
    QVERIFY(text.contains(QStringLiteral("hello from broker 1")));
    QVERIFY(text.contains(QStringLiteral("UNIQ_KEY = ") + m_sent[0].msgId));
    QVERIFY(text.contains(QStringLiteral("consumed by")));
    // broker 0's message was consumed by cli-done; broker 1's was not.
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("cli-done\\s+CONSUMED \\(not online\\)"))),
             qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("cli-other\\s+NOT_CONSUME_YET"))), qPrintable(text));
}

void TestAdminCli::queryByKeyTimeRange()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Run inside = run({QStringLiteral("query"), QStringLiteral("--key"), QStringLiteral("cli-key"),
                            QStringLiteral("-t"), kTopic, QStringLiteral("--no-track"), QStringLiteral("--json"),
                            QStringLiteral("--begin"), now.addDays(-1).toString(Qt::ISODate), QStringLiteral("--end"),
                            QString::number(now.addDays(1).toMSecsSinceEpoch())});
    QVERIFY2(inside.exitCode == 0, inside.err.constData());
    QCOMPARE(inside.json().value(QStringLiteral("messages")).toArray().size(), 2);
    const Run before = run({QStringLiteral("query"), QStringLiteral("--key"), QStringLiteral("cli-key"),
                            QStringLiteral("-t"), kTopic, QStringLiteral("--begin"), QStringLiteral("2019-01-01"),
                            QStringLiteral("--end"), QStringLiteral("2020-01-01T00:00:00+08:00")});
    QCOMPARE(before.exitCode, 5);
    QVERIFY2(before.err.contains("no message with key 'cli-key'"), before.err.constData());
    // Without --begin the range starts three days ago, after this --end.
    const Run backwards = run({QStringLiteral("query"), QStringLiteral("--key"), QStringLiteral("cli-key"),
                               QStringLiteral("-t"), kTopic, QStringLiteral("--end"), QStringLiteral("2020-01-01")});
    QCOMPARE(backwards.exitCode, 2);
    QVERIFY2(backwards.err.contains("before it begins"), backwards.err.constData());
}

void TestAdminCli::queryByOffsetIdJson()
{
    const Run r =
        run({QStringLiteral("query"), QStringLiteral("--id"), m_sent[1].offsetMsgId, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("idKind")).toString(), QStringLiteral("offsetMsgId"));
    QCOMPARE(o.value(QStringLiteral("foundBy")).toString(), QStringLiteral("offsetMsgId"));
    const QJsonObject m = o.value(QStringLiteral("messages")).toArray().first().toObject();
    QCOMPARE(m.value(QStringLiteral("msgId")).toString(), m_sent[1].msgId);
    QCOMPARE(m.value(QStringLiteral("brokerName")).toString(), m_cluster.brokerName(1));
    QCOMPARE(m.value(QStringLiteral("queueId")).toInt(), 1);
    QVERIFY(m.value(QStringLiteral("consumedBy")).isArray()); // tracked by default
}

void TestAdminCli::queryByUniqueKeyJson()
{
    const Run r = run({QStringLiteral("query"), QStringLiteral("--id"), m_sent[0].msgId, QStringLiteral("--topic"),
                       kTopic, QStringLiteral("--json"), QStringLiteral("--no-track")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("idKind")).toString(), QStringLiteral("msgId (UNIQ_KEY)"));
    QCOMPARE(o.value(QStringLiteral("messages")).toArray().first().toObject().value(QStringLiteral("offsetMsgId")),
             QJsonValue(m_sent[0].offsetMsgId));
}

void TestAdminCli::queryErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::newRow("client id without topic")
        << QStringList{QStringLiteral("--id"), QStringLiteral("PLACEHOLDER_MSGID")} << 2 << "give the topic";
    QTest::newRow("malformed id") << QStringList{QStringLiteral("--id"), QStringLiteral("12345")} << 2
                                  << "not a message id";
    QTest::newRow("key without topic") << QStringList{QStringLiteral("--key"), QStringLiteral("k")} << 2
                                       << "--key needs --topic";
    QTest::newRow("both key and id") << QStringList{QStringLiteral("--key"), QStringLiteral("k"),
                                                    QStringLiteral("--id"), QStringLiteral("x")}
                                     << 2 << "either --key";
    QTest::newRow("bad begin") << QStringList{QStringLiteral("--key"),   QStringLiteral("k"),
                                              QStringLiteral("-t"),      kTopic,
                                              QStringLiteral("--begin"), QStringLiteral("soon")}
                               << 2 << "--begin";
    QTest::newRow("unknown key") << QStringList{QStringLiteral("--key"), QStringLiteral("missing-key"),
                                                QStringLiteral("-t"), kTopic}
                                 << 5 << "no message with key 'missing-key'";
}

void TestAdminCli::queryErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    args.replaceInStrings(QStringLiteral("PLACEHOLDER_MSGID"), m_sent[0].msgId);
    const Run r = run(QStringList{QStringLiteral("query")} + args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(says.toUtf8()), r.err.constData());
    // With --json the error is one JSON object on stdout.
    const Run j = run(QStringList{QStringLiteral("query")} + args + QStringList{QStringLiteral("--json")});
    QCOMPARE(j.exitCode, exitCode);
    const QJsonObject e = j.json().value(QStringLiteral("error")).toObject();
    QCOMPARE(e.value(QStringLiteral("exitCode")).toInt(), exitCode);
    QVERIFY2(e.value(QStringLiteral("message")).toString().contains(says), j.out.constData());
}

void TestAdminCli::browseJsonLines()
{
    const QString topic = QStringLiteral("CliBrowse");
    QVERIFY(m_cluster.createTopic(topic, 2).isEmpty());
    const qint64 from = QDateTime::currentMSecsSinceEpoch();
    QSet<QString> sent;
    QString err;
    for (int i = 0; i < 7; ++i) {
        auto s = m_cluster.send(topic, i % 2, i % 2, {}, QStringLiteral("TagA"), "line " + QByteArray::number(i), &err);
        QVERIFY2(s, qPrintable(err));
        sent.insert(s->msgId);
    }
    const Run r =
        run({QStringLiteral("browse"), topic, QStringLiteral("--from"), QString::number(from), QStringLiteral("--to"),
             QString::number(QDateTime::currentMSecsSinceEpoch() + 1000), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 7); // one JSON line per message
    QSet<QString> got;
    for (const QByteArray &line : lines) {
        QJsonParseError pe;
        const QJsonObject o = QJsonDocument::fromJson(line, &pe).object();
        QVERIFY2(pe.error == QJsonParseError::NoError, line.constData());
        got.insert(o.value(QStringLiteral("msgId")).toString());
        QCOMPARE(o.value(QStringLiteral("topic")).toString(), topic);
    }
    QCOMPARE(got, sent);
    QVERIFY2(r.err.contains("7 message(s)"), r.err.constData());
    // Nothing committed for anyone.
    for (int b = 0; b < 2; ++b)
        QCOMPARE(m_cluster.brokerOffset(b, kToolsConsumerGroup, topic, b), -1);
}

void TestAdminCli::browseBounded()
{
    const Run r = run({QStringLiteral("browse"), QStringLiteral("CliBrowse"), QStringLiteral("--from"),
                       QStringLiteral("0"), QStringLiteral("--max"), QStringLiteral("2")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString text = QString::fromUtf8(r.out);
    QCOMPARE(text.count(QStringLiteral("CliBrowse")) >= 1, true);
    QVERIFY2(text.contains(QStringLiteral("2 message(s)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("stopped at --max 2")), qPrintable(text));
    const Run bad = run({QStringLiteral("browse"), QStringLiteral("CliBrowse"), QStringLiteral("--from"),
                         QStringLiteral("not-a-time")});
    QCOMPARE(bad.exitCode, 2);
}

void TestAdminCli::topics()
{
    const Run r = run({QStringLiteral("topics"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray visible = QJsonDocument::fromJson(r.out).array();
    QVERIFY(visible.contains(kTopic));
    QVERIFY(!visible.contains(QStringLiteral("TBW102")));
    QVERIFY(!visible.contains(QStringLiteral("DefaultCluster")));
    const Run all = run({QStringLiteral("topics"), QStringLiteral("--all"), QStringLiteral("--json")});
    QVERIFY2(all.exitCode == 0, all.err.constData());
    const QJsonArray everything = QJsonDocument::fromJson(all.out).array();
    QVERIFY(everything.contains(QStringLiteral("TBW102")));
    QVERIFY(everything.size() > visible.size());
    const Run text = run({QStringLiteral("topics")});
    QVERIFY(text.out.split('\n').contains(kTopic.toUtf8()));
    QVERIFY2(text.err.contains("system topic(s) hidden"), text.err.constData());
}

void TestAdminCli::cluster()
{
    const Run r = run({QStringLiteral("cluster"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray brokers = r.json().value(QStringLiteral("brokers")).toArray();
    QCOMPARE(brokers.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject b = brokers[i].toObject();
        QCOMPARE(b.value(QStringLiteral("brokerName")).toString(), m_cluster.brokerName(i));
        QCOMPARE(b.value(QStringLiteral("address")).toString(), m_cluster.brokerAddress(i));
        QCOMPARE(b.value(QStringLiteral("version")).toString(), QStringLiteral("V4_9_8"));
    }
    const Run text = run({QStringLiteral("cluster")});
    QVERIFY(text.out.contains(m_cluster.brokerAddress(1).toUtf8()));
}

void TestAdminCli::progress()
{
    const QString group = QStringLiteral("cli-progress");
    QVERIFY(m_cluster.commitOffset(0, group, kTopic, 0, 0));
    QVERIFY(m_cluster.commitOffset(1, group, kTopic, 1, 1));
    const Run r = run({QStringLiteral("progress"), QStringLiteral("--group"), group, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("group")).toString(), group);
    QCOMPARE(o.value(QStringLiteral("totalLag")).toInt(), 1); // broker 0 queue 0 holds one unconsumed message
    QCOMPARE(o.value(QStringLiteral("queues")).toArray().size(), 4);
    QCOMPARE(o.value(QStringLiteral("connections")).toObject().value(QStringLiteral("online")).toBool(), false);
    const Run text = run({QStringLiteral("progress"), QStringLiteral("-g"), group});
    QVERIFY2(text.out.contains("Total lag: 1"), text.out.constData());
    QVERIFY(text.out.contains("not online"));
    QCOMPARE(run({QStringLiteral("progress")}).exitCode, 2);
}

void TestAdminCli::reset()
{
    const QString group = QStringLiteral("cli-reset");
    QVERIFY(m_cluster.commitOffset(0, group, kTopic, 0, 1));
    QVERIFY(m_cluster.commitOffset(1, group, kTopic, 1, 1));
    const Run dry = run({QStringLiteral("reset"), QStringLiteral("--group"), group, QStringLiteral("--topic"), kTopic,
                         QStringLiteral("--to"), QStringLiteral("1970-01-01T00:00:00Z"), QStringLiteral("--dry-run"),
                         QStringLiteral("--json")});
    QVERIFY2(dry.exitCode == 0, dry.err.constData());
    QCOMPARE(dry.json().value(QStringLiteral("dryRun")).toBool(), true);
    QCOMPARE(m_cluster.brokerOffset(0, group, kTopic, 0), 1); // untouched
    const Run r = run({QStringLiteral("reset"), QStringLiteral("--group"), group, QStringLiteral("--topic"), kTopic,
                       QStringLiteral("--to"), QStringLiteral("0"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray moves = r.json().value(QStringLiteral("moves")).toArray();
    QCOMPARE(moves.size(), 4); // two queues on each broker
    int moved = 0;
    for (const auto &m : moves) {
        const QJsonObject o = m.toObject();
        QCOMPARE(o.value(QStringLiteral("to")).toInt(), 0);
        moved += o.value(QStringLiteral("moved")).toBool() ? 1 : 0;
    }
    QCOMPARE(moved, 2);
    QCOMPARE(m_cluster.brokerOffset(0, group, kTopic, 0), 0);
    QCOMPARE(m_cluster.brokerOffset(1, group, kTopic, 1), 0);
    const Run text = run({QStringLiteral("reset"), QStringLiteral("-g"), group, QStringLiteral("-t"), kTopic,
                          QStringLiteral("--to"), QStringLiteral("0")});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    QVERIFY(text.out.contains("(unchanged)"));
    QVERIFY(text.out.contains("offsets written on"));
}

void TestAdminCli::resetUsage()
{
    const Run noTime =
        run({QStringLiteral("reset"), QStringLiteral("-g"), QStringLiteral("g"), QStringLiteral("-t"), kTopic});
    QCOMPARE(noTime.exitCode, 2);
    QVERIFY(noTime.err.contains("--to"));
    const Run badTime = run({QStringLiteral("reset"), QStringLiteral("-g"), QStringLiteral("g"), QStringLiteral("-t"),
                             kTopic, QStringLiteral("--to"), QStringLiteral("tomorrow")});
    QCOMPARE(badTime.exitCode, 2);
    const Run noTopic = run({QStringLiteral("reset"), QStringLiteral("-g"), QStringLiteral("g"), QStringLiteral("-t"),
                             QStringLiteral("NoSuchCliTopic"), QStringLiteral("--to"), QStringLiteral("0")});
    QCOMPARE(noTopic.exitCode, 5);
}

QTEST_GUILESS_MAIN(TestAdminCli)
#include "test_admin_cli.moc"
