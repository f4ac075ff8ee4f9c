#pragma once

#include "Backends.h"

#include <QCoro/QCoroTask>
#include <QPointer>
#include <QWidget>

#include <memory>

class QSortFilterProxyModel;
class QStringListModel;

namespace Ui {
class ConsumersPanel;
}

namespace mq::gui {

class ConsumerProgressModel;
class Session;

// Consumer groups, their per-queue progress and lag, and resetting offsets by time (after a
// confirmation that lists every queue's move).
class ConsumersPanel : public QWidget {
    Q_OBJECT
public:
    explicit ConsumersPanel(QWidget *parent = nullptr);
    ~ConsumersPanel() override;

    void setSession(Session *session);
    void setTopics(const QStringList &topics);
    void selectGroup(const QString &group);
    QString currentGroup() const { return m_group; }
    ConsumerProgressModel *progressModel() const { return m_progress; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void progressShown(const QString &group);
    void resetFinished(const QString &group, const QString &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    QCoro::Task<> loadGroups();
    QCoro::Task<> loadProgress(QString group);
    QCoro::Task<> resetOffsets();
    void showSummary(const QString &text, bool error);
    QString idleMessage() const;
    void updateActions();

    std::unique_ptr<Ui::ConsumersPanel> ui;
    QStringListModel *m_groups;
    QSortFilterProxyModel *m_groupsProxy;
    ConsumerProgressModel *m_progress;
    QSortFilterProxyModel *m_progressProxy;
    QPointer<Session> m_session;
    QString m_group;
};

} // namespace mq::gui
