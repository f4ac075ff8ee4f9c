#include "PerfStats.h"

#include <QFile>

#include <algorithm>
#include <cmath>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace mq::perf {

void Samples::append(const Samples &other)
{
    m_values.insert(m_values.end(), other.m_values.begin(), other.m_values.end());
}

qsizetype Samples::countAbove(qint64 threshold) const
{
    return std::count_if(m_values.begin(), m_values.end(), [threshold](qint64 v) { return v > threshold; });
}

Percentiles Samples::summary(double scale) const
{
    Percentiles p;
    p.count = count();
    if (m_values.empty())
        return p;
    std::vector<qint64> sorted = m_values;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = [&](double q) {
        // Nearest rank: the smallest value with at least q of the samples at or below it.
        const size_t index = size_t(std::max(1.0, std::ceil(q * double(sorted.size())))) - 1;
        return double(sorted[std::min(index, sorted.size() - 1)]) / scale;
    };
    double sum = 0;
    for (qint64 v : sorted)
        sum += double(v);
    p.mean = sum / double(sorted.size()) / scale;
    p.p50 = rank(0.50);
    p.p90 = rank(0.90);
    p.p99 = rank(0.99);
    p.max = double(sorted.back()) / scale;
    return p;
}

double cpuSeconds()
{
#ifdef Q_OS_UNIX
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    const auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
#else
    return 0;
#endif
}

namespace {
// A "Name:   1234 kB" line of /proc/self/status, in bytes.
qint64 statusField(const char *name)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray prefix = QByteArray(name) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (!line.startsWith(prefix))
            continue;
        const QByteArray value = line.mid(prefix.size()).trimmed();
        const qsizetype space = value.indexOf(' ');
        return value.left(space < 0 ? value.size() : space).toLongLong() * 1024;
    }
    return 0;
}
} // namespace

qint64 residentBytes()
{
    return statusField("VmRSS");
}

qint64 peakResidentBytes()
{
    if (const qint64 hwm = statusField("VmHWM"); hwm > 0)
        return hwm;
#ifdef Q_OS_UNIX
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0)
        return qint64(usage.ru_maxrss) * 1024; // KiB on Linux
#endif
    return 0;
}

qint64 heapBytes()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
#else
    return 0;
#endif
}

} // namespace mq::perf
