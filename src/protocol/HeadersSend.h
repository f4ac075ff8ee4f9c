#pragma once

#include "RemotingCommand.h"
#include "Result.h"

#include <optional>

namespace mq {

// SEND_MESSAGE (10) with readable names (SendMessageRequestHeader). Fields that Java leaves
// null are std::optional and are not sent when empty.
struct SendMessageRequestHeader {
    QString producerGroup;
    QString topic;
    QString defaultTopic = QStringLiteral("TBW102");
    int defaultTopicQueueNums = 4;
    int queueId = 0;
    int sysFlag = 0;
    qint64 bornTimestamp = 0;
    int flag = 0;
    std::optional<QString> properties; // MessageDecoder.messageProperties2String
    std::optional<int> reconsumeTimes;
    bool unitMode = false;
    bool batch = false;
    std::optional<int> maxReconsumeTimes;
    std::optional<QString> brokerName; // "bname"

    ExtFields toExtFields() const;
    static Result<SendMessageRequestHeader> fromExtFields(const ExtFields &fields);
    // Reads either layout by the request's code: 10 (V1 names), 310 / 320 (V2 letters).
    static Result<SendMessageRequestHeader> fromRequest(const RemotingCommand &request);
};

// SEND_MESSAGE_V2 (310) and SEND_BATCH_MESSAGE (320): the same header with one-letter names
// (a producerGroup, b topic, c defaultTopic, d defaultTopicQueueNums, e queueId, f sysFlag,
// g bornTimestamp, h flag, i properties, j reconsumeTimes, k unitMode, l maxReconsumeTimes,
// m batch, n brokerName). The Java client always sends j, k and m.
struct SendMessageRequestHeaderV2 {
    SendMessageRequestHeader header;

    static SendMessageRequestHeaderV2 fromV1(const SendMessageRequestHeader &v1) { return {v1}; }
    const SendMessageRequestHeader &toV1() const { return header; }
    ExtFields toExtFields() const;
    static Result<SendMessageRequestHeaderV2> fromExtFields(const ExtFields &fields);
};

// The send response. msgId is the broker's offsetMsgId (comma-joined for a batch);
// the broker adds MSG_REGION and TRACE_ON next to the header fields.
struct SendMessageResponseHeader {
    QString msgId;
    int queueId = 0;
    qint64 queueOffset = 0;
    std::optional<QString> transactionId;
    std::optional<QString> msgRegion; // "MSG_REGION"
    std::optional<QString> traceOn;   // "TRACE_ON": "true" / "false"

    ExtFields toExtFields() const;
    static Result<SendMessageResponseHeader> fromExtFields(const ExtFields &fields);
};

// CONSUMER_SEND_MSG_BACK (36): hand a message the consumer failed on back for retry.
struct ConsumerSendMsgBackRequestHeader {
    qint64 offset = 0; // commit-log offset of the message
    QString group;
    int delayLevel = 0;
    std::optional<QString> originMsgId;
    std::optional<QString> originTopic;
    bool unitMode = false;
    std::optional<int> maxReconsumeTimes;
    std::optional<QString> brokerName; // "bname"

    ExtFields toExtFields() const;
    static Result<ConsumerSendMsgBackRequestHeader> fromExtFields(const ExtFields &fields);
};

} // namespace mq
