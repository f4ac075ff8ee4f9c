#pragma once

#include "FastJson.h"
#include "OrderedMap.h"
#include "Result.h"

#include <QStringList>

#include <optional>

namespace mq {

// Enum names as the Java client writes them.
namespace ConsumeType {
inline const QString Actively = QStringLiteral("CONSUME_ACTIVELY");   // pull consumer
inline const QString Passively = QStringLiteral("CONSUME_PASSIVELY"); // push consumer
} // namespace ConsumeType
namespace MessageModel {
inline const QString Clustering = QStringLiteral("CLUSTERING");
inline const QString Broadcasting = QStringLiteral("BROADCASTING");
} // namespace MessageModel
namespace ConsumeFromWhere {
inline const QString LastOffset = QStringLiteral("CONSUME_FROM_LAST_OFFSET");
inline const QString FirstOffset = QStringLiteral("CONSUME_FROM_FIRST_OFFSET");
inline const QString Timestamp = QStringLiteral("CONSUME_FROM_TIMESTAMP");
} // namespace ConsumeFromWhere
namespace ExpressionType {
inline const QString Tag = QStringLiteral("TAG");
inline const QString Sql92 = QStringLiteral("SQL92");
} // namespace ExpressionType

// One subscription (SubscriptionData): topic plus tag expression, with the tag hash codes the
// broker filters by.
struct SubscriptionData {
    static inline const QString kSubAll = QStringLiteral("*");

    QString topic;
    QString subString = kSubAll;
    QStringList tagsSet;
    QList<qint32> codeSet; // java.lang.String.hashCode of each tag
    qint64 subVersion = 0;
    QString expressionType = ExpressionType::Tag;
    bool classFilterMode = false;
    std::optional<QString> filterClassSource;

    // FilterAPI.buildSubscriptionData: "TagA || TagB" -> tags and codes, "*" or empty -> all.
    // Sets are in the order Java's HashSet iterates them.
    static SubscriptionData fromTagExpression(const QString &topic, const QString &expression, qint64 subVersion);
    bool matchesAllTags() const { return subString == kSubAll || subString.isEmpty(); }
    bool operator==(const SubscriptionData &) const = default;

    json::Value toJson() const;
    static Result<SubscriptionData> fromJson(const json::Value &v, const QString &path);
};

struct ProducerData {
    QString groupName;
    bool operator==(const ProducerData &) const = default;
};

struct ConsumerData {
    QString groupName;
    QString consumeType = ConsumeType::Passively;
    QString messageModel = MessageModel::Clustering;
    QString consumeFromWhere = ConsumeFromWhere::LastOffset;
    QList<SubscriptionData> subscriptionDataSet;
    bool unitMode = false;
    bool operator==(const ConsumerData &) const = default;
};

// HEART_BEAT (34) body.
struct HeartbeatData {
    QString clientID;
    QList<ProducerData> producerDataSet;
    QList<ConsumerData> consumerDataSet;

    QByteArray toJson() const;
    static Result<HeartbeatData> parse(const QByteArray &body);
};

// GET_CONSUMER_LIST_BY_GROUP (38) response body (GetConsumerListByGroupResponseBody).
struct ConsumerIdList {
    QStringList consumerIdList;

    QByteArray toJson() const;
    static Result<ConsumerIdList> parse(const QByteArray &body);
};

// One client connection of a group, as the broker saw it.
struct Connection {
    QString clientId; // "ip@pid#nanos" for Java clients
    QString clientAddr;
    QString language = QStringLiteral("JAVA");
    int version = 0; // MQVersion ordinal; 409 = V4_9_8
    bool operator==(const Connection &) const = default;
};

// GET_CONSUMER_CONNECTION_LIST (203) response body.
struct ConsumerConnection {
    QList<Connection> connectionSet;
    OrderedMap<QString, SubscriptionData> subscriptionTable; // topic -> subscription
    QString consumeType;
    QString messageModel;
    QString consumeFromWhere;

    void sortLikeJava(); // subscriptionTable in ConcurrentHashMap order
    QByteArray toJson() const;
    static Result<ConsumerConnection> parse(const QByteArray &body);
};

} // namespace mq
