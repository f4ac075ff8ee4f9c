// decompress (zlib / zstd / lz4 frame) with a small output limit. The first byte picks the
// type. Output never exceeds the limit, and what inflates compresses and inflates back.
#include "FuzzCheck.h"

#include "Compression.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    constexpr qsizetype kLimit = 1 << 20;
    const mq::CompressionType types[] = {mq::CompressionType::Zlib, mq::CompressionType::Zstd,
                                         mq::CompressionType::Lz4};
    const mq::CompressionType type = types[data[0] % 3];
    const qsizetype limit = (data[0] & 0x80) ? kLimit : 4096; // also probe the refusal edge
    auto out = mq::decompress(fuzz::bytes(data + 1, size - 1), type, limit);
    if (!out) {
        FUZZ_CHECK(!out.error().message.isEmpty());
        return 0;
    }
    FUZZ_CHECK(out->size() <= limit, QStringLiteral("%1 bytes past the %2 limit").arg(out->size()).arg(limit));
    auto packed = mq::compress(*out, type);
    FUZZ_CHECK(packed.ok(), packed.ok() ? QString() : packed.error().message);
    auto back = mq::decompress(*packed, type, limit);
    FUZZ_CHECK(back.ok(), back.ok() ? QString() : back.error().message);
    FUZZ_CHECK(*back == *out);
    return 0;
}
