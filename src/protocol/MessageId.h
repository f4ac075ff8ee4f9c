#pragma once

#include "Message.h"
#include "Result.h"

#include <QDateTime>
#include <QHostAddress>
#include <QMutex>
#include <QString>
#include <QStringView>
#include <QTimeZone>

namespace mq {

// The broker's id of a stored message: store host (4 or 16 address bytes + 4-byte port)
// then the 8-byte commit-log offset, as upper-case hex: 32 chars for IPv4, 56 for IPv6.
struct OffsetMsgId {
    HostAndPort storeHost;
    qint64 commitLogOffset = 0;
};

QString encodeOffsetMsgId(const HostAndPort &storeHost, qint64 commitLogOffset);
// Errors name what is wrong: length, the first non-hex character, a port beyond 65535,
// a negative offset.
Result<OffsetMsgId> decodeOffsetMsgId(QStringView id);

// What a client UNIQ_KEY id (MessageClientIDSetter) carries: ip (4 or 16 bytes), the low
// 2 bytes of the pid, a 4-byte per-process hash (Java: the class loader's hashCode),
// 4 bytes of milliseconds since the start of the month (in the producer's time zone),
// 2 bytes of counter. 32 hex chars for IPv4 producers, 56 for IPv6 ones.
struct UniqueKeyInfo {
    QHostAddress ip;
    quint16 pid = 0;
    quint32 classLoaderHash = 0;
    quint32 msSinceMonthStart = 0;
    quint16 counter = 0;
    // Reconstructed like Java's getNearlyTimeFromID: the month containing `now` in `zone`,
    // or the one before when that would put the born time in the future.
    QDateTime bornTime;
};

Result<UniqueKeyInfo> decodeUniqueKey(QStringView id, const QDateTime &now = QDateTime::currentDateTime(),
                                      const QTimeZone &zone = QTimeZone::systemTimeZone());

// Makes UNIQ_KEY ids with the Java client's layout. Thread-safe. Ids are unique per
// generator within a month: when the 16-bit counter wraps, next() waits for the clock to
// pass the last id's millisecond so no (time, counter) pair repeats.
class UniqueKeyGenerator {
public:
    UniqueKeyGenerator(); // hostAddress(), this process's pid, a random hash, system time zone
    UniqueKeyGenerator(const QHostAddress &ip, quint16 pid, quint32 hash,
                       const QTimeZone &zone = QTimeZone::systemTimeZone());

    QString next();
    QHostAddress ip() const { return m_ip; }

    // The address Java's UtilAll.getIP() would pick: the first public IPv4 or non-local IPv6,
    // else the first private IPv4, else 127.0.0.1.
    static QHostAddress hostAddress();

private:
    void setMonth(qint64 nowMs);

    QHostAddress m_ip;
    QTimeZone m_zone;
    QString m_prefix; // hex of ip + pid + hash
    QMutex m_mutex;
    qint64 m_monthStartMs = 0;
    qint64 m_nextMonthStartMs = 0;
    qint64 m_lastMs = -1;
    quint16 m_counter = 0;
};

enum class MessageIdKind { OffsetMsgId, UniqueKey, Invalid };

// Tells a broker offsetMsgId from a client UNIQ_KEY. Both are 32 hex chars for IPv4 and 56
// for IPv6, so length alone cannot decide. Like the Java admin (viewMessage tries
// MessageDecoder.decodeMessageId first and falls back to a unique-key query), the offset
// reading is tried first, but only accepted when plausible for a store host:
//  - the 4-byte port field is 1..65535 (in a UNIQ_KEY those bytes are pid(2) + hash(2), so
//    this fails unless the pid is a multiple of 65536);
//  - the commit-log offset is below 2^48 (256 TiB; in a UNIQ_KEY the top 2 bytes are the
//    rest of the hash);
//  - the address is not 0.0.0.0 / ::.
// A UNIQ_KEY passes all three with probability about 2^-32. Everything else of the right
// length and alphabet is a UniqueKey. Callers should still fall back to a unique-key query
// when viewing by offset id finds nothing, as the Java admin does.
MessageIdKind classifyMessageId(QStringView id, QString *reason = nullptr);

QString hexEncode(const QByteArray &bytes); // upper case, as UtilAll.bytes2string

} // namespace mq
