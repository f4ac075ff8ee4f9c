#include "HeaderFields.h"

#include "JavaHash.h"

#include <limits>

namespace mq::header {

std::optional<QString> Reader::raw(const char *name, bool required)
{
    const QString key = QLatin1StringView(name);
    if (m_fields.contains(key))
        return m_fields.value(key);
    if (required && !m_error)
        m_error = makeError(Error::Code::MalformedHeader,
                            QStringLiteral("%1: missing required field '%2'").arg(QLatin1StringView(m_header), key));
    return std::nullopt;
}

std::optional<qint64> Reader::number(const char *name, bool required, qint64 min, qint64 max)
{
    const auto text = raw(name, required);
    if (!text)
        return std::nullopt;
    bool ok = false;
    const qint64 n = text->trimmed().toLongLong(&ok);
    if (ok && n >= min && n <= max)
        return n;
    if (!m_error)
        m_error =
            makeError(Error::Code::MalformedHeader,
                      QStringLiteral("%1: field '%2' is not a valid %3: '%4'")
                          .arg(QLatin1StringView(m_header), QLatin1StringView(name),
                               max > std::numeric_limits<int>::max() ? QStringLiteral("long") : QStringLiteral("int"),
                               text->left(64)));
    return std::nullopt;
}

QString Reader::string(const char *name)
{
    return raw(name, true).value_or(QString());
}

std::optional<QString> Reader::optString(const char *name)
{
    return raw(name, false);
}

qint64 Reader::int64(const char *name)
{
    return number(name, true, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()).value_or(0);
}

int Reader::int32(const char *name)
{
    return int(number(name, true, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()).value_or(0));
}

std::optional<qint64> Reader::optInt64(const char *name)
{
    return number(name, false, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
}

std::optional<int> Reader::optInt32(const char *name)
{
    const auto n = number(name, false, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    return n ? std::optional<int>(int(*n)) : std::nullopt;
}

bool Reader::boolean(const char *name)
{
    const auto text = raw(name, true);
    return text && text->compare(u"true", Qt::CaseInsensitive) == 0;
}

std::optional<bool> Reader::optBool(const char *name)
{
    const auto text = raw(name, false);
    if (!text)
        return std::nullopt;
    return text->compare(u"true", Qt::CaseInsensitive) == 0;
}

Writer &Writer::add(const char *name, const QString &v)
{
    m_fields.insert(QLatin1StringView(name), v);
    return *this;
}

Writer &Writer::add(const char *name, qint64 v)
{
    return add(name, QString::number(v));
}

Writer &Writer::add(const char *name, bool v)
{
    return add(name, v ? QStringLiteral("true") : QStringLiteral("false"));
}

ExtFields Writer::finish() const
{
    return java::hashMapOrder(m_fields);
}

} // namespace mq::header
