// Looking messages up: by key and unique key (the key index), by offsetMsgId, offsets by
// queue and time, and consumer offsets; recorded requests replayed, recorded replies compared.
#include "Broker.h"
#include "Headers.h"
#include "MessageId.h"
#include "Sandbox.h"
#include "SandboxTestSupport.h"

#include <QtTest>

using namespace mq;
using namespace mq::sandbox;

namespace {

using sbtest::extKeys;
using sbtest::kTopic;

RemotingCommand query(const QString &key, bool unique, qint64 begin = 0,
                      qint64 end = std::numeric_limits<qint64>::max())
{
    QueryMessageRequestHeader h;
    h.topic = kTopic;
    h.key = key;
    h.maxNum = 32;
    h.beginTimestamp = begin;
    h.endTimestamp = end;
    h.uniqueKeyQuery = unique;
    RemotingCommand cmd = RemotingCommand::request(RequestCode::QueryMessage, h.toExtFields());
    cmd.language = LanguageCode::JAVA;
    return cmd;
}

} // namespace

class TestSandboxQuery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void queryByKeyFindsWhatTheBrokerFound()
    {
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        QVERIFY(sbtest::replayRecordedProducer(sandbox, client));
        client.sendRaw(fixtures::frameBySeq(145)->bytes); // key "123", the whole time range
        auto reply = client.waitForResponse(113);
        QVERIFY(reply);
        const RemotingCommand recorded = sbtest::fixtureCommand(146);
        QCOMPARE(reply->code, recorded.code);
        QCOMPARE(extKeys(*reply), extKeys(recorded));
        const auto ours = sbtest::decodeStored(reply->body);
        const auto theirs = sbtest::decodeStored(recorded.body);
        QCOMPARE(ours.size(), 1);
        QCOMPARE(ours[0].rawProperties, theirs[0].rawProperties);
        QCOMPARE(ours[0].body, theirs[0].body);
        QCOMPARE(reply->field(QStringLiteral("indexLastUpdatePhyoffset")).toLongLong(),
                 sandbox.broker()->store().indexLastUpdatePhyOffset());
    }

    void everyKeyAndTheUniqueKeyAreIndexed_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("unique");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("first of two keys") << "k1" << false
                                           << QByteArray("\xe8\xa7\x86\xe9\xa2\x91"
                                                         "123");
        QTest::newRow("second of two keys") << "k2" << false
                                            << QByteArray("\xe8\xa7\x86\xe9\xa2\x91"
                                                          "123");
        QTest::newRow("batch member key") << "b2" << false << QByteArray("batch 2");
        QTest::newRow("unique key") << "FD00000000000000000000000000000236905FFD2B277709B0820000" << true
                                    << QByteArray("video 123 title changed");
        QTest::newRow("unique key of a batch member")
            << "FD00000000000000000000000000000236905FFD2B277709B0D60006" << true << QByteArray("batch 3");
    }

    void everyKeyAndTheUniqueKeyAreIndexed()
    {
        QFETCH(QString, key);
        QFETCH(bool, unique);
        QFETCH(QByteArray, body);
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        QVERIFY(sbtest::replayRecordedProducer(sandbox, client));
        auto reply = client.call(query(key, unique));
        QVERIFY(reply);
        QCOMPARE(reply->code, 0);
        const auto found = sbtest::decodeStored(reply->body);
        QCOMPARE(found.size(), 1);
        QVERIFY2(found[0].body.startsWith(body), found[0].body.constData());
    }

    void queryMissesAreQueryNotFound()
    {
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        QVERIFY(sbtest::replayRecordedProducer(sandbox, client));
        for (const auto &r : {query(QStringLiteral("no-such-key"), false),
                              query(QStringLiteral("123"), false, 0, 1000) /* long before it was stored */}) {
            auto reply = client.call(r);
            QVERIFY(reply);
            QCOMPARE(reply->code, int(ResponseCode::QueryNotFound));
            QCOMPARE(reply->remark.value_or(QString()),
                     QStringLiteral("can not find message, maybe time range not correct"));
            QCOMPARE(extKeys(*reply), extKeys(sbtest::fixtureCommand(146)));
        }
    }

    void viewByOffsetMsgId()
    {
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        auto sent = client.call(sbtest::sendV2(QStringLiteral("view-topic"), 0,
                                               QStringLiteral("KEYS\u0001v1\u0002TAGS\u0001T"), "viewed body"));
        QVERIFY(sent);
        const QString msgId = sent->field(QStringLiteral("msgId"));
        auto id = decodeOffsetMsgId(msgId);
        QVERIFY(id);
        QCOMPARE(id->storeHost.toString(), sandbox.brokerAddress());
        ViewMessageRequestHeader h;
        h.offset = id->commitLogOffset;
        auto reply = client.call(RemotingCommand::request(RequestCode::ViewMessageById, h.toExtFields()));
        QVERIFY(reply);
        QCOMPARE(reply->code, 0);
        const auto messages = sbtest::decodeStored(reply->body);
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages[0].offsetMsgId, msgId);
        QCOMPARE(messages[0].body, QByteArray("viewed body"));
        QCOMPARE(messages[0].keys(), QStringList{QStringLiteral("v1")});

        for (qint64 bad : {id->commitLogOffset + 1, qint64(1) << 40, qint64(-5)}) {
            h.offset = bad;
            auto miss = client.call(RemotingCommand::request(RequestCode::ViewMessageById, h.toExtFields()));
            QVERIFY(miss);
            QCOMPARE(miss->code, int(ResponseCode::SystemError));
            QCOMPARE(miss->remark.value_or(QString()),
                     QStringLiteral("can not find message by the offset, %1").arg(bad));
        }
    }

    void queueOffsetsMatchTheRecording()
    {
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        QVERIFY(sbtest::replayRecordedProducer(sandbox, client));
        // min (167/168), max (169/170) and search by an early time (171/172), byte for byte.
        for (const auto &[requestSeq, replySeq] : QList<QPair<int, int>>{{167, 168}, {169, 170}, {171, 172}}) {
            const RemotingCommand recorded = sbtest::fixtureCommand(replySeq);
            client.sendRaw(fixtures::frameBySeq(requestSeq)->bytes);
            auto reply = client.waitForResponse(recorded.opaque);
            QVERIFY(reply);
            QCOMPARE(frame::encode(*reply), fixtures::frameBySeq(replySeq)->bytes);
        }
    }

    void searchByTimeReturnsTheNearestMessage()
    {
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        QCOMPARE(sbtest::sendNumbered(client, QStringLiteral("timed"), 3), 3);
        const auto search = [&](qint64 timestamp) {
            SearchOffsetRequestHeader h;
            h.topic = QStringLiteral("timed");
            h.queueId = 0;
            h.timestamp = timestamp;
            auto reply = client.call(RemotingCommand::request(RequestCode::SearchOffsetByTimestamp, h.toExtFields()));
            return reply ? reply->field(QStringLiteral("offset")).toLongLong() : -1;
        };
        QCOMPARE(search(0), 0);
        // Later than everything: ConsumeQueue.getOffsetInQueueByTime answers the last message, not the end.
        QCOMPARE(search(std::numeric_limits<qint64>::max() / 2), 2);
        const qint64 t = sandbox.broker()->store().storeTimestamp(QStringLiteral("timed"), 0, 1);
        const qint64 found = search(t);
        QCOMPARE(sandbox.broker()->store().storeTimestamp(QStringLiteral("timed"), 0, found), t);

        GetMaxOffsetRequestHeader none;
        none.topic = QStringLiteral("never-written");
        auto max = client.call(RemotingCommand::request(RequestCode::GetMaxOffset, none.toExtFields()));
        QVERIFY(max);
        QCOMPARE(max->code, 0);
        QCOMPARE(max->field(QStringLiteral("offset")), QStringLiteral("0"));
    }

    void consumerOffsetsAreStoredAndQueried()
    {
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        QVERIFY(sbtest::replayRecordedProducer(sandbox, client));
        // A group that never committed reads 0, exactly as recorded (63 -> 71).
        client.sendRaw(fixtures::frameBySeq(63)->bytes);
        auto first = client.waitForResponse(33);
        QVERIFY(first);
        QCOMPARE(frame::encode(*first), fixtures::frameBySeq(71)->bytes);
        // The recorded oneway commits (130: queue 2 -> 4, 131: queue 3 -> 2), then read back.
        client.sendRaw(fixtures::frameBySeq(130)->bytes);
        client.sendRaw(fixtures::frameBySeq(131)->bytes);
        QTRY_COMPARE(sandbox.broker()->consumerOffsets().query(QStringLiteral("fixture-consumer"), kTopic, 3), 2);
        client.sendRaw(fixtures::frameBySeq(213)->bytes); // query queue 2 again (opaque 185)
        auto again = client.waitForResponse(185);
        QVERIFY(again);
        QCOMPARE(again->code, 0);
        QCOMPARE(again->field(QStringLiteral("offset")), QStringLiteral("4"));
        QVERIFY(client.serverRequests().isEmpty());    // oneway requests got no answer
        QCOMPARE(client.received().size(), 1 + 5 + 2); // create topic, 5 sends (not the oneway one), 2 queries
    }

    void topicStatsPerQueue()
    {
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        QVERIFY(sbtest::replayRecordedProducer(sandbox, client));
        auto reply = client.call(request(RequestCode::GetTopicStatsInfo, {{"topic", kTopic}}));
        QVERIFY(reply);
        QCOMPARE(reply->code, 0);
        auto body = json::parse(reply->body);
        QVERIFY(body);
        QMap<int, qint64> max;
        for (const auto &[mq, offsets] : (*body)["offsetTable"].members()) {
            QCOMPARE(mq["topic"].toString(), kTopic);
            const int q = int(mq["queueId"].toInt());
            max.insert(q, offsets["maxOffset"].toInt());
            QCOMPARE(offsets["minOffset"].toInt(), 0);
            QCOMPARE(offsets["lastUpdateTimestamp"].toInt(),
                     max[q] ? sandbox.broker()->store().storeTimestamp(kTopic, q, max[q] - 1) : 0);
        }
        // Recorded sends: queue 0 one message, 1 none yet (delayed), 2 four, 3 two.
        QCOMPARE(max, (QMap<int, qint64>{{0, 1}, {1, 0}, {2, 4}, {3, 2}}));
        auto missing = client.call(request(RequestCode::GetTopicStatsInfo, {{"topic", QStringLiteral("nope")}}));
        QVERIFY(missing);
        QCOMPARE(missing->code, int(ResponseCode::TopicNotExist));
        QCOMPARE(missing->remark.value_or(QString()), QStringLiteral("topic[nope] not exist"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxQuery)
#include "test_sandbox_query.moc"
