#pragma once

// Measuring helpers shared by `mqdesk-cli bench`, the feed benchmark and the fault tests:
// latency samples with percentiles, and this process's CPU time and resident memory.

#include <QtGlobal>

#include <vector>

namespace mq::perf {

struct Percentiles {
    qsizetype count = 0;
    double mean = 0; // all in the unit the samples were added in
    double p50 = 0;
    double p90 = 0;
    double p99 = 0;
    double max = 0;
};

// Every sample kept (8 bytes each) and sorted once at the end: exact percentiles, and a
// million samples cost 8 MB, which is fine for a benchmark.
class Samples {
public:
    void reserve(qsizetype n) { m_values.reserve(size_t(n)); }
    void add(qint64 value) { m_values.push_back(value); }
    void append(const Samples &other);
    qsizetype count() const { return qsizetype(m_values.size()); }
    qsizetype countAbove(qint64 threshold) const;
    // Nearest-rank percentiles; `scale` divides every value (1e6 turns ns into ms).
    Percentiles summary(double scale = 1.0) const;

private:
    std::vector<qint64> m_values;
};

// This process's CPU time (user + system) so far, in seconds.
double cpuSeconds();
// Resident set size now and its peak (VmRSS / VmHWM), in bytes; 0 where unknown.
qint64 residentBytes();
qint64 peakResidentBytes();
// Heap bytes allocated and not freed (malloc arenas + mmapped blocks; glibc only, else 0).
// Unlike RSS it also counts a huge allocation that was never touched.
qint64 heapBytes();

} // namespace mq::perf
