#include "fixture_exchanges.h"

#include <QHash>

namespace fixtures {

QList<Exchange> exchanges(int requestCode)
{
    QHash<QString, const FrameRecord *> pending; // "conn/dir/opaque" -> request
    QList<Exchange> out;
    static const QList<FrameRecord> all = frames();
    for (const FrameRecord &f : all) {
        const int flag = int(f.header[u"flag"].toInt());
        const QString opaque = QString::number(f.header[u"opaque"].toInt());
        if (!(flag & 1)) {
            const QString key = f.conn + QLatin1Char('/') + f.dir + QLatin1Char('/') + opaque;
            if (f.header[u"code"].toInt() == requestCode)
                pending.insert(key, &f);
            continue;
        }
        // A response travels the other way: the broker also sends requests to the client.
        const QString requestDir = f.dir == u"s2c" ? QStringLiteral("c2s") : QStringLiteral("s2c");
        const FrameRecord *req = pending.take(f.conn + QLatin1Char('/') + requestDir + QLatin1Char('/') + opaque);
        if (!req)
            continue;
        auto request = mq::frame::decode(req->bytes);
        auto response = mq::frame::decode(f.bytes);
        if (!request || !response)
            qFatal("fixture frame %d or %d does not decode", req->seq, f.seq);
        out.append({req->seq, f.seq, *request, *response});
    }
    return out;
}

QList<Exchange> successfulWithBody(int requestCode)
{
    QList<Exchange> out;
    for (const Exchange &e : exchanges(requestCode))
        if (e.response.code == 0 && !e.response.body.isEmpty())
            out.append(e);
    return out;
}

} // namespace fixtures
