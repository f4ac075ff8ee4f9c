#pragma once

#include "RemotingCommand.h"
#include "Result.h"

#include <limits>

namespace mq {

// QUERY_MESSAGE (12): by key, or by client id (UNIQ_KEY) when uniqueKeyQuery is set.
// End timestamp Long.MAX_VALUE means "no upper bound", as the Java admin sends it.
struct QueryMessageRequestHeader {
    QString topic;
    QString key;
    int maxNum = 32;
    qint64 beginTimestamp = 0;
    qint64 endTimestamp = std::numeric_limits<qint64>::max();
    bool uniqueKeyQuery = false; // "_UNIQUE_KEY_QUERY", added by the client next to the header

    ExtFields toExtFields() const;
    static Result<QueryMessageRequestHeader> fromExtFields(const ExtFields &fields);
};

struct QueryMessageResponseHeader {
    qint64 indexLastUpdateTimestamp = 0;
    qint64 indexLastUpdatePhyoffset = 0;

    ExtFields toExtFields() const;
    static Result<QueryMessageResponseHeader> fromExtFields(const ExtFields &fields);
};

// VIEW_MESSAGE_BY_ID (33): the commit-log offset decoded from an offsetMsgId. Send it to the
// store host named in that id.
struct ViewMessageRequestHeader {
    qint64 offset = 0;

    ExtFields toExtFields() const;
    static Result<ViewMessageRequestHeader> fromExtFields(const ExtFields &fields);
};

} // namespace mq
