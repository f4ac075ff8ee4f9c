#pragma once

#include "MessageDraft.h"

#include <QCoro/QCoroTask>
#include <QPointer>
#include <QWidget>

#include <memory>

class QCompleter;
class QSettings;
class QStringListModel;
class QTimer;

namespace Ui {
class ComposerPanel;
}

namespace mq::gui {

class Outbox;
class SendResultsModel;
class Session;

// Compose a message, send it once or N times at a rate, see every result; failures go to
// the outbox. Templates are saved per profile.
class ComposerPanel : public QWidget {
    Q_OBJECT
public:
    ComposerPanel(QSettings &settings, Outbox *outbox, QWidget *parent = nullptr);
    ~ComposerPanel() override;

    void setSession(Session *session);
    void setTopics(const QStringList &topics); // completion list

    MessageDraft draft() const;
    void setDraft(const MessageDraft &draft);
    // The message the current fields describe, or why there is none.
    Result<Message> buildMessage() const { return draft().build(); }

    SendResultsModel *results() const { return m_results; }
    bool isSending() const { return m_sending; }

public Q_SLOTS:
    void send();
    void stop();
    void retrySelectedOutbox();

Q_SIGNALS:
    void sendingChanged(bool sending);
    void sendFinished(int ok, int failed);

protected:
    void changeEvent(QEvent *event) override;

private:
    QCoro::Task<> runSends(Message message, int count, int ratePerSecond);
    QCoro::Task<> runRetries(QStringList outboxIds);
    void setSending(bool sending);
    void revalidate();
    void updateModeWidgets();
    void switchBodyMode(BodyMode from, BodyMode to);
    void chooseFile();
    void prettyPrint();
    void fillDelayCombo();
    void reloadTemplates();
    void saveTemplate();
    void deleteTemplate();
    void loadTemplate(int index);
    void openOutboxEntry();
    void copySelectedResult();
    void updateSummary();
    void updateActions();

    std::unique_ptr<Ui::ComposerPanel> ui;
    QSettings &m_settings;
    QPointer<Outbox> m_outbox;
    SendResultsModel *m_results;
    QPointer<Session> m_session;
    QStringListModel *m_topicModel;
    QCompleter *m_completer;
    QTimer *m_validateTimer;
    BodyMode m_mode = BodyMode::Text;
    QString m_filePath;
    QString m_textBeforeFile; // what the editor held before "from file" replaced it
    bool m_sending = false;
    bool m_stopRequested = false;
};

} // namespace mq::gui
