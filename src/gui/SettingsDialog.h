#pragma once

#include <QDialog>

#include <memory>

class QSettings;

namespace Ui {
class SettingsDialog;
}

namespace mq::gui {

// Language, live-feed capacity and update interval.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QSettings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;
    void save();
    void setLanguage(const QString &code); // "system", "en", "zh_CN"

private:
    void restoreDefaults();
    std::unique_ptr<Ui::SettingsDialog> ui;
    QSettings &m_settings;
};

} // namespace mq::gui
