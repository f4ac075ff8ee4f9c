// fuzz_make_corpus OUT_DIR [FIXTURES_DIR]: writes the fixture seeds of every target to
// OUT_DIR/<target>/<sha1>, the seed corpus directories libFuzzer reads.
#include "Seeds.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s OUT_DIR [FIXTURES_DIR]\n", argv[0]);
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    const QString fixtures = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral(MQDESK_FIXTURES_DIR);
    for (const QString &target : fuzz::targetNames()) {
        const QList<QByteArray> seeds = fuzz::fixtureSeeds(target, fixtures);
        if (seeds.isEmpty()) {
            std::fprintf(stderr, "no seeds for %s: are the fixtures at %s?\n", qPrintable(target),
                         qPrintable(fixtures));
            return 1;
        }
        QDir dir(out + QLatin1Char('/') + target);
        if (!dir.mkpath(QStringLiteral(".")))
            return 1;
        qint64 bytes = 0;
        for (const QByteArray &seed : seeds) {
            QFile f(
                dir.filePath(QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha1).toHex())));
            if (!f.open(QIODevice::WriteOnly) || f.write(seed) != seed.size())
                return 1;
            bytes += seed.size();
        }
        std::printf("%-16s %4lld seeds, %7lld bytes\n", qPrintable(target), qlonglong(seeds.size()), qlonglong(bytes));
    }
    return 0;
}
