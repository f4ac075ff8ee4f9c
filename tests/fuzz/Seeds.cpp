#include "Seeds.h"

#include "Compression.h"
#include "FastJson.h"
#include "FuzzCheck.h"
#include "FuzzTargets.h"
#include "MessageCodec.h"
#include "RemotingCommand.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace fuzz {

namespace {

struct Recorded {
    QString conn; // "ns7", "broker16": frames of one connection form a stream
    QByteArray bytes;
    mq::RemotingCommand cmd;
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<Recorded> recordedFrames(const QString &fixturesDir)
{
    QList<Recorded> out;
    const QDir frames(fixturesDir + QStringLiteral("/frames"));
    for (const QString &name : frames.entryList({QStringLiteral("*.bin")}, QDir::Files, QDir::Name)) {
        const QByteArray bytes = readAll(frames.filePath(name));
        auto cmd = mq::frame::decode(bytes);
        if (cmd)
            out.append({name.section(QLatin1Char('-'), 1, 1), bytes, *cmd});
    }
    const QByteArray acl = readAll(fixturesDir + QStringLiteral("/acl-signed-send-frame.bin"));
    if (auto cmd = mq::frame::decode(acl))
        out.append({QStringLiteral("acl"), acl, *cmd});
    return out;
}

mq::RemotingCommand asBinary(mq::RemotingCommand cmd)
{
    cmd.serializeType = mq::SerializeType::RocketMq;
    return cmd;
}

QList<mq::MessageExt> storedMessages(const QList<Recorded> &frames)
{
    QList<mq::MessageExt> out;
    mq::DecodeOptions raw;
    raw.decompressBody = false;
    for (const auto &f : frames)
        if (!f.cmd.body.isEmpty())
            if (auto msgs = mq::decodeMessages(f.cmd.body, raw))
                out += *msgs;
    return out;
}

// Messages the recording lacks: lz4 / zstd bodies, IPv6 hosts, a V2 (2-byte topic) layout.
QList<QByteArray> synthesizedMessages(const QList<mq::MessageExt> &recorded)
{
    QList<QByteArray> out;
    if (recorded.isEmpty())
        return out;
    mq::MessageExt m = recorded.first();
    const QByteArray plain = QByteArray("synthesized body ").repeated(40);
    const mq::CompressionType types[] = {mq::CompressionType::Lz4, mq::CompressionType::Zstd,
                                         mq::CompressionType::Zlib};
    for (const auto type : types) {
        auto packed = mq::compress(plain, type);
        if (!packed)
            continue;
        m.body = *packed;
        m.bodyCrc = mq::bodyCrc32(m.body);
        m.sysFlag = mq::sysFlagForCompression(type);
        out.append(mq::encodeStoredMessage(m));
    }
    m = recorded.first();
    m.bornHost.address = QHostAddress(QStringLiteral("fd00::2"));
    m.storeHost.address = QHostAddress(QStringLiteral("fd00::1"));
    m.magicCode = int(mq::magic::MessageV2);
    out.append(mq::encodeStoredMessage(m));
    return out;
}

void addUnique(QList<QByteArray> &list, QSet<QByteArray> &seen, const QByteArray &seed)
{
    if (!seen.contains(seed)) {
        seen.insert(seed);
        list.append(seed);
    }
}

QList<QByteArray> idSeeds(const QString &fixturesDir, const QList<mq::MessageExt> &messages)
{
    QList<QByteArray> ids;
    static const QRegularExpression hexId(QStringLiteral("\\b[0-9A-Fa-f]{32}(?:[0-9A-Fa-f]{24})?\\b"));
    const QString truth = QString::fromUtf8(readAll(fixturesDir + QStringLiteral("/ground-truth.jsonl")));
    for (auto it = hexId.globalMatch(truth); it.hasNext();)
        ids.append(it.next().captured().toLatin1());
    for (const auto &m : messages) {
        ids.append(m.offsetMsgId.toLatin1());
        ids.append(m.uniqueKey().toLatin1());
    }
    QList<QByteArray> out;
    for (qsizetype i = 0; i < ids.size(); ++i)
        if (!ids[i].isEmpty())
            out.append(char(i % 4) + ids[i]); // first byte: the time zone selector
    return out;
}

QList<QByteArray> rawSeeds(const QString &target, const QString &fixturesDir)
{
    const QList<Recorded> frames = recordedFrames(fixturesDir);
    if (frames.isEmpty())
        return {};
    QList<QByteArray> out;
    if (target == u"frame") {
        for (const auto &f : frames) {
            out.append(f.bytes);
            out.append(mq::frame::encode(asBinary(f.cmd)));
        }
    } else if (target == u"frame_stream") {
        // Runs of consecutive frames of one connection (a few KiB, so runs stay fast), with
        // JSON and with binary headers; byte 0 seeds the chunking.
        QMap<QString, QByteArray> streams;
        char chunkSeed = 0;
        auto add = [&](const QString &key, const QByteArray &frame) {
            QByteArray &s = streams[key];
            if (!s.isEmpty() && s.size() + frame.size() > 4096) {
                out.append(char(chunkSeed++) + s);
                s.clear();
            }
            s += frame;
        };
        for (const auto &f : frames) {
            add(f.conn + QStringLiteral("-json"), f.bytes);
            add(f.conn + QStringLiteral("-binary"), mq::frame::encode(asBinary(f.cmd)));
        }
        for (const QByteArray &s : std::as_const(streams))
            out.append(char(chunkSeed++) + s);
    } else if (target == u"header_json") {
        for (const auto &f : frames)
            out.append(mq::frame::encodeHeader(f.cmd));
    } else if (target == u"header_rocketmq") {
        for (const auto &f : frames)
            out.append(mq::frame::encodeHeader(asBinary(f.cmd)));
    } else if (target == u"body_data") {
        // Every JSON body for every parser: byte 0 selects the parser.
        for (const auto &f : frames)
            if (!f.cmd.body.isEmpty() && mq::json::parse(f.cmd.body))
                for (int parser = 0; parser < kBodyParsers; ++parser)
                    out.append(char(parser) + f.cmd.body);
    } else if (target == u"json") {
        for (const auto &f : frames)
            if (!f.cmd.body.isEmpty() && mq::json::parse(f.cmd.body))
                out.append(f.cmd.body);
        for (const auto &f : frames)
            out.append(mq::frame::encodeHeader(f.cmd));
        const QByteArray truth = readAll(fixturesDir + QStringLiteral("/ground-truth.jsonl"));
        for (const QByteArray &line : truth.split('\n'))
            if (line.startsWith('{'))
                out.append(line);
    } else if (target == u"messages") {
        const QList<mq::MessageExt> messages = storedMessages(frames);
        for (const auto &f : frames)
            if (!f.cmd.body.isEmpty() && mq::decodeMessages(f.cmd.body, {false, false}))
                out.append(f.cmd.body);
        for (const auto &m : messages)
            out.append(mq::encodeStoredMessage(m));
        out += synthesizedMessages(messages);
    } else if (target == u"batch") {
        for (const auto &f : frames)
            if (f.cmd.code == int(mq::RequestCode::SendBatchMessage) && mq::decodeBatch(f.cmd.body))
                out.append(f.cmd.body);
    } else if (target == u"properties") {
        for (const auto &m : storedMessages(frames))
            out.append(m.rawProperties.toUtf8());
        for (const auto &f : frames)
            for (const char *key : {"i", "properties"})
                if (f.cmd.extFields && f.cmd.extFields->contains(QLatin1String(key)))
                    out.append(f.cmd.extFields->value(QLatin1String(key)).toUtf8());
    } else if (target == u"decompress") {
        for (const auto &m : storedMessages(frames)) {
            if (!(m.sysFlag & mq::sysflag::Compressed))
                continue;
            if (auto type = mq::compressionTypeFromSysFlag(m.sysFlag))
                out.append(char(*type == mq::CompressionType::Zlib   ? 0
                                : *type == mq::CompressionType::Zstd ? 1
                                                                     : 2) +
                           m.body);
        }
        const QByteArray plain = frames.first().bytes.repeated(8);
        const mq::CompressionType types[] = {mq::CompressionType::Zlib, mq::CompressionType::Zstd,
                                             mq::CompressionType::Lz4};
        for (int i = 0; i < 3; ++i)
            if (auto packed = mq::compress(plain, types[i]))
                out.append(char(i | 0x80) + *packed);
    } else if (target == u"message_id") {
        out = idSeeds(fixturesDir, storedMessages(frames));
    }
    return out;
}

} // namespace

QStringList targetNames()
{
#define MQDESK_FUZZ_NAME(name) QStringLiteral(#name),
    return {MQDESK_FUZZ_TARGETS(MQDESK_FUZZ_NAME)};
#undef MQDESK_FUZZ_NAME
}

QList<QByteArray> fixtureSeeds(const QString &target, const QString &fixturesDir)
{
    QList<QByteArray> out;
    QSet<QByteArray> seen;
    for (const QByteArray &seed : rawSeeds(target, fixturesDir))
        addUnique(out, seen, seed);
    return out;
}

QList<QByteArray> readCorpusDir(const QString &dir)
{
    QList<QByteArray> out;
    const QDir d(dir);
    for (const QString &name : d.entryList(QDir::Files, QDir::Name))
        out.append(readAll(d.filePath(name)));
    return out;
}

} // namespace fuzz
