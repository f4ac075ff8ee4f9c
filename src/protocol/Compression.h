#pragma once

#include "Result.h"

#include <QByteArray>

namespace mq {

// Body compression as RocketMQ's CompressionType numbers it (sysFlag bits 8..10).
enum class CompressionType { Lz4 = 1, Zstd = 2, Zlib = 3 };

constexpr qsizetype kDefaultMaxDecompressedSize = 64 * 1024 * 1024; // 64 MiB
constexpr int kDefaultZlibLevel = 5;                                // the Java producer's compressLevel default

QString compressionName(CompressionType type);
// The type named by a sysFlag's bits 8..10; 0 means zlib (senders predating the type bits).
Result<CompressionType> compressionTypeFromSysFlag(int sysFlag);
// COMPRESSED_FLAG plus the type bits, as a producer sets them.
int sysFlagForCompression(CompressionType type);

// Formats match the Java client: zlib = java.util.zip.Deflater/Inflater (zlib-wrapped
// deflate), zstd = zstd frames (ZstdInputStream), lz4 = the LZ4 *frame* format
// (net.jpountz LZ4FrameOutputStream), not raw lz4 blocks.
// Level: zlib 0..9, zstd 1..22, lz4 0 = fast, 1..12 = high compression.
Result<QByteArray> compress(const QByteArray &data, CompressionType type, int level = kDefaultZlibLevel);

// Refuses output beyond maxOutput (decompression bombs) instead of allocating it.
// Trailing bytes after a complete zlib stream are ignored, as Java's InflaterInputStream does.
Result<QByteArray> decompress(const QByteArray &data, CompressionType type,
                              qsizetype maxOutput = kDefaultMaxDecompressedSize);

} // namespace mq
