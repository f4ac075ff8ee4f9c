#include "MessageId.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <QNetworkInterface>
#include <QRandomGenerator>
#include <QThread>
#include <QtEndian>

namespace mq {

namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";
constexpr qint64 kMaxPlausibleOffset = qint64(1) << 48;

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    return -1;
}

// Hex text of an id -> bytes; the error names the offending character.
Result<QByteArray> hexDecodeId(QStringView id, const char *what)
{
    if (id.size() != 32 && id.size() != 56)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("%1 must be 32 (IPv4) or 56 (IPv6) hex characters, got %2")
                             .arg(QLatin1String(what))
                             .arg(id.size()));
    QByteArray bytes(id.size() / 2, Qt::Uninitialized);
    for (qsizetype i = 0; i < id.size(); i += 2) {
        const int hi = hexValue(id[i]);
        const int lo = hexValue(id[i + 1]);
        if (hi < 0 || lo < 0) {
            const qsizetype bad = hi < 0 ? i : i + 1;
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("%1 has a non-hex character '%2' at position %3")
                                 .arg(QLatin1String(what), QString(id[bad]))
                                 .arg(bad));
        }
        bytes[i / 2] = char((hi << 4) | lo);
    }
    return bytes;
}

QHostAddress addressFromBytes(const uchar *p, int length)
{
    if (length == 4)
        return QHostAddress(qFromBigEndian<quint32>(p));
    return QHostAddress(reinterpret_cast<const quint8 *>(p));
}

void appendAddress(QByteArray &out, const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        out.append(reinterpret_cast<const char *>(v6.c), 16);
    } else {
        char v4[4];
        qToBigEndian(address.toIPv4Address(), v4);
        out.append(v4, 4);
    }
}

bool isPrivateV4(quint32 a)
{
    return (a >> 24) == 10 || (a >> 20) == ((172u << 4) | 1) || (a >> 16) == ((192u << 8) | 168);
}

} // namespace

QString hexEncode(const QByteArray &bytes)
{
    QString out(bytes.size() * 2, Qt::Uninitialized);
    QChar *d = out.data();
    for (const char c : bytes) {
        const auto b = uchar(c);
        *d++ = QLatin1Char(kHexDigits[b >> 4]);
        *d++ = QLatin1Char(kHexDigits[b & 0xF]);
    }
    return out;
}

QString encodeOffsetMsgId(const HostAndPort &storeHost, qint64 commitLogOffset)
{
    QByteArray bytes;
    bytes.reserve(28);
    appendAddress(bytes, storeHost.address);
    char tail[12];
    qToBigEndian(qint32(storeHost.port), tail);
    qToBigEndian(commitLogOffset, tail + 4);
    bytes.append(tail, 12);
    return hexEncode(bytes);
}

Result<OffsetMsgId> decodeOffsetMsgId(QStringView id)
{
    auto bytes = hexDecodeId(id, "offsetMsgId");
    if (!bytes)
        return bytes.error();
    const auto *p = reinterpret_cast<const uchar *>(bytes->constData());
    const int ipLength = bytes->size() == 16 ? 4 : 16;
    const qint32 port = qFromBigEndian<qint32>(p + ipLength);
    const qint64 offset = qFromBigEndian<qint64>(p + ipLength + 4);
    if (port < 0 || port > 65535)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("offsetMsgId port field 0x%1 is not a TCP port (0..65535)")
                             .arg(quint32(port), 8, 16, QLatin1Char('0')));
    if (offset < 0)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("offsetMsgId commit-log offset %1 is negative").arg(offset));
    OffsetMsgId out;
    out.storeHost = {addressFromBytes(p, ipLength), quint16(port)};
    out.commitLogOffset = offset;
    return out;
}

Result<UniqueKeyInfo> decodeUniqueKey(QStringView id, const QDateTime &now, const QTimeZone &zone)
{
    auto bytes = hexDecodeId(id, "UNIQ_KEY");
    if (!bytes)
        return bytes.error();
    const auto *p = reinterpret_cast<const uchar *>(bytes->constData());
    const int ipLength = bytes->size() == 16 ? 4 : 16;
    UniqueKeyInfo info;
    info.ip = addressFromBytes(p, ipLength);
    info.pid = qFromBigEndian<quint16>(p + ipLength);
    info.classLoaderHash = qFromBigEndian<quint32>(p + ipLength + 2);
    info.msSinceMonthStart = qFromBigEndian<quint32>(p + ipLength + 6);
    info.counter = qFromBigEndian<quint16>(p + ipLength + 10);

    const QDate today = now.toTimeZone(zone).date();
    const QDate monthStart(today.year(), today.month(), 1);
    qint64 startMs = monthStart.startOfDay(zone).toMSecsSinceEpoch();
    if (startMs + qint64(info.msSinceMonthStart) > now.toMSecsSinceEpoch())
        startMs = monthStart.addMonths(-1).startOfDay(zone).toMSecsSinceEpoch();
    info.bornTime = QDateTime::fromMSecsSinceEpoch(startMs + qint64(info.msSinceMonthStart), zone);
    return info;
}

QHostAddress UniqueKeyGenerator::hostAddress()
{
    QHostAddress privateV4;
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (a.isLoopback() || a.isNull())
            continue;
        if (a.protocol() == QAbstractSocket::IPv4Protocol) {
            const quint32 v4 = a.toIPv4Address();
            const quint32 first = v4 >> 24;
            if (first == 0 || first >= 224)
                continue; // unusable or multicast, like UtilAll.ipCheck
            if (!isPrivateV4(v4))
                return a;
            if (privateV4.isNull())
                privateV4 = a;
        } else if (a.protocol() == QAbstractSocket::IPv6Protocol) {
            // UtilAll.isInternalV6IP: any-local, link-local, site-local (fec0::/10), loopback.
            const Q_IPV6ADDR v6 = a.toIPv6Address();
            const bool siteLocal = v6[0] == 0xfe && (v6[1] & 0xc0) == 0xc0;
            if (!a.isLinkLocal() && !siteLocal && !a.isMulticast()) {
                QHostAddress global = a;
                global.setScopeId(QString()); // the id carries 16 bytes, no scope
                return global;
            }
        }
    }
    return privateV4.isNull() ? QHostAddress(QHostAddress::LocalHost) : privateV4;
}

UniqueKeyGenerator::UniqueKeyGenerator()
    : UniqueKeyGenerator(hostAddress(), quint16(QCoreApplication::applicationPid() & 0xFFFF),
                         QRandomGenerator::global()->generate())
{}

UniqueKeyGenerator::UniqueKeyGenerator(const QHostAddress &ip, quint16 pid, quint32 hash, const QTimeZone &zone)
    : m_ip(ip)
    , m_zone(zone)
{
    QByteArray fixed;
    appendAddress(fixed, ip);
    char tail[6];
    qToBigEndian(pid, tail);
    qToBigEndian(hash, tail + 2);
    fixed.append(tail, 6);
    m_prefix = hexEncode(fixed);
}

void UniqueKeyGenerator::setMonth(qint64 nowMs)
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, m_zone).date();
    const QDate monthStart(today.year(), today.month(), 1);
    m_monthStartMs = monthStart.startOfDay(m_zone).toMSecsSinceEpoch();
    m_nextMonthStartMs = monthStart.addMonths(1).startOfDay(m_zone).toMSecsSinceEpoch();
}

QString UniqueKeyGenerator::next()
{
    QMutexLocker lock(&m_mutex);
    qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_counter == 0 && m_lastMs >= 0) {
        while (now <= m_lastMs) { // counter wrapped: move to a fresh millisecond
            QThread::yieldCurrentThread();
            now = QDateTime::currentMSecsSinceEpoch();
        }
    }
    if (now >= m_nextMonthStartMs || now < m_monthStartMs)
        setMonth(now);
    m_lastMs = now;
    char tail[6];
    qToBigEndian(quint32(now - m_monthStartMs), tail);
    qToBigEndian(m_counter++, tail + 4);
    return m_prefix + hexEncode(QByteArray::fromRawData(tail, 6));
}

MessageIdKind classifyMessageId(QStringView id, QString *reason)
{
    auto setReason = [&](const QString &text) {
        if (reason)
            *reason = text;
    };
    auto bytes = hexDecodeId(id, "message id");
    if (!bytes) {
        setReason(bytes.error().message);
        return MessageIdKind::Invalid;
    }
    const auto *p = reinterpret_cast<const uchar *>(bytes->constData());
    const int ipLength = bytes->size() == 16 ? 4 : 16;
    const qint32 port = qFromBigEndian<qint32>(p + ipLength);
    const qint64 offset = qFromBigEndian<qint64>(p + ipLength + 4);
    bool zeroAddress = true;
    for (int i = 0; i < ipLength; ++i)
        zeroAddress = zeroAddress && p[i] == 0;
    if (port < 1 || port > 65535) {
        setReason(QStringLiteral("bytes %1..%2 read as a port give %3, so this is a client UNIQ_KEY")
                      .arg(ipLength)
                      .arg(ipLength + 3)
                      .arg(port));
        return MessageIdKind::UniqueKey;
    }
    if (offset < 0 || offset >= kMaxPlausibleOffset) {
        setReason(QStringLiteral("the commit-log offset reading %1 is implausible, so this is a client UNIQ_KEY")
                      .arg(offset));
        return MessageIdKind::UniqueKey;
    }
    if (zeroAddress) {
        setReason(QStringLiteral("the store address reading is unspecified, so this is a client UNIQ_KEY"));
        return MessageIdKind::UniqueKey;
    }
    setReason(QStringLiteral("store host %1:%2, commit-log offset %3")
                  .arg(addressFromBytes(p, ipLength).toString())
                  .arg(port)
                  .arg(offset));
    return MessageIdKind::OffsetMsgId;
}

} // namespace mq
