#pragma once

#include "ConsumerData.h"
#include "RemotingCommand.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace mq::sandbox {

class ServerConnection;

// ExpressionMessageFilter.isMatchedByConsumeQueue for a TAG subscription: the broker only
// compares tag hash codes.
bool matchesTagsCode(const SubscriptionData &subscription, qint64 tagsCode);

struct ClientChannel {
    ServerConnection *connection = nullptr;
    QString clientId;
    LanguageCode language = LanguageCode::JAVA;
    int version = 0;
};

struct ConsumerGroup {
    QString group;
    QString consumeType = ConsumeType::Passively;
    QString messageModel = MessageModel::Clustering;
    QString consumeFromWhere = ConsumeFromWhere::LastOffset;
    QList<ClientChannel> channels;
    QList<SubscriptionData> subscriptions; // insertion order

    const SubscriptionData *subscription(const QString &topic) const;
    const ClientChannel *channel(const QString &clientId) const;
    QStringList clientIds() const;
};

// Online producers and consumers by group (ProducerManager + ConsumerManager), fed by
// heartbeats and emptied by UNREGISTER_CLIENT or the socket closing.
class ClientRegistry {
public:
    // Registers every group of a heartbeat. Returns the consumer groups whose membership or
    // subscriptions changed: their clients must be told (NOTIFY_CONSUMER_IDS_CHANGED).
    QStringList heartbeat(ServerConnection *connection, LanguageCode language, int version, const HeartbeatData &data);
    // Both return the consumer groups left non-empty that must be told.
    QStringList unregister(ServerConnection *connection, const QString &producerGroup, const QString &consumerGroup);
    QStringList connectionClosed(ServerConnection *connection);

    const ConsumerGroup *consumerGroup(const QString &group) const;
    QList<ClientChannel> producerChannels(const QString &group) const;

private:
    QStringList removeConsumerChannel(ServerConnection *connection, const QString &onlyGroup);

    QList<ConsumerGroup> m_consumers;
    QList<QPair<QString, ClientChannel>> m_producers;
};

} // namespace mq::sandbox
