#include "fixtures.h"

#include <QFile>
#include <QtTest>

namespace fixtures {

QString dir()
{
    return QStringLiteral(MQDESK_FIXTURES_DIR);
}

QByteArray readFile(const QString &relativePath)
{
    QFile f(dir() + QLatin1Char('/') + relativePath);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(f.fileName()));
    return f.readAll();
}

QList<FrameRecord> frames()
{
    static QList<FrameRecord> cache;
    if (!cache.isEmpty())
        return cache;
    const QList<QByteArray> lines = readFile(QStringLiteral("index.jsonl")).split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        auto parsed = mq::json::parse(line);
        if (!parsed)
            qFatal("index.jsonl: %s", qPrintable(parsed.error().message));
        const auto &v = *parsed;
        FrameRecord r;
        r.seq = int(v[u"seq"].toInt());
        r.conn = v[u"conn"].toString();
        r.dir = v[u"dir"].toString();
        r.file = v[u"file"].toString();
        r.serialize = int(v[u"serialize"].toInt());
        r.headerLen = int(v[u"headerLen"].toInt());
        r.bodyLen = int(v[u"bodyLen"].toInt());
        r.header = v[u"header"];
        r.bytes = readFile(r.file);
        cache.append(r);
    }
    return cache;
}

const FrameRecord *frameBySeq(int seq)
{
    static const QList<FrameRecord> all = frames();
    for (const auto &f : all)
        if (f.seq == seq)
            return &f;
    return nullptr;
}

QList<mq::json::Value> groundTruth(const QString &kind)
{
    QList<mq::json::Value> out;
    const QList<QByteArray> lines = readFile(QStringLiteral("ground-truth.jsonl")).split('\n');
    for (const QByteArray &line : lines) {
        if (!line.startsWith('{'))
            continue; // the recorder's log lines
        auto parsed = mq::json::parse(line);
        if (!parsed)
            qFatal("ground-truth.jsonl: %s", qPrintable(parsed.error().message));
        if ((*parsed)[u"kind"].toString() == kind)
            out.append((*parsed)[u"data"]);
    }
    return out;
}

} // namespace fixtures
