#pragma once

#include "Backends.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SubscribeDialog;
}

namespace mq::gui {

// Topic, tag expression, group, clustering/broadcasting and where to start.
class SubscribeDialog : public QDialog {
    Q_OBJECT
public:
    SubscribeDialog(const QStringList &topics, const QString &defaultGroup, QWidget *parent = nullptr);
    ~SubscribeDialog() override;

    Subscription subscription() const;
    void setSubscription(const Subscription &s);
    // Why the entered subscription cannot be used, or an empty string.
    QString problem() const;
    void accept() override;

private:
    std::unique_ptr<Ui::SubscribeDialog> ui;
};

} // namespace mq::gui
