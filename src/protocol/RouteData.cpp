#include "RouteData.h"

#include "BodyJson.h"
#include "Codes.h"
#include "JavaHash.h"

#include <algorithm>

namespace mq {

namespace {
using json::Value;

Value str(const QString &s)
{
    return Value::string(s);
}
Value num(qint64 n)
{
    return Value::number(n);
}
using body::put;
using body::stringArray;

constexpr int kV4_9_4 = 405; // MQVersion.Version.V4_9_4.ordinal()

Result<QueueData> queueDataFromJson(const Value &v, const QString &path)
{
    body::Reader r(v, path);
    QueueData q;
    q.brokerName = r.string("brokerName");
    q.readQueueNums = r.int32("readQueueNums");
    q.writeQueueNums = r.int32("writeQueueNums");
    q.perm = r.int32("perm");
    q.topicSysFlag = r.optInt32("topicSysFlag");
    return r.finish(q);
}

Value queueDataJson(const QueueData &q)
{
    Value o = Value::object();
    put(o, "brokerName", str(q.brokerName));
    put(o, "perm", num(q.perm));
    put(o, "readQueueNums", num(q.readQueueNums));
    put(o, "topicSysFlag", num(q.topicSysFlag));
    put(o, "writeQueueNums", num(q.writeQueueNums));
    return o;
}

Result<OrderedMap<QString, QStringList>> stringListMap(const Value &v, const QString &path)
{
    OrderedMap<QString, QStringList> out;
    for (const auto &[k, list] : v.members()) {
        auto items = stringArray(list, path + QLatin1Char('.') + k.toString());
        if (!items)
            return items.error();
        out.insert(k.toString(), *items);
    }
    return out;
}

Value stringListMapJson(const OrderedMap<QString, QStringList> &map, bool sortKeys)
{
    auto entries = map.entries();
    if (sortKeys)
        std::stable_sort(entries.begin(), entries.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
    Value o = Value::object();
    for (const auto &[k, list] : entries)
        o.members().append({str(k), body::stringList(list)});
    return o;
}

} // namespace

QString PermName::toString(int perm)
{
    QString s;
    s += isReadable(perm) ? QLatin1Char('R') : QLatin1Char('-');
    s += isWriteable(perm) ? QLatin1Char('W') : QLatin1Char('-');
    s += isInherited(perm) ? QLatin1Char('X') : QLatin1Char('-');
    return s;
}

JsonStyle routeJsonStyleFor(const RemotingCommand &request)
{
    const bool standardOnly =
        request.field(QStringLiteral("acceptStandardJsonOnly")).compare(u"true", Qt::CaseInsensitive) == 0;
    return request.version >= kV4_9_4 || standardOnly ? JsonStyle::Standard : JsonStyle::Fastjson;
}

std::optional<QString> BrokerData::address(qint64 brokerId) const
{
    if (const QString *a = brokerAddrs.find(brokerId))
        return *a;
    return std::nullopt;
}

Value BrokerData::toJson(JsonStyle style) const
{
    auto addrs = brokerAddrs.entries();
    if (style == JsonStyle::Standard) // MapSortField
        std::stable_sort(addrs.begin(), addrs.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    Value addrObj = Value::object();
    for (const auto &[id, addr] : addrs)
        addrObj.members().append({style == JsonStyle::Standard ? str(QString::number(id)) : num(id), str(addr)});
    Value o = Value::object();
    put(o, "brokerAddrs", addrObj);
    put(o, "brokerName", str(brokerName));
    put(o, "cluster", str(cluster));
    return o;
}

Result<BrokerData> BrokerData::fromJson(const Value &v, const QString &path)
{
    body::Reader r(v, path);
    BrokerData b;
    b.cluster = r.string("cluster");
    b.brokerName = r.string("brokerName");
    const Value &addrs = r.object("brokerAddrs");
    for (const auto &[k, addr] : addrs.members()) {
        const auto id = body::toInt64(k);
        if (!id) {
            r.fail(r.pathOf("brokerAddrs"), QStringLiteral("broker id '%1' is not an integer").arg(k.toString()));
            break;
        }
        if (!addr.isString()) {
            r.fail(r.pathOf("brokerAddrs") + QStringLiteral(".%1").arg(*id),
                   QStringLiteral("expected an address string, got %1").arg(body::typeName(addr)));
            break;
        }
        b.brokerAddrs.insert(*id, addr.toString());
    }
    return r.finish(std::move(b));
}

const BrokerData *TopicRouteData::broker(const QString &brokerName) const
{
    for (const auto &b : brokerDatas)
        if (b.brokerName == brokerName)
            return &b;
    return nullptr;
}

std::optional<QString> TopicRouteData::masterAddress(const QString &brokerName) const
{
    const BrokerData *b = broker(brokerName);
    return b ? b->masterAddress() : std::nullopt;
}

QList<MessageQueue> TopicRouteData::writableQueues(const QString &topic) const
{
    QList<QueueData> sorted = queueDatas;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const QueueData &a, const QueueData &b) { return a.brokerName < b.brokerName; });
    QList<MessageQueue> out;
    for (const auto &q : sorted) {
        if (!PermName::isWriteable(q.perm) || !masterAddress(q.brokerName))
            continue;
        for (int i = 0; i < q.writeQueueNums; ++i)
            out.append({topic, q.brokerName, i});
    }
    return out;
}

QList<MessageQueue> TopicRouteData::readableQueues(const QString &topic) const
{
    QList<MessageQueue> out;
    for (const auto &q : queueDatas) {
        if (!PermName::isReadable(q.perm))
            continue;
        for (int i = 0; i < q.readQueueNums; ++i)
            out.append({topic, q.brokerName, i});
    }
    return out;
}

QByteArray TopicRouteData::toJson(JsonStyle style) const
{
    QList<Value> brokers;
    for (const auto &b : brokerDatas)
        brokers.append(b.toJson(style));
    QList<Value> queues;
    for (const auto &q : queueDatas)
        queues.append(queueDataJson(q));
    Value o = Value::object();
    put(o, "brokerDatas", Value::array(brokers));
    put(o, "filterServerTable", stringListMapJson(filterServerTable, style == JsonStyle::Standard));
    if (orderTopicConf)
        put(o, "orderTopicConf", str(*orderTopicConf));
    put(o, "queueDatas", Value::array(queues));
    return json::write(o);
}

Result<TopicRouteData> TopicRouteData::parse(const QByteArray &bytes)
{
    auto doc = body::parseObject(bytes, "TopicRouteData");
    if (!doc)
        return doc.error();
    body::Reader r(*doc, QStringLiteral("TopicRouteData"));
    TopicRouteData route;
    const Value &queues = r.array("queueDatas");
    for (qsizetype i = 0; i < queues.items().size() && !r.failed(); ++i) {
        QueueData q;
        if (r.take(queueDataFromJson(queues.items()[i], QStringLiteral("TopicRouteData.queueDatas[%1]").arg(i)), q))
            route.queueDatas.append(q);
    }
    const Value &brokers = r.array("brokerDatas");
    for (qsizetype i = 0; i < brokers.items().size() && !r.failed(); ++i) {
        BrokerData b;
        if (r.take(BrokerData::fromJson(brokers.items()[i], QStringLiteral("TopicRouteData.brokerDatas[%1]").arg(i)),
                   b))
            route.brokerDatas.append(b);
    }
    const Value &filters = r.optObject("filterServerTable");
    if (!r.failed())
        r.take(stringListMap(filters, r.pathOf("filterServerTable")), route.filterServerTable);
    route.orderTopicConf = r.nullableString("orderTopicConf");
    return r.finish(std::move(route));
}

Result<TopicRouteData> routeFromResponse(const RemotingCommand &response)
{
    if (response.code == toInt(ResponseCode::Success))
        return TopicRouteData::parse(response.body);
    const QString remark = response.remark.value_or(QString());
    const QString message = QStringLiteral("%1: %2").arg(responseCodeName(response.code), remark);
    if (response.code == toInt(ResponseCode::TopicNotExist))
        return makeError(Error::Code::NotFound, message, response.code);
    return makeError(Error::Code::Broker, message, response.code);
}

QList<BrokerData> ClusterInfo::brokersOf(const QString &cluster) const
{
    QList<BrokerData> out;
    for (const auto &name : clusterAddrTable.value(cluster))
        if (const BrokerData *b = brokerAddrTable.find(name))
            out.append(*b);
    return out;
}

void ClusterInfo::sortLikeJava()
{
    auto byName = [](const auto &e) { return java::stringHash(e.first); };
    brokerAddrTable.entries() = java::hashMapOrder(brokerAddrTable.entries(), byName);
    for (auto &[name, broker] : brokerAddrTable.entries())
        broker.brokerAddrs.entries() =
            java::hashMapOrder(broker.brokerAddrs.entries(), [](const auto &e) { return java::hash(e.first); });
    clusterAddrTable.entries() = java::hashMapOrder(clusterAddrTable.entries(), byName);
    for (auto &[cluster, names] : clusterAddrTable.entries())
        names = java::hashMapOrder(names, [](const QString &s) { return java::stringHash(s); });
}

QByteArray ClusterInfo::toJson() const
{
    Value brokers = Value::object();
    for (const auto &[name, b] : brokerAddrTable)
        brokers.members().append({str(name), b.toJson(JsonStyle::Fastjson)});
    Value o = Value::object();
    put(o, "brokerAddrTable", brokers);
    put(o, "clusterAddrTable", stringListMapJson(clusterAddrTable, false));
    return json::write(o);
}

Result<ClusterInfo> ClusterInfo::parse(const QByteArray &bytes)
{
    auto doc = body::parseObject(bytes, "ClusterInfo");
    if (!doc)
        return doc.error();
    body::Reader r(*doc, QStringLiteral("ClusterInfo"));
    ClusterInfo info;
    const Value &brokers = r.object("brokerAddrTable");
    for (const auto &[k, v] : brokers.members()) {
        BrokerData b;
        if (!r.take(BrokerData::fromJson(v, r.pathOf("brokerAddrTable") + QLatin1Char('.') + k.toString()), b))
            break;
        info.brokerAddrTable.insert(k.toString(), b);
    }
    const Value &clusters = r.object("clusterAddrTable");
    if (!r.failed())
        r.take(stringListMap(clusters, r.pathOf("clusterAddrTable")), info.clusterAddrTable);
    return r.finish(std::move(info));
}

void TopicList::sortLikeJava()
{
    topicList = java::hashMapOrder(topicList, [](const QString &s) { return java::stringHash(s); });
}

QByteArray TopicList::toJson() const
{
    Value o = Value::object();
    if (brokerAddr)
        put(o, "brokerAddr", str(*brokerAddr));
    put(o, "topicList", body::stringList(topicList));
    return json::write(o);
}

Result<TopicList> TopicList::parse(const QByteArray &bytes)
{
    auto doc = body::parseObject(bytes, "TopicList");
    if (!doc)
        return doc.error();
    body::Reader r(*doc, QStringLiteral("TopicList"));
    TopicList list;
    const Value &topics = r.array("topicList");
    if (!r.failed())
        r.take(stringArray(topics, r.pathOf("topicList")), list.topicList);
    list.brokerAddr = r.nullableString("brokerAddr");
    return r.finish(std::move(list));
}

} // namespace mq
