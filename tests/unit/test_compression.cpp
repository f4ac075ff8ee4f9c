#include "Compression.h"
#include "Message.h"

#include <QRandomGenerator>
#include <QtTest>

#include <zlib.h>

using namespace mq;

Q_DECLARE_METATYPE(mq::CompressionType)

class TestCompression : public QObject {
    Q_OBJECT

    static QByteArray sampleText(qsizetype size)
    {
        QByteArray out;
        while (out.size() < size)
            out += QByteArrayLiteral("{\"id\":123,\"title\":\"changed\"},");
        out.truncate(size);
        return out;
    }

    static void addTypes()
    {
        QTest::addColumn<CompressionType>("type");
        QTest::newRow("zlib") << CompressionType::Zlib;
        QTest::newRow("zstd") << CompressionType::Zstd;
        QTest::newRow("lz4") << CompressionType::Lz4;
    }

private Q_SLOTS:
    void sysFlagTypeBits_data()
    {
        QTest::addColumn<int>("sysFlag");
        QTest::addColumn<int>("expected"); // CompressionType value, -1 = unsupported
        QTest::newRow("4.9.8 fixture zlib body") << 769 << int(CompressionType::Zlib);
        QTest::newRow("no type bits = zlib (old senders)") << 1 << int(CompressionType::Zlib);
        QTest::newRow("lz4") << (1 | 0x100) << int(CompressionType::Lz4);
        QTest::newRow("zstd") << (1 | 0x200) << int(CompressionType::Zstd);
        QTest::newRow("type 4") << (1 | 0x400) << -1;
        QTest::newRow("type 7") << (1 | 0x700) << -1;
    }

    void sysFlagTypeBits()
    {
        QFETCH(int, sysFlag);
        QFETCH(int, expected);
        auto type = compressionTypeFromSysFlag(sysFlag);
        QCOMPARE(type.ok(), expected >= 0);
        if (expected >= 0) {
            QCOMPARE(int(*type), expected);
            QCOMPARE(sysFlagForCompression(*type) & sysflag::CompressionTypeMask,
                     expected == 3 ? sysflag::CompressionZlib : sysFlag & sysflag::CompressionTypeMask);
        } else {
            QCOMPARE(type.error().code, Error::Code::Unsupported);
            QVERIFY(type.error().message.contains(QStringLiteral("unknown compression type")));
        }
        QCOMPARE(sysFlagForCompression(CompressionType::Zlib), 769);
    }

    void roundTrip_data() { addTypes(); }
    void roundTrip()
    {
        QFETCH(CompressionType, type);
        for (qsizetype size : {qsizetype(0), qsizetype(1), qsizetype(8207), qsizetype(300000)}) {
            const QByteArray data = sampleText(size);
            auto packed = compress(data, type);
            QVERIFY(packed.ok());
            if (size > 1000)
                QVERIFY(packed->size() < data.size() / 4);
            auto unpacked = decompress(*packed, type);
            QVERIFY2(unpacked.ok(), unpacked.ok() ? "" : qPrintable(unpacked.error().message));
            QCOMPARE(*unpacked, data);
        }
        // Incompressible input survives too.
        QByteArray noise(100000, Qt::Uninitialized);
        QRandomGenerator rng(42);
        rng.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
        auto unpacked = decompress(*compress(noise, type), type);
        QVERIFY(unpacked.ok());
        QCOMPARE(*unpacked, noise);
    }

    // Java's Deflater at the producer's default level 5 is zlib: identical bytes.
    void zlibMatchesJavaDeflaterFormat()
    {
        const QByteArray data = sampleText(5000);
        auto packed = compress(data, CompressionType::Zlib, 5);
        QVERIFY(packed.ok());
        QCOMPARE(quint8(packed->at(0)), quint8(0x78)); // zlib header, not raw deflate / gzip
        uLongf size = compressBound(uLong(data.size()));
        QByteArray reference(qsizetype(size), '\0');
        compress2(reinterpret_cast<Bytef *>(reference.data()), &size, reinterpret_cast<const Bytef *>(data.data()),
                  uLong(data.size()), 5);
        reference.resize(qsizetype(size));
        QCOMPARE(*packed, reference);
    }

    void lz4UsesFrameFormat()
    {
        auto packed = compress(QByteArrayLiteral("hello hello hello"), CompressionType::Lz4, 0);
        QVERIFY(packed.ok());
        QCOMPARE(packed->left(4), QByteArray::fromHex("04224d18")); // LZ4 frame magic, little endian
    }

    void bombIsRefused_data() { addTypes(); }
    void bombIsRefused()
    {
        QFETCH(CompressionType, type);
        const QByteArray zeros(8 * 1024 * 1024, '\0');
        auto packed = compress(zeros, type, type == CompressionType::Lz4 ? 0 : 9);
        QVERIFY(packed.ok());
        QVERIFY(packed->size() < 64 * 1024);
        auto limited = decompress(*packed, type, 1024 * 1024);
        QVERIFY(!limited.ok());
        QCOMPARE(limited.error().code, Error::Code::MalformedBody);
        QVERIFY2(limited.error().message.contains(QStringLiteral("decompression bomb")),
                 qPrintable(limited.error().message));
        QVERIFY(limited.error().message.contains(QStringLiteral("1048576")));
        // Exactly at the limit is fine, one byte below it is not.
        QVERIFY(decompress(*packed, type, zeros.size()).ok());
        QVERIFY(!decompress(*packed, type, zeros.size() - 1).ok());
    }

    void defaultLimitIs64MiB()
    {
        QCOMPARE(kDefaultMaxDecompressedSize, qsizetype(64) * 1024 * 1024);
        const QByteArray zeros(65 * 1024 * 1024, '\0');
        auto packed = compress(zeros, CompressionType::Zstd, 3);
        QVERIFY(packed.ok());
        auto out = decompress(*packed, CompressionType::Zstd);
        QVERIFY(!out.ok());
        QVERIFY(out.error().message.contains(QStringLiteral("67108864")));
    }

    void garbageIsASpecificError_data() { addTypes(); }
    void garbageIsASpecificError()
    {
        QFETCH(CompressionType, type);
        const QByteArray valid = *compress(sampleText(4000), type);
        const QList<QByteArray> inputs = {
            QByteArray(),
            QByteArrayLiteral("this is not compressed at all"),
            valid.left(valid.size() / 2), // truncated stream
            valid.left(3),
        };
        for (const QByteArray &input : inputs) {
            auto out = decompress(input, type);
            QVERIFY2(!out.ok(), qPrintable(QStringLiteral("%1 bytes accepted").arg(input.size())));
            QCOMPARE(out.error().code, Error::Code::MalformedBody);
            QVERIFY2(out.error().message.startsWith(compressionName(type) + QStringLiteral(" body cannot be")),
                     qPrintable(out.error().message));
        }
        // Corrupted content inside a well-formed header.
        QByteArray flipped = valid;
        for (qsizetype i = 8; i < flipped.size(); i += 3)
            flipped[i] = char(flipped[i] ^ 0x5A);
        QVERIFY(!decompress(flipped, type).ok());
    }
};

QTEST_GUILESS_MAIN(TestCompression)
#include "test_compression.moc"
