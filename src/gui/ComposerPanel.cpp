#include "ComposerPanel.h"

#include "BodyCodec.h"
#include "Icons.h"
#include "Log.h"
#include "Outbox.h"
#include "SendResultsModel.h"
#include "Session.h"
#include "TemplateStore.h"
#include "ui_ComposerPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QCoro/QCoroTimer>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QStringListModel>
#include <QTimer>

#include <chrono>

namespace mq::gui {

namespace {
void setStatus(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setStyleSheet(error ? QStringLiteral("color: #d0383a;") : QString());
}
} // namespace

ComposerPanel::ComposerPanel(QSettings &settings, Outbox *outbox, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::ComposerPanel>())
    , m_settings(settings)
    , m_outbox(outbox)
    , m_results(new SendResultsModel(this))
    , m_topicModel(new QStringListModel(this))
    , m_completer(new QCompleter(m_topicModel, this))
    , m_validateTimer(new QTimer(this))
{
    ui->setupUi(this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    ui->topicEdit->setCompleter(m_completer);
    fillDelayCombo();

    ui->addPropertyButton->setIcon(icon(QStringLiteral("add")));
    ui->removePropertyButton->setIcon(icon(QStringLiteral("remove")));
    ui->saveTemplateButton->setIcon(icon(QStringLiteral("save")));
    ui->deleteTemplateButton->setIcon(icon(QStringLiteral("clear")));
    ui->prettyButton->setIcon(icon(QStringLiteral("pretty")));
    ui->chooseFileButton->setIcon(icon(QStringLiteral("open-file")));
    ui->sendButton->setIcon(icon(QStringLiteral("send")));
    ui->retryButton->setIcon(icon(QStringLiteral("retry")));
    for (QToolButton *b : {ui->addPropertyButton, ui->removePropertyButton, ui->saveTemplateButton,
                           ui->deleteTemplateButton, ui->prettyButton, ui->chooseFileButton})
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    ui->propertiesTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    ui->propertiesTable->setColumnWidth(0, 140);
    ui->propertiesTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    ui->bodyEdit->setFont(mono);

    ui->resultsView->setModel(m_results);
    ui->resultsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    ui->resultsView->verticalHeader()->setDefaultSectionSize(ui->resultsView->fontMetrics().height() + 6);
    ui->resultsView->setColumnWidth(SendResultsModel::Time, 100);
    ui->resultsView->setColumnWidth(SendResultsModel::Status, 110);
    ui->resultsView->setColumnWidth(SendResultsModel::MsgId, 260);
    ui->resultsView->setColumnWidth(SendResultsModel::OffsetMsgId, 260);
    if (m_outbox) {
        ui->outboxView->setModel(m_outbox);
        ui->outboxView->setColumnWidth(Outbox::FailedAt, 150);
        connect(m_outbox, &QAbstractItemModel::rowsInserted, this, &ComposerPanel::updateSummary);
        connect(m_outbox, &QAbstractItemModel::rowsRemoved, this, &ComposerPanel::updateSummary);
        connect(ui->outboxView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &ComposerPanel::updateActions);
    }
    connect(ui->resultsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ComposerPanel::updateActions);

    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(250);
    connect(m_validateTimer, &QTimer::timeout, this, &ComposerPanel::revalidate);
    const auto scheduleValidation = [this] { m_validateTimer->start(); };
    connect(ui->topicEdit, &QLineEdit::textChanged, this, scheduleValidation);
    connect(ui->tagsEdit, &QLineEdit::textChanged, this, scheduleValidation);
    connect(ui->keysEdit, &QLineEdit::textChanged, this, scheduleValidation);
    connect(ui->bodyEdit, &QPlainTextEdit::textChanged, this, scheduleValidation);
    connect(ui->propertiesTable, &QTableWidget::itemChanged, this, scheduleValidation);
    connect(ui->delayCombo, &QComboBox::currentIndexChanged, this, scheduleValidation);

    connect(ui->bodyModeCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        const auto to = BodyMode(index);
        switchBodyMode(m_mode, to);
        m_mode = to;
        updateModeWidgets();
        revalidate();
    });
    connect(ui->prettyButton, &QToolButton::clicked, this, &ComposerPanel::prettyPrint);
    connect(ui->chooseFileButton, &QToolButton::clicked, this, &ComposerPanel::chooseFile);
    connect(ui->addPropertyButton, &QToolButton::clicked, this, [this] {
        const int row = ui->propertiesTable->rowCount();
        ui->propertiesTable->insertRow(row);
        ui->propertiesTable->setItem(row, 0, new QTableWidgetItem);
        ui->propertiesTable->setItem(row, 1, new QTableWidgetItem);
        ui->propertiesTable->editItem(ui->propertiesTable->item(row, 0));
    });
    connect(ui->removePropertyButton, &QToolButton::clicked, this, [this] {
        const int row = ui->propertiesTable->currentRow();
        if (row >= 0)
            ui->propertiesTable->removeRow(row);
        revalidate();
    });
    connect(ui->sendButton, &QPushButton::clicked, this, &ComposerPanel::send);
    connect(ui->stopButton, &QPushButton::clicked, this, &ComposerPanel::stop);
    connect(ui->retryButton, &QPushButton::clicked, this, &ComposerPanel::retrySelectedOutbox);
    connect(ui->removeOutboxButton, &QPushButton::clicked, this, [this] {
        if (!m_outbox)
            return;
        QStringList ids;
        for (const QModelIndex &index : ui->outboxView->selectionModel()->selectedRows())
            ids << m_outbox->entry(index.row()).id;
        for (const QString &id : std::as_const(ids))
            m_outbox->remove(id);
    });
    connect(ui->editOutboxButton, &QPushButton::clicked, this, &ComposerPanel::openOutboxEntry);
    connect(ui->clearResultsButton, &QPushButton::clicked, this, [this] {
        m_results->clear();
        updateSummary();
    });
    connect(ui->copyResultButton, &QPushButton::clicked, this, &ComposerPanel::copySelectedResult);
    connect(ui->saveTemplateButton, &QToolButton::clicked, this, &ComposerPanel::saveTemplate);
    connect(ui->deleteTemplateButton, &QToolButton::clicked, this, &ComposerPanel::deleteTemplate);
    connect(ui->templateCombo, &QComboBox::activated, this, &ComposerPanel::loadTemplate);

    auto *sendShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    sendShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(sendShortcut, &QShortcut::activated, this, &ComposerPanel::send);

    ui->splitter->setStretchFactor(0, 3);
    ui->splitter->setStretchFactor(1, 2);
    updateModeWidgets();
    reloadTemplates();
    updateSummary();
    revalidate();
}

ComposerPanel::~ComposerPanel() = default;

void ComposerPanel::fillDelayCombo()
{
    const int current = ui->delayCombo->currentIndex();
    ui->delayCombo->clear();
    ui->delayCombo->addItem(tr("None (deliver now)"));
    for (int level = 1; level <= MessageDraft::MaxDelayLevel; ++level)
        ui->delayCombo->addItem(tr("Level %1 (%2)").arg(level).arg(MessageDraft::delayLevelLabel(level)));
    ui->delayCombo->setCurrentIndex(qMax(0, current));
}

void ComposerPanel::setSession(Session *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    // Backends appear once the session has connected: re-check what can be done then.
    if (m_session)
        connect(m_session, &Session::stateChanged, this, &ComposerPanel::updateActions);
    reloadTemplates();
    updateActions();
}

void ComposerPanel::setTopics(const QStringList &topics)
{
    m_topicModel->setStringList(topics);
}

MessageDraft ComposerPanel::draft() const
{
    MessageDraft d;
    d.topic = ui->topicEdit->text().trimmed();
    d.tags = ui->tagsEdit->text().trimmed();
    d.keys = ui->keysEdit->text().trimmed();
    for (int row = 0; row < ui->propertiesTable->rowCount(); ++row) {
        const auto *name = ui->propertiesTable->item(row, 0);
        const auto *value = ui->propertiesTable->item(row, 1);
        d.properties.append({name ? name->text() : QString(), value ? value->text() : QString()});
    }
    d.delayLevel = ui->delayCombo->currentIndex();
    d.bodyMode = m_mode;
    if (m_mode == BodyMode::File)
        d.filePath = m_filePath;
    else
        d.bodyText = ui->bodyEdit->toPlainText();
    return d;
}

void ComposerPanel::setDraft(const MessageDraft &d)
{
    ui->topicEdit->setText(d.topic);
    ui->tagsEdit->setText(d.tags);
    ui->keysEdit->setText(d.keys);
    ui->propertiesTable->setRowCount(0);
    for (const auto &[name, value] : d.properties) {
        const int row = ui->propertiesTable->rowCount();
        ui->propertiesTable->insertRow(row);
        ui->propertiesTable->setItem(row, 0, new QTableWidgetItem(name));
        ui->propertiesTable->setItem(row, 1, new QTableWidgetItem(value));
    }
    ui->delayCombo->setCurrentIndex(qBound(0, d.delayLevel, MessageDraft::MaxDelayLevel));
    m_mode = d.bodyMode;
    m_filePath = d.filePath;
    {
        const QSignalBlocker block(ui->bodyModeCombo);
        ui->bodyModeCombo->setCurrentIndex(int(d.bodyMode));
    }
    ui->bodyEdit->setPlainText(d.bodyMode == BodyMode::File ? QString() : d.bodyText);
    updateModeWidgets();
    revalidate();
}

void ComposerPanel::switchBodyMode(BodyMode from, BodyMode to)
{
    const QString text = ui->bodyEdit->toPlainText();
    if (from == to)
        return;
    if (to == BodyMode::File) {
        m_textBeforeFile = text;
        return;
    }
    if (from == BodyMode::File) {
        ui->bodyEdit->setPlainText(m_textBeforeFile);
        return;
    }
    // Keep the bytes when changing how they are shown.
    if (to == BodyMode::Hex) {
        ui->bodyEdit->setPlainText(BodyCodec::toHex(text.toUtf8()));
    } else if (from == BodyMode::Hex) {
        const auto bytes = BodyCodec::fromHex(text);
        if (bytes && BodyCodec::isUtf8(*bytes))
            ui->bodyEdit->setPlainText(QString::fromUtf8(*bytes));
    }
}

void ComposerPanel::updateModeWidgets()
{
    const bool file = m_mode == BodyMode::File;
    ui->prettyButton->setVisible(m_mode == BodyMode::Json);
    ui->chooseFileButton->setVisible(file);
    ui->bodyEdit->setReadOnly(file);
    if (file) {
        ui->bodyEdit->setPlainText(m_filePath.isEmpty()
                                       ? tr("No file chosen.")
                                       : tr("The body is the content of %1 (read when sending).").arg(m_filePath));
    }
    ui->bodyEdit->setPlaceholderText(m_mode == BodyMode::Hex    ? tr("Hex bytes, e.g. 7b 22 69 64 22 3a 31 7d")
                                     : m_mode == BodyMode::Json ? tr("A JSON document, e.g. {\"id\": 1}")
                                                                : tr("Message body"));
}

void ComposerPanel::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Message body from file"), m_filePath);
    if (path.isEmpty())
        return;
    m_filePath = path;
    updateModeWidgets();
    revalidate();
}

void ComposerPanel::prettyPrint()
{
    const auto pretty = BodyCodec::prettyJson(ui->bodyEdit->toPlainText().toUtf8());
    if (!pretty) {
        setStatus(ui->validationLabel, pretty.error().message, true);
        return;
    }
    ui->bodyEdit->setPlainText(*pretty);
}

void ComposerPanel::revalidate()
{
    const MessageDraft d = draft();
    const auto body = d.body();
    ui->bodySizeLabel->setText(body ? tr("%n byte(s)", nullptr, int(body->size())) : QString());
    if (d.topic.isEmpty() && d.bodyText.isEmpty() && d.filePath.isEmpty()) {
        setStatus(ui->validationLabel, tr("Enter a topic and a body, then press Send (Ctrl+Return)."), false);
        updateActions();
        return;
    }
    const auto message = d.build();
    if (!message)
        setStatus(ui->validationLabel, message.error().message, true);
    else if (d.bodyMode == BodyMode::Json)
        setStatus(ui->validationLabel, tr("Valid JSON. Ready to send to %1.").arg(message->topic), false);
    else
        setStatus(ui->validationLabel, tr("Ready to send to %1.").arg(message->topic), false);
    updateActions();
}

void ComposerPanel::updateActions()
{
    const bool connected = m_session && m_session->producer();
    const bool valid = draft().build().ok();
    ui->sendButton->setEnabled(connected && valid && !m_sending);
    ui->sendButton->setToolTip(!connected ? tr("Connect to a cluster first (Connection > Connect).")
                                          : tr("Send (Ctrl+Return)"));
    ui->stopButton->setEnabled(m_sending);
    const bool outboxSelected =
        m_outbox && ui->outboxView->selectionModel() && ui->outboxView->selectionModel()->hasSelection();
    ui->retryButton->setEnabled(connected && outboxSelected && !m_sending);
    ui->removeOutboxButton->setEnabled(outboxSelected && !m_sending);
    ui->editOutboxButton->setEnabled(outboxSelected);
    ui->copyResultButton->setEnabled(ui->resultsView->selectionModel()->hasSelection());
    ui->deleteTemplateButton->setEnabled(ui->templateCombo->currentIndex() > 0);
}

void ComposerPanel::setSending(bool sending)
{
    if (sending == m_sending)
        return;
    m_sending = sending;
    updateActions();
    Q_EMIT sendingChanged(sending);
}

void ComposerPanel::send()
{
    if (m_sending || !m_session || !m_session->producer())
        return;
    auto message = buildMessage();
    if (!message) {
        setStatus(ui->validationLabel, message.error().message, true);
        return;
    }
    runSends(std::move(*message), ui->countSpin->value(), ui->rateSpin->value());
}

void ComposerPanel::stop()
{
    m_stopRequested = true;
}

QCoro::Task<> ComposerPanel::runSends(Message message, int count, int ratePerSecond)
{
    QPointer<ComposerPanel> self(this);
    QPointer<Session> session(m_session);
    const QString profile = session->profile().name;
    setSending(true);
    m_stopRequested = false;
    int ok = 0;
    int failed = 0;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i) {
        if (!self || m_stopRequested || !session || !session->producer())
            break;
        if (ratePerSecond > 0 && i > 0) {
            // Pace against the schedule, not the previous send, so the rate holds on average.
            const qint64 dueMs = qint64(i) * 1000 / ratePerSecond;
            if (dueMs > clock.elapsed())
                co_await QCoro::sleepFor(std::chrono::milliseconds(dueMs - clock.elapsed()));
            if (!self || m_stopRequested || !session || !session->producer())
                break;
        }
        QElapsedTimer latency;
        latency.start();
        auto result = co_await session->producer()->send(message);
        if (!self)
            co_return;
        SendResultsModel::Row row;
        row.time = QDateTime::currentDateTime();
        row.topic = message.topic;
        row.latencyMs = latency.elapsed();
        if (result) {
            row.ok = true;
            row.receipt = *result;
            ++ok;
        } else {
            row.error = result.error().message;
            ++failed;
            if (m_outbox)
                m_outbox->add(profile, message, row.error);
            qCInfo(lcComposer) << "send failed:" << row.error;
        }
        m_results->add(std::move(row));
        ui->resultsView->scrollToBottom();
        ui->progressLabel->setText(tr("%1 of %2 sent, %3 failed").arg(ok).arg(count).arg(failed));
    }
    if (!self)
        co_return;
    if (failed > 0)
        ui->resultsTabs->setTabText(1, tr("Outbox (%1)").arg(m_outbox ? m_outbox->rowCount() : 0));
    updateSummary();
    setSending(false);
    Q_EMIT sendFinished(ok, failed);
}

void ComposerPanel::retrySelectedOutbox()
{
    if (!m_outbox || m_sending || !m_session || !m_session->producer())
        return;
    QStringList ids;
    for (const QModelIndex &index : ui->outboxView->selectionModel()->selectedRows())
        ids << m_outbox->entry(index.row()).id;
    if (!ids.isEmpty())
        runRetries(ids);
}

QCoro::Task<> ComposerPanel::runRetries(QStringList outboxIds)
{
    QPointer<ComposerPanel> self(this);
    QPointer<Session> session(m_session);
    setSending(true);
    int ok = 0;
    int failed = 0;
    for (const QString &id : outboxIds) {
        if (!self || !m_outbox || !session || !session->producer())
            break;
        const int row = m_outbox->indexOf(id);
        if (row < 0)
            continue;
        const Message message = m_outbox->entry(row).message;
        QElapsedTimer latency;
        latency.start();
        auto result = co_await session->producer()->send(message);
        if (!self || !m_outbox)
            co_return;
        SendResultsModel::Row r;
        r.time = QDateTime::currentDateTime();
        r.topic = message.topic;
        r.latencyMs = latency.elapsed();
        if (result) {
            r.ok = true;
            r.receipt = *result;
            m_outbox->remove(id);
            ++ok;
        } else {
            r.error = result.error().message;
            m_outbox->recordFailure(id, r.error);
            ++failed;
        }
        m_results->add(std::move(r));
    }
    if (!self)
        co_return;
    ui->progressLabel->setText(tr("Retried %1: %2 sent, %3 failed again").arg(outboxIds.size()).arg(ok).arg(failed));
    updateSummary();
    setSending(false);
    Q_EMIT sendFinished(ok, failed);
}

void ComposerPanel::openOutboxEntry()
{
    const auto rows = ui->outboxView->selectionModel()->selectedRows();
    if (!m_outbox || rows.isEmpty())
        return;
    const Message &m = m_outbox->entry(rows.first().row()).message;
    MessageDraft d;
    d.topic = m.topic;
    d.tags = m.tags();
    d.keys = m.keys().join(QLatin1Char(' '));
    d.delayLevel = m.delayLevel();
    for (const auto &[k, v] : m.properties.entries()) {
        if (!MessageDraft::isReservedProperty(k))
            d.properties.append({k, v});
    }
    if (BodyCodec::isUtf8(m.body)) {
        d.bodyMode = BodyCodec::looksLikeJson(m.body) ? BodyMode::Json : BodyMode::Text;
        d.bodyText = QString::fromUtf8(m.body);
    } else {
        d.bodyMode = BodyMode::Hex;
        d.bodyText = BodyCodec::toHex(m.body);
    }
    setDraft(d);
}

void ComposerPanel::copySelectedResult()
{
    const auto rows = ui->resultsView->selectionModel()->selectedRows();
    QStringList ids;
    for (const QModelIndex &index : rows) {
        const auto &r = m_results->row(index.row());
        if (r.ok)
            ids << r.receipt.msgId;
    }
    if (!ids.isEmpty())
        QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
}

void ComposerPanel::updateSummary()
{
    ui->resultsSummary->setText(tr("%1 sent, %2 failed").arg(m_results->okCount()).arg(m_results->failedCount()));
    const int pending = m_outbox ? m_outbox->rowCount() : 0;
    ui->resultsTabs->setTabText(1, pending ? tr("Outbox (%1)").arg(pending) : tr("Outbox"));
    if (m_outbox && !m_outbox->loadError().isEmpty())
        ui->outboxInfoLabel->setText(m_outbox->loadError());
    updateActions();
}

void ComposerPanel::reloadTemplates()
{
    const QString profile = m_session ? m_session->profile().name : QString();
    const QString current = ui->templateCombo->currentText();
    ui->templateCombo->clear();
    ui->templateCombo->addItem(profile.isEmpty() ? tr("(connect to use templates)") : tr("(choose a template)"));
    if (!profile.isEmpty()) {
        TemplateStore store(m_settings);
        const auto templates = store.load(profile);
        for (auto it = templates.begin(); it != templates.end(); ++it)
            ui->templateCombo->addItem(icon(QStringLiteral("template")), it.key());
    }
    const int index = ui->templateCombo->findText(current);
    ui->templateCombo->setCurrentIndex(qMax(0, index));
    ui->templateCombo->setEnabled(!profile.isEmpty());
    ui->saveTemplateButton->setEnabled(!profile.isEmpty());
}

void ComposerPanel::saveTemplate()
{
    if (!m_session)
        return;
    const QString profile = m_session->profile().name;
    bool accepted = false;
    const QString suggested = ui->templateCombo->currentIndex() > 0 ? ui->templateCombo->currentText() : draft().topic;
    const QString name =
        QInputDialog::getText(this, tr("Save template"), tr("Template name (saved for profile \"%1\"):").arg(profile),
                              QLineEdit::Normal, suggested, &accepted)
            .trimmed();
    if (!accepted || name.isEmpty())
        return;
    TemplateStore(m_settings).save(profile, name, draft());
    reloadTemplates();
    ui->templateCombo->setCurrentIndex(ui->templateCombo->findText(name));
}

void ComposerPanel::deleteTemplate()
{
    if (!m_session || ui->templateCombo->currentIndex() <= 0)
        return;
    const QString name = ui->templateCombo->currentText();
    if (QMessageBox::question(this, tr("Delete template"), tr("Delete the template \"%1\"?").arg(name)) !=
        QMessageBox::Yes)
        return;
    TemplateStore(m_settings).remove(m_session->profile().name, name);
    reloadTemplates();
}

void ComposerPanel::loadTemplate(int index)
{
    if (!m_session || index <= 0)
        return;
    const auto templates = TemplateStore(m_settings).load(m_session->profile().name);
    const auto it = templates.constFind(ui->templateCombo->itemText(index));
    if (it != templates.constEnd())
        setDraft(*it);
    updateActions();
}

void ComposerPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const int mode = ui->bodyModeCombo->currentIndex();
        ui->retranslateUi(this);
        {
            const QSignalBlocker block(ui->bodyModeCombo);
            ui->bodyModeCombo->setCurrentIndex(mode);
        }
        fillDelayCombo();
        m_results->retranslate();
        if (m_outbox)
            m_outbox->retranslate();
        reloadTemplates();
        updateModeWidgets();
        updateSummary();
        revalidate();
    }
    QWidget::changeEvent(event);
}

} // namespace mq::gui
