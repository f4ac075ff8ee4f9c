#pragma once

#include <QByteArrayView>
#include <QList>

#include <utility>

namespace mq::gui {

// Bytes for rows that come and go roughly in arrival order (the live feed's ring): blocks are
// carved one after another out of 256 KiB chunks; a chunk whose blocks are all gone is kept as a
// spare for the next one (two at most), so a full ring turning over allocates nothing. Compared
// with one malloc per row this saves the allocator's header and rounding (~16 B a row) and keeps
// long-lived rows apart from the decoder's short-lived garbage: freed rows leave no holes for the
// heap to fragment around (issue #9: body + 256 B per retained message, RSS included).
// Blocks must not outlive their arena.
class RowArena {
    struct Chunk;

public:
    // A block's owner: moves like a unique_ptr, gives its share of the chunk back when destroyed.
    class Block {
    public:
        Block() = default;
        Block(Block &&other) noexcept
            : m_chunk(std::exchange(other.m_chunk, nullptr))
            , m_offset(other.m_offset)
            , m_size(other.m_size)
        {}
        Block &operator=(Block &&other) noexcept;
        Block(const Block &) = delete;
        Block &operator=(const Block &) = delete;
        ~Block() { release(); }

        char *data() const;
        qsizetype size() const { return m_chunk ? m_size : 0; }
        QByteArrayView view() const { return {data(), size()}; }
        void release();

    private:
        friend class RowArena;
        Chunk *m_chunk = nullptr;
        quint32 m_offset = 0;
        quint32 m_size = 0;
    };

    static constexpr qsizetype ChunkSize = 256 * 1024;
    static constexpr int MaxSpares = 2;

    RowArena() = default;
    RowArena(const RowArena &) = delete;
    RowArena &operator=(const RowArena &) = delete;
    ~RowArena();

    Block allocate(qsizetype size);             // over a quarter of a chunk: a chunk of its own
    int chunkCount() const { return m_chunks; } // allocated, spares included

private:
    static const qsizetype StandardCapacity;
    Chunk *newChunk(qsizetype capacity);
    void destroy(Chunk *chunk);
    void emptied(Chunk *chunk); // its last block is gone
    Chunk *m_current = nullptr;
    QList<Chunk *> m_spares;
    int m_chunks = 0;
};

} // namespace mq::gui
