#include "Broker.h"

#include "DelayService.h"
#include "NameServer.h"
#include "RemotingServer.h"
#include "ServerConnection.h"

#include <QDateTime>
#include <QDir>
#include <QRandomGenerator>
#include <QTimer>

namespace mq::sandbox {

namespace {
constexpr int kPersistIntervalMs = 1000;
} // namespace

Broker::Broker(BrokerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_server(new RemotingServer(this))
    , m_store(new MessageStore(this))
    , m_delay(new DelayService(*this, this))
    , m_persistTimer(new QTimer(this))
    , m_holdTimer(new QTimer(this))
{
    m_server->setHandler([this](ServerConnection *c, const RemotingCommand &r) { handle(c, r); });
    connect(m_server, &RemotingServer::connectionClosed, this, &Broker::onConnectionClosed);
    m_store->setArrivalListener([this](const QString &topic, int queueId, qint64 maxOffset, qint64 tagsCode) {
        onMessageArrived(topic, queueId, maxOffset, tagsCode);
    });
    m_store->setTagsCodeResolver([this](const MessageExt &msg) {
        if (msg.topic == QLatin1StringView(TopicConfigs::ScheduleTopic))
            return m_delay->deliverTimestamp(msg.properties.value(prop::DelayTimeLevel).toInt(), msg.storeTimestamp);
        return tagsCodeOf(msg.properties);
    });
    connect(m_persistTimer, &QTimer::timeout, this, [this] {
        m_offsets.flush();
        m_delay->flush();
    });
    m_holdTimer->setInterval(m_options.longPollingCheckIntervalMs);
    connect(m_holdTimer, &QTimer::timeout, this, &Broker::checkHeldPulls);
}

Broker::~Broker()
{
    stop();
}

Status Broker::start()
{
    QString error;
    if (!m_delay->setLevels(m_options.messageDelayLevel, m_options.delayTimeScale, &error))
        return makeError(Error::Code::InvalidArgument, error);
    if (!m_server->listen(m_options.listenAddress, m_options.port, &error))
        return makeError(Error::Code::Network, error);

    const QString dir = m_options.dataDir;
    if (!dir.isEmpty()) {
        const QDir root(dir);
        m_topics.setPath(root.filePath(QStringLiteral("config/topics.json")));
        m_offsets.setPath(root.filePath(QStringLiteral("config/consumerOffset.json")));
        m_delay->setPath(root.filePath(QStringLiteral("config/delayOffset.json")));
        m_groupsPath = root.filePath(QStringLiteral("config/subscriptionGroup.json"));
        m_topics.load();
        m_offsets.load();
        m_delay->load();
    }
    loadGroups();
    m_bootTimestamp = QDateTime::currentMSecsSinceEpoch();
    m_topics.addSystemTopics(m_options.clusterName, m_options.brokerName, m_options.autoCreateTopicEnable,
                             m_delay->levelCount());
    m_topics.save();

    HostAndPort storeHost;
    storeHost.address = advertisedHost(m_options.listenAddress);
    storeHost.port = m_server->serverPort();
    if (auto opened = m_store->open(dir, storeHost, m_options.flushIntervalMs); !opened) {
        m_server->close();
        return opened.error();
    }
    m_running = true;
    m_delay->start();
    if (!dir.isEmpty())
        m_persistTimer->start(kPersistIntervalMs);
    registerWithNameServers();
    return Ok{};
}

void Broker::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_server->close();
    for (auto &held : m_held)
        if (held.timeout)
            held.timeout->deleteLater();
    m_held.clear();
    m_holdTimer->stop();
    m_persistTimer->stop();
    m_delay->stop();
    m_offsets.flush();
    m_topics.save();
    m_store->close();
    for (const auto &ns : m_nameServers)
        if (ns)
            ns->routes().unregisterBroker(m_options.brokerName);
}

QString Broker::address() const
{
    return advertisedAddress(m_options.listenAddress, m_server->serverPort());
}

void Broker::attachNameServer(NameServer *nameServer)
{
    m_nameServers.append(nameServer);
    if (m_running)
        registerWithNameServers();
}

void Broker::registerWithNameServers()
{
    QList<QPair<QString, QueueData>> topics;
    for (const auto &c : m_topics.all())
        topics.append({c.topicName, c.queueData(m_options.brokerName)});
    const BrokerRecord record{m_options.clusterName, m_options.brokerName, kMasterBrokerId, address()};
    for (const auto &ns : m_nameServers)
        if (ns)
            ns->routes().registerBroker(record, topics);
}

void Broker::registerTopic(const TopicConfig &config)
{
    for (const auto &ns : m_nameServers)
        if (ns)
            ns->routes().registerTopic(config.topicName, config.queueData(m_options.brokerName));
}

int Broker::randomQueue(int queueNums) const
{
    return queueNums > 0 ? int(QRandomGenerator::global()->bounded(99999999u) % quint32(queueNums)) : 0;
}

void Broker::reply(ServerConnection *connection, const RemotingCommand &request, const RemotingCommand &response)
{
    if (!request.isOneway())
        connection->send(response);
}

void Broker::handle(ServerConnection *connection, const RemotingCommand &request)
{
    if (!m_running)
        return;
    switch (static_cast<RequestCode>(request.code)) {
    case RequestCode::SendMessage:
    case RequestCode::SendMessageV2: reply(connection, request, sendMessage(connection, request)); return;
    case RequestCode::SendBatchMessage: reply(connection, request, sendBatch(connection, request)); return;
    case RequestCode::ConsumerSendMsgBack: reply(connection, request, consumerSendMsgBack(request)); return;
    case RequestCode::PullMessage:
        if (auto response = pullMessage(connection, request, true))
            reply(connection, request, *response);
        return;
    case RequestCode::QueryMessage: reply(connection, request, queryMessage(request)); return;
    case RequestCode::ViewMessageById: reply(connection, request, viewMessageById(request)); return;
    case RequestCode::GetMaxOffset:
    case RequestCode::GetMinOffset:
    case RequestCode::SearchOffsetByTimestamp: reply(connection, request, queueOffset(request)); return;
    case RequestCode::QueryConsumerOffset: reply(connection, request, queryConsumerOffset(request)); return;
    case RequestCode::UpdateConsumerOffset: reply(connection, request, updateConsumerOffset(request)); return;
    case RequestCode::HeartBeat: reply(connection, request, heartbeat(connection, request)); return;
    case RequestCode::UnregisterClient: reply(connection, request, unregisterClient(connection, request)); return;
    case RequestCode::GetConsumerListByGroup: reply(connection, request, consumerList(request)); return;
    case RequestCode::UpdateAndCreateTopic: reply(connection, request, createTopic(request)); return;
    case RequestCode::GetConsumeStats: reply(connection, request, consumeStats(request)); return;
    case RequestCode::GetConsumerConnectionList: reply(connection, request, consumerConnections(request)); return;
    case RequestCode::InvokeBrokerToResetOffset: reply(connection, request, resetOffset(request)); return;
    case RequestCode::GetConsumerRunningInfo:
    case RequestCode::ConsumeMessageDirectly: forwardToConsumer(connection, request); return;
    case RequestCode::GetBrokerRuntimeInfo: reply(connection, request, runtimeInfo(request)); return;
    case RequestCode::GetAllSubscriptionGroupConfig: reply(connection, request, subscriptionGroups(request)); return;
    case RequestCode::QueryTopicConsumeByWho: reply(connection, request, topicConsumers(request)); return;
    case RequestCode::GetTopicStatsInfo: reply(connection, request, topicStats(request)); return;
    case RequestCode::LockBatchMq: reply(connection, request, lockQueues(request, true)); return;
    case RequestCode::UnlockBatchMq: reply(connection, request, lockQueues(request, false)); return;
    default:
        // AdminBrokerProcessor.getUnknownCmdResponse
        reply(connection, request,
              makeResponse(request, ResponseCode::RequestCodeNotSupported,
                           QStringLiteral(" request type %1 not supported").arg(request.code)));
        return;
    }
}

void Broker::onConnectionClosed(ServerConnection *connection)
{
    for (auto it = m_held.begin(); it != m_held.end();) {
        if (it->connection == connection || !it->connection) {
            if (it->timeout)
                it->timeout->deleteLater();
            it = m_held.erase(it);
        } else {
            ++it;
        }
    }
    notifyConsumerIdsChanged(m_clients.connectionClosed(connection));
}

void Broker::notifyConsumerIdsChanged(const QStringList &groups)
{
    for (const QString &group : groups) {
        const ConsumerGroup *info = m_clients.consumerGroup(group);
        if (!info)
            continue;
        ExtFields fields;
        fields.insert(QStringLiteral("consumerGroup"), group);
        for (const auto &channel : info->channels)
            channel.connection->invokeOneway(makeServerRequest(RequestCode::NotifyConsumerIdsChanged, fields));
    }
}

void Broker::recordPulled(const QString &group, const QString &topic, int count)
{
    m_getCount += count;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto &samples = m_pullStats[topic + u'@' + group];
    samples.append(PullSample{now, count});
    while (!samples.isEmpty() && samples.first().at < now - 60000)
        samples.removeFirst();
}

double Broker::consumeTps(const QString &group, const QString &topic) const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 total = 0;
    for (const auto &s : m_pullStats.value(topic + u'@' + group))
        if (s.at >= now - 60000)
            total += s.count;
    return double(total) / 60.0;
}

int Broker::heldPullCount() const
{
    return int(m_held.size());
}

} // namespace mq::sandbox
