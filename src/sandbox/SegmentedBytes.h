#pragma once

#include <QByteArray>
#include <QList>

namespace mq::sandbox {

// Bytes appended at the end and read back by offset, held in segments of SegmentBytes (or one
// larger append) so growing never moves what is stored: one QByteArray holding an in-memory
// commit log of 300 MB copied all of it on each doubling, a send stalled ~300 ms. Reserved
// capacity is address space only until written, so the tail of a segment costs no memory.
class SegmentedBytes {
public:
    static constexpr qsizetype SegmentBytes = 16 * 1024 * 1024;

    qint64 size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // One append never straddles two segments.
    void append(const QByteArray &bytes);
    // Up to `length` bytes from `offset` (fewer past the end, none outside), copied.
    QByteArray mid(qint64 offset, qint64 length) const;
    const QList<QByteArray> &segments() const { return m_segments; }
    void clear();

private:
    QList<QByteArray> m_segments;
    QList<qint64> m_starts; // offset of each segment's first byte
    qint64 m_size = 0;
};

} // namespace mq::sandbox
