#include "ConsumerStats.h"

#include <algorithm>

namespace mq {

void ConsumerStats::Series::add(Sample s, qint64 keepMs)
{
    samples.push_back(s);
    while (!samples.empty() && samples.front().at < s.at - keepMs)
        samples.pop_front();
}

qint64 ConsumerStats::Series::count(qint64 nowMs, qint64 windowMs) const
{
    qint64 n = 0;
    for (auto it = samples.rbegin(); it != samples.rend() && it->at >= nowMs - windowMs; ++it)
        n += it->count;
    return n;
}

double ConsumerStats::Series::averageRt(qint64 nowMs, qint64 windowMs) const
{
    qint64 total = 0, n = 0;
    for (auto it = samples.rbegin(); it != samples.rend() && it->at >= nowMs - windowMs; ++it) {
        total += it->rtMs;
        ++n;
    }
    return n ? double(total) / double(n) : 0.0;
}

void ConsumerStats::recordPull(const QString &topic, int messages, qint64 rtMs, qint64 nowMs)
{
    TopicStats &t = m_topics[topic];
    if (!t.firstAt)
        t.firstAt = nowMs;
    t.pulls.add({nowMs, messages, rtMs}, kWindowMs);
}

void ConsumerStats::recordConsume(const QString &topic, bool ok, qint64 rtMs, qint64 nowMs)
{
    TopicStats &t = m_topics[topic];
    if (!t.firstAt)
        t.firstAt = nowMs;
    if (ok)
        t.ok.add({nowMs, 1, rtMs}, kWindowMs);
    else
        t.failed.add({nowMs, 1, rtMs}, kFailedWindowMs);
}

double ConsumerStats::perSecond(const TopicStats &t, const Series &s, qint64 nowMs) const
{
    // A consumer that started 5 s ago has a 5 s window, not a minute of zeros.
    const qint64 windowMs = std::clamp<qint64>(nowMs - t.firstAt, 1000, kWindowMs);
    return double(s.count(nowMs, kWindowMs)) * 1000.0 / double(windowMs);
}

ConsumeStatus ConsumerStats::status(const QString &topic, qint64 nowMs) const
{
    ConsumeStatus st;
    const auto it = m_topics.constFind(topic);
    if (it == m_topics.cend())
        return st;
    const TopicStats &t = it.value();
    st.pullRT = t.pulls.averageRt(nowMs, kWindowMs);
    st.pullTPS = perSecond(t, t.pulls, nowMs);
    // consumeRT over every handled message, successful or not.
    const qint64 okN = t.ok.count(nowMs, kWindowMs), failN = t.failed.count(nowMs, kWindowMs);
    if (okN + failN)
        st.consumeRT = (t.ok.averageRt(nowMs, kWindowMs) * okN + t.failed.averageRt(nowMs, kWindowMs) * failN) /
                       double(okN + failN);
    st.consumeOKTPS = perSecond(t, t.ok, nowMs);
    st.consumeFailedTPS = perSecond(t, t.failed, nowMs);
    st.consumeFailedMsgs = t.failed.count(nowMs, kFailedWindowMs);
    return st;
}

double ConsumerStats::consumeOkTps(qint64 nowMs) const
{
    double sum = 0;
    for (auto it = m_topics.cbegin(); it != m_topics.cend(); ++it)
        sum += perSecond(it.value(), it.value().ok, nowMs);
    return sum;
}

} // namespace mq
