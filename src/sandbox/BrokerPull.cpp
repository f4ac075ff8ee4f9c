// PULL_MESSAGE with long polling, after 4.9.8's PullMessageProcessor,
// DefaultMessageStore.getMessage and PullRequestHoldService.
#include "Broker.h"
#include "BrokerReplies.h"
#include "Headers.h"
#include "ServerConnection.h"

#include <QTimer>

namespace mq::sandbox {

namespace {

constexpr qint64 kMaxTransferBytes = 256 * 1024; // maxTransferBytesOnMessageInMemory
constexpr int kMaxTransferCount = 32;            // maxTransferCountOnMessageInMemory
constexpr int kMaxFilterEntries = 16000 / 20;    // Math.max(16000, maxMsgNums * 20) / CQ_STORE_UNIT_SIZE

enum class GetStatus {
    Found,
    NoMatchedMessage,
    NoMessageInQueue,
    OffsetTooSmall,
    OffsetOverflowOne,
    OffsetOverflowBadly,
};

const char *statusName(GetStatus s)
{
    switch (s) {
    case GetStatus::Found: return "FOUND";
    case GetStatus::NoMatchedMessage: return "NO_MATCHED_MESSAGE";
    case GetStatus::NoMessageInQueue: return "NO_MESSAGE_IN_QUEUE";
    case GetStatus::OffsetTooSmall: return "OFFSET_TOO_SMALL";
    case GetStatus::OffsetOverflowOne: return "OFFSET_OVERFLOW_ONE";
    case GetStatus::OffsetOverflowBadly: return "OFFSET_OVERFLOW_BADLY";
    }
    return "UNKNOWN";
}

// DefaultMessageStore.isTheBatchFull for messages in memory.
bool batchFull(qint32 size, int maxMsgNums, qint64 bufferTotal, int messageTotal)
{
    if (bufferTotal == 0 || messageTotal == 0)
        return false;
    if (maxMsgNums <= messageTotal)
        return true;
    return bufferTotal + size > kMaxTransferBytes || messageTotal > kMaxTransferCount - 1;
}

} // namespace

std::optional<RemotingCommand> Broker::pullMessage(ServerConnection *connection, const RemotingCommand &request,
                                                   bool allowSuspend)
{
    auto parsed = decodeHeader<PullMessageRequestHeader>(request);
    if (!parsed)
        return badHeaderResponse(request, parsed.error());
    const PullMessageRequestHeader &header = *parsed;
    touchGroup(header.consumerGroup);

    const TopicConfig *config = m_topics.find(header.topic);
    if (!config)
        return makeResponse(
            request, ResponseCode::TopicNotExist,
            QStringLiteral("topic[%1] not exist, apply first please! %2").arg(header.topic, faqSuffix()));
    if (!PermName::isReadable(config->perm))
        return makeResponse(request, ResponseCode::NoPermission,
                            QStringLiteral("the topic[%1] pulling message is forbidden").arg(header.topic));
    if (header.queueId < 0 || header.queueId >= config->readQueueNums)
        return makeResponse(
            request, ResponseCode::SystemError,
            QStringLiteral("queueId[%1] is illegal, topic:[%2] topicConfig.readQueueNums:[%3] consumer:[%4]")
                .arg(header.queueId)
                .arg(header.topic)
                .arg(config->readQueueNums)
                .arg(connection->remoteAddress()));

    SubscriptionData subscription;
    if (PullSysFlag::hasSubscription(header.sysFlag)) {
        subscription = SubscriptionData::fromTagExpression(header.topic, header.subscription.value_or(QString()),
                                                           header.subVersion);
        if (header.expressionType && !header.expressionType->isEmpty())
            subscription.expressionType = *header.expressionType;
    } else {
        const ConsumerGroup *group = m_clients.consumerGroup(header.consumerGroup);
        if (!group)
            return makeResponse(request, ResponseCode::SubscriptionNotExist,
                                QStringLiteral("the consumer's group info not exist") + faqSuffix());
        const SubscriptionData *found = group->subscription(header.topic);
        if (!found)
            return makeResponse(request, ResponseCode::SubscriptionNotExist,
                                QStringLiteral("the consumer's subscription not exist") + faqSuffix());
        if (found->subVersion < header.subVersion)
            return makeResponse(request, ResponseCode::SubscriptionNotLatest,
                                QStringLiteral("the consumer's subscription not latest"));
        subscription = *found;
    }

    // getMessage
    const qint64 offset = header.queueOffset;
    const ConsumeQueue *queue = m_store->queue(header.topic, header.queueId);
    const qint64 minOffset = 0;
    const qint64 maxOffset = queue ? queue->size() : 0;
    GetStatus status;
    qint64 nextBeginOffset = offset;
    QByteArray body;
    int found = 0;
    if (maxOffset == 0) {
        status = GetStatus::NoMessageInQueue;
        nextBeginOffset = 0;
    } else if (offset < minOffset) {
        status = GetStatus::OffsetTooSmall;
        nextBeginOffset = minOffset;
    } else if (offset == maxOffset) {
        status = GetStatus::OffsetOverflowOne;
        nextBeginOffset = offset;
    } else if (offset > maxOffset) {
        status = GetStatus::OffsetOverflowBadly;
        nextBeginOffset = minOffset == 0 ? minOffset : maxOffset;
    } else {
        status = GetStatus::NoMatchedMessage;
        const int maxMsgNums = qMax(1, header.maxMsgNums);
        qint64 i = offset;
        for (; i < maxOffset && i - offset < qMax(kMaxFilterEntries, maxMsgNums); ++i) {
            const CqEntry &e = queue->at(i);
            if (batchFull(e.size, maxMsgNums, body.size(), found))
                break;
            if (!matchesTagsCode(subscription, e.tagsCode))
                continue;
            const auto bytes = m_store->readMessage(e.phyOffset, e.size);
            if (!bytes)
                continue;
            body.append(*bytes);
            ++found;
            status = GetStatus::Found;
        }
        nextBeginOffset = i;
    }

    PullMessageResponseHeader responseHeader;
    responseHeader.suggestWhichBrokerId = kMasterBrokerId;
    responseHeader.nextBeginOffset = nextBeginOffset;
    responseHeader.minOffset = minOffset;
    responseHeader.maxOffset = maxOffset;
    ResponseCode code = ResponseCode::Success;
    switch (status) {
    case GetStatus::Found: code = ResponseCode::Success; break;
    case GetStatus::NoMatchedMessage: code = ResponseCode::PullRetryImmediately; break;
    case GetStatus::NoMessageInQueue:
        code = header.queueOffset != 0 ? ResponseCode::PullOffsetMoved : ResponseCode::PullNotFound;
        break;
    case GetStatus::OffsetTooSmall:
    case GetStatus::OffsetOverflowBadly: code = ResponseCode::PullOffsetMoved; break;
    case GetStatus::OffsetOverflowOne: code = ResponseCode::PullNotFound; break;
    }

    // The commit offset rides along on the first attempt only (brokerAllowSuspend).
    if (allowSuspend && PullSysFlag::hasCommitOffset(header.sysFlag))
        m_offsets.commit(header.consumerGroup, header.topic, header.queueId, header.commitOffset);

    if (code == ResponseCode::PullNotFound && allowSuspend && PullSysFlag::hasSuspend(header.sysFlag)) {
        const qint64 id = m_nextHeldId++;
        HeldPull held;
        held.connection = connection;
        held.request = request;
        held.topic = header.topic;
        held.queueId = header.queueId;
        held.offset = offset;
        held.subscription = subscription;
        held.timeout = new QTimer(this);
        held.timeout->setSingleShot(true);
        held.timeout->setTimerType(Qt::PreciseTimer);
        connect(held.timeout, &QTimer::timeout, this, [this, id] { wakeHeldPull(id); });
        held.timeout->start(int(qBound<qint64>(0, header.suspendTimeoutMillis, 24LL * 3600 * 1000)));
        m_held.insert(id, held);
        if (!m_holdTimer->isActive())
            m_holdTimer->start();
        return std::nullopt;
    }

    if (status == GetStatus::Found)
        recordPulled(header.consumerGroup, header.topic, found);
    RemotingCommand response = makeResponse(request, code, QString::fromLatin1(statusName(status)));
    response.extFields = responseHeader.toExtFields();
    response.body = body;
    return response;
}

void Broker::onMessageArrived(const QString &topic, int queueId, qint64 maxOffset, qint64 tagsCode)
{
    QList<qint64> wake;
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
        // PullRequestHoldService.notifyMessageArriving: a non-matching tag waits for the next check.
        if (it->topic == topic && it->queueId == queueId && maxOffset > it->offset &&
            matchesTagsCode(it->subscription, tagsCode))
            wake.append(it.key());
    }
    for (qint64 id : wake)
        QMetaObject::invokeMethod(
            this, [this, id] { wakeHeldPull(id); }, Qt::QueuedConnection);
}

void Broker::checkHeldPulls()
{
    QList<qint64> wake;
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it)
        if (m_store->maxOffset(it->topic, it->queueId) > it->offset)
            wake.append(it.key());
    for (qint64 id : wake)
        wakeHeldPull(id);
    if (m_held.isEmpty())
        m_holdTimer->stop();
}

void Broker::wakeHeldPull(qint64 id)
{
    auto it = m_held.find(id);
    if (it == m_held.end())
        return;
    HeldPull held = std::move(*it);
    m_held.erase(it);
    if (held.timeout)
        held.timeout->deleteLater();
    if (!held.connection || !held.connection->isOpen() || !m_running)
        return;
    if (auto response = pullMessage(held.connection, held.request, false))
        held.connection->send(*response);
}

} // namespace mq::sandbox
