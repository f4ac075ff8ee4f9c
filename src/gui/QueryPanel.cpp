#include "QueryPanel.h"

#include "FeedModel.h"
#include "Icons.h"
#include "Session.h"
#include "ui_QueryPanel.h"

#include <QHeaderView>

namespace mq::gui {

QueryPanel::QueryPanel(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::QueryPanel>())
    , m_results(new FeedModel(this))
{
    ui->setupUi(this);
    ui->resultsView->setModel(m_results);
    const int charWidth = fontMetrics().averageCharWidth();
    const int widths[] = {17, 16, 10, 24, 22, 8, 36, 18, 8, 40};
    for (int c = 0; c < FeedModel::ColumnCount; ++c)
        ui->resultsView->setColumnWidth(c, widths[c] * charWidth);
    ui->resultsView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    ui->queryButton->setIcon(icon(QStringLiteral("search")));
    ui->endEdit->setDateTime(QDateTime::currentDateTime().addSecs(3600));
    ui->beginEdit->setDateTime(QDateTime::currentDateTime().addDays(-3));
    connect(ui->kindCombo, &QComboBox::currentIndexChanged, this, &QueryPanel::updateForm);
    connect(ui->queryButton, &QPushButton::clicked, this, &QueryPanel::runQuery);
    connect(ui->valueEdit, &QLineEdit::returnPressed, this, &QueryPanel::runQuery);
    connect(ui->valueEdit, &QLineEdit::textChanged, this, &QueryPanel::updateActions);
    connect(ui->topicCombo, &QComboBox::editTextChanged, this, &QueryPanel::updateActions);
    connect(ui->resultsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT messageSelected(m_results->message(current.row()));
            });
    updateForm();
}

QueryPanel::~QueryPanel() = default;

void QueryPanel::setSession(Session *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::stateChanged, this, &QueryPanel::updateActions);
    m_results->clear();
    ui->resultLabel->clear();
    updateActions();
}

void QueryPanel::setTopics(const QStringList &topics)
{
    const QString current = ui->topicCombo->currentText();
    ui->topicCombo->clear();
    ui->topicCombo->addItems(topics);
    ui->topicCombo->setEditText(current);
}

QString QueryPanel::resultText() const
{
    return ui->resultLabel->text();
}

void QueryPanel::updateForm()
{
    const auto kind = Kind(ui->kindCombo->currentIndex());
    ui->valueLabel->setVisible(kind != ByTime);
    ui->valueEdit->setVisible(kind != ByTime);
    ui->valueLabel->setText(kind == ById ? tr("Message &ID:") : tr("&Key:"));
    ui->valueEdit->setPlaceholderText(
        kind == ById ? tr("A client ID (UNIQ_KEY) or a broker offset ID (offsetMsgId); either works")
                     : tr("The business key the producer set, e.g. order-1001"));
    const bool range = kind != ById;
    for (QWidget *w : {static_cast<QWidget *>(ui->beginLabel), static_cast<QWidget *>(ui->beginEdit),
                       static_cast<QWidget *>(ui->endLabel), static_cast<QWidget *>(ui->endEdit),
                       static_cast<QWidget *>(ui->maxLabel), static_cast<QWidget *>(ui->maxSpin)})
        w->setEnabled(range);
    updateActions();
}

void QueryPanel::updateActions()
{
    const bool connected = m_session && m_session->admin();
    const auto kind = Kind(ui->kindCombo->currentIndex());
    const bool filled = !ui->topicCombo->currentText().trimmed().isEmpty() &&
                        (kind == ByTime || !ui->valueEdit->text().trimmed().isEmpty());
    ui->queryButton->setEnabled(connected && filled && !m_running);
    ui->queryButton->setToolTip(connected   ? QString()
                                : m_session ? tr("This connection cannot query messages yet.")
                                            : tr("Connect to a cluster first (Connection > Connect)."));
}

void QueryPanel::showResult(const QString &text, bool error)
{
    ui->resultLabel->setText(text);
    ui->resultLabel->setStyleSheet(error ? QStringLiteral("color: #d0383a;") : QString());
}

void QueryPanel::search(Kind kind, const QString &topic, const QString &value)
{
    ui->kindCombo->setCurrentIndex(int(kind));
    ui->topicCombo->setEditText(topic);
    ui->valueEdit->setText(value);
    runQuery();
}

void QueryPanel::runQuery()
{
    if (m_running || !m_session || !m_session->admin())
        return;
    const auto kind = Kind(ui->kindCombo->currentIndex());
    const QString topic = ui->topicCombo->currentText().trimmed();
    const QString value = ui->valueEdit->text().trimmed();
    if (topic.isEmpty()) {
        showResult(tr("Enter the topic to search in."), true);
        return;
    }
    if (kind != ByTime && value.isEmpty()) {
        showResult(kind == ById ? tr("Enter a message ID.") : tr("Enter a key."), true);
        return;
    }
    if (kind != ById && ui->beginEdit->dateTime() >= ui->endEdit->dateTime()) {
        showResult(tr("The start of the time range must be before its end."), true);
        return;
    }
    execute(kind, topic, value, ui->beginEdit->dateTime(), ui->endEdit->dateTime(), ui->maxSpin->value());
}

QCoro::Task<> QueryPanel::execute(Kind kind, QString topic, QString value, QDateTime begin, QDateTime end, int max)
{
    QPointer<QueryPanel> self(this);
    QPointer<Session> session(m_session);
    m_running = true;
    updateActions();
    m_results->clear();
    showResult(tr("Searching..."), false);

    QList<MessageExt> found;
    QString error;
    bool notFound = false;
    QString note;
    if (kind == ById) {
        auto result = co_await session->admin()->queryById(topic, value);
        if (!self)
            co_return;
        if (result) {
            found = result->messages;
            note = result->kind == IdKind::UniqueKey
                       ? tr("The ID was a client ID (UNIQ_KEY), looked up through the topic's index.")
                       : tr("The ID was a broker offset ID (offsetMsgId): store host and commit-log offset.");
        } else {
            error = result.error().message;
            notFound = result.error().code == Error::Code::NotFound;
        }
    } else {
        Result<QList<MessageExt>> result = QList<MessageExt>{};
        if (kind == ByKey)
            result = co_await session->admin()->queryByKey(topic, value, begin, end, max);
        else
            result = co_await session->admin()->queryByTime(topic, begin, end, max);
        if (!self)
            co_return;
        if (result) {
            found = *result;
        } else {
            error = result.error().message;
            notFound = result.error().code == Error::Code::NotFound;
        }
    }
    m_running = false;
    updateActions();
    if (!error.isEmpty()) {
        showResult(error, !notFound); // "nothing found" is an answer, not a failure
        Q_EMIT queryFinished(0, error);
        co_return;
    }
    m_results->append(0, found);
    m_results->flush();
    QString text = found.isEmpty() ? tr("No message found.") : tr("Found %n message(s).", nullptr, int(found.size()));
    if (!note.isEmpty())
        text += QLatin1Char(' ') + note;
    showResult(text, false);
    if (!found.isEmpty())
        ui->resultsView->selectRow(0);
    Q_EMIT queryFinished(int(found.size()), QString());
}

void QueryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const int kind = ui->kindCombo->currentIndex();
        ui->retranslateUi(this);
        ui->kindCombo->setCurrentIndex(kind);
        m_results->retranslate();
        updateForm();
    }
    QWidget::changeEvent(event);
}

} // namespace mq::gui
