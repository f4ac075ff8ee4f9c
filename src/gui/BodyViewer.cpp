#include "BodyViewer.h"

#include "BodyCodec.h"
#include "Icons.h"
#include "ui_BodyViewer.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QMessageBox>
#include <QSaveFile>

namespace mq::gui {

BodyViewer::BodyViewer(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::BodyViewer>())
{
    ui->setupUi(this);
    ui->bodyText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    ui->copyBodyButton->setIcon(icon(QStringLiteral("copy")));
    ui->saveBodyButton->setIcon(icon(QStringLiteral("save")));
    connect(ui->modeCombo, &QComboBox::currentIndexChanged, this, &BodyViewer::render);
    connect(ui->copyBodyButton, &QToolButton::clicked, this, [this] {
        // Text modes copy what is shown; hex copies the bytes as hex digits.
        QApplication::clipboard()->setText(effectiveMode() == Hex ? BodyCodec::toHex(m_body) : shownText());
    });
    connect(ui->saveBodyButton, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save message body"));
        if (path.isEmpty())
            return;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_body) != m_body.size() || !file.commit())
            QMessageBox::warning(this, tr("Save failed"), tr("Cannot save %1: %2").arg(path, file.errorString()));
    });
    render();
}

BodyViewer::~BodyViewer() = default;

void BodyViewer::setBody(const QByteArray &body)
{
    m_body = body;
    render();
}

void BodyViewer::setMode(Mode mode)
{
    ui->modeCombo->setCurrentIndex(int(mode));
}

BodyViewer::Mode BodyViewer::effectiveMode() const
{
    const auto mode = Mode(ui->modeCombo->currentIndex());
    if (mode != Automatic)
        return mode;
    if (BodyCodec::looksLikeJson(m_body))
        return Json;
    return BodyCodec::isUtf8(m_body) ? Text : Hex;
}

QString BodyViewer::shownText() const
{
    return ui->bodyText->toPlainText();
}

void BodyViewer::render()
{
    const Mode mode = effectiveMode();
    QString info = tr("%n byte(s)", nullptr, int(m_body.size()));
    QString text;
    switch (mode) {
    case Json: {
        const auto pretty = BodyCodec::prettyJson(m_body);
        if (pretty) {
            text = *pretty;
            info = tr("%1, JSON").arg(info);
        } else {
            text = QString::fromUtf8(m_body);
            info = tr("%1, not valid JSON: %2").arg(info, pretty.error().message);
        }
        break;
    }
    case Hex: text = BodyCodec::hexDump(m_body); break;
    case Text:
    case Automatic:
        text = QString::fromUtf8(m_body);
        if (!BodyCodec::isUtf8(m_body))
            info = tr("%1, not valid UTF-8").arg(info);
        break;
    }
    ui->bodyText->setLineWrapMode(mode == Hex ? QPlainTextEdit::NoWrap : QPlainTextEdit::WidgetWidth);
    ui->bodyText->setPlainText(text);
    ui->infoLabel->setText(m_body.isNull() ? QString() : info);
    ui->copyBodyButton->setEnabled(!m_body.isEmpty());
    ui->saveBodyButton->setEnabled(!m_body.isEmpty());
}

void BodyViewer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const int mode = ui->modeCombo->currentIndex();
        ui->retranslateUi(this);
        ui->modeCombo->setCurrentIndex(mode);
        render();
    }
    QWidget::changeEvent(event);
}

} // namespace mq::gui
