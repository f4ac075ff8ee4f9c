#pragma once

#include "Backends.h"

#include <QCoro/QCoroTask>
#include <QMap>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class FeedPanel;
}

namespace mq::gui {

class FeedFilterProxy;
class FeedModel;
class Session;
class ThroughputChart;

// Live consumer feed: several subscriptions at once into one batched, bounded table, with a
// filter, pause, auto-scroll, a throughput chart and export.
class FeedPanel : public QWidget {
    Q_OBJECT
public:
    explicit FeedPanel(QWidget *parent = nullptr);
    ~FeedPanel() override;

    void setSession(Session *session);
    void setTopics(const QStringList &topics);
    void setCapacity(int capacity);
    void setBatchInterval(int milliseconds);

    // Starts a subscription without the dialog (tests, command line); the result arrives
    // through subscriptionsChanged / the subscriptions list.
    void subscribe(Subscription subscription);
    void unsubscribe(int subscriptionId);
    QList<Subscription> subscriptions() const { return m_subscriptions.values(); }

    FeedModel *model() const { return m_model; }
    FeedFilterProxy *proxy() const { return m_proxy; }
    ThroughputChart *chart() const { return m_chart; }
    // The filter follows the filter box once typing pauses for this long.
    static constexpr int FilterDelayMs = 150;
    void exportRows(const QString &path, bool selectionOnly);

Q_SIGNALS:
    void messageSelected(const mq::MessageExt &message);
    void subscriptionsChanged();
    void exportFinished(const QString &path, const QString &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    QCoro::Task<> startSubscription(Subscription subscription);
    void attachConsumer();
    void openSubscribeDialog();
    void unsubscribeSelected();
    void onReceived(int subscriptionId, const QList<mq::MessageExt> &messages);
    void onSubscriptionFailed(int subscriptionId, const QString &error);
    void refreshSubscriptionList();
    void updateStats();
    void updateActions();
    void setupExportMenu();
    void chooseExportFile(bool selectionOnly);
    static QString describe(const Subscription &s);

    std::unique_ptr<Ui::FeedPanel> ui;
    FeedModel *m_model;
    FeedFilterProxy *m_proxy;
    ThroughputChart *m_chart;
    QTimer m_filterDelay; // one filter pass per pause in typing, not per keystroke
    QPointer<Session> m_session;
    QPointer<ConsumerBackend> m_consumer; // connected to our slots
    QStringList m_topics;
    QMap<int, Subscription> m_subscriptions;
    QMap<int, QString> m_subscriptionErrors;
    int m_nextId = 1;
};

} // namespace mq::gui
