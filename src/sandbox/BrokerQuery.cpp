// QUERY_MESSAGE, VIEW_MESSAGE_BY_ID, GET_MIN/MAX_OFFSET, SEARCH_OFFSET_BY_TIMESTAMP and the
// consumer offsets (QUERY / UPDATE_CONSUMER_OFFSET), after 4.9.8's QueryMessageProcessor,
// AdminBrokerProcessor and ConsumerManageProcessor.
#include "Broker.h"
#include "BrokerReplies.h"
#include "Headers.h"
#include "ServerConnection.h"

#include <QtEndian>

namespace mq::sandbox {

RemotingCommand Broker::queryMessage(const RemotingCommand &request)
{
    auto parsed = decodeHeader<QueryMessageRequestHeader>(request);
    if (!parsed)
        return badHeaderResponse(request, parsed.error());
    QueryMessageRequestHeader header = *parsed;
    if (header.uniqueKeyQuery)
        header.maxNum = 32; // defaultQueryMaxNum
    const auto offsets = m_store->queryIndex(header.topic, header.key, qMax(0, header.maxNum), header.beginTimestamp,
                                             header.endTimestamp);
    QByteArray body;
    for (qint64 phyOffset : offsets)
        if (auto bytes = m_store->readMessage(phyOffset))
            body.append(*bytes);
    QueryMessageResponseHeader responseHeader;
    responseHeader.indexLastUpdatePhyoffset = m_store->indexLastUpdatePhyOffset();
    responseHeader.indexLastUpdateTimestamp = m_store->indexLastUpdateTimestamp();
    RemotingCommand response = body.isEmpty()
                                   ? makeResponse(request, ResponseCode::QueryNotFound,
                                                  QStringLiteral("can not find message, maybe time range not correct"))
                                   : makeResponse(request, ResponseCode::Success);
    response.extFields = responseHeader.toExtFields();
    response.body = body;
    return response;
}

RemotingCommand Broker::viewMessageById(const RemotingCommand &request)
{
    auto parsed = decodeHeader<ViewMessageRequestHeader>(request);
    if (!parsed)
        return badHeaderResponse(request, parsed.error());
    const auto bytes = m_store->readMessage(parsed->offset);
    // Only a real message start counts: the stored commit-log offset must point back here.
    if (!bytes || bytes->size() < 36 || qFromBigEndian<qint64>(bytes->constData() + 28) != parsed->offset)
        return makeResponse(request, ResponseCode::SystemError,
                            QStringLiteral("can not find message by the offset, %1").arg(parsed->offset));
    RemotingCommand response = makeResponse(request, ResponseCode::Success);
    response.body = *bytes;
    return response;
}

RemotingCommand Broker::queueOffset(const RemotingCommand &request)
{
    OffsetResponseHeader responseHeader;
    switch (static_cast<RequestCode>(request.code)) {
    case RequestCode::GetMaxOffset: {
        auto h = decodeHeader<GetMaxOffsetRequestHeader>(request);
        if (!h)
            return badHeaderResponse(request, h.error());
        responseHeader.offset = m_store->maxOffset(h->topic, h->queueId);
        break;
    }
    case RequestCode::GetMinOffset: {
        auto h = decodeHeader<GetMinOffsetRequestHeader>(request);
        if (!h)
            return badHeaderResponse(request, h.error());
        responseHeader.offset = m_store->minOffset(h->topic, h->queueId);
        break;
    }
    default: {
        auto h = decodeHeader<SearchOffsetRequestHeader>(request);
        if (!h)
            return badHeaderResponse(request, h.error());
        responseHeader.offset = m_store->offsetByTime(h->topic, h->queueId, h->timestamp);
        break;
    }
    }
    RemotingCommand response = makeResponse(request, ResponseCode::Success);
    response.extFields = responseHeader.toExtFields();
    return response;
}

RemotingCommand Broker::queryConsumerOffset(const RemotingCommand &request)
{
    auto h = decodeHeader<QueryConsumerOffsetRequestHeader>(request);
    if (!h)
        return badHeaderResponse(request, h.error());
    qint64 offset = m_offsets.query(h->consumerGroup, h->topic, h->queueId);
    if (offset < 0) {
        // A group that never committed starts at 0 while the queue still begins at 0.
        if (m_store->minOffset(h->topic, h->queueId) > 0)
            return makeResponse(request, ResponseCode::QueryNotFound,
                                QStringLiteral("Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first"));
        offset = 0;
    }
    OffsetResponseHeader responseHeader;
    responseHeader.offset = offset;
    RemotingCommand response = makeResponse(request, ResponseCode::Success);
    response.extFields = responseHeader.toExtFields();
    return response;
}

RemotingCommand Broker::updateConsumerOffset(const RemotingCommand &request)
{
    auto h = decodeHeader<UpdateConsumerOffsetRequestHeader>(request);
    if (!h)
        return badHeaderResponse(request, h.error());
    touchGroup(h->consumerGroup);
    m_offsets.commit(h->consumerGroup, h->topic, h->queueId, h->commitOffset);
    RemotingCommand response = makeResponse(request, ResponseCode::Success);
    response.extFields = ExtFields();
    return response;
}

} // namespace mq::sandbox
