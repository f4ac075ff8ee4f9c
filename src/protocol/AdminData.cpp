#include "AdminData.h"

#include "BodyJson.h"
#include "JavaHash.h"

#include <algorithm>

namespace mq {

namespace {
using body::put;
using json::Value;

Value num(qint64 n)
{
    return Value::number(n);
}

// Walks a fastjson map whose keys are MessageQueue objects.
template <typename V, typename ParseValue>
void readQueueMap(body::Reader &r, const Value &map, const QString &path, OrderedMap<MessageQueue, V> &out,
                  ParseValue parseValue)
{
    for (qsizetype i = 0; i < map.members().size() && !r.failed(); ++i) {
        const auto &[key, value] = map.members()[i];
        const QString entryPath = QStringLiteral("%1{#%2}").arg(path).arg(i);
        MessageQueue q;
        if (!r.take(body::messageQueueFromJson(key, entryPath + QStringLiteral(" key")), q))
            return;
        V v;
        if (!r.take(parseValue(value, QStringLiteral("%1{%2}").arg(path, q.toString())), v))
            return;
        out.insert(q, std::move(v));
    }
}

Result<OffsetWrapper> offsetWrapperFromJson(const Value &v, const QString &path)
{
    body::Reader r(v, path);
    OffsetWrapper w;
    w.brokerOffset = r.int64("brokerOffset");
    w.consumerOffset = r.int64("consumerOffset");
    w.lastTimestamp = r.optInt64("lastTimestamp");
    return r.finish(w);
}

Result<ProcessQueueInfo> processQueueFromJson(const Value &v, const QString &path)
{
    body::Reader r(v, path);
    ProcessQueueInfo p;
    p.commitOffset = r.int64("commitOffset");
    p.cachedMsgMinOffset = r.optInt64("cachedMsgMinOffset");
    p.cachedMsgMaxOffset = r.optInt64("cachedMsgMaxOffset");
    p.cachedMsgCount = r.optInt32("cachedMsgCount");
    p.cachedMsgSizeInMiB = r.optInt32("cachedMsgSizeInMiB");
    p.transactionMsgMinOffset = r.optInt64("transactionMsgMinOffset");
    p.transactionMsgMaxOffset = r.optInt64("transactionMsgMaxOffset");
    p.transactionMsgCount = r.optInt32("transactionMsgCount");
    p.locked = r.optBool("locked");
    p.tryUnlockTimes = r.optInt64("tryUnlockTimes");
    p.lastLockTimestamp = r.optInt64("lastLockTimestamp");
    p.droped = r.optBool("droped");
    p.lastPullTimestamp = r.optInt64("lastPullTimestamp");
    p.lastConsumeTimestamp = r.optInt64("lastConsumeTimestamp");
    return r.finish(p);
}

Value processQueueJson(const ProcessQueueInfo &p)
{
    Value o = Value::object();
    put(o, "cachedMsgCount", num(p.cachedMsgCount));
    put(o, "cachedMsgMaxOffset", num(p.cachedMsgMaxOffset));
    put(o, "cachedMsgMinOffset", num(p.cachedMsgMinOffset));
    put(o, "cachedMsgSizeInMiB", num(p.cachedMsgSizeInMiB));
    put(o, "commitOffset", num(p.commitOffset));
    put(o, "droped", Value::boolean(p.droped));
    put(o, "lastConsumeTimestamp", num(p.lastConsumeTimestamp));
    put(o, "lastLockTimestamp", num(p.lastLockTimestamp));
    put(o, "lastPullTimestamp", num(p.lastPullTimestamp));
    put(o, "locked", Value::boolean(p.locked));
    put(o, "transactionMsgCount", num(p.transactionMsgCount));
    put(o, "transactionMsgMaxOffset", num(p.transactionMsgMaxOffset));
    put(o, "transactionMsgMinOffset", num(p.transactionMsgMinOffset));
    put(o, "tryUnlockTimes", num(p.tryUnlockTimes));
    return o;
}

Result<ConsumeStatus> consumeStatusFromJson(const Value &v, const QString &path)
{
    body::Reader r(v, path);
    ConsumeStatus s;
    s.pullRT = r.optNumber("pullRT");
    s.pullTPS = r.optNumber("pullTPS");
    s.consumeRT = r.optNumber("consumeRT");
    s.consumeOKTPS = r.optNumber("consumeOKTPS");
    s.consumeFailedTPS = r.optNumber("consumeFailedTPS");
    s.consumeFailedMsgs = r.optInt64("consumeFailedMsgs");
    return r.finish(s);
}

Value consumeStatusJson(const ConsumeStatus &s)
{
    Value o = Value::object();
    put(o, "consumeFailedMsgs", num(s.consumeFailedMsgs));
    put(o, "consumeFailedTPS", body::doubleJson(s.consumeFailedTPS));
    put(o, "consumeOKTPS", body::doubleJson(s.consumeOKTPS));
    put(o, "consumeRT", body::doubleJson(s.consumeRT));
    put(o, "pullRT", body::doubleJson(s.pullRT));
    put(o, "pullTPS", body::doubleJson(s.pullTPS));
    return o;
}

template <typename V> auto byQueueHash()
{
    return [](const QPair<MessageQueue, V> &e) { return java::hash(e.first); };
}

} // namespace

qint64 ConsumeStats::totalBrokerOffset() const
{
    qint64 sum = 0;
    for (const auto &[q, w] : offsetTable)
        sum += w.brokerOffset;
    return sum;
}

qint64 ConsumeStats::totalConsumerOffset() const
{
    qint64 sum = 0;
    for (const auto &[q, w] : offsetTable)
        sum += w.consumerOffset;
    return sum;
}

qint64 ConsumeStats::totalLag() const
{
    qint64 sum = 0;
    for (const auto &[q, w] : offsetTable)
        sum += w.lag();
    return sum;
}

void ConsumeStats::sortLikeJava()
{
    offsetTable.entries() = java::hashMapOrder(offsetTable.entries(), byQueueHash<OffsetWrapper>());
}

QByteArray ConsumeStats::toJson() const
{
    Value table = Value::object();
    for (const auto &[q, w] : offsetTable) {
        Value o = Value::object();
        put(o, "brokerOffset", num(w.brokerOffset));
        put(o, "consumerOffset", num(w.consumerOffset));
        put(o, "lastTimestamp", num(w.lastTimestamp));
        table.members().append({body::messageQueueJson(q), o});
    }
    Value o = Value::object();
    put(o, "consumeTps", body::doubleJson(consumeTps));
    put(o, "offsetTable", table);
    return json::write(o);
}

Result<ConsumeStats> ConsumeStats::parse(const QByteArray &bytes)
{
    auto doc = body::parseObject(bytes, "ConsumeStats");
    if (!doc)
        return doc.error();
    body::Reader r(*doc, QStringLiteral("ConsumeStats"));
    ConsumeStats stats;
    stats.consumeTps = r.optNumber("consumeTps");
    readQueueMap(r, r.object("offsetTable"), r.pathOf("offsetTable"), stats.offsetTable, offsetWrapperFromJson);
    return r.finish(std::move(stats));
}

void ConsumerRunningInfo::sortLikeJava()
{
    std::stable_sort(mqTable.entries().begin(), mqTable.entries().end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    std::stable_sort(statusTable.entries().begin(), statusTable.entries().end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    auto treeKey = [](const SubscriptionData &s) { return s.topic + QLatin1Char('@') + s.subString; };
    std::stable_sort(subscriptionSet.begin(), subscriptionSet.end(),
                     [&](const auto &a, const auto &b) { return treeKey(a) < treeKey(b); });
    properties.entries() = java::hashMapOrder(
        properties.entries(), [](const auto &e) { return java::stringHash(e.first); },
        java::concurrentHashMapCapacity(properties.size()));
}

QByteArray ConsumerRunningInfo::toJson() const
{
    Value o = Value::object();
    if (jstack)
        put(o, "jstack", Value::string(*jstack));
    Value queues = Value::object();
    for (const auto &[q, p] : mqTable)
        queues.members().append({body::messageQueueJson(q), processQueueJson(p)});
    put(o, "mqTable", queues);
    Value props = Value::object();
    for (const auto &[k, v] : properties)
        props.members().append({Value::string(k), Value::string(v)});
    put(o, "properties", props);
    Value status = Value::object();
    for (const auto &[topic, s] : statusTable)
        status.members().append({Value::string(topic), consumeStatusJson(s)});
    put(o, "statusTable", status);
    QList<Value> subs;
    for (const auto &s : subscriptionSet)
        subs.append(s.toJson());
    put(o, "subscriptionSet", Value::array(subs));
    return json::write(o);
}

Result<ConsumerRunningInfo> ConsumerRunningInfo::parse(const QByteArray &bytes)
{
    auto doc = body::parseObject(bytes, "ConsumerRunningInfo");
    if (!doc)
        return doc.error();
    body::Reader r(*doc, QStringLiteral("ConsumerRunningInfo"));
    ConsumerRunningInfo info;
    info.jstack = r.nullableString("jstack");
    const Value &props = r.optObject("properties");
    for (const auto &[k, v] : props.members()) {
        if (v.isObject() || v.isArray()) {
            r.fail(r.pathOf("properties") + QLatin1Char('.') + k.toString(),
                   QStringLiteral("expected a string, got %1").arg(body::typeName(v)));
            break;
        }
        info.properties.insert(k.toString(), v.toString());
    }
    readQueueMap(r, r.optObject("mqTable"), r.pathOf("mqTable"), info.mqTable, processQueueFromJson);
    const Value &status = r.optObject("statusTable");
    for (const auto &[topic, v] : status.members()) {
        ConsumeStatus s;
        if (!r.take(consumeStatusFromJson(v, r.pathOf("statusTable") + QLatin1Char('.') + topic.toString()), s))
            break;
        info.statusTable.insert(topic.toString(), s);
    }
    const Value &subs = r.optArray("subscriptionSet");
    for (qsizetype i = 0; i < subs.items().size() && !r.failed(); ++i) {
        SubscriptionData s;
        if (r.take(SubscriptionData::fromJson(subs.items()[i],
                                              QStringLiteral("%1[%2]").arg(r.pathOf("subscriptionSet")).arg(i)),
                   s))
            info.subscriptionSet.append(s);
    }
    return r.finish(std::move(info));
}

void ResetOffsetBody::sortLikeJava()
{
    offsetTable.entries() = java::hashMapOrder(offsetTable.entries(), byQueueHash<qint64>());
}

QByteArray ResetOffsetBody::toJson() const
{
    Value table = Value::object();
    for (const auto &[q, offset] : offsetTable)
        table.members().append({body::messageQueueJson(q), num(offset)});
    Value o = Value::object();
    put(o, "offsetTable", table);
    return json::write(o);
}

Result<ResetOffsetBody> ResetOffsetBody::parse(const QByteArray &bytes)
{
    auto doc = body::parseObject(bytes, "ResetOffsetBody");
    if (!doc)
        return doc.error();
    body::Reader r(*doc, QStringLiteral("ResetOffsetBody"));
    ResetOffsetBody reset;
    readQueueMap(r, r.object("offsetTable"), r.pathOf("offsetTable"), reset.offsetTable,
                 [](const Value &v, const QString &path) -> Result<qint64> {
                     const auto n = body::toInt64(v);
                     if (!n)
                         return body::malformed(path,
                                                QStringLiteral("expected an offset, got %1").arg(body::typeName(v)));
                     return *n;
                 });
    return r.finish(std::move(reset));
}

} // namespace mq
