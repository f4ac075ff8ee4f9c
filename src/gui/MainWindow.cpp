#include "MainWindow.h"

#include "ComposerPanel.h"
#include "ConnectionStatus.h"
#include "ConsumersPanel.h"
#include "FeedPanel.h"
#include "Icons.h"
#include "Language.h"
#include "Log.h"
#include "MessageInspector.h"
#include "Outbox.h"
#include "ProfileDialog.h"
#include "ProfileStore.h"
#include "QueryPanel.h"
#include "SecretStore.h"
#include "SettingsDialog.h"
#include "TopicsPanel.h"
#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QToolButton>

namespace mq::gui {

MainWindow::MainWindow(Context context, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_context(std::move(context))
    , m_outbox(new Outbox(m_context.outboxPath, this))
{
    ui->setupUi(this);
    setWindowIcon(appIcon());
    QSettings &settings = *m_context.settings;

    m_composer = new ComposerPanel(settings, m_outbox, this);
    m_feed = new FeedPanel(this);
    m_query = new QueryPanel(this);
    m_topics = new TopicsPanel(this);
    m_consumers = new ConsumersPanel(this);
    for (QWidget *panel :
         {static_cast<QWidget *>(m_composer), static_cast<QWidget *>(m_feed), static_cast<QWidget *>(m_query),
          static_cast<QWidget *>(m_topics), static_cast<QWidget *>(m_consumers)})
        ui->pages->addWidget(panel);

    m_inspector = new MessageInspector(this);
    m_inspectorDock = new QDockWidget(this);
    m_inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    m_inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    ui->actionShowInspector->setChecked(true);
    connect(ui->actionShowInspector, &QAction::toggled, m_inspectorDock, &QDockWidget::setVisible);
    connect(m_inspectorDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!isMinimized())
            ui->actionShowInspector->setChecked(visible);
    });
    connect(m_feed, &FeedPanel::messageSelected, m_inspector, &MessageInspector::showMessage);
    connect(m_query, &QueryPanel::messageSelected, m_inspector, &MessageInspector::showMessage);
    connect(m_topics, &TopicsPanel::topicsLoaded, this, &MainWindow::distributeTopics);

    m_status = new ConnectionStatus(this);
    ui->statusbar->addWidget(m_status, 1);
    m_status->setKeychainWarning(m_context.secrets ? m_context.secrets->warning() : QString());
    if (m_context.secrets)
        connect(m_context.secrets, &SecretStore::warningChanged, m_status, &ConnectionStatus::setKeychainWarning);

    setupNavigation();
    setupToolBar();

    connect(ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui->actionConnect, &QAction::triggered, this, &MainWindow::connectSelected);
    connect(ui->actionDisconnect, &QAction::triggered, this, &MainWindow::disconnectSession);
    connect(ui->actionProfiles, &QAction::triggered, this, &MainWindow::editProfiles);
    connect(ui->actionSettings, &QAction::triggered, this, &MainWindow::editSettings);
    connect(ui->actionAbout, &QAction::triggered, this, &MainWindow::about);

    ui->actionConnect->setIcon(icon(QStringLiteral("connect")));
    ui->actionDisconnect->setIcon(icon(QStringLiteral("disconnect")));
    ui->actionProfiles->setIcon(icon(QStringLiteral("profile")));
    ui->actionSettings->setIcon(icon(QStringLiteral("settings")));
    ui->actionQuit->setIcon(icon(QStringLiteral("quit")));
    ui->actionShowInspector->setIcon(icon(QStringLiteral("inspect")));
    ui->actionAbout->setIcon(icon(QStringLiteral("about")));

    applySettings();
    reloadProfiles(ProfileStore(settings).lastUsed());
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1360, 820);
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
        resizeDocks({m_inspectorDock}, {400}, Qt::Horizontal);
    showPage(Page(qBound(0, settings.value(QStringLiteral("window/page"), 0).toInt(), PageCount - 1)));
    retranslate();
    onStateChanged({});
}

MainWindow::~MainWindow()
{
    // Panels hold plain pointers into the session; let go of them before it goes.
    m_composer->setSession(nullptr);
    m_feed->setSession(nullptr);
    m_query->setSession(nullptr);
    m_topics->setSession(nullptr);
    m_consumers->setSession(nullptr);
    m_inspector->setSession(nullptr);
}

void MainWindow::setupNavigation()
{
    static const char *const icons[] = {"send", "feed", "search", "topics", "consumers"};
    for (int i = 0; i < PageCount; ++i) {
        if (auto *item = ui->navigation->item(i))
            item->setIcon(icon(QString::fromLatin1(icons[i])));
    }
    connect(ui->navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            ui->pages->setCurrentIndex(row);
    });
    const QList<QAction *> pageActions{ui->actionShowComposer, ui->actionShowFeed, ui->actionShowQuery,
                                       ui->actionShowTopics, ui->actionShowConsumers};
    for (int i = 0; i < pageActions.size(); ++i) {
        pageActions.at(i)->setIcon(icon(QString::fromLatin1(icons[i])));
        connect(pageActions.at(i), &QAction::triggered, this, [this, i] { showPage(Page(i)); });
    }
}

void MainWindow::setupToolBar()
{
    auto *label = new QLabel(this);
    label->setObjectName(QStringLiteral("profileLabel"));
    label->setContentsMargins(6, 0, 4, 0);
    m_profileCombo = new QComboBox(this);
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_profileCombo->setMinimumContentsLength(16);
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    ui->toolBar->addWidget(label);
    ui->toolBar->addWidget(m_profileCombo);
    ui->toolBar->addAction(ui->actionConnect);
    ui->toolBar->addAction(ui->actionDisconnect);
    ui->toolBar->addSeparator();
    ui->toolBar->addAction(ui->actionProfiles);
    ui->toolBar->addAction(ui->actionShowInspector);
    connect(m_profileCombo, &QComboBox::activated, this, &MainWindow::updateActions);
}

void MainWindow::showPage(Page page)
{
    ui->navigation->setCurrentRow(int(page));
    ui->pages->setCurrentIndex(int(page));
}

QWidget *MainWindow::page(Page page) const
{
    return ui->pages->widget(int(page));
}

void MainWindow::reloadProfiles(const QString &select)
{
    m_profiles = ProfileStore(*m_context.settings).load();
    m_profileCombo->clear();
    for (const ConnectionProfile &p : std::as_const(m_profiles))
        m_profileCombo->addItem(icon(p.isSandbox() ? QStringLiteral("sandbox") : QStringLiteral("profile")), p.name);
    const int index = m_profileCombo->findText(select);
    m_profileCombo->setCurrentIndex(qMax(0, index));
    updateActions();
}

bool MainWindow::connectToProfile(const QString &name)
{
    const int index = m_profileCombo->findText(name);
    if (index < 0)
        return false;
    m_profileCombo->setCurrentIndex(index);
    connectSelected();
    return true;
}

void MainWindow::connectSelected()
{
    const int index = m_profileCombo->currentIndex();
    if (index < 0 || index >= m_profiles.size() || !m_context.sessionFactory)
        return;
    disconnectSession();
    const ConnectionProfile profile = m_profiles.at(index);
    ProfileStore(*m_context.settings).setLastUsed(profile.name);
    m_session = m_context.sessionFactory(profile, m_context.secrets);
    if (!m_session)
        return;
    qCInfo(lcGui) << "connecting with profile" << profile.name;
    connect(m_session.get(), &Session::stateChanged, this, &MainWindow::onStateChanged);
    m_topicsLoaded = false;
    m_composer->setSession(m_session.get());
    m_feed->setSession(m_session.get());
    m_query->setSession(m_session.get());
    m_topics->setSession(m_session.get());
    m_consumers->setSession(m_session.get());
    m_inspector->setSession(m_session.get());
    Q_EMIT sessionChanged(m_session.get());
    m_session->start();
    onStateChanged(m_session->state());
}

void MainWindow::disconnectSession()
{
    if (!m_session)
        return;
    m_composer->setSession(nullptr);
    m_feed->setSession(nullptr);
    m_query->setSession(nullptr);
    m_topics->setSession(nullptr);
    m_consumers->setSession(nullptr);
    m_inspector->setSession(nullptr);
    Session *old = m_session.release();
    old->disconnect(this);
    old->deleteLater(); // it may be inside one of its own signals
    Q_EMIT sessionChanged(nullptr);
    onStateChanged({});
}

void MainWindow::onStateChanged(const ConnectionState &state)
{
    m_status->setState(m_session ? m_session->profile().name : QString(), state);
    if (state.phase == ConnectionState::Phase::Connected && !m_topicsLoaded && m_session && m_session->admin()) {
        m_topicsLoaded = true;
        m_topics->refresh();
        m_consumers->refresh();
    }
    updateActions();
}

void MainWindow::distributeTopics(const QStringList &topics)
{
    m_composer->setTopics(topics);
    m_feed->setTopics(topics);
    m_query->setTopics(topics);
    m_consumers->setTopics(topics);
}

void MainWindow::updateActions()
{
    const bool active = m_session && m_session->state().phase != ConnectionState::Phase::Disconnected;
    ui->actionDisconnect->setEnabled(bool(m_session));
    const bool sameProfile = m_session && m_profileCombo->currentText() == m_session->profile().name;
    ui->actionConnect->setEnabled(
        m_profileCombo->count() > 0 &&
        !(active && sameProfile && m_session->state().phase != ConnectionState::Phase::Failed));
}

void MainWindow::editProfiles()
{
    ProfileDialog dialog(m_profiles, m_context.secrets, this);
    dialog.selectProfile(m_profileCombo->currentText());
    if (dialog.exec() != QDialog::Accepted)
        return;
    ProfileStore(*m_context.settings).save(dialog.profiles());
    reloadProfiles(dialog.currentProfileName());
}

void MainWindow::applySettings()
{
    const QSettings &s = *m_context.settings;
    m_feed->setCapacity(s.value(QStringLiteral("feed/capacity"), 100000).toInt());
    m_feed->setBatchInterval(s.value(QStringLiteral("feed/batchMs"), 100).toInt());
}

void MainWindow::editSettings()
{
    SettingsDialog dialog(*m_context.settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    dialog.save();
    applySettings();
    if (m_context.language)
        m_context.language->apply(m_context.settings->value(QStringLiteral("ui/language")).toString());
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About MQCloud Desk"),
                       tr("<h3>MQCloud Desk %1</h3>"
                          "<p>A desktop console for RocketMQ and MQCloud: send keyed messages, watch live feeds, "
                          "look messages up by key or id and follow consumer progress.</p>"
                          "<p>It speaks RocketMQ's remoting protocol itself (Qt %2, QCoro).</p>")
                           .arg(QStringLiteral(MQDESK_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::retranslate()
{
    m_inspectorDock->setWindowTitle(tr("Message inspector"));
    if (auto *label = findChild<QLabel *>(QStringLiteral("profileLabel")))
        label->setText(tr("Profile:"));
    m_profileCombo->setToolTip(tr("Connection profile (edit with File > Connection profiles)"));
    // Toolbar buttons: short words without menu mnemonics.
    ui->actionConnect->setIconText(tr("Connect"));
    ui->actionDisconnect->setIconText(tr("Disconnect"));
    ui->actionProfiles->setIconText(tr("Profiles"));
    ui->actionShowInspector->setIconText(tr("Inspector"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const int row = ui->navigation->currentRow();
        ui->retranslateUi(this);
        ui->navigation->setCurrentRow(row);
        retranslate();
        m_status->setState(m_session ? m_session->profile().name : QString(),
                           m_session ? m_session->state() : ConnectionState{});
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings &s = *m_context.settings;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/page"), ui->pages->currentIndex());
    disconnectSession();
    QMainWindow::closeEvent(event);
}

} // namespace mq::gui
