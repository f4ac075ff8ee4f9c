#include "ConsumerProgressModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace mq::gui {

ConsumerProgressModel::ConsumerProgressModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ConsumerProgressModel::setProgress(const ConsumerProgress &progress)
{
    beginResetModel();
    m_progress = progress;
    endResetModel();
}

int ConsumerProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_progress.queues.size());
}

int ConsumerProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConsumerProgressModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_progress.queues.size())
        return {};
    const QueueProgress &q = m_progress.queues.at(index.row());
    const QLocale locale;
    if (role == Qt::TextAlignmentRole && index.column() >= Queue && index.column() <= Lag)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Lag && q.lag() > 0)
        return QBrush(QColor(0xd9, 0x9a, 0x1e));
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Topic: return q.queue.topic;
        case Broker: return q.queue.brokerName;
        case Queue: return q.queue.queueId;
        case BrokerOffset: return q.brokerOffset;
        case ConsumerOffset: return q.consumerOffset;
        case Lag: return q.lag();
        case LastConsumed: return q.lastTimestamp;
        case Client: return q.client;
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Topic: return q.queue.topic;
    case Broker: return q.queue.brokerName;
    case Queue: return q.queue.queueId;
    case BrokerOffset: return locale.toString(q.brokerOffset);
    case ConsumerOffset: return locale.toString(q.consumerOffset);
    case Lag: return locale.toString(q.lag());
    case LastConsumed:
        return q.lastTimestamp > 0
                   ? QDateTime::fromMSecsSinceEpoch(q.lastTimestamp).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                   : tr("never");
    case Client: return q.client.isEmpty() ? tr("(offline)") : q.client;
    default: return {};
    }
}

QVariant ConsumerProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Topic: return tr("Topic");
    case Broker: return tr("Broker");
    case Queue: return tr("Queue");
    case BrokerOffset: return tr("Broker offset");
    case ConsumerOffset: return tr("Consumer offset");
    case Lag: return tr("Lag");
    case LastConsumed: return tr("Last consumed");
    case Client: return tr("Client");
    default: return {};
    }
}

} // namespace mq::gui
