#pragma once

#include "FuzzCheck.h"

namespace fuzz {

// decodeHeader on raw header bytes of one serialization. A header that decodes must
// re-encode (same serialization) to bytes that decode to the same command, and those bytes
// are a fixed point of encode(decode(.)).
inline void checkHeader(const uint8_t *data, size_t size, mq::SerializeType type)
{
    mq::RemotingCommand cmd;
    const auto st = mq::frame::decodeHeader(reinterpret_cast<const char *>(data), qsizetype(size), type, cmd);
    if (!st) {
        FUZZ_CHECK(!st.error().message.isEmpty());
        return;
    }
    FUZZ_CHECK(cmd.serializeType == type);
    const QByteArray again = mq::frame::encodeHeader(cmd);
    mq::RemotingCommand round;
    const auto st2 = mq::frame::decodeHeader(again.constData(), again.size(), type, round);
    FUZZ_CHECK(st2.ok(), st2.ok() ? QString() : st2.error().message);
    const QString diff = commandDifference(cmd, round);
    FUZZ_CHECK(diff.isEmpty(), diff);
    FUZZ_CHECK(mq::frame::encodeHeader(round) == again);
}

} // namespace fuzz
