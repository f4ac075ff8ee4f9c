// fuzz_replay: runs every fuzz target without libFuzzer (any compiler). For each target it
// replays the seeds cut from the fixtures and tests/fuzz/corpus/<target>/, then runs
// deterministic mutations (seeded PRNG) until its share of the time budget or the iteration
// cap is used up. A crash or invariant violation aborts; the input is saved first.
//
//   fuzz_replay [--budget-ms N] [--max-iterations N] [--seed N] [--target NAME]...
//               [--fixtures DIR] [--corpus DIR] [--crash-dir DIR] [FILE...]
//
// With FILEs it only runs those inputs (reproducers) through the selected targets.

#include "FuzzTargets.h"
#include "Mutator.h"
#include "Seeds.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

#define MQDESK_FUZZ_DECLARE(name) extern "C" int mqdesk_fuzz_##name(const uint8_t *data, size_t size);
MQDESK_FUZZ_TARGETS(MQDESK_FUZZ_DECLARE)
#undef MQDESK_FUZZ_DECLARE

namespace {

struct Target {
    const char *name;
    int (*run)(const uint8_t *, size_t);
};

#define MQDESK_FUZZ_ENTRY(name) {#name, mqdesk_fuzz_##name},
const Target kTargets[] = {MQDESK_FUZZ_TARGETS(MQDESK_FUZZ_ENTRY)};
#undef MQDESK_FUZZ_ENTRY

// What the signal handler needs, prepared before each input so the handler only writes.
const char *g_target = "";
const QByteArray *g_input = nullptr;
char g_crashPath[4096] = {};

void writeAll(int fd, const char *p, size_t n)
{
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w <= 0)
            return;
        p += w;
        n -= size_t(w);
    }
}

void writeText(const char *s)
{
    writeAll(2, s, std::strlen(s));
}

extern "C" void onCrash(int sig)
{
    writeText("\nfuzz_replay: target ");
    writeText(g_target);
    writeText(" crashed or failed an invariant; input saved to ");
    writeText(g_crashPath);
    writeText("\ninput hex (first 512 bytes): ");
    if (g_input) {
        static const char hex[] = "0123456789abcdef";
        const qsizetype n = qMin<qsizetype>(g_input->size(), 512);
        for (qsizetype i = 0; i < n; ++i) {
            const auto b = uchar(g_input->at(i));
            const char pair[2] = {hex[b >> 4], hex[b & 15]};
            writeAll(2, pair, 2);
        }
        const int fd = ::open(g_crashPath, O_CREAT | O_WRONLY | O_TRUNC, 0644);
        if (fd >= 0) {
            writeAll(fd, g_input->constData(), size_t(g_input->size()));
            ::close(fd);
        }
    }
    writeText("\n");
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

int runOne(const Target &t, const QByteArray &input)
{
    g_input = &input;
    // libFuzzer hands targets a buffer of exactly the input's size; so do we, so that an
    // overread lands past the allocation where a sanitizer build can see it.
    std::unique_ptr<uint8_t[]> copy(new uint8_t[size_t(qMax<qsizetype>(input.size(), 1))]);
    std::memcpy(copy.get(), input.constData(), size_t(input.size()));
    const int rc = t.run(copy.get(), size_t(input.size()));
    g_input = nullptr;
    return rc;
}

struct Options {
    qint64 budgetMs = 15000;
    qint64 maxIterations = 1000000;
    quint64 seed = 1;
    QStringList targets;
    QString fixtures = QStringLiteral(MQDESK_FIXTURES_DIR);
    QString corpus = QStringLiteral(MQDESK_SOURCE_DIR "/tests/fuzz/corpus");
    QString crashDir = QStringLiteral(".");
    QStringList files;
};

bool parseArgs(int argc, char **argv, Options &o)
{
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        auto value = [&]() -> QString { return i + 1 < argc ? QString::fromLocal8Bit(argv[++i]) : QString(); };
        if (arg == u"--budget-ms")
            o.budgetMs = value().toLongLong();
        else if (arg == u"--max-iterations")
            o.maxIterations = value().toLongLong();
        else if (arg == u"--seed")
            o.seed = value().toULongLong();
        else if (arg == u"--target")
            o.targets << value();
        else if (arg == u"--fixtures")
            o.fixtures = value();
        else if (arg == u"--corpus")
            o.corpus = value();
        else if (arg == u"--crash-dir")
            o.crashDir = value();
        else if (arg.startsWith(u"--")) {
            std::fprintf(stderr, "fuzz_replay: unknown option %s\n", argv[i]);
            return false;
        } else
            o.files << arg;
    }
    for (const QString &name : o.targets) {
        if (!fuzz::targetNames().contains(name)) {
            std::fprintf(stderr, "fuzz_replay: no target '%s' (have: %s)\n", qPrintable(name),
                         qPrintable(fuzz::targetNames().join(u", ")));
            return false;
        }
    }
    if (o.targets.isEmpty())
        o.targets = fuzz::targetNames();
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    if (!parseArgs(argc, argv, o))
        return 2;
    for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL})
        std::signal(sig, onCrash);

    QList<const Target *> selected;
    for (const Target &t : kTargets)
        if (o.targets.contains(QLatin1String(t.name)))
            selected.append(&t);

    if (!o.files.isEmpty()) {
        for (const Target *t : selected) {
            g_target = t->name;
            for (const QString &file : o.files) {
                QFile f(file);
                if (!f.open(QIODevice::ReadOnly)) {
                    std::fprintf(stderr, "fuzz_replay: cannot read %s\n", qPrintable(file));
                    return 2;
                }
                std::snprintf(g_crashPath, sizeof g_crashPath, "%s/fuzz-replay-crash-%s.bin", qPrintable(o.crashDir),
                              t->name);
                runOne(*t, f.readAll());
            }
            std::printf("%-16s %lld file(s) ok\n", t->name, qlonglong(o.files.size()));
        }
        return 0;
    }

    QElapsedTimer total;
    total.start();
    qint64 grandTotal = 0;
    for (qsizetype ti = 0; ti < selected.size(); ++ti) {
        const Target &t = *selected[ti];
        g_target = t.name;
        std::snprintf(g_crashPath, sizeof g_crashPath, "%s/fuzz-replay-crash-%s.bin", qPrintable(o.crashDir), t.name);
        QList<QByteArray> pool = fuzz::fixtureSeeds(QLatin1String(t.name), o.fixtures);
        if (pool.isEmpty()) {
            std::fprintf(stderr, "fuzz_replay: no fixture seeds for %s in %s\n", t.name, qPrintable(o.fixtures));
            return 1;
        }
        const qsizetype fixtureCount = pool.size();
        pool += fuzz::readCorpusDir(o.corpus + QLatin1Char('/') + QLatin1String(t.name));
        const qsizetype seedCount = pool.size();

        QElapsedTimer timer;
        timer.start();
        for (const QByteArray &seed : std::as_const(pool))
            runOne(t, seed);

        // This target's share of what is left of the budget.
        const qint64 shareMs = qMax<qint64>(0, (o.budgetMs - total.elapsed()) / (selected.size() - ti));
        fuzz::Mutator mutator(o.seed * 0x9E3779B97F4A7C15ull + quint64(ti));
        qint64 iterations = 0;
        while (iterations < o.maxIterations && timer.elapsed() < shareMs) {
            const QByteArray &base = pool.at(qsizetype(mutator.below(quint64(pool.size()))));
            const QByteArray input = mutator.mutate(base, pool);
            runOne(t, input);
            ++iterations;
            // Keep a few mutants so later rounds go deeper than one step from a seed.
            if (mutator.below(16) == 0 && pool.size() < 4096)
                pool.append(input);
        }
        grandTotal += seedCount + iterations;
        std::printf("%-16s %4lld fixture seeds + %3lld corpus files, %8lld mutations in %6lld ms (%.0f exec/s)\n",
                    t.name, qlonglong(fixtureCount), qlonglong(seedCount - fixtureCount), qlonglong(iterations),
                    qlonglong(timer.elapsed()),
                    double(seedCount + iterations) * 1000.0 / qMax<qint64>(1, timer.elapsed()));
        std::fflush(stdout);
    }
    std::printf("fuzz_replay: %lld executions across %lld targets in %lld ms, no crash, no invariant violated\n",
                qlonglong(grandTotal), qlonglong(selected.size()), qlonglong(total.elapsed()));
    return 0;
}
