#pragma once

#include "Message.h"
#include "PackedProperties.h"
#include "RowArena.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

#include <memory>
#include <vector>

namespace mq::gui {

// Rare per-message values kept out of the row: present only when the message needs them.
struct FeedRowExtras {
    QString rawProperties; // when it differs from the re-encoded properties
    QString offsetMsgId;   // when it is not derived from the store host and commit-log offset
    qint64 preparedTransactionOffset = 0;
    qint64 storeTimestamp = 0; // when not within 2^31 ms of the born timestamp
    bool storeTimestampSet = false;
};

// The live feed: messages from every subscription in arrival order, in a bounded ring.
// Arrivals are queued and inserted on a timer, one beginInsertRows per batch, so 20 000
// messages a second cost the view ten updates, not twenty thousand. When the ring is full
// the oldest rows are removed (one beginRemoveRows per batch) before the new ones go in.
//
// A row keeps only compact data (issue #9: at most body + 256 B per retained message): one
// exactly sized block holding the packed properties (PackedProperties.h) and the body, the
// scalars, and indexes into tables of the topics and hosts seen. MessageExt, previews and ids
// are rebuilt on demand.
class FeedModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Topic, Tags, Keys, Queue, Offset, MsgId, BornHost, Size, Body, ColumnCount };
    enum Role { MessageRole = Qt::UserRole + 1, SubscriptionRole };
    static constexpr int DefaultCapacity = 100000;

    explicit FeedModel(QObject *parent = nullptr);
    ~FeedModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Queues messages; they appear at the next flush (timer or flush()).
    void append(int subscriptionId, const QList<MessageExt> &messages);
    // Inserts everything queued now (a no-op while paused).
    void flush();

    void setCapacity(int capacity); // trims the oldest rows when shrinking
    int capacity() const { return m_capacity; }
    void setBatchInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    int batchInterval() const { return m_timer.interval(); }

    // While paused, arrivals keep queueing (bounded by the capacity) but the view stays still.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void clear();
    void retranslate(); // headers follow the UI language

    MessageExt message(int row) const; // rebuilt from the row, equal to what was appended
    int subscriptionOf(int row) const { return row_(row).subscriptionId; }
    QString bodyPreview(int row) const;
    int pendingCount() const { return int(m_pending.size()); }
    qint64 totalReceived() const { return m_totalReceived; }
    qint64 droppedWhilePaused() const { return m_droppedPending; }

    // Whether the row's keys, tags, message id, offsetMsgId or body contain `needle`, which must
    // be lower case UTF-8; ASCII letters in the row match either case. No allocation per row.
    bool rowContains(int row, const QByteArray &lowerNeedle) const;

    // A short single-line text for a body: UTF-8 text, or "N bytes (binary)".
    static QString previewOf(const QByteArray &body, int maxChars = 160);

    // What one retained row costs besides its heap bytes (tests guard it against regressions).
    static size_t rowSlotSize();

Q_SIGNALS:
    void batchInserted(int rows);
    void pausedChanged(bool paused);

private:
    struct Row {
        RowArena::Block bytes; // packed properties, then the body
        std::unique_ptr<FeedRowExtras> extras;
        qint64 queueOffset = 0;
        qint64 commitLogOffset = 0;
        qint64 bornTimestamp = 0;
        qint32 storeDelta = 0; // storeTimestamp - bornTimestamp
        quint32 bodyCrc = 0;
        qint32 packedLength = 0; // bytes of `bytes` before the body
        qint32 storeSize = 0;
        qint32 magicCode = 0;
        qint32 queueId = 0;
        qint32 sysFlag = 0;
        qint32 reconsumeTimes = 0;
        qint32 flag = 0;
        qint32 subscriptionId = 0;
        quint32 topic = 0;    // index into m_topics
        quint32 bornHost = 0; // indexes into m_hosts
        quint32 storeHost = 0;
        bool hadRawProperties = false;
    };

    struct Host {
        HostAndPort host;
        QByteArray idHex; // offsetMsgId prefix: address and port as upper-case hex
    };
    const Row &row_(int row) const { return m_ring[(m_head + size_t(row)) % m_ring.size()]; }
    static QByteArrayView packedOf(const Row &r) { return r.bytes.view().first(r.packedLength); }
    static QByteArrayView bodyOf(const Row &r) { return r.bytes.view().sliced(r.packedLength); }
    Row compact(int subscriptionId, const MessageExt &m);
    quint32 internHost(const HostAndPort &host);
    quint32 internTopic(const QString &topic);
    QByteArray offsetMsgIdOf(const Row &r) const;
    void dropOldest(int count);

    RowArena m_arena;        // the rows' bytes
    std::vector<Row> m_ring; // grows up to m_capacity, then wraps
    size_t m_head = 0;       // index of row 0
    int m_count = 0;
    int m_capacity = DefaultCapacity;
    std::vector<Row> m_pending;
    QByteArray m_packing;              // scratch for compact(), reused
    packed::ValueTable m_sharedValues; // CLUSTER, TAGS, WAIT... values, once for all rows
    std::vector<Host> m_hosts;
    QHash<QByteArray, quint32> m_hostIndex; // address bytes + port
    QStringList m_topics;
    QHash<QString, quint32> m_topicIndex;
    QTimer m_timer;
    bool m_paused = false;
    qint64 m_totalReceived = 0;
    qint64 m_droppedPending = 0;
};

} // namespace mq::gui
