#include "Compression.h"

#include "Message.h"

#include <lz4frame.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <memory>

namespace mq {

namespace {

constexpr qsizetype kMinChunk = 4 * 1024;
constexpr qsizetype kFirstChunkMax = 64 * 1024;

Error bombError(CompressionType type, qsizetype maxOutput)
{
    return makeError(Error::Code::MalformedBody,
                     QStringLiteral("%1 body inflates beyond the %2-byte limit (decompression bomb?); refused")
                         .arg(compressionName(type))
                         .arg(maxOutput));
}

Error corruptError(CompressionType type, const QString &detail)
{
    return makeError(Error::Code::MalformedBody,
                     QStringLiteral("%1 body cannot be decompressed: %2").arg(compressionName(type), detail));
}

// Grows `out` (first to a guess from the input size, then doubling) without passing
// maxOutput + 1 bytes, so a bomb is detected as soon as it produces one byte too many.
bool grow(QByteArray &out, qsizetype used, qsizetype maxOutput, qsizetype inputSize)
{
    const qsizetype cap = maxOutput + 1;
    if (used >= cap)
        return false;
    const qsizetype wanted =
        used == 0 ? std::clamp(inputSize * 4, kMinChunk, kFirstChunkMax) : std::max(used * 2, used + kMinChunk);
    out.resize(std::min(cap, wanted));
    return true;
}

// Trims to the bytes produced. QByteArray keeps its capacity when shrinking, and thousands
// of decoded bodies each holding a mostly empty buffer add up, so give the slack back.
void finish(QByteArray &out, qsizetype used)
{
    out.resize(used);
    if (out.capacity() - used > std::max<qsizetype>(used / 4, 256))
        out.squeeze();
}

Result<QByteArray> inflateZlib(const QByteArray &data, qsizetype maxOutput)
{
    z_stream zs{};
    if (inflateInit(&zs) != Z_OK)
        return corruptError(CompressionType::Zlib, QStringLiteral("inflateInit failed"));
    std::unique_ptr<z_stream, int (*)(z_stream *)> guard(&zs, inflateEnd);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    QByteArray out;
    qsizetype used = 0;
    for (;;) {
        if (used == out.size() && !grow(out, used, maxOutput, data.size()))
            return bombError(CompressionType::Zlib, maxOutput);
        zs.next_out = reinterpret_cast<Bytef *>(out.data() + used);
        zs.avail_out = uInt(out.size() - used);
        const int rc = inflate(&zs, Z_NO_FLUSH);
        used = out.size() - zs.avail_out;
        if (rc == Z_STREAM_END)
            break;
        if (rc == Z_BUF_ERROR && zs.avail_in == 0)
            return corruptError(CompressionType::Zlib, QStringLiteral("unexpected end of the zlib stream"));
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            return corruptError(CompressionType::Zlib, QString::fromLatin1(zs.msg ? zs.msg : "inflate failed"));
    }
    if (used > maxOutput)
        return bombError(CompressionType::Zlib, maxOutput);
    finish(out, used);
    return out;
}

Result<QByteArray> decompressZstd(const QByteArray &data, qsizetype maxOutput)
{
    std::unique_ptr<ZSTD_DStream, size_t (*)(ZSTD_DStream *)> ds(ZSTD_createDStream(), ZSTD_freeDStream);
    if (!ds || ZSTD_isError(ZSTD_initDStream(ds.get())))
        return corruptError(CompressionType::Zstd, QStringLiteral("cannot create a zstd stream"));
    ZSTD_inBuffer in{data.constData(), size_t(data.size()), 0};
    QByteArray out;
    qsizetype used = 0;
    for (;;) {
        if (used == out.size() && !grow(out, used, maxOutput, data.size()))
            return bombError(CompressionType::Zstd, maxOutput);
        ZSTD_outBuffer ob{out.data() + used, size_t(out.size() - used), 0};
        const size_t hint = ZSTD_decompressStream(ds.get(), &ob, &in);
        used += qsizetype(ob.pos);
        if (ZSTD_isError(hint))
            return corruptError(CompressionType::Zstd, QString::fromLatin1(ZSTD_getErrorName(hint)));
        if (in.pos == in.size) {
            if (hint == 0)
                break; // every frame complete and flushed
            if (ob.pos < ob.size)
                return corruptError(CompressionType::Zstd, QStringLiteral("unexpected end of the zstd frame"));
        }
    }
    if (used > maxOutput)
        return bombError(CompressionType::Zstd, maxOutput);
    finish(out, used);
    return out;
}

Result<QByteArray> decompressLz4(const QByteArray &data, qsizetype maxOutput)
{
    LZ4F_dctx *raw = nullptr;
    if (LZ4F_isError(LZ4F_createDecompressionContext(&raw, LZ4F_VERSION)))
        return corruptError(CompressionType::Lz4, QStringLiteral("cannot create an lz4 context"));
    std::unique_ptr<LZ4F_dctx, LZ4F_errorCode_t (*)(LZ4F_dctx *)> ctx(raw, LZ4F_freeDecompressionContext);
    const char *src = data.constData();
    size_t remaining = size_t(data.size());
    QByteArray out;
    qsizetype used = 0;
    size_t hint = 1;
    while (hint != 0) {
        if (used == out.size() && !grow(out, used, maxOutput, data.size()))
            return bombError(CompressionType::Lz4, maxOutput);
        size_t dstSize = size_t(out.size() - used);
        size_t srcSize = remaining;
        hint = LZ4F_decompress(ctx.get(), out.data() + used, &dstSize, src, &srcSize, nullptr);
        if (LZ4F_isError(hint))
            return corruptError(CompressionType::Lz4, QString::fromLatin1(LZ4F_getErrorName(hint)));
        used += qsizetype(dstSize);
        src += srcSize;
        remaining -= srcSize;
        if (hint != 0 && remaining == 0 && dstSize == 0 && srcSize == 0)
            return corruptError(CompressionType::Lz4, QStringLiteral("unexpected end of the lz4 frame"));
        // A finished frame followed by more bytes: Java's LZ4FrameInputStream reads on.
        if (hint == 0 && remaining > 0)
            hint = 1;
    }
    if (used > maxOutput)
        return bombError(CompressionType::Lz4, maxOutput);
    finish(out, used);
    return out;
}

} // namespace

QString compressionName(CompressionType type)
{
    switch (type) {
    case CompressionType::Lz4: return QStringLiteral("lz4");
    case CompressionType::Zstd: return QStringLiteral("zstd");
    case CompressionType::Zlib: return QStringLiteral("zlib");
    }
    return QStringLiteral("compression type %1").arg(int(type));
}

Result<CompressionType> compressionTypeFromSysFlag(int sysFlag)
{
    const int value = (sysFlag & sysflag::CompressionTypeMask) >> sysflag::CompressionTypeShift;
    switch (value) {
    case 0:
    case 3: return CompressionType::Zlib;
    case 1: return CompressionType::Lz4;
    case 2: return CompressionType::Zstd;
    }
    return makeError(Error::Code::Unsupported,
                     QStringLiteral("unknown compression type %1 in sysFlag %2 (known: 1 lz4, 2 zstd, 3 zlib)")
                         .arg(value)
                         .arg(sysFlag));
}

int sysFlagForCompression(CompressionType type)
{
    return sysflag::Compressed | (int(type) << sysflag::CompressionTypeShift);
}

Result<QByteArray> compress(const QByteArray &data, CompressionType type, int level)
{
    switch (type) {
    case CompressionType::Zlib: {
        uLongf size = compressBound(uLong(data.size()));
        QByteArray out(qsizetype(size), Qt::Uninitialized);
        const int rc =
            compress2(reinterpret_cast<Bytef *>(out.data()), &size, reinterpret_cast<const Bytef *>(data.constData()),
                      uLong(data.size()), std::clamp(level, 0, 9));
        if (rc != Z_OK)
            return makeError(Error::Code::InvalidArgument, QStringLiteral("zlib compression failed (%1)").arg(rc));
        finish(out, qsizetype(size));
        return out;
    }
    case CompressionType::Zstd: {
        QByteArray out(qsizetype(ZSTD_compressBound(size_t(data.size()))), Qt::Uninitialized);
        const size_t n = ZSTD_compress(out.data(), size_t(out.size()), data.constData(), size_t(data.size()),
                                       std::clamp(level, 1, ZSTD_maxCLevel()));
        if (ZSTD_isError(n))
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("zstd compression failed: %1").arg(QLatin1String(ZSTD_getErrorName(n))));
        finish(out, qsizetype(n));
        return out;
    }
    case CompressionType::Lz4: {
        LZ4F_preferences_t prefs{};
        prefs.compressionLevel = std::clamp(level, 0, 12);
        prefs.frameInfo.contentSize = quint64(data.size());
        QByteArray out(qsizetype(LZ4F_compressFrameBound(size_t(data.size()), &prefs)), Qt::Uninitialized);
        const size_t n =
            LZ4F_compressFrame(out.data(), size_t(out.size()), data.constData(), size_t(data.size()), &prefs);
        if (LZ4F_isError(n))
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("lz4 compression failed: %1").arg(QLatin1String(LZ4F_getErrorName(n))));
        finish(out, qsizetype(n));
        return out;
    }
    }
    return makeError(Error::Code::Unsupported, compressionName(type));
}

Result<QByteArray> decompress(const QByteArray &data, CompressionType type, qsizetype maxOutput)
{
    switch (type) {
    case CompressionType::Zlib: return inflateZlib(data, maxOutput);
    case CompressionType::Zstd: return decompressZstd(data, maxOutput);
    case CompressionType::Lz4: return decompressLz4(data, maxOutput);
    }
    return makeError(Error::Code::Unsupported, compressionName(type));
}

} // namespace mq
