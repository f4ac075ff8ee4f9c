#include "Validators.h"

#include "PropertyCodec.h"

#include <QSet>

namespace mq::validate {

namespace {

const QString kAllowedPattern = QStringLiteral("^[%|a-zA-Z0-9_-]+$");

bool isBlank(QStringView s)
{
    return s.trimmed().isEmpty();
}

bool hasIllegalChar(QStringView s)
{
    for (const QChar c : s)
        if (!isValidNameChar(c))
            return true;
    return false;
}

const QSet<QString> &notAllowedSendTopics()
{
    static const QSet<QString> set{
        QStringLiteral("SCHEDULE_TOPIC_XXXX"),
        QStringLiteral("RMQ_SYS_TRANS_HALF_TOPIC"),
        QStringLiteral("RMQ_SYS_TRANS_OP_HALF_TOPIC"),
        QStringLiteral("TRANS_CHECK_MAX_TIME_TOPIC"),
        QStringLiteral("SELF_TEST_TOPIC"),
        QStringLiteral("OFFSET_MOVED_EVENT"),
        QStringLiteral("TBW102"),
    };
    return set;
}

const QSet<QString> &systemTopics()
{
    static const QSet<QString> set{
        QStringLiteral("TBW102"),
        QStringLiteral("SCHEDULE_TOPIC_XXXX"),
        QStringLiteral("BenchmarkTest"),
        QStringLiteral("RMQ_SYS_TRANS_HALF_TOPIC"),
        QStringLiteral("RMQ_SYS_TRACE_TOPIC"),
        QStringLiteral("RMQ_SYS_TRANS_OP_HALF_TOPIC"),
        QStringLiteral("TRANS_CHECK_MAX_TIME_TOPIC"),
        QStringLiteral("SELF_TEST_TOPIC"),
        QStringLiteral("OFFSET_MOVED_EVENT"),
    };
    return set;
}

const QSet<QString> &reservedProperties()
{
    static const QSet<QString> set{
        QStringLiteral("TRACE_ON"),
        QStringLiteral("MSG_REGION"),
        QStringLiteral("KEYS"),
        QStringLiteral("TAGS"),
        QStringLiteral("WAIT"),
        QStringLiteral("DELAY"),
        QStringLiteral("RETRY_TOPIC"),
        QStringLiteral("REAL_TOPIC"),
        QStringLiteral("REAL_QID"),
        QStringLiteral("TRAN_MSG"),
        QStringLiteral("PGROUP"),
        QStringLiteral("MIN_OFFSET"),
        QStringLiteral("MAX_OFFSET"),
        QStringLiteral("BUYER_ID"),
        QStringLiteral("ORIGIN_MESSAGE_ID"),
        QStringLiteral("TRANSFER_FLAG"),
        QStringLiteral("CORRECTION_FLAG"),
        QStringLiteral("MQ2_FLAG"),
        QStringLiteral("RECONSUME_TIME"),
        QStringLiteral("UNIQ_KEY"),
        QStringLiteral("MAX_RECONSUME_TIMES"),
        QStringLiteral("CONSUME_START_TIME"),
        QStringLiteral("INSTANCE_ID"),
        QStringLiteral("CORRELATION_ID"),
        QStringLiteral("REPLY_TO_CLIENT"),
        QStringLiteral("TTL"),
        QStringLiteral("ARRIVE_TIME"),
        QStringLiteral("PUSH_REPLY_TIME"),
        QStringLiteral("CLUSTER"),
        QStringLiteral("MSG_TYPE"),
    };
    return set;
}

Error invalid(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, message);
}

qsizetype separatorIndex(QStringView s)
{
    for (qsizetype i = 0; i < s.size(); ++i)
        if (s[i] == QChar(propsep::NameValue) || s[i] == QChar(propsep::Property))
            return i;
    return -1;
}

// The separators spelled out, so an error message shows where they are.
QString visible(QString s)
{
    return s.replace(QChar(propsep::NameValue), QStringLiteral("\\u0001"))
        .replace(QChar(propsep::Property), QStringLiteral("\\u0002"));
}

Status noSeparators(const QString &name, const QString &value)
{
    if (const qsizetype i = separatorIndex(name); i >= 0)
        return invalid(QStringLiteral("The property name[%1] contains the reserved separator \\u%2 at position %3")
                           .arg(visible(name))
                           .arg(name[i].unicode(), 4, 16, QLatin1Char('0'))
                           .arg(i));
    if (const qsizetype i = separatorIndex(value); i >= 0)
        return invalid(QStringLiteral("The value of property[%1] contains the reserved separator \\u%2 at position %3")
                           .arg(visible(name))
                           .arg(value[i].unicode(), 4, 16, QLatin1Char('0'))
                           .arg(i));
    return Ok{};
}

} // namespace

bool isValidNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '%' || u == '|' ||
           u == '_' || u == '-';
}

Status topic(QStringView name)
{
    if (isBlank(name))
        return invalid(QStringLiteral("The specified topic is blank"));
    if (name.size() > kTopicMaxLength)
        return invalid(QStringLiteral("The specified topic is longer than topic max length %1.").arg(kTopicMaxLength));
    if (hasIllegalChar(name))
        return invalid(QStringLiteral("The specified topic[%1] contains illegal characters, allowing only %2")
                           .arg(name.toString(), kAllowedPattern));
    return Ok{};
}

Status topicForSend(QStringView name)
{
    if (auto ok = topic(name); !ok)
        return ok;
    if (notAllowedSendTopics().contains(name.toString()))
        return invalid(QStringLiteral("Sending message to topic[%1] is forbidden.").arg(name.toString()));
    return Ok{};
}

bool isSystemTopic(QStringView name)
{
    return systemTopics().contains(name.toString()) || name.startsWith(u"rmq_sys_");
}

Status group(QStringView name)
{
    if (isBlank(name))
        return invalid(QStringLiteral("the specified group is blank"));
    if (name.size() > kGroupMaxLength)
        return invalid(QStringLiteral("the specified group is longer than group max length %1.").arg(kGroupMaxLength));
    if (hasIllegalChar(name))
        return invalid(QStringLiteral("the specified group[%1] contains illegal characters, allowing only %2")
                           .arg(name.toString(), kAllowedPattern));
    return Ok{};
}

Status body(const QByteArray &body, qsizetype maxSize)
{
    if (body.isEmpty())
        return invalid(QStringLiteral("the message body length is zero"));
    if (body.size() > maxSize)
        return invalid(QStringLiteral("the message body size over max value, MAX: %1 (this body: %2 bytes)")
                           .arg(maxSize)
                           .arg(body.size()));
    return Ok{};
}

bool isReservedProperty(QStringView name)
{
    return reservedProperties().contains(name.toString());
}

Status userProperty(const QString &name, const QString &value)
{
    if (isBlank(name) || isBlank(value))
        return invalid(
            QStringLiteral("The name or value of property can not be null or blank string! (property[%1])").arg(name));
    if (isReservedProperty(name))
        return invalid(QStringLiteral("The Property<%1> is used by system, input another please").arg(name));
    return noSeparators(name, value);
}

Status message(const Message &message, qsizetype maxBodySize)
{
    if (auto ok = topicForSend(message.topic); !ok)
        return ok;
    if (auto ok = body(message.body, maxBodySize); !ok)
        return ok;
    for (const auto &[name, value] : message.properties.entries())
        if (auto ok = noSeparators(name, value); !ok)
            return ok;
    return Ok{};
}

} // namespace mq::validate
