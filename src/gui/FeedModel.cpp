#include "FeedModel.h"

#include <QDateTime>
#include <QStringDecoder>

#include <algorithm>

namespace mq::gui {

FeedModel::FeedModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &FeedModel::flush);
}

int FeedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int FeedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FeedModel::previewOf(const QByteArray &body, int maxChars)
{
    const QByteArray head = body.left(maxChars * 4);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(head);
    // A cut in the middle of a multi-byte sequence is fine; invalid bytes elsewhere are not text.
    const bool binary = decoder.hasError() && head.size() == body.size();
    int control = 0;
    for (QChar c : std::as_const(text))
        control += (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\r') && c != QLatin1Char('\t'));
    if (binary || control > text.size() / 10)
        return tr("%n byte(s) (binary)", nullptr, int(body.size()));
    text = text.left(maxChars).simplified();
    if (body.size() > text.toUtf8().size())
        text += QChar(0x2026);
    return text;
}

void FeedModel::append(int subscriptionId, const QList<MessageExt> &messages)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_totalReceived += messages.size();
    for (const MessageExt &m : messages)
        m_pending.push_back(Entry{m, previewOf(m.body), subscriptionId, now});
    // Keep at most one ring's worth queued: older arrivals would be pushed out anyway.
    if (m_pending.size() > size_t(m_capacity)) {
        const size_t excess = m_pending.size() - size_t(m_capacity);
        if (m_paused)
            m_droppedPending += qint64(excess);
        m_pending.erase(m_pending.begin(), m_pending.begin() + qptrdiff(excess));
    }
    if (!m_paused && !m_timer.isActive())
        m_timer.start();
}

void FeedModel::dropOldest(int count)
{
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, count - 1);
    for (int i = 0; i < count; ++i)
        m_ring[(m_head + size_t(i)) % m_ring.size()] = Entry{};
    m_head = (m_head + size_t(count)) % m_ring.size();
    m_count -= count;
    endRemoveRows();
}

void FeedModel::flush()
{
    if (m_paused || m_pending.empty()) {
        m_timer.stop();
        return;
    }
    const int incoming = int(m_pending.size()); // <= m_capacity, see append()
    dropOldest(m_count + incoming - m_capacity);
    const size_t needed = size_t(m_count + incoming);
    if (needed > m_ring.size()) {
        // Grow (up to the capacity) and lay the rows out from index 0 again.
        std::vector<Entry> grown(std::min(size_t(m_capacity), std::max(m_ring.size() * 2, needed)));
        for (int i = 0; i < m_count; ++i)
            grown[size_t(i)] = std::move(m_ring[(m_head + size_t(i)) % m_ring.size()]);
        m_ring = std::move(grown);
        m_head = 0;
    }
    beginInsertRows({}, m_count, m_count + incoming - 1);
    for (Entry &e : m_pending)
        m_ring[(m_head + size_t(m_count++)) % m_ring.size()] = std::move(e);
    m_pending.clear();
    endInsertRows();
    Q_EMIT batchInserted(incoming);
}

void FeedModel::setCapacity(int capacity)
{
    capacity = std::max(1, capacity);
    if (capacity == m_capacity)
        return;
    dropOldest(m_count - capacity);
    std::vector<Entry> resized;
    resized.reserve(size_t(m_count));
    for (int i = 0; i < m_count; ++i)
        resized.push_back(std::move(m_ring[(m_head + size_t(i)) % m_ring.size()]));
    m_ring = std::move(resized);
    m_head = 0;
    m_capacity = capacity;
    if (m_pending.size() > size_t(capacity))
        m_pending.erase(m_pending.begin(), m_pending.end() - capacity);
}

void FeedModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused)
        flush();
    Q_EMIT pausedChanged(paused);
}

void FeedModel::clear()
{
    beginResetModel();
    m_ring.clear();
    m_head = 0;
    m_count = 0;
    m_pending.clear();
    m_droppedPending = 0;
    endResetModel();
}

QVariant FeedModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_count)
        return {};
    const Entry &e = entry(index.row());
    const MessageExt &m = e.message;
    if (role == MessageRole)
        return QVariant::fromValue(m);
    if (role == SubscriptionRole)
        return e.subscriptionId;
    if (role == ArrivalRole)
        return e.arrivedMs;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Offset || index.column() == Size)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    const qint64 when = m.storeTimestamp ? m.storeTimestamp : m.bornTimestamp;
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Time: return QDateTime::fromMSecsSinceEpoch(when).toString(Qt::ISODateWithMs);
        case Body: return e.preview;
        case MsgId: return tr("offsetMsgId: %1").arg(m.offsetMsgId);
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time: return QDateTime::fromMSecsSinceEpoch(when).toString(QStringLiteral("HH:mm:ss.zzz"));
    case Topic: return m.topic;
    case Tags: return m.tags();
    case Keys: return m.keys().join(QLatin1Char(' '));
    case Queue: return QStringLiteral("%1:%2").arg(m.storeHost.toString()).arg(m.queueId);
    case Offset: return m.queueOffset;
    case MsgId: return m.msgId();
    case BornHost: return m.bornHost.toString();
    case Size: return qlonglong(m.body.size());
    case Body: return e.preview;
    default: return {};
    }
}

QVariant FeedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Topic: return tr("Topic");
    case Tags: return tr("Tags");
    case Keys: return tr("Keys");
    case Queue: return tr("Queue");
    case Offset: return tr("Offset");
    case MsgId: return tr("Message ID");
    case BornHost: return tr("Born host");
    case Size: return tr("Size");
    case Body: return tr("Body");
    default: return {};
    }
}

void FeedModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace mq::gui
