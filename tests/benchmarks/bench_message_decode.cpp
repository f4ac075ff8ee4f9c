// Decode throughput of pull-response bodies built from the messages the real broker sent.
// Usage: bench_message_decode [MiB per body, default 64]
#include "Compression.h"
#include "MessageCodec.h"
#include "fixture_exchanges.h"

#include <QCoreApplication>
#include <QTextStream>

#include <ctime>

using namespace mq;

namespace {

struct Sample {
    QByteArray bytes;
    bool compressed = false;
};

QList<Sample> fixtureMessages()
{
    QList<Sample> out;
    for (const auto &e : fixtures::successfulWithBody(11)) {
        auto messages = decodeMessages(e.response.body, {.decompressBody = false});
        if (!messages)
            qFatal("%s", qPrintable(messages.error().message));
        for (const MessageExt &m : *messages)
            out.append({encodeStoredMessage(m), bool(m.sysFlag & sysflag::Compressed)});
    }
    return out;
}

// Repeats the chosen messages until the body reaches `target` bytes.
QByteArray buildBody(const QList<Sample> &samples, qsizetype target, int &count)
{
    QByteArray body;
    body.reserve(target + 64 * 1024);
    count = 0;
    while (body.size() < target) {
        for (const Sample &s : samples) {
            body += s.bytes;
            ++count;
        }
    }
    return body;
}

struct Run {
    double mbPerSecond = 0;
    double messagesPerSecond = 0;
};

// CPU time of this thread: the machine is shared, and wall time mostly measures the others.
qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Run measure(const QByteArray &body, const DecodeOptions &options)
{
    Run best;
    for (int round = 0; round < 3; ++round) {
        const qint64 start = threadCpuNs();
        auto decoded = decodeMessages(body, options);
        const qint64 ns = threadCpuNs() - start;
        if (!decoded)
            qFatal("%s", qPrintable(decoded.error().message));
        const double seconds = double(ns) / 1e9;
        const double mbs = double(body.size()) / (1024.0 * 1024.0) / seconds;
        if (mbs > best.mbPerSecond)
            best = {mbs, double(decoded->size()) / seconds};
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qsizetype mib = argc > 1 ? QByteArray(argv[1]).toLongLong() : 64;
    const qsizetype target = mib * 1024 * 1024;

    const QList<Sample> all = fixtureMessages();
    QList<Sample> plain, compressed;
    for (const Sample &s : all)
        (s.compressed ? compressed : plain).append(s);

    struct Case {
        const char *name;
        QList<Sample> samples;
    };
    const QList<Case> cases{
        {"plain (uncompressed fixture messages)", plain},
        {"as recorded (3 zlib members per 23)", all},
        {"all zlib (the 8207-byte body, 76 bytes stored)", compressed},
    };

    QTextStream out(stdout);
    out << "body size " << mib << " MiB, best of 3, thread CPU time; MB = MiB of stored (wire) bytes\n";
    out << "| body | messages | default (CRC + inflate) MB/s | msgs/s | no CRC MB/s | no inflate, no CRC MB/s |\n";
    out << "|---|---|---|---|---|---|\n";
    for (const Case &c : cases) {
        int count = 0;
        const QByteArray body = buildBody(c.samples, target, count);
        const Run full = measure(body, {});
        const Run noCrc = measure(body, {.checkCrc = false});
        const Run raw = measure(body, {.decompressBody = false, .checkCrc = false});
        out << "| " << c.name << " | " << count << " | " << qRound(full.mbPerSecond) << " | "
            << qRound64(full.messagesPerSecond) << " | " << qRound(noCrc.mbPerSecond) << " | "
            << qRound(raw.mbPerSecond) << " |\n";
        out.flush();
    }
    return 0;
}
