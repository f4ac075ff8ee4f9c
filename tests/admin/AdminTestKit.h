#pragma once

// A sandbox cluster with a client, a producer and an Admin on it, plus the few raw requests the
// admin tests need to set the scene (create a topic on one broker, commit a group's offset,
// stand in for an online consumer).

#include "Admin.h"
#include "ClientInstance.h"
#include "ConsumerData.h"
#include "Producer.h"
#include "RemotingConnection.h"
#include "Sandbox.h"

#include <QHostAddress>

#include <memory>
#include <optional>

namespace testkit {

struct ClusterOptions {
    int brokers = 1;
    QHostAddress listen = QHostAddress(QHostAddress::LocalHost);
    bool resetOffsetWhenOffline = true;
};

class Cluster {
public:
    // Starts the sandbox, the client and the producer; an empty error means ready.
    QString start(const ClusterOptions &options = {});
    ~Cluster();

    mq::sandbox::Sandbox &sandbox() { return *m_sandbox; }
    mq::ClientInstance &client() { return *m_client; }
    mq::Producer &producer() { return *m_producer; }
    mq::Admin &admin() { return *m_admin; }
    QString brokerName(int index) const;
    QString brokerAddress(int index) const;

    // UPDATE_AND_CREATE_TOPIC on every broker (or one).
    QString createTopic(const QString &topic, int queues = 4, int perm = 6, int onlyBroker = -1);
    // One message to an exact queue; std::nullopt (and a QTest failure message in *why) on failure.
    std::optional<mq::SendResult> send(const QString &topic, int broker, int queueId, const QStringList &keys,
                                       const QString &tag = QStringLiteral("TagA"), const QByteArray &body = "body",
                                       QString *why = nullptr);
    // UPDATE_CONSUMER_OFFSET, answered by the broker.
    bool commitOffset(int broker, const QString &group, const QString &topic, int queueId, qint64 offset);
    qint64 brokerOffset(int broker, const QString &group, const QString &topic, int queueId);

private:
    std::unique_ptr<mq::sandbox::Sandbox> m_sandbox;
    std::unique_ptr<mq::ClientInstance> m_client;
    std::unique_ptr<mq::Producer> m_producer;
    std::unique_ptr<mq::Admin> m_admin;
};

// A consumer as the brokers see it: heartbeats to every broker from its own connections and
// answers what the broker forwards to it (running info 307, reset 220).
class FakeConsumer : public QObject {
    Q_OBJECT
public:
    FakeConsumer(Cluster &cluster, QString group, QString topic, QString tagExpression = QStringLiteral("*"));
    ~FakeConsumer() override;

    QString clientId() const { return m_clientId; }
    bool heartbeat(); // to every broker; false when one refused
    void holdQueues(QList<mq::MessageQueue> queues) { m_held = std::move(queues); }
    const QList<mq::RemotingCommand> &resets() const { return m_resets; }

Q_SIGNALS:
    void resetReceived();

private:
    QCoro::Task<mq::RemotingCommand> answer(mq::RemotingCommand request);

    Cluster &m_cluster;
    QString m_group;
    QString m_topic;
    QString m_tags;
    QString m_clientId;
    QList<mq::RemotingConnection *> m_connections;
    QList<mq::MessageQueue> m_held;
    QList<mq::RemotingCommand> m_resets;
};

// A port nothing listens on.
quint16 closedPort();
bool canListenOnIpv6Loopback();

} // namespace testkit
