#pragma once

#include <QList>

#include <iterator>

namespace mq::sandbox {

// An append-only list kept in chunks of ChunkSize elements: appending never copies more than
// one chunk, where one QList of a few million entries copies all of them whenever it doubles
// (a consume queue stalled every send for that copy). Indexing is two steps.
template <typename T, qsizetype ChunkSize = 4096> class ChunkedList {
public:
    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = T;
        using difference_type = qsizetype;
        using pointer = const T *;
        using reference = const T &;
        const_iterator(const ChunkedList *list, qsizetype index)
            : m_list(list)
            , m_index(index)
        {}
        const T &operator*() const { return m_list->at(m_index); }
        const T *operator->() const { return &m_list->at(m_index); }
        const_iterator &operator++()
        {
            ++m_index;
            return *this;
        }
        bool operator==(const const_iterator &o) const { return m_index == o.m_index; }

    private:
        const ChunkedList *m_list;
        qsizetype m_index;
    };

    qsizetype size() const
    {
        return m_chunks.isEmpty() ? 0 : (m_chunks.size() - 1) * ChunkSize + m_chunks.last().size();
    }
    bool isEmpty() const { return m_chunks.isEmpty(); }
    const T &at(qsizetype i) const { return m_chunks.at(i / ChunkSize).at(i % ChunkSize); }
    const T &last() const { return m_chunks.last().last(); }
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, size()); }

    void append(const T &value)
    {
        if (m_chunks.isEmpty() || m_chunks.last().size() == ChunkSize)
            m_chunks.append(QList<T>());
        m_chunks.last().append(value); // grows by doubling up to ChunkSize, then a new chunk starts
    }
    void clear() { m_chunks.clear(); }

private:
    QList<QList<T>> m_chunks; // every chunk but the last holds exactly ChunkSize elements
};

} // namespace mq::sandbox
