// Admin::planReset and Admin::resetOffset: moving a group's offsets on a topic to a time.
#include "Admin.h"

#include "AdminData.h"
#include "AdminSupport.h"
#include "GroupQueries.h"
#include "Headers.h"

#include <algorithm>

namespace mq {

using admin::BrokerTarget;

namespace {

enum class Mode { Plan, Execute };

struct BrokerOutcome {
    QList<QPair<MessageQueue, qint64>> targets; // queue -> new offset
    bool written = false;                       // offsets written directly (nobody online)
};

QCoro::Task<Result<qint64>> searchOffset(QPointer<ClientInstance> client, QString address, MessageQueue queue,
                                         qint64 timestamp)
{
    SearchOffsetRequestHeader h{queue.topic, queue.queueId, timestamp, std::nullopt};
    auto response = co_await admin::invokeOn(
        client, address, RemotingCommand::request(RequestCode::SearchOffsetByTimestamp, h.toExtFields()));
    auto ok =
        admin::successOnly(std::move(response), QStringLiteral("search offset of %1").arg(queue.toString()), address);
    if (!ok)
        co_return ok.error();
    auto header = decodeHeader<SearchOffsetResponseHeader>(*ok);
    if (!header)
        co_return header.error();
    co_return header->offset;
}

QCoro::Task<Status> writeOffset(QPointer<ClientInstance> client, QString address, QString group, MessageQueue queue,
                                qint64 offset)
{
    UpdateConsumerOffsetRequestHeader h{group, queue.topic, queue.queueId, offset, std::nullopt};
    auto response = co_await admin::invokeOn(
        client, address, RemotingCommand::request(RequestCode::UpdateConsumerOffset, h.toExtFields()));
    auto ok = admin::successOnly(std::move(response),
                                 QStringLiteral("update offset of %1 on %2").arg(group, queue.toString()), address);
    if (!ok)
        co_return ok.error();
    co_return Ok{};
}

// Searches each queue's offset for the time and, when executing, writes it: what
// resetOffsetByTimestampOld does when no consumer is online to be told.
QCoro::Task<Result<BrokerOutcome>> searchAndWrite(QPointer<ClientInstance> client, BrokerTarget target, QString group,
                                                  QString topic, int queueCount, qint64 timestamp, Mode mode)
{
    BrokerOutcome outcome;
    outcome.written = mode == Mode::Execute;
    QList<MessageQueue> queues;
    for (int q = 0; q < queueCount; ++q)
        queues.append(MessageQueue{topic, target.brokerName, q});
    auto found = co_await admin::fanOut<Result<qint64>>(
        queues, [&](const MessageQueue &q) { return searchOffset(client, target.address, q, timestamp); });
    for (qsizetype i = 0; i < queues.size(); ++i) {
        if (!found[i])
            co_return found[i].error();
        outcome.targets.append({queues[i], *found[i]});
    }
    if (mode == Mode::Execute) {
        auto written = co_await admin::fanOut<Status>(outcome.targets, [&](const QPair<MessageQueue, qint64> &t) {
            return writeOffset(client, target.address, group, t.first, t.second);
        });
        for (const Status &s : written)
            if (!s)
                co_return s.error();
    }
    co_return outcome;
}

QCoro::Task<Result<BrokerOutcome>> resetOnBroker(QPointer<ClientInstance> client, BrokerTarget target, QString group,
                                                 QString topic, int queueCount, qint64 timestamp, Mode mode)
{
    if (mode == Mode::Plan)
        co_return co_await searchAndWrite(client, target, group, topic, queueCount, timestamp, mode);
    ResetOffsetRequestHeader h{topic, group, timestamp, true};
    auto response = co_await admin::invokeOn(
        client, target.address, RemotingCommand::request(RequestCode::InvokeBrokerToResetOffset, h.toExtFields()));
    if (!response)
        co_return admin::withAddress(response.error(), target.address);
    if (response->code == toInt(ResponseCode::ConsumerNotOnline))
        co_return co_await searchAndWrite(client, target, group, topic, queueCount, timestamp, mode);
    if (response->code != toInt(ResponseCode::Success))
        co_return admin::brokerError(*response, QStringLiteral("reset offset of %1").arg(group), target.address);
    auto body = ResetOffsetBody::parse(response->body);
    if (!body)
        co_return body.error();
    BrokerOutcome outcome;
    for (const auto &[queue, offset] : body->offsetTable.entries())
        outcome.targets.append({queue, offset});
    co_return outcome;
}

QCoro::Task<Result<ResetReport>> runReset(QPointer<ClientInstance> client, QString group, QString topic,
                                          qint64 timestamp, Mode mode)
{
    group = group.trimmed();
    topic = topic.trimmed();
    if (group.isEmpty() || topic.isEmpty())
        co_return makeError(Error::Code::InvalidArgument, QStringLiteral("a reset needs a consumer group and a topic"));
    if (timestamp < 0)
        co_return makeError(Error::Code::InvalidArgument, QStringLiteral("a reset needs a time (ms since the epoch)"));
    if (!client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("the client was closed"));
    auto route = co_await client->topicRoute(topic, true);
    if (!route)
        co_return route.error();
    const auto targets = admin::masterTargets(*route);
    if (targets.isEmpty())
        co_return makeError(Error::Code::NotFound, QStringLiteral("topic '%1' has no master broker").arg(topic));

    auto connections = co_await admin::fetchConnections(client, group);
    const bool online = connections && connections->online;
    auto before = co_await admin::fanOut<Result<ConsumeStats>>(
        targets, [&](const BrokerTarget &t) { return admin::fetchConsumeStats(client, t, group, topic); });
    QMap<MessageQueue, qint64> from;
    for (const auto &stats : before)
        if (stats)
            for (const auto &[queue, w] : stats->offsetTable.entries())
                from.insert(queue, w.consumerOffset);

    auto outcomes = co_await admin::fanOut<Result<BrokerOutcome>>(targets, [&](const BrokerTarget &t) {
        int queues = 0;
        for (const QueueData &q : route->queueDatas)
            if (q.brokerName == t.brokerName)
                queues = q.readQueueNums;
        return resetOnBroker(client, t, group, topic, queues, timestamp, mode);
    });

    ResetReport report;
    report.group = group;
    report.topic = topic;
    report.timestamp = timestamp;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        if (!outcomes[i]) {
            report.failures.append({targets[i].brokerName, targets[i].address, outcomes[i].error()});
            continue;
        }
        if (mode == Mode::Execute)
            (outcomes[i]->written || !online ? report.written : report.viaConsumers) << targets[i].brokerName;
        for (const auto &[queue, offset] : outcomes[i]->targets)
            report.moves.append(OffsetMove{queue, from.value(queue, -1), offset});
    }
    if (report.moves.isEmpty() && !report.failures.isEmpty())
        co_return report.failures.first().error;
    std::sort(report.moves.begin(), report.moves.end(),
              [](const OffsetMove &a, const OffsetMove &b) { return a.queue < b.queue; });
    co_return report;
}

} // namespace

QCoro::Task<Result<ResetReport>> Admin::planReset(QString group, QString topic, qint64 timestamp)
{
    return runReset(m_client, std::move(group), std::move(topic), timestamp, Mode::Plan);
}

QCoro::Task<Result<ResetReport>> Admin::resetOffset(QString group, QString topic, qint64 timestamp)
{
    return runReset(m_client, std::move(group), std::move(topic), timestamp, Mode::Execute);
}

} // namespace mq
