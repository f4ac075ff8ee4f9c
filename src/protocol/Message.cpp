#include "Message.h"

#include <QRandomGenerator>

#include <bit>
#include <cstring>

namespace mq {

namespace {

// Qt's seeded qHash(QString) is SipHash here, most of the cost of indexing short names; this
// mixes 8 bytes a step instead. Seeded per process, so crafted names can't aim at one slot.
size_t homeSlot(const QString &key, size_t mask)
{
    static const quint64 seed = QRandomGenerator::system()->generate64();
    const auto *bytes = reinterpret_cast<const uchar *>(key.constData());
    qsizetype left = key.size() * qsizetype(sizeof(QChar));
    quint64 h = seed ^ quint64(left);
    for (; left >= 8; bytes += 8, left -= 8) {
        quint64 chunk;
        std::memcpy(&chunk, bytes, 8);
        h = (h ^ chunk) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    if (left > 0) {
        quint64 chunk = 0;
        std::memcpy(&chunk, bytes, size_t(left));
        h = (h ^ chunk) * 0x9E3779B97F4A7C15ull;
    }
    h ^= h >> 33; // MurmurHash3's finaliser: every input bit reaches the low (slot) bits
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return size_t(h) & mask;
}

// Puts `position` + 1 in the first free slot from the name's home slot.
void place(std::vector<qint32> &table, const QString &name, qsizetype position)
{
    const size_t mask = table.size() - 1;
    size_t s = homeSlot(name, mask);
    while (table[s] != 0)
        s = (s + 1) & mask;
    table[s] = qint32(position + 1);
}

} // namespace

qsizetype Properties::indexOf(const QString &key) const
{
    if (!m_index) {
        for (qsizetype i = 0; i < m_entries.size(); ++i)
            if (m_entries[i].first == key)
                return i;
        return -1;
    }
    const std::vector<qint32> &table = m_index->table;
    const size_t mask = table.size() - 1;
    for (size_t s = homeSlot(key, mask);; s = (s + 1) & mask) {
        const qint32 position = table[s];
        if (position == 0)
            return -1;
        if (m_entries[position - 1].first == key)
            return position - 1;
    }
}

void Properties::indexLastEntry()
{
    const qsizetype size = m_entries.size();
    if (!m_index || size_t(size) * 2 > m_index.constData()->table.size())
        rebuildIndex();
    else
        place(m_index->table, m_entries.last().first, size - 1);
}

void Properties::rebuildIndex()
{
    if (m_entries.size() < IndexThreshold) {
        m_index.reset();
        return;
    }
    auto *index = new detail::PropertyIndex;
    index->table.assign(std::bit_ceil(size_t(m_entries.size()) * 2), 0);
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        place(index->table, m_entries[i].first, i);
    m_index.reset(index);
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
    if (m_entries.size() >= IndexThreshold)
        indexLastEntry();
}

// Positions after `at` shift down, so the index is rebuilt: O(n), like the list's own removal.
void Properties::remove(const QString &key)
{
    const qsizetype at = indexOf(key);
    if (at < 0)
        return;
    m_entries.remove(at);
    if (m_index)
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
