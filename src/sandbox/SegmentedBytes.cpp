#include "SegmentedBytes.h"

#include <algorithm>

namespace mq::sandbox {

void SegmentedBytes::append(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_segments.isEmpty() || m_segments.last().size() + bytes.size() > m_segments.last().capacity()) {
        QByteArray segment;
        segment.reserve(std::max(SegmentBytes, bytes.size()));
        m_segments.append(std::move(segment));
        m_starts.append(m_size);
    }
    m_segments.last().append(bytes.constData(), bytes.size()); // within the reserved capacity
    m_size += bytes.size();
}

QByteArray SegmentedBytes::mid(qint64 offset, qint64 length) const
{
    if (offset < 0 || offset >= m_size || length <= 0)
        return {};
    length = std::min(length, m_size - offset);
    // The segment holding `offset`: the last one starting at or before it.
    qsizetype index = std::upper_bound(m_starts.cbegin(), m_starts.cend(), offset) - m_starts.cbegin() - 1;
    QByteArray out;
    out.reserve(length);
    while (out.size() < length) {
        const QByteArray &segment = m_segments.at(index);
        const qint64 from = offset + out.size() - m_starts.at(index);
        out.append(segment.constData() + from, std::min<qint64>(segment.size() - from, length - out.size()));
        ++index;
    }
    return out;
}

void SegmentedBytes::clear()
{
    m_segments.clear();
    m_starts.clear();
    m_size = 0;
}

} // namespace mq::sandbox
