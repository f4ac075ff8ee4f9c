#pragma once

#include <QByteArray>
#include <QWidget>

#include <memory>

namespace Ui {
class BodyViewer;
}

namespace mq::gui {

// Shows a message body as text, formatted JSON or a hex dump; copy and save.
class BodyViewer : public QWidget {
    Q_OBJECT
public:
    enum Mode { Automatic, Text, Json, Hex };
    explicit BodyViewer(QWidget *parent = nullptr);
    ~BodyViewer() override;

    void setBody(const QByteArray &body);
    void setMode(Mode mode);
    Mode effectiveMode() const; // Automatic resolved: JSON, text or hex
    QString shownText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    std::unique_ptr<Ui::BodyViewer> ui;
    QByteArray m_body;
};

} // namespace mq::gui
