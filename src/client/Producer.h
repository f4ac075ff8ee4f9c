#pragma once

#include "ClientInstance.h"
#include "SendResult.h"

#include <QCoro/QCoroTask>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace mq {

// Where a topic's messages can go: its writable queues and each broker's master address.
struct TopicPublishInfo {
    QString topic;
    QList<MessageQueue> queues;
    QHash<QString, QString> masterAddresses; // broker name -> address
    bool viaDefaultTopic = false;            // the topic is unknown; the broker will create it from the template
};

// A producer group on a ClientInstance (DefaultMQProducer): validates, stamps UNIQ_KEY,
// compresses large bodies, picks queues round-robin and retries on another broker when one
// refuses (retryable codes) or cannot be reached, like the Java client.
class Producer : public QObject {
    Q_OBJECT
public:
    Producer(ClientInstance *client, QString group, ProducerOptions options = {}, QObject *parent = nullptr);
    ~Producer() override;

    const QString &group() const { return m_group; }
    ClientInstance *client() const { return m_client; }
    const ProducerOptions &options() const { return m_options; }
    bool isRunning() const { return m_running; }

    // Validates the group, starts the client if needed and registers the group for heartbeats.
    QCoro::Task<Status> start();
    // Unregisters the group from the brokers (UNREGISTER_CLIENT).
    QCoro::Task<> shutdown();

    // Errors: InvalidArgument (validation, nothing sent), NotFound (no route for the topic),
    // Broker (refused, brokerCode set), Network / Timeout (no broker took it). After retries
    // the code is the last attempt's and the message names each broker tried and its cause.
    QCoro::Task<Result<SendResult>> send(Message message, SendOptions options = {});
    // SEND_BATCH_MESSAGE: one topic, no delay level; ids are comma-joined in the result.
    QCoro::Task<Result<SendResult>> sendBatch(QList<Message> messages, SendOptions options = {});
    // Done when the frame is handed to the socket; the broker does not answer.
    QCoro::Task<Status> sendOneway(Message message, SendOptions options = {});

    // The queues and brokers a send to `topic` would use (routes from the name server).
    QCoro::Task<Result<TopicPublishInfo>> publishInfo(QString topic, bool refresh = false);

private:
    struct Outgoing {
        Message message; // properties in wire order; body possibly compressed
        int sysFlag = 0;
        bool batch = false;
        QString uniqueIds;
    };
    Status checkRunning() const;
    Result<Outgoing> prepare(Message message) const;
    Result<Outgoing> prepareBatch(QList<Message> messages) const;
    MessageQueue selectQueue(const TopicPublishInfo &info, const QSet<QString> &avoid);
    RemotingCommand buildRequest(const Outgoing &out, const MessageQueue &queue) const;
    QCoro::Task<Result<SendResult>> deliver(Outgoing out, SendOptions options);

    QPointer<ClientInstance> m_client;
    QString m_group;
    ProducerOptions m_options;
    bool m_running = false;
    QHash<QString, quint32> m_nextQueue; // per topic, starts at random like Java's ThreadLocalIndex
};

} // namespace mq
