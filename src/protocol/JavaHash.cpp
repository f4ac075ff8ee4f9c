#include "JavaHash.h"

namespace mq::java {

qint32 stringHash(QStringView s)
{
    quint32 h = 0;
    for (const QChar c : s)
        h = 31 * h + c.unicode();
    return qint32(h);
}

qint32 hash(const MessageQueue &q)
{
    quint32 result = 1;
    result = 31 * result + quint32(stringHash(q.brokerName));
    result = 31 * result + quint32(q.queueId);
    result = 31 * result + quint32(stringHash(q.topic));
    return qint32(result);
}

int hashMapCapacity(qsizetype size)
{
    int capacity = 16;
    while (size > capacity * 3 / 4)
        capacity *= 2;
    return capacity;
}

int concurrentHashMapCapacity(qsizetype size)
{
    int capacity = 16;
    while (size >= capacity - (capacity >> 2))
        capacity *= 2;
    return capacity;
}

ExtFields hashMapOrder(const ExtFields &fields)
{
    const auto ordered = hashMapOrder(fields.entries(), [](const ExtFields::Entry &e) { return stringHash(e.first); });
    ExtFields out;
    for (const auto &[k, v] : ordered)
        out.insert(k, v);
    return out;
}

} // namespace mq::java
