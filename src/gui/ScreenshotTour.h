#pragma once

#include <QCoro/QCoroTask>
#include <QObject>
#include <QString>

namespace mq::gui {

class MainWindow;

// `mqdesk --screenshot DIR`: fills the panels with a little real traffic (when connected),
// saves a picture of each panel as DIR/<panel>-<lang>.png and quits. Used for the README
// and the AppStream screenshots; hidden from --help.
class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    ScreenshotTour(MainWindow *window, QString directory, QString language, QObject *parent = nullptr);
    void start();

private:
    QCoro::Task<> run();
    QCoro::Task<> settle(int milliseconds);
    bool grab(const QString &name);
    MainWindow *m_window;
    QString m_directory;
    QString m_language;
};

} // namespace mq::gui
