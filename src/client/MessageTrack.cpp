#include "MessageTrack.h"

#include "GroupQueries.h"

namespace mq {

TrackType track::verdict(qint64 consumerOffset, qint64 queueOffset, const SubscriptionData *subscription,
                         const QString &tags)
{
    if (consumerOffset <= queueOffset)
        return TrackType::NotConsumed;
    if (subscription && !subscription->matchesAllTags() && !subscription->tagsSet.isEmpty() &&
        !subscription->tagsSet.contains(SubscriptionData::kSubAll) && !subscription->tagsSet.contains(tags))
        return TrackType::ConsumedButFiltered;
    return TrackType::Consumed;
}

namespace {

QCoro::Task<MessageTrack> trackGroup(QPointer<ClientInstance> client, FoundMessage found, QString group)
{
    MessageTrack t;
    t.group = group;
    const MessageExt &m = found.message;
    auto connections = co_await admin::fetchConnections(client, group);
    const SubscriptionData *subscription = nullptr;
    QStringList details;
    if (connections) {
        t.online = connections->online;
        t.consumeType = connections->consumeType;
        subscription = connections->subscriptions.find(m.topic);
    } else {
        details << QStringLiteral("connections unknown: %1").arg(connections.error().message);
    }
    auto offset = co_await admin::fetchConsumerOffset(client, found.brokerAddress, group, found.queue());
    if (!offset) {
        t.type = TrackType::Unknown;
        details << offset.error().message;
    } else {
        t.consumerOffset = *offset;
        t.type = track::verdict(*offset, m.queueOffset, t.online ? subscription : nullptr, m.tags());
        if (*offset < 0)
            details << QStringLiteral("the group has no offset on this queue");
        if (t.type == TrackType::ConsumedButFiltered)
            details
                << QStringLiteral("subscription '%1' does not take tag '%2'").arg(subscription->subString, m.tags());
    }
    if (t.online && t.consumeType == ConsumeType::Actively)
        details << QStringLiteral("a pull consumer: it commits offsets itself");
    t.detail = details.join(QStringLiteral("; "));
    co_return t;
}

} // namespace

MessageTracker::MessageTracker(ClientInstance *client)
    : m_client(client)
{}

QCoro::Task<Result<QStringList>> MessageTracker::groupsOf(QString topic)
{
    return groupsOfTopic(m_client, std::move(topic));
}

QCoro::Task<Result<QStringList>> MessageTracker::groupsOfTopic(QPointer<ClientInstance> client, QString topic)
{
    if (!client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("the client was closed"));
    auto route = co_await client->topicRoute(topic, true);
    if (!route)
        co_return route.error();
    co_return co_await admin::topicConsumers(client, admin::readTargets(*route), topic);
}

QCoro::Task<Result<TrackResult>> MessageTracker::track(FoundMessage message, QStringList namedGroups)
{
    return trackMessage(m_client, std::move(message), std::move(namedGroups));
}

QCoro::Task<Result<TrackResult>> MessageTracker::trackMessage(QPointer<ClientInstance> client, FoundMessage message,
                                                              QStringList namedGroups)
{
    if (message.brokerAddress.isEmpty())
        co_return makeError(Error::Code::InvalidArgument,
                            QStringLiteral("the message's broker is unknown, so its queue's offsets cannot be read"));
    TrackResult result;
    QStringList groups;
    auto listed = co_await groupsOfTopic(client, message.message.topic);
    if (listed) {
        result.groupsFromBroker = true;
        groups = *listed;
    } else {
        result.note = QStringLiteral("the brokers did not list the groups of topic '%1' (%2)")
                          .arg(message.message.topic, listed.error().message);
        if (!namedGroups.isEmpty())
            result.note += QStringLiteral("; showing the groups named");
    }
    for (const QString &g : namedGroups)
        if (!g.trimmed().isEmpty() && !groups.contains(g.trimmed()))
            groups.append(g.trimmed());
    groups.removeAll(kToolsConsumerGroup);
    if (groups.isEmpty()) {
        if (result.note.isEmpty())
            result.note = QStringLiteral("no consumer group consumes topic '%1'").arg(message.message.topic);
        co_return result;
    }
    auto tracks =
        co_await admin::fanOut<MessageTrack>(groups, [&](const QString &g) { return trackGroup(client, message, g); });
    result.tracks = QList<MessageTrack>(tracks.begin(), tracks.end());
    co_return result;
}

} // namespace mq
