#include "AdminTestKit.h"

#include "AdminData.h"
#include "Broker.h"
#include "Headers.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QTcpServer>

using namespace mq;
using testing::await;

namespace testkit {

QString Cluster::start(const ClusterOptions &options)
{
    sandbox::SandboxOptions so;
    so.brokerCount = options.brokers;
    so.listenAddress = options.listen;
    so.broker.listenAddress = options.listen;
    so.broker.resetOffsetWhenOffline = options.resetOffsetWhenOffline;
    m_sandbox = std::make_unique<sandbox::Sandbox>(so);
    if (auto started = m_sandbox->start(); !started)
        return QStringLiteral("sandbox: ") + started.error().message;
    ClientConfig config;
    config.nameServer = m_sandbox->nameServerAddress();
    m_client = std::make_unique<ClientInstance>(config);
    auto started = await(m_client->start());
    if (!started || !*started)
        return QStringLiteral("client: ") + QString::fromUtf8(testing::why(started));
    m_producer = std::make_unique<Producer>(m_client.get(), QStringLiteral("admin-test-producer"));
    auto producing = await(m_producer->start());
    if (!producing || !*producing)
        return QStringLiteral("producer: ") + QString::fromUtf8(testing::why(producing));
    m_admin = std::make_unique<Admin>(m_client.get());
    return {};
}

Cluster::~Cluster()
{
    m_admin.reset();
    m_producer.reset();
    m_client.reset();
    if (m_sandbox)
        m_sandbox->stop();
}

QString Cluster::brokerName(int index) const
{
    return m_sandbox->broker(index)->options().brokerName;
}

QString Cluster::brokerAddress(int index) const
{
    return m_sandbox->brokerAddress(index);
}

QString Cluster::createTopic(const QString &topic, int queues, int perm, int onlyBroker)
{
    for (int i = 0; i < m_sandbox->brokerCount(); ++i) {
        if (onlyBroker >= 0 && i != onlyBroker)
            continue;
        CreateTopicRequestHeader h;
        h.topic = topic;
        h.readQueueNums = queues;
        h.writeQueueNums = queues;
        h.perm = perm;
        auto response = await(m_client->invoke(
            brokerAddress(i), RemotingCommand::request(RequestCode::UpdateAndCreateTopic, h.toExtFields())));
        if (!response || !*response)
            return QStringLiteral("create topic: ") + QString::fromUtf8(testing::why(response));
        if ((*response)->code != 0)
            return QStringLiteral("create topic refused: %1").arg((*response)->remark.value_or(QString()));
    }
    m_client->forgetRoute(topic);
    return {};
}

std::optional<SendResult> Cluster::send(const QString &topic, int broker, int queueId, const QStringList &keys,
                                        const QString &tag, const QByteArray &body, QString *why)
{
    Message m;
    m.topic = topic;
    m.body = body;
    if (!tag.isEmpty())
        m.setTags(tag);
    if (!keys.isEmpty())
        m.setKeys(keys);
    SendOptions options;
    options.queue = MessageQueue{topic, brokerName(broker), queueId};
    auto sent = await(m_producer->send(m, options));
    if (!sent || !*sent) {
        if (why)
            *why = QString::fromUtf8(testing::why(sent));
        return std::nullopt;
    }
    return **sent;
}

bool Cluster::commitOffset(int broker, const QString &group, const QString &topic, int queueId, qint64 offset)
{
    UpdateConsumerOffsetRequestHeader h{group, topic, queueId, offset, std::nullopt};
    auto response = await(m_client->invoke(
        brokerAddress(broker), RemotingCommand::request(RequestCode::UpdateConsumerOffset, h.toExtFields())));
    return response && *response && (*response)->code == 0;
}

qint64 Cluster::brokerOffset(int broker, const QString &group, const QString &topic, int queueId)
{
    return m_sandbox->broker(broker)->consumerOffsets().query(group, topic, queueId);
}

FakeConsumer::FakeConsumer(Cluster &cluster, QString group, QString topic, QString tagExpression)
    : m_cluster(cluster)
    , m_group(std::move(group))
    , m_topic(std::move(topic))
    , m_tags(std::move(tagExpression))
    , m_clientId(QStringLiteral("127.0.0.1@fake-%1").arg(QDateTime::currentMSecsSinceEpoch()))
{
    for (int i = 0; i < cluster.sandbox().brokerCount(); ++i) {
        auto *c = new RemotingConnection(cluster.brokerAddress(i), {}, this);
        for (int code : {toInt(RequestCode::GetConsumerRunningInfo), toInt(RequestCode::ResetConsumerClientOffset),
                         toInt(RequestCode::NotifyConsumerIdsChanged)})
            c->setRequestHandler(code, [this](RemotingCommand r) { return answer(std::move(r)); });
        m_connections.append(c);
    }
}

FakeConsumer::~FakeConsumer() = default;

bool FakeConsumer::heartbeat()
{
    HeartbeatData data;
    data.clientID = m_clientId;
    ConsumerData consumer;
    consumer.groupName = m_group;
    consumer.subscriptionDataSet.append(
        SubscriptionData::fromTagExpression(m_topic, m_tags, QDateTime::currentMSecsSinceEpoch()));
    data.consumerDataSet.append(consumer);
    for (auto *c : m_connections) {
        auto response = await(c->request(RemotingCommand::request(RequestCode::HeartBeat, {}, data.toJson()),
                                         std::chrono::milliseconds(3000)));
        if (!response || !*response || (*response)->code != 0)
            return false;
    }
    return true;
}

QCoro::Task<RemotingCommand> FakeConsumer::answer(RemotingCommand request)
{
    if (request.code == toInt(RequestCode::ResetConsumerClientOffset)) {
        m_resets.append(request);
        Q_EMIT resetReceived();
        co_return RemotingCommand::response(request, 0);
    }
    if (request.code == toInt(RequestCode::GetConsumerRunningInfo)) {
        ConsumerRunningInfo info;
        info.properties.insert(ConsumerRunningInfo::PropConsumeType, ConsumeType::Passively);
        for (const MessageQueue &q : m_held)
            info.mqTable.insert(q, ProcessQueueInfo{});
        RemotingCommand response = RemotingCommand::response(request, 0);
        response.body = info.toJson();
        co_return response;
    }
    co_return RemotingCommand::response(request, 0);
}

quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

bool canListenOnIpv6Loopback()
{
    QTcpServer s;
    return s.listen(QHostAddress::LocalHostIPv6, 0);
}

} // namespace testkit
