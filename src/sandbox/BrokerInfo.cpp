// What a console asks a broker about itself: runtime info (28), subscription groups (201) and
// who consumes a topic (300), after 4.9.8's AdminBrokerProcessor.
#include "Broker.h"
#include "BrokerReplies.h"
#include "FastJson.h"
#include "JavaHash.h"
#include "JsonFile.h"
#include "ServerConnection.h"

#include <QDateTime>

namespace mq::sandbox {

using json::Value;

namespace {

// SubscriptionGroupManager's built-in groups.
const QStringList &systemGroups()
{
    static const QStringList groups{QStringLiteral("TOOLS_CONSUMER"),    QStringLiteral("FILTERSRV_CONSUMER"),
                                    QStringLiteral("SELF_TEST_C_GROUP"), QStringLiteral("CID_ONS-HTTP-PROXY"),
                                    QStringLiteral("CID_ONSAPI_PULL"),   QStringLiteral("CID_ONSAPI_PERMISSION"),
                                    QStringLiteral("CID_ONSAPI_OWNER"),  QStringLiteral("CID_RMQ_SYS_TRANS")};
    return groups;
}

Value groupConfig(const QString &group)
{
    Value o = Value::object();
    o.insert(QStringLiteral("brokerId"), Value::number(qint64(0)));
    o.insert(QStringLiteral("consumeBroadcastEnable"), Value::boolean(true));
    o.insert(QStringLiteral("consumeEnable"), Value::boolean(true));
    o.insert(QStringLiteral("consumeFromMinEnable"), Value::boolean(true));
    o.insert(QStringLiteral("groupName"), Value::string(group));
    o.insert(QStringLiteral("notifyConsumerIdsChangedEnable"), Value::boolean(true));
    o.insert(QStringLiteral("retryMaxTimes"), Value::number(qint64(16)));
    o.insert(QStringLiteral("retryQueueNums"), Value::number(qint64(1)));
    o.insert(QStringLiteral("whichBrokerWhenConsumeSlowly"), Value::number(qint64(1)));
    return o;
}

} // namespace

void Broker::touchGroup(const QString &group)
{
    if (group.isEmpty() || m_groups.contains(group))
        return;
    m_groups.append(group);
    saveGroups();
}

void Broker::loadGroups()
{
    m_groups = systemGroups();
    if (m_groupsPath.isEmpty())
        return;
    if (const auto doc = readJsonFile(m_groupsPath))
        for (const auto &[name, config] : (*doc)["subscriptionGroupTable"].members())
            if (!m_groups.contains(name.toString()))
                m_groups.append(name.toString());
}

void Broker::saveGroups() const
{
    if (m_groupsPath.isEmpty())
        return;
    Value table = Value::object();
    for (const auto &g : m_groups)
        table.insert(g, groupConfig(g));
    Value doc = Value::object();
    doc.insert(QStringLiteral("subscriptionGroupTable"), table);
    QString error;
    if (!writeJsonFile(m_groupsPath, doc, &error))
        qWarning("sandbox: %s", qPrintable(error));
}

RemotingCommand Broker::subscriptionGroups(const RemotingCommand &request)
{
    // SubscriptionGroupWrapper: a ConcurrentHashMap of configs and the data version.
    const QStringList ordered = java::hashMapOrder(m_groups, [](const QString &s) { return java::stringHash(s); });
    Value table = Value::object();
    for (const auto &g : ordered)
        table.insert(g, groupConfig(g));
    Value dataVersion = Value::object();
    dataVersion.insert(QStringLiteral("counter"), Value::number(qint64(m_groups.size())));
    dataVersion.insert(QStringLiteral("timestamp"), Value::number(m_bootTimestamp));
    Value body = Value::object();
    body.insert(QStringLiteral("dataVersion"), dataVersion);
    body.insert(QStringLiteral("subscriptionGroupTable"), table);
    RemotingCommand response = makeResponse(request, ResponseCode::Success);
    response.body = json::write(body);
    return response;
}

RemotingCommand Broker::topicConsumers(const RemotingCommand &request)
{
    const QString topic = request.field(QStringLiteral("topic"));
    if (!request.extFields || !request.extFields->contains(QStringLiteral("topic")))
        return badHeaderResponse(
            request, makeError(Error::Code::MalformedHeader, QStringLiteral("the custom field <topic> is null")));
    // Groups online that subscribe to it, then groups with offsets on it.
    QStringList groups;
    for (const QString &g : m_groups) {
        const ConsumerGroup *online = m_clients.consumerGroup(g);
        const bool subscribes = online && online->subscription(topic);
        const bool committed = m_offsets.topicsOf(g).contains(topic);
        if (subscribes || committed)
            groups.append(g);
    }
    Value list = Value::array();
    for (const auto &g : java::hashMapOrder(groups, [](const QString &s) { return java::stringHash(s); }))
        list.append(Value::string(g));
    Value body = Value::object();
    body.insert(QStringLiteral("groupList"), list);
    RemotingCommand response = makeResponse(request, ResponseCode::Success);
    response.body = json::write(body);
    return response;
}

RemotingCommand Broker::runtimeInfo(const RemotingCommand &request)
{
    // A KVTable like prepareRuntimeInfo's, with the values the sandbox can honestly give.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<QPair<QString, QString>> entries{
        {QStringLiteral("brokerVersionDesc"), QStringLiteral("V4_9_8")},
        {QStringLiteral("brokerVersion"), QString::number(RemotingCommand::kDefaultVersion)},
        {QStringLiteral("bootTimestamp"), QString::number(m_bootTimestamp)},
        {QStringLiteral("msgPutTotalTodayNow"), QString::number(m_putCount)},
        {QStringLiteral("msgGetTotalTodayNow"), QString::number(m_getCount)},
        {QStringLiteral("msgPutTotalTodayMorning"), QStringLiteral("0")},
        {QStringLiteral("msgGetTotalTodayMorning"), QStringLiteral("0")},
        {QStringLiteral("msgPutTotalYesterdayMorning"), QStringLiteral("0")},
        {QStringLiteral("msgGetTotalYesterdayMorning"), QStringLiteral("0")},
        {QStringLiteral("commitLogMinOffset"), QStringLiteral("0")},
        {QStringLiteral("commitLogMaxOffset"), QString::number(m_store->maxPhyOffset())},
        {QStringLiteral("dispatchBehindBytes"), QStringLiteral("0")},
        {QStringLiteral("brokerActive"), QStringLiteral("true")},
        {QStringLiteral("runtime"), QStringLiteral("[ %1 days, %2 hours, %3 minutes, %4 seconds ]")
                                        .arg((now - m_bootTimestamp) / 86400000)
                                        .arg((now - m_bootTimestamp) / 3600000 % 24)
                                        .arg((now - m_bootTimestamp) / 60000 % 60)
                                        .arg((now - m_bootTimestamp) / 1000 % 60)},
    };
    entries = java::hashMapOrder(entries, [](const auto &e) { return java::stringHash(e.first); });
    Value table = Value::object();
    for (const auto &[k, v] : entries)
        table.insert(k, Value::string(v));
    Value body = Value::object();
    body.insert(QStringLiteral("table"), table);
    RemotingCommand response = makeResponse(request, ResponseCode::Success);
    response.body = json::write(body);
    return response;
}

} // namespace mq::sandbox

namespace mq::sandbox {

namespace {

Value queueJson(const MessageQueue &mq)
{
    Value o = Value::object();
    o.insert(QStringLiteral("brokerName"), Value::string(mq.brokerName));
    o.insert(QStringLiteral("queueId"), Value::number(qint64(mq.queueId)));
    o.insert(QStringLiteral("topic"), Value::string(mq.topic));
    return o;
}

} // namespace

RemotingCommand Broker::topicStats(const RemotingCommand &request)
{
    const QString topic = request.field(QStringLiteral("topic"));
    const TopicConfig *config = m_topics.find(topic);
    if (!config)
        return makeResponse(request, ResponseCode::TopicNotExist, QStringLiteral("topic[%1] not exist").arg(topic));
    // TopicStatsTable: MessageQueue -> TopicOffset, a HashMap.
    QList<QPair<MessageQueue, Value>> entries;
    for (int q = 0; q < config->writeQueueNums; ++q) {
        const qint64 max = m_store->maxOffset(topic, q);
        Value offset = Value::object();
        offset.insert(QStringLiteral("lastUpdateTimestamp"),
                      Value::number(max > 0 ? m_store->storeTimestamp(topic, q, max - 1) : qint64(0)));
        offset.insert(QStringLiteral("maxOffset"), Value::number(max));
        offset.insert(QStringLiteral("minOffset"), Value::number(m_store->minOffset(topic, q)));
        entries.append({MessageQueue{topic, m_options.brokerName, q}, offset});
    }
    entries = java::hashMapOrder(entries, [](const auto &e) { return java::hash(e.first); });
    Value table = Value::object();
    for (const auto &[mq, offset] : entries)
        table.members().append({queueJson(mq), offset});
    Value body = Value::object();
    body.insert(QStringLiteral("offsetTable"), table);
    RemotingCommand response = makeResponse(request, ResponseCode::Success);
    response.body = json::write(body);
    return response;
}

RemotingCommand Broker::lockQueues(const RemotingCommand &request, bool lock)
{
    auto parsed = json::parse(request.body);
    if (!parsed || !parsed->isObject())
        return makeResponse(request, ResponseCode::SystemError,
                            parsed ? QStringLiteral("lock request body is not an object") : parsed.error().message);
    const QString group = (*parsed)["consumerGroup"].toString();
    const QString clientId = (*parsed)["clientId"].toString();
    QList<MessageQueue> queues;
    for (const auto &q : (*parsed)["mqSet"].items())
        queues.append(MessageQueue{q["topic"].toString(), q["brokerName"].toString(), int(q["queueId"].toInt())});
    if (!lock) {
        m_locks.unlock(group, clientId, queues);
        return makeResponse(request, ResponseCode::Success);
    }
    const auto granted = m_locks.lock(group, clientId, queues, QDateTime::currentMSecsSinceEpoch());
    Value set = Value::array();
    for (const auto &mq : granted)
        set.append(queueJson(mq));
    Value body = Value::object();
    body.insert(QStringLiteral("lockOKMQSet"), set);
    RemotingCommand response = makeResponse(request, ResponseCode::Success);
    response.body = json::write(body);
    return response;
}

} // namespace mq::sandbox
