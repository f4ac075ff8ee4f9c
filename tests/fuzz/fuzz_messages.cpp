// decodeMessages on a pull / query / view-by-id body (MessageDecoder stored layout).
// Decoded as stored (no inflating, no CRC check), every message must re-encode through
// encodeStoredMessage to exactly its input bytes when its topic and properties are valid
// UTF-8 and a V1 topic fits a signed byte (the encoder switches longer topics to V2).
// The default options (CRC check, inflate) run too, for the decompression paths.
#include "FuzzCheck.h"

#include "MessageCodec.h"
#include "MessageId.h"

#include <QByteArrayView>
#include <QtEndian>

namespace {

constexpr qsizetype kMaxBody = 1 << 20; // keep bombs cheap under the fuzzer

// The stored topic and properties bytes of a message that decoded, located from its end.
bool reencodable(const QByteArray &raw, const mq::MessageExt &m)
{
    const QByteArray topic = m.topic.toUtf8();
    const QByteArray props = m.rawProperties.toUtf8();
    const qsizetype propsAt = raw.size() - props.size();
    const qsizetype topicAt = propsAt - 2 - topic.size();
    if (topicAt < 0 || raw.mid(propsAt) != props || raw.mid(topicAt, topic.size()) != topic)
        return false; // not valid UTF-8, so the decoded strings differ from the bytes
    if (quint32(m.magicCode) == mq::magic::MessageV1 && topic.size() > 127)
        return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);

    mq::DecodeOptions checked;
    checked.maxBodySize = kMaxBody;
    auto full = mq::decodeMessages(input, checked);
    if (full) {
        for (const auto &m : *full)
            FUZZ_CHECK(!(m.sysFlag & mq::sysflag::Compressed) || m.body.size() <= kMaxBody);
    } else {
        FUZZ_CHECK(!full.error().message.isEmpty());
    }

    mq::DecodeOptions stored;
    stored.decompressBody = false;
    stored.checkCrc = false;
    auto raw = mq::decodeMessages(input, stored);
    if (!raw) {
        FUZZ_CHECK(!raw.error().message.isEmpty());
        return 0;
    }
    FUZZ_CHECK(!full.ok() || full->size() == raw->size());
    qsizetype pos = 0;
    for (const mq::MessageExt &m : *raw) {
        const QByteArray own = input.mid(pos, m.storeSize);
        pos += m.storeSize;
        FUZZ_CHECK(m.offsetMsgId == mq::encodeOffsetMsgId(m.storeHost, m.commitLogOffset));
        if (!reencodable(own, m))
            continue;
        const QByteArray again = mq::encodeStoredMessage(m);
        FUZZ_CHECK(again == own, QStringLiteral("re-encoded %1 bytes differ from the %2 decoded (first at %3)")
                                     .arg(again.size())
                                     .arg(own.size())
                                     .arg([&] {
                                         qsizetype i = 0;
                                         while (i < again.size() && i < own.size() && again[i] == own[i])
                                             ++i;
                                         return i;
                                     }()));
    }
    FUZZ_CHECK(pos == input.size());
    return 0;
}
