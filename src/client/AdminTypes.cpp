#include "AdminTypes.h"

#include "Validators.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace mq {

QString messageIdKindName(MessageIdKind kind)
{
    switch (kind) {
    case MessageIdKind::OffsetMsgId: return QStringLiteral("offsetMsgId");
    case MessageIdKind::UniqueKey: return QStringLiteral("msgId (UNIQ_KEY)");
    case MessageIdKind::Invalid: break;
    }
    return QStringLiteral("invalid");
}

QString trackTypeName(TrackType type)
{
    switch (type) {
    case TrackType::Consumed: return QStringLiteral("CONSUMED");
    case TrackType::ConsumedButFiltered: return QStringLiteral("CONSUMED_BUT_FILTERED");
    case TrackType::NotConsumed: return QStringLiteral("NOT_CONSUME_YET");
    case TrackType::Unknown: break;
    }
    return QStringLiteral("UNKNOWN");
}

QString MessageTrack::describe() const
{
    QString text = trackTypeName(type);
    if (!online)
        text += QStringLiteral(" (not online)");
    return text;
}

bool isSystemTopic(const QString &topic, const QStringList &clusterOrBrokerNames)
{
    // TopicValidator.SYSTEM_TOPIC_SET and the rmq_sys_ prefix, then what else a broker keeps for itself.
    if (validate::isSystemTopic(topic))
        return true;
    if (topic.startsWith(u"RMQ_SYS_") || topic.startsWith(u"%RETRY%") || topic.startsWith(u"%DLQ%"))
        return true;
    // MixAll.REPLY_TOPIC_POSTFIX: every broker creates "<cluster>_REPLY_TOPIC".
    if (topic.endsWith(u"_REPLY_TOPIC"))
        return true;
    return clusterOrBrokerNames.contains(topic);
}

QString permissionWords(int perm)
{
    const bool r = PermName::isReadable(perm), w = PermName::isWriteable(perm);
    QString words = r && w ? QStringLiteral("read, write")
                    : r    ? QStringLiteral("read only")
                    : w    ? QStringLiteral("write only")
                           : QStringLiteral("no access");
    if (PermName::isInherited(perm))
        words += QStringLiteral(", inherit");
    return words;
}

QList<TopicRouteView> describeRoute(const TopicRouteData &route)
{
    QList<TopicRouteView> views;
    for (const QueueData &q : route.queueDatas) {
        TopicRouteView v;
        v.brokerName = q.brokerName;
        v.readQueues = q.readQueueNums;
        v.writeQueues = q.writeQueueNums;
        v.perm = q.perm;
        v.permText = permissionWords(q.perm);
        if (const BrokerData *b = route.broker(q.brokerName)) {
            v.cluster = b->cluster;
            for (const auto &[id, address] : b->brokerAddrs.entries())
                v.addresses.insert(id, address);
        }
        views.append(v);
    }
    std::sort(views.begin(), views.end(),
              [](const TopicRouteView &a, const TopicRouteView &b) { return a.brokerName < b.brokerName; });
    return views;
}

namespace {
// MQVersion.Version in declaration order: 3.0.0 pre-releases, then a _SNAPSHOT and a release
// for every version from 3.0.1 to 5.9.9 (3.3 to 3.9 start at patch 1), then HIGHER_VERSION.
const QStringList &versionNames()
{
    static const QStringList names = [] {
        QStringList n{QStringLiteral("V3_0_0_SNAPSHOT"), QStringLiteral("V3_0_0_ALPHA1")};
        for (int i = 1; i <= 5; ++i)
            n << QStringLiteral("V3_0_0_BETA%1").arg(i);
        for (int i = 6; i <= 9; ++i)
            n << QStringLiteral("V3_0_0_BETA%1_SNAPSHOT").arg(i) << QStringLiteral("V3_0_0_BETA%1").arg(i);
        n << QStringLiteral("V3_0_0_FINAL");
        auto add = [&n](int major, int minor, int patch) {
            const QString v = QStringLiteral("V%1_%2_%3").arg(major).arg(minor).arg(patch);
            n << v + QStringLiteral("_SNAPSHOT") << v;
        };
        for (int p = 1; p <= 15; ++p)
            add(3, 0, p);
        for (int m = 1; m <= 2; ++m)
            for (int p = 0; p <= 9; ++p)
                add(3, m, p);
        for (int m = 3; m <= 9; ++m)
            for (int p = 1; p <= 9; ++p)
                add(3, m, p);
        for (int major = 4; major <= 5; ++major)
            for (int m = 0; m <= 9; ++m)
                for (int p = 0; p <= 9; ++p)
                    add(major, m, p);
        n << QStringLiteral("HIGHER_VERSION");
        return n;
    }();
    return names;
}
} // namespace

QString clientVersionName(int version)
{
    const QStringList &names = versionNames();
    if (version < 0)
        return QStringLiteral("UNKNOWN(%1)").arg(version);
    return version < names.size() ? names.at(version) : names.last();
}

qint64 GroupProgress::totalLag() const
{
    qint64 total = 0;
    for (const QueueProgress &q : queues)
        total += q.lag();
    return total;
}

Result<qint64> parseTimestamp(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("empty timestamp"));
    static const QRegularExpression digits(QStringLiteral("^-?\\d+$"));
    if (digits.match(text).hasMatch()) {
        bool ok = false;
        const qint64 ms = text.toLongLong(&ok);
        if (!ok || ms < 0)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("timestamp '%1' is not a non-negative number of milliseconds").arg(text));
        return ms;
    }
    QString iso = text;
    // "2024-05-01 10:00:00" is common in logs and the dashboard; ISO wants the T.
    static const QRegularExpression spaceSeparated(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2}) (\\d)"));
    iso.replace(spaceSeparated, QStringLiteral("\\1T\\2"));
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(iso, Qt::ISODate);
    if (!dt.isValid())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("timestamp '%1' is neither milliseconds since the epoch nor ISO 8601 "
                                        "(e.g. 2024-05-01T10:00:00, 2024-05-01T10:00:00+08:00)")
                             .arg(text));
    return dt.toMSecsSinceEpoch();
}

QString formatTimestamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms)
        .toOffsetFromUtc(QDateTime::fromMSecsSinceEpoch(ms).offsetFromUtc())
        .toString(Qt::ISODateWithMs);
}

} // namespace mq
