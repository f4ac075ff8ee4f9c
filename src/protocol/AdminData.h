#pragma once

#include "ConsumerData.h"
#include "Message.h"
#include "OrderedMap.h"
#include "Result.h"

#include <optional>

namespace mq {

// Offsets of one queue in ConsumeStats (OffsetWrapper).
struct OffsetWrapper {
    qint64 brokerOffset = 0;   // the queue's max offset
    qint64 consumerOffset = 0; // the group's committed offset
    qint64 lastTimestamp = 0;  // store time of the last consumed message (0: none)

    qint64 lag() const { return brokerOffset - consumerOffset; }
    bool operator==(const OffsetWrapper &) const = default;
};

// GET_CONSUME_STATS (208) body. Written with MessageQueue objects as map keys.
struct ConsumeStats {
    OrderedMap<MessageQueue, OffsetWrapper> offsetTable;
    double consumeTps = 0;

    qint64 totalBrokerOffset() const;
    qint64 totalConsumerOffset() const;
    qint64 totalLag() const; // ConsumeStats.computeTotalDiff: sum of brokerOffset - consumerOffset
    void sortLikeJava();     // offsetTable in HashMap order

    QByteArray toJson() const;
    static Result<ConsumeStats> parse(const QByteArray &body);
};

// One queue a consumer holds, from GET_CONSUMER_RUNNING_INFO (ProcessQueueInfo).
struct ProcessQueueInfo {
    qint64 commitOffset = 0;
    qint64 cachedMsgMinOffset = 0;
    qint64 cachedMsgMaxOffset = 0;
    int cachedMsgCount = 0;
    int cachedMsgSizeInMiB = 0;
    qint64 transactionMsgMinOffset = 0;
    qint64 transactionMsgMaxOffset = 0;
    int transactionMsgCount = 0;
    bool locked = false;
    qint64 tryUnlockTimes = 0;
    qint64 lastLockTimestamp = 0;
    bool droped = false; // sic, the Java field name
    qint64 lastPullTimestamp = 0;
    qint64 lastConsumeTimestamp = 0;
    bool operator==(const ProcessQueueInfo &) const = default;
};

// Per-topic rates from GET_CONSUMER_RUNNING_INFO (ConsumeStatus).
struct ConsumeStatus {
    double pullRT = 0;
    double pullTPS = 0;
    double consumeRT = 0;
    double consumeOKTPS = 0;
    double consumeFailedTPS = 0;
    qint64 consumeFailedMsgs = 0;
    bool operator==(const ConsumeStatus &) const = default;
};

// GET_CONSUMER_RUNNING_INFO (307) response body (ConsumerRunningInfo), written by the client.
struct ConsumerRunningInfo {
    static inline const QString PropNameserverAddr = QStringLiteral("PROP_NAMESERVER_ADDR");
    static inline const QString PropThreadpoolCoreSize = QStringLiteral("PROP_THREADPOOL_CORE_SIZE");
    static inline const QString PropConsumeOrderly = QStringLiteral("PROP_CONSUMEORDERLY");
    static inline const QString PropConsumeType = QStringLiteral("PROP_CONSUME_TYPE");
    static inline const QString PropClientVersion = QStringLiteral("PROP_CLIENT_VERSION");
    static inline const QString PropConsumerStartTimestamp = QStringLiteral("PROP_CONSUMER_START_TIMESTAMP");

    OrderedMap<QString, QString> properties;
    QList<SubscriptionData> subscriptionSet;
    OrderedMap<MessageQueue, ProcessQueueInfo> mqTable;
    OrderedMap<QString, ConsumeStatus> statusTable; // topic -> rates
    std::optional<QString> jstack;

    // mqTable, statusTable and subscriptionSet sorted (Java TreeMap/TreeSet), properties in
    // ConcurrentHashMap order.
    void sortLikeJava();

    QByteArray toJson() const;
    static Result<ConsumerRunningInfo> parse(const QByteArray &body);
};

// RESET_CONSUMER_CLIENT_OFFSET (220) request body and INVOKE_BROKER_TO_RESET_OFFSET (222)
// response body (ResetOffsetBody): the offset each queue was reset to.
struct ResetOffsetBody {
    OrderedMap<MessageQueue, qint64> offsetTable;

    void sortLikeJava(); // HashMap order
    QByteArray toJson() const;
    static Result<ResetOffsetBody> parse(const QByteArray &body);
};

} // namespace mq
