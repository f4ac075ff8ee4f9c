#pragma once

// What the panels need from the network, as small interfaces. The real implementations
// adapt the client library (src/gui/backends/); tests substitute fakes. Panels never see
// a socket, a client class or a thread.

#include "Message.h"
#include "Result.h"

#include <QCoro/QCoroTask>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

namespace mq::gui {

// ---- producing ----------------------------------------------------------------------------

struct SendReceipt {
    QString status;      // SEND_OK, FLUSH_DISK_TIMEOUT, FLUSH_SLAVE_TIMEOUT, SLAVE_NOT_AVAILABLE
    QString msgId;       // the client id (UNIQ_KEY); the offsetMsgId when the message carries none
    QString offsetMsgId; // broker id: store host + commit-log offset
    MessageQueue queue;
    qint64 queueOffset = -1;
    QString brokerAddress;
};

class ProducerBackend {
public:
    virtual ~ProducerBackend() = default;
    virtual QCoro::Task<Result<SendReceipt>> send(Message message) = 0;
};

// ---- consuming ----------------------------------------------------------------------------

enum class MessageModel { Clustering, Broadcasting };
enum class ConsumeFrom { LastOffset, FirstOffset, Timestamp };

struct Subscription {
    int id = 0;
    QString topic;
    QString tagExpression = QStringLiteral("*");
    QString group;
    MessageModel model = MessageModel::Clustering;
    ConsumeFrom from = ConsumeFrom::LastOffset;
    QDateTime timestamp; // for ConsumeFrom::Timestamp
};

// Messages arrive in batches (one pull result at a time), never one signal per message.
class ConsumerBackend : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual QCoro::Task<Status> subscribe(Subscription subscription) = 0;
    virtual void unsubscribe(int subscriptionId) = 0;

Q_SIGNALS:
    void received(int subscriptionId, const QList<mq::MessageExt> &messages);
    // A problem with a subscription in words; an empty error means it is healthy again.
    void subscriptionFailed(int subscriptionId, const QString &error);
};

// ---- administration -----------------------------------------------------------------------

struct TopicNames {
    QStringList user;   // what people send to and consume
    QStringList system; // retry / DLQ topics, broker and cluster names, RocketMQ's own
};

struct BrokerRoute {
    QString cluster;
    QString brokerName;
    QMap<qint64, QString> addresses; // broker id (0 = master) -> host:port
};

struct QueueRoute {
    QString brokerName;
    int readQueues = 0;
    int writeQueues = 0;
    int perm = 0;
};

struct TopicRoute {
    QList<BrokerRoute> brokers;
    QList<QueueRoute> queues;
};

enum class IdKind { UniqueKey, OffsetMsgId };

struct IdLookup {
    IdKind kind = IdKind::UniqueKey;
    QList<MessageExt> messages;
};

struct QueueProgress {
    MessageQueue queue;
    qint64 brokerOffset = 0;
    qint64 consumerOffset = 0;
    qint64 lastTimestamp = 0; // ms since epoch of the last consumed message, 0 when unknown
    QString client;
    qint64 lag() const { return brokerOffset > consumerOffset ? brokerOffset - consumerOffset : 0; }
};

struct ConsumerProgress {
    QString group;
    double tps = 0;
    QList<QueueProgress> queues;
    qint64 totalLag() const;
};

// One queue's consumer offset as a reset would move it.
struct OffsetMove {
    MessageQueue queue;
    qint64 from = 0;
    qint64 to = 0;
};

// What one consumer group did with a message (the "consumed by" track).
struct ConsumedBy {
    QString group;
    bool consumed = false;
    QString state; // in words: consumed, not yet, consumed but filtered out by tag, unknown (why)
};

class AdminBackend {
public:
    virtual ~AdminBackend() = default;
    virtual QCoro::Task<Result<TopicNames>> topics() = 0;
    virtual QCoro::Task<Result<TopicRoute>> topicRoute(QString topic) = 0;
    virtual QCoro::Task<Result<QList<MessageExt>>> queryByKey(QString topic, QString key, QDateTime begin,
                                                              QDateTime end, int maxResults) = 0;
    // Accepts a client id (UNIQ_KEY) or a broker offsetMsgId and says which it was.
    virtual QCoro::Task<Result<IdLookup>> queryById(QString topic, QString id) = 0;
    virtual QCoro::Task<Result<QList<MessageExt>>> queryByTime(QString topic, QDateTime begin, QDateTime end,
                                                               int maxResults) = 0;
    virtual QCoro::Task<Result<QStringList>> consumerGroups() = 0;
    virtual QCoro::Task<Result<ConsumerProgress>> consumerProgress(QString group) = 0;
    // What resetOffset(group, topic, to) would do, queue by queue, without doing it.
    virtual QCoro::Task<Result<QList<OffsetMove>>> planReset(QString group, QString topic, QDateTime to) = 0;
    virtual QCoro::Task<Status> resetOffset(QString group, QString topic, QDateTime to) = 0;
    // Every group subscribed to the message's topic and whether it has consumed the message.
    virtual QCoro::Task<Result<QList<ConsumedBy>>> consumedBy(MessageExt message) = 0;
};

} // namespace mq::gui

Q_DECLARE_METATYPE(mq::MessageExt)
Q_DECLARE_METATYPE(QList<mq::MessageExt>)
