#include "FeedPanel.h"

#include "FeedExporter.h"
#include "FeedFilterProxy.h"
#include "FeedModel.h"
#include "Icons.h"
#include "Log.h"
#include "Session.h"
#include "SubscribeDialog.h"
#include "ThroughputChart.h"
#include "ui_FeedPanel.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QShortcut>
#include <QStandardPaths>
#include <QThread>

namespace mq::gui {

FeedPanel::FeedPanel(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::FeedPanel>())
    , m_model(new FeedModel(this))
    , m_proxy(new FeedFilterProxy(this))
    , m_chart(new ThroughputChart(this))
{
    ui->setupUi(this);
    m_proxy->setFeed(m_model);
    ui->feedView->setModel(m_proxy);
    QHeaderView *header = ui->feedView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive); // never ResizeToContents: O(rows) per batch
    const int charWidth = fontMetrics().averageCharWidth();
    const int widths[] = {17, 16, 10, 24, 22, 8, 36, 18, 8, 40};
    for (int c = 0; c < FeedModel::ColumnCount; ++c)
        ui->feedView->setColumnWidth(c, widths[c] * charWidth);
    ui->feedView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    ui->feedView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    ui->chartContainer->layout()->addWidget(m_chart);
    m_chart->setCounter([this] { return m_model->totalReceived(); });
    ui->mainSplitter->setStretchFactor(0, 4);
    ui->mainSplitter->setStretchFactor(1, 1);
    ui->topSplitter->setStretchFactor(0, 0);
    ui->topSplitter->setStretchFactor(1, 1);
    refreshSubscriptionList();

    ui->subscribeButton->setIcon(icon(QStringLiteral("subscribe")));
    ui->pauseButton->setIcon(icon(QStringLiteral("pause")));
    ui->exportButton->setIcon(icon(QStringLiteral("export")));
    ui->clearButton->setIcon(icon(QStringLiteral("clear")));
    ui->unsubscribeButton->setIcon(icon(QStringLiteral("remove")));
    setupExportMenu();

    connect(ui->subscribeButton, &QToolButton::clicked, this, &FeedPanel::openSubscribeDialog);
    connect(ui->unsubscribeButton, &QPushButton::clicked, this, &FeedPanel::unsubscribeSelected);
    connect(ui->pauseButton, &QToolButton::toggled, this, [this](bool paused) {
        m_model->setPaused(paused);
        ui->pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
        ui->pauseButton->setIcon(icon(paused ? QStringLiteral("play") : QStringLiteral("pause")));
        updateStats();
    });
    connect(ui->clearButton, &QToolButton::clicked, this, [this] {
        m_model->clear();
        updateStats();
    });
    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(FilterDelayMs);
    connect(ui->filterEdit, &QLineEdit::textChanged, &m_filterDelay, qOverload<>(&QTimer::start));
    connect(&m_filterDelay, &QTimer::timeout, this, [this] {
        m_proxy->setText(ui->filterEdit->text());
        updateStats();
    });
    connect(m_model, &FeedModel::batchInserted, this, [this] {
        if (ui->autoscrollCheck->isChecked())
            ui->feedView->scrollToBottom();
        updateStats();
    });
    connect(ui->feedView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                const int row = m_proxy->mapToSource(current).row();
                if (row >= 0 && row < m_model->rowCount())
                    Q_EMIT messageSelected(m_model->message(row));
            });
    connect(ui->subscriptionsList, &QListWidget::itemSelectionChanged, this, &FeedPanel::updateActions);

    const auto shortcut = [this](QKeySequence keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_F), [this] { ui->filterEdit->setFocus(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_P), [this] { ui->pauseButton->toggle(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_N), [this] { openSubscribeDialog(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_E), [this] { chooseExportFile(false); });
    updateStats();
    updateActions();
}

FeedPanel::~FeedPanel() = default;

void FeedPanel::setupExportMenu()
{
    delete ui->exportButton->menu();
    auto *menu = new QMenu(this);
    menu->addAction(tr("Export all rows..."), this, [this] { chooseExportFile(false); });
    menu->addAction(tr("Export selected rows..."), this, [this] { chooseExportFile(true); });
    ui->exportButton->setMenu(menu);
}

void FeedPanel::setSession(Session *session)
{
    if (m_consumer) {
        m_consumer->disconnect(this);
        for (int id : m_subscriptions.keys())
            m_consumer->unsubscribe(id);
    }
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    m_consumer = nullptr;
    m_subscriptions.clear();
    m_subscriptionErrors.clear();
    if (m_session) {
        // The consumer backend exists only once the session has connected.
        connect(m_session, &Session::stateChanged, this, [this] {
            attachConsumer();
            refreshSubscriptionList();
        });
    }
    attachConsumer();
    refreshSubscriptionList();
}

void FeedPanel::attachConsumer()
{
    ConsumerBackend *consumer = m_session ? m_session->consumer() : nullptr;
    if (consumer == m_consumer)
        return;
    if (m_consumer)
        m_consumer->disconnect(this);
    m_consumer = consumer;
    if (m_consumer) {
        connect(m_consumer, &ConsumerBackend::received, this, &FeedPanel::onReceived);
        connect(m_consumer, &ConsumerBackend::subscriptionFailed, this, &FeedPanel::onSubscriptionFailed);
    }
}

void FeedPanel::setTopics(const QStringList &topics)
{
    m_topics = topics;
}

void FeedPanel::setCapacity(int capacity)
{
    m_model->setCapacity(capacity);
    updateStats();
}

void FeedPanel::setBatchInterval(int milliseconds)
{
    m_model->setBatchInterval(milliseconds);
}

QString FeedPanel::describe(const Subscription &s)
{
    QString from;
    switch (s.from) {
    case ConsumeFrom::LastOffset: from = tr("from last offset"); break;
    case ConsumeFrom::FirstOffset: from = tr("from first offset"); break;
    case ConsumeFrom::Timestamp:
        from = tr("from %1").arg(s.timestamp.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        break;
    }
    return tr("%1 [%2]\ngroup %3, %4, %5")
        .arg(s.topic, s.tagExpression, s.group,
             s.model == MessageModel::Clustering ? tr("clustering") : tr("broadcasting"), from);
}

void FeedPanel::openSubscribeDialog()
{
    if (!m_session || !m_session->consumer())
        return;
    SubscribeDialog dialog(m_topics, m_session->profile().consumerGroup, this);
    if (dialog.exec() == QDialog::Accepted)
        subscribe(dialog.subscription());
}

void FeedPanel::subscribe(Subscription subscription)
{
    attachConsumer();
    if (!m_session || !m_consumer)
        return;
    subscription.id = m_nextId++;
    m_subscriptions.insert(subscription.id, subscription);
    refreshSubscriptionList();
    startSubscription(subscription);
}

QCoro::Task<> FeedPanel::startSubscription(Subscription subscription)
{
    QPointer<FeedPanel> self(this);
    QPointer<Session> session(m_session);
    const Status started = co_await m_consumer->subscribe(subscription);
    if (!self || session != m_session)
        co_return;
    if (!started)
        onSubscriptionFailed(subscription.id, started.error().message);
    Q_EMIT subscriptionsChanged();
}

void FeedPanel::unsubscribe(int subscriptionId)
{
    if (m_consumer)
        m_consumer->unsubscribe(subscriptionId);
    m_subscriptions.remove(subscriptionId);
    m_subscriptionErrors.remove(subscriptionId);
    refreshSubscriptionList();
    Q_EMIT subscriptionsChanged();
}

void FeedPanel::unsubscribeSelected()
{
    for (QListWidgetItem *item : ui->subscriptionsList->selectedItems())
        unsubscribe(item->data(Qt::UserRole).toInt());
}

void FeedPanel::onReceived(int subscriptionId, const QList<mq::MessageExt> &messages)
{
    if (!m_subscriptions.contains(subscriptionId))
        return; // a late batch of a subscription just removed
    m_model->append(subscriptionId, messages);
}

void FeedPanel::onSubscriptionFailed(int subscriptionId, const QString &error)
{
    if (!m_subscriptions.contains(subscriptionId) || m_subscriptionErrors.value(subscriptionId) == error)
        return;
    if (error.isEmpty()) {
        m_subscriptionErrors.remove(subscriptionId); // healthy again
    } else {
        qCWarning(lcFeed) << "subscription" << subscriptionId << "problem:" << error;
        m_subscriptionErrors.insert(subscriptionId, error);
    }
    refreshSubscriptionList();
}

void FeedPanel::refreshSubscriptionList()
{
    ui->subscriptionsList->clear();
    for (const Subscription &s : std::as_const(m_subscriptions)) {
        auto *item = new QListWidgetItem(describe(s), ui->subscriptionsList);
        item->setData(Qt::UserRole, s.id);
        const QString error = m_subscriptionErrors.value(s.id);
        item->setIcon(icon(error.isEmpty() ? QStringLiteral("status-ok") : QStringLiteral("status-error")));
        item->setToolTip(error.isEmpty() ? describe(s) : error);
        if (!error.isEmpty())
            item->setText(describe(s) + QLatin1Char('\n') + error);
    }
    if (m_subscriptions.isEmpty()) {
        auto *item = new QListWidgetItem(!m_session ? tr("Connect, then subscribe to a topic to watch its messages "
                                                         "arrive.")
                                                    : tr("No subscriptions yet. Press Subscribe to add one."),
                                         ui->subscriptionsList);
        item->setFlags(Qt::NoItemFlags);
    }
    updateActions();
    updateStats();
}

void FeedPanel::updateActions()
{
    const bool canSubscribe = m_session && m_session->consumer();
    ui->subscribeButton->setEnabled(canSubscribe);
    ui->subscribeButton->setToolTip(canSubscribe ? tr("Add a subscription (Ctrl+N)")
                                    : m_session  ? tr("This connection cannot consume messages yet.")
                                                 : tr("Connect to a cluster first (Connection > Connect)."));
    ui->unsubscribeButton->setEnabled(!ui->subscriptionsList->selectedItems().isEmpty());
}

void FeedPanel::updateStats()
{
    const QLocale locale;
    QString text = tr("%1 shown of %2 in the feed (holds at most %3), %4 received in total")
                       .arg(locale.toString(m_proxy->rowCount()), locale.toString(m_model->rowCount()),
                            locale.toString(m_model->capacity()), locale.toString(m_model->totalReceived()));
    if (m_model->isPaused())
        text += QStringLiteral(" \u00b7 ") + tr("paused, %1 waiting").arg(locale.toString(m_model->pendingCount()));
    if (m_model->droppedWhilePaused() > 0)
        text += QStringLiteral(" \u00b7 ") +
                tr("%1 skipped while paused").arg(locale.toString(m_model->droppedWhilePaused()));
    ui->statsLabel->setText(text);
}

void FeedPanel::chooseExportFile(bool selectionOnly)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString selectedFilter;
    const QString path = QFileDialog::getSaveFileName(
        this, selectionOnly ? tr("Export selected messages") : tr("Export all messages"),
        dir + QStringLiteral("/mqdesk-feed.jsonl"), tr("JSON Lines (*.jsonl);;CSV (*.csv)"), &selectedFilter);
    if (!path.isEmpty())
        exportRows(path, selectionOnly);
}

void FeedPanel::exportRows(const QString &path, bool selectionOnly)
{
    QList<MessageExt> messages;
    if (selectionOnly) {
        QList<int> rows;
        for (const QModelIndex &index : ui->feedView->selectionModel()->selectedRows())
            rows << m_proxy->mapToSource(index).row();
        std::sort(rows.begin(), rows.end());
        for (int row : rows)
            messages << m_model->message(row);
    } else {
        messages.reserve(m_proxy->rowCount());
        for (int i = 0; i < m_proxy->rowCount(); ++i)
            messages << m_model->message(m_proxy->mapToSource(m_proxy->index(i, 0)).row());
    }
    // Writing 100 000 messages takes a moment: do it off the UI thread on a copy.
    const auto format = FeedExporter::formatForPath(path);
    auto result = std::make_shared<QString>();
    QThread *thread = QThread::create([messages = std::move(messages), path, format, result] {
        const Status ok = FeedExporter::writeFile(path, messages, format);
        if (!ok)
            *result = ok.error().message;
    });
    ui->exportButton->setEnabled(false);
    connect(thread, &QThread::finished, this, [this, thread, path, result] {
        thread->deleteLater();
        ui->exportButton->setEnabled(true);
        if (!result->isEmpty())
            QMessageBox::warning(this, tr("Export failed"), *result);
        Q_EMIT exportFinished(path, *result);
    });
    thread->start();
}

void FeedPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const bool paused = ui->pauseButton->isChecked();
        ui->retranslateUi(this);
        ui->pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
        m_model->retranslate();
        setupExportMenu();
        refreshSubscriptionList();
    }
    QWidget::changeEvent(event);
}

} // namespace mq::gui
