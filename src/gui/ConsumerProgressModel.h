#pragma once

#include "Backends.h"

#include <QAbstractTableModel>

namespace mq::gui {

// One row per queue of a consumer group: broker offset, consumer offset, lag, last consumed.
// Qt::UserRole holds raw values so a proxy sorts numbers as numbers.
class ConsumerProgressModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Topic, Broker, Queue, BrokerOffset, ConsumerOffset, Lag, LastConsumed, Client, ColumnCount };
    explicit ConsumerProgressModel(QObject *parent = nullptr);

    void setProgress(const ConsumerProgress &progress);
    const ConsumerProgress &progress() const { return m_progress; }
    void retranslate() { Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ConsumerProgress m_progress;
};

} // namespace mq::gui
