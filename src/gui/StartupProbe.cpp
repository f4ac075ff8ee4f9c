#include "StartupProbe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTextStream>
#include <QTimer>
#include <QWidget>

#include <ctime>
#include <unistd.h>

namespace mq::gui {

StartupProbe::StartupProbe(QWidget *window)
    : QObject(window)
{
    window->installEventFilter(this);
}

double StartupProbe::millisecondsSinceProcessStart()
{
#ifdef Q_OS_LINUX
    // Field 22 of /proc/self/stat: start time in clock ticks after boot (CLOCK_BOOTTIME).
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')'); // the command name may hold spaces
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (close < 0 || fields.size() < 20)
        return -1;
    const double startTicks = fields.at(19).toDouble(); // field 22 counted from field 3
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
#else
    return -1;
#endif
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_reported && event->type() == QEvent::Paint) {
        m_reported = true;
        const double ms = millisecondsSinceProcessStart();
        QTextStream(stdout) << "startup: " << QString::number(ms, 'f', 1)
                            << " ms from process start to the main window's first paint\n";
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace mq::gui
