#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <array>

namespace mq::sandbox {

// The broker's key index ("topic#key" -> where messages with that key are), split over
// Shards hashes. Every message adds its UNIQ_KEY, so one QHash grows with the store, and a
// QHash rehashes all its entries when it grows: at 262,144 keys one send stalled ~170 ms.
// A shard holds 1/Shards of the keys, so a send pays at most one small shard's rehash.
class KeyIndex {
public:
    struct Entry {
        qint64 phyOffset;
        qint64 storeTimestamp;
    };
    static constexpr int Shards = 256;

    void add(const QString &key, const Entry &entry) { shardOf(key)[key].append(entry); }
    // Oldest first; nullptr when the key was never added.
    const QList<Entry> *find(const QString &key) const;
    void clear();

private:
    QHash<QString, QList<Entry>> &shardOf(const QString &key) { return m_shards[shardIndex(key)]; }
    static int shardIndex(const QString &key);

    std::array<QHash<QString, QList<Entry>>, Shards> m_shards;
};

} // namespace mq::sandbox
