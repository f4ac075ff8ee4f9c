#include "TopicsPanel.h"

#include "Icons.h"
#include "Session.h"
#include "ui_TopicsPanel.h"

#include <QHeaderView>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStringListModel>

namespace mq::gui {

TopicsPanel::TopicsPanel(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::TopicsPanel>())
    , m_model(new QStringListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    ui->topicsView->setModel(m_proxy);
    ui->topicsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    ui->refreshButton->setIcon(icon(QStringLiteral("refresh")));
    ui->splitter->setStretchFactor(0, 0);
    ui->splitter->setStretchFactor(1, 1);
    for (QTableWidget *t : {ui->brokersTable, ui->queuesTable}) {
        t->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    }
    connect(ui->refreshButton, &QToolButton::clicked, this, &TopicsPanel::refresh);
    connect(ui->filterEdit, &QLineEdit::textChanged, this, &TopicsPanel::applyFilter);
    connect(ui->systemCheck, &QCheckBox::toggled, this, &TopicsPanel::applyFilter);
    connect(ui->topicsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    loadRoute(current.data().toString());
            });
    auto *f5 = new QShortcut(QKeySequence::Refresh, this);
    f5->setContext(Qt::WidgetWithChildrenShortcut);
    connect(f5, &QShortcut::activated, this, &TopicsPanel::refresh);
    showMessage(idleMessage(), false);
}

QString TopicsPanel::idleMessage() const
{
    if (!m_session)
        return tr("Connect to see the cluster's topics.");
    if (!m_session->admin())
        return m_session->state().phase == ConnectionState::Phase::Connecting
                   ? tr("Connecting...")
                   : tr("This connection cannot list topics yet.");
    return m_all.isEmpty() ? tr("No topics loaded yet; press Refresh (F5).") : tr("Select a topic to see its route.");
}

TopicsPanel::~TopicsPanel() = default;

bool TopicsPanel::isSystemTopic(const QString &topic)
{
    static const QStringList prefixes{QStringLiteral("%RETRY%"), QStringLiteral("%DLQ%"), QStringLiteral("RMQ_SYS_"),
                                      QStringLiteral("rmq_sys_")};
    static const QStringList names{QStringLiteral("TBW102"),
                                   QStringLiteral("SCHEDULE_TOPIC_XXXX"),
                                   QStringLiteral("BenchmarkTest"),
                                   QStringLiteral("OFFSET_MOVED_EVENT"),
                                   QStringLiteral("SELF_TEST_TOPIC"),
                                   QStringLiteral("TRANS_CHECK_MAX_TIME_TOPIC"),
                                   QStringLiteral("DefaultHeartBeatSyncerTopic")};
    for (const QString &p : prefixes) {
        if (topic.startsWith(p))
            return true;
    }
    return names.contains(topic) || topic.endsWith(QLatin1String("_REPLY_TOPIC"));
}

QString TopicsPanel::describePermission(int perm)
{
    QStringList parts;
    if (perm & 4)
        parts << tr("read");
    if (perm & 2)
        parts << tr("write");
    if (perm & 1)
        parts << tr("inherit");
    return QStringLiteral("%1 (%2)")
        .arg(parts.isEmpty() ? tr("none") : parts.join(tr(", ", "list separator")))
        .arg(perm);
}

void TopicsPanel::setSession(Session *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::stateChanged, this, [this] {
            ui->refreshButton->setEnabled(m_session && m_session->admin());
            if (m_currentTopic.isEmpty())
                showMessage(idleMessage(), false);
        });
    }
    m_all.clear();
    m_system.clear();
    m_model->setStringList({});
    ui->brokersTable->setRowCount(0);
    ui->queuesTable->setRowCount(0);
    m_currentTopic.clear();
    ui->refreshButton->setEnabled(m_session && m_session->admin());
    showMessage(idleMessage(), false);
    applyFilter();
}

QStringList TopicsPanel::topics() const
{
    return m_all;
}

void TopicsPanel::refresh()
{
    if (m_session && m_session->admin())
        loadTopics();
}

QCoro::Task<> TopicsPanel::loadTopics()
{
    QPointer<TopicsPanel> self(this);
    QPointer<Session> session(m_session);
    showMessage(tr("Loading topics..."), false);
    auto result = co_await session->admin()->topics();
    if (!self || session != m_session)
        co_return;
    if (!result) {
        showMessage(tr("Cannot list topics: %1").arg(result.error().message), true);
        co_return;
    }
    QStringList user = result->user;
    m_system = QSet<QString>(result->system.begin(), result->system.end());
    for (const QString &t : std::as_const(user)) {
        if (isSystemTopic(t)) // names every RocketMQ version reserves, whatever the backend said
            m_system.insert(t);
    }
    user.removeIf([this](const QString &t) { return m_system.contains(t); });
    m_all = user + result->system;
    const auto byName = [](const QString &a, const QString &b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    };
    std::sort(m_all.begin(), m_all.end(), byName);
    std::sort(user.begin(), user.end(), byName);
    applyFilter();
    if (m_currentTopic.isEmpty())
        showMessage(idleMessage(), false);
    Q_EMIT topicsLoaded(user);
}

void TopicsPanel::applyFilter()
{
    QStringList shown;
    for (const QString &t : std::as_const(m_all)) {
        if ((ui->systemCheck->isChecked() || !m_system.contains(t)) &&
            t.contains(ui->filterEdit->text().trimmed(), Qt::CaseInsensitive))
            shown << t;
    }
    m_model->setStringList(shown);
    ui->countLabel->setText(tr("%1 of %n topic(s)", nullptr, int(m_all.size())).arg(shown.size()));
}

void TopicsPanel::selectTopic(const QString &topic)
{
    const QModelIndexList hits = m_proxy->match(m_proxy->index(0, 0), Qt::DisplayRole, topic, 1, Qt::MatchExactly);
    if (!hits.isEmpty())
        ui->topicsView->setCurrentIndex(hits.first());
    else if (m_session && m_session->admin())
        loadRoute(topic);
}

QCoro::Task<> TopicsPanel::loadRoute(QString topic)
{
    if (!m_session || !m_session->admin())
        co_return;
    QPointer<TopicsPanel> self(this);
    QPointer<Session> session(m_session);
    m_currentTopic = topic;
    showMessage(tr("Loading the route of %1...").arg(topic), false);
    auto route = co_await session->admin()->topicRoute(topic);
    if (!self || session != m_session || topic != m_currentTopic)
        co_return;
    if (!route) {
        ui->brokersTable->setRowCount(0);
        ui->queuesTable->setRowCount(0);
        showMessage(tr("Cannot load the route of %1: %2").arg(topic, route.error().message), true);
        co_return;
    }
    showRoute(topic, *route);
}

void TopicsPanel::showRoute(const QString &topic, const TopicRoute &route)
{
    ui->brokersTable->setRowCount(0);
    for (const BrokerRoute &b : route.brokers) {
        for (auto it = b.addresses.begin(); it != b.addresses.end(); ++it) {
            const int row = ui->brokersTable->rowCount();
            ui->brokersTable->insertRow(row);
            ui->brokersTable->setItem(row, 0, new QTableWidgetItem(b.cluster));
            ui->brokersTable->setItem(row, 1, new QTableWidgetItem(b.brokerName));
            ui->brokersTable->setItem(
                row, 2, new QTableWidgetItem(it.key() == 0 ? tr("master") : tr("slave %1").arg(it.key())));
            ui->brokersTable->setItem(row, 3, new QTableWidgetItem(it.value()));
        }
    }
    ui->queuesTable->setRowCount(0);
    int read = 0;
    int write = 0;
    for (const QueueRoute &q : route.queues) {
        const int row = ui->queuesTable->rowCount();
        ui->queuesTable->insertRow(row);
        ui->queuesTable->setItem(row, 0, new QTableWidgetItem(q.brokerName));
        ui->queuesTable->setItem(row, 1, new QTableWidgetItem(QString::number(q.readQueues)));
        ui->queuesTable->setItem(row, 2, new QTableWidgetItem(QString::number(q.writeQueues)));
        ui->queuesTable->setItem(row, 3, new QTableWidgetItem(describePermission(q.perm)));
        read += q.readQueues;
        write += q.writeQueues;
    }
    showMessage(tr("<b>%1</b>: %n broker(s), %2 read and %3 write queues.", nullptr, int(route.brokers.size()))
                    .arg(topic.toHtmlEscaped())
                    .arg(read)
                    .arg(write),
                false);
    Q_EMIT routeShown(topic);
}

void TopicsPanel::showMessage(const QString &text, bool error)
{
    m_status = text;
    m_statusIsError = error;
    ui->routeTitle->setText(text);
    ui->routeTitle->setStyleSheet(error ? QStringLiteral("color: #d0383a;") : QString());
}

void TopicsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        applyFilter();
        if (!m_currentTopic.isEmpty() && m_session && m_session->admin())
            loadRoute(m_currentTopic);
        else
            showMessage(idleMessage(), false);
    }
    QWidget::changeEvent(event);
}

} // namespace mq::gui
