#include "MessageStore.h"

#include "JavaHash.h"
#include "MessageCodec.h"
#include "MessageId.h"
#include "PropertyCodec.h"

#include <QDateTime>
#include <QDir>
#include <QTimer>
#include <QtEndian>

#include <algorithm>

namespace mq::sandbox {

namespace {
constexpr const char *kCommitLogFile = "commitlog/00000000000000000000";
constexpr qint64 kFlushThreshold = 4 * 1024 * 1024;
constexpr qint32 kMinStoredSize = 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + 8 + 8 + 8 + 4 + 8 + 4 + 1 + 2;
} // namespace

qint64 tagsCodeOf(const Properties &properties)
{
    const QString tags = properties.value(prop::Tags);
    return tags.isEmpty() ? 0 : qint64(java::stringHash(tags));
}

MessageStore::MessageStore(QObject *parent)
    : QObject(parent)
    , m_flushTimer(new QTimer(this))
{
    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &MessageStore::flush);
}

MessageStore::~MessageStore()
{
    close();
}

Status MessageStore::open(const QString &dir, const HostAndPort &storeHost, int flushIntervalMs)
{
    m_dir = dir;
    m_storeHost = storeHost;
    m_flushTimer->setInterval(flushIntervalMs);
    if (dir.isEmpty())
        return Ok{};
    // Reopening after close() (a broker restart in the same process): the log on disk is the
    // truth, so drop what memory still holds before recovery replays it.
    m_pending.clear();
    m_flushedSize = 0;
    m_size = 0;
    m_queues.clear();
    m_index.clear();
    m_indexLastPhyOffset = 0;
    m_indexLastTimestamp = 0;
    m_messageCount = 0;
    const QString path = QDir(dir).filePath(QString::fromLatin1(kCommitLogFile));
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_writeFile.setFileName(path);
    m_readFile.setFileName(path);
    if (!m_writeFile.open(QIODevice::ReadWrite))
        return makeError(Error::Code::Network,
                         QStringLiteral("cannot open %1: %2").arg(path, m_writeFile.errorString()));
    // Unbuffered: the write handle appends behind its back, a read buffer would go stale.
    if (!m_readFile.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return makeError(Error::Code::Network,
                         QStringLiteral("cannot open %1: %2").arg(path, m_readFile.errorString()));
    return recover();
}

Status MessageStore::recover()
{
    const qint64 fileSize = m_writeFile.size();
    qint64 pos = 0;
    constexpr qint64 kChunk = 8 * 1024 * 1024;
    QByteArray buffer;
    qint64 bufferStart = 0;
    QString stopReason;
    while (pos < fileSize) {
        // Keep at least one whole message in the buffer.
        if (pos + 4 > bufferStart + buffer.size() || pos - bufferStart > kChunk) {
            m_readFile.seek(pos);
            buffer = m_readFile.read(qMin(kChunk, fileSize - pos));
            bufferStart = pos;
        }
        const qint64 rel = pos - bufferStart;
        if (rel + 4 > buffer.size()) {
            stopReason = QStringLiteral("truncated size field");
            break;
        }
        const qint32 size = qFromBigEndian<qint32>(buffer.constData() + rel);
        if (size < kMinStoredSize || pos + size > fileSize) {
            stopReason = QStringLiteral("implausible size %1").arg(size);
            break;
        }
        if (rel + size > buffer.size()) {
            m_readFile.seek(pos);
            buffer = m_readFile.read(qMax<qint64>(size, qMin(kChunk, fileSize - pos)));
            bufferStart = pos;
        }
        const QByteArray one = buffer.mid(pos - bufferStart, size);
        DecodeOptions options;
        options.decompressBody = false;
        auto decoded = decodeMessages(one, options);
        if (!decoded || decoded->size() != 1) {
            stopReason = decoded ? QStringLiteral("not one message") : decoded.error().message;
            break;
        }
        const MessageExt &msg = decoded->first();
        if (msg.commitLogOffset != pos) {
            stopReason = QStringLiteral("message claims offset %1").arg(msg.commitLogOffset);
            break;
        }
        if (msg.queueOffset != maxOffset(msg.topic, msg.queueId)) {
            stopReason = QStringLiteral("queue offset %1 out of sequence").arg(msg.queueOffset);
            break;
        }
        dispatch(msg, pos, size, m_tagsCode ? m_tagsCode(msg) : tagsCodeOf(msg.properties));
        pos += size;
    }
    if (pos < fileSize) {
        qWarning("sandbox: commit log %s: dropping %lld bytes after offset %lld (%s)",
                 qPrintable(m_writeFile.fileName()), fileSize - pos, pos, qPrintable(stopReason));
        m_writeFile.resize(pos);
    }
    m_flushedSize = m_size = pos;
    m_writeFile.seek(pos);
    return Ok{};
}

void MessageStore::close()
{
    flush();
    m_writeFile.close();
    m_readFile.close();
}

void MessageStore::flush()
{
    m_flushTimer->stop();
    if (m_dir.isEmpty() || m_pending.isEmpty() || !m_writeFile.isOpen())
        return;
    for (const QByteArray &segment : m_pending.segments()) {
        if (m_writeFile.write(segment) != segment.size()) {
            qWarning("sandbox: cannot write commit log: %s", qPrintable(m_writeFile.errorString()));
            return;
        }
    }
    if (!m_writeFile.flush()) {
        qWarning("sandbox: cannot write commit log: %s", qPrintable(m_writeFile.errorString()));
        return;
    }
    m_flushedSize += m_pending.size();
    m_pending.clear();
}

Result<AppendResult> MessageStore::append(MessageExt msg, qint64 tagsCode, qint64 storeTimestamp)
{
    const QString key = queueKey(msg.topic, msg.queueId);
    auto &queue = m_queues[key];
    msg.queueOffset = queue.size();
    msg.commitLogOffset = m_size;
    msg.storeTimestamp = storeTimestamp ? storeTimestamp : QDateTime::currentMSecsSinceEpoch();
    msg.storeHost = m_storeHost;
    msg.bodyCrc = bodyCrc32(msg.body);
    msg.magicCode = int(magic::MessageV1);
    const QByteArray bytes = encodeStoredMessage(msg);
    if (bytes.isEmpty()) {
        const auto why = checkStorable(msg);
        return makeError(Error::Code::InvalidArgument,
                         why ? QStringLiteral("message cannot be stored") : why.error().message);
    }
    AppendResult result;
    result.phyOffset = m_size;
    result.queueOffset = msg.queueOffset;
    result.size = qint32(bytes.size());
    result.storeTimestamp = msg.storeTimestamp;
    result.offsetMsgId = encodeOffsetMsgId(m_storeHost, m_size);
    m_pending.append(bytes);
    m_size += bytes.size();
    if (!m_dir.isEmpty()) {
        if (m_pending.size() >= kFlushThreshold)
            flush();
        else if (!m_flushTimer->isActive())
            m_flushTimer->start();
    }
    dispatch(msg, result.phyOffset, result.size, tagsCode);
    if (m_onArrival)
        m_onArrival(msg.topic, msg.queueId, queue.size(), tagsCode);
    return result;
}

void MessageStore::dispatch(const MessageExt &msg, qint64 phyOffset, qint32 size, qint64 tagsCode)
{
    ++m_messageCount;
    const int tranType =
        msg.sysFlag & (sysflag::TransactionPrepared | sysflag::TransactionCommit | sysflag::TransactionRollback);
    // Prepared and rolled-back transaction messages never reach a consume queue or the index.
    if (tranType == sysflag::TransactionPrepared || tranType == sysflag::TransactionRollback)
        return;
    m_queues[queueKey(msg.topic, msg.queueId)].append(CqEntry{phyOffset, size, tagsCode, msg.storeTimestamp});
    const KeyIndex::Entry entry{phyOffset, msg.storeTimestamp};
    const QString uniqueKey = msg.properties.value(prop::UniqueClientMessageId);
    if (!uniqueKey.isEmpty())
        m_index.add(msg.topic + u'#' + uniqueKey, entry);
    for (const auto &k : msg.properties.value(prop::Keys).split(u' ', Qt::SkipEmptyParts))
        if (k != uniqueKey)
            m_index.add(msg.topic + u'#' + k, entry);
    m_indexLastPhyOffset = phyOffset;
    m_indexLastTimestamp = msg.storeTimestamp;
}

std::optional<QByteArray> MessageStore::readMessage(qint64 phyOffset, qint32 size) const
{
    if (phyOffset < 0 || phyOffset + 4 > m_size)
        return std::nullopt;
    const auto readAt = [this](qint64 offset, qint64 length) -> QByteArray {
        if (offset >= m_flushedSize)
            return m_pending.mid(offset - m_flushedSize, length);
        if (!m_readFile.seek(offset))
            return {};
        return m_readFile.read(length);
    };
    if (size < 0) {
        const QByteArray head = readAt(phyOffset, 4);
        if (head.size() != 4)
            return std::nullopt;
        size = qFromBigEndian<qint32>(head.constData());
    }
    if (size < kMinStoredSize || phyOffset + size > m_size)
        return std::nullopt;
    QByteArray bytes = readAt(phyOffset, size);
    if (bytes.size() != size)
        return std::nullopt;
    return bytes;
}

std::optional<MessageExt> MessageStore::lookMessage(qint64 phyOffset) const
{
    const auto bytes = readMessage(phyOffset);
    if (!bytes)
        return std::nullopt;
    DecodeOptions options;
    options.decompressBody = false;
    options.checkCrc = false;
    auto decoded = decodeMessages(*bytes, options);
    if (!decoded || decoded->size() != 1)
        return std::nullopt;
    return decoded->first();
}

const ConsumeQueue *MessageStore::queue(const QString &topic, int queueId) const
{
    const auto it = m_queues.constFind(queueKey(topic, queueId));
    return it == m_queues.constEnd() ? nullptr : &*it;
}

qint64 MessageStore::maxOffset(const QString &topic, int queueId) const
{
    const auto *q = queue(topic, queueId);
    return q ? q->size() : 0;
}

qint64 MessageStore::storeTimestamp(const QString &topic, int queueId, qint64 offset) const
{
    const auto *q = queue(topic, queueId);
    if (!q || offset < 0 || offset >= q->size())
        return -1;
    return q->at(offset).storeTimestamp;
}

qint64 MessageStore::offsetByTime(const QString &topic, int queueId, qint64 timestamp) const
{
    const auto *q = queue(topic, queueId);
    if (!q || q->isEmpty())
        return 0;
    qint64 low = 0, high = q->size() - 1;
    qint64 target = -1, left = -1, right = -1;
    qint64 leftValue = -1, rightValue = -1;
    while (high >= low) {
        const qint64 mid = (low + high) / 2;
        const qint64 t = q->at(mid).storeTimestamp;
        if (t == timestamp) {
            target = mid;
            break;
        }
        if (t > timestamp) {
            high = mid - 1;
            right = mid;
            rightValue = t;
        } else {
            low = mid + 1;
            left = mid;
            leftValue = t;
        }
    }
    if (target != -1)
        return target;
    if (leftValue == -1)
        return right;
    if (rightValue == -1)
        return left;
    return qAbs(timestamp - leftValue) > qAbs(timestamp - rightValue) ? right : left;
}

QList<qint64> MessageStore::queryIndex(const QString &topic, const QString &key, int maxNum, qint64 begin,
                                       qint64 end) const
{
    QList<qint64> out;
    const QList<KeyIndex::Entry> *entries = m_index.find(topic + u'#' + key);
    if (!entries)
        return out;
    for (auto e = entries->crbegin(); e != entries->crend() && out.size() < maxNum; ++e)
        if (e->storeTimestamp >= begin && e->storeTimestamp <= end)
            out.append(e->phyOffset);
    return out;
}

} // namespace mq::sandbox
