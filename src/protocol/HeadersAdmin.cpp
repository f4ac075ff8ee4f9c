#include "HeadersAdmin.h"

#include "HeaderFields.h"

namespace mq {

ExtFields GetRouteInfoRequestHeader::toExtFields() const
{
    return header::Writer().add("topic", topic).add("acceptStandardJsonOnly", acceptStandardJsonOnly).finish();
}

Result<GetRouteInfoRequestHeader> GetRouteInfoRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "GetRouteInfoRequestHeader");
    GetRouteInfoRequestHeader h;
    h.topic = r.string("topic");
    h.acceptStandardJsonOnly = r.optBool("acceptStandardJsonOnly");
    return r.finish(std::move(h));
}

ExtFields GetTopicsByClusterRequestHeader::toExtFields() const
{
    return header::Writer().add("cluster", cluster).finish();
}

Result<GetTopicsByClusterRequestHeader> GetTopicsByClusterRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "GetTopicsByClusterRequestHeader");
    GetTopicsByClusterRequestHeader h;
    h.cluster = r.string("cluster");
    return r.finish(std::move(h));
}

ExtFields CreateTopicRequestHeader::toExtFields() const
{
    return header::Writer()
        .add("topic", topic)
        .add("defaultTopic", defaultTopic)
        .add("readQueueNums", readQueueNums)
        .add("writeQueueNums", writeQueueNums)
        .add("perm", perm)
        .add("topicFilterType", topicFilterType)
        .add("topicSysFlag", topicSysFlag)
        .add("order", order)
        .finish();
}

Result<CreateTopicRequestHeader> CreateTopicRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "CreateTopicRequestHeader");
    CreateTopicRequestHeader h;
    h.topic = r.string("topic");
    h.defaultTopic = r.string("defaultTopic");
    h.readQueueNums = r.int32("readQueueNums");
    h.writeQueueNums = r.int32("writeQueueNums");
    h.perm = r.int32("perm");
    h.topicFilterType = r.string("topicFilterType");
    h.topicSysFlag = r.optInt32("topicSysFlag");
    h.order = r.optBool("order").value_or(false);
    return r.finish(std::move(h));
}

ExtFields GetConsumerListByGroupRequestHeader::toExtFields() const
{
    return header::Writer().add("consumerGroup", consumerGroup).finish();
}

Result<GetConsumerListByGroupRequestHeader> GetConsumerListByGroupRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "GetConsumerListByGroupRequestHeader");
    GetConsumerListByGroupRequestHeader h;
    h.consumerGroup = r.string("consumerGroup");
    return r.finish(std::move(h));
}

ExtFields GetConsumeStatsRequestHeader::toExtFields() const
{
    return header::Writer().add("consumerGroup", consumerGroup).add("topic", topic).finish();
}

Result<GetConsumeStatsRequestHeader> GetConsumeStatsRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "GetConsumeStatsRequestHeader");
    GetConsumeStatsRequestHeader h;
    h.consumerGroup = r.string("consumerGroup");
    h.topic = r.optString("topic");
    return r.finish(std::move(h));
}

ExtFields GetConsumerConnectionListRequestHeader::toExtFields() const
{
    return header::Writer().add("consumerGroup", consumerGroup).finish();
}

Result<GetConsumerConnectionListRequestHeader>
GetConsumerConnectionListRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "GetConsumerConnectionListRequestHeader");
    GetConsumerConnectionListRequestHeader h;
    h.consumerGroup = r.string("consumerGroup");
    return r.finish(std::move(h));
}

ExtFields ResetOffsetRequestHeader::toExtFields() const
{
    return header::Writer()
        .add("topic", topic)
        .add("group", group)
        .add("timestamp", timestamp)
        .add("isForce", isForce)
        .finish();
}

Result<ResetOffsetRequestHeader> ResetOffsetRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "ResetOffsetRequestHeader");
    ResetOffsetRequestHeader h;
    h.topic = r.string("topic");
    h.group = r.string("group");
    h.timestamp = r.int64("timestamp");
    h.isForce = r.boolean("isForce");
    return r.finish(std::move(h));
}

ExtFields GetConsumerStatusRequestHeader::toExtFields() const
{
    return header::Writer().add("topic", topic).add("group", group).add("clientAddr", clientAddr).finish();
}

Result<GetConsumerStatusRequestHeader> GetConsumerStatusRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "GetConsumerStatusRequestHeader");
    GetConsumerStatusRequestHeader h;
    h.topic = r.string("topic");
    h.group = r.string("group");
    h.clientAddr = r.optString("clientAddr");
    return r.finish(std::move(h));
}

ExtFields UnregisterClientRequestHeader::toExtFields() const
{
    return header::Writer()
        .add("clientID", clientID)
        .add("producerGroup", producerGroup)
        .add("consumerGroup", consumerGroup)
        .finish();
}

Result<UnregisterClientRequestHeader> UnregisterClientRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "UnregisterClientRequestHeader");
    UnregisterClientRequestHeader h;
    h.clientID = r.string("clientID");
    h.producerGroup = r.optString("producerGroup");
    h.consumerGroup = r.optString("consumerGroup");
    return r.finish(std::move(h));
}

ExtFields NotifyConsumerIdsChangedRequestHeader::toExtFields() const
{
    return header::Writer().add("consumerGroup", consumerGroup).finish();
}

Result<NotifyConsumerIdsChangedRequestHeader>
NotifyConsumerIdsChangedRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "NotifyConsumerIdsChangedRequestHeader");
    NotifyConsumerIdsChangedRequestHeader h;
    h.consumerGroup = r.string("consumerGroup");
    return r.finish(std::move(h));
}

ExtFields GetConsumerRunningInfoRequestHeader::toExtFields() const
{
    return header::Writer()
        .add("consumerGroup", consumerGroup)
        .add("clientId", clientId)
        .add("jstackEnable", jstackEnable)
        .finish();
}

Result<GetConsumerRunningInfoRequestHeader> GetConsumerRunningInfoRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "GetConsumerRunningInfoRequestHeader");
    GetConsumerRunningInfoRequestHeader h;
    h.consumerGroup = r.string("consumerGroup");
    h.clientId = r.string("clientId");
    h.jstackEnable = r.optBool("jstackEnable").value_or(false);
    return r.finish(std::move(h));
}

ExtFields ConsumeMessageDirectlyResultRequestHeader::toExtFields() const
{
    return header::Writer()
        .add("consumerGroup", consumerGroup)
        .add("clientId", clientId)
        .add("msgId", msgId)
        .add("brokerName", brokerName)
        .finish();
}

Result<ConsumeMessageDirectlyResultRequestHeader>
ConsumeMessageDirectlyResultRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "ConsumeMessageDirectlyResultRequestHeader");
    ConsumeMessageDirectlyResultRequestHeader h;
    h.consumerGroup = r.string("consumerGroup");
    h.clientId = r.optString("clientId");
    h.msgId = r.optString("msgId");
    h.brokerName = r.optString("brokerName");
    return r.finish(std::move(h));
}

} // namespace mq
