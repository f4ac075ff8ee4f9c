// decodeBatch on a SEND_BATCH_MESSAGE body. What decodes must survive encodeBatch and decode
// to the same messages (MAGICCODE/BODYCRC are written as 0 and the properties string is
// normalised, so bytes may differ).
#include "FuzzCheck.h"

#include "MessageCodec.h"

namespace {

bool sameMessage(const mq::Message &a, const mq::Message &b)
{
    if (a.topic != b.topic || a.flag != b.flag || a.body != b.body)
        return false;
    const auto &x = a.properties.entries();
    const auto &y = b.properties.entries();
    if (x.size() != y.size())
        return false;
    for (qsizetype i = 0; i < x.size(); ++i)
        if (fuzz::utf8Normalized(x[i].first) != fuzz::utf8Normalized(y[i].first) ||
            fuzz::utf8Normalized(x[i].second) != fuzz::utf8Normalized(y[i].second))
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto decoded = mq::decodeBatch(fuzz::bytes(data, size));
    if (!decoded) {
        FUZZ_CHECK(!decoded.error().message.isEmpty());
        return 0;
    }
    const QByteArray again = mq::encodeBatch(*decoded);
    auto round = mq::decodeBatch(again);
    FUZZ_CHECK(round.ok(), round.ok() ? QString() : round.error().message);
    FUZZ_CHECK(round->size() == decoded->size());
    for (qsizetype i = 0; i < decoded->size(); ++i)
        FUZZ_CHECK(sameMessage(decoded->at(i), round->at(i)), QStringLiteral("message %1 differs").arg(i));
    FUZZ_CHECK(mq::encodeBatch(*round) == again);
    return 0;
}
