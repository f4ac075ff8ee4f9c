#include "ProcessQueue.h"

namespace mq {

namespace {
constexpr qint64 kMiB = 1024 * 1024;
}

int ProcessQueue::put(const QList<MessageExt> &messages, qint64 nowMs)
{
    int added = 0;
    for (const MessageExt &m : messages) {
        if (m_messages.contains(m.queueOffset))
            continue;
        m_messages.insert(m.queueOffset, m.body.size());
        m_cachedBytes += m.body.size();
        m_maxOffsetEverCached = std::max(m_maxOffsetEverCached, m.queueOffset);
        ++added;
    }
    if (!messages.isEmpty())
        m_lastPullTimestamp = nowMs;
    return added;
}

qint64 ProcessQueue::remove(const QList<qint64> &queueOffsets, qint64 nowMs)
{
    m_lastConsumeTimestamp = nowMs;
    for (qint64 offset : queueOffsets) {
        auto it = m_messages.find(offset);
        if (it == m_messages.end())
            continue;
        m_cachedBytes -= it.value();
        m_messages.erase(it);
    }
    if (m_maxOffsetEverCached < 0)
        return -1;
    return m_messages.isEmpty() ? m_maxOffsetEverCached + 1 : m_messages.firstKey();
}

void ProcessQueue::clear()
{
    m_messages.clear();
    m_cachedBytes = 0;
}

bool ProcessQueue::isOverThreshold(int maxCount, int maxMiB, qint64 maxSpan) const
{
    return m_messages.size() > maxCount || m_cachedBytes > qint64(maxMiB) * kMiB ||
           maxCachedOffset() - minCachedOffset() > maxSpan;
}

ProcessQueueInfo ProcessQueue::info(qint64 commitOffset) const
{
    ProcessQueueInfo i;
    i.commitOffset = commitOffset;
    i.cachedMsgMinOffset = minCachedOffset();
    i.cachedMsgMaxOffset = maxCachedOffset();
    i.cachedMsgCount = cachedCount();
    i.cachedMsgSizeInMiB = int(m_cachedBytes / kMiB);
    i.droped = m_dropped;
    i.lastPullTimestamp = m_lastPullTimestamp;
    i.lastConsumeTimestamp = m_lastConsumeTimestamp;
    return i;
}

} // namespace mq
