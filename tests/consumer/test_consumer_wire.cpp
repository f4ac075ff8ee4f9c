// What the PushConsumer puts on the wire, against a scripted fake broker: the pull header the
// Java 4.9.8 client sends (recorded frames), where a group without offsets starts, the commit
// offset riding on pulls, and correcting an offset below the queue's min offset.
#include "ClientInstance.h"
#include "FakeCluster.h"
#include "Headers.h"
#include "MessageCodec.h"
#include "PushConsumer.h"
#include "TestSupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using mq::PushConsumer;
using mq::PushConsumerOptions;
using mq::RemotingCommand;
using testing::await;
using testing::responseTo;

namespace {

constexpr int kWait = 20000;
const QString kTopic = QStringLiteral("fixture-topic");
const QString kGroup = QStringLiteral("wire-group");
const QString kRetry = QStringLiteral("%RETRY%wire-group");

RemotingCommand fixtureFrame(const char *name)
{
    QFile f(QStringLiteral(MQDESK_FIXTURES_DIR "/frames/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    auto cmd = mq::frame::decode(f.readAll());
    return cmd ? *cmd : RemotingCommand();
}

QStringList keys(const mq::ExtFields &f)
{
    QStringList out;
    for (const auto &e : f.entries())
        out.append(e.first);
    return out;
}

RemotingCommand offsetResponse(const RemotingCommand &request, qint64 offset)
{
    auto r = responseTo(request, 0);
    mq::OffsetResponseHeader h;
    h.offset = offset;
    r.extFields = h.toExtFields();
    return r;
}

RemotingCommand pullResponse(const RemotingCommand &request, mq::ResponseCode code, qint64 next, qint64 min, qint64 max)
{
    auto r = responseTo(request, int(code));
    mq::PullMessageResponseHeader h;
    h.nextBeginOffset = next;
    h.minOffset = min;
    h.maxOffset = max;
    r.extFields = h.toExtFields();
    return r;
}

// A broker that knows one consumer and answers the consumer's questions as scripted.
struct ScriptedBroker {
    std::optional<qint64> storedOffset; // QUERY_CONSUMER_OFFSET; none = QUERY_NOT_FOUND
    qint64 maxOffset = 7;
    qint64 timestampOffset = 3;
    QString clientId;
    int sendBackCode = 0; // CONSUMER_SEND_MSG_BACK answer
    // Answers pulls of the user topic; std::nullopt (the default) holds them like a long poll.
    std::function<std::optional<RemotingCommand>(const RemotingCommand &)> onPull;

    std::optional<RemotingCommand> answer(const RemotingCommand &request)
    {
        switch (static_cast<mq::RequestCode>(request.code)) {
        case mq::RequestCode::HeartBeat:
        case mq::RequestCode::UnregisterClient: {
            auto r = responseTo(request, 0);
            r.extFields = mq::ExtFields();
            return r;
        }
        case mq::RequestCode::GetConsumerListByGroup: {
            auto r = responseTo(request, 0);
            r.extFields = mq::ExtFields();
            r.body = mq::ConsumerIdList{{clientId}}.toJson();
            return r;
        }
        case mq::RequestCode::QueryConsumerOffset:
            if (!storedOffset)
                return responseTo(request, int(mq::ResponseCode::QueryNotFound),
                                  QStringLiteral("Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first"));
            return offsetResponse(request, *storedOffset);
        case mq::RequestCode::GetMaxOffset: return offsetResponse(request, maxOffset);
        case mq::RequestCode::SearchOffsetByTimestamp: return offsetResponse(request, timestampOffset);
        case mq::RequestCode::PullMessage:
            if (request.field(QStringLiteral("topic")) == kTopic && onPull)
                return onPull(request);
            return std::nullopt; // held, like a long poll with nothing to say
        case mq::RequestCode::ConsumerSendMsgBack:
            return responseTo(request, sendBackCode,
                              sendBackCode ? std::optional(QStringLiteral("busy")) : std::nullopt);
        case mq::RequestCode::UpdateConsumerOffset: return std::nullopt; // oneway
        default: return responseTo(request, int(mq::ResponseCode::RequestCodeNotSupported));
        }
    }
};

} // namespace

class TestConsumerWire : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pullHeaderMatchesJavaClient();
    void startsWhereConsumeFromSays_data();
    void startsWhereConsumeFromSays();
    void commitOffsetRidesOnTheNextPull();
    void offsetBelowMinIsCorrectedWithEvent();
    void failedSendBackRedeliversLocally();

private:
    void start(PushConsumerOptions options = {});
    QList<RemotingCommand> pulls(const QString &topic) const;

    std::unique_ptr<testing::FakeCluster> m_cluster;
    ScriptedBroker m_broker;
    std::unique_ptr<mq::ClientInstance> m_client;
    std::unique_ptr<PushConsumer> m_consumer;
};

void TestConsumerWire::init()
{
    m_cluster = std::make_unique<testing::FakeCluster>();
    m_cluster->addTopic(kTopic, 4);
    m_cluster->addTopic(kRetry, 1);
    m_broker = ScriptedBroker();
    m_cluster->broker(0).setResponder([this](const RemotingCommand &r) { return m_broker.answer(r); });
}

void TestConsumerWire::cleanup()
{
    if (m_consumer)
        await(m_consumer->shutdown());
    if (m_client)
        await(m_client->shutdown());
    m_consumer.reset();
    m_client.reset();
    m_cluster.reset();
}

void TestConsumerWire::start(PushConsumerOptions options)
{
    mq::ClientConfig config;
    config.nameServer = m_cluster->nameServer().address();
    m_client = std::make_unique<mq::ClientInstance>(config);
    m_broker.clientId = m_client->clientId();
    m_consumer = std::make_unique<PushConsumer>(kGroup, m_client.get(), options);
    QVERIFY(m_consumer->subscribe(kTopic, QStringLiteral("TagA || TagB")).ok());
    auto st = await(m_consumer->start());
    QVERIFY2(st && st->ok(), testing::why(*st).constData());
}

QList<RemotingCommand> TestConsumerWire::pulls(const QString &topic) const
{
    QList<RemotingCommand> out;
    for (const auto &r : m_cluster->broker(0).receivedWithCode(int(mq::RequestCode::PullMessage)))
        if (r.field(QStringLiteral("topic")) == topic)
            out.append(r);
    return out;
}

void TestConsumerWire::pullHeaderMatchesJavaClient()
{
    // Frame 91: the Java push consumer's first pull of fixture-topic queue 0.
    const RemotingCommand java = fixtureFrame("00091-broker18-c2s.bin");
    QCOMPARE(java.code, int(mq::RequestCode::PullMessage));
    m_broker.storedOffset = 0;
    start();
    QTRY_COMPARE_WITH_TIMEOUT(pulls(kTopic).size(), 4, kWait);
    RemotingCommand ours;
    for (const auto &p : pulls(kTopic))
        if (p.field(QStringLiteral("queueId")) == u"0")
            ours = p;
    QVERIFY(ours.extFields);
    // Same fields in the same wire order...
    QCOMPARE(keys(*ours.extFields), keys(*java.extFields));
    // ... with the same values except who is asking.
    for (const auto &[key, value] : java.extFields->entries()) {
        if (key == u"consumerGroup" || key == u"subVersion")
            continue;
        QCOMPARE(ours.field(key), value);
    }
    QCOMPARE(ours.field(QStringLiteral("consumerGroup")), kGroup);
    QCOMPARE(ours.language, mq::LanguageCode::JAVA);
    QCOMPARE(ours.version, java.version);
    // subVersion is the subscription's creation time, as the Java client stamps it.
    const qint64 subVersion = ours.field(QStringLiteral("subVersion")).toLongLong();
    QVERIFY(qAbs(QDateTime::currentMSecsSinceEpoch() - subVersion) < 60000);
}

void TestConsumerWire::startsWhereConsumeFromSays_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<qint64>("topicOffset");
    QTest::addColumn<qint64>("retryOffset");
    QTest::addColumn<bool>("searched");
    // No stored offset (QUERY_NOT_FOUND): RebalancePushImpl.computePullFromWhere.
    QTest::newRow("last: max offset; retry topic from 0")
        << int(mq::ConsumeStart::LastOffset) << qint64(7) << qint64(0) << false;
    QTest::newRow("first: 0") << int(mq::ConsumeStart::FirstOffset) << qint64(0) << qint64(0) << false;
    QTest::newRow("timestamp: searched; retry topic from max")
        << int(mq::ConsumeStart::Timestamp) << qint64(3) << qint64(7) << true;
}

void TestConsumerWire::startsWhereConsumeFromSays()
{
    QFETCH(int, from);
    QFETCH(qint64, topicOffset);
    QFETCH(qint64, retryOffset);
    QFETCH(bool, searched);
    PushConsumerOptions options;
    options.consumeFrom = mq::ConsumeStart(from);
    options.consumeTimestamp =
        QDateTime::fromString(QStringLiteral("20261124021523"), QStringLiteral("yyyyMMddHHmmss"));
    start(options);
    QTRY_COMPARE_WITH_TIMEOUT(pulls(kTopic).size(), 4, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(pulls(kRetry).size(), 1, kWait);
    for (const auto &p : pulls(kTopic))
        QCOMPARE(p.field(QStringLiteral("queueOffset")).toLongLong(), topicOffset);
    QCOMPARE(pulls(kRetry).first().field(QStringLiteral("queueOffset")).toLongLong(), retryOffset);
    const auto searches = m_cluster->broker(0).receivedWithCode(int(mq::RequestCode::SearchOffsetByTimestamp));
    QCOMPARE(!searches.isEmpty(), searched);
    for (const auto &s : searches)
        QCOMPARE(s.field(QStringLiteral("timestamp")).toLongLong(), options.consumeTimestamp.toMSecsSinceEpoch());
}

void TestConsumerWire::commitOffsetRidesOnTheNextPull()
{
    m_broker.storedOffset = 0;
    // Each queue's first pull hears "nothing new, next is 9"; later ones are held.
    m_broker.onPull = [](const RemotingCommand &r) -> std::optional<RemotingCommand> {
        if (r.field(QStringLiteral("queueOffset")) == u"0")
            return pullResponse(r, mq::ResponseCode::PullNotFound, 9, 0, 9);
        return std::nullopt;
    };
    start();
    QTRY_COMPARE_WITH_TIMEOUT(pulls(kTopic).size(), 8, kWait);
    const RemotingCommand java = fixtureFrame("00128-broker18-c2s.bin");
    QCOMPARE(java.field(QStringLiteral("sysFlag")), QStringLiteral("3"));
    for (int queueId = 0; queueId < 4; ++queueId) {
        QList<RemotingCommand> mine;
        for (const auto &p : pulls(kTopic))
            if (p.field(QStringLiteral("queueId")).toInt() == queueId)
                mine.append(p);
        QCOMPARE(mine.size(), 2);
        QCOMPARE(mine[0].field(QStringLiteral("sysFlag")), QStringLiteral("2"));
        QCOMPARE(mine[0].field(QStringLiteral("commitOffset")), QStringLiteral("0"));
        // Like frame 128 of the recording: commit flag set, the offset it commits, the next offset.
        QCOMPARE(mine[1].field(QStringLiteral("sysFlag")), QStringLiteral("3"));
        QCOMPARE(mine[1].field(QStringLiteral("commitOffset")), QStringLiteral("9"));
        QCOMPARE(mine[1].field(QStringLiteral("queueOffset")), QStringLiteral("9"));
        QCOMPARE(keys(*mine[1].extFields), keys(*java.extFields));
    }
    // The periodic / shutdown commit is UPDATE_CONSUMER_OFFSET, oneway, bname before commitOffset.
    await(m_consumer->persistOffsets());
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_cluster->broker(0).receivedWithCode(int(mq::RequestCode::UpdateConsumerOffset)).isEmpty(), kWait);
    const auto update = m_cluster->broker(0).receivedWithCode(int(mq::RequestCode::UpdateConsumerOffset)).first();
    QVERIFY(update.isOneway());
    QCOMPARE(keys(*update.extFields), keys(*fixtureFrame("00130-broker18-c2s.bin").extFields));
}

void TestConsumerWire::offsetBelowMinIsCorrectedWithEvent()
{
    m_broker.storedOffset = 2; // committed long ago; the broker has since deleted up to 5
    m_broker.onPull = [](const RemotingCommand &r) -> std::optional<RemotingCommand> {
        if (r.field(QStringLiteral("queueOffset")) == u"2")
            return pullResponse(r, mq::ResponseCode::PullOffsetMoved, 5, 5, 10);
        return std::nullopt;
    };
    mq::ClientConfig config;
    config.nameServer = m_cluster->nameServer().address();
    m_client = std::make_unique<mq::ClientInstance>(config);
    m_broker.clientId = m_client->clientId();
    m_consumer = std::make_unique<PushConsumer>(kGroup, m_client.get());
    QVERIFY(m_consumer->subscribe(kTopic).ok());
    QSignalSpy corrected(m_consumer.get(), &PushConsumer::offsetCorrected);
    QSignalSpy events(m_consumer.get(), &PushConsumer::consumerEvent);
    auto st = await(m_consumer->start());
    QVERIFY(st && st->ok());
    QTRY_COMPARE_WITH_TIMEOUT(corrected.size(), 4, kWait);
    for (const auto &args : corrected) {
        QCOMPARE(args.at(1).toLongLong(), qint64(2));
        QCOMPARE(args.at(2).toLongLong(), qint64(5));
        QVERIFY2(args.at(3).toString().contains(QStringLiteral("below the queue's min offset 5")),
                 qPrintable(args.at(3).toString()));
    }
    // Pulling goes on from the corrected offset, and the correction is committed at once.
    QTRY_COMPARE_WITH_TIMEOUT(pulls(kTopic).size(), 8, kWait);
    for (int queueId = 0; queueId < 4; ++queueId) {
        QStringList offsets;
        for (const auto &p : pulls(kTopic))
            if (p.field(QStringLiteral("queueId")).toInt() == queueId)
                offsets.append(p.field(QStringLiteral("queueOffset")));
        QCOMPARE(offsets, (QStringList{QStringLiteral("2"), QStringLiteral("5")}));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        m_cluster->broker(0).receivedWithCode(int(mq::RequestCode::UpdateConsumerOffset)).size() >= 4, kWait);
    for (const auto &u : m_cluster->broker(0).receivedWithCode(int(mq::RequestCode::UpdateConsumerOffset)))
        QCOMPARE(u.field(QStringLiteral("commitOffset")), QStringLiteral("5"));
    int correctedEvents = 0;
    for (const auto &args : events)
        correctedEvents += args.at(0).value<mq::ConsumerEvent>().kind == mq::ConsumerEvent::Kind::OffsetCorrected;
    QCOMPARE(correctedEvents, 4);
}

void TestConsumerWire::failedSendBackRedeliversLocally()
{
    m_broker.storedOffset = 0;
    m_broker.sendBackCode = int(mq::ResponseCode::SystemBusy);
    mq::MessageExt stored;
    stored.topic = kTopic;
    stored.queueId = 0;
    stored.queueOffset = 0;
    stored.commitLogOffset = 4242;
    stored.bornHost = {QHostAddress(QStringLiteral("127.0.0.1")), 50000};
    stored.storeHost = {QHostAddress(QStringLiteral("127.0.0.1")), m_cluster->broker(0).port()};
    stored.setTags(QStringLiteral("TagA"));
    stored.properties.insert(mq::prop::UniqueClientMessageId, QStringLiteral("7F0000010000000000000000000000AA"));
    stored.body = "fails once";
    stored.bodyCrc = mq::bodyCrc32(stored.body);
    const QByteArray body = mq::encodeStoredMessage(stored);
    m_broker.onPull = [body](const RemotingCommand &r) -> std::optional<RemotingCommand> {
        if (r.field(QStringLiteral("queueId")) != u"0" || r.field(QStringLiteral("queueOffset")) != u"0")
            return std::nullopt;
        auto found = pullResponse(r, mq::ResponseCode::Success, 1, 0, 1);
        found.body = body;
        return found;
    };
    PushConsumerOptions options;
    options.reconsumeDelayWhenSendBackFails = std::chrono::milliseconds(100);
    mq::ClientConfig config;
    config.nameServer = m_cluster->nameServer().address();
    m_client = std::make_unique<mq::ClientInstance>(config);
    m_broker.clientId = m_client->clientId();
    m_consumer = std::make_unique<PushConsumer>(kGroup, m_client.get(), options);
    QVERIFY(m_consumer->subscribe(kTopic).ok());
    int calls = 0;
    m_consumer->setHandler([&calls](const mq::MessageExt &m) {
        ++calls;
        return m.body == "fails once" && calls == 1 ? mq::ConsumeResult::RetryLater : mq::ConsumeResult::Success;
    });
    QSignalSpy events(m_consumer.get(), &PushConsumer::consumerEvent);
    const mq::MessageQueue q0{kTopic, QStringLiteral("broker-a"), 0};
    auto st = await(m_consumer->start());
    QVERIFY(st && st->ok());
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, kWait);
    // The broker refused to take it back: it stays ours, uncommitted, and comes again locally.
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_cluster->broker(0).receivedWithCode(int(mq::RequestCode::ConsumerSendMsgBack)).isEmpty(), kWait);
    const auto back = m_cluster->broker(0).receivedWithCode(int(mq::RequestCode::ConsumerSendMsgBack)).first();
    // Fields as the Java client fills them (frame 104 of the recording).
    QCOMPARE(keys(*back.extFields), keys(*fixtureFrame("00104-broker18-c2s.bin").extFields));
    QCOMPARE(back.field(QStringLiteral("offset")), QStringLiteral("4242"));
    QCOMPARE(back.field(QStringLiteral("originMsgId")), QStringLiteral("7F0000010000000000000000000000AA"));
    QCOMPARE(back.field(QStringLiteral("originTopic")), kTopic);
    QCOMPARE(back.field(QStringLiteral("maxReconsumeTimes")), QStringLiteral("16"));
    QCOMPARE(back.field(QStringLiteral("delayLevel")), QStringLiteral("0"));
    QVERIFY(m_consumer->committedOffset(q0).value_or(0) == 0);
    QTRY_COMPARE_WITH_TIMEOUT(calls, 2, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(m_consumer->committedOffset(q0).value_or(-1), qint64(1), kWait);
    bool worded = false;
    for (const auto &args : events) {
        const auto e = args.at(0).value<mq::ConsumerEvent>();
        worded = worded || (e.kind == mq::ConsumerEvent::Kind::SendBackFailed &&
                            e.message.contains(QStringLiteral("7F0000010000000000000000000000AA")));
    }
    QVERIFY(worded);
}

QTEST_GUILESS_MAIN(TestConsumerWire)
#include "test_consumer_wire.moc"
