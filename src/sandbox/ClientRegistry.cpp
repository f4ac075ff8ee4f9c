#include "ClientRegistry.h"

#include <algorithm>

namespace mq::sandbox {

bool matchesTagsCode(const SubscriptionData &subscription, qint64 tagsCode)
{
    if (subscription.classFilterMode || subscription.matchesAllTags())
        return true;
    if (subscription.expressionType != ExpressionType::Tag)
        return true; // SQL92 is not evaluated by the sandbox: deliver and let the client decide
    return subscription.codeSet.contains(qint32(tagsCode));
}

const SubscriptionData *ConsumerGroup::subscription(const QString &topic) const
{
    for (const auto &s : subscriptions)
        if (s.topic == topic)
            return &s;
    return nullptr;
}

const ClientChannel *ConsumerGroup::channel(const QString &clientId) const
{
    for (const auto &c : channels)
        if (c.clientId == clientId)
            return &c;
    return nullptr;
}

QStringList ConsumerGroup::clientIds() const
{
    QStringList ids;
    for (const auto &c : channels)
        ids.append(c.clientId);
    return ids;
}

QStringList ClientRegistry::heartbeat(ServerConnection *connection, LanguageCode language, int version,
                                      const HeartbeatData &data)
{
    const ClientChannel channel{connection, data.clientID, language, version};
    QStringList changed;
    for (const ConsumerData &consumer : data.consumerDataSet) {
        if (consumer.groupName.isEmpty())
            continue;
        auto it = std::find_if(m_consumers.begin(), m_consumers.end(),
                               [&](const ConsumerGroup &g) { return g.group == consumer.groupName; });
        if (it == m_consumers.end()) {
            ConsumerGroup fresh;
            fresh.group = consumer.groupName;
            m_consumers.append(fresh);
            it = m_consumers.end() - 1;
        }
        ConsumerGroup &group = *it;
        group.consumeType = consumer.consumeType;
        group.messageModel = consumer.messageModel;
        group.consumeFromWhere = consumer.consumeFromWhere;

        // ConsumerGroupInfo.updateChannel: a channel not seen before is a membership change.
        bool membershipChanged = true;
        for (auto &c : group.channels) {
            if (c.connection == connection) {
                membershipChanged = c.clientId != data.clientID;
                c = channel;
            }
        }
        if (std::none_of(group.channels.begin(), group.channels.end(),
                         [&](const ClientChannel &c) { return c.connection == connection; }))
            group.channels.append(channel);

        // ConsumerGroupInfo.updateSubscription: a new or a dropped topic is a change; a newer
        // subVersion of the same topic just replaces it.
        bool subscriptionsChanged = false;
        for (const auto &s : consumer.subscriptionDataSet) {
            auto old = std::find_if(group.subscriptions.begin(), group.subscriptions.end(),
                                    [&](const SubscriptionData &o) { return o.topic == s.topic; });
            if (old == group.subscriptions.end()) {
                group.subscriptions.append(s);
                subscriptionsChanged = true;
            } else if (s.subVersion > old->subVersion) {
                *old = s;
            }
        }
        const auto removed = group.subscriptions.removeIf([&](const SubscriptionData &old) {
            return std::none_of(consumer.subscriptionDataSet.begin(), consumer.subscriptionDataSet.end(),
                                [&](const SubscriptionData &s) { return s.topic == old.topic; });
        });
        if (membershipChanged || subscriptionsChanged || removed > 0)
            changed.append(group.group);
    }
    for (const ProducerData &producer : data.producerDataSet) {
        bool known = false;
        for (auto &[g, c] : m_producers) {
            if (g == producer.groupName && c.connection == connection) {
                c = channel;
                known = true;
            }
        }
        if (!known)
            m_producers.append({producer.groupName, channel});
    }
    return changed;
}

QStringList ClientRegistry::removeConsumerChannel(ServerConnection *connection, const QString &onlyGroup)
{
    QStringList toNotify;
    for (auto &g : m_consumers) {
        if (!onlyGroup.isEmpty() && g.group != onlyGroup)
            continue;
        if (g.channels.removeIf([&](const ClientChannel &c) { return c.connection == connection; }) > 0 &&
            !g.channels.isEmpty())
            toNotify.append(g.group);
    }
    // ConsumerManager drops a group with no channel left, subscriptions and all.
    m_consumers.removeIf([](const ConsumerGroup &g) { return g.channels.isEmpty(); });
    return toNotify;
}

QStringList ClientRegistry::unregister(ServerConnection *connection, const QString &producerGroup,
                                       const QString &consumerGroup)
{
    if (!producerGroup.isEmpty())
        m_producers.removeIf(
            [&](const auto &p) { return p.first == producerGroup && p.second.connection == connection; });
    if (consumerGroup.isEmpty())
        return {};
    return removeConsumerChannel(connection, consumerGroup);
}

QStringList ClientRegistry::connectionClosed(ServerConnection *connection)
{
    m_producers.removeIf([&](const auto &p) { return p.second.connection == connection; });
    return removeConsumerChannel(connection, QString());
}

const ConsumerGroup *ClientRegistry::consumerGroup(const QString &group) const
{
    for (const auto &g : m_consumers)
        if (g.group == group)
            return &g;
    return nullptr;
}

QList<ClientChannel> ClientRegistry::producerChannels(const QString &group) const
{
    QList<ClientChannel> out;
    for (const auto &[g, c] : m_producers)
        if (g == group)
            out.append(c);
    return out;
}

} // namespace mq::sandbox
