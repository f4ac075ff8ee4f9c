#pragma once

// Which consumer groups have consumed a message (DefaultMQAdminExtImpl.messageTrackDetail, the
// dashboard's message track): a group consumed it when its committed offset on the message's
// queue is past the message's queue offset.

#include "AdminTypes.h"
#include "ClientInstance.h"

#include <QCoro/QCoroTask>
#include <QPointer>

namespace mq {

namespace track {
// The verdict for one group. `subscription` is the group's subscription to the message's
// topic when it is online (nullptr otherwise): a consumed message whose tag it does not take
// was skipped, not processed.
TrackType verdict(qint64 consumerOffset, qint64 queueOffset, const SubscriptionData *subscription, const QString &tags);
} // namespace track

class MessageTracker {
public:
    explicit MessageTracker(ClientInstance *client);

    // The groups subscribed to `topic`, asked of every broker of the topic with
    // QUERY_TOPIC_CONSUME_BY_WHO. Error::Code::Unsupported when no broker answers it.
    QCoro::Task<Result<QStringList>> groupsOf(QString topic);

    // A track for each group consuming the message's topic plus each of `namedGroups`
    // (the only ones when the brokers cannot list the topic's groups).
    QCoro::Task<Result<TrackResult>> track(FoundMessage message, QStringList namedGroups = {});
    // The same for many messages, asking each topic's groups and each group's connections once;
    // one result per message, in order.
    QCoro::Task<Result<QList<TrackResult>>> trackAll(QList<FoundMessage> messages, QStringList namedGroups = {});

private:
    static QCoro::Task<Result<QStringList>> groupsOfTopic(QPointer<ClientInstance> client, QString topic);
    static QCoro::Task<Result<QList<TrackResult>>> trackMany(QPointer<ClientInstance> client,
                                                             QList<FoundMessage> messages, QStringList namedGroups);
    QPointer<ClientInstance> m_client;
};

} // namespace mq
