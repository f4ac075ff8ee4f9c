#include "SendResultsModel.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace mq::gui {

SendResultsModel::SendResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int SendResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SendResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void SendResultsModel::add(Row row)
{
    (row.ok ? m_ok : m_failed)++;
    if (int(m_rows.size()) >= m_limit) {
        beginRemoveRows({}, 0, 0);
        m_rows.pop_front();
        endRemoveRows();
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.push_back(std::move(row));
    endInsertRows();
}

void SendResultsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_ok = m_failed = 0;
    endResetModel();
}

QVariant SendResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    if (role == Qt::ForegroundRole && index.column() == Status && !r.ok)
        return QBrush(QColor(0xd0, 0x30, 0x30));
    if (role == Qt::ToolTipRole)
        return r.ok ? QVariant() : QVariant(r.error);
    if (role == Qt::TextAlignmentRole && (index.column() == Offset || index.column() == Latency))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time: return r.time.toString(QStringLiteral("HH:mm:ss.zzz"));
    case Status: return r.ok ? r.receipt.status : tr("Failed: %1").arg(r.error);
    case MsgId: return r.receipt.msgId;
    case OffsetMsgId: return r.receipt.offsetMsgId;
    case Queue:
        return r.ok ? QStringLiteral("%1:%2").arg(r.receipt.queue.brokerName).arg(r.receipt.queue.queueId) : QString();
    case Offset: return r.ok ? QVariant(r.receipt.queueOffset) : QVariant();
    case Broker: return r.receipt.brokerAddress;
    case Latency: return tr("%1 ms").arg(r.latencyMs);
    default: return {};
    }
}

QVariant SendResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Status: return tr("Status");
    case MsgId: return tr("Message ID");
    case OffsetMsgId: return tr("Offset message ID");
    case Queue: return tr("Queue");
    case Offset: return tr("Queue offset");
    case Broker: return tr("Broker");
    case Latency: return tr("Latency");
    default: return {};
    }
}

} // namespace mq::gui
