// PushConsumer: long-polling pulls per queue, flow control, the client-side tag check, handing
// messages to the handler and committing what it finished.
#include "PushConsumer.h"

#include "Headers.h"
#include "MessageCodec.h"

#include <QDateTime>

namespace mq {

using std::chrono::milliseconds;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

bool PushConsumer::isCurrent(const std::shared_ptr<ProcessQueue> &queue) const
{
    return queue && !queue->isDropped() && m_queues.value(queue->queue()) == queue;
}

void PushConsumer::schedulePull(const std::shared_ptr<ProcessQueue> &queue, milliseconds delay)
{
    QTimer::singleShot(delay, this, [this, queue] {
        if (isCurrent(queue) && m_running)
            auto t = pull(queue);
    });
}

QCoro::Task<> PushConsumer::pull(std::shared_ptr<ProcessQueue> queue)
{
    const MessageQueue mq = queue->queue();
    if (m_suspended) {
        queue->setPullPaused(true); // resume() restarts it
        co_return;
    }
    if (queue->isOverThreshold(m_options.pullThresholdForQueue, m_options.pullThresholdSizeForQueueMiB,
                               m_options.consumeConcurrentlyMaxSpan)) {
        queue->setPullPaused(true); // consumed() resumes it
        co_return;
    }
    const auto sub = m_subscriptions.constFind(mq.topic);
    if (sub == m_subscriptions.cend() || !m_client)
        co_return;
    QPointer<PushConsumer> self(this);
    QPointer<ClientInstance> client = m_client;

    QString address = client->masterAddress(mq.brokerName);
    if (address.isEmpty()) {
        (void)co_await client->topicRoute(mq.topic, true);
        if (!self || !client || !isCurrent(queue) || !m_running)
            co_return;
        address = client->masterAddress(mq.brokerName);
        if (address.isEmpty()) {
            onPullFailed(queue, QStringLiteral("broker %1 has no master in the route").arg(mq.brokerName));
            co_return;
        }
    }

    // The header the Java client sends (see the fixture's PULL_MESSAGE frames): no
    // subscription string (postSubscriptionWhenPull is off), commit offset piggy-backed in
    // clustering mode once there is one.
    PullMessageRequestHeader header;
    header.consumerGroup = m_group;
    header.topic = mq.topic;
    header.queueId = mq.queueId;
    header.queueOffset = queue->nextOffset();
    header.maxMsgNums = m_options.pullBatchSize;
    qint64 commitOffset = 0;
    if (m_options.mode == ConsumeMode::Clustering)
        commitOffset = m_offsets->offset(mq).value_or(0);
    header.sysFlag = PullSysFlag::build(commitOffset > 0, true, false, false);
    header.commitOffset = commitOffset;
    header.suspendTimeoutMillis = m_options.brokerSuspendMax.count();
    header.subVersion = sub->subVersion;
    header.expressionType = sub->expressionType;
    header.brokerName = mq.brokerName;

    const qint64 requested = header.queueOffset;
    const qint64 started = nowMs();
    queue->markPulled(started);
    auto response =
        co_await client->invoke(address, RemotingCommand::request(RequestCode::PullMessage, header.toExtFields()),
                                m_options.pullTimeoutWhenSuspend);
    if (!self || !m_running || !isCurrent(queue))
        co_return;
    if (!response) {
        onPullFailed(queue, response.error().message);
        co_return;
    }
    const int code = response->code;
    const bool known = code == toInt(ResponseCode::Success) || code == toInt(ResponseCode::PullNotFound) ||
                       code == toInt(ResponseCode::PullRetryImmediately) ||
                       code == toInt(ResponseCode::PullOffsetMoved);
    if (!known) {
        if (code == toInt(ResponseCode::SubscriptionNotExist) || code == toInt(ResponseCode::SubscriptionNotLatest) ||
            code == toInt(ResponseCode::SubscriptionGroupNotExist))
            heartbeatSoon(); // a restarted broker forgot us
        onPullFailed(queue, QStringLiteral("%1 answered %2 %3")
                                .arg(address, responseCodeName(code), response->remark.value_or(QString())));
        co_return;
    }
    auto result = decodeHeader<PullMessageResponseHeader>(*response);
    if (!result) {
        onPullFailed(queue, result.error().message);
        co_return;
    }
    if (m_pullFailing.remove(mq))
        emitEvent(ConsumerEvent::Kind::Warning, QStringLiteral("Pulling %1 works again").arg(mq.toString()), mq);

    if (code == toInt(ResponseCode::PullOffsetMoved)) {
        correctOffset(queue, requested, result->nextBeginOffset, result->minOffset, result->maxOffset);
        co_return;
    }
    if (code != toInt(ResponseCode::Success)) {
        // PULL_NOT_FOUND (nothing new, e.g. OFFSET_OVERFLOW_ONE) or PULL_RETRY_IMMEDIATELY
        // (nothing matching the tags): move on, and let the commit follow when nothing is
        // cached (correctTagsOffset), or filtered-out messages would count as lag forever.
        m_stats.recordPull(mq.topic, 0, nowMs() - started, nowMs());
        queue->setNextOffset(result->nextBeginOffset);
        if (queue->cachedCount() == 0)
            m_offsets->update(mq, result->nextBeginOffset, true);
        schedulePull(queue, milliseconds(0));
        co_return;
    }
    auto messages = decodeMessages(response->body);
    if (!messages) {
        onPullFailed(queue,
                     QStringLiteral("undecodable pull result from %1: %2").arg(address, messages.error().message));
        co_return;
    }
    m_stats.recordPull(mq.topic, int(messages->size()), nowMs() - started, nowMs());
    for (MessageExt &m : *messages) {
        m.properties.insert(prop::MinOffset, QString::number(result->minOffset));
        m.properties.insert(prop::MaxOffset, QString::number(result->maxOffset));
    }
    onMessagesPulled(queue, std::move(*messages), result->nextBeginOffset);
}

void PushConsumer::onPullFailed(const std::shared_ptr<ProcessQueue> &queue, const QString &why)
{
    const MessageQueue &mq = queue->queue();
    if (!m_pullFailing.contains(mq)) {
        m_pullFailing.insert(mq);
        emitEvent(ConsumerEvent::Kind::Warning,
                  QStringLiteral("Pulling %1 failed: %2; retrying every %3 ms from offset %4")
                      .arg(mq.toString(), why)
                      .arg(m_options.pullDelayOnError.count())
                      .arg(queue->nextOffset()),
                  mq);
    }
    schedulePull(queue, m_options.pullDelayOnError);
}

QList<MessageExt> PushConsumer::filterByTags(const MessageQueue &queue, QList<MessageExt> messages) const
{
    const auto sub = m_subscriptions.constFind(queue.topic);
    if (sub == m_subscriptions.cend() || sub->matchesAllTags() || sub->tagsSet.isEmpty() || sub->classFilterMode)
        return messages;
    // The broker compares tag hash codes only; two tags with the same hash both pass there.
    messages.removeIf([&](const MessageExt &m) {
        const QString tags = m.tags();
        return tags.isEmpty() || !sub->tagsSet.contains(tags);
    });
    return messages;
}

void PushConsumer::prepareForHandler(MessageExt &message) const
{
    // A retried message comes from %RETRY%<group>; users see the topic it was sent to.
    const QString original = message.properties.value(prop::RetryTopic);
    if (!original.isEmpty() && message.topic == retryTopic())
        message.topic = original;
}

void PushConsumer::onMessagesPulled(const std::shared_ptr<ProcessQueue> &queue, QList<MessageExt> messages,
                                    qint64 nextOffset)
{
    const MessageQueue &mq = queue->queue();
    queue->setNextOffset(nextOffset);
    QList<MessageExt> wanted = filterByTags(mq, std::move(messages));
    if (wanted.isEmpty()) {
        if (queue->cachedCount() == 0)
            m_offsets->update(mq, nextOffset, true);
        schedulePull(queue, milliseconds(0));
        return;
    }
    for (MessageExt &m : wanted)
        prepareForHandler(m);
    queue->put(wanted, nowMs());
    for (const MessageExt &m : std::as_const(wanted))
        m_pending.push_back(Delivery{queue, m});
    Q_EMIT messagesReceived(wanted);
    scheduleDispatch();
    schedulePull(queue, milliseconds(0)); // pull() pauses instead when the cache is full
}

void PushConsumer::correctOffset(const std::shared_ptr<ProcessQueue> &queue, qint64 requested, qint64 next,
                                 qint64 minOffset, qint64 maxOffset)
{
    const MessageQueue mq = queue->queue();
    QString why;
    if (requested < minOffset)
        why = QStringLiteral("is below the queue's min offset %1 (those messages are gone)").arg(minOffset);
    else if (requested > maxOffset)
        why = QStringLiteral("is above the queue's max offset %1").arg(maxOffset);
    else
        why = QStringLiteral("is not valid for the broker (queue range %1..%2)").arg(minOffset).arg(maxOffset);
    const QString text = QStringLiteral("Offset %1 of %2 %3; moved to %4 as the broker suggests")
                             .arg(requested)
                             .arg(mq.toString(), why)
                             .arg(next);
    // Like the Java client: the queue starts over at the corrected offset and what was cached
    // for the old position is forgotten.
    queue->drop();
    auto fresh = std::make_shared<ProcessQueue>(mq, next);
    m_queues.insert(mq, fresh);
    m_offsets->update(mq, next, false);
    auto t = m_offsets->persist({mq});
    Q_EMIT offsetCorrected(mq, requested, next, text);
    emitEvent(ConsumerEvent::Kind::OffsetCorrected, text, mq);
    schedulePull(fresh, milliseconds(0));
}

void PushConsumer::suspend()
{
    m_suspended = true;
}

void PushConsumer::resume()
{
    if (!m_suspended)
        return;
    m_suspended = false;
    for (const auto &queue : std::as_const(m_queues)) {
        if (queue->isPullPaused() &&
            !queue->isOverThreshold(m_options.pullThresholdForQueue, m_options.pullThresholdSizeForQueueMiB,
                                    m_options.consumeConcurrentlyMaxSpan)) {
            queue->setPullPaused(false);
            schedulePull(queue, milliseconds(0));
        }
    }
    scheduleDispatch();
}

// ---- consuming ---------------------------------------------------------------------------

void PushConsumer::scheduleDispatch()
{
    if (m_dispatchScheduled)
        return;
    m_dispatchScheduled = true;
    QTimer::singleShot(0, this, &PushConsumer::dispatch);
}

void PushConsumer::dispatch()
{
    m_dispatchScheduled = false;
    // A bounded batch per event-loop turn keeps sockets and timers served under load.
    constexpr int kBatch = 256;
    int started = 0;
    while (m_running && !m_suspended && m_inFlight < m_options.consumeConcurrency && !m_pending.empty() &&
           started < kBatch) {
        Delivery d = std::move(m_pending.front());
        m_pending.pop_front();
        if (!isCurrent(d.queue))
            continue;
        ++m_inFlight;
        ++started;
        auto t = consume(std::move(d));
    }
    if (m_running && !m_suspended && !m_pending.empty() && m_inFlight < m_options.consumeConcurrency)
        scheduleDispatch();
}

QCoro::Task<ConsumeResult> PushConsumer::callHandler(MessageExt message)
{
    try {
        if (m_asyncHandler)
            co_return co_await m_asyncHandler(std::move(message));
        if (m_handler)
            co_return m_handler(message);
    } catch (...) {
        co_return ConsumeResult::RetryLater; // the Java client treats a throwing listener the same way
    }
    co_return ConsumeResult::Success;
}

QCoro::Task<> PushConsumer::consume(Delivery delivery)
{
    QPointer<PushConsumer> self(this);
    MessageExt &msg = delivery.message;
    const MessageQueue mq = delivery.queue->queue();
    const qint64 started = nowMs();
    msg.properties.insert(prop::ConsumeStartTime, QString::number(started));
    const ConsumeResult result = co_await callHandler(msg);
    if (!self)
        co_return;
    --m_inFlight;
    m_stats.recordConsume(mq.topic, result == ConsumeResult::Success, nowMs() - started, nowMs());
    Q_EMIT messageConsumed(msg, result);
    if (!self)
        co_return;
    if (result == ConsumeResult::RetryLater && isCurrent(delivery.queue)) {
        if (m_options.mode == ConsumeMode::Broadcasting) {
            emitEvent(ConsumerEvent::Kind::Dropped,
                      QStringLiteral("Message %1 from %2 asked for a retry, but broadcasting consumers do not retry: "
                                     "it is skipped")
                          .arg(msg.msgId(), mq.toString()),
                      mq);
        } else {
            auto sent = co_await sendBack(msg, mq);
            if (!self)
                co_return;
            if (!sent) {
                // Keep it cached (so the offset stays below it) and hand it over again later.
                emitEvent(ConsumerEvent::Kind::SendBackFailed,
                          QStringLiteral("Could not send message %1 back for retry (%2); it is handed to the "
                                         "handler again in %3 ms")
                              .arg(msg.msgId(), sent.error().message)
                              .arg(m_options.reconsumeDelayWhenSendBackFails.count()),
                          mq);
                QTimer::singleShot(m_options.reconsumeDelayWhenSendBackFails, this, [this, delivery] {
                    if (!isCurrent(delivery.queue))
                        return;
                    m_pending.push_back(delivery);
                    scheduleDispatch();
                });
                scheduleDispatch();
                co_return;
            }
        }
    }
    consumed(delivery);
    scheduleDispatch();
}

QCoro::Task<Status> PushConsumer::sendBack(MessageExt message, MessageQueue queue)
{
    QPointer<ClientInstance> client = m_client;
    if (!client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("The client is gone"));
    QString address = client->masterAddress(queue.brokerName);
    if (address.isEmpty())
        address = message.storeHost.toString();
    ConsumerSendMsgBackRequestHeader header;
    header.offset = message.commitLogOffset;
    header.group = m_group;
    header.delayLevel = 0; // the broker picks 3 + reconsumeTimes
    header.originMsgId = message.msgId();
    header.originTopic = message.topic;
    header.unitMode = false;
    header.maxReconsumeTimes = m_options.maxReconsumeTimes;
    header.brokerName = queue.brokerName;
    auto response = co_await client->invoke(
        address, RemotingCommand::request(RequestCode::ConsumerSendMsgBack, header.toExtFields()));
    if (!response)
        co_return response.error();
    if (response->code != toInt(ResponseCode::Success))
        co_return makeError(Error::Code::Broker,
                            QStringLiteral("%1 refused the send-back: %2 %3")
                                .arg(address, responseCodeName(response->code), response->remark.value_or(QString())),
                            response->code);
    co_return Ok{};
}

void PushConsumer::consumed(const Delivery &delivery)
{
    const auto &queue = delivery.queue;
    if (!isCurrent(queue))
        return; // dropped, reset or corrected meanwhile: its offsets are someone else's now
    const qint64 commit = queue->remove({delivery.message.queueOffset}, nowMs());
    if (commit >= 0)
        m_offsets->update(queue->queue(), commit, true);
    if (queue->isPullPaused() && !m_suspended &&
        !queue->isOverThreshold(m_options.pullThresholdForQueue, m_options.pullThresholdSizeForQueueMiB,
                                m_options.consumeConcurrentlyMaxSpan)) {
        queue->setPullPaused(false);
        schedulePull(queue, milliseconds(0));
    }
}

} // namespace mq
