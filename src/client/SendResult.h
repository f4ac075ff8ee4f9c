#pragma once

#include "Message.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace mq {

// SendStatus: what the broker said about storing the message. Anything but SendOk means the
// message was stored on the master but flushing / replication did not finish in time.
enum class SendStatus { SendOk, FlushDiskTimeout, FlushSlaveTimeout, SlaveNotAvailable };
QString sendStatusName(SendStatus status); // "SEND_OK", "FLUSH_DISK_TIMEOUT", ...

struct SendResult {
    SendStatus status = SendStatus::SendOk;
    QString msgId;       // the client's UNIQ_KEY (comma-joined for a batch)
    QString offsetMsgId; // the broker's id: store host + commit-log offset (comma-joined for a batch)
    MessageQueue messageQueue;
    qint64 queueOffset = 0;
    QString brokerAddress;
    QString regionId; // MSG_REGION
    bool traceOn = true;
    QString transactionId;
    int attempts = 1;          // tries it took, retries included
    QStringList failedBrokers; // brokers that refused or died before the one that took it
};

struct SendOptions {
    // For the whole send, retries included (the Java client's sendMsgTimeout).
    std::chrono::milliseconds timeout{3000};
    int retries = 2; // retryTimesWhenSendFailed; ignored for oneway and fixed-queue sends
    // Send to exactly this queue instead of round-robin.
    std::optional<MessageQueue> queue;
};

struct ProducerOptions {
    int compressBodyOverBytes = 4096; // compressMsgBodyOverHowmuch: bodies of this size or more are zlib-compressed
    int compressLevel = 5;
    qsizetype maxMessageSize = 4 * 1024 * 1024;
    // The template the broker creates unknown topics from (createTopicKey), and how many
    // queues it gives them. With a route for it, sends to unknown topics go to its brokers.
    QString defaultTopic = QStringLiteral("TBW102");
    int defaultTopicQueueNums = 4;
};

} // namespace mq
