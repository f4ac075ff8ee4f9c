#pragma once

#include <QObject>

class QSocketNotifier;

namespace mq::cli {

// Turns SIGINT / SIGTERM into a Qt signal while it exists: the handler only writes a byte to a
// socket pair (async-signal-safe) and the event loop reads it. One at a time per process.
class StopSignals : public QObject {
    Q_OBJECT

public:
    StopSignals();
    ~StopSignals() override;

Q_SIGNALS:
    void stopRequested();

private:
    static void onSignal(int);
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace mq::cli
