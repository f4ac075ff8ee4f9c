#include "AdminFormat.h"

#include <QStringDecoder>

namespace mq::format {

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    return !decoder.hasError();
}

QString bodyText(const QByteArray &body, int maxHexBytes)
{
    if (isUtf8(body))
        return QString::fromUtf8(body);
    QString hex = QString::fromLatin1(body.left(maxHexBytes).toHex(' '));
    if (body.size() > maxHexBytes)
        hex += QStringLiteral(" ...");
    return QStringLiteral("<binary> ") + hex;
}

QJsonObject messageJson(const FoundMessage &found)
{
    const MessageExt &m = found.message;
    QJsonObject o;
    o.insert(QStringLiteral("msgId"), m.msgId());
    o.insert(QStringLiteral("offsetMsgId"), m.offsetMsgId);
    o.insert(QStringLiteral("uniqKey"), m.uniqueKey().isEmpty() ? QJsonValue() : QJsonValue(m.uniqueKey()));
    o.insert(QStringLiteral("topic"), m.topic);
    o.insert(QStringLiteral("tags"), m.tags());
    o.insert(QStringLiteral("keys"), QJsonArray::fromStringList(m.keys()));
    o.insert(QStringLiteral("brokerName"), found.brokerName);
    o.insert(QStringLiteral("brokerAddress"), found.brokerAddress);
    o.insert(QStringLiteral("queueId"), m.queueId);
    o.insert(QStringLiteral("queueOffset"), m.queueOffset);
    o.insert(QStringLiteral("commitLogOffset"), m.commitLogOffset);
    o.insert(QStringLiteral("storeSize"), m.storeSize);
    o.insert(QStringLiteral("sysFlag"), m.sysFlag);
    o.insert(QStringLiteral("flag"), m.flag);
    o.insert(QStringLiteral("bodyCRC"), qint64(m.bodyCrc));
    o.insert(QStringLiteral("reconsumeTimes"), m.reconsumeTimes);
    o.insert(QStringLiteral("preparedTransactionOffset"), m.preparedTransactionOffset);
    o.insert(QStringLiteral("bornTimestamp"), m.bornTimestamp);
    o.insert(QStringLiteral("bornTime"), formatTimestamp(m.bornTimestamp));
    o.insert(QStringLiteral("bornHost"), m.bornHost.toString());
    o.insert(QStringLiteral("storeTimestamp"), m.storeTimestamp);
    o.insert(QStringLiteral("storeTime"), formatTimestamp(m.storeTimestamp));
    o.insert(QStringLiteral("storeHost"), m.storeHost.toString());
    QJsonObject props;
    for (const auto &[k, v] : m.properties.entries())
        props.insert(k, v);
    o.insert(QStringLiteral("properties"), props);
    o.insert(QStringLiteral("bodyLength"), m.body.size());
    if (isUtf8(m.body))
        o.insert(QStringLiteral("body"), QString::fromUtf8(m.body));
    else
        o.insert(QStringLiteral("bodyBase64"), QString::fromLatin1(m.body.toBase64()));
    return o;
}

QJsonObject trackJson(const MessageTrack &t)
{
    QJsonObject o;
    o.insert(QStringLiteral("group"), t.group);
    o.insert(QStringLiteral("trackType"), trackTypeName(t.type));
    o.insert(QStringLiteral("online"), t.online);
    o.insert(QStringLiteral("consumeType"), t.consumeType);
    o.insert(QStringLiteral("consumerOffset"), t.consumerOffset);
    o.insert(QStringLiteral("detail"), t.detail);
    return o;
}

QJsonArray tracksJson(const QList<MessageTrack> &tracks)
{
    QJsonArray a;
    for (const auto &t : tracks)
        a.append(trackJson(t));
    return a;
}

QJsonObject failureJson(const BrokerFailure &f)
{
    return QJsonObject{{QStringLiteral("brokerName"), f.brokerName},
                       {QStringLiteral("address"), f.address},
                       {QStringLiteral("error"), f.error.message}};
}

QJsonArray failuresJson(const QList<BrokerFailure> &failures)
{
    QJsonArray a;
    for (const auto &f : failures)
        a.append(failureJson(f));
    return a;
}

QJsonObject clusterJson(const ClusterView &cluster)
{
    QJsonArray brokers;
    for (const BrokerInfo &b : cluster.brokers) {
        QJsonObject o{{QStringLiteral("cluster"), b.cluster},   {QStringLiteral("brokerName"), b.brokerName},
                      {QStringLiteral("brokerId"), b.brokerId}, {QStringLiteral("address"), b.address},
                      {QStringLiteral("version"), b.version},   {QStringLiteral("reachable"), b.reachable}};
        if (!b.error.isEmpty())
            o.insert(QStringLiteral("error"), b.error);
        brokers.append(o);
    }
    return QJsonObject{{QStringLiteral("clusters"), QJsonArray::fromStringList(cluster.clusters)},
                       {QStringLiteral("brokers"), brokers}};
}

QJsonObject connectionsJson(const GroupConnections &c)
{
    QJsonArray clients;
    for (const Connection &conn : c.connections)
        clients.append(QJsonObject{{QStringLiteral("clientId"), conn.clientId},
                                   {QStringLiteral("clientAddr"), conn.clientAddr},
                                   {QStringLiteral("language"), conn.language},
                                   {QStringLiteral("version"), clientVersionName(conn.version)}});
    QJsonObject subs;
    for (const auto &[topic, sub] : c.subscriptions.entries())
        subs.insert(topic, sub.subString);
    return QJsonObject{{QStringLiteral("group"), c.group},
                       {QStringLiteral("online"), c.online},
                       {QStringLiteral("consumeType"), c.consumeType},
                       {QStringLiteral("messageModel"), c.messageModel},
                       {QStringLiteral("consumeFromWhere"), c.consumeFromWhere},
                       {QStringLiteral("connections"), clients},
                       {QStringLiteral("subscriptions"), subs}};
}

QJsonObject progressJson(const GroupProgress &p)
{
    QJsonArray queues;
    for (const QueueProgress &q : p.queues) {
        QJsonObject o{{QStringLiteral("topic"), q.queue.topic},
                      {QStringLiteral("brokerName"), q.queue.brokerName},
                      {QStringLiteral("queueId"), q.queue.queueId},
                      {QStringLiteral("brokerOffset"), q.brokerOffset},
                      {QStringLiteral("consumerOffset"), q.consumerOffset},
                      {QStringLiteral("lag"), q.lag()},
                      {QStringLiteral("lastTimestamp"), q.lastTimestamp}};
        if (!q.clientId.isEmpty())
            o.insert(QStringLiteral("clientId"), q.clientId);
        queues.append(o);
    }
    return QJsonObject{{QStringLiteral("group"), p.group},
                       {QStringLiteral("consumeTps"), p.consumeTps},
                       {QStringLiteral("totalLag"), p.totalLag()},
                       {QStringLiteral("queues"), queues},
                       {QStringLiteral("failures"), failuresJson(p.failures)}};
}

QJsonObject resetJson(const ResetReport &r)
{
    QJsonArray moves;
    for (const OffsetMove &m : r.moves)
        moves.append(QJsonObject{{QStringLiteral("brokerName"), m.queue.brokerName},
                                 {QStringLiteral("queueId"), m.queue.queueId},
                                 {QStringLiteral("from"), m.from},
                                 {QStringLiteral("to"), m.to},
                                 {QStringLiteral("moved"), m.moved()}});
    return QJsonObject{{QStringLiteral("group"), r.group},
                       {QStringLiteral("topic"), r.topic},
                       {QStringLiteral("timestamp"), r.timestamp},
                       {QStringLiteral("time"), formatTimestamp(r.timestamp)},
                       {QStringLiteral("moves"), moves},
                       {QStringLiteral("viaConsumers"), QJsonArray::fromStringList(r.viaConsumers)},
                       {QStringLiteral("written"), QJsonArray::fromStringList(r.written)},
                       {QStringLiteral("failures"), failuresJson(r.failures)}};
}

QString messageText(const FoundMessage &found)
{
    const MessageExt &m = found.message;
    QString t;
    const auto line = [&t](const QString &name, const QString &value) {
        t += QStringLiteral("  %1 %2\n").arg(name, -18).arg(value);
    };
    line(QStringLiteral("msgId"), m.msgId());
    line(QStringLiteral("offsetMsgId"), m.offsetMsgId);
    line(QStringLiteral("topic"), m.topic);
    line(QStringLiteral("tags"), m.tags());
    line(QStringLiteral("keys"), m.keys().join(u' '));
    line(QStringLiteral("queue"),
         QStringLiteral("%1 (%2) queue %3, offset %4")
             .arg(found.brokerName.isEmpty() ? QStringLiteral("?") : found.brokerName, found.brokerAddress)
             .arg(m.queueId)
             .arg(m.queueOffset));
    line(QStringLiteral("store time"),
         QStringLiteral("%1 (%2)").arg(formatTimestamp(m.storeTimestamp)).arg(m.storeTimestamp));
    line(QStringLiteral("born time"),
         QStringLiteral("%1 (%2)").arg(formatTimestamp(m.bornTimestamp)).arg(m.bornTimestamp));
    line(QStringLiteral("born host"), m.bornHost.toString());
    line(QStringLiteral("store host"), m.storeHost.toString());
    line(QStringLiteral("commitLogOffset"), QString::number(m.commitLogOffset));
    line(QStringLiteral("sysFlag / flag"), QStringLiteral("%1 / %2").arg(m.sysFlag).arg(m.flag));
    line(QStringLiteral("bodyCRC"), QString::number(m.bodyCrc));
    line(QStringLiteral("reconsumeTimes"), QString::number(m.reconsumeTimes));
    t += QStringLiteral("  properties\n");
    for (const auto &[k, v] : m.properties.entries())
        t += QStringLiteral("    %1 = %2\n").arg(k, v);
    t += QStringLiteral("  body (%1 bytes)\n").arg(m.body.size());
    const QStringList bodyLines = bodyText(m.body).split(u'\n');
    for (const QString &l : bodyLines)
        t += QStringLiteral("    ") + l + u'\n';
    return t;
}

QString tracksText(const QList<MessageTrack> &tracks)
{
    QString t;
    for (const MessageTrack &track : tracks) {
        t += QStringLiteral("    %1 %2").arg(track.group, -30).arg(track.describe());
        if (!track.detail.isEmpty())
            t += QStringLiteral("  (%1)").arg(track.detail);
        t += u'\n';
    }
    return t;
}

} // namespace mq::format
