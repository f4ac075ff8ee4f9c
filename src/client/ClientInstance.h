#pragma once

#include "ClientConfig.h"
#include "ConsumerData.h"
#include "NameServerResolver.h"
#include "RemotingConnection.h"
#include "RouteData.h"

#include <QCoro/QCoroTask>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

namespace mq {

class AclSigner;

// What a consumer registers with its ClientInstance: its heartbeat entry, and the requests
// the broker sends for its group (NOTIFY_CONSUMER_IDS_CHANGED 40, RESET_CONSUMER_CLIENT_OFFSET
// 220, GET_CONSUMER_STATUS_FROM_CLIENT 221, GET_CONSUMER_RUNNING_INFO 307,
// CONSUME_MESSAGE_DIRECTLY 309). The instance does not own it.
class ConsumerEndpoint {
public:
    virtual ~ConsumerEndpoint() = default;
    virtual QString consumerGroup() const = 0;
    virtual ConsumerData heartbeatData() const = 0;
    // The response is ignored for oneway requests (40 and 220 are oneway).
    virtual QCoro::Task<RemotingCommand> handleBrokerRequest(RemotingCommand request, QString brokerAddress) = 0;
};

// One client identity talking to one cluster (MQClientInstance): the name servers, a pool of
// connections (one per address), topic routes cached and refreshed from any reachable name
// server, heartbeats to every broker while groups are registered, and UNREGISTER_CLIENT on
// shutdown. Producers, consumers and admin operations share it.
class ClientInstance : public QObject {
    Q_OBJECT
public:
    explicit ClientInstance(ClientConfig config, QObject *parent = nullptr);
    ~ClientInstance() override;

    const ClientConfig &config() const { return m_config; }
    // "ip@instanceName", e.g. 192.0.2.2@13968#8022895913743 like the Java client.
    const QString &clientId() const { return m_clientId; }
    NameServerResolver *resolver() const { return m_resolver; }
    QStringList nameServers() const { return m_resolver->addresses(); }
    bool isStarted() const { return m_started; }

    // Resolves the name servers (HTTP resolver: first answer or snapshot) and starts the
    // periodic work. Fails when no name-server address can be found.
    QCoro::Task<Status> start();
    // Unregisters every group from every known broker, stops timers, closes connections.
    QCoro::Task<> shutdown();

    // The pooled connection to `address`, created on first use (not yet connected).
    RemotingConnection *connection(const QString &address);
    QList<RemotingConnection *> connections() const;
    // A request to one address; timeout defaults to config().requestTimeout.
    QCoro::Task<Result<RemotingCommand>> invoke(QString address, RemotingCommand request,
                                                std::optional<std::chrono::milliseconds> timeout = std::nullopt);
    QCoro::Task<Status> invokeOneway(QString address, RemotingCommand request);
    // A request to the name servers: the last good one first, failing over to the others on
    // network errors and timeouts. Responses with error codes are returned, not retried.
    QCoro::Task<Result<RemotingCommand>>
    invokeNameServer(RemotingCommand request, std::optional<std::chrono::milliseconds> timeout = std::nullopt);

    // The topic's route: cached (refreshed every routeRefreshInterval) unless `refresh`.
    // A topic the name server does not know is Error::Code::NotFound.
    QCoro::Task<Result<TopicRouteData>> topicRoute(QString topic, bool refresh = false);
    std::optional<TopicRouteData> cachedRoute(const QString &topic) const;
    QStringList cachedTopics() const { return m_routes.keys(); }
    void forgetRoute(const QString &topic) { m_routes.remove(topic); }
    // The master (broker id 0) address of a broker, from any cached route; empty when unknown.
    QString masterAddress(const QString &brokerName) const;
    // Every broker address of every cached route: broker name -> (id -> address).
    QHash<QString, QMap<qint64, QString>> brokerAddresses() const;

    void registerProducer(const QString &group);
    bool isProducerRegistered(const QString &group) const { return m_producerGroups.contains(group); }
    // Forgets the group and tells every known broker (UNREGISTER_CLIENT).
    QCoro::Task<> unregisterProducer(QString group);
    // false when a consumer of that group is already registered here.
    bool registerConsumer(ConsumerEndpoint *consumer);
    QCoro::Task<> unregisterConsumer(QString group);
    QStringList producerGroups() const { return m_producerGroups.values(); }
    QStringList consumerGroups() const { return m_consumers.keys(); }

    // HEART_BEAT to every known broker (masters only while there are no consumers), in parallel.
    // Returns how many brokers accepted it.
    QCoro::Task<int> sendHeartbeatToAllBrokers();
    HeartbeatData heartbeatData() const;

Q_SIGNALS:
    void connectionStateChanged(const QString &address, mq::RemotingConnection::State state);
    void nameServersChanged(const QStringList &addresses);
    void routeUpdated(const QString &topic);
    void heartbeatFailed(const QString &address, const QString &error);
    // Problems worth showing that no caller is waiting for (resolver, route refresh).
    void warning(const QString &message);

private:
    QCoro::Task<RemotingCommand> routeBrokerRequest(QString address, RemotingCommand request);
    QCoro::Task<> refreshRoutes();
    QCoro::Task<int> heartbeatTo(QString address, QByteArray body);
    QCoro::Task<> unregisterFromBrokers(QString producerGroup, QString consumerGroup);
    void storeRoute(const QString &topic, const TopicRouteData &route);
    void scheduleHeartbeat();

    ClientConfig m_config;
    QString m_clientId;
    NameServerResolver *m_resolver = nullptr;
    std::shared_ptr<AclSigner> m_signer;
    QHash<QString, RemotingConnection *> m_connections;
    int m_nameServerIndex = 0;
    QHash<QString, TopicRouteData> m_routes;
    QSet<QString> m_producerGroups;
    QHash<QString, ConsumerEndpoint *> m_consumers;
    QTimer m_routeTimer;
    QTimer m_heartbeatTimer;
    bool m_started = false;
    bool m_heartbeatScheduled = false;
    bool m_refreshingRoutes = false;
};

} // namespace mq
