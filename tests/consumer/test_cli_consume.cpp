// `mqdesk-cli consume` as a user runs it: the built binary (QProcess) against an in-process
// sandbox, messages sent by our producer, output read back line by line.
#include "ClientInstance.h"
#include "Headers.h"
#include "Producer.h"
#include "Sandbox.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using testing::await;
using testing::why;

namespace {

constexpr int kWait = 30000;
const QString kTopic = QStringLiteral("cli-consume");

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> lines() const
    {
        QList<QJsonObject> objects;
        for (const QByteArray &line : out.split('\n'))
            if (!line.trimmed().isEmpty())
                objects.append(QJsonDocument::fromJson(line).object());
        return objects;
    }
};

QSet<QString> idsOf(const QList<QJsonObject> &lines)
{
    QSet<QString> ids;
    for (const auto &o : lines)
        ids.insert(o.value(QStringLiteral("msgId")).toString());
    return ids;
}

} // namespace

class TestCliConsume : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void jsonLineForEachMessage();
    void nextRunContinuesAfterCommittedOffsets();
    void tagExpressionFilters();
    void humanReadableOutput();
    void broadcastKeepsOffsetsInFile();
    void sigtermCommitsAndExitsCleanly();
    void usageErrors_data();
    void usageErrors();

private:
    Run run(QStringList args);
    QStringList send(int count, const QString &tags, const QByteArray &body = "hello");
    qint64 committed(const QString &group);

    std::unique_ptr<mq::sandbox::Sandbox> m_sandbox;
    std::unique_ptr<mq::ClientInstance> m_client;
    std::unique_ptr<mq::Producer> m_producer;
    int m_sentTotal = 0; // every message in the topic
};

void TestCliConsume::initTestCase()
{
    m_sandbox = std::make_unique<mq::sandbox::Sandbox>();
    QVERIFY(m_sandbox->start().ok());
    mq::ClientConfig config;
    config.nameServer = m_sandbox->nameServerAddress();
    m_client = std::make_unique<mq::ClientInstance>(config);
    m_producer = std::make_unique<mq::Producer>(m_client.get(), QStringLiteral("cli-test-producer"));
    auto st = await(m_producer->start());
    QVERIFY(st && st->ok());
    mq::CreateTopicRequestHeader h;
    h.topic = kTopic;
    auto r =
        await(m_client->invoke(m_sandbox->brokerAddress(0),
                               mq::RemotingCommand::request(mq::RequestCode::UpdateAndCreateTopic, h.toExtFields())));
    QVERIFY(r && r->ok() && (*r)->code == 0);
}

void TestCliConsume::cleanupTestCase()
{
    await(m_producer->shutdown());
    await(m_client->shutdown());
    m_producer.reset();
    m_client.reset();
    m_sandbox.reset();
}

Run TestCliConsume::run(QStringList args)
{
    args.prepend(QStringLiteral("consume"));
    args << QStringLiteral("--namesrv") << m_sandbox->nameServerAddress();
    QProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(MQDESK_CLI_PATH), args);
    // The sandbox answering the CLI lives in this process: wait on the event loop.
    if (!finished.wait(kWait))
        p.kill();
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QStringList TestCliConsume::send(int count, const QString &tags, const QByteArray &body)
{
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        mq::Message m;
        m.topic = kTopic;
        m.body = body;
        m.setTags(tags);
        m.setKeys({QStringLiteral("key-%1").arg(i)});
        auto r = await(m_producer->send(m));
        if (r && r->ok())
            ids.append((*r)->msgId);
    }
    m_sentTotal += int(ids.size());
    return ids;
}

qint64 TestCliConsume::committed(const QString &group)
{
    qint64 total = 0;
    for (int q = 0; q < 4; ++q) {
        mq::QueryConsumerOffsetRequestHeader h;
        h.consumerGroup = group;
        h.topic = kTopic;
        h.queueId = q;
        auto r = await(
            m_client->invoke(m_sandbox->brokerAddress(0),
                             mq::RemotingCommand::request(mq::RequestCode::QueryConsumerOffset, h.toExtFields())));
        if (r && r->ok() && (*r)->code == 0)
            total += (*r)->field(QStringLiteral("offset")).toLongLong();
    }
    return total;
}

void TestCliConsume::jsonLineForEachMessage()
{
    QStringList sent = send(4, QStringLiteral("TagA"), "text body ü");
    const QByteArray binary("\x00\xff\xfe binary", 10);
    sent += send(1, QStringLiteral("TagB"), binary);
    const Run r =
        run({kTopic, QStringLiteral("--group"), QStringLiteral("cli-json"), QStringLiteral("--from"),
             QStringLiteral("first"), QStringLiteral("--count"), QStringLiteral("5"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto lines = r.lines();
    QCOMPARE(lines.size(), 5);
    QCOMPARE(idsOf(lines), QSet<QString>(sent.cbegin(), sent.cend()));
    for (const auto &o : lines) {
        QCOMPARE(o.value(QStringLiteral("topic")).toString(), kTopic);
        QVERIFY(o.value(QStringLiteral("offsetMsgId")).toString().size() == 32);
        QVERIFY(o.value(QStringLiteral("keys")).toArray().first().toString().startsWith(QStringLiteral("key-")));
        QCOMPARE(o.value(QStringLiteral("properties")).toObject().value(QStringLiteral("UNIQ_KEY")).toString(),
                 o.value(QStringLiteral("msgId")).toString());
        if (o.value(QStringLiteral("tags")).toString() == u"TagB") {
            QCOMPARE(o.value(QStringLiteral("bodyEncoding")).toString(), QStringLiteral("base64"));
            QCOMPARE(QByteArray::fromBase64(o.value(QStringLiteral("body")).toString().toLatin1()), binary);
        } else {
            QCOMPARE(o.value(QStringLiteral("bodyEncoding")).toString(), QStringLiteral("utf8"));
            QCOMPARE(o.value(QStringLiteral("body")).toString(), QStringLiteral("text body ü"));
        }
    }
    // Events are words on stderr, never mixed into the JSON lines.
    QVERIFY(r.err.contains("started"));
}

void TestCliConsume::nextRunContinuesAfterCommittedOffsets()
{
    const QString group = QStringLiteral("cli-continue");
    const Run first = run({kTopic, QStringLiteral("-g"), group, QStringLiteral("--from"), QStringLiteral("first"),
                           QStringLiteral("--count"), QStringLiteral("5"), QStringLiteral("--json")});
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.lines().size(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(committed(group), qint64(5), kWait); // committed on exit
    const QStringList later = send(3, QStringLiteral("TagA"));
    const Run second = run({kTopic, QStringLiteral("-g"), group, QStringLiteral("--count"), QStringLiteral("3"),
                            QStringLiteral("--json")});
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(idsOf(second.lines()), QSet<QString>(later.cbegin(), later.cend()));
}

void TestCliConsume::tagExpressionFilters()
{
    const QStringList wanted = send(2, QStringLiteral("Wanted"));
    send(3, QStringLiteral("Other"));
    const Run r = run({kTopic, QStringLiteral("-g"), QStringLiteral("cli-tags"), QStringLiteral("--from"),
                       QStringLiteral("first"), QStringLiteral("--tag"), QStringLiteral("Wanted || Missing"),
                       QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(idsOf(r.lines()), QSet<QString>(wanted.cbegin(), wanted.cend()));
}

void TestCliConsume::humanReadableOutput()
{
    const QStringList ids = send(1, QStringLiteral("Human"), "readable line");
    const Run r = run({kTopic, QStringLiteral("-g"), QStringLiteral("cli-human"), QStringLiteral("--from"),
                       QStringLiteral("first"), QStringLiteral("--tag"), QStringLiteral("Human"),
                       QStringLiteral("--count"), QStringLiteral("1")});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.contains(QStringLiteral("msgId=") + ids.first()), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("tags=Human")));
    QVERIFY(text.contains(QStringLiteral("readable line")));
}

void TestCliConsume::broadcastKeepsOffsetsInFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("offsets.json"));
    const QStringList marked = send(2, QStringLiteral("Bcast"));
    const QStringList args{kTopic,
                           QStringLiteral("-g"),
                           QStringLiteral("cli-bcast"),
                           QStringLiteral("--broadcast"),
                           QStringLiteral("--offsets-file"),
                           file,
                           QStringLiteral("--tag"),
                           QStringLiteral("Bcast"),
                           QStringLiteral("--json")};
    const Run first = run(args + QStringList{QStringLiteral("--from"), QStringLiteral("first"),
                                             QStringLiteral("--count"), QStringLiteral("2")});
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(idsOf(first.lines()), QSet<QString>(marked.cbegin(), marked.cend()));
    QVERIFY(QFile::exists(file));
    QCOMPARE(committed(QStringLiteral("cli-bcast")), qint64(0)); // nothing on the broker
    const QStringList more = send(1, QStringLiteral("Bcast"));
    const Run second = run(args + QStringList{QStringLiteral("--count"), QStringLiteral("1")});
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(idsOf(second.lines()), QSet<QString>(more.cbegin(), more.cend()));
}

void TestCliConsume::sigtermCommitsAndExitsCleanly()
{
    const QString group = QStringLiteral("cli-sigterm");
    send(2, QStringLiteral("TagA"));
    QProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    QSignalSpy output(&p, &QProcess::readyReadStandardOutput);
    p.start(QStringLiteral(MQDESK_CLI_PATH),
            {QStringLiteral("consume"), kTopic, QStringLiteral("-g"), group, QStringLiteral("--from"),
             QStringLiteral("first"), QStringLiteral("--json"), QStringLiteral("--namesrv"),
             m_sandbox->nameServerAddress()});
    QByteArray out;
    // From the first offset: everything this test class ever sent is printed.
    QTRY_COMPARE_WITH_TIMEOUT((out += p.readAllStandardOutput()).count('\n'), qsizetype(m_sentTotal), kWait);
    QVERIFY(finished.isEmpty()); // still running: no --count
    p.terminate();               // SIGTERM
    QVERIFY(finished.wait(kWait));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    out += p.readAllStandardOutput();
    QCOMPARE(committed(group), qint64(out.count('\n'))); // exactly what was printed
}

void TestCliConsume::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no group") << QStringList{kTopic} << 2 << QStringLiteral("--group");
    QTest::newRow("no topic") << QStringList{QStringLiteral("-g"), QStringLiteral("g")} << 2 << QStringLiteral("TOPIC");
    QTest::newRow("bad from") << QStringList{kTopic, QStringLiteral("-g"), QStringLiteral("g"),
                                             QStringLiteral("--from"), QStringLiteral("yesterday")}
                              << 2 << QStringLiteral("--from");
    QTest::newRow("zero count") << QStringList{kTopic, QStringLiteral("-g"), QStringLiteral("g"), QStringLiteral("-c"),
                                               QStringLiteral("0")}
                                << 2 << QStringLiteral("--count");
    QTest::newRow("offsets file without broadcast")
        << QStringList{kTopic, QStringLiteral("-g"), QStringLiteral("g"), QStringLiteral("--offsets-file"),
                       QStringLiteral("/tmp/x.json")}
        << 2 << QStringLiteral("--broadcast");
    QTest::newRow("bad group") << QStringList{kTopic, QStringLiteral("-g"), QStringLiteral("bad group!")} << 2
                               << QStringLiteral("illegal");
    QTest::newRow("unknown topic") << QStringList{QStringLiteral("no-such-topic"), QStringLiteral("-g"),
                                                  QStringLiteral("g")}
                                   << 5 << QStringLiteral("no-such-topic");
}

void TestCliConsume::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    const Run r = run(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliConsume)
#include "test_cli_consume.moc"
