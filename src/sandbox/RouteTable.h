#pragma once

#include "RouteData.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mq::sandbox {

struct BrokerRecord {
    QString cluster;
    QString brokerName;
    qint64 brokerId = kMasterBrokerId;
    QString address;
};

// The name server's tables (RouteInfoManager) and the bodies built from them. Maps are
// ordered the way Java's HashMaps iterate, so bodies look like the real server's.
class RouteTable {
public:
    // Replaces what this broker serves: its address and the full set of its topics.
    void registerBroker(const BrokerRecord &broker, const QList<QPair<QString, QueueData>> &topics);
    // Adds or updates one topic of a broker.
    void registerTopic(const QString &topic, const QueueData &queueData);
    void unregisterBroker(const QString &brokerName);

    bool hasTopic(const QString &topic) const;
    std::optional<TopicRouteData> route(const QString &topic) const; // nullopt: no broker serves it
    ClusterInfo clusterInfo() const;
    TopicList topicList() const;
    QStringList topics() const; // registration order
    QStringList topicsOfCluster(const QString &cluster) const;

private:
    struct TopicEntry {
        QString topic;
        QList<QueueData> queues; // one per broker, in registration order
    };
    QList<TopicEntry> m_topics; // registration order: Java maps keep it within a bucket
    QList<BrokerRecord> m_brokers;

    TopicEntry *findTopic(const QString &topic);
    const TopicEntry *findTopic(const QString &topic) const;
    const BrokerRecord *findBroker(const QString &brokerName) const;
    BrokerData brokerData(const BrokerRecord &b) const;
};

} // namespace mq::sandbox
