#include "HeadersSend.h"

#include "Codes.h"
#include "HeaderFields.h"

namespace mq {

ExtFields SendMessageRequestHeader::toExtFields() const
{
    return header::Writer()
        .add("producerGroup", producerGroup)
        .add("topic", topic)
        .add("defaultTopic", defaultTopic)
        .add("defaultTopicQueueNums", defaultTopicQueueNums)
        .add("queueId", queueId)
        .add("sysFlag", sysFlag)
        .add("bornTimestamp", bornTimestamp)
        .add("flag", flag)
        .add("properties", properties)
        .add("reconsumeTimes", reconsumeTimes)
        .add("unitMode", unitMode)
        .add("batch", batch)
        .add("maxReconsumeTimes", maxReconsumeTimes)
        .add("bname", brokerName)
        .finish();
}

Result<SendMessageRequestHeader> SendMessageRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "SendMessageRequestHeader");
    SendMessageRequestHeader h;
    h.producerGroup = r.string("producerGroup");
    h.topic = r.string("topic");
    h.defaultTopic = r.string("defaultTopic");
    h.defaultTopicQueueNums = r.int32("defaultTopicQueueNums");
    h.queueId = r.int32("queueId");
    h.sysFlag = r.int32("sysFlag");
    h.bornTimestamp = r.int64("bornTimestamp");
    h.flag = r.int32("flag");
    h.properties = r.optString("properties");
    h.reconsumeTimes = r.optInt32("reconsumeTimes");
    h.unitMode = r.optBool("unitMode").value_or(false);
    h.batch = r.optBool("batch").value_or(false);
    h.maxReconsumeTimes = r.optInt32("maxReconsumeTimes");
    h.brokerName = r.optString("bname");
    return r.finish(std::move(h));
}

Result<SendMessageRequestHeader> SendMessageRequestHeader::fromRequest(const RemotingCommand &request)
{
    const ExtFields fields = request.extFields.value_or(ExtFields());
    if (request.code == toInt(RequestCode::SendMessage))
        return fromExtFields(fields);
    if (request.code == toInt(RequestCode::SendMessageV2) || request.code == toInt(RequestCode::SendBatchMessage)) {
        auto v2 = SendMessageRequestHeaderV2::fromExtFields(fields);
        if (!v2)
            return v2.error();
        return v2->header;
    }
    return makeError(Error::Code::MalformedHeader,
                     QStringLiteral("SendMessageRequestHeader: request code %1 is not a send request")
                         .arg(requestCodeName(request.code)));
}

ExtFields SendMessageRequestHeaderV2::toExtFields() const
{
    const SendMessageRequestHeader &h = header;
    return header::Writer()
        .add("a", h.producerGroup)
        .add("b", h.topic)
        .add("c", h.defaultTopic)
        .add("d", h.defaultTopicQueueNums)
        .add("e", h.queueId)
        .add("f", h.sysFlag)
        .add("g", h.bornTimestamp)
        .add("h", h.flag)
        .add("i", h.properties)
        .add("j", h.reconsumeTimes)
        .add("k", h.unitMode)
        .add("l", h.maxReconsumeTimes)
        .add("m", h.batch)
        .add("n", h.brokerName)
        .finish();
}

Result<SendMessageRequestHeaderV2> SendMessageRequestHeaderV2::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "SendMessageRequestHeaderV2");
    SendMessageRequestHeader h;
    h.producerGroup = r.string("a");
    h.topic = r.string("b");
    h.defaultTopic = r.string("c");
    h.defaultTopicQueueNums = r.int32("d");
    h.queueId = r.int32("e");
    h.sysFlag = r.int32("f");
    h.bornTimestamp = r.int64("g");
    h.flag = r.int32("h");
    h.properties = r.optString("i");
    h.reconsumeTimes = r.optInt32("j");
    h.unitMode = r.optBool("k").value_or(false);
    h.maxReconsumeTimes = r.optInt32("l");
    h.batch = r.optBool("m").value_or(false);
    h.brokerName = r.optString("n");
    return r.finish(SendMessageRequestHeaderV2{std::move(h)});
}

ExtFields SendMessageResponseHeader::toExtFields() const
{
    return header::Writer()
        .add("msgId", msgId)
        .add("queueId", queueId)
        .add("queueOffset", queueOffset)
        .add("transactionId", transactionId)
        .add("MSG_REGION", msgRegion)
        .add("TRACE_ON", traceOn)
        .finish();
}

Result<SendMessageResponseHeader> SendMessageResponseHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "SendMessageResponseHeader");
    SendMessageResponseHeader h;
    h.msgId = r.string("msgId");
    h.queueId = r.int32("queueId");
    h.queueOffset = r.int64("queueOffset");
    h.transactionId = r.optString("transactionId");
    h.msgRegion = r.optString("MSG_REGION");
    h.traceOn = r.optString("TRACE_ON");
    return r.finish(std::move(h));
}

ExtFields ConsumerSendMsgBackRequestHeader::toExtFields() const
{
    // bname precedes delayLevel: both land in one HashMap bucket and the wire shows bname first.
    return header::Writer()
        .add("offset", offset)
        .add("group", group)
        .add("bname", brokerName)
        .add("delayLevel", delayLevel)
        .add("originMsgId", originMsgId)
        .add("originTopic", originTopic)
        .add("unitMode", unitMode)
        .add("maxReconsumeTimes", maxReconsumeTimes)
        .finish();
}

Result<ConsumerSendMsgBackRequestHeader> ConsumerSendMsgBackRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "ConsumerSendMsgBackRequestHeader");
    ConsumerSendMsgBackRequestHeader h;
    h.offset = r.int64("offset");
    h.group = r.string("group");
    h.delayLevel = r.int32("delayLevel");
    h.originMsgId = r.optString("originMsgId");
    h.originTopic = r.optString("originTopic");
    h.unitMode = r.optBool("unitMode").value_or(false);
    h.maxReconsumeTimes = r.optInt32("maxReconsumeTimes");
    h.brokerName = r.optString("bname");
    return r.finish(std::move(h));
}

} // namespace mq
