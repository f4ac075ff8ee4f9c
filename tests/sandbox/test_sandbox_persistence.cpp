// A sandbox with a data directory keeps everything across a stop and a start: messages (the
// commit log), the consume queues and the key index rebuilt from it, consumer offsets, topics
// and delay progress; a torn tail is cut off.
#include "Broker.h"
#include "Headers.h"
#include "NameServer.h"
#include "Sandbox.h"
#include "SandboxTestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace mq;
using namespace mq::sandbox;

namespace {

using sbtest::kTopic;

SandboxOptions withDir(const QString &dir)
{
    SandboxOptions o = sbtest::delaysScaledBy(0.001);
    o.broker.dataDir = dir;
    return o;
}

// Queue `queueId`'s messages, each as "body in hex|properties".
QStringList bodiesOf(RawClient &client, const QString &topic, int queueId)
{
    QStringList out;
    for (const auto &m : sbtest::pullStored(client, topic, queueId))
        out.append(QString::fromUtf8(m.body.toHex()) + u'|' + m.rawProperties);
    return out;
}

} // namespace

class TestSandboxPersistence : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stopAndStartKeepsMessagesOffsetsIndexAndTopics()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QMap<int, QStringList> before;
        {
            Sandbox sandbox(withDir(dir.path()));
            RawClient client;
            QVERIFY(sbtest::start(sandbox, {&client}));
            QVERIFY(sbtest::replayRecordedProducer(sandbox, client, sbtest::Until::DelayedDelivered));
            for (int seq : {130, 131, 132, 133})
                client.sendRaw(fixtures::frameBySeq(seq)->bytes);
            QTRY_COMPARE(sandbox.broker()->consumerOffsets().query(sbtest::kGroup, kTopic, 1), 1);
            for (int q = 0; q < 4; ++q)
                before[q] = bodiesOf(client, kTopic, q);
            QCOMPARE(before[2].size(), 4);
            sandbox.stop();
        }
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("commitlog/00000000000000000000"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("config/consumerOffset.json"))));

        Sandbox sandbox(withDir(dir.path()));
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        for (int q = 0; q < 4; ++q)
            QCOMPARE(bodiesOf(client, kTopic, q), before[q]);
        // The delayed message was delivered once, before the stop, and not again.
        QTRY_COMPARE(sandbox.broker()->store().maxOffset(kTopic, 1), 1);
        // Consumer offsets (the recorded commits 130..133: 4, 2, 1, 1).
        for (const auto &[q, offset] : QList<QPair<int, int>>{{2, 4}, {3, 2}, {0, 1}, {1, 1}}) {
            auto reply = client.call(
                request(RequestCode::QueryConsumerOffset,
                        {{"consumerGroup", sbtest::kGroup}, {"topic", kTopic}, {"queueId", QString::number(q)}}));
            QVERIFY(reply);
            QCOMPARE(reply->field(QStringLiteral("offset")).toInt(), offset);
        }
        // The key index, rebuilt from the log.
        client.sendRaw(fixtures::frameBySeq(145)->bytes);
        auto byKey = client.waitForResponse(113);
        QVERIFY(byKey);
        QCOMPARE(byKey->code, 0);
        QCOMPARE(sbtest::decodeStored(byKey->body).size(), 1);
        // The explicitly created topic (4 queues, perm 6) is routed again.
        RawClient ns;
        QVERIFY(ns.connectTo(sandbox.nameServerAddress()));
        ns.sendRaw(fixtures::frameBySeq(31)->bytes);
        auto route = ns.waitForResponse(0);
        QVERIFY(route);
        QCOMPARE(route->body, sbtest::withAddress(sbtest::fixtureCommand(32).body, sandbox.brokerAddress()));
        // New messages continue the queues.
        QCOMPARE(sbtest::sendForOffset(client, kTopic, 2, "after restart"), 4);
    }

    // A broker restarted in the same process (stop() then start() on one object) must recover
    // from its log exactly once, not replay it on top of what memory still holds.
    void restartOfTheSameBrokerObjectKeepsEveryMessageOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Sandbox sandbox(withDir(dir.path()));
        {
            RawClient client;
            QVERIFY(sbtest::start(sandbox, {&client}));
            QCOMPARE(sbtest::sendNumbered(client, QStringLiteral("same-object"), 3), 3);
        }
        QCOMPARE(sandbox.broker()->store().maxOffset(QStringLiteral("same-object"), 0), 3);
        sandbox.broker()->stop();
        QVERIFY(sandbox.broker()->start());
        QCOMPARE(sandbox.broker()->store().maxOffset(QStringLiteral("same-object"), 0), 3);
        RawClient client;
        QVERIFY(client.connectTo(sandbox.broker()->address()));
        QCOMPARE(sbtest::sendForOffset(client, QStringLiteral("same-object"), 0, "after restart"), 3);
    }

    void aTornTailIsCutOffOnStart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            Sandbox sandbox(withDir(dir.path()));
            RawClient client;
            QVERIFY(sbtest::start(sandbox, {&client}));
            QCOMPARE(sbtest::sendNumbered(client, QStringLiteral("torn"), 3), 3);
        }
        const QString log = dir.filePath(QStringLiteral("commitlog/00000000000000000000"));
        QFile f(log);
        QVERIFY(f.open(QIODevice::Append));
        const qint64 goodSize = f.size();
        f.write(QByteArray::fromHex("000000f0daa320a7") + QByteArray(30, '\x01')); // half a message
        f.close();

        Sandbox sandbox(withDir(dir.path()));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("dropping 38 bytes")));
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        QCOMPARE(QFileInfo(log).size(), goodSize);
        QCOMPARE(sandbox.broker()->store().maxOffset(QStringLiteral("torn"), 0), 3);
        QCOMPARE(sbtest::sendForOffset(client, QStringLiteral("torn"), 0, "3"), 3);
        QCOMPARE(sbtest::pullStored(client, QStringLiteral("torn"), 0).size(), 4);
    }

    void manySendsStayQuickAndRecoverQuickly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        constexpr int kCount = 20000;
        qint64 sendMs = 0;
        {
            Sandbox sandbox(withDir(dir.path()));
            RawClient client;
            QVERIFY(sbtest::start(sandbox, {&client}));
            QVERIFY(client.call(sbtest::sendV2(QStringLiteral("bulk"), 0, QString(), "warm-up")));
            QElapsedTimer clock;
            clock.start();
            int last = 0;
            for (int i = 0; i < kCount; ++i)
                last = client.send(sbtest::sendV2(QStringLiteral("bulk"), i % 4,
                                                  QStringLiteral("KEYS\u0001key-%1\u0002TAGS\u0001T").arg(i),
                                                  QByteArray(200, 'p')));
            QVERIFY(client.waitForResponse(last, 60000));
            sendMs = clock.elapsed();
            QCOMPARE(sandbox.broker()->store().messageCount(), qint64(kCount + 1));
        }
        QElapsedTimer clock;
        clock.start();
        Sandbox sandbox(withDir(dir.path()));
        QVERIFY(sandbox.start());
        const qint64 recoverMs = clock.elapsed();
        qInfo("%d pipelined sends of 200 bytes: %lld ms (%.0f msg/s); recovery scan: %lld ms", kCount, sendMs,
              kCount * 1000.0 / qMax<qint64>(1, sendMs), recoverMs);
        QCOMPARE(sandbox.broker()->store().messageCount(), qint64(kCount + 1));
        QVERIFY2(sendMs < 30000, qPrintable(QString::number(sendMs)));
        QVERIFY2(recoverMs < 30000, qPrintable(QString::number(recoverMs)));
        RawClient client;
        QVERIFY(client.connectTo(sandbox.brokerAddress()));
        QueryMessageRequestHeader q;
        q.topic = QStringLiteral("bulk");
        q.key = QStringLiteral("key-12345");
        auto found = client.call(RemotingCommand::request(RequestCode::QueryMessage, q.toExtFields()));
        QVERIFY(found);
        QCOMPARE(found->code, 0);
        QCOMPARE(sbtest::decodeStored(found->body).first().keys(), QStringList{QStringLiteral("key-12345")});
    }
};

QTEST_GUILESS_MAIN(TestSandboxPersistence)
#include "test_sandbox_persistence.moc"
