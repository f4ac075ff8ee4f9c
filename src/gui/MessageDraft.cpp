#include "MessageDraft.h"

#include "BodyCodec.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace mq::gui {

namespace {
Error invalid(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, message);
}

bool hasSeparator(const QString &s)
{
    return s.contains(QChar(1)) || s.contains(QChar(2));
}
} // namespace

QString bodyModeName(BodyMode mode)
{
    switch (mode) {
    case BodyMode::Json: return QStringLiteral("json");
    case BodyMode::Hex: return QStringLiteral("hex");
    case BodyMode::File: return QStringLiteral("file");
    case BodyMode::Text: break;
    }
    return QStringLiteral("text");
}

BodyMode bodyModeFromName(const QString &name)
{
    if (name == QLatin1String("json"))
        return BodyMode::Json;
    if (name == QLatin1String("hex"))
        return BodyMode::Hex;
    if (name == QLatin1String("file"))
        return BodyMode::File;
    return BodyMode::Text;
}

bool MessageDraft::isReservedProperty(const QString &name)
{
    // MessageConst.STRING_HASH_SET: the broker and clients own these.
    static const QSet<QString> reserved{
        prop::Keys,
        prop::Tags,
        prop::WaitStoreMsgOk,
        prop::DelayTimeLevel,
        prop::RetryTopic,
        prop::RealTopic,
        prop::RealQueueId,
        prop::TransactionPrepared,
        prop::ProducerGroup,
        prop::MinOffset,
        prop::MaxOffset,
        prop::UniqueClientMessageId,
        prop::ReconsumeTime,
        prop::MaxReconsumeTimes,
        prop::ConsumeStartTime,
        prop::OriginMessageId,
        prop::Cluster,
        prop::TraceSwitch,
        QStringLiteral("BUYER_ID"),
        QStringLiteral("TRANSFER_FLAG"),
        QStringLiteral("CORRECTION_FLAG"),
        QStringLiteral("MQ2_FLAG"),
        QStringLiteral("MSG_REGION"),
        QStringLiteral("TRAN_PREPARED_QUEUE_OFFSET"),
        QStringLiteral("TRANSACTION_CHECK_TIMES"),
        QStringLiteral("CHECK_IMMUNITY_TIME_IN_SECONDS"),
        QStringLiteral("INSTANCE_ID"),
        QStringLiteral("CORRELATION_ID"),
        QStringLiteral("REPLY_TO_CLIENT"),
        QStringLiteral("TTL"),
        QStringLiteral("ARRIVE_TIME"),
        QStringLiteral("PUSH_REPLY_TIME"),
        QStringLiteral("MSG_TYPE"),
        QStringLiteral("SHARDING_KEY"),
    };
    return reserved.contains(name);
}

QString MessageDraft::delayLevelLabel(int level)
{
    static const char *const levels[] = {"1s", "5s", "10s", "30s", "1m",  "2m",  "3m",  "4m", "5m",
                                         "6m", "7m", "8m",  "9m",  "10m", "20m", "30m", "1h", "2h"};
    if (level < 1 || level > MaxDelayLevel)
        return tr("none");
    return QString::fromLatin1(levels[level - 1]);
}

Result<QByteArray> MessageDraft::body() const
{
    switch (bodyMode) {
    case BodyMode::Text: return bodyText.toUtf8();
    case BodyMode::Json: {
        const QByteArray json = bodyText.toUtf8();
        if (auto ok = BodyCodec::validateJson(json); !ok)
            return ok.error();
        return json;
    }
    case BodyMode::Hex: return BodyCodec::fromHex(bodyText);
    case BodyMode::File: {
        if (filePath.isEmpty())
            return invalid(tr("Choose a file for the body."));
        const QFileInfo info(filePath);
        if (!info.isFile())
            return invalid(tr("The body file %1 does not exist.").arg(filePath));
        if (info.size() > MaxBodyBytes)
            return invalid(
                tr("The body file is %1 bytes; the broker accepts at most %2.").arg(info.size()).arg(MaxBodyBytes));
        QFile file(filePath);
        if (!file.open(QIODevice::ReadOnly))
            return invalid(tr("Cannot read %1: %2").arg(filePath, file.errorString()));
        return file.readAll();
    }
    }
    return QByteArray();
}

Result<Message> MessageDraft::build() const
{
    static const QRegularExpression topicPattern(QStringLiteral("^[%|a-zA-Z0-9_-]+$"));
    const QString t = topic.trimmed();
    if (t.isEmpty())
        return invalid(tr("Enter a topic."));
    if (!topicPattern.match(t).hasMatch())
        return invalid(tr("The topic \"%1\" may only contain letters, digits, '_', '-', '%' and '|'.").arg(t));
    if (t.size() > 127)
        return invalid(tr("The topic is %1 characters long; at most 127 are allowed.").arg(t.size()));
    if (t == QLatin1String("TBW102"))
        return invalid(tr("TBW102 is the broker's template topic for auto-creation; send to a real topic."));

    const QString tag = tags.trimmed();
    if (tag.contains(QLatin1String("||")) || tag == QLatin1String("*"))
        return invalid(tr("A message carries one tag; \"||\" and \"*\" belong in subscriptions."));
    if (hasSeparator(tag))
        return invalid(tr("The tag contains a control character."));

    const QStringList keyList = keys.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &k : keyList) {
        if (hasSeparator(k))
            return invalid(tr("The key \"%1\" contains a control character.").arg(k));
    }
    if (delayLevel < 0 || delayLevel > MaxDelayLevel)
        return invalid(tr("The delay level must be between 0 (none) and %1.").arg(MaxDelayLevel));

    Message m;
    m.topic = t;
    if (!tag.isEmpty())
        m.setTags(tag);
    if (!keyList.isEmpty())
        m.setKeys(keyList);
    if (delayLevel > 0)
        m.setDelayLevel(delayLevel);
    for (const auto &[name, value] : properties) {
        const QString n = name.trimmed();
        if (n.isEmpty() && value.isEmpty())
            continue; // an empty row of the table
        if (n.isEmpty())
            return invalid(tr("A user property has a value (\"%1\") but no name.").arg(value));
        if (isReservedProperty(n))
            return invalid(tr("\"%1\" is a system property; choose another name.").arg(n));
        if (hasSeparator(n) || hasSeparator(value))
            return invalid(tr("The property \"%1\" contains a control character.").arg(n));
        if (m.properties.contains(n))
            return invalid(tr("The property \"%1\" is listed twice.").arg(n));
        m.properties.insert(n, value);
    }

    auto bytes = body();
    if (!bytes)
        return bytes.error();
    if (bytes->isEmpty())
        return invalid(tr("The body is empty; the broker rejects empty messages."));
    if (bytes->size() > MaxBodyBytes)
        return invalid(tr("The body is %1 bytes; the broker accepts at most %2.").arg(bytes->size()).arg(MaxBodyBytes));
    m.body = std::move(*bytes);
    return m;
}

QJsonObject MessageDraft::toJson() const
{
    QJsonArray props;
    for (const auto &[name, value] : properties)
        props.append(QJsonArray{name, value});
    return QJsonObject{
        {QStringLiteral("topic"), topic},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("keys"), keys},
        {QStringLiteral("properties"), props},
        {QStringLiteral("delayLevel"), delayLevel},
        {QStringLiteral("bodyMode"), bodyModeName(bodyMode)},
        {QStringLiteral("body"), bodyText},
        {QStringLiteral("file"), filePath},
    };
}

MessageDraft MessageDraft::fromJson(const QJsonObject &json)
{
    MessageDraft d;
    d.topic = json.value(QStringLiteral("topic")).toString();
    d.tags = json.value(QStringLiteral("tags")).toString();
    d.keys = json.value(QStringLiteral("keys")).toString();
    for (const QJsonValue &p : json.value(QStringLiteral("properties")).toArray()) {
        const QJsonArray pair = p.toArray();
        d.properties.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    d.delayLevel = json.value(QStringLiteral("delayLevel")).toInt();
    d.bodyMode = bodyModeFromName(json.value(QStringLiteral("bodyMode")).toString());
    d.bodyText = json.value(QStringLiteral("body")).toString();
    d.filePath = json.value(QStringLiteral("file")).toString();
    return d;
}

} // namespace mq::gui
