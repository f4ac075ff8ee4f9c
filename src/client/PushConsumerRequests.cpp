// PushConsumer: what the broker asks a consumer (ClientRemotingProcessor): rebalance now (40),
// reset offsets (220), offsets (221), running info (307), consume this message (309).
#include "PushConsumer.h"

#include "FastJson.h"
#include "Headers.h"
#include "MessageCodec.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace mq {

using std::chrono::milliseconds;

namespace {

RemotingCommand failure(const RemotingCommand &request, const QString &why)
{
    return RemotingCommand::response(request, toInt(ResponseCode::SystemError), why);
}

json::Value queueKey(const MessageQueue &q)
{
    return json::Value::object({
        {json::Value::string(QStringLiteral("brokerName")), json::Value::string(q.brokerName)},
        {json::Value::string(QStringLiteral("queueId")), json::Value::number(qint64(q.queueId))},
        {json::Value::string(QStringLiteral("topic")), json::Value::string(q.topic)},
    });
}

} // namespace

QCoro::Task<RemotingCommand> PushConsumer::handleBrokerRequest(RemotingCommand request, QString brokerAddress)
{
    Q_UNUSED(brokerAddress)
    switch (static_cast<RequestCode>(request.code)) {
    case RequestCode::NotifyConsumerIdsChanged:
        rebalanceSoon();
        co_return RemotingCommand::response(request, toInt(ResponseCode::Success));
    case RequestCode::ResetConsumerClientOffset: co_return co_await resetOffsets(std::move(request));
    case RequestCode::GetConsumerStatusFromClient: co_return consumerStatus(request);
    case RequestCode::GetConsumerRunningInfo: co_return runningInfoResponse(request);
    case RequestCode::ConsumeMessageDirectly: co_return co_await consumeDirectly(std::move(request));
    default: break;
    }
    co_return RemotingCommand::response(request, toInt(ResponseCode::RequestCodeNotSupported),
                                        QStringLiteral("request type %1 not supported").arg(request.code));
}

QCoro::Task<RemotingCommand> PushConsumer::resetOffsets(RemotingCommand request)
{
    auto header = decodeHeader<ResetOffsetRequestHeader>(request);
    auto body = ResetOffsetBody::parse(request.body);
    if (!header || !body) {
        const QString why = !header ? header.error().message : body.error().message;
        emitEvent(ConsumerEvent::Kind::Warning, QStringLiteral("Ignored an unreadable offset reset: %1").arg(why));
        co_return failure(request, why);
    }
    QList<MessageQueue> moved;
    for (const auto &[mq, offset] : body->offsetTable) {
        if (mq.topic != header->topic)
            continue;
        const auto current = m_queues.value(mq);
        if (!current)
            continue; // another instance of the group owns it and resets it
        const qint64 from = m_offsets->offset(mq).value_or(current->nextOffset());
        // The old queue state goes: cached messages are not handed over, handlers still busy
        // with them commit nothing; pulling restarts at the new offset.
        current->drop();
        auto fresh = std::make_shared<ProcessQueue>(mq, offset);
        m_queues.insert(mq, fresh);
        m_offsets->update(mq, offset, false);
        moved.append(mq);
        Q_EMIT offsetReset(mq, from, offset);
        emitEvent(ConsumerEvent::Kind::OffsetReset,
                  QStringLiteral("Offset of %1 reset from %2 to %3 by an administrator")
                      .arg(mq.toString())
                      .arg(from)
                      .arg(offset),
                  mq);
        schedulePull(fresh, milliseconds(0));
    }
    if (!moved.isEmpty() && m_offsets)
        auto t = m_offsets->persist(moved);
    co_return RemotingCommand::response(request, toInt(ResponseCode::Success));
}

RemotingCommand PushConsumer::consumerStatus(const RemotingCommand &request) const
{
    auto header = decodeHeader<GetConsumerStatusRequestHeader>(request);
    if (!header)
        return failure(request, header.error().message);
    // GetConsumerStatusBody: this client's offsets of the topic.
    QList<json::Value::Member> table;
    if (m_offsets) {
        const auto offsets = m_offsets->table(header->topic);
        for (auto it = offsets.cbegin(); it != offsets.cend(); ++it)
            table.append({queueKey(it.key()), json::Value::number(it.value())});
    }
    RemotingCommand response = RemotingCommand::response(request, toInt(ResponseCode::Success));
    response.body = json::write(json::Value::object({
        {json::Value::string(QStringLiteral("consumerTable")), json::Value::object()},
        {json::Value::string(QStringLiteral("messageQueueTable")), json::Value::object(table)},
    }));
    return response;
}

ConsumerRunningInfo PushConsumer::runningInfo() const
{
    ConsumerRunningInfo info;
    auto &p = info.properties;
    p.insert(QStringLiteral("consumerGroup"), m_group);
    p.insert(QStringLiteral("messageModel"), consumeModeWireName(m_options.mode));
    p.insert(QStringLiteral("consumeFromWhere"), consumeStartWireName(m_options.consumeFrom));
    p.insert(QStringLiteral("consumeTimestamp"), m_options.consumeTimestamp.toString(QStringLiteral("yyyyMMddHHmmss")));
    p.insert(QStringLiteral("pullBatchSize"), QString::number(m_options.pullBatchSize));
    p.insert(QStringLiteral("pullThresholdForQueue"), QString::number(m_options.pullThresholdForQueue));
    p.insert(QStringLiteral("pullThresholdSizeForQueue"), QString::number(m_options.pullThresholdSizeForQueueMiB));
    p.insert(QStringLiteral("consumeConcurrentlyMaxSpan"), QString::number(m_options.consumeConcurrentlyMaxSpan));
    p.insert(QStringLiteral("consumeThreadMax"), QString::number(m_options.consumeConcurrency));
    p.insert(QStringLiteral("maxReconsumeTimes"), QString::number(m_options.maxReconsumeTimes));
    p.insert(QStringLiteral("unitMode"), QStringLiteral("false"));
    p.insert(QStringLiteral("postSubscriptionWhenPull"), QStringLiteral("false"));
    QString nameServers;
    if (m_client)
        for (const QString &a : m_client->nameServers())
            nameServers += a + u';';
    p.insert(ConsumerRunningInfo::PropNameserverAddr, nameServers);
    p.insert(ConsumerRunningInfo::PropConsumeType, ConsumeType::Passively);
    p.insert(ConsumerRunningInfo::PropConsumeOrderly, QStringLiteral("false"));
    p.insert(ConsumerRunningInfo::PropThreadpoolCoreSize, QString::number(m_options.consumeConcurrency));
    p.insert(ConsumerRunningInfo::PropClientVersion, QStringLiteral("V4_9_8"));
    p.insert(ConsumerRunningInfo::PropConsumerStartTimestamp, QString::number(m_startTimestamp));

    info.subscriptionSet = m_subscriptions.values();
    for (auto it = m_queues.cbegin(); it != m_queues.cend(); ++it)
        info.mqTable.insert(it.key(), it.value()->info(m_offsets ? m_offsets->offset(it.key()).value_or(0) : 0));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &topic : m_subscriptions.keys())
        info.statusTable.insert(topic, m_stats.status(topic, now));
    info.sortLikeJava();
    return info;
}

RemotingCommand PushConsumer::runningInfoResponse(const RemotingCommand &request) const
{
    auto header = decodeHeader<GetConsumerRunningInfoRequestHeader>(request);
    if (!header)
        return failure(request, header.error().message);
    ConsumerRunningInfo info = runningInfo();
    if (header->jstackEnable)
        info.jstack = QStringLiteral("mqdesk consumer: no JVM; %1 handler(s) running, %2 message(s) waiting, %3 cached")
                          .arg(m_inFlight)
                          .arg(m_pending.size())
                          .arg(cachedMessageCount());
    RemotingCommand response = RemotingCommand::response(request, toInt(ResponseCode::Success));
    response.body = info.toJson();
    return response;
}

QCoro::Task<RemotingCommand> PushConsumer::consumeDirectly(RemotingCommand request)
{
    auto header = decodeHeader<ConsumeMessageDirectlyResultRequestHeader>(request);
    if (!header)
        co_return failure(request, header.error().message);
    auto messages = decodeMessages(request.body);
    if (!messages || messages->isEmpty())
        co_return failure(request, messages ? QStringLiteral("the request carries no message")
                                            : QStringLiteral("unreadable message: %1").arg(messages.error().message));
    QPointer<PushConsumer> self(this);
    MessageExt msg = messages->first();
    prepareForHandler(msg);
    msg.properties.insert(prop::ConsumeStartTime, QString::number(QDateTime::currentMSecsSinceEpoch()));
    QElapsedTimer timer;
    timer.start();
    const ConsumeResult result = co_await callHandler(msg);
    if (!self)
        co_return failure(request, QStringLiteral("the consumer was deleted"));
    Q_EMIT messageConsumed(msg, result);
    // ConsumeMessageDirectlyResult, fields in fastjson's (alphabetical) order.
    RemotingCommand response = RemotingCommand::response(request, toInt(ResponseCode::Success));
    response.body = json::write(json::Value::object({
        {json::Value::string(QStringLiteral("autoCommit")), json::Value::boolean(true)},
        {json::Value::string(QStringLiteral("consumeResult")),
         json::Value::string(result == ConsumeResult::Success ? QStringLiteral("CR_SUCCESS")
                                                              : QStringLiteral("CR_LATER"))},
        {json::Value::string(QStringLiteral("order")), json::Value::boolean(false)},
        {json::Value::string(QStringLiteral("spentTimeMills")), json::Value::number(qint64(timer.elapsed()))},
    }));
    co_return response;
}

} // namespace mq
