// FrameDecoder fed the input in chunk sizes derived from the input itself. Whatever the
// chunking, it must yield exactly what it yields when fed everything at once, and every frame
// it yields must equal frame::decode of that frame's own bytes.
#include "FuzzCheck.h"

#include <QList>
#include <QtEndian>

#include <variant>

namespace {

constexpr qint64 kMaxFrame = 1 << 20;
using Event = std::variant<mq::RemotingCommand, mq::Error>;

// Drains every complete frame; stops after the first stream error (the decoder is then dead).
void drain(mq::FrameDecoder &decoder, QList<Event> &events)
{
    while (!decoder.failed()) {
        auto next = decoder.next();
        if (!next) {
            events.append(next.error());
            continue; // a bad header skips that frame; a bad length prefix sets failed()
        }
        if (!next->has_value())
            return;
        events.append(std::move(**next));
    }
}

QList<Event> decodeAll(const QByteArray &stream, quint32 seed, bool oneShot)
{
    mq::FrameDecoder decoder(kMaxFrame);
    QList<Event> events;
    qsizetype pos = 0;
    quint32 state = seed | 1;
    while (pos < stream.size() && !decoder.failed()) {
        qsizetype chunk = stream.size() - pos;
        if (!oneShot) {
            state ^= state << 13; // xorshift32: cheap, deterministic chunk sizes
            state ^= state >> 17;
            state ^= state << 5;
            // Mostly a few hundred bytes, sometimes 1..8 so prefixes and headers get split too.
            chunk = qMin<qsizetype>(chunk, (state & 3) == 0 ? 1 + (state >> 2) % 8 : 1 + (state >> 2) % 700);
        }
        decoder.feed(stream.mid(pos, chunk));
        pos += chunk;
        drain(decoder, events);
    }
    return events;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray stream = fuzz::bytes(data + 1, size - 1);
    const QList<Event> whole = decodeAll(stream, 0, true);
    const QList<Event> chunked = decodeAll(stream, quint32(data[0]) * 2654435761u, false);
    FUZZ_CHECK(whole.size() == chunked.size(),
               QStringLiteral("%1 events fed whole, %2 fed in chunks").arg(whole.size()).arg(chunked.size()));
    qsizetype offset = 0; // where event i's frame starts in the stream
    for (qsizetype i = 0; i < whole.size(); ++i) {
        FUZZ_CHECK(whole[i].index() == chunked[i].index(), QStringLiteral("event %1 differs in kind").arg(i));
        FUZZ_CHECK(stream.size() - offset >= 4, QStringLiteral("event %1 without a length prefix").arg(i));
        const qint64 frameSize = qint64(qFromBigEndian<qint32>(stream.constData() + offset)) + 4;
        const auto *err = std::get_if<mq::Error>(&whole[i]);
        // A bad length prefix ends the stream: frame::decode must reject the rest the same way.
        const bool fatal = err && err->code != mq::Error::Code::MalformedHeader;
        auto single = mq::frame::decode(fatal ? stream.mid(offset) : stream.mid(offset, frameSize), kMaxFrame);
        if (err) {
            FUZZ_CHECK(err->code == std::get<mq::Error>(chunked[i]).code);
            FUZZ_CHECK(!err->message.isEmpty());
            FUZZ_CHECK(!single.ok() && single.error().code == err->code,
                       QStringLiteral("stream error '%1', frame::decode says '%2'")
                           .arg(err->message, single.ok() ? QStringLiteral("ok") : single.error().message));
        } else {
            const auto &cmd = std::get<mq::RemotingCommand>(whole[i]);
            QString diff = fuzz::commandDifference(cmd, std::get<mq::RemotingCommand>(chunked[i]));
            FUZZ_CHECK(diff.isEmpty(), diff);
            FUZZ_CHECK(single.ok(), single.ok() ? QString() : single.error().message);
            diff = fuzz::commandDifference(cmd, *single);
            FUZZ_CHECK(diff.isEmpty(), diff);
        }
        offset += frameSize;
    }
    return 0;
}
