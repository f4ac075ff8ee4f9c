#include "RowArena.h"

#include <cstdlib>
#include <new>

namespace mq::gui {

struct RowArena::Chunk {
    RowArena *arena = nullptr;
    qsizetype capacity = 0;
    qsizetype used = 0;
    qsizetype liveBlocks = 0;
    char *bytes() { return reinterpret_cast<char *>(this + 1); }
};

const qsizetype RowArena::StandardCapacity = ChunkSize - qsizetype(sizeof(Chunk)); // one ChunkSize malloc

RowArena::Block &RowArena::Block::operator=(Block &&other) noexcept
{
    if (this != &other) {
        release();
        m_chunk = std::exchange(other.m_chunk, nullptr);
        m_offset = other.m_offset;
        m_size = other.m_size;
    }
    return *this;
}

char *RowArena::Block::data() const
{
    return m_chunk ? m_chunk->bytes() + m_offset : nullptr;
}

void RowArena::Block::release()
{
    if (!m_chunk)
        return;
    if (--m_chunk->liveBlocks == 0)
        m_chunk->arena->emptied(m_chunk);
    m_chunk = nullptr;
}

RowArena::~RowArena()
{
    Q_ASSERT_X(!m_current || m_current->liveBlocks == 0, "RowArena", "a block outlives its arena");
    if (m_current)
        destroy(m_current);
    for (Chunk *spare : std::as_const(m_spares))
        destroy(spare);
    Q_ASSERT_X(m_chunks == 0, "RowArena", "a block outlives its arena");
}

RowArena::Chunk *RowArena::newChunk(qsizetype capacity)
{
    if (capacity == StandardCapacity && !m_spares.isEmpty()) {
        Chunk *spare = m_spares.takeLast();
        spare->used = 0;
        return spare;
    }
    void *memory = std::malloc(sizeof(Chunk) + size_t(capacity));
    if (!memory)
        throw std::bad_alloc();
    ++m_chunks;
    auto *chunk = new (memory) Chunk;
    chunk->arena = this;
    chunk->capacity = capacity;
    return chunk;
}

void RowArena::destroy(Chunk *chunk)
{
    chunk->~Chunk();
    std::free(chunk);
    --m_chunks;
}

void RowArena::emptied(Chunk *chunk)
{
    if (chunk == m_current)
        return; // still being filled
    if (chunk->capacity == StandardCapacity && m_spares.size() < MaxSpares)
        m_spares.append(chunk);
    else
        destroy(chunk);
}

RowArena::Block RowArena::allocate(qsizetype size)
{
    Chunk *chunk = nullptr;
    if (size > ChunkSize / 4) {
        chunk = newChunk(size);
    } else {
        if (!m_current || m_current->capacity - m_current->used < size) {
            Chunk *full = std::exchange(m_current, newChunk(StandardCapacity));
            if (full && full->liveBlocks == 0)
                emptied(full);
        }
        chunk = m_current;
    }
    Block block;
    block.m_chunk = chunk;
    block.m_offset = quint32(chunk->used);
    block.m_size = quint32(size);
    chunk->used += size;
    ++chunk->liveBlocks;
    return block;
}

} // namespace mq::gui
