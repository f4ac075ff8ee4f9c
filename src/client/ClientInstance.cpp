#include "ClientInstance.h"

#include "AclSigner.h"
#include "Headers.h"
#include "MessageId.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <chrono>
#include <vector>

namespace mq {

using namespace std::chrono;

namespace {

QString defaultInstanceName()
{
    const qint64 nanos = duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count();
    return QStringLiteral("%1#%2").arg(QCoreApplication::applicationPid()).arg(nanos);
}

bool isTransportError(const Error &e)
{
    return e.code == Error::Code::Network || e.code == Error::Code::Timeout;
}

// The consumer group a broker-initiated request is about, by the field its header uses.
QString groupOf(const RemotingCommand &request)
{
    const QString consumerGroup = request.field(QStringLiteral("consumerGroup"));
    return consumerGroup.isEmpty() ? request.field(QStringLiteral("group")) : consumerGroup;
}

constexpr int kBrokerRequestCodes[] = {
    int(RequestCode::NotifyConsumerIdsChanged), int(RequestCode::ResetConsumerClientOffset),
    int(RequestCode::GetConsumerStatusFromClient), int(RequestCode::GetConsumerRunningInfo),
    int(RequestCode::ConsumeMessageDirectly)};

} // namespace

ClientInstance::ClientInstance(ClientConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    const QString ip = m_config.clientIp.isEmpty() ? UniqueKeyGenerator::hostAddress().toString() : m_config.clientIp;
    const QString instance = m_config.instanceName.isEmpty() ? defaultInstanceName() : m_config.instanceName;
    m_clientId = ip + QLatin1Char('@') + instance;
    m_resolver = new NameServerResolver(m_config.nameServer, m_config.resolver, this);
    connect(m_resolver, &NameServerResolver::addressesChanged, this, &ClientInstance::nameServersChanged);
    connect(m_resolver, &NameServerResolver::resolveFailed, this, &ClientInstance::warning);
    if (m_config.aclEnabled())
        m_signer = std::make_shared<AclSigner>(m_config.accessKey, m_config.secretKey);
    m_nameServerIndex = int(QRandomGenerator::global()->bounded(1024));

    connect(&m_routeTimer, &QTimer::timeout, this, [this] { auto t = refreshRoutes(); });
    connect(&m_heartbeatTimer, &QTimer::timeout, this, [this] { auto t = sendHeartbeatToAllBrokers(); });
}

ClientInstance::~ClientInstance()
{
    // Connections are children; destroying them fails whatever is still pending.
    m_routeTimer.stop();
    m_heartbeatTimer.stop();
}

QCoro::Task<Status> ClientInstance::start()
{
    if (m_started)
        co_return Ok{};
    QPointer<ClientInstance> self(this);
    auto resolved = co_await m_resolver->resolve();
    if (!self)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("client destroyed while starting"));
    if (!resolved)
        co_return resolved.error();
    m_started = true;
    m_resolver->startRefresh();
    m_routeTimer.start(m_config.routeRefreshInterval);
    m_heartbeatTimer.start(m_config.heartbeatInterval);
    co_return Ok{};
}

QCoro::Task<> ClientInstance::shutdown()
{
    QPointer<ClientInstance> self(this);
    m_routeTimer.stop();
    m_heartbeatTimer.stop();
    m_resolver->stopRefresh();
    const QStringList producers = m_producerGroups.values();
    const QStringList consumers = m_consumers.keys();
    m_producerGroups.clear();
    m_consumers.clear();
    for (const QString &group : producers) {
        co_await unregisterFromBrokers(group, {});
        if (!self)
            co_return;
    }
    for (const QString &group : consumers) {
        co_await unregisterFromBrokers({}, group);
        if (!self)
            co_return;
    }
    for (RemotingConnection *c : std::as_const(m_connections))
        c->close();
    m_started = false;
}

// ---- connections ------------------------------------------------------------------------

RemotingConnection *ClientInstance::connection(const QString &address)
{
    if (RemotingConnection *existing = m_connections.value(address))
        return existing;
    auto *c = new RemotingConnection(address, m_config.connectionOptions(), this);
    if (m_signer)
        c->addRpcHook(m_signer);
    for (int code : kBrokerRequestCodes)
        c->setRequestHandler(
            code, [this, address](RemotingCommand request) { return routeBrokerRequest(address, std::move(request)); });
    connect(c, &RemotingConnection::stateChanged, this,
            [this, address](RemotingConnection::State state) { Q_EMIT connectionStateChanged(address, state); });
    m_connections.insert(address, c);
    return c;
}

QList<RemotingConnection *> ClientInstance::connections() const
{
    return m_connections.values();
}

QCoro::Task<Result<RemotingCommand>> ClientInstance::invoke(QString address, RemotingCommand request,
                                                            std::optional<milliseconds> timeout)
{
    co_return co_await connection(address)->request(std::move(request), timeout.value_or(m_config.requestTimeout));
}

QCoro::Task<Status> ClientInstance::invokeOneway(QString address, RemotingCommand request)
{
    co_return co_await connection(address)->oneway(std::move(request));
}

QCoro::Task<Result<RemotingCommand>> ClientInstance::invokeNameServer(RemotingCommand request,
                                                                      std::optional<milliseconds> timeout)
{
    QPointer<ClientInstance> self(this);
    QStringList servers = m_resolver->addresses();
    if (servers.isEmpty()) {
        auto resolved = co_await m_resolver->resolve();
        if (!self)
            co_return makeError(Error::Code::Cancelled, QStringLiteral("client destroyed"));
        if (!resolved)
            co_return makeError(Error::Code::Resolver,
                                QStringLiteral("no name-server address: %1").arg(resolved.error().message));
        servers = *resolved;
    }
    std::optional<Error> last;
    const int n = int(servers.size());
    for (int i = 0; i < n; ++i) {
        const int index = (m_nameServerIndex + i) % n;
        const QString address = servers[index];
        auto result = co_await invoke(address, request, timeout);
        if (!self)
            co_return makeError(Error::Code::Cancelled, QStringLiteral("client destroyed"));
        if (result || !isTransportError(result.error())) {
            if (result)
                m_nameServerIndex = index;
            co_return result;
        }
        last = result.error();
    }
    co_return makeError(last->code, n == 1 ? last->message
                                           : QStringLiteral("no name server answered (tried %1); last error: %2")
                                                 .arg(servers.join(QStringLiteral(", ")), last->message));
}

// ---- routes -----------------------------------------------------------------------------

QCoro::Task<Result<TopicRouteData>> ClientInstance::topicRoute(QString topic, bool refresh)
{
    if (!refresh) {
        if (auto it = m_routes.constFind(topic); it != m_routes.cend())
            co_return TopicRouteData(*it);
    }
    QPointer<ClientInstance> self(this);
    GetRouteInfoRequestHeader header;
    header.topic = topic;
    auto response =
        co_await invokeNameServer(RemotingCommand::request(RequestCode::GetRouteInfoByTopic, header.toExtFields()));
    if (!self)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("client destroyed"));
    if (!response)
        co_return response.error();
    auto route = routeFromResponse(*response);
    if (!route)
        co_return route.error();
    storeRoute(topic, *route);
    co_return route;
}

void ClientInstance::storeRoute(const QString &topic, const TopicRouteData &route)
{
    const auto before = brokerAddresses();
    const auto old = m_routes.constFind(topic);
    const bool changed =
        old == m_routes.cend() || !(old->queueDatas == route.queueDatas) || !(old->brokerDatas == route.brokerDatas);
    m_routes.insert(topic, route);
    if (changed)
        Q_EMIT routeUpdated(topic);
    // A broker we have never greeted: announce our groups now rather than in up to 30 s.
    const auto after = brokerAddresses();
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) != it.value()) {
            scheduleHeartbeat();
            break;
        }
    }
}

std::optional<TopicRouteData> ClientInstance::cachedRoute(const QString &topic) const
{
    if (auto it = m_routes.constFind(topic); it != m_routes.cend())
        return *it;
    return std::nullopt;
}

QString ClientInstance::masterAddress(const QString &brokerName) const
{
    for (const auto &route : m_routes)
        if (auto address = route.masterAddress(brokerName))
            return *address;
    return {};
}

QHash<QString, QMap<qint64, QString>> ClientInstance::brokerAddresses() const
{
    QHash<QString, QMap<qint64, QString>> out;
    for (const auto &route : m_routes)
        for (const auto &broker : route.brokerDatas)
            for (const auto &[id, address] : broker.brokerAddrs.entries())
                out[broker.brokerName].insert(id, address);
    return out;
}

QCoro::Task<> ClientInstance::refreshRoutes()
{
    if (m_refreshingRoutes)
        co_return;
    QPointer<ClientInstance> self(this);
    m_refreshingRoutes = true;
    for (const QString &topic : m_routes.keys()) {
        auto route = co_await topicRoute(topic, true);
        if (!self)
            co_return;
        if (!route) {
            if (route.error().code == Error::Code::NotFound)
                m_routes.remove(topic); // deleted topic: the next use asks again
            Q_EMIT warning(QStringLiteral("route of %1 not refreshed: %2").arg(topic, route.error().message));
        }
    }
    m_refreshingRoutes = false;
}

// ---- groups and heartbeats --------------------------------------------------------------

void ClientInstance::registerProducer(const QString &group)
{
    if (m_producerGroups.contains(group))
        return;
    m_producerGroups.insert(group);
    scheduleHeartbeat();
}

QCoro::Task<> ClientInstance::unregisterProducer(QString group)
{
    if (!m_producerGroups.remove(group))
        co_return;
    co_await unregisterFromBrokers(group, {});
}

bool ClientInstance::registerConsumer(ConsumerEndpoint *consumer)
{
    const QString group = consumer->consumerGroup();
    if (m_consumers.contains(group))
        return false;
    m_consumers.insert(group, consumer);
    scheduleHeartbeat();
    return true;
}

QCoro::Task<> ClientInstance::unregisterConsumer(QString group)
{
    if (!m_consumers.remove(group))
        co_return;
    co_await unregisterFromBrokers({}, group);
}

HeartbeatData ClientInstance::heartbeatData() const
{
    HeartbeatData data;
    data.clientID = m_clientId;
    QStringList producers = m_producerGroups.values();
    producers.sort();
    for (const QString &group : producers)
        data.producerDataSet.append(ProducerData{group});
    QStringList consumers = m_consumers.keys();
    consumers.sort();
    for (const QString &group : consumers)
        data.consumerDataSet.append(m_consumers.value(group)->heartbeatData());
    return data;
}

void ClientInstance::scheduleHeartbeat()
{
    if (m_heartbeatScheduled)
        return;
    m_heartbeatScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_heartbeatScheduled = false;
        auto t = sendHeartbeatToAllBrokers();
    });
}

QCoro::Task<int> ClientInstance::sendHeartbeatToAllBrokers()
{
    if (m_producerGroups.isEmpty() && m_consumers.isEmpty())
        co_return 0; // nothing to announce (the Java client skips too)
    const bool mastersOnly = m_consumers.isEmpty();
    const QByteArray body = heartbeatData().toJson();
    std::vector<QCoro::Task<int>> sends; // Tasks start at once: awaiting them in turn still runs them in parallel
    const auto brokers = brokerAddresses();
    for (const auto &ids : brokers)
        for (auto it = ids.cbegin(); it != ids.cend(); ++it)
            if (!mastersOnly || it.key() == kMasterBrokerId)
                sends.push_back(heartbeatTo(it.value(), body));
    int accepted = 0;
    for (auto &send : sends)
        accepted += co_await send;
    co_return accepted;
}

QCoro::Task<int> ClientInstance::heartbeatTo(QString address, QByteArray body)
{
    QPointer<ClientInstance> self(this);
    auto response = co_await invoke(address, RemotingCommand::request(RequestCode::HeartBeat, {}, body));
    if (!self)
        co_return 0;
    if (!response) {
        Q_EMIT heartbeatFailed(address, response.error().message);
        co_return 0;
    }
    if (response->code != toInt(ResponseCode::Success)) {
        Q_EMIT heartbeatFailed(
            address, QStringLiteral("%1 refused the heartbeat: %2 %3")
                         .arg(address, responseCodeName(response->code), response->remark.value_or(QString())));
        co_return 0;
    }
    co_return 1;
}

QCoro::Task<> ClientInstance::unregisterFromBrokers(QString producerGroup, QString consumerGroup)
{
    UnregisterClientRequestHeader header;
    header.clientID = m_clientId;
    if (!producerGroup.isEmpty())
        header.producerGroup = producerGroup;
    if (!consumerGroup.isEmpty())
        header.consumerGroup = consumerGroup;
    std::vector<QCoro::Task<Result<RemotingCommand>>> calls;
    const auto brokers = brokerAddresses();
    for (const auto &ids : brokers)
        for (const QString &address : ids)
            calls.push_back(
                invoke(address, RemotingCommand::request(RequestCode::UnregisterClient, header.toExtFields())));
    for (auto &call : calls)
        (void)co_await call; // best effort: a broker that is gone forgets us anyway
}

QCoro::Task<RemotingCommand> ClientInstance::routeBrokerRequest(QString address, RemotingCommand request)
{
    const QString group = groupOf(request);
    ConsumerEndpoint *consumer = m_consumers.value(group);
    if (!consumer) {
        // Same words as the Java client's ClientRemotingProcessor for an unknown group.
        co_return RemotingCommand::response(
            request, toInt(ResponseCode::SystemError),
            QStringLiteral("The Consumer Group <%1> not exist in this consumer").arg(group));
    }
    co_return co_await consumer->handleBrokerRequest(std::move(request), std::move(address));
}

} // namespace mq
