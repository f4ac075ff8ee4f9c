// PushConsumer against the in-process sandbox (name server + broker on 127.0.0.1): group
// splits, broadcasting, retry through %RETRY%, online reset, broker restart, offset
// correction, tag filtering, flow control, commits, and the calls the broker makes.
#include "Broker.h"
#include "ClientInstance.h"
#include "Completion.h"
#include "Headers.h"
#include "MessageCodec.h"
#include "Producer.h"
#include "PushConsumer.h"
#include "Sandbox.h"
#include "TestSupport.h"

#include <QCoro/QCoroSignal>
#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;
using mq::ConsumeResult;
using mq::MessageExt;
using mq::MessageQueue;
using mq::PushConsumer;
using mq::PushConsumerOptions;
using mq::RemotingCommand;
using testing::await;
using testing::why;

namespace {

constexpr int kWait = 20000; // ms, generous: the machine is shared

const QString kTopic = QStringLiteral("orders");

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// One consumer instance: its own client (its own client id), what its handler saw.
struct Member {
    std::unique_ptr<mq::ClientInstance> client;
    std::unique_ptr<PushConsumer> consumer;
    QStringList ids;           // msgId of every message handed to the handler, in order
    QList<MessageExt> handled; // the messages themselves

    QList<MessageQueue> queuesOf(const QString &topic) const
    {
        QList<MessageQueue> out;
        for (const auto &q : consumer->assignedQueues())
            if (q.topic == topic)
                out.append(q);
        return out;
    }
};

QSet<QString> toSet(const QStringList &l)
{
    return QSet<QString>(l.cbegin(), l.cend());
}

} // namespace

class TestPushConsumer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void twoConsumersSplitQueuesExactlyOnce();
    void broadcastingDeliversAllToBoth();
    void retryLaterReturnsViaRetryTopic();
    void resetWhileRunningMovesLiveConsumer();
    void brokerRestartLosesNothing();
    void offsetCorrectionWhenStoredOffsetAboveMax();
    void tagExpressionFiltersWithClientRecheck();
    void flowControlPausesAFullQueue();
    void offsetsCommittedOnShutdownAndResumed();
    void suspendHoldsMessagesUntilResume();
    void throughputFiveThousand();
    void periodicRebalanceFollowsNewQueues();
    void answersRunningInfoStatusAndConsumeDirectly();
    void rejectsBadSetups();

private:
    void startSandbox(mq::sandbox::SandboxOptions options = {});
    void createTopic(const QString &topic, int queues);
    // Sends `count` messages and returns their msgIds.
    QStringList send(int count, const QString &tags = QStringLiteral("TagA"), const QString &topic = kTopic);
    std::unique_ptr<Member> member(const QString &group, const QString &instance, PushConsumerOptions options = {},
                                   const QString &expression = QStringLiteral("*"), bool start = true);
    std::optional<RemotingCommand> adminCall(RemotingCommand request);
    qint64 brokerOffset(const QString &group, int queueId);

    std::unique_ptr<mq::sandbox::Sandbox> m_sandbox;
    std::unique_ptr<mq::ClientInstance> m_producerClient;
    std::unique_ptr<mq::Producer> m_producer;
    std::vector<std::unique_ptr<Member>> m_members;
};

void TestPushConsumer::startSandbox(mq::sandbox::SandboxOptions options)
{
    m_sandbox = std::make_unique<mq::sandbox::Sandbox>(options);
    auto started = m_sandbox->start();
    QVERIFY2(started.ok(), why(started).constData());
    mq::ClientConfig config;
    config.nameServer = m_sandbox->nameServerAddress();
    config.instanceName = QStringLiteral("producer");
    m_producerClient = std::make_unique<mq::ClientInstance>(config);
    m_producer = std::make_unique<mq::Producer>(m_producerClient.get(), QStringLiteral("test-producer"));
    auto st = await(m_producer->start());
    QVERIFY2(st && st->ok(), why(*st).constData());
    createTopic(kTopic, 4);
}

void TestPushConsumer::cleanup()
{
    for (auto &m : m_members) {
        await(m->consumer->shutdown());
        await(m->client->shutdown());
    }
    m_members.clear();
    if (m_producer)
        await(m_producer->shutdown());
    if (m_producerClient)
        await(m_producerClient->shutdown());
    m_producer.reset();
    m_producerClient.reset();
    m_sandbox.reset();
}

void TestPushConsumer::createTopic(const QString &topic, int queues)
{
    mq::CreateTopicRequestHeader h;
    h.topic = topic;
    h.readQueueNums = queues;
    h.writeQueueNums = queues;
    auto r = await(m_producerClient->invoke(
        m_sandbox->brokerAddress(0), RemotingCommand::request(mq::RequestCode::UpdateAndCreateTopic, h.toExtFields())));
    QVERIFY2(r && r->ok(), why(*r).constData());
    QCOMPARE((*r)->code, 0);
}

QStringList TestPushConsumer::send(int count, const QString &tags, const QString &topic)
{
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        mq::Message m;
        m.topic = topic;
        m.body = QStringLiteral("message %1 tagged %2").arg(i).arg(tags).toUtf8();
        if (!tags.isEmpty())
            m.setTags(tags);
        auto r = await(m_producer->send(m));
        if (!r || !r->ok()) {
            qWarning() << "send failed:" << why(*r);
            return ids;
        }
        ids.append((*r)->msgId);
    }
    return ids;
}

std::unique_ptr<Member> TestPushConsumer::member(const QString &group, const QString &instance,
                                                 PushConsumerOptions options, const QString &expression, bool start)
{
    auto m = std::make_unique<Member>();
    mq::ClientConfig config;
    config.nameServer = m_sandbox->nameServerAddress();
    config.instanceName = instance;
    m->client = std::make_unique<mq::ClientInstance>(config);
    m->consumer = std::make_unique<PushConsumer>(group, m->client.get(), options);
    auto subscribed = m->consumer->subscribe(kTopic, expression);
    if (!subscribed.ok())
        qWarning() << why(subscribed);
    Member *raw = m.get();
    m->consumer->setHandler([raw](const MessageExt &msg) {
        raw->ids.append(msg.msgId());
        raw->handled.append(msg);
        return ConsumeResult::Success;
    });
    if (start) {
        auto st = await(m->consumer->start());
        if (!st || !st->ok())
            qWarning() << "start failed:" << why(*st);
    }
    return m;
}

std::optional<RemotingCommand> TestPushConsumer::adminCall(RemotingCommand request)
{
    auto r = await(m_producerClient->invoke(m_sandbox->brokerAddress(0), std::move(request), 10s));
    if (!r || !r->ok())
        return std::nullopt;
    return **r;
}

qint64 TestPushConsumer::brokerOffset(const QString &group, int queueId)
{
    mq::QueryConsumerOffsetRequestHeader h;
    h.consumerGroup = group;
    h.topic = kTopic;
    h.queueId = queueId;
    auto r = adminCall(RemotingCommand::request(mq::RequestCode::QueryConsumerOffset, h.toExtFields()));
    if (!r || r->code != 0)
        return -1;
    return r->field(QStringLiteral("offset")).toLongLong();
}

// ---- the group splits the queues -----------------------------------------------------------

void TestPushConsumer::twoConsumersSplitQueuesExactlyOnce()
{
    startSandbox();
    const QString group = QStringLiteral("split-group");
    m_members.push_back(member(group, QStringLiteral("c1")));
    Member &c1 = *m_members.back();
    QTRY_COMPARE_WITH_TIMEOUT(c1.queuesOf(kTopic).size(), 4, kWait); // alone: everything

    QSignalSpy c1Changed(c1.consumer.get(), &PushConsumer::queuesChanged);
    m_members.push_back(member(group, QStringLiteral("c2")));
    Member &c2 = *m_members.back();
    // c2's heartbeat makes the broker send NOTIFY_CONSUMER_IDS_CHANGED; c1 gives up two queues.
    QTRY_COMPARE_WITH_TIMEOUT(c2.queuesOf(kTopic).size(), 2, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(c1.queuesOf(kTopic).size(), 2, kWait);
    QVERIFY(!c1Changed.isEmpty());
    const auto q1 = c1.queuesOf(kTopic), q2 = c2.queuesOf(kTopic);
    QCOMPARE(QSet<MessageQueue>(q1.cbegin(), q1.cend()).intersect(QSet<MessageQueue>(q2.cbegin(), q2.cend())).size(),
             0);
    // The retry queue goes to exactly one of them.
    const QString retry = QStringLiteral("%RETRY%") + group;
    QTRY_COMPARE_WITH_TIMEOUT(c1.queuesOf(retry).size() + c2.queuesOf(retry).size(), 1, kWait);

    const QStringList sent = send(100);
    QCOMPARE(sent.size(), 100);
    QTRY_COMPARE_WITH_TIMEOUT(c1.ids.size() + c2.ids.size(), 100, kWait);
    const QSet<QString> a = toSet(c1.ids), b = toSet(c2.ids);
    QCOMPARE(a.size(), c1.ids.size()); // no duplicates within one
    QCOMPARE(b.size(), c2.ids.size());
    QVERIFY(!a.intersects(b));    // none delivered to both
    QCOMPARE(a + b, toSet(sent)); // every message delivered
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    // Each message came from a queue of its consumer.
    for (const MessageExt &m : c1.handled)
        QVERIFY(q1.contains(MessageQueue{kTopic, QStringLiteral("broker-a"), m.queueId}));
    QTest::qWait(300); // nothing more arrives later (a late duplicate would show here)
    QCOMPARE(c1.ids.size() + c2.ids.size(), 100);
}

void TestPushConsumer::broadcastingDeliversAllToBoth()
{
    startSandbox();
    QTemporaryDir dir;
    PushConsumerOptions o1, o2;
    o1.mode = o2.mode = mq::ConsumeMode::Broadcasting;
    o1.offsetStorePath = dir.filePath(QStringLiteral("one/offsets.json"));
    o2.offsetStorePath = dir.filePath(QStringLiteral("two/offsets.json"));
    const QString group = QStringLiteral("broadcast-group");
    m_members.push_back(member(group, QStringLiteral("b1"), o1));
    m_members.push_back(member(group, QStringLiteral("b2"), o2));
    Member &b1 = *m_members[0], &b2 = *m_members[1];
    QTRY_COMPARE_WITH_TIMEOUT(b1.queuesOf(kTopic).size(), 4, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(b2.queuesOf(kTopic).size(), 4, kWait);
    QVERIFY(b1.queuesOf(QStringLiteral("%RETRY%") + group).isEmpty()); // no retry topic in broadcasting

    const QStringList sent = send(40);
    QTRY_COMPARE_WITH_TIMEOUT(b1.ids.size(), 40, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(b2.ids.size(), 40, kWait);
    QCOMPARE(toSet(b1.ids), toSet(sent));
    QCOMPARE(toSet(b2.ids), toSet(sent));

    // Offsets went to each instance's own file, none to the broker.
    await(b1.consumer->shutdown());
    await(b2.consumer->shutdown());
    for (const QString &path : {o1.offsetStorePath, o2.offsetStorePath}) {
        auto offsets = mq::LocalFileOffsetStore(path).readFile();
        QVERIFY2(offsets.ok(), why(offsets).constData());
        qint64 total = 0;
        for (qint64 v : *offsets)
            total += v;
        QCOMPARE(total, qint64(40));
    }
    for (int q = 0; q < 4; ++q)
        QVERIFY(brokerOffset(group, q) <= 0);
}

// ---- retry ---------------------------------------------------------------------------------

void TestPushConsumer::retryLaterReturnsViaRetryTopic()
{
    mq::sandbox::SandboxOptions options;
    options.broker.delayTimeScale = 0.001; // delay level 3 (10 s) in 10 ms
    startSandbox(options);
    const QString group = QStringLiteral("retry-group");
    m_members.push_back(member(group, QStringLiteral("r1"), {}, QStringLiteral("*"), false));
    Member &r = *m_members.back();
    QList<MessageExt> seen;
    r.consumer->setHandler([&seen](const MessageExt &m) {
        seen.append(m);
        return m.reconsumeTimes == 0 ? ConsumeResult::RetryLater : ConsumeResult::Success;
    });
    QSignalSpy consumed(r.consumer.get(), &PushConsumer::messageConsumed);
    auto st = await(r.consumer->start());
    QVERIFY(st && st->ok());
    QTRY_COMPARE_WITH_TIMEOUT(r.queuesOf(QStringLiteral("%RETRY%") + group).size(), 1, kWait);

    const QStringList sent = send(3);
    QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 6, kWait);
    QCOMPARE(consumed.size(), 6);
    for (const QString &id : sent) {
        QList<MessageExt> copies;
        for (const auto &m : seen)
            if (m.msgId() == id)
                copies.append(m);
        QCOMPARE(copies.size(), 2);
        QCOMPARE(copies[0].reconsumeTimes, 0);
        QCOMPARE(copies[1].reconsumeTimes, 1);
        // The second copy came through %RETRY%<group>, back under its own topic.
        QCOMPARE(copies[1].topic, kTopic);
        QCOMPARE(copies[1].properties.value(mq::prop::RetryTopic), kTopic);
        QCOMPARE(copies[1].body, copies[0].body);
        QCOMPARE(copies[1].tags(), QStringLiteral("TagA"));
    }
    QCOMPARE(consumed.at(0).at(1).value<ConsumeResult>(), ConsumeResult::RetryLater);
    // Both the original queue and the retry queue are committed past everything.
    QTRY_VERIFY_WITH_TIMEOUT(
        await(r.consumer->persistOffsets()) &&
            brokerOffset(group, 0) + brokerOffset(group, 1) + brokerOffset(group, 2) + brokerOffset(group, 3) == 3,
        kWait);
}

// ---- online reset --------------------------------------------------------------------------

void TestPushConsumer::resetWhileRunningMovesLiveConsumer()
{
    startSandbox();
    const QString group = QStringLiteral("reset-group");
    PushConsumerOptions options;
    options.persistInterval = 200ms;
    m_members.push_back(member(group, QStringLiteral("x1"), options));
    Member &x = *m_members.back();
    QTRY_COMPARE_WITH_TIMEOUT(x.queuesOf(kTopic).size(), 4, kWait);
    const QStringList sent = send(20);
    QTRY_COMPARE_WITH_TIMEOUT(x.ids.size(), 20, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(brokerOffset(group, 0) + brokerOffset(group, 1) + brokerOffset(group, 2) +
                                  brokerOffset(group, 3),
                              qint64(20), kWait);

    QSignalSpy resets(x.consumer.get(), &PushConsumer::offsetReset);
    QSignalSpy events(x.consumer.get(), &PushConsumer::consumerEvent);
    // What mqadmin resetOffsetByTime does: INVOKE_BROKER_TO_RESET_OFFSET; the broker tells the
    // live consumer (RESET_CONSUMER_CLIENT_OFFSET).
    mq::ResetOffsetRequestHeader h;
    h.topic = kTopic;
    h.group = group;
    h.timestamp = 0; // the beginning
    h.isForce = true;
    auto r = adminCall(RemotingCommand::request(mq::RequestCode::InvokeBrokerToResetOffset, h.toExtFields()));
    QVERIFY(r);
    QCOMPARE(r->code, 0);
    QTRY_COMPARE_WITH_TIMEOUT(resets.size(), 4, kWait);
    qint64 movedBack = 0;
    for (const auto &args : resets) {
        QCOMPARE(args.at(2).toLongLong(), qint64(0));
        movedBack += args.at(1).toLongLong();
    }
    QCOMPARE(movedBack, qint64(20)); // from the committed offsets
    // The live consumer starts over: every message comes again.
    QTRY_COMPARE_WITH_TIMEOUT(x.ids.size(), 40, kWait);
    QCOMPARE(toSet(x.ids.mid(20)), toSet(sent));
    bool worded = false;
    for (const auto &args : events) {
        const auto e = args.at(0).value<mq::ConsumerEvent>();
        worded =
            worded || (e.kind == mq::ConsumerEvent::Kind::OffsetReset && e.message.contains(QStringLiteral("reset")));
    }
    QVERIFY(worded);
}

// ---- broker restart ------------------------------------------------------------------------

void TestPushConsumer::brokerRestartLosesNothing()
{
    QTemporaryDir data;
    mq::sandbox::SandboxOptions options;
    options.nameServerPort = freePort();
    options.broker.port = freePort();
    options.broker.dataDir = data.path();
    startSandbox(options);
    const QString group = QStringLiteral("restart-group");
    // Small caches and a handler held shut: when the broker dies most messages are still on
    // it, unpulled, and some are pulled but not consumed.
    PushConsumerOptions co;
    co.pullDelayOnError = 200ms;
    co.persistInterval = 200ms;
    co.pullThresholdForQueue = 2;
    co.pullBatchSize = 1;
    co.consumeConcurrency = 1;
    m_members.push_back(member(group, QStringLiteral("k1"), co, QStringLiteral("*"), false));
    Member &k = *m_members.back();
    bool open = false;
    mq::Completion<bool> gate; // opened once, wakes every waiting handler
    k.consumer->setAsyncHandler([&](MessageExt m) -> QCoro::Task<ConsumeResult> {
        while (!open)
            co_await gate;
        k.ids.append(m.msgId());
        co_return ConsumeResult::Success;
    });
    QSignalSpy connection(k.consumer.get(), &PushConsumer::connectionChanged);
    QSignalSpy corrected(k.consumer.get(), &PushConsumer::offsetCorrected);
    auto st = await(k.consumer->start());
    QVERIFY(st && st->ok());
    QTRY_COMPARE_WITH_TIMEOUT(k.queuesOf(kTopic).size(), 4, kWait);

    QStringList sent = send(30);
    QTRY_VERIFY_WITH_TIMEOUT(k.consumer->cachedMessageCount() >= 4, kWait);
    QVERIFY(k.consumer->cachedMessageCount() < 30);

    // Stop the broker (it flushes its data dir) and start a new one on the same port and
    // data, as a restarted process would.
    mq::sandbox::Broker *old = m_sandbox->broker(0);
    const QString address = old->address();
    old->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!connection.isEmpty(), kWait);
    QCOMPARE(connection.first().at(0).toString(), address);
    QCOMPARE(connection.first().at(1).toBool(), false);
    QVERIFY(connection.first().at(2).toString().contains(address));
    mq::sandbox::Broker restarted(old->options());
    restarted.attachNameServer(m_sandbox->nameServer());
    auto up = restarted.start();
    QVERIFY2(up.ok(), why(up).constData());
    QCOMPARE(restarted.address(), address);

    open = true;
    gate.complete(true);
    QTRY_VERIFY_WITH_TIMEOUT(connection.size() >= 2 && connection.last().at(1).toBool(), kWait);
    QVERIFY(connection.last().at(2).toString().contains(QStringLiteral("Reconnected")));
    sent += send(30);
    QCOMPARE(sent.size(), 60);
    QTRY_VERIFY_WITH_TIMEOUT(toSet(k.ids).contains(toSet(sent)), kWait);
    QVERIFY(corrected.isEmpty()); // pulls resumed where they were: the broker still had every offset
    const qsizetype duplicates = k.ids.size() - toSet(k.ids).size();
    qInfo("broker restart: %lld sent, %lld handled, %lld redelivered", qlonglong(sent.size()), qlonglong(k.ids.size()),
          qlonglong(duplicates));
    await(k.consumer->shutdown());
    restarted.stop();
}

// ---- offset correction ---------------------------------------------------------------------

void TestPushConsumer::offsetCorrectionWhenStoredOffsetAboveMax()
{
    startSandbox();
    const QString group = QStringLiteral("correct-group");
    const QStringList sent = send(12);
    // The group's stored offsets are far beyond what the queues hold (a queue recreated, a
    // bad manual reset...).
    for (int q = 0; q < 4; ++q) {
        mq::UpdateConsumerOffsetRequestHeader h;
        h.consumerGroup = group;
        h.topic = kTopic;
        h.queueId = q;
        h.commitOffset = 500;
        h.brokerName = QStringLiteral("broker-a");
        auto r = adminCall(RemotingCommand::request(mq::RequestCode::UpdateConsumerOffset, h.toExtFields()));
        QVERIFY(r);
    }
    QTRY_COMPARE_WITH_TIMEOUT(brokerOffset(group, 3), qint64(500), kWait);

    m_members.push_back(member(group, QStringLiteral("o1"), {}, QStringLiteral("*"), false));
    Member &o = *m_members.back();
    QSignalSpy corrected(o.consumer.get(), &PushConsumer::offsetCorrected);
    auto st = await(o.consumer->start());
    QVERIFY(st && st->ok());
    QTRY_COMPARE_WITH_TIMEOUT(corrected.size(), 4, kWait);
    for (const auto &args : corrected) {
        QCOMPARE(args.at(1).toLongLong(), qint64(500));
        QCOMPARE(args.at(2).toLongLong(), qint64(0)); // the broker moves it to min offset 0
        const QString words = args.at(3).toString();
        QVERIFY2(words.contains(QStringLiteral("above the queue's max offset")), qPrintable(words));
        QVERIFY2(words.contains(QStringLiteral("500")), qPrintable(words));
    }
    QTRY_COMPARE_WITH_TIMEOUT(toSet(o.ids), toSet(sent), kWait);
    QCOMPARE(o.ids.size(), 12);
}

// ---- tags ----------------------------------------------------------------------------------

void TestPushConsumer::tagExpressionFiltersWithClientRecheck()
{
    startSandbox();
    // "Aa" and "BB" share a String.hashCode (2112): the broker lets "BB" through for "Aa".
    QCOMPARE(mq::tagsHashCode(QStringLiteral("Aa")), mq::tagsHashCode(QStringLiteral("BB")));
    const QString group = QStringLiteral("tag-group");
    PushConsumerOptions options;
    options.persistInterval = 200ms;
    m_members.push_back(member(group, QStringLiteral("t1"), options, QStringLiteral("TagA || Aa")));
    Member &t = *m_members.back();
    QSignalSpy batches(t.consumer.get(), &PushConsumer::messagesReceived);
    QTRY_COMPARE_WITH_TIMEOUT(t.queuesOf(kTopic).size(), 4, kWait);

    QStringList wanted = send(5, QStringLiteral("TagA"));
    send(5, QStringLiteral("TagC"));
    send(5, QString()); // no tag
    send(5, QStringLiteral("BB"));
    wanted += send(5, QStringLiteral("Aa"));
    QTRY_COMPARE_WITH_TIMEOUT(toSet(t.ids), toSet(wanted), kWait);
    for (const auto &m : t.handled)
        QVERIFY2(m.tags() == u"TagA" || m.tags() == u"Aa", qPrintable(m.tags()));
    int inBatches = 0;
    for (const auto &args : batches)
        inBatches += int(args.at(0).value<QList<MessageExt>>().size());
    QCOMPARE(inBatches, 10); // the live feed saw only what the handler saw
    // Filtered-out messages still move the committed offsets: no phantom lag.
    QTRY_COMPARE_WITH_TIMEOUT(brokerOffset(group, 0) + brokerOffset(group, 1) + brokerOffset(group, 2) +
                                  brokerOffset(group, 3),
                              qint64(25), kWait);
    QCOMPARE(t.ids.size(), 10);
}

// ---- flow control --------------------------------------------------------------------------

void TestPushConsumer::flowControlPausesAFullQueue()
{
    startSandbox();
    createTopic(QStringLiteral("one-queue"), 1);
    const QString group = QStringLiteral("flow-group");
    PushConsumerOptions options;
    options.pullThresholdForQueue = 10;
    options.pullBatchSize = 4;
    options.consumeConcurrency = 1;
    mq::ClientConfig config;
    config.nameServer = m_sandbox->nameServerAddress();
    config.instanceName = QStringLiteral("f1");
    mq::ClientInstance client(config);
    PushConsumer consumer(group, &client, options);
    QVERIFY(consumer.subscribe(QStringLiteral("one-queue")).ok());
    // A handler that does not finish until told to: messages pile up in the cache.
    QStringList done;
    bool release = false;
    mq::Completion<bool> gate; // opened once, wakes every waiting handler
    consumer.setAsyncHandler([&](MessageExt m) -> QCoro::Task<ConsumeResult> {
        while (!release)
            co_await gate;
        done.append(m.msgId());
        co_return ConsumeResult::Success;
    });
    auto st = await(consumer.start());
    QVERIFY(st && st->ok());
    const QStringList sent = send(60, QStringLiteral("TagA"), QStringLiteral("one-queue"));
    // Pulling stops once more than 10 are cached (at most one batch over).
    QTRY_VERIFY_WITH_TIMEOUT(consumer.cachedMessageCount() > 10, kWait);
    QTest::qWait(500);
    const int cached = consumer.cachedMessageCount();
    QVERIFY2(cached > 10 && cached <= 10 + options.pullBatchSize, qPrintable(QString::number(cached)));
    QTRY_COMPARE_WITH_TIMEOUT(consumer.runningInfo().mqTable.entries().size(), 2, kWait); // + the retry queue
    release = true;
    gate.complete(true);
    QTRY_COMPARE_WITH_TIMEOUT(toSet(done), toSet(sent), kWait);
    QCOMPARE(done.size(), 60);
    await(consumer.shutdown());
}

// ---- commits -------------------------------------------------------------------------------

void TestPushConsumer::offsetsCommittedOnShutdownAndResumed()
{
    startSandbox();
    const QString group = QStringLiteral("commit-group");
    PushConsumerOptions slow;
    slow.persistInterval = 1h; // only shutdown commits
    {
        auto first = member(group, QStringLiteral("s1"), slow);
        QTRY_COMPARE_WITH_TIMEOUT(first->queuesOf(kTopic).size(), 4, kWait);
        send(16);
        QTRY_COMPARE_WITH_TIMEOUT(first->ids.size(), 16, kWait);
        await(first->consumer->shutdown());
        await(first->client->shutdown());
    }
    qint64 total = 0;
    for (int q = 0; q < 4; ++q)
        total += brokerOffset(group, q);
    QCOMPARE(total, qint64(16));
    // A new instance of the group continues after them.
    m_members.push_back(member(group, QStringLiteral("s2")));
    Member &second = *m_members.back();
    QTRY_COMPARE_WITH_TIMEOUT(second.queuesOf(kTopic).size(), 4, kWait);
    const QStringList later = send(8);
    QTRY_COMPARE_WITH_TIMEOUT(second.ids.size(), 8, kWait);
    QCOMPARE(toSet(second.ids), toSet(later));
}

void TestPushConsumer::suspendHoldsMessagesUntilResume()
{
    startSandbox();
    m_members.push_back(member(QStringLiteral("pause-group"), QStringLiteral("p1")));
    Member &p = *m_members.back();
    QTRY_COMPARE_WITH_TIMEOUT(p.queuesOf(kTopic).size(), 4, kWait);
    const QStringList before = send(4);
    QTRY_COMPARE_WITH_TIMEOUT(p.ids.size(), 4, kWait);
    p.consumer->suspend();
    QVERIFY(p.consumer->isSuspended());
    const QStringList during = send(8);
    QTest::qWait(500); // held pulls may still bring some in, but nothing reaches the handler
    QCOMPARE(p.ids.size(), 4);
    p.consumer->resume();
    QTRY_COMPARE_WITH_TIMEOUT(p.ids.size(), 12, kWait);
    QCOMPARE(toSet(p.ids), toSet(before + during));
}

void TestPushConsumer::throughputFiveThousand()
{
    startSandbox();
    // 5000 messages already stored (batches of 100), then one consumer drains them.
    QSet<QString> sent;
    for (int b = 0; b < 50; ++b) {
        QList<mq::Message> batch;
        for (int i = 0; i < 100; ++i) {
            mq::Message m;
            m.topic = kTopic;
            m.body = QByteArray(256, 'x');
            m.setTags(QStringLiteral("TagA"));
            batch.append(m);
        }
        auto r = await(m_producer->sendBatch(batch));
        QVERIFY2(r && r->ok(), why(*r).constData());
        for (const QString &id : (*r)->msgId.split(u','))
            sent.insert(id);
    }
    QCOMPARE(sent.size(), 5000);
    QElapsedTimer clock;
    clock.start();
    m_members.push_back(member(QStringLiteral("bulk-group"), QStringLiteral("bulk")));
    Member &m = *m_members.back();
    QTRY_COMPARE_WITH_TIMEOUT(m.ids.size(), 5000, 60000);
    const qint64 ms = clock.elapsed();
    QCOMPARE(toSet(m.ids), sent);
    qInfo("drained 5000 messages of 256 bytes in %lld ms (%.0f msg/s, sandbox in the same process)", qlonglong(ms),
          5000.0 * 1000.0 / double(qMax<qint64>(ms, 1)));
}

void TestPushConsumer::periodicRebalanceFollowsNewQueues()
{
    startSandbox();
    PushConsumerOptions options;
    options.rebalanceInterval = 300ms;
    auto m = std::make_unique<Member>();
    mq::ClientConfig config;
    config.nameServer = m_sandbox->nameServerAddress();
    config.instanceName = QStringLiteral("grow");
    config.routeRefreshInterval = 200ms;
    m->client = std::make_unique<mq::ClientInstance>(config);
    m->consumer = std::make_unique<PushConsumer>(QStringLiteral("grow-group"), m->client.get(), options);
    QVERIFY(m->consumer->subscribe(kTopic).ok());
    auto st = await(m->consumer->start());
    QVERIFY(st && st->ok());
    m_members.push_back(std::move(m));
    Member &g = *m_members.back();
    QTRY_COMPARE_WITH_TIMEOUT(g.queuesOf(kTopic).size(), 4, kWait);
    createTopic(kTopic, 8); // the topic grows; no broker notification for that, only the timer
    QTRY_COMPARE_WITH_TIMEOUT(g.queuesOf(kTopic).size(), 8, kWait);
}

// ---- calls from the broker -----------------------------------------------------------------

void TestPushConsumer::answersRunningInfoStatusAndConsumeDirectly()
{
    startSandbox();
    const QString group = QStringLiteral("info-group");
    m_members.push_back(member(group, QStringLiteral("i1"), {}, QStringLiteral("TagA || TagB")));
    Member &m = *m_members.back();
    QTRY_COMPARE_WITH_TIMEOUT(m.queuesOf(kTopic).size(), 4, kWait);
    const QStringList sent = send(10);
    QTRY_COMPARE_WITH_TIMEOUT(m.ids.size(), 10, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(await(m.consumer->persistOffsets()) &&
                                 m.consumer->committedOffset(MessageQueue{kTopic, QStringLiteral("broker-a"), 0}),
                             kWait);

    // GET_CONSUMER_RUNNING_INFO, as the dashboard asks it: to the broker, which asks us.
    mq::GetConsumerRunningInfoRequestHeader h;
    h.consumerGroup = group;
    h.clientId = m.client->clientId();
    h.jstackEnable = true;
    auto r = adminCall(RemotingCommand::request(mq::RequestCode::GetConsumerRunningInfo, h.toExtFields()));
    QVERIFY(r);
    QCOMPARE(r->code, 0);
    auto info = mq::ConsumerRunningInfo::parse(r->body);
    QVERIFY2(info.ok(), why(info).constData());
    QCOMPARE(info->properties.value(QStringLiteral("consumerGroup")), group);
    QCOMPARE(info->properties.value(mq::ConsumerRunningInfo::PropConsumeType), QStringLiteral("CONSUME_PASSIVELY"));
    QCOMPARE(info->properties.value(mq::ConsumerRunningInfo::PropNameserverAddr),
             m_sandbox->nameServerAddress() + u';');
    QCOMPARE(info->subscriptionSet.size(), 2);
    QCOMPARE(info->subscriptionSet[1].topic, kTopic); // TreeSet order: %RETRY% first
    QCOMPARE(info->subscriptionSet[1].subString, QStringLiteral("TagA || TagB"));
    QCOMPARE(info->subscriptionSet[1].codeSet.size(), 2);
    QCOMPARE(info->mqTable.size(), 5);
    qint64 committed = 0;
    for (const auto &[queue, pq] : info->mqTable)
        if (queue.topic == kTopic)
            committed += pq.commitOffset;
    QCOMPARE(committed, qint64(10));
    QVERIFY(info->statusTable.value(kTopic).consumeOKTPS > 0);
    QVERIFY(info->statusTable.value(kTopic).pullTPS > 0);
    QVERIFY(info->jstack && info->jstack->contains(QStringLiteral("handler")));

    // GET_CONSUMER_STATUS_FROM_CLIENT: the offsets of one topic.
    mq::GetConsumerStatusRequestHeader sh;
    sh.topic = kTopic;
    sh.group = group;
    auto status = await(m.consumer->handleBrokerRequest(
        RemotingCommand::request(mq::RequestCode::GetConsumerStatusFromClient, sh.toExtFields()), QString()));
    QVERIFY(status);
    QCOMPARE(status->code, 0);
    auto body = mq::json::parse(status->body);
    QVERIFY(body.ok());
    qint64 statusTotal = 0;
    for (const auto &[key, value] : (*body)["messageQueueTable"].members()) {
        QCOMPARE(key["topic"].toString(), kTopic);
        statusTotal += value.toInt();
    }
    QCOMPARE(statusTotal, qint64(10));

    // CONSUME_MESSAGE_DIRECTLY: the broker hands us one stored message; the handler decides.
    QSignalSpy consumed(m.consumer.get(), &PushConsumer::messageConsumed);
    const QString offsetMsgId = m.handled.first().offsetMsgId;
    mq::ConsumeMessageDirectlyResultRequestHeader dh;
    dh.consumerGroup = group;
    dh.clientId = m.client->clientId();
    dh.msgId = offsetMsgId;
    auto direct = adminCall(RemotingCommand::request(mq::RequestCode::ConsumeMessageDirectly, dh.toExtFields()));
    QVERIFY(direct);
    QCOMPARE(direct->code, 0);
    auto result = mq::json::parse(direct->body);
    QVERIFY(result.ok());
    QCOMPARE((*result)["consumeResult"].toString(), QStringLiteral("CR_SUCCESS"));
    QCOMPARE((*result)["autoCommit"].toBool(), true);
    QCOMPARE(consumed.size(), 1);
    QCOMPARE(consumed.first().at(0).value<MessageExt>().offsetMsgId, offsetMsgId);
    QCOMPARE(m.ids.size(), 11); // the handler ran once more

    // Unknown requests are refused, not crashed on.
    auto odd =
        await(m.consumer->handleBrokerRequest(RemotingCommand::request(mq::RequestCode::PullMessage), QString()));
    QVERIFY(odd);
    QCOMPARE(odd->code, int(mq::ResponseCode::RequestCodeNotSupported));
    auto badReset = await(m.consumer->handleBrokerRequest(
        RemotingCommand::request(mq::RequestCode::ResetConsumerClientOffset, {}, "{not json"), QString()));
    QVERIFY(badReset);
    QCOMPARE(badReset->code, int(mq::ResponseCode::SystemError));
}

void TestPushConsumer::rejectsBadSetups()
{
    startSandbox();
    mq::ClientConfig config;
    config.nameServer = m_sandbox->nameServerAddress();
    config.instanceName = QStringLiteral("bad");
    mq::ClientInstance client(config);
    PushConsumer noSubscription(QStringLiteral("g"), &client);
    auto st = await(noSubscription.start());
    QVERIFY(st && !st->ok());
    QVERIFY(st->error().message.contains(QStringLiteral("subscri")));

    PushConsumer badTopic(QStringLiteral("g"), &client);
    auto sub = badTopic.subscribe(QStringLiteral("bad topic!"));
    QVERIFY(!sub.ok());
    QVERIFY(sub.error().message.contains(QStringLiteral("illegal")));
    QVERIFY(!badTopic.subscribe(QStringLiteral("%RETRY%g")).ok());

    PushConsumer badGroup(QStringLiteral("bad group!"), &client);
    QVERIFY(badGroup.subscribe(kTopic).ok());
    st = await(badGroup.start());
    QVERIFY(st && !st->ok());

    PushConsumer one(QStringLiteral("dup-group"), &client), two(QStringLiteral("dup-group"), &client);
    QVERIFY(one.subscribe(kTopic).ok() && two.subscribe(kTopic).ok());
    st = await(one.start());
    QVERIFY(st && st->ok());
    st = await(two.start());
    QVERIFY(st && !st->ok());
    QVERIFY(st->error().message.contains(QStringLiteral("already running")));
    await(one.shutdown());
    await(client.shutdown());
}

QTEST_GUILESS_MAIN(TestPushConsumer)
#include "test_push_consumer.moc"
