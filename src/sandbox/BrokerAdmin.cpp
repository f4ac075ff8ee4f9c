// Heartbeats and client bookkeeping (ClientManageProcessor, ConsumerManageProcessor) and the
// console's requests (AdminBrokerProcessor): topics, consume stats, connections, offset reset,
// running info forwarded to a consumer.
#include "AdminData.h"
#include "Broker.h"
#include "BrokerReplies.h"
#include "Headers.h"
#include "MessageId.h"
#include "ServerConnection.h"
#include "Validators.h"

#include <QPointer>

namespace mq::sandbox {

namespace {
constexpr int kCallClientTimeoutMs = 10000; // Broker2Client.callClient
} // namespace

RemotingCommand Broker::heartbeat(ServerConnection *connection, const RemotingCommand &request)
{
    auto data = HeartbeatData::parse(request.body);
    if (!data)
        return makeResponse(request, ResponseCode::SystemError, data.error().message);
    for (const ConsumerData &consumer : data->consumerDataSet)
        if (!consumer.groupName.isEmpty() && (touchGroup(consumer.groupName), true))
            registerTopic(
                m_topics.createForSendBack(retryTopic(consumer.groupName), 1, PermName::Read | PermName::Write, 0));
    notifyConsumerIdsChanged(m_clients.heartbeat(connection, request.language, request.version, *data));
    return makeResponse(request, ResponseCode::Success);
}

RemotingCommand Broker::unregisterClient(ServerConnection *connection, const RemotingCommand &request)
{
    auto h = decodeHeader<UnregisterClientRequestHeader>(request);
    if (!h)
        return badHeaderResponse(request, h.error());
    notifyConsumerIdsChanged(
        m_clients.unregister(connection, h->producerGroup.value_or(QString()), h->consumerGroup.value_or(QString())));
    RemotingCommand response = makeResponse(request, ResponseCode::Success);
    response.extFields = ExtFields();
    return response;
}

RemotingCommand Broker::consumerList(const RemotingCommand &request)
{
    auto h = decodeHeader<GetConsumerListByGroupRequestHeader>(request);
    if (!h)
        return badHeaderResponse(request, h.error());
    const ConsumerGroup *group = m_clients.consumerGroup(h->consumerGroup);
    RemotingCommand response;
    if (group && !group->channels.isEmpty()) {
        response = makeResponse(request, ResponseCode::Success);
        ConsumerIdList ids;
        ids.consumerIdList = group->clientIds();
        response.body = ids.toJson();
    } else {
        response = makeResponse(request, ResponseCode::SystemError,
                                QStringLiteral("no consumer for this group, %1").arg(h->consumerGroup));
    }
    response.extFields = ExtFields();
    return response;
}

RemotingCommand Broker::createTopic(const RemotingCommand &request)
{
    auto h = decodeHeader<CreateTopicRequestHeader>(request);
    if (!h)
        return badHeaderResponse(request, h.error());
    const QString &topic = h->topic;
    if (topic == m_options.clusterName)
        return makeResponse(request, ResponseCode::SystemError,
                            QStringLiteral("the topic[%1] is conflict with system reserved words.").arg(topic));
    if (const QString problem = topicProblem(topic); !problem.isEmpty())
        return makeResponse(request, ResponseCode::SystemError, problem);
    if (validate::isSystemTopic(topic))
        return makeResponse(request, ResponseCode::SystemError,
                            QStringLiteral("The topic[%1] is conflict with system topic.").arg(topic));
    // The 4.9.8 broker takes any count; a sandbox must not loop over a billion queues.
    constexpr int kMaxQueueNums = 65536;
    if (h->readQueueNums < 0 || h->writeQueueNums < 0 || h->readQueueNums > kMaxQueueNums ||
        h->writeQueueNums > kMaxQueueNums)
        return makeResponse(request, ResponseCode::SystemError,
                            QStringLiteral("queue nums must be between 0 and %1 (read %2, write %3)")
                                .arg(kMaxQueueNums)
                                .arg(h->readQueueNums)
                                .arg(h->writeQueueNums));
    TopicConfig config;
    config.topicName = topic;
    config.readQueueNums = h->readQueueNums;
    config.writeQueueNums = h->writeQueueNums;
    config.perm = h->perm;
    config.topicFilterType = h->topicFilterType;
    config.topicSysFlag = h->topicSysFlag.value_or(0);
    config.order = h->order;
    m_topics.upsert(config);
    registerTopic(config);
    // The Java handler only sets the code, so the default remark stays on the wire.
    return makeResponse(request, ResponseCode::Success, QStringLiteral("not set any response code"));
}

RemotingCommand Broker::consumeStats(const RemotingCommand &request)
{
    auto h = decodeHeader<GetConsumeStatsRequestHeader>(request);
    if (!h)
        return badHeaderResponse(request, h.error());
    const QString group = h->consumerGroup;
    const QStringList topics =
        h->topic && !h->topic->trimmed().isEmpty() ? QStringList{*h->topic} : m_offsets.topicsOf(group);
    const ConsumerGroup *online = m_clients.consumerGroup(group);
    ConsumeStats stats;
    for (const QString &topic : topics) {
        const TopicConfig *config = m_topics.find(topic);
        if (!config)
            continue;
        // A group that is online but does not subscribe to this topic any more is skipped.
        if (online && !online->subscriptions.isEmpty() && !online->subscription(topic))
            continue;
        for (int q = 0; q < config->readQueueNums; ++q) {
            OffsetWrapper w;
            w.brokerOffset = m_store->maxOffset(topic, q);
            w.consumerOffset = qMax<qint64>(0, m_offsets.query(group, topic, q));
            if (w.consumerOffset > 0) {
                const qint64 t = m_store->storeTimestamp(topic, q, w.consumerOffset - 1);
                if (t > 0)
                    w.lastTimestamp = t;
            }
            stats.offsetTable.insert(MessageQueue{topic, m_options.brokerName, q}, w);
        }
        stats.consumeTps += consumeTps(group, topic);
    }
    stats.sortLikeJava();
    RemotingCommand response = makeResponse(request, ResponseCode::Success);
    response.body = stats.toJson();
    return response;
}

RemotingCommand Broker::consumerConnections(const RemotingCommand &request)
{
    auto h = decodeHeader<GetConsumerConnectionListRequestHeader>(request);
    if (!h)
        return badHeaderResponse(request, h.error());
    const ConsumerGroup *group = m_clients.consumerGroup(h->consumerGroup);
    if (!group)
        return makeResponse(request, ResponseCode::ConsumerNotOnline,
                            QStringLiteral("the consumer group[%1] not online").arg(h->consumerGroup));
    ConsumerConnection body;
    body.consumeFromWhere = group->consumeFromWhere;
    body.consumeType = group->consumeType;
    body.messageModel = group->messageModel;
    for (const auto &s : group->subscriptions)
        body.subscriptionTable.insert(s.topic, s);
    for (const auto &c : group->channels) {
        Connection connection;
        connection.clientId = c.clientId;
        connection.clientAddr = c.connection->remoteAddress();
        connection.language = languageName(c.language);
        connection.version = c.version;
        body.connectionSet.append(connection);
    }
    body.sortLikeJava();
    RemotingCommand response = makeResponse(request, ResponseCode::Success);
    response.body = body.toJson();
    return response;
}

RemotingCommand Broker::resetOffset(const RemotingCommand &request)
{
    auto h = decodeHeader<ResetOffsetRequestHeader>(request);
    if (!h)
        return badHeaderResponse(request, h.error());
    const TopicConfig *config = m_topics.find(h->topic);
    if (!config)
        return makeResponse(
            request, ResponseCode::SystemError,
            QStringLiteral("[reset-offset] reset offset failed, no topic in this broker. topic=%1").arg(h->topic));
    // Broker2Client.resetOffset
    ResetOffsetBody body;
    const ConsumerGroup *group = m_clients.consumerGroup(h->group);
    const bool online = group && !group->channels.isEmpty();
    for (int q = 0; q < config->writeQueueNums; ++q) {
        const qint64 consumerOffset = m_offsets.query(h->group, h->topic, q);
        if (consumerOffset == -1 && online)
            return makeResponse(request, ResponseCode::SystemError,
                                QStringLiteral("THe consumer group <%1> not exist").arg(h->group));
        qint64 target =
            h->timestamp == -1 ? m_store->maxOffset(h->topic, q) : m_store->offsetByTime(h->topic, q, h->timestamp);
        if (target < 0)
            target = 0;
        const qint64 value = h->isForce || consumerOffset < 0 || target < consumerOffset ? target : consumerOffset;
        body.offsetTable.insert(MessageQueue{h->topic, m_options.brokerName, q}, value);
    }
    body.sortLikeJava();

    if (online) {
        ResetOffsetRequestHeader toClient;
        toClient.topic = h->topic;
        toClient.group = h->group;
        toClient.timestamp = h->timestamp;
        toClient.isForce = false; // 4.9.8 never sets it on the request it forwards
        for (const auto &c : group->channels)
            c.connection->invokeOneway(
                makeServerRequest(RequestCode::ResetConsumerClientOffset, toClient.toExtFields(), body.toJson()));
    } else if (h->isForce && m_options.resetOffsetWhenOffline) {
        for (const auto &[mq, offset] : body.offsetTable.entries())
            m_offsets.commit(h->group, mq.topic, mq.queueId, offset);
    } else {
        return makeResponse(
            request, ResponseCode::ConsumerNotOnline,
            QStringLiteral("Consumer not online, so can not reset offset, Group: %1 Topic: %2 Timestamp: %3")
                .arg(h->group, h->topic)
                .arg(h->timestamp));
    }
    RemotingCommand response =
        makeResponse(request, ResponseCode::Success, QStringLiteral("not set any response code"));
    response.body = body.toJson();
    return response;
}

void Broker::forwardToConsumer(ServerConnection *connection, const RemotingCommand &request)
{
    const QString group = request.field(QStringLiteral("consumerGroup"));
    const QString clientId = request.field(QStringLiteral("clientId"));
    const ConsumerGroup *info = m_clients.consumerGroup(group);
    const ClientChannel *channel = info ? info->channel(clientId) : nullptr;
    if (!channel) {
        reply(connection, request,
              makeResponse(request, ResponseCode::SystemError,
                           QStringLiteral("The Consumer <%1> <%2> not online").arg(group, clientId)));
        return;
    }
    RemotingCommand forward = makeServerRequest(static_cast<RequestCode>(request.code), {}, request.body);
    forward.extFields = request.extFields;
    if (request.code == toInt(RequestCode::ConsumeMessageDirectly)) {
        forward.setField(QStringLiteral("brokerName"), m_options.brokerName);
        if (auto id = decodeOffsetMsgId(request.field(QStringLiteral("msgId"))))
            if (auto bytes = m_store->readMessage(id->commitLogOffset))
                forward.body = *bytes;
    }
    QPointer<ServerConnection> caller(connection);
    const RemotingCommand original = request;
    channel->connection->invoke(
        forward, kCallClientTimeoutMs,
        [this, caller, original, group, clientId](std::optional<RemotingCommand> answer) {
            if (!caller || original.isOneway())
                return;
            if (!answer) {
                caller->send(makeResponse(original, ResponseCode::ConsumeMsgTimeout,
                                          QStringLiteral("consumer <%1> <%2> Timeout: no response within %3 ms")
                                              .arg(group, clientId)
                                              .arg(kCallClientTimeoutMs)));
                return;
            }
            // The client's own response goes back as it came, under the caller's opaque.
            RemotingCommand response = std::move(*answer);
            response.opaque = original.opaque;
            response.flag = RemotingCommand::kResponseFlag;
            caller->send(response);
        });
}

} // namespace mq::sandbox
