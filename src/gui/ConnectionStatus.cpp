#include "ConnectionStatus.h"

#include "Icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace mq::gui {

ConnectionStatus::ConnectionStatus(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_keychainIcon(new QLabel(this))
    , m_keychainText(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_keychainIcon);
    layout->addWidget(m_keychainText);
    m_text->setObjectName(QStringLiteral("connectionText"));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keychainIcon->setVisible(false);
    m_keychainText->setVisible(false);
    m_keychainText->setObjectName(QStringLiteral("keychainWarning"));
}

QString ConnectionStatus::describe(const QString &profile, const ConnectionState &state)
{
    using Phase = ConnectionState::Phase;
    switch (state.phase) {
    case Phase::Disconnected: return tr("Not connected. Choose a profile and press Connect (Ctrl+K).");
    case Phase::Connecting:
        return state.nameServers.isEmpty() ? tr("%1: connecting...").arg(profile)
                                           : tr("%1: connecting to name servers %2...")
                                                 .arg(profile, state.nameServers.join(QStringLiteral(", ")));
    case Phase::Connected: {
        QString text =
            tr("%1: connected. Name servers: %2. Brokers: %3.")
                .arg(profile, state.nameServers.isEmpty() ? tr("none") : state.nameServers.join(QStringLiteral(", ")),
                     state.brokers.isEmpty() ? tr("none yet") : state.brokers.join(QStringLiteral(", ")));
        if (!state.error.isEmpty())
            text += QLatin1Char(' ') + tr("Warning: %1").arg(state.error);
        return text;
    }
    case Phase::Failed:
        return tr("%1: not connected. %2").arg(profile, state.error.isEmpty() ? tr("Unknown error.") : state.error);
    }
    return {};
}

void ConnectionStatus::setState(const QString &profile, const ConnectionState &state)
{
    using Phase = ConnectionState::Phase;
    QString iconName = QStringLiteral("status-idle");
    if (state.phase == Phase::Connecting)
        iconName = QStringLiteral("status-busy");
    else if (state.phase == Phase::Connected)
        iconName = state.error.isEmpty() ? QStringLiteral("status-ok") : QStringLiteral("status-warn");
    else if (state.phase == Phase::Failed)
        iconName = QStringLiteral("status-error");
    const int size = fontMetrics().height() - 2;
    m_icon->setPixmap(icon(iconName).pixmap(QSize(size, size), devicePixelRatioF()));
    m_text->setText(describe(profile, state));
    QString tip;
    if (!state.nameServers.isEmpty())
        tip += tr("Name servers:") + QLatin1Char('\n') + state.nameServers.join(QLatin1Char('\n'));
    if (!state.brokers.isEmpty())
        tip += QStringLiteral("\n\n") + tr("Brokers:") + QLatin1Char('\n') + state.brokers.join(QLatin1Char('\n'));
    if (!state.error.isEmpty())
        tip += QStringLiteral("\n\n") + state.error;
    m_text->setToolTip(tip.trimmed());
}

void ConnectionStatus::setKeychainWarning(const QString &warning)
{
    m_warning = warning;
    m_keychainIcon->setVisible(!warning.isEmpty());
    m_keychainText->setVisible(!warning.isEmpty());
    const int size = fontMetrics().height() - 2;
    m_keychainIcon->setPixmap(icon(QStringLiteral("status-warn")).pixmap(QSize(size, size), devicePixelRatioF()));
    m_keychainIcon->setToolTip(warning);
    m_keychainText->setText(tr("Keychain unavailable: secrets last this session only"));
    m_keychainText->setToolTip(warning);
}

void ConnectionStatus::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && !m_warning.isEmpty())
        setKeychainWarning(m_warning);
    QWidget::changeEvent(event);
}

QString ConnectionStatus::text() const
{
    return m_text->text();
}

} // namespace mq::gui
