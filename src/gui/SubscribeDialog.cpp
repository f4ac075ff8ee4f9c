#include "SubscribeDialog.h"

#include "ui_SubscribeDialog.h"

#include <QPushButton>
#include <QRegularExpression>

namespace mq::gui {

SubscribeDialog::SubscribeDialog(const QStringList &topics, const QString &defaultGroup, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::SubscribeDialog>())
{
    ui->setupUi(this);
    ui->topicCombo->addItems(topics);
    ui->topicCombo->setCurrentIndex(-1);
    ui->topicCombo->setEditText(QString());
    ui->groupEdit->setText(defaultGroup);
    ui->timestampEdit->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Subscribe"));
    ui->groupEdit->setToolTip(tr("In clustering mode the group's members share the messages: a group of your own "
                                 "watches without taking messages away from real consumers."));
    const auto update = [this] {
        ui->timestampEdit->setEnabled(ui->fromCombo->currentIndex() == int(ConsumeFrom::Timestamp));
        ui->errorLabel->clear();
    };
    connect(ui->fromCombo, &QComboBox::currentIndexChanged, this, update);
    connect(ui->topicCombo, &QComboBox::editTextChanged, this, update);
    update();
}

SubscribeDialog::~SubscribeDialog() = default;

Subscription SubscribeDialog::subscription() const
{
    Subscription s;
    s.topic = ui->topicCombo->currentText().trimmed();
    s.tagExpression = ui->tagEdit->text().trimmed().isEmpty() ? QStringLiteral("*") : ui->tagEdit->text().trimmed();
    s.group = ui->groupEdit->text().trimmed();
    s.model = MessageModel(ui->modelCombo->currentIndex());
    s.from = ConsumeFrom(ui->fromCombo->currentIndex());
    s.timestamp = ui->timestampEdit->dateTime();
    return s;
}

void SubscribeDialog::setSubscription(const Subscription &s)
{
    ui->topicCombo->setEditText(s.topic);
    ui->tagEdit->setText(s.tagExpression);
    ui->groupEdit->setText(s.group);
    ui->modelCombo->setCurrentIndex(int(s.model));
    ui->fromCombo->setCurrentIndex(int(s.from));
    if (s.timestamp.isValid())
        ui->timestampEdit->setDateTime(s.timestamp);
}

QString SubscribeDialog::problem() const
{
    static const QRegularExpression namePattern(QStringLiteral("^[%|a-zA-Z0-9_-]+$"));
    const Subscription s = subscription();
    if (s.topic.isEmpty())
        return tr("Choose or type a topic.");
    if (!namePattern.match(s.topic).hasMatch())
        return tr("The topic \"%1\" may only contain letters, digits, '_', '-', '%' and '|'.").arg(s.topic);
    if (s.group.isEmpty())
        return tr("Enter a consumer group.");
    if (!namePattern.match(s.group).hasMatch())
        return tr("The group \"%1\" may only contain letters, digits, '_', '-', '%' and '|'.").arg(s.group);
    if (s.from == ConsumeFrom::Timestamp && s.timestamp > QDateTime::currentDateTime())
        return tr("The start time is in the future.");
    return {};
}

void SubscribeDialog::accept()
{
    const QString error = problem();
    if (!error.isEmpty()) {
        ui->errorLabel->setText(error);
        return;
    }
    QDialog::accept();
}

} // namespace mq::gui
