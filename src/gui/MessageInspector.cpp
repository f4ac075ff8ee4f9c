#include "MessageInspector.h"

#include "FeedExporter.h"
#include "Icons.h"
#include "Session.h"
#include "ui_MessageInspector.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFont>
#include <QHeaderView>
#include <QShortcut>

namespace mq::gui {

MessageInspector::MessageInspector(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::MessageInspector>())
{
    ui->setupUi(this);
    ui->fieldsTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    ui->fieldsTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    ui->copyValueButton->setIcon(icon(QStringLiteral("copy")));
    ui->copyIdButton->setIcon(icon(QStringLiteral("copy")));
    ui->copyJsonButton->setIcon(icon(QStringLiteral("copy")));
    connect(ui->copyValueButton, &QPushButton::clicked, this, &MessageInspector::copySelectedValue);
    connect(ui->copyIdButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_message.msgId()); });
    connect(ui->copyJsonButton, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(QString::fromUtf8(FeedExporter::jsonLine(m_message)).trimmed());
    });
    connect(ui->fieldsTable, &QTableWidget::itemSelectionChanged, this,
            [this] { ui->copyValueButton->setEnabled(ui->fieldsTable->currentRow() >= 0); });
    ui->trackButton->setIcon(icon(QStringLiteral("consumers")));
    connect(ui->trackButton, &QPushButton::clicked, this, &MessageInspector::trackConsumers);
    auto *copy = new QShortcut(QKeySequence::Copy, ui->fieldsTable);
    copy->setContext(Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, &MessageInspector::copySelectedValue);
    ui->splitter->setStretchFactor(0, 3);
    ui->splitter->setStretchFactor(1, 2);
    render();
}

MessageInspector::~MessageInspector() = default;

void MessageInspector::showMessage(const mq::MessageExt &message)
{
    m_message = message;
    m_hasMessage = true;
    render();
}

void MessageInspector::setSession(Session *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::stateChanged, this,
                [this] { ui->trackButton->setEnabled(m_hasMessage && m_session && m_session->admin()); });
    ui->trackLabel->clear();
    ui->trackButton->setEnabled(m_hasMessage && m_session && m_session->admin());
}

QString MessageInspector::trackText() const
{
    return ui->trackLabel->text();
}

void MessageInspector::trackConsumers()
{
    if (m_hasMessage && m_session && m_session->admin())
        runTrack(m_message);
}

QCoro::Task<> MessageInspector::runTrack(mq::MessageExt message)
{
    QPointer<MessageInspector> self(this);
    QPointer<Session> session(m_session);
    ui->trackButton->setEnabled(false);
    ui->trackLabel->setText(tr("Asking the brokers..."));
    auto result = co_await session->admin()->consumedBy(message);
    if (!self)
        co_return;
    ui->trackButton->setEnabled(m_hasMessage && m_session && m_session->admin());
    if (message.offsetMsgId != m_message.offsetMsgId)
        co_return; // another message is shown by now
    if (!result) {
        ui->trackLabel->setText(result.error().message);
    } else if (result->isEmpty()) {
        ui->trackLabel->setText(tr("No consumer group subscribes to %1.").arg(message.topic));
    } else {
        QStringList lines;
        for (const ConsumedBy &c : *result)
            lines << QStringLiteral("%1 %2: %3")
                         .arg(c.consumed ? QStringLiteral("\u2713") : QStringLiteral("\u2022"), c.group, c.state);
        ui->trackLabel->setText(lines.join(QLatin1Char('\n')));
    }
    Q_EMIT trackFinished();
}

void MessageInspector::clear()
{
    m_message = {};
    m_hasMessage = false;
    render();
}

QString MessageInspector::describeSysFlag(int sysFlag)
{
    QStringList parts;
    if (sysFlag & sysflag::Compressed)
        parts << tr("compressed");
    if (sysFlag & sysflag::MultiTags)
        parts << tr("multiple tags");
    switch (sysFlag & (0x3 << 2)) {
    case sysflag::TransactionPrepared: parts << tr("transaction prepared"); break;
    case sysflag::TransactionCommit: parts << tr("transaction committed"); break;
    case sysflag::TransactionRollback: parts << tr("transaction rolled back"); break;
    default: break;
    }
    if (sysFlag & sysflag::BornHostV6)
        parts << tr("born host IPv6");
    if (sysFlag & sysflag::StoreHostV6)
        parts << tr("store host IPv6");
    const QString bits = QStringLiteral("0x%1").arg(sysFlag, 0, 16);
    return parts.isEmpty() ? bits : QStringLiteral("%1 (%2)").arg(bits, parts.join(tr(", ", "list separator")));
}

QList<QPair<QString, QString>> MessageInspector::fields() const
{
    QList<QPair<QString, QString>> out;
    for (int row = 0; row < ui->fieldsTable->rowCount(); ++row) {
        const auto *name = ui->fieldsTable->item(row, 0);
        const auto *value = ui->fieldsTable->item(row, 1);
        out.append({name ? name->text() : QString(), value ? value->text() : QString()});
    }
    return out;
}

void MessageInspector::render()
{
    ui->fieldsTable->setRowCount(0);
    const bool has = m_hasMessage;
    ui->copyIdButton->setEnabled(has);
    ui->copyJsonButton->setEnabled(has);
    ui->copyValueButton->setEnabled(false);
    ui->trackLabel->clear();
    ui->trackButton->setEnabled(has && m_session && m_session->admin());
    if (!has) {
        ui->titleLabel->setText(tr("Select a message in the live feed or the query results to see every field here."));
        ui->bodyViewer->setBody({});
        return;
    }
    const MessageExt &m = m_message;
    const bool hasUniqKey = !m.uniqueKey().isEmpty();
    ui->titleLabel->setText(QStringLiteral("<b>%1</b><br>%2").arg(m.msgId().toHtmlEscaped(), m.topic.toHtmlEscaped()));

    const auto time = [](qint64 ms) {
        return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) : QString();
    };
    QList<QPair<QString, QString>> rows{
        {tr("Topic"), m.topic},
        {tr("Message ID"), m.msgId()},
        {tr("Message ID kind"),
         hasUniqKey ? tr("client ID (UNIQ_KEY property)") : tr("broker offset ID (the producer set no UNIQ_KEY)")},
        {tr("Offset message ID"), m.offsetMsgId},
        {tr("Tags"), m.tags()},
        {tr("Keys"), m.keys().join(QLatin1Char(' '))},
        {tr("Queue ID"), QString::number(m.queueId)},
        {tr("Queue offset"), QString::number(m.queueOffset)},
        {tr("Commit log offset"), QString::number(m.commitLogOffset)},
        {tr("Born time"), time(m.bornTimestamp)},
        {tr("Born host"), m.bornHost.toString()},
        {tr("Store time"), time(m.storeTimestamp)},
        {tr("Store host"), m.storeHost.toString()},
        {tr("Reconsume times"), QString::number(m.reconsumeTimes)},
        {tr("Body size"), tr("%n byte(s)", nullptr, int(m.body.size()))},
        {tr("Body CRC"), QString::number(m.bodyCrc)},
        {tr("System flag"), describeSysFlag(m.sysFlag)},
        {tr("Flag"), QString::number(m.flag)},
        {tr("Delay level"), m.delayLevel() ? QString::number(m.delayLevel()) : tr("none")},
        {tr("Prepared transaction offset"), QString::number(m.preparedTransactionOffset)},
        {tr("Store size"), QString::number(m.storeSize)},
    };
    QFont bold = font();
    bold.setBold(true);
    const auto addRow = [this](const QString &name, const QString &value, const QFont *font = nullptr) {
        const int row = ui->fieldsTable->rowCount();
        ui->fieldsTable->insertRow(row);
        auto *n = new QTableWidgetItem(name);
        auto *v = new QTableWidgetItem(value);
        v->setToolTip(value);
        if (font)
            n->setFont(*font);
        ui->fieldsTable->setItem(row, 0, n);
        ui->fieldsTable->setItem(row, 1, v);
    };
    for (const auto &[name, value] : rows)
        addRow(name, value);
    addRow(tr("Properties (%1)").arg(m.properties.entries().size()), QString(), &bold);
    for (const auto &[key, value] : m.properties.entries())
        addRow(key, value);
    ui->bodyViewer->setBody(m.body);
}

void MessageInspector::copySelectedValue()
{
    const int row = ui->fieldsTable->currentRow();
    if (row < 0)
        return;
    if (const auto *item = ui->fieldsTable->item(row, 1))
        QApplication::clipboard()->setText(item->text());
}

void MessageInspector::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        render();
    }
    QWidget::changeEvent(event);
}

} // namespace mq::gui
