#pragma once

#include "FastJson.h"
#include "Message.h"
#include "OrderedMap.h"
#include "RemotingCommand.h"
#include "Result.h"

#include <QStringList>

#include <optional>

namespace mq {

// Topic permission bits (PermName).
namespace PermName {
constexpr int Priority = 0x1 << 3;
constexpr int Read = 0x1 << 2;
constexpr int Write = 0x1 << 1;
constexpr int Inherit = 0x1 << 0;
constexpr bool isReadable(int perm)
{
    return perm & Read;
}
constexpr bool isWriteable(int perm)
{
    return perm & Write;
}
constexpr bool isInherited(int perm)
{
    return perm & Inherit;
}
QString toString(int perm); // "RW-" as mqadmin prints it: R, W, X (inherit) or '-'
} // namespace PermName

constexpr qint64 kMasterBrokerId = 0; // MixAll.MASTER_ID

// How a route body is written. The 4.9.8 name server writes standard JSON (quoted, key-sorted
// maps) to clients at V4_9_4 or later, or that ask with acceptStandardJsonOnly; otherwise plain
// fastjson with bare integer map keys, as cluster info always is.
enum class JsonStyle { Fastjson, Standard };
// The style a name server answers a GET_ROUTEINFO_BY_TOPIC request with.
JsonStyle routeJsonStyleFor(const RemotingCommand &request);

struct QueueData {
    QString brokerName;
    int readQueueNums = 0;
    int writeQueueNums = 0;
    int perm = PermName::Read | PermName::Write;
    int topicSysFlag = 0;
    bool operator==(const QueueData &) const = default;
};

struct BrokerData {
    QString cluster;
    QString brokerName;
    OrderedMap<qint64, QString> brokerAddrs; // broker id -> "host:port", id 0 is the master

    std::optional<QString> address(qint64 brokerId) const;
    std::optional<QString> masterAddress() const { return address(kMasterBrokerId); }
    bool operator==(const BrokerData &) const = default;

    json::Value toJson(JsonStyle style) const;
    static Result<BrokerData> fromJson(const json::Value &v, const QString &path);
};

// GET_ROUTEINFO_BY_TOPIC (105) body.
struct TopicRouteData {
    QList<QueueData> queueDatas;
    QList<BrokerData> brokerDatas;
    OrderedMap<QString, QStringList> filterServerTable; // broker address -> filter servers
    std::optional<QString> orderTopicConf;

    const BrokerData *broker(const QString &brokerName) const;
    std::optional<QString> masterAddress(const QString &brokerName) const;
    // Queues a producer may send to: writable queue data whose broker has a master, brokers in
    // name order (as TopicPublishInfo builds them).
    QList<MessageQueue> writableQueues(const QString &topic) const;
    // Queues a consumer may pull from: readable queue data (as the subscribe info builds them).
    QList<MessageQueue> readableQueues(const QString &topic) const;

    QByteArray toJson(JsonStyle style = JsonStyle::Standard) const;
    static Result<TopicRouteData> parse(const QByteArray &body);
};

// Reads a route response: SUCCESS -> the parsed body; TOPIC_NOT_EXIST (17) -> NotFound with
// the name server's remark; any other code -> Broker error.
Result<TopicRouteData> routeFromResponse(const RemotingCommand &response);

// GET_BROKER_CLUSTER_INFO (106) body (ClusterInfo), always written with bare integer keys.
struct ClusterInfo {
    OrderedMap<QString, BrokerData> brokerAddrTable;   // broker name -> broker
    OrderedMap<QString, QStringList> clusterAddrTable; // cluster name -> broker names

    QStringList clusterNames() const { return clusterAddrTable.keys(); }
    QList<BrokerData> brokersOf(const QString &cluster) const;
    // Orders every hash-based map and set the way the Java name server's HashMaps iterate.
    void sortLikeJava();

    QByteArray toJson() const;
    static Result<ClusterInfo> parse(const QByteArray &body);
};

// GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206) / GET_TOPICS_BY_CLUSTER (224) body.
struct TopicList {
    QStringList topicList;
    std::optional<QString> brokerAddr;

    void sortLikeJava(); // HashSet iteration order
    QByteArray toJson() const;
    static Result<TopicList> parse(const QByteArray &body);
};

} // namespace mq
