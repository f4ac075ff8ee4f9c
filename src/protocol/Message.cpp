#include "Message.h"

namespace mq {

bool Properties::contains(const QString &key) const
{
    for (const auto &e : m_entries)
        if (e.first == key)
            return true;
    return false;
}

QString Properties::value(const QString &key, const QString &fallback) const
{
    for (const auto &e : m_entries)
        if (e.first == key)
            return e.second;
    return fallback;
}

void Properties::insert(const QString &key, const QString &value)
{
    for (auto &e : m_entries) {
        if (e.first == key) {
            e.second = value;
            return;
        }
    }
    m_entries.append({key, value});
}

void Properties::remove(const QString &key)
{
    m_entries.removeIf([&](const Entry &e) { return e.first == key; });
}

QMap<QString, QString> Properties::toMap() const
{
    QMap<QString, QString> map;
    for (const auto &[k, v] : m_entries)
        map.insert(k, v);
    return map;
}

QStringList Message::keys() const
{
    return properties.value(prop::Keys).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

void Message::setTags(const QString &tags)
{
    if (tags.isEmpty())
        properties.remove(prop::Tags);
    else
        properties.insert(prop::Tags, tags);
}

void Message::setKeys(const QStringList &keys)
{
    if (keys.isEmpty())
        properties.remove(prop::Keys);
    else
        properties.insert(prop::Keys, keys.join(QLatin1Char(' ')));
}

void Message::setDelayLevel(int level)
{
    if (level <= 0)
        properties.remove(prop::DelayTimeLevel);
    else
        properties.insert(prop::DelayTimeLevel, QString::number(level));
}

QString HostAndPort::toString() const
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

} // namespace mq
