#pragma once

#include "Backends.h"
#include "ClientInstance.h"
#include "PushConsumer.h"

#include <QCoreApplication>
#include <QMap>
#include <QPointer>

namespace mq::gui {

// ConsumerBackend over mq::PushConsumer: one consumer per group (a client may register a group
// once), each subscription a topic + tag expression of its group's consumer. The feed gets
// each pull's messages as one batch, tagged with the subscription they belong to.
class ConsumerAdapter : public ConsumerBackend {
    Q_OBJECT
public:
    explicit ConsumerAdapter(ClientInstance *client, QObject *parent = nullptr);
    ~ConsumerAdapter() override;

    QCoro::Task<Status> subscribe(Subscription subscription) override;
    void unsubscribe(int subscriptionId) override;
    // Commits offsets and unregisters every group.
    QCoro::Task<> shutdown();

private:
    struct Group {
        QPointer<PushConsumer> consumer;
        MessageModel model = MessageModel::Clustering;
        QMap<QString, int> subscriptionByTopic;
    };
    void onMessages(const QString &group, const QList<mq::MessageExt> &messages);
    void onEvent(const QString &group, const mq::ConsumerEvent &event);

    QPointer<ClientInstance> m_client;
    QMap<QString, Group> m_groups;
    QMap<int, QPair<QString, QString>> m_subscriptions; // id -> (group, topic)
};

} // namespace mq::gui
