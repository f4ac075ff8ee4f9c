// PushConsumer: lifecycle, subscriptions, rebalance, offsets and events.
// Pulling and consuming are in PushConsumerPull.cpp, the broker's calls in PushConsumerRequests.cpp.
#include "PushConsumer.h"

#include "Headers.h"
#include "Rebalance.h"
#include "Validators.h"

#include <QDateTime>

#include <algorithm>

namespace mq {

namespace {

const QString kRetryPrefix = QStringLiteral("%RETRY%");

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

PushConsumer::PushConsumer(QString group, ClientInstance *client, PushConsumerOptions options, QObject *parent)
    : QObject(parent)
    , m_group(std::move(group))
    , m_client(client)
    , m_options(std::move(options))
{
    if (!m_options.consumeTimestamp.isValid())
        m_options.consumeTimestamp = QDateTime::currentDateTime().addSecs(-30 * 60);
    m_rebalanceTimer.setInterval(m_options.rebalanceInterval);
    m_persistTimer.setInterval(m_options.persistInterval);
    m_missingRouteTimer.setSingleShot(true);
    connect(&m_rebalanceTimer, &QTimer::timeout, this, &PushConsumer::rebalanceSoon);
    connect(&m_missingRouteTimer, &QTimer::timeout, this, &PushConsumer::rebalanceSoon);
    connect(&m_persistTimer, &QTimer::timeout, this, [this] { auto t = persistOffsets(); });
}

PushConsumer::~PushConsumer()
{
    for (const auto &q : std::as_const(m_queues))
        q->drop();
    // unregisterConsumer forgets us before its first suspension, so the client never calls a
    // deleted consumer; the UNREGISTER_CLIENT it sends afterwards needs nothing from us.
    if (m_registered && m_client)
        auto t = m_client->unregisterConsumer(m_group);
}

QString PushConsumer::retryTopic() const
{
    return kRetryPrefix + m_group;
}

// ---- subscriptions -------------------------------------------------------------------------

Status PushConsumer::subscribe(const QString &topic, const QString &tagExpression)
{
    if (auto ok = validate::topic(topic); !ok)
        return ok.error();
    if (topic.startsWith(kRetryPrefix))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("%1 is a retry topic; the consumer subscribes its own by itself").arg(topic));
    const QString expression = tagExpression.trimmed().isEmpty() ? SubscriptionData::kSubAll : tagExpression.trimmed();
    m_subscriptions.insert(topic, SubscriptionData::fromTagExpression(topic, expression, nowMs()));
    if (m_running) {
        heartbeatSoon();
        rebalanceSoon();
    }
    return Ok{};
}

void PushConsumer::unsubscribe(const QString &topic)
{
    if (!m_subscriptions.remove(topic))
        return;
    const auto queues = queuesOf(topic);
    for (const MessageQueue &q : queues)
        dropQueue(q);
    if (m_running) {
        heartbeatSoon();
        if (!queues.isEmpty())
            Q_EMIT queuesChanged(m_queues.keys());
    }
}

void PushConsumer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
    m_asyncHandler = nullptr;
}

void PushConsumer::setAsyncHandler(AsyncHandler handler)
{
    m_asyncHandler = std::move(handler);
    m_handler = nullptr;
}

ConsumerData PushConsumer::heartbeatData() const
{
    ConsumerData d;
    d.groupName = m_group;
    d.consumeType = ConsumeType::Passively;
    d.messageModel = consumeModeWireName(m_options.mode);
    d.consumeFromWhere = consumeStartWireName(m_options.consumeFrom);
    d.subscriptionDataSet = m_subscriptions.values();
    return d;
}

// ---- lifecycle -----------------------------------------------------------------------------

QCoro::Task<Status> PushConsumer::start()
{
    if (m_running)
        co_return Ok{};
    if (auto ok = validate::group(m_group); !ok)
        co_return ok.error();
    if (m_subscriptions.isEmpty())
        co_return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("Consumer group %1 has no subscription: subscribe a topic first").arg(m_group));
    if (!m_client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("The consumer has no client"));
    QPointer<PushConsumer> self(this);
    if (!m_client->isStarted()) {
        auto started = co_await m_client->start();
        if (!self)
            co_return makeError(Error::Code::Cancelled, QStringLiteral("The consumer was deleted while starting"));
        if (!started)
            co_return started.error();
    }
    if (m_options.mode == ConsumeMode::Clustering) {
        m_offsets = std::make_unique<RemoteOffsetStore>(m_client, m_group);
        m_subscriptions.insert(retryTopic(),
                               SubscriptionData::fromTagExpression(retryTopic(), SubscriptionData::kSubAll, nowMs()));
    } else {
        const QString path = m_options.offsetStorePath.isEmpty() ? LocalFileOffsetStore::defaultPath(m_group)
                                                                 : m_options.offsetStorePath;
        m_offsets = std::make_unique<LocalFileOffsetStore>(path);
    }
    if (!m_client->registerConsumer(this))
        co_return makeError(Error::Code::InvalidArgument,
                            QStringLiteral("A consumer of group %1 is already running on this client").arg(m_group));
    m_registered = true;
    m_running = true;
    m_startTimestamp = nowMs();
    connect(m_client, &ClientInstance::connectionStateChanged, this, &PushConsumer::onConnectionStateChanged);

    // Routes first, so the heartbeat reaches the brokers of our topics before we ask them who
    // else is in the group.
    for (const QString &topic : m_subscriptions.keys()) {
        auto route = co_await m_client->topicRoute(topic, true);
        if (!self || !m_running)
            co_return makeError(Error::Code::Cancelled, QStringLiteral("The consumer stopped while starting"));
        if (!route && !topic.startsWith(kRetryPrefix))
            emitEvent(
                ConsumerEvent::Kind::Warning,
                QStringLiteral("Topic %1 has no route yet (%2); will keep trying").arg(topic, route.error().message));
    }
    co_await m_client->sendHeartbeatToAllBrokers();
    if (!self || !m_running)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("The consumer stopped while starting"));
    m_rebalanceTimer.start();
    m_persistTimer.start();
    emitEvent(ConsumerEvent::Kind::Started,
              QStringLiteral("Consumer group %1 started (%2, from %3) as %4")
                  .arg(m_group, consumeModeWireName(m_options.mode), consumeStartWireName(m_options.consumeFrom),
                       m_client->clientId()));
    co_await rebalance();
    co_return Ok{};
}

QCoro::Task<> PushConsumer::shutdown()
{
    if (!m_running)
        co_return;
    QPointer<PushConsumer> self(this);
    m_running = false;
    m_rebalanceTimer.stop();
    m_persistTimer.stop();
    m_missingRouteTimer.stop();
    if (m_client)
        disconnect(m_client, &ClientInstance::connectionStateChanged, this, &PushConsumer::onConnectionStateChanged);
    const QList<MessageQueue> queues = m_queues.keys();
    for (const auto &q : std::as_const(m_queues))
        q->drop();
    m_pending.clear();
    if (m_offsets) {
        auto persisted = co_await m_offsets->persist(queues);
        if (!self)
            co_return;
        if (!persisted)
            emitEvent(ConsumerEvent::Kind::Warning,
                      QStringLiteral("Offsets not committed on shutdown: %1").arg(persisted.error().message));
    }
    m_queues.clear();
    if (m_registered && m_client) {
        m_registered = false;
        co_await m_client->unregisterConsumer(m_group);
        if (!self)
            co_return;
    }
    if (!queues.isEmpty())
        Q_EMIT queuesChanged({});
    emitEvent(ConsumerEvent::Kind::Stopped, QStringLiteral("Consumer group %1 stopped").arg(m_group));
}

std::optional<qint64> PushConsumer::committedOffset(const MessageQueue &queue) const
{
    return m_offsets ? m_offsets->offset(queue) : std::nullopt;
}

QCoro::Task<Status> PushConsumer::persistOffsets()
{
    if (!m_offsets)
        co_return Ok{};
    QPointer<PushConsumer> self(this);
    auto persisted = co_await m_offsets->persist(m_queues.keys());
    if (self && !persisted)
        emitEvent(ConsumerEvent::Kind::Warning,
                  QStringLiteral("Committing offsets failed: %1").arg(persisted.error().message));
    co_return persisted;
}

void PushConsumer::heartbeatSoon()
{
    if (m_heartbeatScheduled || !m_client)
        return;
    m_heartbeatScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_heartbeatScheduled = false;
        if (m_running && m_client)
            auto t = m_client->sendHeartbeatToAllBrokers();
    });
}

void PushConsumer::emitEvent(ConsumerEvent::Kind kind, const QString &message, std::optional<MessageQueue> queue)
{
    ConsumerEvent e;
    e.kind = kind;
    e.message = message;
    e.queue = std::move(queue);
    Q_EMIT consumerEvent(e);
}

void PushConsumer::onConnectionStateChanged(const QString &address, RemotingConnection::State state)
{
    if (!m_client)
        return;
    bool ours = false;
    for (const auto &q : std::as_const(m_queues))
        ours = ours || m_client->masterAddress(q->queue().brokerName) == address;
    if (state == RemotingConnection::State::Disconnected && ours && !m_lostBrokers.contains(address)) {
        m_lostBrokers.insert(address);
        const QString why = m_client->connection(address)->lastError().message;
        const QString text =
            QStringLiteral("Lost the connection to broker %1%2; pulls will resume from the last offsets")
                .arg(address, why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why));
        Q_EMIT connectionChanged(address, false, text);
        emitEvent(ConsumerEvent::Kind::ConnectionLost, text);
    } else if (state == RemotingConnection::State::Connected && m_lostBrokers.remove(address)) {
        const QString text = QStringLiteral("Reconnected to broker %1").arg(address);
        Q_EMIT connectionChanged(address, true, text);
        emitEvent(ConsumerEvent::Kind::ConnectionRestored, text);
        // A restarted broker forgot our subscriptions until the next heartbeat.
        heartbeatSoon();
        rebalanceSoon();
    }
}

// ---- rebalance -----------------------------------------------------------------------------

void PushConsumer::rebalanceSoon()
{
    if (!m_running)
        return;
    QTimer::singleShot(0, this, [this] { auto t = rebalance(); });
}

QList<MessageQueue> PushConsumer::queuesOf(const QString &topic) const
{
    QList<MessageQueue> out;
    for (auto it = m_queues.cbegin(); it != m_queues.cend(); ++it)
        if (it.key().topic == topic)
            out.append(it.key());
    return out;
}

QCoro::Task<> PushConsumer::rebalance()
{
    if (!m_running)
        co_return;
    if (m_rebalancing) {
        m_rebalanceAgain = true;
        co_return;
    }
    QPointer<PushConsumer> self(this);
    m_rebalancing = true;
    do {
        m_rebalanceAgain = false;
        bool missingRoute = false;
        for (const QString &topic : m_subscriptions.keys()) {
            const bool routed = co_await rebalanceTopic(topic);
            if (!self)
                co_return;
            if (!m_running)
                break;
            missingRoute = missingRoute || !routed;
        }
        for (const MessageQueue &q : m_queues.keys())
            if (!m_subscriptions.contains(q.topic))
                dropQueue(q);
        if (missingRoute && m_running && !m_missingRouteTimer.isActive())
            m_missingRouteTimer.start(m_options.missingRouteRetry);
    } while (m_rebalanceAgain && m_running);
    m_rebalancing = false;
}

QCoro::Task<bool> PushConsumer::rebalanceTopic(QString topic)
{
    QPointer<PushConsumer> self(this);
    QPointer<ClientInstance> client = m_client;
    if (!client)
        co_return false;
    auto route = co_await client->topicRoute(topic, !client->cachedRoute(topic).has_value());
    if (!self || !client || !m_running)
        co_return true;
    if (!route)
        co_return false;
    QList<MessageQueue> allocated = route->readableQueues(topic);
    if (m_options.mode == ConsumeMode::Clustering) {
        auto ids = co_await consumerIds(topic);
        if (!self || !m_running)
            co_return true;
        if (!ids) {
            emitEvent(ConsumerEvent::Kind::Warning,
                      QStringLiteral("Rebalance of %1 skipped: %2").arg(topic, ids.error().message));
            co_return true;
        }
        allocated = rebalance::allocateSorted(client->clientId(), allocated, *ids);
    }
    co_await updateQueues(topic, allocated);
    co_return true;
}

QCoro::Task<Result<QStringList>> PushConsumer::consumerIds(QString topic)
{
    QPointer<ClientInstance> client = m_client;
    const auto route = client ? client->cachedRoute(topic) : std::nullopt;
    QString address;
    if (route) {
        QList<BrokerData> brokers = route->brokerDatas;
        std::sort(brokers.begin(), brokers.end(),
                  [](const BrokerData &a, const BrokerData &b) { return a.brokerName < b.brokerName; });
        for (const BrokerData &b : brokers)
            if (auto master = b.masterAddress(); master && address.isEmpty())
                address = *master;
    }
    if (address.isEmpty())
        co_return makeError(Error::Code::NotFound, QStringLiteral("No broker of topic %1 has a master").arg(topic));
    GetConsumerListByGroupRequestHeader header;
    header.consumerGroup = m_group;
    auto response = co_await client->invoke(
        address, RemotingCommand::request(RequestCode::GetConsumerListByGroup, header.toExtFields()));
    if (!response)
        co_return response.error();
    if (response->code != toInt(ResponseCode::Success))
        co_return makeError(Error::Code::Broker,
                            QStringLiteral("%1 did not list the consumers of %2: %3 %4")
                                .arg(address, header.consumerGroup, responseCodeName(response->code),
                                     response->remark.value_or(QString())),
                            response->code);
    auto list = ConsumerIdList::parse(response->body);
    if (!list)
        co_return list.error();
    co_return list->consumerIdList;
}

namespace {

// GET_MAX_OFFSET / SEARCH_OFFSET_BY_TIMESTAMP against the queue's master.
QCoro::Task<Result<qint64>> queueOffset(QPointer<ClientInstance> client, MessageQueue queue,
                                        std::optional<qint64> timestamp)
{
    const QString address = client ? client->masterAddress(queue.brokerName) : QString();
    if (address.isEmpty())
        co_return makeError(Error::Code::NotFound,
                            QStringLiteral("Broker %1 has no known master").arg(queue.brokerName));
    RemotingCommand request;
    if (timestamp) {
        SearchOffsetRequestHeader h;
        h.topic = queue.topic;
        h.queueId = queue.queueId;
        h.timestamp = *timestamp;
        h.brokerName = queue.brokerName;
        request = RemotingCommand::request(RequestCode::SearchOffsetByTimestamp, h.toExtFields());
    } else {
        GetMaxOffsetRequestHeader h;
        h.topic = queue.topic;
        h.queueId = queue.queueId;
        h.brokerName = queue.brokerName;
        request = RemotingCommand::request(RequestCode::GetMaxOffset, h.toExtFields());
    }
    auto response = co_await client->invoke(address, request);
    if (!response)
        co_return response.error();
    if (response->code != toInt(ResponseCode::Success))
        co_return makeError(Error::Code::Broker,
                            QStringLiteral("%1 did not tell the %2 offset of %3: %4 %5")
                                .arg(address, timestamp ? QStringLiteral("timestamp") : QStringLiteral("max"),
                                     queue.toString(), responseCodeName(response->code),
                                     response->remark.value_or(QString())),
                            response->code);
    auto header = decodeHeader<OffsetResponseHeader>(*response);
    if (!header)
        co_return header.error();
    co_return header->offset;
}

} // namespace

QCoro::Task<Result<qint64>> PushConsumer::computePullFromWhere(MessageQueue queue)
{
    QPointer<PushConsumer> self(this);
    auto stored = co_await m_offsets->readFromStore(queue);
    if (!self)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("The consumer was deleted"));
    if (!stored)
        co_return stored.error();
    if (*stored && **stored >= 0)
        co_return **stored;
    const bool retry = queue.topic.startsWith(kRetryPrefix);
    switch (m_options.consumeFrom) {
    case ConsumeStart::FirstOffset: co_return qint64(0);
    case ConsumeStart::LastOffset:
        if (retry)
            co_return qint64(0);
        co_return co_await queueOffset(m_client, queue, std::nullopt);
    case ConsumeStart::Timestamp:
        if (retry)
            co_return co_await queueOffset(m_client, queue, std::nullopt);
        co_return co_await queueOffset(m_client, queue, m_options.consumeTimestamp.toMSecsSinceEpoch());
    }
    co_return qint64(0);
}

QCoro::Task<> PushConsumer::updateQueues(QString topic, QList<MessageQueue> allocated)
{
    QPointer<PushConsumer> self(this);
    bool changed = false;
    const QSet<MessageQueue> wanted(allocated.cbegin(), allocated.cend());
    for (const MessageQueue &q : queuesOf(topic)) {
        if (!wanted.contains(q)) {
            dropQueue(q);
            changed = true;
        }
    }
    for (const MessageQueue &q : allocated) {
        if (m_queues.contains(q))
            continue;
        auto from = co_await computePullFromWhere(q);
        if (!self || !m_running)
            co_return;
        if (!from) {
            emitEvent(ConsumerEvent::Kind::Warning,
                      QStringLiteral("Cannot tell where to start %1: %2; the next rebalance tries again")
                          .arg(q.toString(), from.error().message),
                      q);
            continue;
        }
        if (m_queues.contains(q) || !m_subscriptions.contains(topic))
            continue;
        auto pq = std::make_shared<ProcessQueue>(q, *from);
        m_queues.insert(q, pq);
        schedulePull(pq, std::chrono::milliseconds(0));
        changed = true;
    }
    if (changed) {
        QStringList ids;
        for (const MessageQueue &q : queuesOf(topic))
            ids.append(QStringLiteral("%1:%2").arg(q.brokerName).arg(q.queueId));
        emitEvent(ConsumerEvent::Kind::Rebalanced,
                  QStringLiteral("Topic %1: now pulling %2 queue(s)%3")
                      .arg(topic)
                      .arg(ids.size())
                      .arg(ids.isEmpty() ? QString() : QStringLiteral(": %1").arg(ids.join(QStringLiteral(", ")))));
        Q_EMIT queuesChanged(m_queues.keys());
    }
}

void PushConsumer::dropQueue(const MessageQueue &queue)
{
    auto pq = m_queues.take(queue);
    if (!pq)
        return;
    pq->drop();
    m_pullFailing.remove(queue);
    if (m_offsets) {
        // persist() reads the offset before it first suspends, so forgetting it right after is safe.
        auto t = m_offsets->persist({queue});
        m_offsets->remove(queue);
    }
}

int PushConsumer::cachedMessageCount() const
{
    int n = 0;
    for (const auto &q : m_queues)
        n += q->cachedCount();
    return n;
}

double PushConsumer::consumeTps() const
{
    return m_stats.consumeOkTps(nowMs());
}

} // namespace mq
