// Sending and pulling: the recorded producer's frames replayed against the sandbox must be
// stored exactly as the real broker stored them (the recorded pull responses decide), and
// pulls must follow the broker's status rules, tag filtering and long polling.
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

using sbtest::extKeys;
using sbtest::kTopic;

SandboxOptions fastDelays()
{
    SandboxOptions o = sbtest::delaysScaledBy(0.001); // level 1 (1s) becomes 1 ms
    o.broker.longPollingCheckIntervalMs = 200;
    return o;
}

} // namespace

class TestSandboxSendPull : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recordedSendsAreAnsweredLikeTheBroker()
    {
        Sandbox sandbox(fastDelays());
        RawClient producer;
        QVERIFY(sbtest::start(sandbox, {&producer}));
        QVERIFY(sbtest::replayRecordedProducer(sandbox, producer));
        // request seq -> recorded reply seq
        const QList<QPair<int, int>> exchanges{{34, 38}, {39, 40}, {41, 42}, {43, 44}, {45, 46}};
        for (const auto &[requestSeq, replySeq] : exchanges) {
            const RemotingCommand recorded = sbtest::fixtureCommand(replySeq);
            auto reply = producer.waitForResponse(recorded.opaque);
            QVERIFY2(reply, qPrintable(QString::number(requestSeq)));
            QCOMPARE(reply->code, 0);
            QCOMPARE(reply->remark.has_value(), false);
            QCOMPARE(extKeys(*reply), extKeys(recorded)); // queueId, TRACE_ON, MSG_REGION, msgId, queueOffset
            for (const char *same : {"queueId", "queueOffset", "TRACE_ON", "MSG_REGION"})
                QCOMPARE(reply->field(QLatin1StringView(same)), recorded.field(QLatin1StringView(same)));
            const QStringList ids = reply->field(QStringLiteral("msgId")).split(u',');
            QCOMPARE(ids.size(), recorded.field(QStringLiteral("msgId")).split(u',').size());
            for (const QString &id : ids) {
                auto decoded = decodeOffsetMsgId(id);
                QVERIFY2(decoded, qPrintable(id));
                QCOMPARE(decoded->storeHost.toString(), sandbox.brokerAddress());
            }
        }
    }

    void storedMessagesMatchTheRecordedPulls()
    {
        Sandbox sandbox(fastDelays());
        RawClient producer, consumer;
        QVERIFY(sbtest::start(sandbox, {&producer, &consumer}));
        QVERIFY(sbtest::replayRecordedProducer(sandbox, producer, sbtest::Until::DelayedDelivered));

        // queue -> the recorded pull response holding that queue's messages
        const QList<QPair<int, int>> queues{{2, 88}, {3, 87}, {0, 86}, {1, 121}};
        for (const auto &[queueId, recordedSeq] : queues) {
            const RemotingCommand recorded = sbtest::fixtureCommand(recordedSeq);
            auto reply = consumer.call(sbtest::pull(QStringLiteral("g"), kTopic, queueId, 0));
            QVERIFY(reply);
            QCOMPARE(reply->code, 0);
            QCOMPARE(reply->remark.value_or(QString()), QStringLiteral("FOUND"));
            QCOMPARE(extKeys(*reply), extKeys(recorded));
            for (const char *same : {"suggestWhichBrokerId", "nextBeginOffset", "maxOffset", "minOffset"})
                QCOMPARE(reply->field(QLatin1StringView(same)), recorded.field(QLatin1StringView(same)));
            const auto ours = sbtest::decodeStored(reply->body);
            const auto theirs = sbtest::decodeStored(recorded.body);
            QCOMPARE(ours.size(), theirs.size());
            for (qsizetype i = 0; i < ours.size(); ++i) {
                const MessageExt &a = ours[i];
                const MessageExt &b = theirs[i];
                QCOMPARE(a.topic, b.topic);
                QCOMPARE(a.queueId, b.queueId);
                QCOMPARE(a.queueOffset, b.queueOffset);
                QCOMPARE(a.flag, b.flag);
                QCOMPARE(a.sysFlag, b.sysFlag);
                QCOMPARE(a.bodyCrc, b.bodyCrc);
                QCOMPARE(a.body, b.body); // compressed bodies stay as the producer sent them
                QCOMPARE(a.bornTimestamp, b.bornTimestamp);
                QCOMPARE(a.reconsumeTimes, b.reconsumeTimes);
                // The properties string byte for byte: CLUSTER added, WAIT dropped (kept in
                // batches, appended after the batch's own), Java HashMap order.
                QCOMPARE(a.rawProperties, b.rawProperties);
                QCOMPARE(a.storeHost.toString(), sandbox.brokerAddress());
                QCOMPARE(a.offsetMsgId, encodeOffsetMsgId(a.storeHost, a.commitLogOffset));
            }
        }
    }

    void tagsAreFilteredByHashCode()
    {
        Sandbox sandbox(fastDelays());
        RawClient producer, consumer;
        QVERIFY(sbtest::start(sandbox, {&producer, &consumer}));
        QVERIFY(sbtest::replayRecordedProducer(sandbox, producer, sbtest::Until::DelayedDelivered));

        // Queue 1 holds only the TagC message: like recorded reply 127, retry immediately past it.
        auto none = consumer.call(sbtest::pull(QStringLiteral("g"), kTopic, 1, 0, QStringLiteral("TagA || TagB")));
        QVERIFY(none);
        const RemotingCommand recorded = sbtest::fixtureCommand(127);
        QCOMPARE(none->code, recorded.code);
        QCOMPARE(none->remark, recorded.remark);
        QCOMPARE(none->extFields, recorded.extFields);
        QVERIFY(none->body.isEmpty());

        // Queue 2: four TagA messages, none TagB.
        auto tagB = consumer.call(sbtest::pull(QStringLiteral("g"), kTopic, 2, 0, QStringLiteral("TagB")));
        QVERIFY(tagB);
        QCOMPARE(tagB->code, int(ResponseCode::PullRetryImmediately));
        QCOMPARE(tagB->field(QStringLiteral("nextBeginOffset")), QStringLiteral("4"));
        // Queue 3: both messages are TagB.
        auto both = consumer.call(sbtest::pull(QStringLiteral("g"), kTopic, 3, 0, QStringLiteral("TagA || TagB")));
        QVERIFY(both);
        QCOMPARE(both->code, 0);
        const auto messages = sbtest::decodeStored(both->body);
        QCOMPARE(messages.size(), 2);
        for (const auto &m : messages)
            QCOMPARE(m.tags(), QStringLiteral("TagB"));
    }

    void pullStatusesFollowTheBroker_data()
    {
        QTest::addColumn<int>("queueId");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<int>("maxMsgNums");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("remark");
        QTest::addColumn<qint64>("nextBeginOffset");
        QTest::addColumn<int>("count");
        QTest::newRow("empty queue at 0") << 1 << qint64(0) << 32 << 19 << "NO_MESSAGE_IN_QUEUE" << qint64(0) << 0;
        QTest::newRow("empty queue elsewhere") << 1 << qint64(3) << 32 << 21 << "NO_MESSAGE_IN_QUEUE" << qint64(0) << 0;
        QTest::newRow("at the end") << 2 << qint64(4) << 32 << 19 << "OFFSET_OVERFLOW_ONE" << qint64(4) << 0;
        QTest::newRow("past the end") << 2 << qint64(9) << 32 << 21 << "OFFSET_OVERFLOW_BADLY" << qint64(0) << 0;
        QTest::newRow("in the middle") << 2 << qint64(1) << 32 << 0 << "FOUND" << qint64(4) << 3;
        QTest::newRow("at most maxMsgNums") << 2 << qint64(0) << 2 << 0 << "FOUND" << qint64(2) << 2;
    }

    void pullStatusesFollowTheBroker()
    {
        QFETCH(int, queueId);
        QFETCH(qint64, offset);
        QFETCH(int, maxMsgNums);
        QFETCH(int, code);
        QFETCH(QString, remark);
        QFETCH(qint64, nextBeginOffset);
        QFETCH(int, count);
        Sandbox sandbox; // real delays: the DELAY 1 message stays away from queue 1
        RawClient producer, consumer;
        QVERIFY(sbtest::start(sandbox, {&producer, &consumer}));
        QVERIFY(sbtest::replayRecordedProducer(sandbox, producer));
        auto reply = consumer.call(
            sbtest::pull(QStringLiteral("g"), kTopic, queueId, offset, QStringLiteral("*"), 0, maxMsgNums));
        QVERIFY(reply);
        QCOMPARE(reply->code, code);
        QCOMPARE(reply->remark.value_or(QString()), remark);
        QCOMPARE(reply->field(QStringLiteral("nextBeginOffset")).toLongLong(), nextBeginOffset);
        QCOMPARE(sbtest::decodeStored(reply->body).size(), count);
    }

    void longPollingWakesWhenAMessageArrives()
    {
        Sandbox sandbox;
        RawClient consumer, producer;
        QVERIFY(sbtest::start(sandbox, {&consumer, &producer}));
        auto first =
            producer.call(sbtest::sendV2(QStringLiteral("poll-topic"), 0, QStringLiteral("TAGS\u0001a"), "one"));
        QVERIFY(first);
        QCOMPARE(first->code, 0);

        QElapsedTimer clock;
        clock.start();
        const int opaque = consumer.send(
            sbtest::pull(QStringLiteral("g"), QStringLiteral("poll-topic"), 0, 1, QStringLiteral("*"), 20000));
        QTRY_COMPARE(sandbox.broker()->heldPullCount(), 1); // suspended, not answered
        QVERIFY(!consumer.waitForResponse(opaque, 50));
        QElapsedTimer sinceSend;
        sinceSend.start();
        auto second =
            producer.call(sbtest::sendV2(QStringLiteral("poll-topic"), 0, QStringLiteral("TAGS\u0001b"), "two"));
        QVERIFY(second);
        auto reply = consumer.waitForResponse(opaque, 20000);
        QVERIFY(reply);
        const qint64 afterSend = sinceSend.elapsed();
        QCOMPARE(reply->code, 0);
        const auto messages = sbtest::decodeStored(reply->body);
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages[0].body, QByteArray("two"));
        QVERIFY2(afterSend < 1000, qPrintable(QStringLiteral("woke %1 ms after the send").arg(afterSend)));
        QVERIFY(clock.elapsed() < 20000);
        QCOMPARE(sandbox.broker()->heldPullCount(), 0);
    }

    void longPollingAnswersNotFoundAtTheTimeout()
    {
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        auto sent = client.call(sbtest::sendV2(QStringLiteral("idle-topic"), 0, QString(), "x"));
        QVERIFY(sent);
        QElapsedTimer clock;
        clock.start();
        auto reply = client.call(
            sbtest::pull(QStringLiteral("g"), QStringLiteral("idle-topic"), 0, 1, QStringLiteral("*"), 300), 10000);
        QVERIFY(reply);
        QVERIFY2(clock.elapsed() >= 290, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(reply->code, int(ResponseCode::PullNotFound));
        QCOMPARE(reply->remark.value_or(QString()), QStringLiteral("OFFSET_OVERFLOW_ONE"));
        QCOMPARE(reply->field(QStringLiteral("nextBeginOffset")), QStringLiteral("1"));
    }

    void aNonMatchingArrivalIsReportedAtTheNextCheck()
    {
        Sandbox sandbox(fastDelays()); // hold checks every 200 ms
        RawClient consumer, producer;
        QVERIFY(sbtest::start(sandbox, {&consumer, &producer}));
        QVERIFY(producer.call(sbtest::sendV2(QStringLiteral("t"), 0, QStringLiteral("TAGS\u0001TagA"), "a")));
        const int opaque =
            consumer.send(sbtest::pull(QStringLiteral("g"), QStringLiteral("t"), 0, 1, QStringLiteral("TagA"), 20000));
        QTRY_COMPARE(sandbox.broker()->heldPullCount(), 1);
        QVERIFY(producer.call(sbtest::sendV2(QStringLiteral("t"), 0, QStringLiteral("TAGS\u0001TagC"), "c")));
        auto reply = consumer.waitForResponse(opaque, 5000);
        QVERIFY(reply);
        QCOMPARE(reply->code, int(ResponseCode::PullRetryImmediately));
        QCOMPARE(reply->remark.value_or(QString()), QStringLiteral("NO_MATCHED_MESSAGE"));
        QCOMPARE(reply->field(QStringLiteral("nextBeginOffset")), QStringLiteral("2"));
    }

    void heartbeatSubscriptionsDriveFiltering()
    {
        Sandbox sandbox;
        RawClient producer, consumer;
        QVERIFY(sbtest::start(sandbox, {&producer, &consumer}));
        QVERIFY(sbtest::replayRecordedProducer(sandbox, producer));
        // Without a heartbeat a pull that carries no subscription is refused.
        consumer.sendRaw(fixtures::frameBySeq(89)->bytes);
        auto refused = consumer.waitForResponse(55);
        QVERIFY(refused);
        QCOMPARE(refused->code, int(ResponseCode::SubscriptionNotExist));
        QCOMPARE(refused->remark.value_or(QString()),
                 QStringLiteral("the consumer's group info not exist\nSee http://rocketmq.apache.org/docs/faq/ for "
                                "further details."));
        // After the recorded heartbeat the recorded pull gets what the broker answered (reply 94).
        consumer.sendRaw(fixtures::frameBySeq(56)->bytes);
        QVERIFY(consumer.waitForResponse(22));
        consumer.sendRaw(fixtures::frameBySeq(89)->bytes);
        auto found = consumer.waitForResponse(55);
        QVERIFY(found);
        const RemotingCommand recorded = sbtest::fixtureCommand(94);
        QCOMPARE(found->code, recorded.code);
        QCOMPARE(found->extFields, recorded.extFields);
        QCOMPARE(sbtest::decodeStored(found->body).size(), sbtest::decodeStored(recorded.body).size());
    }

    void pullCanCommitTheConsumerOffset()
    {
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        QVERIFY(client.call(sbtest::sendV2(QStringLiteral("c"), 0, QString(), "x")));
        RemotingCommand p = sbtest::pull(QStringLiteral("grp"), QStringLiteral("c"), 0, 0);
        p.setField(QStringLiteral("sysFlag"), QString::number(PullSysFlag::build(true, false, true, false)));
        p.setField(QStringLiteral("commitOffset"), QStringLiteral("7"));
        QVERIFY(client.call(p));
        QCOMPARE(sandbox.broker()->consumerOffsets().query(QStringLiteral("grp"), QStringLiteral("c"), 0), 7);
    }
};

QTEST_GUILESS_MAIN(TestSandboxSendPull)
#include "test_sandbox_send_pull.moc"
