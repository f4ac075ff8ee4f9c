#include "KeyIndex.h"

namespace mq::sandbox {

// FNV-1a over the UTF-16 units, finished with MurmurHash3's mixer so the last characters (a
// UNIQ_KEY's counter) reach the top bits taken here: cheap, and independent of the bucket bits
// QHash takes from its own seeded hash inside a shard.
int KeyIndex::shardIndex(const QString &key)
{
    quint64 h = 14695981039346656037ull;
    for (const QChar c : key) {
        h ^= c.unicode();
        h *= 1099511628211ull;
    }
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return int(h >> 56) % Shards;
}

const QList<KeyIndex::Entry> *KeyIndex::find(const QString &key) const
{
    const auto &shard = m_shards[shardIndex(key)];
    const auto it = shard.constFind(key);
    return it == shard.constEnd() ? nullptr : &*it;
}

void KeyIndex::clear()
{
    for (auto &shard : m_shards)
        shard.clear();
}

} // namespace mq::sandbox
