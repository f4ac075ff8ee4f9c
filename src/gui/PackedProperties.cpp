#include "PackedProperties.h"

#include <utility>

namespace mq::gui::packed {

namespace detail {

namespace {

// Property names RocketMQ itself sets (MessageConst); code = index + 1, at most 63.
constexpr const char *kKnownNames[] = {"KEYS",
                                       "TAGS",
                                       "WAIT",
                                       "DELAY",
                                       "RETRY_TOPIC",
                                       "REAL_TOPIC",
                                       "REAL_QID",
                                       "TRAN_MSG",
                                       "PGROUP",
                                       "MIN_OFFSET",
                                       "MAX_OFFSET",
                                       "BUYER_ID",
                                       "ORIGIN_MESSAGE_ID",
                                       "TRANSFER_FLAG",
                                       "CORRECTION_FLAG",
                                       "MQ2_FLAG",
                                       "RECONSUME_TIME",
                                       "MSG_REGION",
                                       "TRACE_ON",
                                       "UNIQ_KEY",
                                       "EXTEND_UNIQ_INFO",
                                       "MAX_RECONSUME_TIMES",
                                       "CONSUME_START_TIME",
                                       "INNER_NUM",
                                       "INNER_BASE",
                                       "DUP_INFO",
                                       "CHECK_IMMUNITY_TIME_IN_SECONDS",
                                       "TRAN_PREPARED_QUEUE_OFFSET",
                                       "__transactionId__",
                                       "TRANSACTION_CHECK_TIMES",
                                       "INSTANCE_ID",
                                       "CORRELATION_ID",
                                       "REPLY_TO_CLIENT",
                                       "TTL",
                                       "ARRIVE_TIME",
                                       "PUSH_REPLY_TIME",
                                       "CLUSTER",
                                       "MSG_TYPE",
                                       "POP_CK",
                                       "__SHARDINGKEY",
                                       "TIMER_DELAY_SEC",
                                       "TIMER_DELIVER_MS",
                                       "__BORNHOST",
                                       "BORN_TIMESTAMP",
                                       "__STARTDELIVERTIME",
                                       "TIMER_ENQUEUE_MS",
                                       "TIMER_DEQUEUE_MS",
                                       "TIMER_ROLL_TIMES",
                                       "TIMER_OUT_MS",
                                       "TIMER_DEL_UNIQKEY",
                                       "TIMER_DELAY_LEVEL"};
constexpr int kKnownCount = int(std::size(kKnownNames));
// Names whose values repeat from message to message: kept once in the ValueTable.
constexpr const char *kSharedValueNames[] = {
    "TAGS",   "WAIT",       "DELAY",    "RETRY_TOPIC",         "REAL_TOPIC",  "REAL_QID", "TRAN_MSG",
    "PGROUP", "MSG_REGION", "TRACE_ON", "MAX_RECONSUME_TIMES", "INSTANCE_ID", "CLUSTER",  "MSG_TYPE"};
static_assert(kKnownCount <= 63, "name codes have six bits");

int codeOf(QByteArrayView name)
{
    static const QHash<QByteArray, int> codes = [] {
        QHash<QByteArray, int> h;
        for (int i = 0; i < kKnownCount; ++i)
            h.insert(QByteArray(kKnownNames[i]), i + 1);
        return h;
    }();
    return codes.value(QByteArray::fromRawData(name.data(), name.size()), 0);
}

bool hasSharedValues(int code)
{
    static const QList<bool> shared = [] {
        QList<bool> flags(kKnownCount + 1, false);
        for (const char *name : kSharedValueNames)
            for (int i = 0; i < kKnownCount; ++i)
                if (qstrcmp(name, kKnownNames[i]) == 0)
                    flags[i + 1] = true;
        return flags;
    }();
    return code > 0 && code <= kKnownCount && shared[code];
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1; // lower case too: it would not come back the same
}

bool isPackableHex(QByteArrayView value)
{
    if (value.isEmpty() || value.size() % 2 || value.size() > 2 * MaxHexBytes)
        return false;
    for (char c : value)
        if (hexDigit(c) < 0)
            return false;
    return true;
}

void writeNumber(QByteArray &out, qsizetype length) // LEB128
{
    auto v = quint64(length);
    do {
        const auto low = char(v & 0x7f);
        v >>= 7;
        out.append(v ? char(low | 0x80) : low);
    } while (v);
}

} // namespace

QByteArrayView knownName(int code)
{
    return code >= 1 && code <= kKnownCount ? QByteArrayView(kKnownNames[code - 1]) : QByteArrayView();
}

bool readNumber(QByteArrayView &in, qsizetype &number)
{
    quint64 v = 0;
    for (int shift = 0; shift < 63 && !in.isEmpty(); shift += 7) {
        const auto byte = quint8(in.front());
        in = in.sliced(1);
        v |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            number = qsizetype(v);
            return number >= 0;
        }
    }
    return false;
}

bool readLength(QByteArrayView &in, qsizetype &length)
{
    return readNumber(in, length) && length <= in.size();
}

void renderHex(QByteArrayView bytes, char *out)
{
    static constexpr char digits[] = "0123456789ABCDEF";
    for (char b : bytes) {
        *out++ = digits[quint8(b) >> 4];
        *out++ = digits[quint8(b) & 0xf];
    }
}

} // namespace detail

int ValueTable::indexOf(QByteArrayView value)
{
    if (value.size() > MaxValueSize)
        return -1;
    const QByteArray key = value.toByteArray();
    if (const auto it = m_index.constFind(key); it != m_index.constEnd())
        return *it;
    if (m_values.size() >= MaxValues)
        return -1;
    m_values.append(key);
    m_index.insert(key, int(m_values.size() - 1));
    return int(m_values.size() - 1);
}

void ValueTable::clear()
{
    m_values.clear();
    m_index.clear();
}

void pack(QByteArrayView properties, ValueTable &table, QByteArray &out)
{
    using namespace detail;
    while (!properties.isEmpty()) {
        qsizetype end = properties.indexOf('\x02');
        const bool last = end < 0;
        if (last)
            end = properties.size();
        const QByteArrayView item = properties.first(end);
        const qsizetype sep = item.indexOf('\x01');
        const QByteArrayView name = sep < 0 ? item : item.first(sep);
        const QByteArrayView value = sep < 0 ? QByteArrayView() : item.sliced(sep + 1);
        const int code = sep < 0 ? 0 : codeOf(name);
        const int shared = hasSharedValues(code) ? table.indexOf(value) : -1;
        const Kind kind = sep < 0 ? Bare : shared >= 0 ? Shared : isPackableHex(value) ? Hex : Text;
        out.append(char((code << 2) | kind));
        if (code == 0) {
            writeNumber(out, name.size());
            out.append(name);
        }
        if (kind == Shared) {
            writeNumber(out, shared);
        } else if (kind == Hex) {
            writeNumber(out, value.size() / 2);
            for (qsizetype i = 0; i < value.size(); i += 2)
                out.append(char(hexDigit(value[i]) << 4 | hexDigit(value[i + 1])));
        } else if (kind == Text) {
            writeNumber(out, value.size());
            out.append(value);
        }
        // A trailing \x02 leaves an empty last item, which must come back too.
        properties = last ? QByteArrayView() : properties.sliced(end + 1);
        if (!last && properties.isEmpty())
            out.append(char(Bare)).append('\0');
    }
}

QByteArray unpack(QByteArrayView packed, const ValueTable &table)
{
    QByteArray out;
    out.reserve(packed.size() * 2);
    bool first = true;
    detail::forEachItem(packed, table, [&](QByteArrayView name, QByteArrayView value, bool hasValue) {
        if (!std::exchange(first, false))
            out.append('\x02');
        out.append(name);
        if (hasValue)
            out.append('\x01').append(value);
    });
    return out;
}

QByteArray value(QByteArrayView packed, const ValueTable &table, QByteArrayView name)
{
    QByteArray found;
    forEachPair(packed, table, [&](QByteArrayView n, QByteArrayView v) {
        if (n == name)
            found = v.isEmpty() ? QByteArray("") : v.toByteArray();
    });
    return found;
}

} // namespace mq::gui::packed
