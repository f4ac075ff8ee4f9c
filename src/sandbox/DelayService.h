#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QTimer;

namespace mq::sandbox {

class Broker;

// ScheduleMessageService: messages with a DELAY level wait in SCHEDULE_TOPIC_XXXX (queue
// level-1, tagsCode = delivery time) and are put back on their REAL_TOPIC / REAL_QID when due.
// Progress per level is persisted like the broker's delayOffset.json.
class DelayService : public QObject {
    Q_OBJECT

public:
    DelayService(Broker &broker, QObject *parent = nullptr);

    // "1s 5s 10s ... 2h" scaled by `scale`; false when a level cannot be read.
    bool setLevels(const QString &levels, double scale, QString *error = nullptr);
    int levelCount() const { return int(m_delays.size()); }
    qint64 deliverTimestamp(int level, qint64 storeTimestamp) const;

    void setPath(const QString &path) { m_path = path; }
    void load();
    void flush();
    void start();
    void stop();
    void scheduled(int level); // a message was just stored for `level`

private:
    void deliver(int level);

    Broker &m_broker;
    QList<qint64> m_delays; // per level, milliseconds
    QList<qint64> m_offsets;
    QList<QTimer *> m_timers;
    QString m_path;
    bool m_running = false;
    bool m_dirty = false;
};

} // namespace mq::sandbox
