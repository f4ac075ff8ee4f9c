#pragma once

#include "Message.h"

#include <QCoro/QCoroTask>
#include <QPointer>
#include <QWidget>

#include <memory>

namespace Ui {
class MessageInspector;
}

namespace mq::gui {

class Session;

// Every field and property of one message, the body in a viewer, and copy buttons.
class MessageInspector : public QWidget {
    Q_OBJECT
public:
    explicit MessageInspector(QWidget *parent = nullptr);
    ~MessageInspector() override;

    void showMessage(const mq::MessageExt &message);
    void clear();
    void setSession(Session *session); // for the consumed-by track
    void trackConsumers();
    QString trackText() const;
    bool hasMessage() const { return m_hasMessage; }
    // (field, value) pairs as shown, for tests and copy-all.
    QList<QPair<QString, QString>> fields() const;

    static QString describeSysFlag(int sysFlag);

Q_SIGNALS:
    void trackFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    QCoro::Task<> runTrack(mq::MessageExt message);
    void render();
    void copySelectedValue();
    std::unique_ptr<Ui::MessageInspector> ui;
    MessageExt m_message;
    bool m_hasMessage = false;
    QPointer<Session> m_session;
};

} // namespace mq::gui
