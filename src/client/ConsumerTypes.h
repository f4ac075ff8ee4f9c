#pragma once

#include "Message.h"

#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>

namespace mq {

// (mq::MessageModel and mq::ConsumeFromWhere are the wire names in ConsumerData.h.)
enum class ConsumeMode { Clustering, Broadcasting };
enum class ConsumeStart { LastOffset, FirstOffset, Timestamp };

// What a message handler tells the consumer (ConsumeConcurrentlyStatus).
enum class ConsumeResult { Success, RetryLater };

QString consumeModeWireName(ConsumeMode mode);   // "CLUSTERING" / "BROADCASTING"
QString consumeStartWireName(ConsumeStart from); // "CONSUME_FROM_LAST_OFFSET" ...

// DefaultMQPushConsumer's knobs, with its defaults.
struct PushConsumerOptions {
    ConsumeMode mode = ConsumeMode::Clustering;
    ConsumeStart consumeFrom = ConsumeStart::LastOffset;
    // For ConsumeStart::Timestamp; invalid = half an hour ago, like consumeTimestamp.
    QDateTime consumeTimestamp;

    int pullBatchSize = 32;
    int pullThresholdForQueue = 1000;                  // cached messages per queue before pulling pauses
    int pullThresholdSizeForQueueMiB = 100;            // cached body MiB per queue before pulling pauses
    qint64 consumeConcurrentlyMaxSpan = 2000;          // first-to-last cached offset distance before pulling pauses
    std::chrono::milliseconds brokerSuspendMax{15000}; // long-poll hold on the broker
    std::chrono::milliseconds pullTimeoutWhenSuspend{30000}; // consumerTimeoutMillisWhenSuspend
    std::chrono::milliseconds pullDelayOnError{3000};        // pullTimeDelayMillsWhenException
    std::chrono::milliseconds rebalanceInterval{20000};
    std::chrono::milliseconds persistInterval{5000}; // persistConsumerOffsetInterval
    // Retry of a whole rebalance when a subscribed topic has no route yet (%RETRY% topics
    // appear only after the first heartbeat).
    std::chrono::milliseconds missingRouteRetry{1000};
    // A message whose send-back failed is handed to the handler again after this.
    std::chrono::milliseconds reconsumeDelayWhenSendBackFails{5000};
    int maxReconsumeTimes = 16;  // -1 in Java means 16
    int consumeConcurrency = 20; // handlers in flight at once (consumeThreadMax)

    // Broadcasting: the JSON file of this instance's offsets. Empty = <AppDataLocation>/offsets/<group>.json.
    QString offsetStorePath;
};

// A notable thing that happened to a consumer, in words, for logs and the GUI's event list.
struct ConsumerEvent {
    enum class Kind {
        Started,
        Rebalanced,         // the set of queues this instance pulls changed
        OffsetCorrected,    // stored/pull offset outside [min, max] of the queue, moved into range
        OffsetReset,        // an admin reset moved the live consumer (RESET_CONSUMER_CLIENT_OFFSET)
        ConnectionLost,     // a broker connection dropped
        ConnectionRestored, // ... and is back
        SendBackFailed,     // RetryLater but CONSUMER_SEND_MSG_BACK failed: retried locally
        Dropped,            // broadcasting RetryLater: the message is not redelivered
        Warning,            // pulls / offset queries / rebalance failing
        Stopped,
    };
    Kind kind = Kind::Warning;
    QString message;
    std::optional<MessageQueue> queue;
    QDateTime at = QDateTime::currentDateTime();
};

} // namespace mq
