#pragma once

#include "Backends.h"

#include <QCoro/QCoroTask>
#include <QDialog>
#include <QPointer>

#include <memory>

namespace Ui {
class ResetOffsetDialog;
}

namespace mq::gui {

class Session;

// Shows, queue by queue, where a reset would move the group's offsets and how many messages
// that re-delivers or skips. Nothing moves until the user confirms.
class ResetOffsetDialog : public QDialog {
    Q_OBJECT
public:
    ResetOffsetDialog(Session *session, QString group, QString topic, QDateTime to, QWidget *parent = nullptr);
    ~ResetOffsetDialog() override;

    const QList<OffsetMove> &plan() const { return m_plan; }
    bool planLoaded() const { return m_loaded; }
    QString summary() const;
    static QString describeMove(const OffsetMove &move);

Q_SIGNALS:
    void planReady();

private:
    QCoro::Task<> loadPlan();
    void showPlan();

    std::unique_ptr<Ui::ResetOffsetDialog> ui;
    QPointer<Session> m_session;
    QString m_group;
    QString m_topic;
    QDateTime m_to;
    QList<OffsetMove> m_plan;
    bool m_loaded = false;
};

} // namespace mq::gui
