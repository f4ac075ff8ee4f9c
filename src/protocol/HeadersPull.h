#pragma once

#include "RemotingCommand.h"
#include "Result.h"

#include <optional>

namespace mq {

// sysFlag bits of a pull request (PullSysFlag).
namespace PullSysFlag {
constexpr int CommitOffset = 0x1;
constexpr int Suspend = 0x2;
constexpr int Subscription = 0x4;
constexpr int ClassFilter = 0x8;
constexpr int LitePull = 0x10;

constexpr int build(bool commitOffset, bool suspend, bool subscription, bool classFilter, bool litePull = false)
{
    return (commitOffset ? CommitOffset : 0) | (suspend ? Suspend : 0) | (subscription ? Subscription : 0) |
           (classFilter ? ClassFilter : 0) | (litePull ? LitePull : 0);
}
constexpr int clearCommitOffset(int flag)
{
    return flag & ~CommitOffset;
}
constexpr bool hasCommitOffset(int flag)
{
    return flag & CommitOffset;
}
constexpr bool hasSuspend(int flag)
{
    return flag & Suspend;
}
constexpr bool hasSubscription(int flag)
{
    return flag & Subscription;
}
constexpr bool hasClassFilter(int flag)
{
    return flag & ClassFilter;
}
constexpr bool hasLitePull(int flag)
{
    return flag & LitePull;
}
} // namespace PullSysFlag

// PULL_MESSAGE (11).
struct PullMessageRequestHeader {
    QString consumerGroup;
    QString topic;
    int queueId = 0;
    qint64 queueOffset = 0;
    int maxMsgNums = 32;
    int sysFlag = 0;
    qint64 commitOffset = 0;
    qint64 suspendTimeoutMillis = 15000;
    std::optional<QString> subscription; // sent only with PullSysFlag::Subscription
    qint64 subVersion = 0;
    std::optional<QString> expressionType; // "TAG" / "SQL92"
    std::optional<int> maxMsgBytes;
    std::optional<QString> brokerName; // "bname"

    ExtFields toExtFields() const;
    static Result<PullMessageRequestHeader> fromExtFields(const ExtFields &fields);
};

// Pull response header (codes 0 FOUND, 19 PULL_NOT_FOUND, 20 PULL_RETRY_IMMEDIATELY, 21 OFFSET_MOVED).
struct PullMessageResponseHeader {
    qint64 suggestWhichBrokerId = 0;
    qint64 nextBeginOffset = 0;
    qint64 minOffset = 0;
    qint64 maxOffset = 0;

    ExtFields toExtFields() const;
    static Result<PullMessageResponseHeader> fromExtFields(const ExtFields &fields);
};

// QUERY_CONSUMER_OFFSET (14).
struct QueryConsumerOffsetRequestHeader {
    QString consumerGroup;
    QString topic;
    int queueId = 0;
    std::optional<QString> brokerName; // "bname"

    ExtFields toExtFields() const;
    static Result<QueryConsumerOffsetRequestHeader> fromExtFields(const ExtFields &fields);
};

// The one-field "offset" response shared by QUERY_CONSUMER_OFFSET (14),
// SEARCH_OFFSET_BY_TIMESTAMP (29), GET_MAX_OFFSET (30) and GET_MIN_OFFSET (31).
struct OffsetResponseHeader {
    qint64 offset = 0;

    ExtFields toExtFields() const;
    static Result<OffsetResponseHeader> fromExtFields(const ExtFields &fields);
};
using QueryConsumerOffsetResponseHeader = OffsetResponseHeader;
using SearchOffsetResponseHeader = OffsetResponseHeader;
using GetMaxOffsetResponseHeader = OffsetResponseHeader;
using GetMinOffsetResponseHeader = OffsetResponseHeader;

// UPDATE_CONSUMER_OFFSET (15), sent oneway by the Java client.
struct UpdateConsumerOffsetRequestHeader {
    QString consumerGroup;
    QString topic;
    int queueId = 0;
    qint64 commitOffset = 0;
    std::optional<QString> brokerName; // "bname"

    ExtFields toExtFields() const;
    static Result<UpdateConsumerOffsetRequestHeader> fromExtFields(const ExtFields &fields);
};

// SEARCH_OFFSET_BY_TIMESTAMP (29).
struct SearchOffsetRequestHeader {
    QString topic;
    int queueId = 0;
    qint64 timestamp = 0;
    std::optional<QString> brokerName; // "bname"

    ExtFields toExtFields() const;
    static Result<SearchOffsetRequestHeader> fromExtFields(const ExtFields &fields);
};

// GET_MAX_OFFSET (30) and GET_MIN_OFFSET (31).
struct GetMaxOffsetRequestHeader {
    QString topic;
    int queueId = 0;
    std::optional<QString> brokerName; // "bname"

    ExtFields toExtFields() const;
    static Result<GetMaxOffsetRequestHeader> fromExtFields(const ExtFields &fields);
};

struct GetMinOffsetRequestHeader {
    QString topic;
    int queueId = 0;
    std::optional<QString> brokerName; // "bname"

    ExtFields toExtFields() const;
    static Result<GetMinOffsetRequestHeader> fromExtFields(const ExtFields &fields);
};

} // namespace mq
