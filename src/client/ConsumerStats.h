#pragma once

#include "AdminData.h"

#include <QHash>
#include <QStringList>

#include <deque>

namespace mq {

// Per-topic pull and consume rates of one consumer over the last minute (ConsumerStatsManager),
// for GET_CONSUMER_RUNNING_INFO and the GUI. Times are milliseconds since the epoch, passed in
// so tests control the clock.
class ConsumerStats {
public:
    static constexpr qint64 kWindowMs = 60 * 1000;
    static constexpr qint64 kFailedWindowMs = 60 * 60 * 1000; // consumeFailedMsgs: the last hour

    void recordPull(const QString &topic, int messages, qint64 rtMs, qint64 nowMs);
    void recordConsume(const QString &topic, bool ok, qint64 rtMs, qint64 nowMs);

    ConsumeStatus status(const QString &topic, qint64 nowMs) const;
    QStringList topics() const { return m_topics.keys(); }
    // Messages handled successfully per second over all topics.
    double consumeOkTps(qint64 nowMs) const;

private:
    struct Sample {
        qint64 at = 0;
        qint64 count = 0;
        qint64 rtMs = 0;
    };
    struct Series {
        std::deque<Sample> samples;
        void add(Sample s, qint64 keepMs);
        qint64 count(qint64 nowMs, qint64 windowMs) const;
        double averageRt(qint64 nowMs, qint64 windowMs) const; // per sample
    };
    struct TopicStats {
        qint64 firstAt = 0;
        Series pulls, ok, failed;
    };
    double perSecond(const TopicStats &t, const Series &s, qint64 nowMs) const;

    QHash<QString, TopicStats> m_topics;
};

} // namespace mq
