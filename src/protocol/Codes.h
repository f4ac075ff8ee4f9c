#pragma once

#include <QString>

namespace mq {

// Request codes as org.apache.rocketmq.common.protocol.RequestCode names them (4.9.x).
enum class RequestCode : int {
    SendMessage = 10,
    PullMessage = 11,
    QueryMessage = 12,
    QueryBrokerOffset = 13,
    QueryConsumerOffset = 14,
    UpdateConsumerOffset = 15,
    UpdateAndCreateTopic = 17,
    GetAllTopicConfig = 21,
    GetBrokerRuntimeInfo = 28,
    SearchOffsetByTimestamp = 29,
    GetMaxOffset = 30,
    GetMinOffset = 31,
    GetEarliestMsgStoretime = 32,
    ViewMessageById = 33,
    HeartBeat = 34,
    UnregisterClient = 35,
    ConsumerSendMsgBack = 36,
    EndTransaction = 37,
    GetConsumerListByGroup = 38,
    CheckTransactionState = 39,
    NotifyConsumerIdsChanged = 40,
    LockBatchMq = 41,
    UnlockBatchMq = 42,
    GetAllConsumerOffset = 43,
    GetAllDelayOffset = 45,
    RegisterBroker = 103,
    UnregisterBroker = 104,
    GetRouteInfoByTopic = 105,
    GetBrokerClusterInfo = 106,
    UpdateAndCreateSubscriptionGroup = 200,
    GetAllSubscriptionGroupConfig = 201,
    GetTopicStatsInfo = 202,
    GetConsumerConnectionList = 203,
    GetProducerConnectionList = 204,
    GetAllTopicListFromNameServer = 206,
    DeleteSubscriptionGroup = 207,
    GetConsumeStats = 208,
    DeleteTopicInBroker = 215,
    DeleteTopicInNamesrv = 216,
    ResetConsumerClientOffset = 220,
    GetConsumerStatusFromClient = 221,
    InvokeBrokerToResetOffset = 222,
    InvokeBrokerToGetConsumerStatus = 223,
    GetTopicsByCluster = 224,
    QueryTopicConsumeByWho = 300,
    GetSystemTopicListFromNs = 304,
    GetConsumerRunningInfo = 307,
    QueryCorrectionOffset = 308,
    ConsumeMessageDirectly = 309,
    SendMessageV2 = 310,
    SendBatchMessage = 320,
    QueryConsumeQueue = 321,
};

// Response codes as org.apache.rocketmq.common.protocol.ResponseCode (and remoting's
// RemotingSysResponseCode for 0-3) name them.
enum class ResponseCode : int {
    Success = 0,
    SystemError = 1,
    SystemBusy = 2,
    RequestCodeNotSupported = 3,
    TransactionFailed = 4,
    FlushDiskTimeout = 10,
    SlaveNotAvailable = 11,
    FlushSlaveTimeout = 12,
    MessageIllegal = 13,
    ServiceNotAvailable = 14,
    VersionNotSupported = 15,
    NoPermission = 16,
    TopicNotExist = 17,
    TopicExistAlready = 18,
    PullNotFound = 19,
    PullRetryImmediately = 20,
    PullOffsetMoved = 21,
    QueryNotFound = 22,
    SubscriptionParseFailed = 23,
    SubscriptionNotExist = 24,
    SubscriptionNotLatest = 25,
    SubscriptionGroupNotExist = 26,
    FilterDataNotExist = 27,
    FilterDataNotLatest = 28,
    TransactionShouldCommit = 200,
    TransactionShouldRollback = 201,
    TransactionStateUnknow = 202,
    TransactionStateGroupWrong = 203,
    NoBuyerId = 204,
    NotInCurrentUnit = 205,
    ConsumerNotOnline = 206,
    ConsumeMsgTimeout = 207,
    NoMessage = 208,
};

// "GET_ROUTEINFO_BY_TOPIC(105)"-style names; unknown codes read "UNKNOWN(n)".
QString requestCodeName(int code);
QString responseCodeName(int code);

inline int toInt(RequestCode c)
{
    return static_cast<int>(c);
}
inline int toInt(ResponseCode c)
{
    return static_cast<int>(c);
}

} // namespace mq
