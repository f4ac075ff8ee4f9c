#include "SettingsDialog.h"

#include "FeedModel.h"
#include "Language.h"
#include "ui_SettingsDialog.h"

#include <QPushButton>
#include <QSettings>

namespace mq::gui {

SettingsDialog::SettingsDialog(QSettings &settings, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
{
    ui->setupUi(this);
    ui->languageCombo->addItem(tr("System language"), QStringLiteral("system"));
    for (const QString &code : Language::available())
        ui->languageCombo->addItem(Language::nativeName(code), code);
    setLanguage(settings.value(QStringLiteral("ui/language"), QStringLiteral("system")).toString());
    ui->capacitySpin->setValue(settings.value(QStringLiteral("feed/capacity"), FeedModel::DefaultCapacity).toInt());
    ui->batchSpin->setValue(settings.value(QStringLiteral("feed/batchMs"), 100).toInt());
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->buttonBox->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setLanguage(const QString &code)
{
    ui->languageCombo->setCurrentIndex(qMax(0, ui->languageCombo->findData(code)));
}

void SettingsDialog::restoreDefaults()
{
    setLanguage(QStringLiteral("system"));
    ui->capacitySpin->setValue(FeedModel::DefaultCapacity);
    ui->batchSpin->setValue(100);
}

void SettingsDialog::save()
{
    m_settings.setValue(QStringLiteral("ui/language"), ui->languageCombo->currentData().toString());
    m_settings.setValue(QStringLiteral("feed/capacity"), ui->capacitySpin->value());
    m_settings.setValue(QStringLiteral("feed/batchMs"), ui->batchSpin->value());
}

} // namespace mq::gui
