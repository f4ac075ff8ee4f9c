#pragma once

#include "Message.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QTimer>

#include <vector>

namespace mq::gui {

// The live feed: messages from every subscription in arrival order, in a bounded ring.
// Arrivals are queued and inserted on a timer, one beginInsertRows per batch, so 20 000
// messages a second cost the view ten updates, not twenty thousand. When the ring is full
// the oldest rows are removed (one beginRemoveRows per batch) before the new ones go in.
class FeedModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Topic, Tags, Keys, Queue, Offset, MsgId, BornHost, Size, Body, ColumnCount };
    enum Role { MessageRole = Qt::UserRole + 1, SubscriptionRole, ArrivalRole };
    static constexpr int DefaultCapacity = 100000;

    explicit FeedModel(QObject *parent = nullptr);

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

    const MessageExt &message(int row) const { return entry(row).message; }
    int subscriptionOf(int row) const { return entry(row).subscriptionId; }
    QString bodyPreview(int row) const { return entry(row).preview; }
    int pendingCount() const { return int(m_pending.size()); }
    qint64 totalReceived() const { return m_totalReceived; }
    qint64 droppedWhilePaused() const { return m_droppedPending; }

    // A short single-line text for a body: UTF-8 text, or "N bytes (binary)".
    static QString previewOf(const QByteArray &body, int maxChars = 160);

Q_SIGNALS:
    void batchInserted(int rows);
    void pausedChanged(bool paused);

private:
    struct Entry {
        MessageExt message;
        QString preview;
        int subscriptionId = 0;
        qint64 arrivedMs = 0;
    };
    const Entry &entry(int row) const { return m_ring[(m_head + size_t(row)) % m_ring.size()]; }
    void dropOldest(int count);

    std::vector<Entry> m_ring; // grows up to m_capacity, then wraps
    size_t m_head = 0;         // index of row 0
    int m_count = 0;
    int m_capacity = DefaultCapacity;
    std::vector<Entry> m_pending;
    QTimer m_timer;
    bool m_paused = false;
    qint64 m_totalReceived = 0;
    qint64 m_droppedPending = 0;
};

} // namespace mq::gui
