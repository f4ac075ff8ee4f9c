#pragma once

#include <QByteArray>
#include <QList>

#include <cstdint>

// Deterministic structure-blind mutations for fuzz_replay, the portable driver that runs
// without libFuzzer: the same seed gives the same sequence of inputs on every machine.
namespace fuzz {

class Mutator {
public:
    explicit Mutator(uint64_t seed)
        : m_state(seed)
    {}

    // 1..4 stacked mutations of `input`: bit flips, interesting bytes, truncation, erasure,
    // duplication, splicing with another pool entry, big-endian length fields overwritten
    // with boundary values, and JSON / hex tokens inserted. Output stays under maxSize.
    QByteArray mutate(const QByteArray &input, const QList<QByteArray> &pool, qsizetype maxSize = 1 << 16);

    uint64_t next(); // splitmix64
    uint64_t below(uint64_t bound) { return bound ? next() % bound : 0; }

private:
    void mutateOnce(QByteArray &data, const QList<QByteArray> &pool);
    void corruptLength(QByteArray &data);
    uint64_t m_state;
};

} // namespace fuzz
