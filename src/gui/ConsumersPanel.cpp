#include "ConsumersPanel.h"

#include "ConsumerProgressModel.h"
#include "Icons.h"
#include "ResetOffsetDialog.h"
#include "Session.h"
#include "ui_ConsumersPanel.h"

#include <QHeaderView>
#include <QLocale>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStringListModel>

namespace mq::gui {

ConsumersPanel::ConsumersPanel(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::ConsumersPanel>())
    , m_groups(new QStringListModel(this))
    , m_groupsProxy(new QSortFilterProxyModel(this))
    , m_progress(new ConsumerProgressModel(this))
    , m_progressProxy(new QSortFilterProxyModel(this))
{
    ui->setupUi(this);
    m_groupsProxy->setSourceModel(m_groups);
    m_groupsProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    ui->groupsView->setModel(m_groupsProxy);
    ui->groupsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_progressProxy->setSourceModel(m_progress);
    m_progressProxy->setSortRole(Qt::UserRole);
    ui->progressView->setModel(m_progressProxy);
    ui->progressView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    ui->progressView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    ui->refreshButton->setIcon(icon(QStringLiteral("refresh")));
    ui->resetButton->setIcon(icon(QStringLiteral("reset")));
    ui->resetTimeEdit->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    ui->splitter->setStretchFactor(0, 0);
    ui->splitter->setStretchFactor(1, 1);
    connect(ui->filterEdit, &QLineEdit::textChanged, m_groupsProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(ui->refreshButton, &QToolButton::clicked, this, &ConsumersPanel::refresh);
    connect(ui->groupsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    loadProgress(current.data().toString());
            });
    connect(ui->resetButton, &QPushButton::clicked, this, [this] { resetOffsets(); });
    connect(ui->resetTopicCombo, &QComboBox::currentTextChanged, this, &ConsumersPanel::updateActions);
    auto *f5 = new QShortcut(QKeySequence::Refresh, this);
    f5->setContext(Qt::WidgetWithChildrenShortcut);
    connect(f5, &QShortcut::activated, this, &ConsumersPanel::refresh);
    setSession(nullptr);
}

ConsumersPanel::~ConsumersPanel() = default;

void ConsumersPanel::setSession(Session *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::stateChanged, this, [this] {
            updateActions();
            if (m_group.isEmpty())
                showSummary(idleMessage(), false);
        });
    }
    m_group.clear();
    m_groups->setStringList({});
    m_progress->setProgress({});
    showSummary(idleMessage(), false);
    updateActions();
}

QString ConsumersPanel::idleMessage() const
{
    if (!m_session)
        return tr("Connect to see consumer groups and their progress.");
    if (!m_session->admin())
        return m_session->state().phase == ConnectionState::Phase::Connecting
                   ? tr("Connecting...")
                   : tr("This connection cannot read consumer progress yet.");
    return tr("Select a consumer group to see its progress.");
}

void ConsumersPanel::setTopics(const QStringList &topics)
{
    // Offer the group's own topics first once progress is known; until then every topic.
    if (m_progress->rowCount() == 0) {
        ui->resetTopicCombo->clear();
        ui->resetTopicCombo->addItems(topics);
    }
}

void ConsumersPanel::updateActions()
{
    const bool admin = m_session && m_session->admin();
    ui->refreshButton->setEnabled(admin);
    ui->resetButton->setEnabled(admin && !m_group.isEmpty() && !ui->resetTopicCombo->currentText().isEmpty());
}

void ConsumersPanel::showSummary(const QString &text, bool error)
{
    ui->summaryLabel->setText(text);
    ui->summaryLabel->setStyleSheet(error ? QStringLiteral("color: #d0383a;") : QString());
}

void ConsumersPanel::refresh()
{
    if (!m_session || !m_session->admin())
        return;
    loadGroups();
    if (!m_group.isEmpty())
        loadProgress(m_group);
}

void ConsumersPanel::selectGroup(const QString &group)
{
    const auto hits = m_groupsProxy->match(m_groupsProxy->index(0, 0), Qt::DisplayRole, group, 1, Qt::MatchExactly);
    if (!hits.isEmpty())
        ui->groupsView->setCurrentIndex(hits.first());
    else
        loadProgress(group);
}

QCoro::Task<> ConsumersPanel::loadGroups()
{
    QPointer<ConsumersPanel> self(this);
    QPointer<Session> session(m_session);
    auto groups = co_await session->admin()->consumerGroups();
    if (!self || session != m_session)
        co_return;
    if (!groups) {
        showSummary(tr("Cannot list consumer groups: %1").arg(groups.error().message), true);
        co_return;
    }
    QStringList sorted = *groups;
    sorted.sort(Qt::CaseInsensitive);
    m_groups->setStringList(sorted);
}

QCoro::Task<> ConsumersPanel::loadProgress(QString group)
{
    if (!m_session || !m_session->admin())
        co_return;
    QPointer<ConsumersPanel> self(this);
    QPointer<Session> session(m_session);
    m_group = group;
    updateActions();
    showSummary(tr("Loading the progress of %1...").arg(group), false);
    auto progress = co_await session->admin()->consumerProgress(group);
    if (!self || session != m_session || group != m_group)
        co_return;
    if (!progress) {
        m_progress->setProgress({});
        showSummary(tr("Cannot read the progress of %1: %2").arg(group, progress.error().message), true);
        co_return;
    }
    m_progress->setProgress(*progress);
    QStringList topics;
    for (const QueueProgress &q : progress->queues) {
        if (!topics.contains(q.queue.topic))
            topics << q.queue.topic;
    }
    const QString keep = ui->resetTopicCombo->currentText();
    // The group's own topics first, its %RETRY% topic last.
    std::stable_sort(topics.begin(), topics.end(), [](const QString &a, const QString &b) {
        return !a.startsWith(QLatin1Char('%')) && b.startsWith(QLatin1Char('%'));
    });
    ui->resetTopicCombo->clear();
    ui->resetTopicCombo->addItems(topics);
    if (topics.contains(keep))
        ui->resetTopicCombo->setCurrentText(keep);
    const QLocale locale;
    showSummary(tr("<b>%1</b>: %2 queue(s), total lag %3 message(s), %4 messages/s consumed.")
                    .arg(group.toHtmlEscaped())
                    .arg(progress->queues.size())
                    .arg(locale.toString(progress->totalLag()), locale.toString(progress->tps, 'f', 1)),
                false);
    updateActions();
    Q_EMIT progressShown(group);
}

QCoro::Task<> ConsumersPanel::resetOffsets()
{
    if (!m_session || !m_session->admin() || m_group.isEmpty())
        co_return;
    const QString group = m_group;
    const QString topic = ui->resetTopicCombo->currentText();
    const QDateTime to = ui->resetTimeEdit->dateTime();
    ResetOffsetDialog dialog(m_session, group, topic, to, this);
    if (dialog.exec() != QDialog::Accepted)
        co_return;
    QPointer<ConsumersPanel> self(this);
    QPointer<Session> session(m_session);
    showSummary(tr("Resetting the offsets of %1 on %2...").arg(group, topic), false);
    const Status done = co_await session->admin()->resetOffset(group, topic, to);
    if (!self)
        co_return;
    if (!done) {
        showSummary(tr("The reset failed: %1").arg(done.error().message), true);
        Q_EMIT resetFinished(group, done.error().message);
        co_return;
    }
    Q_EMIT resetFinished(group, QString());
    if (session == m_session)
        loadProgress(group);
}

void ConsumersPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        m_progress->retranslate();
        if (!m_group.isEmpty() && m_session && m_session->admin())
            loadProgress(m_group);
        else if (m_group.isEmpty())
            showSummary(idleMessage(), false);
    }
    QWidget::changeEvent(event);
}

} // namespace mq::gui
