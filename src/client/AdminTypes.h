#pragma once

// Values the admin operations (Admin, MessageQuery, TopicBrowser, MessageTrack) return.
// Plain data: the GUI panels and the CLI read them, nothing here talks to the network.

#include "ConsumerData.h"
#include "Message.h"
#include "MessageId.h"
#include "Result.h"
#include "RouteData.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <limits>

namespace mq {

// A stored message and the broker it was read from.
struct FoundMessage {
    MessageExt message;
    QString brokerName;    // empty when the broker is not in the topic's route (view by id)
    QString brokerAddress; // the address that answered
    MessageQueue queue() const { return MessageQueue{message.topic, brokerName, message.queueId}; }
};

// One broker that could not answer part of a fan-out request; the rest of the answer stands.
struct BrokerFailure {
    QString brokerName;
    QString address;
    Error error;
};

// ---- query by key ---------------------------------------------------------------------------

constexpr int kDefaultQueryMaxNum = 64;                             // the broker's maxMsgsNumBatch
constexpr qint64 kDefaultQueryWindowMs = 3LL * 24 * 60 * 60 * 1000; // the dashboard's "last 3 days"
constexpr qint64 kNoUpperBound = std::numeric_limits<qint64>::max();

struct KeyQuery {
    QString topic;
    QString key;
    qint64 begin = -1;          // ms since epoch; -1 = now minus kDefaultQueryWindowMs
    qint64 end = kNoUpperBound; // ms since epoch
    int maxNum = kDefaultQueryMaxNum;
};

struct KeyQueryResult {
    QString topic;
    QString key;
    qint64 begin = 0;
    qint64 end = kNoUpperBound;
    QList<FoundMessage> messages; // de-duplicated by offsetMsgId, oldest store time first
    // More messages match than maxNum: the list is the oldest maxNum of what the brokers sent.
    bool truncated = false;
    QString note;                  // why truncated, or what was filtered out; empty when nothing to say
    QStringList brokersAsked;      // broker names
    QList<BrokerFailure> failures; // brokers that failed while others answered
};

// ---- query by id ----------------------------------------------------------------------------

struct IdQueryResult {
    QString id;
    MessageIdKind detected = MessageIdKind::Invalid; // what the id looks like
    MessageIdKind foundBy = MessageIdKind::Invalid;  // the lookup that found the messages
    QList<FoundMessage> messages;
    QString note; // e.g. "looked up as a client id after viewing by offset found nothing"
    QList<BrokerFailure> failures;
};
QString messageIdKindName(MessageIdKind kind); // "offsetMsgId", "msgId (UNIQ_KEY)", "invalid"

// ---- browse by time -------------------------------------------------------------------------

constexpr int kDefaultBrowseMax = 1000;
constexpr int kBrowseBatchSize = 32;
// The group browse pulls as: it never commits, so no real group's offsets move
// (MixAll.TOOLS_CONSUMER_GROUP, what the Java admin tools pull with).
inline const QString kToolsConsumerGroup = QStringLiteral("TOOLS_CONSUMER");

struct BrowseRequest {
    QString topic;
    qint64 begin = 0;           // ms since epoch, inclusive
    qint64 end = kNoUpperBound; // ms since epoch, inclusive
    int maxMessages = kDefaultBrowseMax;
};

// The part of one queue a browse reads: [beginOffset, endOffset).
struct QueueRange {
    MessageQueue queue;
    QString brokerAddress;
    qint64 beginOffset = 0;
    qint64 endOffset = 0;
};

struct BrowseSummary {
    QString topic;
    qint64 begin = 0;
    qint64 end = kNoUpperBound;
    int messageCount = 0;
    QList<QueueRange> ranges;
    bool truncated = false; // stopped at maxMessages with more in range
    bool cancelled = false;
    QList<BrokerFailure> failures;
};

// ---- message track --------------------------------------------------------------------------

// What a consumer group did with one message (TrackType in the Java admin).
enum class TrackType {
    Consumed,            // the group's offset on the message's queue is past the message
    ConsumedButFiltered, // past it, but the group's subscription does not take the message's tag
    NotConsumed,         // not yet reached
    Unknown,             // the offset could not be read (see detail)
};
QString trackTypeName(TrackType type); // CONSUMED, CONSUMED_BUT_FILTERED, NOT_CONSUME_YET, UNKNOWN

struct MessageTrack {
    QString group;
    TrackType type = TrackType::Unknown;
    bool online = false;        // the group has a consumer connected
    QString consumeType;        // CONSUME_PASSIVELY / CONSUME_ACTIVELY when online
    qint64 consumerOffset = -1; // -1: the group never committed on this queue
    QString detail;             // words for Unknown and anything else worth saying
    QString describe() const;   // "CONSUMED", "NOT_CONSUME_YET (not online)", ...
};

struct TrackResult {
    QList<MessageTrack> tracks;
    // Where the group list came from: the brokers (QUERY_TOPIC_CONSUME_BY_WHO) or only the
    // groups the caller named, when no broker answers that request.
    bool groupsFromBroker = false;
    QString note;
};

// ---- topics and cluster ---------------------------------------------------------------------

// System topics a 4.9.8 cluster keeps (TopicValidator.SYSTEM_TOPIC_SET, the rmq_sys_ prefix,
// retry / DLQ topics, the per-cluster reply topic) and the topics brokers create under their
// cluster and broker names. `clusterOrBrokerNames` may be empty when cluster info is unknown.
bool isSystemTopic(const QString &topic, const QStringList &clusterOrBrokerNames = {});

struct TopicListing {
    QStringList topics; // sorted; system topics only when asked for
    int hiddenSystemTopics = 0;
};

struct BrokerInfo {
    QString cluster;
    QString brokerName;
    qint64 brokerId = 0; // 0 = master
    QString address;
    QString version; // brokerVersionDesc, e.g. V4_9_8; empty when the broker did not say
    bool reachable = false;
    QString error;                  // why the runtime info is missing
    QMap<QString, QString> runtime; // GET_BROKER_RUNTIME_INFO table
};

struct ClusterView {
    QStringList clusters;
    QList<BrokerInfo> brokers; // by cluster, broker name, broker id
};

// One broker's part of a topic route, with the permission in words.
struct TopicRouteView {
    QString brokerName;
    QString cluster;
    QMap<qint64, QString> addresses;
    int readQueues = 0;
    int writeQueues = 0;
    int perm = 0;
    QString permText; // "read, write", "read only", "write only", "no access"
};
QList<TopicRouteView> describeRoute(const TopicRouteData &route);
QString permissionWords(int perm);

// ---- consumer groups ------------------------------------------------------------------------

struct GroupConnections {
    QString group;
    bool online = false;
    QList<Connection> connections; // by client id
    QString consumeType;
    QString messageModel;
    QString consumeFromWhere;
    OrderedMap<QString, SubscriptionData> subscriptions; // topic -> subscription
};
QString clientVersionName(int version); // 409 -> "V4_9_8"

struct QueueProgress {
    MessageQueue queue;
    qint64 brokerOffset = 0;
    qint64 consumerOffset = 0;
    qint64 lastTimestamp = 0; // store time of the last consumed message; 0 when none
    QString clientId;         // who holds the queue, when the consumers said (running info)
    qint64 lag() const { return brokerOffset > consumerOffset ? brokerOffset - consumerOffset : 0; }
};

struct GroupProgress {
    QString group;
    double consumeTps = 0;
    QList<QueueProgress> queues; // by topic, broker, queue id
    qint64 totalLag() const;
    QList<BrokerFailure> failures;
};

// One queue of a reset: the group's committed offset before and after.
struct OffsetMove {
    MessageQueue queue;
    qint64 from = -1; // -1: the group had no offset here
    qint64 to = 0;
    bool moved() const { return from != to; }
};

struct ResetReport {
    QString group;
    QString topic;
    qint64 timestamp = 0;
    QList<OffsetMove> moves; // by broker, queue id
    // Brokers that told online consumers to move (INVOKE_BROKER_TO_RESET_OFFSET), and brokers
    // where nobody was online so the offsets were written directly.
    QStringList viaConsumers;
    QStringList written;
    QList<BrokerFailure> failures;
};

// ---- shared helpers -------------------------------------------------------------------------

// Epoch milliseconds ("1700000000000") or ISO 8601 ("2024-05-01T10:00:00", "...Z",
// "...+08:00", "2024-05-01 10:00", "2024-05-01"); local time when no offset is given.
Result<qint64> parseTimestamp(const QString &text);
QString formatTimestamp(qint64 ms); // ISO 8601 with milliseconds, local time and offset

} // namespace mq

Q_DECLARE_METATYPE(mq::FoundMessage)
Q_DECLARE_METATYPE(QList<mq::FoundMessage>)
