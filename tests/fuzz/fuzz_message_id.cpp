// Message id parsing: decodeOffsetMsgId, decodeUniqueKey and classifyMessageId on any text.
// A parsed offsetMsgId re-encodes to the same hex, a parsed UNIQ_KEY's fields re-assemble
// into the same hex, and classification agrees with what decodes.
#include "FuzzCheck.h"

#include "MessageId.h"

#include <QtEndian>

namespace {

const QDateTime &fixedNow()
{
    static const QDateTime now = QDateTime(QDate(2026, 3, 5), QTime(1, 2, 3), QTimeZone::utc());
    return now;
}

const QTimeZone &zoneFor(uint8_t selector)
{
    static const QTimeZone zones[] = {QTimeZone::utc(), QTimeZone("Asia/Shanghai"), QTimeZone("America/New_York"),
                                      QTimeZone(-9 * 3600)};
    return zones[selector % 4];
}

void check(QStringView id, uint8_t selector)
{
    QString reason;
    const mq::MessageIdKind kind = mq::classifyMessageId(id, &reason);
    FUZZ_CHECK(!reason.isEmpty());
    const QString upper = id.toString().toUpper();

    auto offset = mq::decodeOffsetMsgId(id);
    if (offset) {
        FUZZ_CHECK(offset->commitLogOffset >= 0);
        const QString again = mq::encodeOffsetMsgId(offset->storeHost, offset->commitLogOffset);
        FUZZ_CHECK(again == upper, again + QStringLiteral(" vs ") + upper);
    } else {
        FUZZ_CHECK(!offset.error().message.isEmpty());
    }
    if (kind == mq::MessageIdKind::OffsetMsgId)
        FUZZ_CHECK(offset.ok(), QStringLiteral("classified as offsetMsgId but does not decode as one"));

    auto key = mq::decodeUniqueKey(id, fixedNow(), zoneFor(selector));
    FUZZ_CHECK(key.ok() == (kind != mq::MessageIdKind::Invalid), reason);
    if (!key)
        return;
    FUZZ_CHECK(key->bornTime.isValid());
    QByteArray raw;
    if (id.size() == 32) {
        char v4[4];
        qToBigEndian(key->ip.toIPv4Address(), v4);
        raw.append(v4, 4);
    } else {
        const Q_IPV6ADDR v6 = key->ip.toIPv6Address();
        raw.append(reinterpret_cast<const char *>(v6.c), 16);
    }
    char tail[12];
    qToBigEndian(key->pid, tail);
    qToBigEndian(key->classLoaderHash, tail + 2);
    qToBigEndian(key->msSinceMonthStart, tail + 6);
    qToBigEndian(key->counter, tail + 10);
    raw.append(tail, 12);
    FUZZ_CHECK(mq::hexEncode(raw) == upper, mq::hexEncode(raw) + QStringLiteral(" vs ") + upper);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const auto *text = reinterpret_cast<const char *>(data + 1);
    check(QString::fromLatin1(text, qsizetype(size - 1)), data[0]);
    check(QString::fromUtf8(text, qsizetype(size - 1)), data[0]);
    return 0;
}
