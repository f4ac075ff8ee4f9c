#include "ConsumerData.h"

#include "BodyJson.h"
#include "JavaHash.h"

namespace mq {

namespace {
using body::put;
using json::Value;

Value str(const QString &s)
{
    return Value::string(s);
}

template <typename T, typename Parse>
void readList(body::Reader &r, const Value &array, const QString &path, QList<T> &out, Parse parse)
{
    for (qsizetype i = 0; i < array.items().size() && !r.failed(); ++i) {
        T item;
        if (r.take(parse(array.items()[i], QStringLiteral("%1[%2]").arg(path).arg(i)), item))
            out.append(std::move(item));
    }
}

Result<ProducerData> producerFromJson(const Value &v, const QString &path)
{
    body::Reader r(v, path);
    ProducerData p;
    p.groupName = r.string("groupName");
    return r.finish(p);
}

Result<ConsumerData> consumerFromJson(const Value &v, const QString &path)
{
    body::Reader r(v, path);
    ConsumerData c;
    c.groupName = r.string("groupName");
    c.consumeType = r.string("consumeType");
    c.messageModel = r.string("messageModel");
    c.consumeFromWhere = r.string("consumeFromWhere");
    c.unitMode = r.optBool("unitMode");
    readList(r, r.array("subscriptionDataSet"), r.pathOf("subscriptionDataSet"), c.subscriptionDataSet,
             SubscriptionData::fromJson);
    return r.finish(std::move(c));
}

Result<Connection> connectionFromJson(const Value &v, const QString &path)
{
    body::Reader r(v, path);
    Connection c;
    c.clientId = r.string("clientId");
    c.clientAddr = r.string("clientAddr");
    c.language = r.optString("language");
    c.version = r.optInt32("version");
    return r.finish(std::move(c));
}

} // namespace

SubscriptionData SubscriptionData::fromTagExpression(const QString &topic, const QString &expression, qint64 subVersion)
{
    SubscriptionData s;
    s.topic = topic;
    s.subVersion = subVersion;
    const QString trimmed = expression.trimmed();
    if (trimmed.isEmpty() || trimmed == kSubAll) {
        s.subString = kSubAll;
        return s;
    }
    s.subString = expression;
    for (const QString &part : expression.split(QStringLiteral("||"))) {
        const QString tag = part.trimmed();
        if (tag.isEmpty() || s.tagsSet.contains(tag))
            continue;
        s.tagsSet.append(tag);
        s.codeSet.append(java::stringHash(tag));
    }
    s.tagsSet = java::hashMapOrder(s.tagsSet, [](const QString &t) { return java::stringHash(t); });
    s.codeSet = java::hashMapOrder(s.codeSet, [](qint32 c) { return c; });
    return s;
}

Value SubscriptionData::toJson() const
{
    QList<Value> codes;
    for (qint32 c : codeSet)
        codes.append(Value::number(qint64(c)));
    Value o = Value::object();
    put(o, "classFilterMode", Value::boolean(classFilterMode));
    put(o, "codeSet", Value::array(codes));
    put(o, "expressionType", str(expressionType));
    if (filterClassSource)
        put(o, "filterClassSource", str(*filterClassSource));
    put(o, "subString", str(subString));
    put(o, "subVersion", Value::number(subVersion));
    put(o, "tagsSet", body::stringList(tagsSet));
    put(o, "topic", str(topic));
    return o;
}

Result<SubscriptionData> SubscriptionData::fromJson(const Value &v, const QString &path)
{
    body::Reader r(v, path);
    SubscriptionData s;
    s.topic = r.string("topic");
    s.subString = r.string("subString");
    s.subVersion = r.optInt64("subVersion");
    s.expressionType = r.optString("expressionType", ExpressionType::Tag);
    s.classFilterMode = r.optBool("classFilterMode");
    s.filterClassSource = r.nullableString("filterClassSource");
    const Value &tags = r.optArray("tagsSet");
    if (!r.failed())
        r.take(body::stringArray(tags, r.pathOf("tagsSet")), s.tagsSet);
    const Value &codes = r.optArray("codeSet");
    for (qsizetype i = 0; i < codes.items().size() && !r.failed(); ++i) {
        const auto code = body::toInt64(codes.items()[i]);
        if (!code || *code < std::numeric_limits<qint32>::min() || *code > std::numeric_limits<qint32>::max())
            r.fail(QStringLiteral("%1[%2]").arg(r.pathOf("codeSet")).arg(i),
                   QStringLiteral("expected an int tag code, got %1").arg(body::typeName(codes.items()[i])));
        else
            s.codeSet.append(qint32(*code));
    }
    return r.finish(std::move(s));
}

QByteArray HeartbeatData::toJson() const
{
    QList<Value> consumers;
    for (const auto &c : consumerDataSet) {
        QList<Value> subs;
        for (const auto &s : c.subscriptionDataSet)
            subs.append(s.toJson());
        Value o = Value::object();
        put(o, "consumeFromWhere", str(c.consumeFromWhere));
        put(o, "consumeType", str(c.consumeType));
        put(o, "groupName", str(c.groupName));
        put(o, "messageModel", str(c.messageModel));
        put(o, "subscriptionDataSet", Value::array(subs));
        put(o, "unitMode", Value::boolean(c.unitMode));
        consumers.append(o);
    }
    QList<Value> producers;
    for (const auto &p : producerDataSet) {
        Value o = Value::object();
        put(o, "groupName", str(p.groupName));
        producers.append(o);
    }
    Value o = Value::object();
    put(o, "clientID", str(clientID));
    put(o, "consumerDataSet", Value::array(consumers));
    put(o, "producerDataSet", Value::array(producers));
    return json::write(o);
}

Result<HeartbeatData> HeartbeatData::parse(const QByteArray &bytes)
{
    auto doc = body::parseObject(bytes, "HeartbeatData");
    if (!doc)
        return doc.error();
    body::Reader r(*doc, QStringLiteral("HeartbeatData"));
    HeartbeatData hb;
    hb.clientID = r.string("clientID");
    readList(r, r.optArray("producerDataSet"), r.pathOf("producerDataSet"), hb.producerDataSet, producerFromJson);
    readList(r, r.optArray("consumerDataSet"), r.pathOf("consumerDataSet"), hb.consumerDataSet, consumerFromJson);
    return r.finish(std::move(hb));
}

QByteArray ConsumerIdList::toJson() const
{
    Value o = Value::object();
    put(o, "consumerIdList", body::stringList(consumerIdList));
    return json::write(o);
}

Result<ConsumerIdList> ConsumerIdList::parse(const QByteArray &bytes)
{
    auto doc = body::parseObject(bytes, "ConsumerIdList");
    if (!doc)
        return doc.error();
    body::Reader r(*doc, QStringLiteral("ConsumerIdList"));
    ConsumerIdList list;
    const Value &ids = r.array("consumerIdList");
    if (!r.failed())
        r.take(body::stringArray(ids, r.pathOf("consumerIdList")), list.consumerIdList);
    return r.finish(std::move(list));
}

void ConsumerConnection::sortLikeJava()
{
    subscriptionTable.entries() = java::hashMapOrder(
        subscriptionTable.entries(), [](const auto &e) { return java::stringHash(e.first); },
        java::concurrentHashMapCapacity(subscriptionTable.size()));
}

QByteArray ConsumerConnection::toJson() const
{
    QList<Value> connections;
    for (const auto &c : connectionSet) {
        Value o = Value::object();
        put(o, "clientAddr", str(c.clientAddr));
        put(o, "clientId", str(c.clientId));
        put(o, "language", str(c.language));
        put(o, "version", Value::number(qint64(c.version)));
        connections.append(o);
    }
    Value subs = Value::object();
    for (const auto &[topic, s] : subscriptionTable)
        subs.members().append({str(topic), s.toJson()});
    Value o = Value::object();
    put(o, "connectionSet", Value::array(connections));
    put(o, "consumeFromWhere", str(consumeFromWhere));
    put(o, "consumeType", str(consumeType));
    put(o, "messageModel", str(messageModel));
    put(o, "subscriptionTable", subs);
    return json::write(o);
}

Result<ConsumerConnection> ConsumerConnection::parse(const QByteArray &bytes)
{
    auto doc = body::parseObject(bytes, "ConsumerConnection");
    if (!doc)
        return doc.error();
    body::Reader r(*doc, QStringLiteral("ConsumerConnection"));
    ConsumerConnection cc;
    readList(r, r.array("connectionSet"), r.pathOf("connectionSet"), cc.connectionSet, connectionFromJson);
    cc.consumeType = r.optString("consumeType");
    cc.messageModel = r.optString("messageModel");
    cc.consumeFromWhere = r.optString("consumeFromWhere");
    const Value &subs = r.optObject("subscriptionTable");
    for (const auto &[topic, v] : subs.members()) {
        SubscriptionData s;
        if (!r.take(SubscriptionData::fromJson(v, r.pathOf("subscriptionTable") + QLatin1Char('.') + topic.toString()),
                    s))
            break;
        cc.subscriptionTable.insert(topic.toString(), s);
    }
    return r.finish(std::move(cc));
}

} // namespace mq
