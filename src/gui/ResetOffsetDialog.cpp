#include "ResetOffsetDialog.h"

#include "Session.h"
#include "ui_ResetOffsetDialog.h"

#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

namespace mq::gui {

ResetOffsetDialog::ResetOffsetDialog(Session *session, QString group, QString topic, QDateTime to, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ResetOffsetDialog>())
    , m_session(session)
    , m_group(std::move(group))
    , m_topic(std::move(topic))
    , m_to(std::move(to))
{
    ui->setupUi(this);
    ui->movesTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    ui->movesTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Reset offsets"));
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(false);
    ui->summaryLabel->setText(
        tr("Working out where the offsets of group %1 on topic %2 would move...").arg(m_group, m_topic));
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // From the event loop, so whoever created us can listen for planReady() first.
    QTimer::singleShot(0, this, [this] { loadPlan(); });
}

ResetOffsetDialog::~ResetOffsetDialog() = default;

QString ResetOffsetDialog::describeMove(const OffsetMove &move)
{
    const QLocale locale;
    if (move.from < 0)
        return tr("no committed offset yet; starts at %1").arg(locale.toString(move.to));
    if (move.to == move.from)
        return tr("no change");
    if (move.to < move.from)
        return tr("%1 message(s) consumed again").arg(locale.toString(move.from - move.to));
    return tr("%1 message(s) skipped").arg(locale.toString(move.to - move.from));
}

QString ResetOffsetDialog::summary() const
{
    return ui->summaryLabel->text();
}

QCoro::Task<> ResetOffsetDialog::loadPlan()
{
    if (!m_session || !m_session->admin())
        co_return;
    QPointer<ResetOffsetDialog> self(this);
    auto plan = co_await m_session->admin()->planReset(m_group, m_topic, m_to);
    if (!self)
        co_return;
    if (!plan) {
        ui->summaryLabel->setText(tr("Cannot work out the reset: %1").arg(plan.error().message));
        ui->summaryLabel->setStyleSheet(QStringLiteral("color: #d0383a;"));
        co_return;
    }
    m_plan = *plan;
    m_loaded = true;
    showPlan();
    Q_EMIT planReady();
}

void ResetOffsetDialog::showPlan()
{
    const QLocale locale;
    qint64 again = 0;
    qint64 skipped = 0;
    int moving = 0;
    ui->movesTable->setRowCount(0);
    for (const OffsetMove &m : std::as_const(m_plan)) {
        const int row = ui->movesTable->rowCount();
        ui->movesTable->insertRow(row);
        ui->movesTable->setItem(
            row, 0, new QTableWidgetItem(QStringLiteral("%1 / %2").arg(m.queue.brokerName).arg(m.queue.queueId)));
        ui->movesTable->setItem(row, 1, new QTableWidgetItem(m.from < 0 ? tr("none") : locale.toString(m.from)));
        ui->movesTable->setItem(row, 2, new QTableWidgetItem(locale.toString(m.to)));
        ui->movesTable->setItem(row, 3, new QTableWidgetItem(describeMove(m)));
        // A queue without a committed offset neither re-delivers nor skips anything.
        if (m.from >= 0 && m.to < m.from)
            again += m.from - m.to;
        else if (m.from >= 0)
            skipped += m.to - m.from;
        moving += m.to != m.from;
    }
    const QString when = m_to.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    ui->summaryLabel->setText(
        tr("Consumer group <b>%1</b>, topic <b>%2</b>: every queue moves to the first message stored at or after "
           "%3. %4 of %5 queue(s) change: %6 message(s) will be consumed again and %7 skipped.")
            .arg(m_group.toHtmlEscaped(), m_topic.toHtmlEscaped(), when)
            .arg(moving)
            .arg(m_plan.size())
            .arg(locale.toString(again), locale.toString(skipped)));
    ui->warningLabel->setText(tr("Online consumers of the group are told to move at once; offline ones use the new "
                                 "offsets when they next start. This cannot be undone, but you can reset again."));
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(moving > 0);
    if (moving == 0)
        ui->warningLabel->setText(tr("Nothing would move: the offsets already point there."));
}

} // namespace mq::gui
