#pragma once

#include "Message.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QString>

namespace mq::gui {

// Messages whose send failed, kept in a JSON file (QStandardPaths::AppDataLocation by default)
// so they survive a restart and can be retried exactly as they were composed.
class Outbox : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FailedAt, Profile, Topic, Keys, Attempts, LastError, ColumnCount };
    struct Entry {
        QString id;
        QString profile;
        Message message;
        QString lastError;
        int attempts = 1;
        QDateTime failedAt;
    };

    // An empty path means <AppDataLocation>/outbox.json.
    explicit Outbox(QString path = {}, QObject *parent = nullptr);
    QString path() const { return m_path; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString add(const QString &profile, const Message &message, const QString &error);
    void recordFailure(const QString &id, const QString &error); // another failed retry
    void remove(const QString &id);
    const Entry &entry(int row) const { return m_entries.at(row); }
    int indexOf(const QString &id) const;
    QString loadError() const { return m_loadError; }
    void retranslate() { Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1); }

private:
    void load();
    void save();
    QString m_path;
    QList<Entry> m_entries;
    QString m_loadError;
};

} // namespace mq::gui
