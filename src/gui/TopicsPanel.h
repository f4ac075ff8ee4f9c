#pragma once

#include "Backends.h"

#include <QCoro/QCoroTask>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <memory>

class QSortFilterProxyModel;
class QStringListModel;

namespace Ui {
class TopicsPanel;
}

namespace mq::gui {

class Session;

// Every topic the name servers know, and the route of the selected one (brokers, queues).
class TopicsPanel : public QWidget {
    Q_OBJECT
public:
    explicit TopicsPanel(QWidget *parent = nullptr);
    ~TopicsPanel() override;

    void setSession(Session *session);
    QStringList topics() const;
    void selectTopic(const QString &topic);
    static bool isSystemTopic(const QString &topic);
    static QString describePermission(int perm);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void topicsLoaded(const QStringList &topics); // user topics only
    void routeShown(const QString &topic);

protected:
    void changeEvent(QEvent *event) override;

private:
    QCoro::Task<> loadTopics();
    QCoro::Task<> loadRoute(QString topic);
    void applyFilter();
    void showRoute(const QString &topic, const TopicRoute &route);
    void showMessage(const QString &text, bool error);
    QString idleMessage() const;

    std::unique_ptr<Ui::TopicsPanel> ui;
    QStringListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStringList m_all;
    QSet<QString> m_system;
    QPointer<Session> m_session;
    QString m_currentTopic;
    QString m_status;
    bool m_statusIsError = false;
};

} // namespace mq::gui
