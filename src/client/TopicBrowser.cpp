#include "TopicBrowser.h"

#include "AdminSupport.h"
#include "ConsumerData.h"
#include "Headers.h"
#include "MessageCodec.h"

namespace mq {

namespace {

struct QueueTarget {
    MessageQueue queue;
    QString address;
};

QCoro::Task<Result<qint64>> offsetRequest(QPointer<ClientInstance> client, QString address, RequestCode code,
                                          ExtFields fields, QString what)
{
    auto response = co_await admin::invokeOn(client, address, RemotingCommand::request(code, std::move(fields)));
    auto ok = admin::successOnly(std::move(response), what, address);
    if (!ok)
        co_return ok.error();
    auto header = decodeHeader<OffsetResponseHeader>(*ok);
    if (!header)
        co_return header.error();
    co_return header->offset;
}

QCoro::Task<Result<QueueRange>> searchRange(QPointer<ClientInstance> client, QueueTarget target, qint64 begin,
                                            qint64 end)
{
    const MessageQueue &q = target.queue;
    GetMaxOffsetRequestHeader maxHeader{q.topic, q.queueId, std::nullopt};
    auto maxOffset = co_await offsetRequest(client, target.address, RequestCode::GetMaxOffset, maxHeader.toExtFields(),
                                            QStringLiteral("max offset of %1").arg(q.toString()));
    if (!maxOffset)
        co_return maxOffset.error();
    Result<qint64> first = qint64(0);
    if (begin <= 0) {
        GetMinOffsetRequestHeader h{q.topic, q.queueId, std::nullopt};
        first = co_await offsetRequest(client, target.address, RequestCode::GetMinOffset, h.toExtFields(),
                                       QStringLiteral("min offset of %1").arg(q.toString()));
    } else {
        // The broker's binary search stops at any message with exactly the asked time, maybe
        // in the middle of a run stored within the same millisecond, and otherwise answers the
        // nearest message on either side. Asking for one millisecond earlier always lands at
        // or before the first message stored at `begin`.
        SearchOffsetRequestHeader h{q.topic, q.queueId, begin - 1, std::nullopt};
        first = co_await offsetRequest(client, target.address, RequestCode::SearchOffsetByTimestamp, h.toExtFields(),
                                       QStringLiteral("search offset of %1").arg(q.toString()));
    }
    if (!first)
        co_return first.error();
    qint64 last = *maxOffset;
    if (end != kNoUpperBound) {
        // Likewise one millisecond later lands at or after the last message stored at `end`.
        SearchOffsetRequestHeader h{q.topic, q.queueId, end + 1, std::nullopt};
        auto found = co_await offsetRequest(client, target.address, RequestCode::SearchOffsetByTimestamp,
                                            h.toExtFields(), QStringLiteral("search offset of %1").arg(q.toString()));
        if (!found)
            co_return found.error();
        // That message itself may be inside the range or past it: read it, the filter decides.
        last = qMin(*maxOffset, *found + 1);
    }
    co_return QueueRange{q, target.address, *first, qMax(*first, last)};
}

struct PullOutcome {
    QList<FoundMessage> messages;
    qint64 nextOffset = 0;
};

QCoro::Task<Result<PullOutcome>> pullBatch(QPointer<ClientInstance> client, QueueRange range, qint64 offset)
{
    PullMessageRequestHeader h;
    h.consumerGroup = kToolsConsumerGroup;
    h.topic = range.queue.topic;
    h.queueId = range.queue.queueId;
    h.queueOffset = offset;
    h.maxMsgNums = int(qMin<qint64>(kBrowseBatchSize, range.endOffset - offset));
    // No commit flag: the broker stores no offset for anyone. The subscription flag makes the
    // broker build the filter from this request, so the tools group needs no heartbeat.
    h.sysFlag = PullSysFlag::build(false, false, true, false);
    h.commitOffset = 0;
    h.suspendTimeoutMillis = 0;
    h.subscription = SubscriptionData::kSubAll;
    h.subVersion = 0;
    h.expressionType = ExpressionType::Tag;
    const QString what = QStringLiteral("pull %1 at %2").arg(range.queue.toString()).arg(offset);
    auto response = co_await admin::invokeOn(client, range.brokerAddress,
                                             RemotingCommand::request(RequestCode::PullMessage, h.toExtFields()));
    if (!response)
        co_return admin::withAddress(response.error(), range.brokerAddress);
    const int code = response->code;
    const bool found = code == toInt(ResponseCode::Success);
    if (!found && code != toInt(ResponseCode::PullNotFound) && code != toInt(ResponseCode::PullRetryImmediately) &&
        code != toInt(ResponseCode::PullOffsetMoved))
        co_return admin::brokerError(*response, what, range.brokerAddress);
    auto header = decodeHeader<PullMessageResponseHeader>(*response);
    if (!header)
        co_return header.error();
    PullOutcome outcome;
    outcome.nextOffset = header->nextBeginOffset;
    if (found) {
        auto messages = decodeMessages(response->body);
        if (!messages)
            co_return makeError(
                messages.error().code,
                QStringLiteral("%1: messages that cannot be read: %2").arg(what, messages.error().message));
        for (MessageExt &m : *messages) {
            if (m.queueOffset >= range.endOffset)
                continue;
            outcome.nextOffset = qMax(outcome.nextOffset, m.queueOffset + 1);
            outcome.messages.append(FoundMessage{std::move(m), range.queue.brokerName, range.brokerAddress});
        }
    }
    co_return outcome;
}

} // namespace

TopicBrowser::TopicBrowser(ClientInstance *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void TopicBrowser::cancel()
{
    if (m_running)
        m_cancelled = true;
}

QCoro::Task<Result<BrowseSummary>> TopicBrowser::browse(BrowseRequest request)
{
    if (m_running)
        co_return makeError(Error::Code::InvalidArgument, QStringLiteral("a browse is already running"));
    if (request.topic.trimmed().isEmpty())
        co_return makeError(Error::Code::InvalidArgument, QStringLiteral("browsing needs a topic"));
    if (request.end < request.begin)
        co_return makeError(Error::Code::InvalidArgument,
                            QStringLiteral("the time range ends (%1) before it begins (%2)")
                                .arg(formatTimestamp(request.end), formatTimestamp(request.begin)));
    if (request.maxMessages <= 0)
        request.maxMessages = kDefaultBrowseMax;
    m_running = true;
    m_cancelled = false;
    QPointer<TopicBrowser> self(this);
    auto result = co_await run(std::move(request));
    if (self)
        m_running = false;
    co_return result;
}

QCoro::Task<Result<BrowseSummary>> TopicBrowser::run(BrowseRequest request)
{
    QPointer<TopicBrowser> self(this);
    QPointer<ClientInstance> client = m_client;
    const auto gone = [] { return makeError(Error::Code::Cancelled, QStringLiteral("the browser was closed")); };
    if (!client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("the client was closed"));
    const QString topic = request.topic.trimmed();
    auto route = co_await client->topicRoute(topic, true);
    if (!self)
        co_return gone();
    if (!route)
        co_return route.error();

    QList<QueueTarget> targets;
    for (const admin::BrokerTarget &b : admin::readTargets(*route))
        for (const MessageQueue &q : route->readableQueues(topic))
            if (q.brokerName == b.brokerName)
                targets.append(QueueTarget{q, b.address});
    BrowseSummary summary;
    summary.topic = topic;
    summary.begin = request.begin;
    summary.end = request.end;
    if (targets.isEmpty())
        co_return makeError(Error::Code::NotFound, QStringLiteral("topic '%1' has no readable queue").arg(topic));

    auto searched = co_await admin::fanOut<Result<QueueRange>>(
        targets, [&](const QueueTarget &t) { return searchRange(client, t, request.begin, request.end); });
    if (!self)
        co_return gone();
    for (qsizetype i = 0; i < targets.size(); ++i) {
        if (searched[i])
            summary.ranges.append(*searched[i]);
        else
            summary.failures.append({targets[i].queue.brokerName, targets[i].address, searched[i].error()});
    }
    if (summary.ranges.isEmpty())
        co_return summary.failures.first().error;
    Q_EMIT rangesFound(summary.ranges);

    QList<qint64> cursor;
    for (const QueueRange &r : summary.ranges)
        cursor.append(r.beginOffset);
    QList<bool> done(summary.ranges.size(), false);
    const auto moreToRead = [&] {
        for (qsizetype i = 0; i < cursor.size(); ++i)
            if (!done[i] && cursor[i] < summary.ranges[i].endOffset)
                return true;
        return false;
    };
    while (summary.messageCount < request.maxMessages && moreToRead() && !m_cancelled) {
        QList<qsizetype> round;
        for (qsizetype i = 0; i < cursor.size(); ++i)
            if (!done[i] && cursor[i] < summary.ranges[i].endOffset)
                round.append(i);
        auto pulled = co_await admin::fanOut<Result<PullOutcome>>(
            round, [&](qsizetype i) { return pullBatch(client, summary.ranges[i], cursor[i]); });
        if (!self)
            co_return gone();
        if (m_cancelled)
            break;
        for (qsizetype k = 0; k < round.size(); ++k) {
            const qsizetype i = round[k];
            if (!pulled[k]) {
                done[i] = true;
                summary.failures.append(
                    {summary.ranges[i].queue.brokerName, summary.ranges[i].brokerAddress, pulled[k].error()});
                continue;
            }
            PullOutcome &outcome = *pulled[k];
            if (outcome.nextOffset <= cursor[i])
                done[i] = true; // no progress: the broker has nothing more here
            else
                cursor[i] = outcome.nextOffset;
            QList<FoundMessage> inRange;
            for (FoundMessage &f : outcome.messages)
                if (f.message.storeTimestamp >= request.begin && f.message.storeTimestamp <= request.end)
                    inRange.append(std::move(f));
            const int room = request.maxMessages - summary.messageCount;
            if (inRange.size() > room) {
                inRange.resize(room);
                summary.truncated = true;
            }
            if (inRange.isEmpty())
                continue;
            summary.messageCount += int(inRange.size());
            Q_EMIT batch(inRange);
            if (!self)
                co_return gone();
            if (m_cancelled) // a receiver of batch() may cancel
                break;
        }
    }
    summary.cancelled = m_cancelled;
    if (!summary.cancelled && summary.messageCount >= request.maxMessages && moreToRead())
        summary.truncated = true;
    co_return summary;
}

} // namespace mq
