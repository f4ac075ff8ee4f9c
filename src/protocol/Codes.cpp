#include "Codes.h"

#include <QHash>

namespace mq {

namespace {

const QHash<int, QString> &requestNames()
{
    static const QHash<int, QString> names = {
        {10, QStringLiteral("SEND_MESSAGE")},
        {11, QStringLiteral("PULL_MESSAGE")},
        {12, QStringLiteral("QUERY_MESSAGE")},
        {13, QStringLiteral("QUERY_BROKER_OFFSET")},
        {14, QStringLiteral("QUERY_CONSUMER_OFFSET")},
        {15, QStringLiteral("UPDATE_CONSUMER_OFFSET")},
        {17, QStringLiteral("UPDATE_AND_CREATE_TOPIC")},
        {21, QStringLiteral("GET_ALL_TOPIC_CONFIG")},
        {28, QStringLiteral("GET_BROKER_RUNTIME_INFO")},
        {29, QStringLiteral("SEARCH_OFFSET_BY_TIMESTAMP")},
        {30, QStringLiteral("GET_MAX_OFFSET")},
        {31, QStringLiteral("GET_MIN_OFFSET")},
        {32, QStringLiteral("GET_EARLIEST_MSG_STORETIME")},
        {33, QStringLiteral("VIEW_MESSAGE_BY_ID")},
        {34, QStringLiteral("HEART_BEAT")},
        {35, QStringLiteral("UNREGISTER_CLIENT")},
        {36, QStringLiteral("CONSUMER_SEND_MSG_BACK")},
        {37, QStringLiteral("END_TRANSACTION")},
        {38, QStringLiteral("GET_CONSUMER_LIST_BY_GROUP")},
        {39, QStringLiteral("CHECK_TRANSACTION_STATE")},
        {40, QStringLiteral("NOTIFY_CONSUMER_IDS_CHANGED")},
        {41, QStringLiteral("LOCK_BATCH_MQ")},
        {42, QStringLiteral("UNLOCK_BATCH_MQ")},
        {43, QStringLiteral("GET_ALL_CONSUMER_OFFSET")},
        {45, QStringLiteral("GET_ALL_DELAY_OFFSET")},
        {103, QStringLiteral("REGISTER_BROKER")},
        {104, QStringLiteral("UNREGISTER_BROKER")},
        {105, QStringLiteral("GET_ROUTEINFO_BY_TOPIC")},
        {106, QStringLiteral("GET_BROKER_CLUSTER_INFO")},
        {200, QStringLiteral("UPDATE_AND_CREATE_SUBSCRIPTIONGROUP")},
        {201, QStringLiteral("GET_ALL_SUBSCRIPTIONGROUP_CONFIG")},
        {202, QStringLiteral("GET_TOPIC_STATS_INFO")},
        {203, QStringLiteral("GET_CONSUMER_CONNECTION_LIST")},
        {204, QStringLiteral("GET_PRODUCER_CONNECTION_LIST")},
        {206, QStringLiteral("GET_ALL_TOPIC_LIST_FROM_NAMESERVER")},
        {207, QStringLiteral("DELETE_SUBSCRIPTIONGROUP")},
        {208, QStringLiteral("GET_CONSUME_STATS")},
        {215, QStringLiteral("DELETE_TOPIC_IN_BROKER")},
        {216, QStringLiteral("DELETE_TOPIC_IN_NAMESRV")},
        {220, QStringLiteral("RESET_CONSUMER_CLIENT_OFFSET")},
        {221, QStringLiteral("GET_CONSUMER_STATUS_FROM_CLIENT")},
        {222, QStringLiteral("INVOKE_BROKER_TO_RESET_OFFSET")},
        {223, QStringLiteral("INVOKE_BROKER_TO_GET_CONSUMER_STATUS")},
        {224, QStringLiteral("GET_TOPICS_BY_CLUSTER")},
        {300, QStringLiteral("QUERY_TOPIC_CONSUME_BY_WHO")},
        {304, QStringLiteral("GET_SYSTEM_TOPIC_LIST_FROM_NS")},
        {307, QStringLiteral("GET_CONSUMER_RUNNING_INFO")},
        {308, QStringLiteral("QUERY_CORRECTION_OFFSET")},
        {309, QStringLiteral("CONSUME_MESSAGE_DIRECTLY")},
        {310, QStringLiteral("SEND_MESSAGE_V2")},
        {320, QStringLiteral("SEND_BATCH_MESSAGE")},
        {321, QStringLiteral("QUERY_CONSUME_QUEUE")},
    };
    return names;
}

const QHash<int, QString> &responseNames()
{
    static const QHash<int, QString> names = {
        {0, QStringLiteral("SUCCESS")},
        {1, QStringLiteral("SYSTEM_ERROR")},
        {2, QStringLiteral("SYSTEM_BUSY")},
        {3, QStringLiteral("REQUEST_CODE_NOT_SUPPORTED")},
        {4, QStringLiteral("TRANSACTION_FAILED")},
        {10, QStringLiteral("FLUSH_DISK_TIMEOUT")},
        {11, QStringLiteral("SLAVE_NOT_AVAILABLE")},
        {12, QStringLiteral("FLUSH_SLAVE_TIMEOUT")},
        {13, QStringLiteral("MESSAGE_ILLEGAL")},
        {14, QStringLiteral("SERVICE_NOT_AVAILABLE")},
        {15, QStringLiteral("VERSION_NOT_SUPPORTED")},
        {16, QStringLiteral("NO_PERMISSION")},
        {17, QStringLiteral("TOPIC_NOT_EXIST")},
        {18, QStringLiteral("TOPIC_EXIST_ALREADY")},
        {19, QStringLiteral("PULL_NOT_FOUND")},
        {20, QStringLiteral("PULL_RETRY_IMMEDIATELY")},
        {21, QStringLiteral("PULL_OFFSET_MOVED")},
        {22, QStringLiteral("QUERY_NOT_FOUND")},
        {23, QStringLiteral("SUBSCRIPTION_PARSE_FAILED")},
        {24, QStringLiteral("SUBSCRIPTION_NOT_EXIST")},
        {25, QStringLiteral("SUBSCRIPTION_NOT_LATEST")},
        {26, QStringLiteral("SUBSCRIPTION_GROUP_NOT_EXIST")},
        {27, QStringLiteral("FILTER_DATA_NOT_EXIST")},
        {28, QStringLiteral("FILTER_DATA_NOT_LATEST")},
        {200, QStringLiteral("TRANSACTION_SHOULD_COMMIT")},
        {201, QStringLiteral("TRANSACTION_SHOULD_ROLLBACK")},
        {202, QStringLiteral("TRANSACTION_STATE_UNKNOW")},
        {203, QStringLiteral("TRANSACTION_STATE_GROUP_WRONG")},
        {204, QStringLiteral("NO_BUYER_ID")},
        {205, QStringLiteral("NOT_IN_CURRENT_UNIT")},
        {206, QStringLiteral("CONSUMER_NOT_ONLINE")},
        {207, QStringLiteral("CONSUME_MSG_TIMEOUT")},
        {208, QStringLiteral("NO_MESSAGE")},
    };
    return names;
}

QString nameOf(const QHash<int, QString> &names, int code)
{
    const auto it = names.constFind(code);
    return QStringLiteral("%1(%2)").arg(it == names.cend() ? QStringLiteral("UNKNOWN") : *it).arg(code);
}

} // namespace

QString requestCodeName(int code)
{
    return nameOf(requestNames(), code);
}
QString responseCodeName(int code)
{
    return nameOf(responseNames(), code);
}

} // namespace mq
