#include "DelayService.h"

#include "Broker.h"
#include "JsonFile.h"

#include <QDateTime>
#include <QTimer>

#include <cmath>

namespace mq::sandbox {

DelayService::DelayService(Broker &broker, QObject *parent)
    : QObject(parent)
    , m_broker(broker)
{}

bool DelayService::setLevels(const QString &levels, double scale, QString *error)
{
    QList<qint64> delays;
    for (const QString &level : levels.split(u' ', Qt::SkipEmptyParts)) {
        const QChar unit = level.back();
        bool ok = false;
        const qint64 n = level.chopped(1).toLongLong(&ok);
        qint64 factor = 0;
        switch (unit.unicode()) {
        case 's': factor = 1000; break;
        case 'm': factor = 60 * 1000; break;
        case 'h': factor = 3600 * 1000; break;
        case 'd': factor = 24 * 3600 * 1000; break;
        default: ok = false;
        }
        if (!ok || n < 0) {
            if (error)
                *error = QStringLiteral("cannot read delay level '%1' (use e.g. 1s 5m 2h)").arg(level);
            return false;
        }
        delays.append(qint64(std::llround(double(n * factor) * scale)));
    }
    if (delays.isEmpty()) {
        if (error)
            *error = QStringLiteral("no delay levels");
        return false;
    }
    m_delays = delays;
    m_offsets = QList<qint64>(delays.size(), 0);
    for (auto *t : m_timers)
        t->deleteLater();
    m_timers.clear();
    for (int level = 1; level <= delays.size(); ++level) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, level] { deliver(level); });
        m_timers.append(timer);
    }
    return true;
}

qint64 DelayService::deliverTimestamp(int level, qint64 storeTimestamp) const
{
    level = qBound(1, level, levelCount());
    return storeTimestamp + m_delays.at(level - 1);
}

void DelayService::load()
{
    if (m_path.isEmpty())
        return;
    const auto doc = readJsonFile(m_path);
    if (!doc)
        return;
    for (const auto &[k, v] : (*doc)["offsetTable"].members()) {
        const int level = int(k.toInt());
        if (level >= 1 && level <= levelCount())
            m_offsets[level - 1] = v.toInt();
    }
}

void DelayService::flush()
{
    if (!m_dirty || m_path.isEmpty())
        return;
    json::Value table = json::Value::object();
    for (int level = 1; level <= levelCount(); ++level)
        table.members().append({json::Value::number(qint64(level)), json::Value::number(m_offsets[level - 1])});
    json::Value doc = json::Value::object();
    doc.insert(QStringLiteral("offsetTable"), table);
    QString error;
    if (writeJsonFile(m_path, doc, &error))
        m_dirty = false;
    else
        qWarning("sandbox: %s", qPrintable(error));
}

void DelayService::start()
{
    m_running = true;
    for (int level = 1; level <= levelCount(); ++level)
        deliver(level);
}

void DelayService::stop()
{
    m_running = false;
    for (auto *t : m_timers)
        t->stop();
    flush();
}

void DelayService::scheduled(int level)
{
    if (m_running && level >= 1 && level <= levelCount() && !m_timers[level - 1]->isActive())
        deliver(level);
}

void DelayService::deliver(int level)
{
    if (!m_running)
        return;
    QTimer *timer = m_timers[level - 1];
    timer->stop();
    const QString scheduleTopic = QString::fromLatin1(TopicConfigs::ScheduleTopic);
    const auto *queue = m_broker.store().queue(scheduleTopic, level - 1);
    qint64 &offset = m_offsets[level - 1];
    while (queue && offset < queue->size()) {
        const CqEntry entry = queue->at(offset);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (entry.tagsCode > now) {
            timer->start(int(qMin<qint64>(entry.tagsCode - now, 60 * 60 * 1000)));
            return;
        }
        if (auto msg = m_broker.store().lookMessage(entry.phyOffset)) {
            // messageTimeup: back to the real topic and queue; the stored properties string
            // (DELAY, REAL_TOPIC, REAL_QID included) is kept as it was.
            MessageExt real = *msg;
            real.topic = msg->properties.value(prop::RealTopic);
            real.queueId = msg->properties.value(prop::RealQueueId).toInt();
            if (!real.topic.isEmpty()) {
                auto stored = m_broker.putMessage(real, 0);
                if (!stored)
                    qWarning("sandbox: cannot deliver delayed message at %lld: %s", entry.phyOffset,
                             qPrintable(stored.error().message));
            }
        }
        ++offset;
        m_dirty = true;
        queue = m_broker.store().queue(scheduleTopic, level - 1);
    }
}

} // namespace mq::sandbox
