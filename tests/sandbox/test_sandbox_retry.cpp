// Reconsume-later: CONSUMER_SEND_MSG_BACK into %RETRY%group through the delay levels, and
// %DLQ%group after the last attempt; plain delayed messages. The recorded retry message decides
// what the stored copy looks like.
#include "Broker.h"
#include "Headers.h"
#include "MessageId.h"
#include "PropertyCodec.h"
#include "Sandbox.h"
#include "SandboxTestSupport.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace mq;
using namespace mq::sandbox;

namespace {

using sbtest::kGroup;
using sbtest::kTopic;

const QString kRetry = QStringLiteral("%RETRY%fixture-consumer");

RemotingCommand sendBack(qint64 offset, int delayLevel, int maxReconsumeTimes)
{
    ConsumerSendMsgBackRequestHeader h;
    h.offset = offset;
    h.group = kGroup;
    h.delayLevel = delayLevel;
    h.maxReconsumeTimes = maxReconsumeTimes;
    h.originTopic = kTopic;
    RemotingCommand cmd = RemotingCommand::request(RequestCode::ConsumerSendMsgBack, h.toExtFields());
    cmd.language = LanguageCode::JAVA;
    return cmd;
}

} // namespace

class TestSandboxRetry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sendBackGoesThroughTheDelayLevelsIntoRetry()
    {
        Sandbox sandbox(sbtest::delaysScaledBy(0.01)); // level 3 (10 s) becomes 100 ms
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        client.sendRaw(fixtures::frameBySeq(5)->bytes);
        QVERIFY(client.waitForResponse(4));
        client.sendRaw(fixtures::frameBySeq(34)->bytes); // "video 123 title changed", queue 2
        QVERIFY(client.waitForResponse(3));
        const qint64 offset = sandbox.broker()->store().queue(kTopic, 2)->at(0).phyOffset;
        const QString originalId = encodeOffsetMsgId(sandbox.broker()->store().storeHost(), offset);

        QElapsedTimer clock;
        clock.start();
        auto reply = client.call(sendBack(offset, 0, 16));
        QVERIFY(reply);
        QCOMPARE(reply->code, 0);
        QVERIFY(!reply->remark);
        // Parked in SCHEDULE_TOPIC_XXXX, level 3 (queue 2), until due.
        QCOMPARE(sandbox.broker()->store().maxOffset(QStringLiteral("SCHEDULE_TOPIC_XXXX"), 2), 1);
        QCOMPARE(sandbox.broker()->store().maxOffset(kRetry, 0), 0);
        QTRY_COMPARE(sandbox.broker()->store().maxOffset(kRetry, 0), 1);
        QVERIFY2(clock.elapsed() >= 95, qPrintable(QString::number(clock.elapsed())));

        const MessageExt retried = sbtest::pullStored(client, kRetry, 0).value(0);
        const MessageExt recorded = sbtest::fixtureMessages(134).first();
        QCOMPARE(retried.topic, recorded.topic);
        QCOMPARE(retried.reconsumeTimes, 1);
        QCOMPARE(retried.body, recorded.body);
        QCOMPARE(retried.bornTimestamp, recorded.bornTimestamp);
        // The recorded string, with this store's origin id in place of the recording's.
        QString expected = recorded.rawProperties;
        expected.replace(recorded.properties.value(prop::OriginMessageId), originalId);
        QCOMPARE(retried.rawProperties, expected);
    }

    void lastAttemptGoesToTheDeadLetterQueue()
    {
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        auto sent = client.call(sbtest::sendV2(kTopic, 0, QStringLiteral("KEYS\u0001dead\u0002TAGS\u0001T"), "dead"));
        QVERIFY(sent);
        const auto id = decodeOffsetMsgId(sent->field(QStringLiteral("msgId")));
        QVERIFY(id);
        // maxReconsumeTimes 0: the first failure is already the last.
        auto reply = client.call(sendBack(id->commitLogOffset, 0, 0));
        QVERIFY(reply);
        QCOMPARE(reply->code, 0);
        const QString dlq = QStringLiteral("%DLQ%fixture-consumer");
        QCOMPARE(sandbox.broker()->store().maxOffset(dlq, 0), 1);
        const MessageExt dead = sbtest::pullStored(client, dlq, 0).value(0);
        QCOMPARE(dead.body, QByteArray("dead"));
        QCOMPARE(dead.reconsumeTimes, 1);
        QCOMPARE(dead.properties.value(prop::RetryTopic), kTopic);
        QCOMPARE(dead.properties.value(prop::OriginMessageId), sent->field(QStringLiteral("msgId")));
        QVERIFY(!dead.properties.contains(prop::DelayTimeLevel));

        // A negative delay level also means "dead now".
        auto again = client.call(sendBack(id->commitLogOffset, -1, 16));
        QVERIFY(again);
        QCOMPARE(again->code, 0);
        QCOMPARE(sandbox.broker()->store().maxOffset(dlq, 0), 2);
    }

    void sendBackOfAnUnknownOffsetFails()
    {
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        auto reply = client.call(sendBack(123456, 0, 16));
        QVERIFY(reply);
        QCOMPARE(reply->code, int(ResponseCode::SystemError));
        QCOMPARE(reply->remark.value_or(QString()), QStringLiteral("look message by offset failed, 123456"));
    }

    void delayedMessagesWaitForTheirLevel()
    {
        Sandbox sandbox(sbtest::delaysScaledBy(0.1)); // level 2 (5 s) becomes 500 ms
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        QElapsedTimer clock;
        clock.start();
        auto sent = client.call(sbtest::sendV2(
            QStringLiteral("later"), 1, QStringLiteral("DELAY\u00012\u0002WAIT\u0001true\u0002TAGS\u0001L"), "x"));
        QVERIFY(sent);
        QCOMPARE(sent->field(QStringLiteral("queueId")), QStringLiteral("1"));
        QCOMPARE(sandbox.broker()->store().maxOffset(QStringLiteral("later"), 1), 0);
        QTRY_COMPARE_WITH_TIMEOUT(sandbox.broker()->store().maxOffset(QStringLiteral("later"), 1), 1, 5000);
        QVERIFY2(clock.elapsed() >= 490, qPrintable(QString::number(clock.elapsed())));
        const MessageExt delivered = sbtest::pullStored(client, QStringLiteral("later"), 1).value(0);
        QCOMPARE(delivered.properties.value(prop::RealTopic), QStringLiteral("later"));
        QCOMPARE(delivered.properties.value(prop::RealQueueId), QStringLiteral("1"));
        QCOMPARE(delivered.properties.value(prop::DelayTimeLevel), QStringLiteral("2"));
        QCOMPARE(delivered.tags(), QStringLiteral("L"));

        // A level past the last one is clamped to it (18 = 2 h).
        auto far = client.call(sbtest::sendV2(QStringLiteral("later"), 0, QStringLiteral("DELAY\u000199"), "y"));
        QVERIFY(far);
        QCOMPARE(sandbox.broker()->store().maxOffset(QStringLiteral("SCHEDULE_TOPIC_XXXX"), 17), 1);
    }
};

QTEST_GUILESS_MAIN(TestSandboxRetry)
#include "test_sandbox_retry.moc"
