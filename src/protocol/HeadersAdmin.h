#pragma once

#include "RemotingCommand.h"
#include "Result.h"

#include <optional>

namespace mq {

// GET_ROUTEINFO_BY_TOPIC (105), to the name server.
struct GetRouteInfoRequestHeader {
    QString topic;
    std::optional<bool> acceptStandardJsonOnly; // newer clients; see routeJsonStyleFor()

    ExtFields toExtFields() const;
    static Result<GetRouteInfoRequestHeader> fromExtFields(const ExtFields &fields);
};

// GET_TOPICS_BY_CLUSTER (224), to the name server.
struct GetTopicsByClusterRequestHeader {
    QString cluster;

    ExtFields toExtFields() const;
    static Result<GetTopicsByClusterRequestHeader> fromExtFields(const ExtFields &fields);
};

// UPDATE_AND_CREATE_TOPIC (17), to a broker.
struct CreateTopicRequestHeader {
    QString topic;
    QString defaultTopic = QStringLiteral("TBW102");
    int readQueueNums = 4;
    int writeQueueNums = 4;
    int perm = 6; // PermName read | write
    QString topicFilterType = QStringLiteral("SINGLE_TAG");
    std::optional<int> topicSysFlag;
    bool order = false;

    ExtFields toExtFields() const;
    static Result<CreateTopicRequestHeader> fromExtFields(const ExtFields &fields);
};

// GET_CONSUMER_LIST_BY_GROUP (38). The response has an empty header ("extFields":{}) and a
// ConsumerIdList body.
struct GetConsumerListByGroupRequestHeader {
    QString consumerGroup;

    ExtFields toExtFields() const;
    static Result<GetConsumerListByGroupRequestHeader> fromExtFields(const ExtFields &fields);
};

// GET_CONSUME_STATS (208).
struct GetConsumeStatsRequestHeader {
    QString consumerGroup;
    std::optional<QString> topic;

    ExtFields toExtFields() const;
    static Result<GetConsumeStatsRequestHeader> fromExtFields(const ExtFields &fields);
};

// GET_CONSUMER_CONNECTION_LIST (203).
struct GetConsumerConnectionListRequestHeader {
    QString consumerGroup;

    ExtFields toExtFields() const;
    static Result<GetConsumerConnectionListRequestHeader> fromExtFields(const ExtFields &fields);
};

// INVOKE_BROKER_TO_RESET_OFFSET (222, admin to broker) and RESET_CONSUMER_CLIENT_OFFSET
// (220, broker to client, oneway, ResetOffsetBody as body) share this header.
struct ResetOffsetRequestHeader {
    QString topic;
    QString group;
    qint64 timestamp = 0;
    bool isForce = false;

    ExtFields toExtFields() const;
    static Result<ResetOffsetRequestHeader> fromExtFields(const ExtFields &fields);
};

// GET_CONSUMER_STATUS_FROM_CLIENT (221, broker to client) and INVOKE_BROKER_TO_GET_CONSUMER_STATUS (223).
struct GetConsumerStatusRequestHeader {
    QString topic;
    QString group;
    std::optional<QString> clientAddr;

    ExtFields toExtFields() const;
    static Result<GetConsumerStatusRequestHeader> fromExtFields(const ExtFields &fields);
};

// UNREGISTER_CLIENT (35). The response has an empty header ("extFields":{}).
struct UnregisterClientRequestHeader {
    QString clientID;
    std::optional<QString> producerGroup;
    std::optional<QString> consumerGroup;

    ExtFields toExtFields() const;
    static Result<UnregisterClientRequestHeader> fromExtFields(const ExtFields &fields);
};

// NOTIFY_CONSUMER_IDS_CHANGED (40), broker to client, oneway.
struct NotifyConsumerIdsChangedRequestHeader {
    QString consumerGroup;

    ExtFields toExtFields() const;
    static Result<NotifyConsumerIdsChangedRequestHeader> fromExtFields(const ExtFields &fields);
};

// GET_CONSUMER_RUNNING_INFO (307): admin to broker, and the broker forwards it to the client.
struct GetConsumerRunningInfoRequestHeader {
    QString consumerGroup;
    QString clientId;
    bool jstackEnable = false;

    ExtFields toExtFields() const;
    static Result<GetConsumerRunningInfoRequestHeader> fromExtFields(const ExtFields &fields);
};

// CONSUME_MESSAGE_DIRECTLY (309): admin to broker to client.
struct ConsumeMessageDirectlyResultRequestHeader {
    QString consumerGroup;
    std::optional<QString> clientId;
    std::optional<QString> msgId;
    std::optional<QString> brokerName;

    ExtFields toExtFields() const;
    static Result<ConsumeMessageDirectlyResultRequestHeader> fromExtFields(const ExtFields &fields);
};

} // namespace mq
