#pragma once

#include "Message.h"
#include "RemotingCommand.h"

#include <QList>
#include <QStringView>

#include <algorithm>

namespace mq::java {

// java.lang.String.hashCode over UTF-16 code units (QString's own encoding). The broker
// filters tags by this value, and hash-based Java maps iterate in an order derived from it.
qint32 stringHash(QStringView s);
// org.apache.rocketmq.common.message.MessageQueue.hashCode
qint32 hash(const MessageQueue &q);
inline qint32 hash(QStringView s)
{
    return stringHash(s);
}
inline qint32 hash(const QString &s)
{
    return stringHash(s);
}
inline qint32 hash(qint64 n) // java.lang.Long.hashCode
{
    return qint32(quint64(n) ^ (quint64(n) >> 32));
}
inline qint32 hash(int n) // java.lang.Integer.hashCode
{
    return n;
}

// Table size java.util.HashMap reaches after `size` puts (16, doubled past 3/4 full).
int hashMapCapacity(qsizetype size);
// Table size a java.util.concurrent.ConcurrentHashMap reaches after `size` puts when it
// started with 16 buckets: it doubles once it holds 3/4 of its buckets, one entry earlier than HashMap.
int concurrentHashMapCapacity(qsizetype size);
// Bucket of a key in a HashMap/ConcurrentHashMap table of `capacity` (power of two).
inline int bucketOf(qint32 h, int capacity)
{
    const quint32 u = quint32(h);
    return int((u ^ (u >> 16)) & quint32(capacity - 1));
}

// Reorders `items` (given in insertion order) the way a java.util.HashMap / HashSet holding
// them iterates: by bucket, and in insertion order within a bucket. fastjson serializes maps
// in iteration order, so this is how the Java broker and client order map members.
// `capacity` 0 means "what HashMap grows to for this many entries".
template <typename T, typename KeyHash> QList<T> hashMapOrder(QList<T> items, KeyHash keyHash, int capacity = 0)
{
    if (capacity <= 0)
        capacity = hashMapCapacity(items.size());
    std::stable_sort(items.begin(), items.end(), [&](const T &a, const T &b) {
        return bucketOf(keyHash(a), capacity) < bucketOf(keyHash(b), capacity);
    });
    return items;
}

// extFields in the order RemotingCommand.makeCustomHeaderToNet's HashMap writes them, given
// the fields in the order they were put. Call it again after adding fields (ACL signing).
ExtFields hashMapOrder(const ExtFields &fields);

} // namespace mq::java
