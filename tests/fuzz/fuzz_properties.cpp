// decodeProperties on the properties string (UTF-8 as stored, and the raw bytes read as
// UTF-16 to reach any code unit). Decoded properties must encode and decode to themselves.
#include "FuzzCheck.h"

#include "PropertyCodec.h"

#include <cstring>

namespace {

void check(const QString &text)
{
    const mq::Properties props = mq::decodeProperties(text);
    for (const auto &[name, value] : props.entries()) {
        FUZZ_CHECK(!name.isEmpty() && !value.isEmpty());
        FUZZ_CHECK(!name.contains(QChar(mq::propsep::NameValue)) && !name.contains(QChar(mq::propsep::Property)));
        FUZZ_CHECK(!value.contains(QChar(mq::propsep::Property)));
    }
    const QString encoded = mq::encodeProperties(props);
    FUZZ_CHECK(mq::decodeProperties(encoded) == props, encoded);
    FUZZ_CHECK(mq::encodeProperties(mq::decodeProperties(encoded)) == encoded);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    QString utf16(qsizetype(size / 2), Qt::Uninitialized);
    std::memcpy(utf16.data(), data, size_t(utf16.size()) * 2);
    check(utf16);
    return 0;
}
