#include "HeadersQuery.h"

#include "HeaderFields.h"

namespace mq {

ExtFields QueryMessageRequestHeader::toExtFields() const
{
    return header::Writer()
        .add("topic", topic)
        .add("key", key)
        .add("maxNum", maxNum)
        .add("beginTimestamp", beginTimestamp)
        .add("endTimestamp", endTimestamp)
        .add("_UNIQUE_KEY_QUERY", uniqueKeyQuery)
        .finish();
}

Result<QueryMessageRequestHeader> QueryMessageRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "QueryMessageRequestHeader");
    QueryMessageRequestHeader h;
    h.topic = r.string("topic");
    h.key = r.string("key");
    h.maxNum = r.int32("maxNum");
    h.beginTimestamp = r.int64("beginTimestamp");
    h.endTimestamp = r.int64("endTimestamp");
    h.uniqueKeyQuery = r.optBool("_UNIQUE_KEY_QUERY").value_or(false);
    return r.finish(std::move(h));
}

ExtFields QueryMessageResponseHeader::toExtFields() const
{
    return header::Writer()
        .add("indexLastUpdateTimestamp", indexLastUpdateTimestamp)
        .add("indexLastUpdatePhyoffset", indexLastUpdatePhyoffset)
        .finish();
}

Result<QueryMessageResponseHeader> QueryMessageResponseHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "QueryMessageResponseHeader");
    QueryMessageResponseHeader h;
    h.indexLastUpdateTimestamp = r.int64("indexLastUpdateTimestamp");
    h.indexLastUpdatePhyoffset = r.int64("indexLastUpdatePhyoffset");
    return r.finish(h);
}

ExtFields ViewMessageRequestHeader::toExtFields() const
{
    return header::Writer().add("offset", offset).finish();
}

Result<ViewMessageRequestHeader> ViewMessageRequestHeader::fromExtFields(const ExtFields &fields)
{
    header::Reader r(fields, "ViewMessageRequestHeader");
    ViewMessageRequestHeader h;
    h.offset = r.int64("offset");
    return r.finish(h);
}

} // namespace mq
