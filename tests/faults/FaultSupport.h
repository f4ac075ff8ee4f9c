#pragma once

// What the fault tests share: a heartbeat that measures how long the event loop was busy,
// restarting a sandbox broker the way a restarted process comes back, and reading what a
// broker really stored.

#include "PerfStats.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace mq::sandbox {
class Broker;
class NameServer;
} // namespace mq::sandbox

namespace faults {

// A 1 ms timer; each tick records how much later than 1 ms after the previous one it came.
class LatenessProbe : public QObject {
    Q_OBJECT
public:
    LatenessProbe();
    void start();
    void stop() { m_timer.stop(); }
    const mq::perf::Samples &samples() const { return m_samples; }
    mq::perf::Percentiles summaryMs() const { return m_samples.summary(1e6); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    mq::perf::Samples m_samples;
};

// Runs a real event loop until `done()` holds (checked every millisecond); false after
// `timeoutMs`. Unlike QTRY_*, which sleeps 10 ms between polls, this leaves a LatenessProbe
// measuring the code under test, not the wait.
bool runUntil(const std::function<bool()> &done, int timeoutMs);

// A broker like `old` (same options and data directory) on `address`'s port, registered with
// `nameServer`: what a restarted broker process looks like to clients. `old` must be stopped
// first. nullptr (and `error` set) when it cannot start.
std::unique_ptr<mq::sandbox::Broker> startBrokerLike(const mq::sandbox::Broker &old, const QString &address,
                                                     mq::sandbox::NameServer *nameServer, QString *error);

// The KEYS of every message `broker` holds for `topic`, read back from its store.
QList<QString> storedKeys(mq::sandbox::Broker &broker, const QString &topic);

template <typename T> QSet<T> toSet(const QList<T> &list)
{
    return QSet<T>(list.cbegin(), list.cend());
}

} // namespace faults
