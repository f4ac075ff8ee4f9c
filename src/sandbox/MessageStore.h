#pragma once

#include "ChunkedList.h"
#include "KeyIndex.h"
#include "Message.h"
#include "Result.h"
#include "SegmentedBytes.h"

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QTimer;

namespace mq::sandbox {

// One consume-queue unit: where a message of a queue sits in the commit log (the real
// unit is 20 bytes: offset, size, tagsCode; storeTimestamp is kept to search by time).
struct CqEntry {
    qint64 phyOffset = 0;
    qint32 size = 0;
    qint64 tagsCode = 0;
    qint64 storeTimestamp = 0;
};

// A consume queue: appending never copies the entries already there.
using ConsumeQueue = ChunkedList<CqEntry>;

struct AppendResult {
    qint64 phyOffset = 0;
    qint64 queueOffset = 0;
    qint32 size = 0;
    qint64 storeTimestamp = 0;
    QString offsetMsgId;
};

// The broker's store: an append-only commit log in the real stored-message layout
// (DIR/commitlog/00000000000000000000), consume queues and a key index kept in memory and
// rebuilt by scanning the log on open. Without a directory everything stays in memory.
// Writes are buffered and flushed on a short timer, so a send never waits for the disk.
class MessageStore : public QObject {
    Q_OBJECT

public:
    using ArrivalListener = std::function<void(const QString &topic, int queueId, qint64 maxOffset, qint64 tagsCode)>;

    explicit MessageStore(QObject *parent = nullptr);
    ~MessageStore() override;

    // Opens (and recovers) DIR/commitlog; an empty dir means memory only.
    Status open(const QString &dir, const HostAndPort &storeHost, int flushIntervalMs = 100);
    void close(); // flushes
    void flush();
    void setArrivalListener(ArrivalListener listener) { m_onArrival = std::move(listener); }
    // How recovery derives a consume-queue tagsCode from a stored message (the schedule
    // topic keeps the delivery time there). Defaults to tagsCodeOf(properties).
    void setTagsCodeResolver(std::function<qint64(const MessageExt &)> resolver) { m_tagsCode = std::move(resolver); }

    // Stores `msg` (topic, queueId, body, flag, sysFlag, born*, reconsumeTimes, properties
    // with rawProperties) at the end of the log; the queue offset, commit-log offset, store
    // time, store host and body CRC are assigned here.
    Result<AppendResult> append(MessageExt msg, qint64 tagsCode, qint64 storeTimestamp = 0); // 0: now

    std::optional<QByteArray> readMessage(qint64 phyOffset, qint32 size = -1) const;
    std::optional<MessageExt> lookMessage(qint64 phyOffset) const; // decoded, body as stored
    qint64 maxPhyOffset() const { return m_size; }

    const ConsumeQueue *queue(const QString &topic, int queueId) const;
    qint64 minOffset(const QString &topic, int queueId) const { return 0; }
    qint64 maxOffset(const QString &topic, int queueId) const;
    // ConsumeQueue.getOffsetInQueueByTime (4.9): the nearest message by store time.
    qint64 offsetByTime(const QString &topic, int queueId, qint64 timestamp) const;
    qint64 storeTimestamp(const QString &topic, int queueId, qint64 offset) const; // -1 when none

    // IndexService: "topic#key" for each KEYS entry and the UNIQ_KEY; newest first.
    QList<qint64> queryIndex(const QString &topic, const QString &key, int maxNum, qint64 begin, qint64 end) const;
    qint64 indexLastUpdatePhyOffset() const { return m_indexLastPhyOffset; }
    qint64 indexLastUpdateTimestamp() const { return m_indexLastTimestamp; }

    HostAndPort storeHost() const { return m_storeHost; }
    qint64 messageCount() const { return m_messageCount; }

private:
    void dispatch(const MessageExt &msg, qint64 phyOffset, qint32 size, qint64 tagsCode);
    Status recover();
    static QString queueKey(const QString &topic, int queueId) { return topic + u'\u0001' + QString::number(queueId); }

    QString m_dir;
    HostAndPort m_storeHost;
    QFile m_writeFile;
    mutable QFile m_readFile;
    SegmentedBytes m_pending; // bytes past m_flushedSize (everything when in memory)
    qint64 m_flushedSize = 0; // bytes on disk
    qint64 m_size = 0;        // logical end of the log
    QHash<QString, ConsumeQueue> m_queues;
    KeyIndex m_index;
    qint64 m_indexLastPhyOffset = 0;
    qint64 m_indexLastTimestamp = 0;
    qint64 m_messageCount = 0;
    QTimer *m_flushTimer = nullptr;
    ArrivalListener m_onArrival;
    std::function<qint64(const MessageExt &)> m_tagsCode;
};

// Tags code a consume queue keeps: String.hashCode of TAGS, 0 without tags.
qint64 tagsCodeOf(const Properties &properties);

} // namespace mq::sandbox
