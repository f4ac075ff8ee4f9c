#pragma once

#include "AdminData.h"
#include "Message.h"

#include <QMap>

namespace mq {

// The messages pulled from one queue and not yet consumed (ProcessQueue), kept in offset
// order. The offset a consumer may commit is the smallest one still here: everything below it
// is done, whatever order the handlers finished in.
class ProcessQueue {
public:
    explicit ProcessQueue(MessageQueue queue, qint64 nextOffset = 0)
        : m_queue(std::move(queue))
        , m_nextOffset(nextOffset)
    {}

    const MessageQueue &queue() const { return m_queue; }

    // Where the next pull starts.
    qint64 nextOffset() const { return m_nextOffset; }
    void setNextOffset(qint64 offset) { m_nextOffset = offset; }

    // Set when the queue is no longer ours (rebalance, reset, shutdown): pulls stop, finished
    // handlers commit nothing.
    bool isDropped() const { return m_dropped; }
    void drop() { m_dropped = true; }

    // Pulling stopped because the cache is full; consumption resumes it.
    bool isPullPaused() const { return m_pullPaused; }
    void setPullPaused(bool paused) { m_pullPaused = paused; }

    // Caches pulled messages (offsets already cached are skipped); returns how many were added.
    int put(const QList<MessageExt> &messages, qint64 nowMs);
    // Forgets consumed messages. Returns the offset safe to commit: the smallest cached offset,
    // or one past the largest offset ever cached when the cache is empty; -1 when nothing was
    // ever cached.
    qint64 remove(const QList<qint64> &queueOffsets, qint64 nowMs);
    bool contains(qint64 queueOffset) const { return m_messages.contains(queueOffset); }
    void clear();

    int cachedCount() const { return int(m_messages.size()); }
    qint64 cachedBytes() const { return m_cachedBytes; }
    qint64 minCachedOffset() const { return m_messages.isEmpty() ? 0 : m_messages.firstKey(); }
    qint64 maxCachedOffset() const { return m_messages.isEmpty() ? 0 : m_messages.lastKey(); }
    // Over any limit (count, body MiB, or the distance between the first and last cached
    // offset: one slow message holding back commits) the queue must not be pulled.
    bool isOverThreshold(int maxCount, int maxMiB, qint64 maxSpan) const;

    void markPulled(qint64 nowMs) { m_lastPullTimestamp = nowMs; }
    qint64 lastPullTimestamp() const { return m_lastPullTimestamp; }
    qint64 lastConsumeTimestamp() const { return m_lastConsumeTimestamp; }

    // GET_CONSUMER_RUNNING_INFO's view of this queue.
    ProcessQueueInfo info(qint64 commitOffset) const;

private:
    MessageQueue m_queue;
    qint64 m_nextOffset = 0;
    QMap<qint64, qint64> m_messages; // queue offset -> body size
    qint64 m_cachedBytes = 0;
    qint64 m_maxOffsetEverCached = -1;
    qint64 m_lastPullTimestamp = 0;
    qint64 m_lastConsumeTimestamp = 0;
    bool m_dropped = false;
    bool m_pullPaused = false;
};

} // namespace mq
