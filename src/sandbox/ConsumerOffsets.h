#pragma once

#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mq::sandbox {

// Committed consumer offsets (ConsumerOffsetManager): "topic@group" -> queueId -> offset.
// Persisted to DIR/config/consumerOffset.json in the broker's own shape; saving is cheap
// and only happens when something changed (the broker calls flush() on a timer and on stop).
class ConsumerOffsets {
public:
    void setPath(const QString &path) { m_path = path; }
    void load();
    void flush(); // writes if dirty

    void commit(const QString &group, const QString &topic, int queueId, qint64 offset);
    qint64 query(const QString &group, const QString &topic, int queueId) const; // -1 when none
    QStringList topicsOf(const QString &group) const; // whichTopicByConsumer, in first-commit order
    bool isDirty() const { return m_dirty; }

private:
    static QString key(const QString &group, const QString &topic) { return topic + u'@' + group; }
    QHash<QString, QMap<int, qint64>> m_table;
    QStringList m_order;
    QString m_path;
    bool m_dirty = false;
};

} // namespace mq::sandbox
