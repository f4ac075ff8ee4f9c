#include "Compression.h"
#include "MessageCodec.h"
#include "fixture_exchanges.h"

#include <QtEndian>
#include <QtTest>

using namespace mq;

// Broken message bodies: every problem is a specific Error naming message, byte and field;
// nothing crashes (run under ASan/UBSan too).
class TestMessageMalformed : public QObject {
    Q_OBJECT

    // The recorded pull body holding the most messages.
    static QByteArray biggestPullBody()
    {
        QByteArray best;
        for (const auto &e : fixtures::successfulWithBody(11))
            if (e.response.body.size() > best.size())
                best = e.response.body;
        return best;
    }

    // One real uncompressed message from the broker, alone.
    static QByteArray oneMessage()
    {
        const QByteArray body = biggestPullBody();
        return body.left(qFromBigEndian<qint32>(body.constData()));
    }

    static void patch32(QByteArray &b, qsizetype at, quint32 v) { qToBigEndian(v, b.data() + at); }

    static QString errorOf(const QByteArray &data, const DecodeOptions &options = {})
    {
        auto r = decodeMessages(data, options);
        return r.ok() ? QString() : r.error().message;
    }

    // Field layout of oneMessage(): name -> [start, end) for IPv4 hosts.
    struct Field {
        const char *name;
        qsizetype start;
        qsizetype end;
    };
    static QList<Field> layout(const QByteArray &m)
    {
        QList<Field> f;
        qsizetype p = 4;
        auto add = [&](const char *name, qsizetype n) {
            f.append({name, p, p + n});
            p += n;
        };
        add("MAGICCODE", 4);
        add("BODYCRC", 4);
        add("QUEUEID", 4);
        add("FLAG", 4);
        add("QUEUEOFFSET", 8);
        add("PHYSICALOFFSET", 8);
        add("SYSFLAG", 4);
        add("BORNTIMESTAMP", 8);
        add("BORNHOST", 8);
        add("STORETIMESTAMP", 8);
        add("STOREHOST", 8);
        add("RECONSUMETIMES", 4);
        add("PREPAREDTRANSACTIONOFFSET", 8);
        add("BODY length", 4);
        add("BODY", qFromBigEndian<qint32>(m.constData() + p - 4));
        add("TOPIC length", 1);
        add("TOPIC", quint8(m[p - 1]));
        add("PROPERTIES length", 2);
        add("PROPERTIES", qFromBigEndian<quint16>(m.constData() + p - 2));
        return f;
    }

private Q_SLOTS:
    void fixtureMessageIsPlain()
    {
        const QByteArray m = oneMessage();
        QVERIFY(m.size() > 200);
        QCOMPARE(layout(m).last().end, m.size()); // the layout table describes it exactly
        QVERIFY(decodeMessages(m).ok());
    }

    // Cutting a real body anywhere fails with a truncation error, except exactly between
    // messages, where the whole messages before the cut decode.
    void truncatedAtEveryByte()
    {
        const QByteArray body = biggestPullBody();
        auto full = decodeMessages(body);
        QVERIFY(full.ok());
        QCOMPARE(full->size(), 4);
        QList<qsizetype> boundaries{0};
        for (const MessageExt &m : *full)
            boundaries.append(boundaries.last() + m.storeSize);
        for (qsizetype cut = 0; cut < body.size(); ++cut) {
            auto r = decodeMessages(body.left(cut));
            const qsizetype whole = boundaries.indexOf(cut);
            if (whole >= 0) {
                QVERIFY2(r.ok(), qPrintable(QStringLiteral("cut %1").arg(cut)));
                QCOMPARE(r->size(), whole);
                continue;
            }
            QVERIFY2(!r.ok(), qPrintable(QStringLiteral("cut %1 accepted").arg(cut)));
            QCOMPARE(r.error().code, Error::Code::MalformedBody);
            const qsizetype index =
                std::upper_bound(boundaries.begin(), boundaries.end(), cut) - boundaries.begin() - 1;
            const QString where = QStringLiteral("message #%1 at byte %2: ").arg(index).arg(boundaries[index]);
            QVERIFY2(r.error().message.startsWith(where), qPrintable(r.error().message));
            QVERIFY2(r.error().message.contains(QStringLiteral("TOTALSIZE")), qPrintable(r.error().message));
        }
    }

    // With TOTALSIZE shrunk to the cut, the field the cut falls in is named.
    void shrunkTotalSizeNamesTheField()
    {
        const QByteArray m = oneMessage();
        const QList<Field> fields = layout(m);
        for (qsizetype cut = 8; cut < m.size(); ++cut) {
            QByteArray b = m.left(cut);
            patch32(b, 0, quint32(cut));
            const QString error = errorOf(b, {.checkCrc = false});
            const Field *expected = nullptr;
            for (const Field &f : fields)
                if (!expected && f.start <= cut && cut < f.end)
                    expected = &f;
            QVERIFY(expected);
            const QString want = QLatin1String(expected->name) + QStringLiteral(" overruns the message");
            QVERIFY2(error.contains(want),
                     qPrintable(QStringLiteral("cut %1: '%2', want '%3'").arg(cut).arg(error, want)));
            QVERIFY(error.startsWith(QStringLiteral("message #0 at byte 0: ")));
        }
        QVERIFY(errorOf(m.left(3)).contains(QStringLiteral("TOTALSIZE overruns")));
    }

    void badMagic()
    {
        QByteArray b = oneMessage();
        patch32(b, 4, 0x12345678);
        QVERIFY(errorOf(b).contains(QStringLiteral("bad MAGICCODE 0x12345678 (expected 0xdaa320a7")));
        patch32(b, 4, magic::Blank);
        QVERIFY(errorOf(b).contains(QStringLiteral("blank end-of-file marker")));
        // In the second message of a body: the index and byte offset say where.
        QByteArray two = oneMessage() + oneMessage();
        patch32(two, oneMessage().size() + 4, 0);
        QVERIFY2(
            errorOf(two).startsWith(QStringLiteral("message #1 at byte %1: bad MAGICCODE").arg(oneMessage().size())),
            qPrintable(errorOf(two)));
    }

    void bodyLengthOverrun()
    {
        const QByteArray m = oneMessage();
        const qsizetype at = layout(m)[13].start; // BODY length
        QByteArray b = m;
        patch32(b, at, 0x7FFFFFFF);
        QVERIFY2(errorOf(b).contains(QStringLiteral("BODY overruns the message: needs 2147483647 bytes")),
                 qPrintable(errorOf(b)));
        patch32(b, at, 0xFFFFFFF0);
        QVERIFY(errorOf(b).contains(QStringLiteral("BODY length -16 is negative")));
    }

    void totalSizeDisagreesWithFields()
    {
        QByteArray b = oneMessage() + QByteArray(10, '\0');
        patch32(b, 0, quint32(b.size()));
        QVERIFY2(errorOf(b).contains(
                     QStringLiteral("fields end at byte %1 but TOTALSIZE %2").arg(b.size() - 10).arg(b.size())),
                 qPrintable(errorOf(b)));
        patch32(b, 0, 4);
        QVERIFY(errorOf(b).contains(QStringLiteral("TOTALSIZE 4 is too small")));
        patch32(b, 0, 0x80000000);
        QVERIFY(errorOf(b).contains(QStringLiteral("is too small")));
    }

    void crcMismatch()
    {
        QByteArray b = oneMessage();
        const qsizetype bodyAt = layout(b)[14].start;
        b[bodyAt] = char(b[bodyAt] ^ 0x01);
        auto r = decodeMessages(b);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::ChecksumMismatch);
        QVERIFY2(r.error().message.contains(QStringLiteral("BODYCRC mismatch: stored %1, computed")
                                                .arg(qFromBigEndian<quint32>(b.constData() + 8))),
                 qPrintable(r.error().message));
        QVERIFY(decodeMessages(b, {.checkCrc = false}).ok()); // checking is optional, like Java's checkCRC
    }

    void propertiesLengthOverrun()
    {
        QByteArray b = oneMessage();
        const qsizetype at = layout(b)[17].start;
        qToBigEndian(quint16(0xFFFF), b.data() + at);
        QVERIFY2(errorOf(b).contains(QStringLiteral("PROPERTIES overruns the message: needs 65535 bytes")),
                 qPrintable(errorOf(b)));
    }

    void hostPortOutOfRange()
    {
        QByteArray b = oneMessage();
        patch32(b, layout(b)[8].start + 4, 70000);
        QVERIFY(errorOf(b).contains(QStringLiteral("BORNHOST port 70000 is out of range")));
    }

    // A stored message built around a given (compressed) body, CRC correct.
    static QByteArray withBody(const QByteArray &body, int sysFlag)
    {
        MessageExt m;
        m.topic = QStringLiteral("fixture-topic");
        m.sysFlag = sysFlag;
        m.body = body;
        m.bodyCrc = bodyCrc32(body);
        m.bornHost = {QHostAddress(QStringLiteral("127.0.0.1")), 1};
        m.storeHost = {QHostAddress(QStringLiteral("127.0.0.1")), 10911};
        return encodeStoredMessage(m);
    }

    void zlibGarbage()
    {
        auto r = decodeMessages(withBody(QByteArrayLiteral("definitely not zlib"), 769));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::MalformedBody);
        QVERIFY2(r.error().message.startsWith(
                     QStringLiteral("message #0 at byte 0: BODY: zlib body cannot be decompressed")),
                 qPrintable(r.error().message));
        // The real compressed body, cut short.
        const QByteArray real = *compress(QByteArray(9000, 'z') + "end", CompressionType::Zlib, 5);
        QVERIFY(errorOf(withBody(real.left(real.size() - 5), 769)).contains(QStringLiteral("unexpected end")));
        // Without decompression the stored bytes come back untouched.
        auto raw = decodeMessages(withBody(QByteArrayLiteral("definitely not zlib"), 769), {.decompressBody = false});
        QVERIFY(raw.ok());
        QCOMPARE(raw->first().body, QByteArrayLiteral("definitely not zlib"));
    }

    void unknownCompressionType()
    {
        auto r = decodeMessages(withBody(QByteArrayLiteral("x"), 1 | (5 << 8)));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::Unsupported);
        QVERIFY(r.error().message.contains(QStringLiteral("unknown compression type 5")));
    }

    void decompressionBomb()
    {
        const QByteArray bomb = *compress(QByteArray(8 * 1024 * 1024, '\0'), CompressionType::Zlib, 9);
        QVERIFY(bomb.size() < 20000);
        const QByteArray data = withBody(bomb, 769);
        auto r = decodeMessages(data, {.maxBodySize = 1024 * 1024});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("BODY: zlib body inflates beyond the 1048576-byte limit")),
                 qPrintable(r.error().message));
        QVERIFY(decodeMessages(data).ok()); // 8 MiB is within the default 64 MiB
        const QByteArray big = *compress(QByteArray(65 * 1024 * 1024, '\0'), CompressionType::Zstd, 1);
        QVERIFY(errorOf(withBody(big, sysFlagForCompression(CompressionType::Zstd)))
                    .contains(QStringLiteral("beyond the 67108864-byte limit")));
    }

    // Random damage anywhere: an error or a value, never a crash (ASan/UBSan watch this).
    void randomCorruptionNeverCrashes()
    {
        const QByteArray body = biggestPullBody();
        QRandomGenerator rng(2024);
        int errors = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray b = body;
            const int flips = 1 + int(rng.bounded(4));
            for (int i = 0; i < flips; ++i)
                b[rng.bounded(int(b.size()))] = char(rng.bounded(256));
            auto r = decodeMessages(b);
            errors += r.ok() ? 0 : 1;
            if (!r.ok())
                QVERIFY(r.error().message.startsWith(QStringLiteral("message #")));
        }
        // Many flips land in timestamps or offsets and still decode; the rest must be errors.
        QVERIFY(errors > 100);
    }

    void batchTruncatedAtEveryByte()
    {
        QList<Message> batch;
        for (int i = 0; i < 3; ++i) {
            Message m;
            m.body = QByteArray("batch ") + QByteArray::number(i);
            m.setKeys({QStringLiteral("b%1").arg(i)});
            batch.append(m);
        }
        const QByteArray body = encodeBatch(batch);
        const qsizetype one = body.size() / 3;
        for (qsizetype cut = 1; cut < body.size(); ++cut) {
            auto r = decodeBatch(body.left(cut));
            if (cut % one == 0) {
                QVERIFY(r.ok());
                QCOMPARE(r->size(), cut / one);
            } else {
                QVERIFY2(!r.ok(), qPrintable(QStringLiteral("cut %1").arg(cut)));
                QVERIFY(r.error().message.startsWith(
                    QStringLiteral("message #%1 at byte %2: ").arg(cut / one).arg(cut / one * one)));
            }
        }
        QByteArray b = body;
        patch32(b, 16, 0x7FFFFFFF); // first body length
        QVERIFY(decodeBatch(b).error().message.contains(QStringLiteral("BODY overruns")));
    }
};

QTEST_GUILESS_MAIN(TestMessageMalformed)
#include "test_message_malformed.moc"
