#pragma once

#include "Session.h"

#include <QWidget>

class QLabel;

namespace mq::gui {

// The status bar's account of the connection: phase, resolved name servers, brokers and the
// last error in words; plus a warning when secrets cannot be kept in the system keychain.
class ConnectionStatus : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionStatus(QWidget *parent = nullptr);
    void setState(const QString &profile, const ConnectionState &state);
    void setKeychainWarning(const QString &warning);
    QString text() const;
    static QString describe(const QString &profile, const ConnectionState &state);

protected:
    void changeEvent(QEvent *event) override;

private:
    QString m_warning;
    QLabel *m_icon;
    QLabel *m_text;
    QLabel *m_keychainIcon;
    QLabel *m_keychainText;
};

} // namespace mq::gui
