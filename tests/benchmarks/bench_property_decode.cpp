// decodeProperties on property strings of many pairs (the fuzzer's slow input had 5,683) and of
// the usual few, plus the size of the value types the GUI's live feed keeps.
// Usage: bench_property_decode [largest number of pairs, default 100000]
#include "Message.h"
#include "PropertyCodec.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <ctime>

using namespace mq;

namespace {

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// `pairs` distinct pairs: "name0\u0001value0\u0002name1\u0001value1..."
QString buildText(int pairs)
{
    QString text;
    for (int i = 0; i < pairs; ++i) {
        if (i)
            text += QChar(propsep::Property);
        text += QStringLiteral("name%1").arg(i) + QChar(propsep::NameValue) + QStringLiteral("value%1").arg(i);
    }
    return text;
}

// Best of `rounds` of decoding `text` `repeat` times; nanoseconds per decode.
double bestNsPerDecode(const QString &text, int repeat, int rounds, qsizetype expectedSize)
{
    double best = 1e300;
    for (int round = 0; round < rounds; ++round) {
        const qint64 start = threadCpuNs();
        qsizetype sink = 0;
        for (int i = 0; i < repeat; ++i)
            sink += decodeProperties(text).entries().size();
        const qint64 ns = threadCpuNs() - start;
        if (sink != expectedSize * repeat)
            qFatal("decoded %lld pairs, expected %lld", qlonglong(sink), qlonglong(expectedSize * repeat));
        best = std::min(best, double(ns) / repeat);
    }
    return best;
}

// A consumed 4.9.8 message's properties (as in bench_feed), with lookups the client makes.
QString typicalText()
{
    const QStringList pairs{
        QStringLiteral("UNIQ_KEY\u00017F0000010E6F18B4AAC2711C0A2B0000"),
        QStringLiteral("KEYS\u0001order-4711"),
        QStringLiteral("TAGS\u0001TagA"),
        QStringLiteral("WAIT\u0001true"),
        QStringLiteral("CLUSTER\u0001DefaultCluster"),
        QStringLiteral("MIN_OFFSET\u00010"),
        QStringLiteral("MAX_OFFSET\u000112"),
    };
    return pairs.join(QChar(propsep::Property));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int maxPairs = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTextStream out(stdout);
    out << "sizeof(Properties) " << sizeof(Properties) << " B, sizeof(MessageExt) " << sizeof(MessageExt) << " B\n";
    out << "| properties | decode (best of 3, thread CPU) |\n|---|---|\n";
    // The usual few first: after the huge cases the heap is in another state.
    const QString typical = typicalText();
    const double typicalNs = bestNsPerDecode(typical, 200000, 5, 7);
    out << "| 7 pairs (a consumed message) | " << QString::number(typicalNs / 1e3, 'f', 2) << " us |\n";

    // Lookups on the typical set: value() of present and absent names.
    const Properties props = decodeProperties(typical);
    double bestLookup = 1e300;
    for (int round = 0; round < 5; ++round) {
        const qint64 start = threadCpuNs();
        qsizetype sink = 0;
        for (int i = 0; i < 1000000; ++i) {
            sink += props.value(prop::Tags).size();
            sink += props.value(prop::UniqueClientMessageId).size();
            sink += props.contains(prop::DelayTimeLevel) ? 1 : 0;
        }
        const qint64 ns = threadCpuNs() - start;
        if (sink != 1000000 * (4 + 32))
            qFatal("lookup sink %lld", qlonglong(sink));
        bestLookup = std::min(bestLookup, double(ns) / 3e6);
    }
    out << "| 7 pairs, one lookup (value/contains) | " << QString::number(bestLookup, 'f', 1) << " ns |\n";
    for (int pairs : {15, 16, 32, 64, 128, 5683, 100000}) {
        const QString text = buildText(pairs);
        if (pairs > maxPairs)
            break;
        const int repeat = pairs < 1000 ? 20000 * 16 / pairs : pairs < 10000 ? 3 : 1;
        const double ns = bestNsPerDecode(text, repeat, 3, pairs);
        out << "| " << pairs << " distinct pairs | "
            << (pairs < 1000 ? QString::number(ns / 1e3, 'f', 2) + QStringLiteral(" us")
                             : QString::number(ns / 1e6, 'f', 2) + QStringLiteral(" ms"))
            << " |\n";
        out.flush();
    }
    return 0;
}
