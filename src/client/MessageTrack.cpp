#include "MessageTrack.h"

#include "GroupQueries.h"

#include <QHash>

#include <memory>

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

// What is asked once per topic or group, however many messages are tracked.
struct Lookups {
    QHash<QString, Result<QStringList>> groupsByTopic; // QUERY_TOPIC_CONSUME_BY_WHO
    QHash<QString, Result<GroupConnections>> connectionsByGroup;
};

QCoro::Task<MessageTrack> trackGroup(QPointer<ClientInstance> client, FoundMessage found, QString group,
                                     std::shared_ptr<const Lookups> lookups)
{
    MessageTrack t;
    t.group = group;
    const MessageExt &m = found.message;
    const SubscriptionData *subscription = nullptr;
    QStringList details;
    const auto connections = lookups->connectionsByGroup.constFind(group);
    if (connections != lookups->connectionsByGroup.cend() && *connections) {
        t.online = (*connections)->online;
        t.consumeType = (*connections)->consumeType;
        subscription = (*connections)->subscriptions.find(m.topic);
    } else if (connections != lookups->connectionsByGroup.cend()) {
        details << QStringLiteral("connections unknown: %1").arg(connections->error().message);
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

QStringList groupsFor(const QString &topic, const Lookups &lookups, const QStringList &namedGroups, TrackResult &result)
{
    QStringList groups;
    const Result<QStringList> &listed =
        lookups.groupsByTopic.value(topic, makeError(Error::Code::NotFound, QStringLiteral("no broker was asked")));
    if (listed) {
        result.groupsFromBroker = true;
        groups = *listed;
    } else {
        result.note =
            QStringLiteral("the brokers did not list the groups of topic '%1' (%2)").arg(topic, listed.error().message);
        if (!namedGroups.isEmpty())
            result.note += QStringLiteral("; showing the groups named");
    }
    for (const QString &g : namedGroups)
        if (!groups.contains(g))
            groups.append(g);
    groups.removeAll(kToolsConsumerGroup);
    if (groups.isEmpty() && result.note.isEmpty())
        result.note = QStringLiteral("no consumer group consumes topic '%1'").arg(topic);
    return groups;
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
    QList<FoundMessage> one;
    one.append(std::move(message));
    auto many = co_await trackMany(m_client, std::move(one), std::move(namedGroups));
    if (!many)
        co_return many.error();
    co_return many->first();
}

QCoro::Task<Result<QList<TrackResult>>> MessageTracker::trackAll(QList<FoundMessage> messages, QStringList namedGroups)
{
    return trackMany(m_client, std::move(messages), std::move(namedGroups));
}

QCoro::Task<Result<QList<TrackResult>>> MessageTracker::trackMany(QPointer<ClientInstance> client,
                                                                  QList<FoundMessage> messages, QStringList namedGroups)
{
    for (const FoundMessage &m : messages)
        if (m.brokerAddress.isEmpty())
            co_return makeError(Error::Code::InvalidArgument,
                                QStringLiteral("the broker of message %1 is unknown, so its queue's offsets cannot "
                                               "be read")
                                    .arg(m.message.msgId()));
    QStringList named;
    for (const QString &g : namedGroups)
        if (!g.trimmed().isEmpty() && !named.contains(g.trimmed()))
            named << g.trimmed();

    auto lookups = std::make_shared<Lookups>();
    QStringList topics;
    for (const FoundMessage &m : messages)
        if (!topics.contains(m.message.topic))
            topics << m.message.topic;
    auto listed =
        co_await admin::fanOut<Result<QStringList>>(topics, [&](const QString &t) { return groupsOfTopic(client, t); });
    for (qsizetype i = 0; i < topics.size(); ++i)
        lookups->groupsByTopic.insert(topics[i], listed[i]);

    QList<TrackResult> results;
    QList<QStringList> groupsPerMessage;
    QStringList allGroups;
    for (const FoundMessage &m : messages) {
        TrackResult r;
        groupsPerMessage << groupsFor(m.message.topic, *lookups, named, r);
        for (const QString &g : groupsPerMessage.last())
            if (!allGroups.contains(g))
                allGroups << g;
        results << r;
    }
    auto connections = co_await admin::fanOut<Result<GroupConnections>>(
        allGroups, [&](const QString &g) { return admin::fetchConnections(client, g); });
    for (qsizetype i = 0; i < allGroups.size(); ++i)
        lookups->connectionsByGroup.insert(allGroups[i], connections[i]);

    for (qsizetype i = 0; i < messages.size(); ++i) {
        auto tracks = co_await admin::fanOut<MessageTrack>(
            groupsPerMessage[i], [&](const QString &g) { return trackGroup(client, messages[i], g, lookups); });
        results[i].tracks = QList<MessageTrack>(tracks.begin(), tracks.end());
    }
    co_return results;
}

} // namespace mq
