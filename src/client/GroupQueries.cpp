#include "GroupQueries.h"

#include "BodyJson.h"
#include "Headers.h"

#include <QSet>

#include <algorithm>

namespace mq::admin {

QCoro::Task<Result<QList<BrokerTarget>>> groupTargets(QPointer<ClientInstance> client, QString group)
{
    if (!client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("the client was closed"));
    auto route = co_await client->topicRoute(QStringLiteral("%RETRY%") + group, true);
    if (route) {
        auto targets = masterTargets(*route);
        if (!targets.isEmpty())
            co_return targets;
    } else if (route.error().code != Error::Code::NotFound) {
        co_return route.error();
    }
    auto cluster = co_await fetchClusterInfo(client);
    if (!cluster)
        co_return cluster.error();
    auto targets = masterTargets(*cluster);
    if (targets.isEmpty())
        co_return makeError(Error::Code::NotFound, QStringLiteral("the name server knows no broker"));
    co_return targets;
}

namespace {
QCoro::Task<Result<std::optional<ConsumerConnection>>> connectionsOn(QPointer<ClientInstance> client,
                                                                     BrokerTarget target, QString group)
{
    GetConsumerConnectionListRequestHeader h{group};
    auto response = co_await invokeOn(
        client, target.address, RemotingCommand::request(RequestCode::GetConsumerConnectionList, h.toExtFields()));
    if (!response)
        co_return withAddress(response.error(), target.address);
    if (response->code == toInt(ResponseCode::ConsumerNotOnline))
        co_return std::optional<ConsumerConnection>();
    if (response->code != toInt(ResponseCode::Success))
        co_return brokerError(*response, QStringLiteral("consumer connections of %1").arg(group), target.address);
    auto parsed = ConsumerConnection::parse(response->body);
    if (!parsed)
        co_return parsed.error();
    co_return std::optional<ConsumerConnection>(*parsed);
}
} // namespace

QCoro::Task<Result<GroupConnections>> fetchConnections(QPointer<ClientInstance> client, QString group)
{
    auto targets = co_await groupTargets(client, group);
    if (!targets)
        co_return targets.error();
    auto answers = co_await fanOut<Result<std::optional<ConsumerConnection>>>(
        *targets, [&](const BrokerTarget &t) { return connectionsOn(client, t, group); });
    GroupConnections result;
    result.group = group;
    QSet<QString> clients;
    std::optional<Error> firstError;
    int answered = 0;
    for (auto &answer : answers) {
        if (!answer) {
            if (!firstError)
                firstError = answer.error();
            continue;
        }
        ++answered;
        if (!answer->has_value())
            continue;
        const ConsumerConnection &cc = **answer;
        if (!result.online) {
            result.consumeType = cc.consumeType;
            result.messageModel = cc.messageModel;
            result.consumeFromWhere = cc.consumeFromWhere;
        }
        result.online = result.online || !cc.connectionSet.isEmpty();
        for (const Connection &c : cc.connectionSet)
            if (!clients.contains(c.clientId)) {
                clients.insert(c.clientId);
                result.connections.append(c);
            }
        for (const auto &[topic, sub] : cc.subscriptionTable.entries())
            if (!result.subscriptions.contains(topic))
                result.subscriptions.insert(topic, sub);
    }
    if (answered == 0 && firstError)
        co_return *firstError;
    std::sort(result.connections.begin(), result.connections.end(),
              [](const Connection &a, const Connection &b) { return a.clientId < b.clientId; });
    co_return result;
}

QCoro::Task<Result<ConsumeStats>> fetchConsumeStats(QPointer<ClientInstance> client, BrokerTarget target, QString group,
                                                    std::optional<QString> topic)
{
    GetConsumeStatsRequestHeader h{group, topic};
    auto response = co_await invokeOn(client, target.address,
                                      RemotingCommand::request(RequestCode::GetConsumeStats, h.toExtFields()));
    auto ok = successOnly(std::move(response), QStringLiteral("consume stats of %1").arg(group), target.address);
    if (!ok)
        co_return ok.error();
    co_return ConsumeStats::parse(ok->body);
}

Result<QStringList> parseGroupList(const QByteArray &body)
{
    auto object = body::parseObject(body, "GroupList");
    if (!object)
        return object.error();
    body::Reader r(*object, QStringLiteral("GroupList"));
    QStringList groups;
    const json::Value &list = r.optArray("groupList");
    if (r.failed())
        return r.finish(groups);
    auto names = body::stringArray(list, r.pathOf("groupList"));
    if (!names)
        return names.error();
    return *names;
}

namespace {
QCoro::Task<Result<QStringList>> consumersOn(QPointer<ClientInstance> client, BrokerTarget target, QString topic)
{
    ExtFields fields;
    fields.insert(QStringLiteral("topic"), topic); // QueryTopicConsumeByWhoRequestHeader
    auto response = co_await invokeOn(client, target.address,
                                      RemotingCommand::request(RequestCode::QueryTopicConsumeByWho, fields));
    if (!response)
        co_return withAddress(response.error(), target.address);
    if (response->code == toInt(ResponseCode::RequestCodeNotSupported))
        co_return makeError(Error::Code::Unsupported,
                            QStringLiteral("%1 does not answer QUERY_TOPIC_CONSUME_BY_WHO").arg(target.address));
    if (response->code != toInt(ResponseCode::Success))
        co_return brokerError(*response, QStringLiteral("groups consuming %1").arg(topic), target.address);
    co_return parseGroupList(response->body);
}
} // namespace

QCoro::Task<Result<QStringList>> topicConsumers(QPointer<ClientInstance> client, QList<BrokerTarget> targets,
                                                QString topic)
{
    auto answers = co_await fanOut<Result<QStringList>>(
        targets, [&](const BrokerTarget &t) { return consumersOn(client, t, topic); });
    QStringList groups;
    std::optional<Error> firstError;
    bool anyAnswer = false;
    for (auto &answer : answers) {
        if (!answer) {
            if (!firstError || firstError->code == Error::Code::Unsupported)
                firstError = answer.error();
            continue;
        }
        anyAnswer = true;
        for (const QString &g : *answer)
            if (!groups.contains(g))
                groups.append(g);
    }
    if (!anyAnswer)
        co_return firstError.value_or(makeError(Error::Code::NotFound, QStringLiteral("no broker to ask")));
    groups.sort();
    co_return groups;
}

QCoro::Task<Result<qint64>> fetchConsumerOffset(QPointer<ClientInstance> client, QString address, QString group,
                                                MessageQueue queue)
{
    QueryConsumerOffsetRequestHeader h{group, queue.topic, queue.queueId, std::nullopt};
    auto response =
        co_await invokeOn(client, address, RemotingCommand::request(RequestCode::QueryConsumerOffset, h.toExtFields()));
    if (!response)
        co_return withAddress(response.error(), address);
    if (response->code == toInt(ResponseCode::QueryNotFound))
        co_return qint64(-1);
    if (response->code != toInt(ResponseCode::Success))
        co_return brokerError(*response, QStringLiteral("consumer offset of %1 on %2").arg(group, queue.toString()),
                              address);
    auto header = decodeHeader<QueryConsumerOffsetResponseHeader>(*response);
    if (!header)
        co_return header.error();
    co_return header->offset;
}

} // namespace mq::admin
