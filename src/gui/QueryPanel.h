#pragma once

#include "Backends.h"

#include <QCoro/QCoroTask>
#include <QPointer>
#include <QWidget>

#include <memory>

namespace Ui {
class QueryPanel;
}

namespace mq::gui {

class FeedModel;
class Session;

// Look messages up by key, by id (client UNIQ_KEY or broker offsetMsgId: says which) or by
// time range; selecting a result shows it in the inspector.
class QueryPanel : public QWidget {
    Q_OBJECT
public:
    enum Kind { ByKey, ById, ByTime };
    explicit QueryPanel(QWidget *parent = nullptr);
    ~QueryPanel() override;

    void setSession(Session *session);
    void setTopics(const QStringList &topics);
    FeedModel *results() const { return m_results; }
    QString resultText() const;

    // Fills the form and runs the query (tests, "find this key" actions elsewhere).
    void search(Kind kind, const QString &topic, const QString &value);

public Q_SLOTS:
    void runQuery();

Q_SIGNALS:
    void messageSelected(const mq::MessageExt &message);
    void queryFinished(int found, const QString &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    QCoro::Task<> execute(Kind kind, QString topic, QString value, QDateTime begin, QDateTime end, int max);
    void updateForm();
    void updateActions();
    void showResult(const QString &text, bool error);

    std::unique_ptr<Ui::QueryPanel> ui;
    FeedModel *m_results;
    QPointer<Session> m_session;
    bool m_running = false;
};

} // namespace mq::gui
