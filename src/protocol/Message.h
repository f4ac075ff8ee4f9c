#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <tuple>

namespace mq {

// Property names the broker and clients reserve (MessageConst).
namespace prop {
inline const QString Keys = QStringLiteral("KEYS");
inline const QString Tags = QStringLiteral("TAGS");
inline const QString WaitStoreMsgOk = QStringLiteral("WAIT");
inline const QString DelayTimeLevel = QStringLiteral("DELAY");
inline const QString RetryTopic = QStringLiteral("RETRY_TOPIC");
inline const QString RealTopic = QStringLiteral("REAL_TOPIC");
inline const QString RealQueueId = QStringLiteral("REAL_QID");
inline const QString TransactionPrepared = QStringLiteral("TRAN_MSG");
inline const QString ProducerGroup = QStringLiteral("PGROUP");
inline const QString MinOffset = QStringLiteral("MIN_OFFSET");
inline const QString MaxOffset = QStringLiteral("MAX_OFFSET");
inline const QString UniqueClientMessageId = QStringLiteral("UNIQ_KEY");
inline const QString ReconsumeTime = QStringLiteral("RECONSUME_TIME");
inline const QString MaxReconsumeTimes = QStringLiteral("MAX_RECONSUME_TIMES");
inline const QString ConsumeStartTime = QStringLiteral("CONSUME_START_TIME");
inline const QString OriginMessageId = QStringLiteral("ORIGIN_MESSAGE_ID");
inline const QString Cluster = QStringLiteral("CLUSTER");
inline const QString TraceSwitch = QStringLiteral("TRACE_ON");
} // namespace prop

// Message properties in insertion order (the wire string keeps order; tests compare bytes).
// Names are unique. Lookups scan the few entries a message usually has; from IndexThreshold
// entries on, a hash of positions makes them O(1), so decoding n pairs stays linear.
class Properties {
public:
    using Entry = QPair<QString, QString>;
    static constexpr qsizetype IndexThreshold = 128;

    bool isEmpty() const { return m_entries.isEmpty(); }
    bool contains(const QString &key) const { return indexOf(key) >= 0; }
    QString value(const QString &key, const QString &fallback = {}) const;
    void insert(const QString &key, const QString &value); // replaces in place or appends
    void remove(const QString &key);
    const QList<Entry> &entries() const { return m_entries; }
    QMap<QString, QString> toMap() const;
    bool operator==(const Properties &other) const { return m_entries == other.m_entries; }

private:
    qsizetype indexOf(const QString &key) const;
    void rebuildIndex();

    QList<Entry> m_entries;
    QHash<QString, qsizetype> m_index; // name -> position; empty below IndexThreshold entries
};

// sysFlag bits (MessageSysFlag).
namespace sysflag {
constexpr int Compressed = 0x1;
constexpr int MultiTags = 0x1 << 1;
constexpr int TransactionPrepared = 0x1 << 2;
constexpr int TransactionCommit = 0x2 << 2;
constexpr int TransactionRollback = 0x3 << 2;
constexpr int BornHostV6 = 0x1 << 4;
constexpr int StoreHostV6 = 0x1 << 5;
constexpr int NeedUnwrap = 0x1 << 6;
constexpr int Inner = 0x1 << 7;
// Compression type in bits 8..10 (CompressionType.java): 1 = lz4, 2 = zstd, 3 = zlib, and
// 0 = zlib for senders older than the type bits. The 4.9.8 fixture's zlib body has sysFlag 769.
constexpr int CompressionTypeMask = 0x7 << 8;
constexpr int CompressionTypeShift = 8;
constexpr int CompressionLz4 = 0x1 << 8;
constexpr int CompressionZstd = 0x2 << 8;
constexpr int CompressionZlib = 0x3 << 8;
} // namespace sysflag

// A message as a producer builds it.
struct Message {
    QString topic;
    int flag = 0;
    Properties properties;
    QByteArray body;

    QString tags() const { return properties.value(prop::Tags); }
    QStringList keys() const; // KEYS split on spaces
    QString uniqueKey() const { return properties.value(prop::UniqueClientMessageId); }
    void setTags(const QString &tags);
    void setKeys(const QStringList &keys);
    int delayLevel() const { return properties.value(prop::DelayTimeLevel).toInt(); }
    void setDelayLevel(int level);
};

// A queue of a topic on one broker (org.apache.rocketmq.common.message.MessageQueue).
struct MessageQueue {
    QString topic;
    QString brokerName;
    int queueId = 0;
    bool operator==(const MessageQueue &o) const = default;
    bool operator<(const MessageQueue &o) const
    {
        return std::tie(topic, brokerName, queueId) < std::tie(o.topic, o.brokerName, o.queueId);
    }
    QString toString() const { return QStringLiteral("%1@%2:%3").arg(topic, brokerName).arg(queueId); }
};
inline size_t qHash(const MessageQueue &q, size_t seed = 0)
{
    return qHashMulti(seed, q.topic, q.brokerName, q.queueId);
}

struct HostAndPort {
    QHostAddress address;
    quint16 port = 0;
    QString toString() const; // "1.2.3.4:5" / "[::1]:5" -- fastjson writes "/1.2.3.4:5" for stores
    bool operator==(const HostAndPort &o) const { return address == o.address && port == o.port; }
};

// A message as the broker stores it (MessageDecoder layout), after decoding.
struct MessageExt : Message {
    int storeSize = 0;
    int magicCode = 0;
    quint32 bodyCrc = 0;
    int queueId = 0;
    qint64 queueOffset = 0;
    qint64 commitLogOffset = 0;
    int sysFlag = 0;
    qint64 bornTimestamp = 0;
    HostAndPort bornHost;
    qint64 storeTimestamp = 0;
    HostAndPort storeHost;
    int reconsumeTimes = 0;
    qint64 preparedTransactionOffset = 0;
    QString offsetMsgId; // broker id: store host + commit-log offset
    // The properties string exactly as stored (the broker may repeat a key, e.g. WAIT in
    // batches). encodeStoredMessage writes it back while it still decodes to `properties`.
    QString rawProperties;
    // The id users see: UNIQ_KEY when the producer set one, otherwise the offsetMsgId.
    QString msgId() const { return uniqueKey().isEmpty() ? offsetMsgId : uniqueKey(); }
};

} // namespace mq
