// mqdesk-cli route / send as a user runs them: the real binary (QProcess) against the
// in-process sandbox, checking output and exit codes (0 ok, 2 usage, 3 connection,
// 4 broker refused, 5 not found).
#include "ClientInstance.h"
#include "FakeHttpServer.h"
#include "Headers.h"
#include "MessageCodec.h"
#include "MessageId.h"
#include "Sandbox.h"
#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryFile>
#include <QTest>
#include <QTimer>

using testing::await;
using testing::why;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;
};

quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void usageErrors_data();
    void usageErrors();
    void sameUsageErrorEverywhere_data();
    void sameUsageErrorEverywhere();
    void helpExitsZero();
    void routeHuman();
    void routeJson();
    void routeMissingTopicIsNotFound();
    void unreachableNameServerIsConnectionError();
    void failingResolverIsConnectionError();
    void sendHumanAndReadBack();
    void sendJsonCount();
    void sendBodyFromFileAndStdin();
    void brokerRefusalExitCode();
    void nameServerFromEnvironment();

private:
    Run run(const QStringList &args, const QByteArray &stdinData = {}, const QProcessEnvironment &env = {});
    std::optional<mq::MessageExt> view(const QString &offsetMsgId);
    std::unique_ptr<mq::sandbox::Sandbox> m_sandbox;
};

Run TestCli::run(const QStringList &args, const QByteArray &stdinData, const QProcessEnvironment &env)
{
    QProcess p;
    QProcessEnvironment e = env.isEmpty() ? QProcessEnvironment::systemEnvironment() : env;
    e.remove(QStringLiteral("NAMESRV_ADDR"));
    if (!env.isEmpty() && env.contains(QStringLiteral("NAMESRV_ADDR")))
        e.insert(QStringLiteral("NAMESRV_ADDR"), env.value(QStringLiteral("NAMESRV_ADDR")));
    e.insert(QStringLiteral("XDG_CACHE_HOME"), QDir::tempPath() + QStringLiteral("/mqdesk-cli-test-cache"));
    p.setProcessEnvironment(e);
    QElapsedTimer clock;
    clock.start();
    // Wait on the event loop (the sandbox answering the CLI lives in this process) for the
    // exit, or for the start to fail (a binary that did not link).
    QEventLoop loop;
    bool failedToStart = false;
    connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    connect(&p, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            failedToStart = true;
            loop.quit();
        }
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    p.start(QStringLiteral(MQDESK_CLI_PATH), args);
    p.write(stdinData);
    p.closeWriteChannel();
    if (p.state() != QProcess::NotRunning && !failedToStart)
        loop.exec();
    Run r;
    if (failedToStart) {
        r.err = "cannot start " MQDESK_CLI_PATH ": " + p.errorString().toUtf8();
        return r;
    }
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(1000);
    }
    r.ms = clock.elapsed();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

std::optional<mq::MessageExt> TestCli::view(const QString &offsetMsgId)
{
    mq::ClientConfig config;
    config.nameServer = m_sandbox->nameServerAddress();
    mq::ClientInstance client(config);
    auto id = mq::decodeOffsetMsgId(offsetMsgId);
    if (!id)
        return std::nullopt;
    mq::ViewMessageRequestHeader h;
    h.offset = id->commitLogOffset;
    auto r = await(client.invoke(id->storeHost.toString(),
                                 mq::RemotingCommand::request(mq::RequestCode::ViewMessageById, h.toExtFields())));
    if (!r || !r->ok())
        return std::nullopt;
    auto messages = mq::decodeMessages((*r)->body);
    if (!messages || messages->isEmpty())
        return std::nullopt;
    return messages->first();
}

void TestCli::initTestCase()
{
    mq::sandbox::SandboxOptions options;
    options.broker.maxMessageSize = 1024; // to provoke a broker refusal
    m_sandbox = std::make_unique<mq::sandbox::Sandbox>(options);
    QVERIFY(m_sandbox->start().ok());
    // A topic to route and send to: created on the broker like mqadmin updateTopic does.
    mq::ClientConfig config;
    config.nameServer = m_sandbox->nameServerAddress();
    mq::ClientInstance client(config);
    mq::CreateTopicRequestHeader h;
    h.topic = QStringLiteral("cli-topic");
    auto r = await(client.invoke(m_sandbox->brokerAddress(0),
                                 mq::RemotingCommand::request(mq::RequestCode::UpdateAndCreateTopic, h.toExtFields())));
    QVERIFY(r && r->ok() && (*r)->code == 0);
}

void TestCli::cleanupTestCase()
{
    m_sandbox.reset();
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QString ns = QStringLiteral("--namesrv=127.0.0.1:9876");
    QTest::newRow("route without topic") << QStringList{"route", ns} << "TOPIC";
    QTest::newRow("send without topic") << QStringList{"send", ns, "--body=x"} << "TOPIC";
    QTest::newRow("unknown option") << QStringList{"send", "t", "--bogus"} << "bogus";
    QTest::newRow("namesrv and resolver") << QStringList{"route", "t", ns, "--resolver=http://x/y"} << "not both";
    QTest::newRow("access key alone") << QStringList{"route", "t", ns, "--access-key=ak"} << "--secret-key";
    QTest::newRow("bad timeout") << QStringList{"route", "t", ns, "--timeout=soon"} << "--timeout";
    QTest::newRow("garbage namesrv") << QStringList{"route", "t", "--namesrv=nowhere"} << "nowhere";
    QTest::newRow("no name server at all") << QStringList{"route", "t"} << "NAMESRV_ADDR";
    QTest::newRow("illegal topic") << QStringList{"send", "bad topic!", ns, "--body=x"} << "illegal characters";
    QTest::newRow("bad prop") << QStringList{"send", "t", ns, "--body=x", "--prop=novalue"} << "name=value";
    QTest::newRow("reserved prop") << QStringList{"send", "t", ns, "--body=x", "--prop=UNIQ_KEY=1"} << "UNIQ_KEY";
    QTest::newRow("bad delay") << QStringList{"send", "t", ns, "--body=x", "--delay=0"} << "--delay";
    QTest::newRow("body and file") << QStringList{"send", "t", ns, "--body=x", "--file=/etc/hostname"} << "not both";
    QTest::newRow("missing file") << QStringList{"send", "t", ns, "--file=/nonexistent/x"} << "/nonexistent/x";
    QTest::newRow("empty body") << QStringList{"send", "t", ns, "--body="} << "body";
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCli::sameUsageErrorEverywhere_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("message");
    const QString ns = QStringLiteral("--namesrv=127.0.0.1:9876");
    const QString badTimeout = QStringLiteral("--timeout must be a positive number of milliseconds, got \"soon\"");
    const QList<QStringList> networked{{"route", "t"},
                                       {"send", "t", "--body=x"},
                                       {"consume", "t", "--group=g"},
                                       {"query", "--id=x"},
                                       {"browse", "t"},
                                       {"topics"},
                                       {"cluster"},
                                       {"progress", "--group=g"},
                                       {"reset", "--group=g", "--topic=t", "--to=0"},
                                       {"bench", "produce", "--topic=t"},
                                       {"bench", "consume", "--topic=t", "--group=g"}};
    for (const QStringList &c : networked) {
        const QString name = c.first() == u"bench" ? c.mid(0, 2).join(u' ') : c.first();
        QTest::addRow("%s: bad timeout", qPrintable(name))
            << c + QStringList{ns, QStringLiteral("--timeout=soon")} << name << badTimeout;
    }
    const QList<QStringList> withTopic{{"route"}, {"send", "--body=x"}, {"consume", "--group=g"}, {"browse"}};
    for (const QStringList &c : withTopic)
        QTest::addRow("%s: two topics", qPrintable(c.first()))
            << c + QStringList{"a", "b", ns} << c.first() << QStringLiteral("give exactly one TOPIC");
    const QString unexpected = QStringLiteral("unexpected argument 'extra'");
    QTest::newRow("cluster: extra") << QStringList{"cluster", "extra", ns} << "cluster" << unexpected;
    QTest::newRow("progress: extra") << QStringList{"progress", "extra", ns, "--group=g"} << "progress" << unexpected;
    QTest::newRow("reset: extra") << QStringList{"reset", "extra", ns, "--group=g", "--topic=t", "--to=0"} << "reset"
                                  << unexpected;
    QTest::newRow("query: extra") << QStringList{"query", "extra", ns, "--id=x"} << "query" << unexpected;
    QTest::newRow("topics: extra") << QStringList{"topics", "extra", ns} << "topics"
                                   << unexpected + QStringLiteral(" (for one topic's route: mqdesk-cli route TOPIC)");
}

// Every subcommand reports a usage problem the same way: the words on stderr with the hint to
// --help, or with --json one error object on stdout, and exit code 2.
void TestCli::sameUsageErrorEverywhere()
{
    QFETCH(QStringList, args);
    QFETCH(QString, command);
    QFETCH(QString, message);
    const QString prefixed = QStringLiteral("mqdesk-cli ") + command;

    const Run text = run(args);
    QCOMPARE(text.exitCode, 2);
    QCOMPARE(QString::fromUtf8(text.err),
             QStringLiteral("%1: %2\n(%1 --help shows the options)\n").arg(prefixed, message));
    QVERIFY(text.out.isEmpty());

    const Run json = run(args + QStringList{QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 2);
    QVERIFY2(json.err.isEmpty(), json.err.constData());
    QVERIFY(json.out.endsWith('\n') && json.out.count('\n') == 1);
    const QJsonObject e = QJsonDocument::fromJson(json.out).object().value(QStringLiteral("error")).toObject();
    QCOMPARE(e.value(QStringLiteral("code")).toString(), QStringLiteral("InvalidArgument"));
    QCOMPARE(e.value(QStringLiteral("exitCode")).toInt(), 2);
    QCOMPARE(e.value(QStringLiteral("message")).toString(), message);
}

void TestCli::helpExitsZero()
{
    for (const char *cmd : {"route", "send"}) {
        const Run r = run({QString::fromLatin1(cmd), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--namesrv"));
        QVERIFY(r.out.contains("--resolver"));
        QVERIFY(r.out.contains("--json"));
    }
}

void TestCli::routeHuman()
{
    const Run r = run({QStringLiteral("route"), QStringLiteral("cli-topic"), QStringLiteral("--namesrv"),
                       m_sandbox->nameServerAddress()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains(QStringLiteral("broker-a")));
    QVERIFY(text.contains(m_sandbox->brokerAddress(0) + QStringLiteral(" (master)")));
    QVERIFY(text.contains(QStringLiteral("RW-")));
}

void TestCli::routeJson()
{
    const Run r = run({QStringLiteral("route"), QStringLiteral("cli-topic"), QStringLiteral("--json"),
                       QStringLiteral("-n"), m_sandbox->nameServerAddress()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(o.value(QStringLiteral("topic")).toString(), QStringLiteral("cli-topic"));
    const QJsonObject broker = o.value(QStringLiteral("brokerDatas")).toArray().first().toObject();
    QCOMPARE(broker.value(QStringLiteral("brokerName")).toString(), QStringLiteral("broker-a"));
    QCOMPARE(broker.value(QStringLiteral("brokerAddrs")).toObject().value(QStringLiteral("0")).toString(),
             m_sandbox->brokerAddress(0));
    const QJsonObject queues = o.value(QStringLiteral("queueDatas")).toArray().first().toObject();
    QVERIFY(queues.value(QStringLiteral("writeQueueNums")).toInt() > 0);
}

void TestCli::routeMissingTopicIsNotFound()
{
    Run r = run({QStringLiteral("route"), QStringLiteral("no-such-topic"), QStringLiteral("--namesrv"),
                 m_sandbox->nameServerAddress()});
    QCOMPARE(r.exitCode, 5);
    QVERIFY2(r.err.contains("No topic route info in name server for the topic: no-such-topic"), r.err.constData());
    r = run({QStringLiteral("route"), QStringLiteral("no-such-topic"), QStringLiteral("--json"),
             QStringLiteral("--namesrv"), m_sandbox->nameServerAddress()});
    QCOMPARE(r.exitCode, 5);
    const QJsonObject e = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("error")).toObject();
    QCOMPARE(e.value(QStringLiteral("code")).toString(), QStringLiteral("NotFound"));
    QCOMPARE(e.value(QStringLiteral("exitCode")).toInt(), 5);
}

void TestCli::unreachableNameServerIsConnectionError()
{
    const QString dead = QStringLiteral("127.0.0.1:%1").arg(closedPort());
    for (const QString &cmd : {QStringLiteral("route"), QStringLiteral("send")}) {
        QStringList args{cmd, QStringLiteral("cli-topic"), QStringLiteral("--namesrv"), dead};
        if (cmd == u"send")
            args << QStringLiteral("--body=x");
        const Run r = run(args);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(dead.toUtf8()), r.err.constData());
        QVERIFY2(r.ms < 5000, qPrintable(QString::number(r.ms)));
    }
}

void TestCli::failingResolverIsConnectionError()
{
    testing::FakeHttpServer http;
    http.respond(404, "no such cluster");
    const Run r = run({QStringLiteral("route"), QStringLiteral("cli-topic"), QStringLiteral("--resolver"), http.url()});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(http.url().toUtf8()) && r.err.contains("404"), r.err.constData());

    http.respond(200, m_sandbox->nameServerAddress().toUtf8());
    const Run ok =
        run({QStringLiteral("route"), QStringLiteral("cli-topic"), QStringLiteral("--resolver"), http.url()});
    QVERIFY2(ok.exitCode == 0, ok.err.constData());
}

void TestCli::sendHumanAndReadBack()
{
    const Run r = run({QStringLiteral("send"), QStringLiteral("cli-topic"), QStringLiteral("--namesrv"),
                       m_sandbox->nameServerAddress(), QStringLiteral("--tag=TagA"), QStringLiteral("--key=k1"),
                       QStringLiteral("--key=k2"), QStringLiteral("--prop=traceId=t-9"), QStringLiteral("--body"),
                       QStringLiteral("hello from the cli")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString line = QString::fromUtf8(r.out).trimmed();
    QVERIFY2(line.startsWith(QStringLiteral("SEND_OK msgId=")), qPrintable(line));
    const QString offsetMsgId = line.section(QStringLiteral("offsetMsgId="), 1).section(QLatin1Char(' '), 0, 0);
    const QString msgId = line.section(QStringLiteral("msgId="), 1).section(QLatin1Char(' '), 0, 0);
    auto stored = view(offsetMsgId);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->body, QByteArray("hello from the cli"));
    QCOMPARE(stored->tags(), QStringLiteral("TagA"));
    QCOMPARE(stored->keys(), (QStringList{QStringLiteral("k1"), QStringLiteral("k2")}));
    QCOMPARE(stored->properties.value(QStringLiteral("traceId")), QStringLiteral("t-9"));
    QCOMPARE(stored->uniqueKey(), msgId);
}

void TestCli::sendJsonCount()
{
    const Run r = run({QStringLiteral("send"), QStringLiteral("cli-topic"), QStringLiteral("--json"),
                       QStringLiteral("--count=3"), QStringLiteral("--namesrv"), m_sandbox->nameServerAddress(),
                       QStringLiteral("--body=counted"), QStringLiteral("--delay=2")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QSet<QString> ids;
    for (const QByteArray &l : lines) {
        const QJsonObject o = QJsonDocument::fromJson(l).object();
        QCOMPARE(o.value(QStringLiteral("sendStatus")).toString(), QStringLiteral("SEND_OK"));
        QCOMPARE(o.value(QStringLiteral("messageQueue")).toObject().value(QStringLiteral("topic")).toString(),
                 QStringLiteral("cli-topic"));
        QCOMPARE(mq::classifyMessageId(o.value(QStringLiteral("offsetMsgId")).toString()),
                 mq::MessageIdKind::OffsetMsgId);
        ids.insert(o.value(QStringLiteral("msgId")).toString());
    }
    QCOMPARE(ids.size(), 3);
}

void TestCli::sendBodyFromFileAndStdin()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray fileBody = QByteArray(6000, 'f') + "\nend of file\n"; // compressed on the way
    file.write(fileBody);
    file.flush();
    Run r =
        run({QStringLiteral("send"), QStringLiteral("cli-topic"), QStringLiteral("--json"), QStringLiteral("--namesrv"),
             m_sandbox->nameServerAddress(), QStringLiteral("--file"), file.fileName()});
    // Over 4 KiB, so it travels zlib-compressed, small enough then for the 1 KiB broker limit.
    QVERIFY2(r.exitCode == 0, r.err.constData());
    auto fromFile = view(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("offsetMsgId")).toString());
    QVERIFY(fromFile.has_value());
    QVERIFY(fromFile->sysFlag & mq::sysflag::Compressed);
    QCOMPARE(fromFile->body, fileBody);

    const QByteArray small = "from stdin\n";
    r = run({QStringLiteral("send"), QStringLiteral("cli-topic"), QStringLiteral("--json"), QStringLiteral("--namesrv"),
             m_sandbox->nameServerAddress()},
            small);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString id = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("offsetMsgId")).toString();
    auto stored = view(id);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->body, small);
}

void TestCli::brokerRefusalExitCode()
{
    const Run r =
        run({QStringLiteral("send"), QStringLiteral("cli-topic"), QStringLiteral("--json"), QStringLiteral("--namesrv"),
             m_sandbox->nameServerAddress(), QStringLiteral("--body"), QString(2000, QLatin1Char('x'))});
    QCOMPARE(r.exitCode, 4);
    const QJsonObject e = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("error")).toObject();
    QCOMPARE(e.value(QStringLiteral("code")).toString(), QStringLiteral("Broker"));
    QCOMPARE(e.value(QStringLiteral("brokerCode")).toInt(), toInt(mq::ResponseCode::MessageIllegal));
}

void TestCli::nameServerFromEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NAMESRV_ADDR"), m_sandbox->nameServerAddress());
    const Run r = run({QStringLiteral("route"), QStringLiteral("cli-topic")}, {}, env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
