#include "HeadersPull.h"

#include "HeaderFields.h"

namespace mq {

ExtFields PullMessageRequestHeader::toExtFields() const
{
    return header::Writer()
        .add("consumerGroup", consumerGroup)
        .add("topic", topic)
        .add("queueId", queueId)
        .add("queueOffset", queueOffset)
        .add("maxMsgNums", maxMsgNums)
        .add("sysFlag", sysFlag)
        .add("commitOffset", commitOffset)
        .add("suspendTimeoutMillis", suspendTimeoutMillis)
        .add("subscription", subscription)
        .add("subVersion", subVersion)
        .add("expressionType", expressionType)
        .add("maxMsgBytes", maxMsgBytes)
        .add("bname", brokerName)
        .finish();
}

Result<PullMessageRequestHeader> PullMessageRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "PullMessageRequestHeader");
    PullMessageRequestHeader h;
    h.consumerGroup = r.string("consumerGroup");
    h.topic = r.string("topic");
    h.queueId = r.int32("queueId");
    h.queueOffset = r.int64("queueOffset");
    h.maxMsgNums = r.int32("maxMsgNums");
    h.sysFlag = r.int32("sysFlag");
    h.commitOffset = r.int64("commitOffset");
    h.suspendTimeoutMillis = r.int64("suspendTimeoutMillis");
    h.subscription = r.optString("subscription");
    h.subVersion = r.int64("subVersion");
    h.expressionType = r.optString("expressionType");
    h.maxMsgBytes = r.optInt32("maxMsgBytes");
    h.brokerName = r.optString("bname");
    return r.finish(std::move(h));
}

ExtFields PullMessageResponseHeader::toExtFields() const
{
    return header::Writer()
        .add("suggestWhichBrokerId", suggestWhichBrokerId)
        .add("nextBeginOffset", nextBeginOffset)
        .add("minOffset", minOffset)
        .add("maxOffset", maxOffset)
        .finish();
}

Result<PullMessageResponseHeader> PullMessageResponseHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "PullMessageResponseHeader");
    PullMessageResponseHeader h;
    h.suggestWhichBrokerId = r.int64("suggestWhichBrokerId");
    h.nextBeginOffset = r.int64("nextBeginOffset");
    h.minOffset = r.int64("minOffset");
    h.maxOffset = r.int64("maxOffset");
    return r.finish(h);
}

ExtFields QueryConsumerOffsetRequestHeader::toExtFields() const
{
    return header::Writer()
        .add("consumerGroup", consumerGroup)
        .add("topic", topic)
        .add("queueId", queueId)
        .add("bname", brokerName)
        .finish();
}

Result<QueryConsumerOffsetRequestHeader> QueryConsumerOffsetRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "QueryConsumerOffsetRequestHeader");
    QueryConsumerOffsetRequestHeader h;
    h.consumerGroup = r.string("consumerGroup");
    h.topic = r.string("topic");
    h.queueId = r.int32("queueId");
    h.brokerName = r.optString("bname");
    return r.finish(std::move(h));
}

ExtFields OffsetResponseHeader::toExtFields() const
{
    return header::Writer().add("offset", offset).finish();
}

Result<OffsetResponseHeader> OffsetResponseHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "OffsetResponseHeader");
    OffsetResponseHeader h;
    h.offset = r.int64("offset");
    return r.finish(h);
}

ExtFields UpdateConsumerOffsetRequestHeader::toExtFields() const
{
    // bname precedes commitOffset: both land in one HashMap bucket and the wire shows bname first.
    return header::Writer()
        .add("consumerGroup", consumerGroup)
        .add("topic", topic)
        .add("queueId", queueId)
        .add("bname", brokerName)
        .add("commitOffset", commitOffset)
        .finish();
}

Result<UpdateConsumerOffsetRequestHeader> UpdateConsumerOffsetRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "UpdateConsumerOffsetRequestHeader");
    UpdateConsumerOffsetRequestHeader h;
    h.consumerGroup = r.string("consumerGroup");
    h.topic = r.string("topic");
    h.queueId = r.int32("queueId");
    h.commitOffset = r.int64("commitOffset");
    h.brokerName = r.optString("bname");
    return r.finish(std::move(h));
}

ExtFields SearchOffsetRequestHeader::toExtFields() const
{
    return header::Writer()
        .add("topic", topic)
        .add("queueId", queueId)
        .add("timestamp", timestamp)
        .add("bname", brokerName)
        .finish();
}

Result<SearchOffsetRequestHeader> SearchOffsetRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "SearchOffsetRequestHeader");
    SearchOffsetRequestHeader h;
    h.topic = r.string("topic");
    h.queueId = r.int32("queueId");
    h.timestamp = r.int64("timestamp");
    h.brokerName = r.optString("bname");
    return r.finish(std::move(h));
}

ExtFields GetMaxOffsetRequestHeader::toExtFields() const
{
    return header::Writer().add("topic", topic).add("queueId", queueId).add("bname", brokerName).finish();
}

Result<GetMaxOffsetRequestHeader> GetMaxOffsetRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "GetMaxOffsetRequestHeader");
    GetMaxOffsetRequestHeader h;
    h.topic = r.string("topic");
    h.queueId = r.int32("queueId");
    h.brokerName = r.optString("bname");
    return r.finish(std::move(h));
}

ExtFields GetMinOffsetRequestHeader::toExtFields() const
{
    return header::Writer().add("topic", topic).add("queueId", queueId).add("bname", brokerName).finish();
}

Result<GetMinOffsetRequestHeader> GetMinOffsetRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "GetMinOffsetRequestHeader");
    GetMinOffsetRequestHeader h;
    h.topic = r.string("topic");
    h.queueId = r.int32("queueId");
    h.brokerName = r.optString("bname");
    return r.finish(std::move(h));
}

} // namespace mq
