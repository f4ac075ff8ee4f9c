#pragma once

#include <QObject>

class QWidget;

namespace mq::gui {

// Measures `mqdesk --measure-startup`: the time from the process's creation (as the kernel
// recorded it, so dynamic loading counts too) to the main window's first paint. Prints one
// line to stdout and quits the application.
class StartupProbe : public QObject {
    Q_OBJECT
public:
    explicit StartupProbe(QWidget *window);

    // Milliseconds since this process was created; -1 where the platform does not say.
    static double millisecondsSinceProcessStart();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool m_reported = false;
};

} // namespace mq::gui
