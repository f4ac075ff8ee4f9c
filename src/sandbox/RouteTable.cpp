#include "RouteTable.h"

#include "JavaHash.h"

namespace mq::sandbox {

namespace {

// RouteInfoManager keeps its topics in a HashMap created with capacity 1024.
constexpr int kTopicTableCapacity = 1024;

QStringList hashSetOrder(const QStringList &names, int capacity = 0)
{
    return java::hashMapOrder(
        names, [](const QString &s) { return java::stringHash(s); }, capacity);
}

} // namespace

RouteTable::TopicEntry *RouteTable::findTopic(const QString &topic)
{
    for (auto &t : m_topics)
        if (t.topic == topic)
            return &t;
    return nullptr;
}

const RouteTable::TopicEntry *RouteTable::findTopic(const QString &topic) const
{
    return const_cast<RouteTable *>(this)->findTopic(topic);
}

const BrokerRecord *RouteTable::findBroker(const QString &brokerName) const
{
    for (const auto &b : m_brokers)
        if (b.brokerName == brokerName)
            return &b;
    return nullptr;
}

BrokerData RouteTable::brokerData(const BrokerRecord &b) const
{
    BrokerData d;
    d.cluster = b.cluster;
    d.brokerName = b.brokerName;
    d.brokerAddrs.insert(b.brokerId, b.address);
    return d;
}

void RouteTable::registerBroker(const BrokerRecord &broker, const QList<QPair<QString, QueueData>> &topics)
{
    bool known = false;
    for (auto &b : m_brokers) {
        if (b.brokerName == broker.brokerName) {
            b = broker;
            known = true;
        }
    }
    if (!known)
        m_brokers.append(broker);
    for (auto &t : m_topics)
        t.queues.removeIf([&](const QueueData &q) { return q.brokerName == broker.brokerName; });
    for (const auto &[topic, queueData] : topics) {
        QueueData q = queueData;
        q.brokerName = broker.brokerName;
        registerTopic(topic, q);
    }
    m_topics.removeIf([](const TopicEntry &t) { return t.queues.isEmpty(); });
}

void RouteTable::registerTopic(const QString &topic, const QueueData &queueData)
{
    TopicEntry *entry = findTopic(topic);
    if (!entry) {
        m_topics.append(TopicEntry{topic, {}});
        entry = &m_topics.last();
    }
    for (auto &q : entry->queues) {
        if (q.brokerName == queueData.brokerName) {
            q = queueData;
            return;
        }
    }
    entry->queues.append(queueData);
}

void RouteTable::unregisterBroker(const QString &brokerName)
{
    m_brokers.removeIf([&](const BrokerRecord &b) { return b.brokerName == brokerName; });
    for (auto &t : m_topics)
        t.queues.removeIf([&](const QueueData &q) { return q.brokerName == brokerName; });
    m_topics.removeIf([](const TopicEntry &t) { return t.queues.isEmpty(); });
}

bool RouteTable::hasTopic(const QString &topic) const
{
    return findTopic(topic) != nullptr;
}

std::optional<TopicRouteData> RouteTable::route(const QString &topic) const
{
    const TopicEntry *entry = findTopic(topic);
    if (!entry || entry->queues.isEmpty())
        return std::nullopt;
    TopicRouteData r;
    // queueDatas come from a HashMap keyed by broker name, brokerDatas from a HashSet of them.
    r.queueDatas = java::hashMapOrder(entry->queues, [](const QueueData &q) { return java::stringHash(q.brokerName); });
    QStringList names;
    for (const auto &q : entry->queues)
        names.append(q.brokerName);
    for (const auto &name : hashSetOrder(names))
        if (const BrokerRecord *b = findBroker(name))
            r.brokerDatas.append(brokerData(*b));
    return r;
}

ClusterInfo RouteTable::clusterInfo() const
{
    ClusterInfo info;
    for (const auto &b : m_brokers) {
        info.brokerAddrTable.insert(b.brokerName, brokerData(b));
        QStringList *members = info.clusterAddrTable.find(b.cluster);
        if (members)
            members->append(b.brokerName);
        else
            info.clusterAddrTable.insert(b.cluster, QStringList{b.brokerName});
    }
    info.sortLikeJava();
    return info;
}

QStringList RouteTable::topics() const
{
    QStringList names;
    for (const auto &t : m_topics)
        names.append(t.topic);
    return names;
}

QStringList RouteTable::topicsOfCluster(const QString &cluster) const
{
    QStringList out;
    for (const auto &t : m_topics)
        for (const auto &q : t.queues)
            if (const BrokerRecord *b = findBroker(q.brokerName); b && b->cluster == cluster && !out.contains(t.topic))
                out.append(t.topic);
    return hashSetOrder(out, kTopicTableCapacity);
}

TopicList RouteTable::topicList() const
{
    TopicList list;
    // The topic table's iteration order (capacity 1024) is the HashSet's insertion order.
    list.topicList = hashSetOrder(topics(), kTopicTableCapacity);
    list.sortLikeJava();
    return list;
}

} // namespace mq::sandbox
