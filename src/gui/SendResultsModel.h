#pragma once

#include "Backends.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <deque>

namespace mq::gui {

// The composer's results table: one row per send attempt, newest last, bounded.
class SendResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Status, MsgId, OffsetMsgId, Queue, Offset, Broker, Latency, ColumnCount };
    struct Row {
        QDateTime time;
        bool ok = false;
        SendReceipt receipt; // when ok
        QString error;       // when not
        QString topic;
        qint64 latencyMs = 0;
    };

    explicit SendResultsModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void add(Row row);
    const Row &row(int i) const { return m_rows.at(size_t(i)); }
    void clear();
    void setLimit(int limit) { m_limit = limit; }
    int okCount() const { return m_ok; }
    int failedCount() const { return m_failed; }
    void retranslate() { Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1); }

private:
    std::deque<Row> m_rows;
    int m_limit = 10000;
    int m_ok = 0;
    int m_failed = 0;
};

} // namespace mq::gui
