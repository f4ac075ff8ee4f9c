#pragma once

#include "AdminTypes.h"
#include "ClientInstance.h"
#include "MessageQuery.h"
#include "MessageTrack.h"
#include "TopicBrowser.h"

#include <QCoro/QCoroTask>
#include <QObject>
#include <QPointer>

namespace mq {

// Inspect and administer one cluster through a ClientInstance: find messages (by key, by
// id, by time with a TopicBrowser), see who consumed them, list topics and brokers, watch
// consumer groups and move their offsets. Every operation is a coroutine that never blocks;
// fan-out requests go to all brokers at once and a broker that fails is reported next to
// the others' answers (the `failures` of each result) unless none answered.
class Admin : public QObject {
    Q_OBJECT
public:
    explicit Admin(ClientInstance *client, QObject *parent = nullptr);

    ClientInstance *client() const { return m_client; }

    // ---- messages
    QCoro::Task<Result<KeyQueryResult>> queryByKey(KeyQuery query) { return m_query.byKey(std::move(query)); }
    QCoro::Task<Result<IdQueryResult>> queryById(QString id, QString topic = {})
    {
        return m_query.byId(std::move(id), std::move(topic));
    }
    // A browser for time-range reads, owned by `parent` (this Admin when null).
    TopicBrowser *createBrowser(QObject *parent = nullptr);
    QCoro::Task<Result<TrackResult>> track(FoundMessage message, QStringList namedGroups = {})
    {
        return m_tracker.track(std::move(message), std::move(namedGroups));
    }
    QCoro::Task<Result<QList<TrackResult>>> trackAll(QList<FoundMessage> messages, QStringList namedGroups = {})
    {
        return m_tracker.trackAll(std::move(messages), std::move(namedGroups));
    }

    // ---- topics and cluster
    QCoro::Task<Result<TopicListing>> topics(bool includeSystem = false);
    QCoro::Task<Result<TopicRouteData>> route(QString topic);
    QCoro::Task<Result<ClusterView>> cluster();
    // GET_BROKER_RUNTIME_INFO (28): the broker's runtime table (brokerVersionDesc, ...).
    QCoro::Task<Result<QMap<QString, QString>>> brokerRuntime(QString address);

    // ---- consumer groups
    // Groups known to the brokers (GET_ALL_SUBSCRIPTIONGROUP_CONFIG) and groups that have a
    // retry topic, system groups left out; sorted.
    QCoro::Task<Result<QStringList>> consumerGroups();
    QCoro::Task<Result<GroupConnections>> connections(QString group);
    // GET_CONSUME_STATS from every broker of the group. With `withClients`, each online client
    // is asked which queues it holds (GET_CONSUMER_RUNNING_INFO through the broker).
    QCoro::Task<Result<GroupProgress>> progress(QString group, bool withClients = false);
    // Where resetOffset would move each queue, without moving anything.
    QCoro::Task<Result<ResetReport>> planReset(QString group, QString topic, qint64 timestamp);
    // Moves the group's offsets on `topic` to the first message stored at or after
    // `timestamp` (ms), on every master of the topic: INVOKE_BROKER_TO_RESET_OFFSET with
    // isForce, which tells online consumers to move; where nobody is online (the broker says
    // CONSUMER_NOT_ONLINE) the offsets are searched and written directly.
    QCoro::Task<Result<ResetReport>> resetOffset(QString group, QString topic, qint64 timestamp);

private:
    QPointer<ClientInstance> m_client;
    MessageQuery m_query;
    MessageTracker m_tracker;
};

} // namespace mq
