#include "MessageCodec.h"

#include "MessageId.h"
#include "PropertyCodec.h"

#include <QtEndian>

#include <cstring>

#include <zlib.h>

namespace mq {

namespace {

constexpr qsizetype kMaxShortField = 32767; // Java writes these lengths as a signed short

// Reads big-endian fields of one message, checking each against the message's end.
class FieldReader {
public:
    FieldReader(const QByteArray &data, qsizetype start, qsizetype end, int index)
        : m_data(reinterpret_cast<const uchar *>(data.constData()))
        , m_start(start)
        , m_pos(start)
        , m_end(end)
        , m_index(index)
    {}

    qsizetype pos() const { return m_pos; }
    const uchar *here() const { return m_data + m_pos; }

    // True when `n` more bytes of `field` are inside the message; otherwise sets the error.
    bool need(qsizetype n, const char *field)
    {
        if (n >= 0 && m_end - m_pos >= n)
            return true;
        m_error = fail(QStringLiteral("%1 overruns the message: needs %2 bytes at byte %3, %4 left")
                           .arg(QLatin1String(field))
                           .arg(n)
                           .arg(m_pos)
                           .arg(m_end - m_pos));
        return false;
    }
    template <typename T> T take()
    {
        const T v = qFromBigEndian<T>(m_data + m_pos);
        m_pos += qsizetype(sizeof(T));
        return v;
    }
    void skip(qsizetype n) { m_pos += n; }

    Error fail(const QString &what, Error::Code code = Error::Code::MalformedBody) const
    {
        return makeError(code, QStringLiteral("message #%1 at byte %2: %3").arg(m_index).arg(m_start).arg(what));
    }
    Error error() const { return m_error; }

private:
    const uchar *m_data;
    qsizetype m_start;
    qsizetype m_pos;
    qsizetype m_end;
    int m_index;
    Error m_error;
};

// Messages in one body mostly share topic and hosts: reusing the previous message's values
// (implicitly shared) saves allocations per message.
struct DecodeCache {
    QByteArray topicBytes;
    QString topic;
    QByteArray hostBytes[2]; // born, store: address + port as stored
    HostAndPort host[2];
    QString storeHostHex; // offsetMsgId prefix of host[1]
};

bool readHost(FieldReader &r, bool v6, const char *field, HostAndPort &host, Error &error, QByteArray &cachedBytes,
              HostAndPort &cached)
{
    const int ipLength = v6 ? 16 : 4;
    if (!r.need(ipLength + 4, field)) {
        error = r.error();
        return false;
    }
    const auto *raw = reinterpret_cast<const char *>(r.here());
    if (cachedBytes.size() == ipLength + 4 && memcmp(cachedBytes.constData(), raw, size_t(ipLength + 4)) == 0) {
        host = cached;
        r.skip(ipLength + 4);
        return true;
    }
    if (v6)
        host.address = QHostAddress(reinterpret_cast<const quint8 *>(r.here()));
    else
        host.address = QHostAddress(qFromBigEndian<quint32>(r.here()));
    r.skip(ipLength);
    const qint32 port = r.take<qint32>();
    if (port < 0 || port > 65535) {
        error = r.fail(QStringLiteral("%1 port %2 is out of range").arg(QLatin1String(field)).arg(port));
        return false;
    }
    host.port = quint16(port);
    cachedBytes = QByteArray(raw, ipLength + 4);
    cached = host;
    return true;
}

// One message starting at `start`; `next` receives where the following one starts.
Result<MessageExt> decodeOne(const QByteArray &data, qsizetype start, int index, const DecodeOptions &options,
                             DecodeCache &cache, qsizetype &next)
{
    const qsizetype available = data.size() - start;
    FieldReader head(data, start, data.size(), index);
    if (!head.need(4, "TOTALSIZE"))
        return head.error();
    const qint32 storeSize = head.take<qint32>();
    if (storeSize < 8 || storeSize > available)
        return head.fail(storeSize > available
                             ? QStringLiteral("TOTALSIZE %1 exceeds the %2 bytes left in the body (truncated)")
                                   .arg(storeSize)
                                   .arg(available)
                             : QStringLiteral("TOTALSIZE %1 is too small for a message").arg(storeSize));

    FieldReader r(data, start, start + storeSize, index);
    r.skip(4);
    MessageExt m;
    m.storeSize = storeSize;
    const quint32 magicCode = r.take<quint32>();
    if (magicCode == magic::Blank)
        return r.fail(QStringLiteral("MAGICCODE 0x%1 is the commit log's blank end-of-file marker, not a message")
                          .arg(magicCode, 8, 16, QLatin1Char('0')));
    if (magicCode != magic::MessageV1 && magicCode != magic::MessageV2)
        return r.fail(QStringLiteral("bad MAGICCODE 0x%1 (expected 0x%2, or 0x%3 for V2)")
                          .arg(magicCode, 8, 16, QLatin1Char('0'))
                          .arg(magic::MessageV1, 8, 16, QLatin1Char('0'))
                          .arg(magic::MessageV2, 8, 16, QLatin1Char('0')));
    m.magicCode = qint32(magicCode);

    if (!r.need(4, "BODYCRC"))
        return r.error();
    m.bodyCrc = r.take<quint32>();
    if (!r.need(4, "QUEUEID"))
        return r.error();
    m.queueId = r.take<qint32>();
    if (!r.need(4, "FLAG"))
        return r.error();
    m.flag = r.take<qint32>();
    if (!r.need(8, "QUEUEOFFSET"))
        return r.error();
    m.queueOffset = r.take<qint64>();
    if (!r.need(8, "PHYSICALOFFSET"))
        return r.error();
    m.commitLogOffset = r.take<qint64>();
    if (!r.need(4, "SYSFLAG"))
        return r.error();
    m.sysFlag = r.take<qint32>();
    if (!r.need(8, "BORNTIMESTAMP"))
        return r.error();
    m.bornTimestamp = r.take<qint64>();
    Error hostError;
    if (!readHost(r, m.sysFlag & sysflag::BornHostV6, "BORNHOST", m.bornHost, hostError, cache.hostBytes[0],
                  cache.host[0]))
        return hostError;
    if (!r.need(8, "STORETIMESTAMP"))
        return r.error();
    m.storeTimestamp = r.take<qint64>();
    const QByteArray previousStoreHost = cache.hostBytes[1];
    if (!readHost(r, m.sysFlag & sysflag::StoreHostV6, "STOREHOST", m.storeHost, hostError, cache.hostBytes[1],
                  cache.host[1]))
        return hostError;
    if (cache.storeHostHex.isEmpty() || cache.hostBytes[1] != previousStoreHost)
        cache.storeHostHex = hexEncode(cache.hostBytes[1]);
    if (!r.need(4, "RECONSUMETIMES"))
        return r.error();
    m.reconsumeTimes = r.take<qint32>();
    if (!r.need(8, "PREPAREDTRANSACTIONOFFSET"))
        return r.error();
    m.preparedTransactionOffset = r.take<qint64>();

    if (!r.need(4, "BODY length"))
        return r.error();
    const qint32 bodyLength = r.take<qint32>();
    if (bodyLength < 0)
        return r.fail(QStringLiteral("BODY length %1 is negative").arg(bodyLength));
    if (!r.need(bodyLength, "BODY"))
        return r.error();
    const auto *bodyBytes = reinterpret_cast<const char *>(r.here());
    r.skip(bodyLength);
    if (bodyLength > 0) {
        if (options.checkCrc) {
            const quint32 crc =
                quint32(crc32_z(0, reinterpret_cast<const Bytef *>(bodyBytes), size_t(bodyLength))) & 0x7FFFFFFFu;
            if (crc != m.bodyCrc)
                return r.fail(QStringLiteral("BODYCRC mismatch: stored %1, computed %2 over %3 body bytes")
                                  .arg(m.bodyCrc)
                                  .arg(crc)
                                  .arg(bodyLength),
                              Error::Code::ChecksumMismatch);
        }
        m.body = QByteArray(bodyBytes, bodyLength);
        if (options.decompressBody && (m.sysFlag & sysflag::Compressed)) {
            auto type = compressionTypeFromSysFlag(m.sysFlag);
            if (!type)
                return r.fail(QStringLiteral("BODY: %1").arg(type.error().message), type.error().code);
            auto inflated = decompress(m.body, *type, options.maxBodySize);
            if (!inflated)
                return r.fail(QStringLiteral("BODY: %1").arg(inflated.error().message), inflated.error().code);
            m.body = std::move(*inflated);
        }
    }

    const bool v2 = magicCode == magic::MessageV2;
    if (!r.need(v2 ? 2 : 1, "TOPIC length"))
        return r.error();
    const qsizetype topicLength = v2 ? qsizetype(r.take<quint16>()) : qsizetype(r.take<quint8>());
    if (!r.need(topicLength, "TOPIC"))
        return r.error();
    const auto *topicBytes = reinterpret_cast<const char *>(r.here());
    if (cache.topicBytes.size() != topicLength ||
        memcmp(cache.topicBytes.constData(), topicBytes, size_t(topicLength)) != 0) {
        cache.topicBytes = QByteArray(topicBytes, topicLength);
        cache.topic = QString::fromUtf8(cache.topicBytes);
    }
    m.topic = cache.topic;
    r.skip(topicLength);

    if (!r.need(2, "PROPERTIES length"))
        return r.error();
    const qsizetype propertiesLength = r.take<quint16>();
    if (!r.need(propertiesLength, "PROPERTIES"))
        return r.error();
    m.rawProperties = QString::fromUtf8(reinterpret_cast<const char *>(r.here()), propertiesLength);
    r.skip(propertiesLength);
    m.properties = decodeProperties(m.rawProperties);

    if (r.pos() != start + storeSize)
        return r.fail(QStringLiteral("fields end at byte %1 but TOTALSIZE %2 says byte %3")
                          .arg(r.pos())
                          .arg(storeSize)
                          .arg(start + storeSize));
    char offset[8];
    qToBigEndian(m.commitLogOffset, offset);
    m.offsetMsgId = cache.storeHostHex + hexEncode(QByteArray::fromRawData(offset, 8));
    next = start + storeSize;
    return m;
}

void putHost(QByteArray &out, const HostAndPort &host)
{
    if (host.address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = host.address.toIPv6Address();
        out.append(reinterpret_cast<const char *>(v6.c), 16);
    } else {
        char v4[4];
        qToBigEndian(host.address.toIPv4Address(), v4);
        out.append(v4, 4);
    }
    char port[4];
    qToBigEndian(qint32(host.port), port);
    out.append(port, 4);
}

template <typename T> void put(QByteArray &out, T value)
{
    char bytes[sizeof(T)];
    qToBigEndian(value, bytes);
    out.append(bytes, sizeof(T));
}

bool isV6(const HostAndPort &host)
{
    return host.address.protocol() == QAbstractSocket::IPv6Protocol;
}

QByteArray storedPropertiesBytes(const MessageExt &msg)
{
    if (!msg.rawProperties.isEmpty() && decodeProperties(msg.rawProperties) == msg.properties)
        return msg.rawProperties.toUtf8();
    return encodeProperties(msg.properties).toUtf8();
}

} // namespace

Result<QList<MessageExt>> decodeMessages(const QByteArray &data, const DecodeOptions &options)
{
    QList<MessageExt> out;
    // Hop over TOTALSIZE fields first so the list is allocated once.
    qsizetype count = 0;
    for (qsizetype p = 0; p + 4 <= data.size(); ++count) {
        const qint32 size = qFromBigEndian<qint32>(data.constData() + p);
        if (size < 8)
            break;
        p += size;
    }
    out.reserve(count + 1);
    DecodeCache cache;
    qsizetype pos = 0;
    int index = 0;
    while (pos < data.size()) {
        qsizetype next = pos;
        auto message = decodeOne(data, pos, index, options, cache, next);
        if (!message)
            return message.error();
        out.append(std::move(*message));
        pos = next;
        ++index;
    }
    return out;
}

quint32 bodyCrc32(const QByteArray &body)
{
    return quint32(crc32_z(0, reinterpret_cast<const Bytef *>(body.constData()), size_t(body.size()))) & 0x7FFFFFFFu;
}

Status checkStorable(const MessageExt &msg)
{
    const qsizetype topicBytes = msg.topic.toUtf8().size();
    if (topicBytes > kMaxShortField)
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("topic is %1 UTF-8 bytes, the stored layout allows %2").arg(topicBytes).arg(kMaxShortField));
    const qsizetype propertiesBytes = storedPropertiesBytes(msg).size();
    if (propertiesBytes > kMaxShortField)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("properties are %1 UTF-8 bytes, the stored layout allows %2")
                             .arg(propertiesBytes)
                             .arg(kMaxShortField));
    return Ok{};
}

QByteArray encodeStoredMessage(const MessageExt &msg)
{
    const QByteArray topic = msg.topic.toUtf8();
    const QByteArray properties = storedPropertiesBytes(msg);
    if (topic.size() > kMaxShortField || properties.size() > kMaxShortField)
        return {};
    const bool v2 = quint32(msg.magicCode) == magic::MessageV2 || topic.size() > 127;
    int sysFlag = msg.sysFlag & ~(sysflag::BornHostV6 | sysflag::StoreHostV6);
    if (isV6(msg.bornHost))
        sysFlag |= sysflag::BornHostV6;
    if (isV6(msg.storeHost))
        sysFlag |= sysflag::StoreHostV6;
    const qsizetype size = 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + (isV6(msg.bornHost) ? 20 : 8) + 8 +
                           (isV6(msg.storeHost) ? 20 : 8) + 4 + 8 + 4 + msg.body.size() + (v2 ? 2 : 1) + topic.size() +
                           2 + properties.size();
    QByteArray out;
    out.reserve(size);
    put(out, qint32(size));
    put(out, v2 ? magic::MessageV2 : magic::MessageV1);
    put(out, msg.bodyCrc);
    put(out, qint32(msg.queueId));
    put(out, qint32(msg.flag));
    put(out, qint64(msg.queueOffset));
    put(out, qint64(msg.commitLogOffset));
    put(out, qint32(sysFlag));
    put(out, qint64(msg.bornTimestamp));
    putHost(out, msg.bornHost);
    put(out, qint64(msg.storeTimestamp));
    putHost(out, msg.storeHost);
    put(out, qint32(msg.reconsumeTimes));
    put(out, qint64(msg.preparedTransactionOffset));
    put(out, qint32(msg.body.size()));
    out.append(msg.body);
    if (v2)
        put(out, quint16(topic.size()));
    else
        put(out, quint8(topic.size()));
    out.append(topic);
    put(out, quint16(properties.size()));
    out.append(properties);
    return out;
}

QByteArray encodeBatch(const QList<Message> &messages)
{
    QByteArray out;
    for (const Message &m : messages) {
        const QByteArray properties = encodeProperties(m.properties).toUtf8();
        const qsizetype size = 4 + 4 + 4 + 4 + 4 + m.body.size() + 2 + properties.size();
        put(out, qint32(size));
        put(out, qint32(0)); // MAGICCODE: unused in batch bodies
        put(out, qint32(0)); // BODYCRC: the broker computes it
        put(out, qint32(m.flag));
        put(out, qint32(m.body.size()));
        out.append(m.body);
        put(out, quint16(properties.size()));
        out.append(properties);
    }
    return out;
}

Result<QList<Message>> decodeBatch(const QByteArray &data)
{
    QList<Message> out;
    qsizetype pos = 0;
    int index = 0;
    while (pos < data.size()) {
        const qsizetype available = data.size() - pos;
        FieldReader head(data, pos, data.size(), index);
        if (!head.need(4, "TOTALSIZE"))
            return head.error();
        const qint32 size = head.take<qint32>();
        if (size < 22 || size > available)
            return head.fail(
                size > available
                    ? QStringLiteral("TOTALSIZE %1 exceeds the %2 bytes left (truncated)").arg(size).arg(available)
                    : QStringLiteral("TOTALSIZE %1 is too small for a batch entry").arg(size));
        FieldReader r(data, pos, pos + size, index);
        r.skip(12); // TOTALSIZE, MAGICCODE, BODYCRC
        Message m;
        m.flag = r.take<qint32>();
        const qint32 bodyLength = r.take<qint32>();
        if (bodyLength < 0)
            return r.fail(QStringLiteral("BODY length %1 is negative").arg(bodyLength));
        if (!r.need(bodyLength, "BODY"))
            return r.error();
        m.body = QByteArray(reinterpret_cast<const char *>(r.here()), bodyLength);
        r.skip(bodyLength);
        if (!r.need(2, "PROPERTIES length"))
            return r.error();
        const qsizetype propertiesLength = r.take<quint16>();
        if (!r.need(propertiesLength, "PROPERTIES"))
            return r.error();
        m.properties = decodeProperties(QString::fromUtf8(reinterpret_cast<const char *>(r.here()), propertiesLength));
        r.skip(propertiesLength);
        if (r.pos() != pos + size)
            return r.fail(QStringLiteral("fields end at byte %1 but TOTALSIZE %2 says byte %3")
                              .arg(r.pos())
                              .arg(size)
                              .arg(pos + size));
        out.append(std::move(m));
        pos += size;
        ++index;
    }
    return out;
}

qint32 tagsHashCode(const QString &tags)
{
    quint32 h = 0;
    for (const QChar c : tags)
        h = 31 * h + c.unicode();
    return qint32(h);
}

} // namespace mq
