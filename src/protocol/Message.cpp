#include "Message.h"

namespace mq {

qsizetype Properties::indexOf(const QString &key) const
{
    if (!m_index.isEmpty())
        return m_index.value(key, -1);
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].first == key)
            return i;
    return -1;
}

void Properties::rebuildIndex()
{
    m_index.clear();
    if (m_entries.size() < IndexThreshold)
        return;
    m_index.reserve(m_entries.size());
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        m_index.insert(m_entries[i].first, i);
}

QString Properties::value(const QString &key, const QString &fallback) const
{
    const qsizetype at = indexOf(key);
    return at < 0 ? fallback : m_entries[at].second;
}

void Properties::insert(const QString &key, const QString &value)
{
    const qsizetype at = indexOf(key);
    if (at >= 0) {
        m_entries[at].second = value;
        return;
    }
    m_entries.append({key, value});
    if (!m_index.isEmpty())
        m_index.insert(key, m_entries.size() - 1);
    else if (m_entries.size() >= IndexThreshold)
        rebuildIndex();
}

// Positions after `at` shift down, so the index is rebuilt: O(n), like the list's own removal.
void Properties::remove(const QString &key)
{
    const qsizetype at = indexOf(key);
    if (at < 0)
        return;
    m_entries.remove(at);
    if (!m_index.isEmpty())
        rebuildIndex();
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
