#include "FeedModel.h"

#include "MessageId.h"
#include "PropertyCodec.h"

#include <QDateTime>
#include <QStringDecoder>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <limits>

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

namespace {

// Lower-case ASCII fold; other bytes (UTF-8 lead/continuation bytes included) are themselves.
inline char fold(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
}

bool containsFolded(const char *hay, qsizetype size, const QByteArray &needle)
{
    const qsizetype n = needle.size();
    if (n == 0)
        return true;
    const char *want = needle.constData();
    for (qsizetype i = 0; i + n <= size; ++i) {
        if (fold(hay[i]) != want[0])
            continue;
        qsizetype j = 1;
        while (j < n && fold(hay[i + j]) == want[j])
            ++j;
        if (j == n)
            return true;
    }
    return false;
}

QByteArray hostKey(const HostAndPort &h)
{
    bool v4 = false;
    const quint32 ip4 = h.address.toIPv4Address(&v4);
    QByteArray key;
    if (v4) {
        key.resize(7);
        key[0] = 4;
        qToBigEndian(ip4, key.data() + 1);
        qToBigEndian(h.port, key.data() + 5);
    } else {
        const Q_IPV6ADDR ip6 = h.address.toIPv6Address();
        key = QByteArray(1, char(h.address.protocol() == QAbstractSocket::IPv6Protocol ? 6 : 0)) +
              QByteArray(reinterpret_cast<const char *>(ip6.c), 16) + h.address.scopeId().toUtf8();
        key.append(char(h.port >> 8)).append(char(h.port & 0xff));
    }
    return key;
}

} // namespace

FeedModel::~FeedModel() = default;

size_t FeedModel::rowSlotSize()
{
    return sizeof(Row);
}

quint32 FeedModel::internHost(const HostAndPort &host)
{
    const QByteArray key = hostKey(host);
    if (const auto it = m_hostIndex.constFind(key); it != m_hostIndex.constEnd())
        return *it;
    const QString id = encodeOffsetMsgId(host, 0);
    m_hosts.push_back(Host{host, id.left(id.size() - 16).toLatin1()});
    const auto index = quint32(m_hosts.size() - 1);
    m_hostIndex.insert(key, index);
    return index;
}

quint32 FeedModel::internTopic(const QString &topic)
{
    if (const auto it = m_topicIndex.constFind(topic); it != m_topicIndex.constEnd())
        return *it;
    m_topics.append(topic);
    const auto index = quint32(m_topics.size() - 1);
    m_topicIndex.insert(topic, index);
    return index;
}

QByteArray FeedModel::offsetMsgIdOf(const Row &r) const
{
    if (r.extras && !r.extras->offsetMsgId.isNull())
        return r.extras->offsetMsgId.toLatin1();
    QByteArray offset(8, Qt::Uninitialized);
    qToBigEndian(r.commitLogOffset, offset.data());
    return m_hosts[r.storeHost].idHex + offset.toHex().toUpper();
}

FeedModel::Row FeedModel::compact(int subscriptionId, const MessageExt &m)
{
    Row r;
    const QString encoded = encodeProperties(m.properties);
    m_packing.truncate(0);
    packed::pack(encoded.toUtf8(), m_sharedValues, m_packing);
    r.packedLength = qint32(m_packing.size());
    r.bytes = m_arena.allocate(m_packing.size() + m.body.size());
    memcpy(r.bytes.data(), m_packing.constData(), size_t(m_packing.size()));
    memcpy(r.bytes.data() + r.packedLength, m.body.constData(), size_t(m.body.size()));
    r.hadRawProperties = !m.rawProperties.isEmpty();
    const auto extras = [&r]() -> FeedRowExtras & {
        if (!r.extras)
            r.extras = std::make_unique<FeedRowExtras>();
        return *r.extras;
    };
    if (r.hadRawProperties && m.rawProperties != encoded)
        extras().rawProperties = m.rawProperties;
    r.queueOffset = m.queueOffset;
    r.commitLogOffset = m.commitLogOffset;
    r.bornTimestamp = m.bornTimestamp;
    const qint64 delta = m.storeTimestamp - m.bornTimestamp;
    if (delta >= std::numeric_limits<qint32>::min() && delta <= std::numeric_limits<qint32>::max()) {
        r.storeDelta = qint32(delta);
    } else {
        extras().storeTimestamp = m.storeTimestamp;
        extras().storeTimestampSet = true;
    }
    if (m.preparedTransactionOffset != 0)
        extras().preparedTransactionOffset = m.preparedTransactionOffset;
    r.bodyCrc = m.bodyCrc;
    r.storeSize = m.storeSize;
    r.magicCode = m.magicCode;
    r.queueId = m.queueId;
    r.sysFlag = m.sysFlag;
    r.reconsumeTimes = m.reconsumeTimes;
    r.flag = m.flag;
    r.subscriptionId = subscriptionId;
    r.topic = internTopic(m.topic);
    r.bornHost = internHost(m.bornHost);
    r.storeHost = internHost(m.storeHost);
    if (offsetMsgIdOf(r) != m.offsetMsgId.toLatin1() || m.offsetMsgId.isNull())
        extras().offsetMsgId = m.offsetMsgId.isNull() ? QString(QLatin1String("")) : m.offsetMsgId;
    return r;
}

MessageExt FeedModel::message(int row) const
{
    const Row &r = row_(row);
    MessageExt m;
    m.topic = m_topics[r.topic];
    m.flag = r.flag;
    const QString encoded = QString::fromUtf8(packed::unpack(packedOf(r), m_sharedValues));
    m.properties = decodeProperties(encoded);
    m.body = bodyOf(r).toByteArray();
    m.storeSize = r.storeSize;
    m.magicCode = r.magicCode;
    m.bodyCrc = r.bodyCrc;
    m.queueId = r.queueId;
    m.queueOffset = r.queueOffset;
    m.commitLogOffset = r.commitLogOffset;
    m.sysFlag = r.sysFlag;
    m.bornTimestamp = r.bornTimestamp;
    m.bornHost = m_hosts[r.bornHost].host;
    m.storeTimestamp = r.bornTimestamp + r.storeDelta;
    m.storeHost = m_hosts[r.storeHost].host;
    m.reconsumeTimes = r.reconsumeTimes;
    m.offsetMsgId = QString::fromLatin1(offsetMsgIdOf(r));
    if (r.hadRawProperties)
        m.rawProperties = encoded;
    if (r.extras) {
        if (!r.extras->rawProperties.isEmpty())
            m.rawProperties = r.extras->rawProperties;
        if (r.extras->storeTimestampSet)
            m.storeTimestamp = r.extras->storeTimestamp;
        m.preparedTransactionOffset = r.extras->preparedTransactionOffset;
        if (!r.extras->offsetMsgId.isNull())
            m.offsetMsgId = r.extras->offsetMsgId;
    }
    return m;
}

QString FeedModel::bodyPreview(int row) const
{
    const QByteArrayView body = bodyOf(row_(row));
    return previewOf(QByteArray::fromRawData(body.data(), body.size()));
}

bool FeedModel::rowContains(int row, const QByteArray &lowerNeedle) const
{
    const Row &r = row_(row);
    bool found = false;
    packed::forEachPair(packedOf(r), m_sharedValues, [&](QByteArrayView name, QByteArrayView value) {
        if (!found && (name == "KEYS" || name == "TAGS" || name == "UNIQ_KEY"))
            found = containsFolded(value.data(), value.size(), lowerNeedle);
    });
    const QByteArrayView body = bodyOf(r);
    if (found || containsFolded(body.data(), body.size(), lowerNeedle))
        return true;
    if (r.extras && !r.extras->offsetMsgId.isNull()) {
        const QByteArray id = r.extras->offsetMsgId.toLatin1();
        return containsFolded(id.constData(), id.size(), lowerNeedle);
    }
    // The derived offsetMsgId on the stack: host hex (at most 40 chars) + 16 for the offset.
    const QByteArray &host = m_hosts[r.storeHost].idHex;
    char id[64];
    const qsizetype hostChars = std::min<qsizetype>(host.size(), 48);
    memcpy(id, host.constData(), size_t(hostChars));
    for (int i = 0; i < 16; ++i)
        id[hostChars + i] = "0123456789ABCDEF"[(quint64(r.commitLogOffset) >> (60 - 4 * i)) & 0xf];
    return containsFolded(id, hostChars + 16, lowerNeedle);
}

void FeedModel::append(int subscriptionId, const QList<MessageExt> &messages)
{
    m_totalReceived += messages.size();
    for (const MessageExt &m : messages)
        m_pending.push_back(compact(subscriptionId, m));
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
    for (int i = 0; i < count; ++i) {
        Row &r = m_ring[(m_head + size_t(i)) % m_ring.size()];
        r.bytes.release(); // a Row has nothing else on the heap but rare extras
        r.extras.reset();
    }
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
        // Grow (up to the capacity) and lay the rows out from index 0 again. Rows are cheap to
        // default-construct and move (no heap), so this costs a few ms even at 100 000 rows.
        std::vector<Row> grown(std::min(size_t(m_capacity), std::max(m_ring.size() * 2, needed)));
        for (int i = 0; i < m_count; ++i)
            grown[size_t(i)] = std::move(m_ring[(m_head + size_t(i)) % m_ring.size()]);
        m_ring = std::move(grown);
        m_head = 0;
    }
    beginInsertRows({}, m_count, m_count + incoming - 1);
    for (Row &r : m_pending)
        m_ring[(m_head + size_t(m_count++)) % m_ring.size()] = std::move(r);
    m_pending.clear();
    if (m_pending.capacity() > 8192) // a long pause queued up to a ring's worth: give it back
        std::vector<Row>().swap(m_pending);
    endInsertRows();
    Q_EMIT batchInserted(incoming);
}

void FeedModel::setCapacity(int capacity)
{
    capacity = std::max(1, capacity);
    if (capacity == m_capacity)
        return;
    dropOldest(m_count - capacity);
    std::vector<Row> resized;
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
    std::vector<Row>().swap(m_ring); // clearing the feed gives its memory back
    std::vector<Row>().swap(m_pending);
    m_head = 0;
    m_count = 0;
    m_droppedPending = 0;
    m_hosts.clear();
    m_hostIndex.clear();
    m_topics.clear();
    m_topicIndex.clear();
    m_sharedValues.clear();
    endResetModel();
}

QVariant FeedModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_count)
        return {};
    const Row &r = row_(index.row());
    if (role == MessageRole)
        return QVariant::fromValue(message(index.row()));
    if (role == SubscriptionRole)
        return r.subscriptionId;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Offset || index.column() == Size)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role != Qt::ToolTipRole && role != Qt::DisplayRole)
        return {};
    const qint64 store =
        r.extras && r.extras->storeTimestampSet ? r.extras->storeTimestamp : r.bornTimestamp + r.storeDelta;
    const qint64 when = store ? store : r.bornTimestamp;
    const auto property = [&](const char *name) {
        return QString::fromUtf8(packed::value(packedOf(r), m_sharedValues, name));
    };
    const auto msgId = [&] {
        const QString unique = property("UNIQ_KEY");
        return unique.isEmpty() ? QString::fromLatin1(offsetMsgIdOf(r)) : unique;
    };
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Time: return QDateTime::fromMSecsSinceEpoch(when).toString(Qt::ISODateWithMs);
        case Body: return bodyPreview(index.row());
        case MsgId: return tr("offsetMsgId: %1").arg(QString::fromLatin1(offsetMsgIdOf(r)));
        default: return {};
        }
    }
    switch (index.column()) {
    case Time: return QDateTime::fromMSecsSinceEpoch(when).toString(QStringLiteral("HH:mm:ss.zzz"));
    case Topic: return m_topics[r.topic];
    case Tags: return property("TAGS");
    case Keys: return property("KEYS").split(QLatin1Char(' '), Qt::SkipEmptyParts).join(QLatin1Char(' '));
    case Queue: return QStringLiteral("%1:%2").arg(m_hosts[r.storeHost].host.toString()).arg(r.queueId);
    case Offset: return r.queueOffset;
    case MsgId: return msgId();
    case BornHost: return m_hosts[r.bornHost].host.toString();
    case Size: return qlonglong(bodyOf(r).size());
    case Body: return bodyPreview(index.row());
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
