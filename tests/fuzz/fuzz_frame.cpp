// frame::decode on one whole frame. A frame that decodes must re-encode to bytes that decode
// to the same command (the encoder normalises, e.g. JSON whitespace, so bytes may differ).
#include "FuzzCheck.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    auto decoded = mq::frame::decode(input);
    if (!decoded) {
        FUZZ_CHECK(!decoded.error().message.isEmpty(), QStringLiteral("error without a message"));
        return 0;
    }
    const QByteArray again = mq::frame::encode(*decoded);
    auto redecoded = mq::frame::decode(again);
    FUZZ_CHECK(redecoded.ok(), redecoded.ok() ? QString() : redecoded.error().message);
    const QString diff = fuzz::commandDifference(*decoded, *redecoded);
    FUZZ_CHECK(diff.isEmpty(), diff);
    // The normalised form is a fixed point of encode(decode(.)).
    FUZZ_CHECK(mq::frame::encode(*redecoded) == again);
    return 0;
}
