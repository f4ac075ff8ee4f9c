#pragma once

#include "BrokerOptions.h"
#include "ClientRegistry.h"
#include "ConsumerOffsets.h"
#include "MessageStore.h"
#include "RebalanceLocks.h"
#include "RemotingCommand.h"
#include "TopicConfigs.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

class QTimer;

namespace mq {
struct SendMessageRequestHeader;
}

namespace mq::sandbox {

class DelayService;
class NameServer;
class RemotingServer;
class ServerConnection;

// A RocketMQ 4.9.8 broker in miniature: the requests a client or console sends a broker,
// answered the way the recorded broker answers them (see ../shared/fixtures).
class Broker : public QObject {
    Q_OBJECT

public:
    explicit Broker(BrokerOptions options, QObject *parent = nullptr);
    ~Broker() override;

    // Opens the store (recovering DIR) and starts listening.
    Status start();
    // Stops listening, answers no more, flushes the commit log, offsets and delay progress.
    void stop();
    QString address() const; // "127.0.0.1:10911", also the store host inside offsetMsgIds
    const BrokerOptions &options() const { return m_options; }

    // Registers this broker's topics with `nameServer` now and after every topic change.
    void attachNameServer(NameServer *nameServer);

    MessageStore &store() { return *m_store; }
    TopicConfigs &topics() { return m_topics; }
    ConsumerOffsets &consumerOffsets() { return m_offsets; }
    const ClientRegistry &clients() const { return m_clients; }
    int heldPullCount() const;

Q_SIGNALS:
    void messageStored(const QString &topic, int queueId, qint64 queueOffset);

private:
    friend class DelayService;

    void handle(ServerConnection *connection, const RemotingCommand &request);
    void reply(ServerConnection *connection, const RemotingCommand &request, const RemotingCommand &response);
    void onConnectionClosed(ServerConnection *connection);
    void registerWithNameServers();
    void registerTopic(const TopicConfig &config);

    // send (BrokerSend.cpp)
    RemotingCommand sendMessage(ServerConnection *connection, const RemotingCommand &request);
    RemotingCommand sendBatch(ServerConnection *connection, const RemotingCommand &request);
    RemotingCommand consumerSendMsgBack(const RemotingCommand &request);
    // SendMessageProcessor.msgCheck: the refusal, or the topic's config (created when allowed)
    // and the queue the send goes to (a random writable one when the header asks for none).
    std::optional<RemotingCommand> checkSendTopic(ServerConnection *connection, const RemotingCommand &request,
                                                  const SendMessageRequestHeader &header, TopicConfig &config,
                                                  int &queueId);
    // CommitLog.putMessage: a delayLevel > 0 parks the message in SCHEDULE_TOPIC_XXXX.
    // storeTimestamp 0 means now; a batch passes one time for all its messages, as putMessages does.
    Result<AppendResult> putMessage(MessageExt msg, int delayLevel, qint64 storeTimestamp = 0);
    int randomQueue(int queueNums) const;

    // pull (BrokerPull.cpp)
    std::optional<RemotingCommand> pullMessage(ServerConnection *connection, const RemotingCommand &request,
                                               bool allowSuspend);
    void onMessageArrived(const QString &topic, int queueId, qint64 maxOffset, qint64 tagsCode);
    void checkHeldPulls();
    void wakeHeldPull(qint64 id);

    // offsets and lookups (BrokerQuery.cpp)
    RemotingCommand queryMessage(const RemotingCommand &request);
    RemotingCommand viewMessageById(const RemotingCommand &request);
    RemotingCommand queueOffset(const RemotingCommand &request);
    RemotingCommand queryConsumerOffset(const RemotingCommand &request);
    RemotingCommand updateConsumerOffset(const RemotingCommand &request);

    // clients and admin (BrokerAdmin.cpp)
    RemotingCommand heartbeat(ServerConnection *connection, const RemotingCommand &request);
    RemotingCommand unregisterClient(ServerConnection *connection, const RemotingCommand &request);
    RemotingCommand consumerList(const RemotingCommand &request);
    RemotingCommand createTopic(const RemotingCommand &request);
    RemotingCommand consumeStats(const RemotingCommand &request);
    RemotingCommand consumerConnections(const RemotingCommand &request);
    RemotingCommand resetOffset(const RemotingCommand &request);
    void forwardToConsumer(ServerConnection *connection, const RemotingCommand &request); // 307 / 309

    // broker-wide views for consoles (BrokerInfo.cpp)
    RemotingCommand runtimeInfo(const RemotingCommand &request);
    RemotingCommand subscriptionGroups(const RemotingCommand &request);
    RemotingCommand topicConsumers(const RemotingCommand &request);
    RemotingCommand topicStats(const RemotingCommand &request);
    RemotingCommand lockQueues(const RemotingCommand &request, bool lock);
    // SubscriptionGroupManager.findSubscriptionGroupConfig: groups come into being when used.
    void touchGroup(const QString &group);
    void loadGroups();
    void saveGroups() const;
    void notifyConsumerIdsChanged(const QStringList &groups);
    void recordPulled(const QString &group, const QString &topic, int count);
    double consumeTps(const QString &group, const QString &topic) const;

    BrokerOptions m_options;
    RemotingServer *m_server;
    MessageStore *m_store;
    DelayService *m_delay;
    TopicConfigs m_topics;
    ConsumerOffsets m_offsets;
    ClientRegistry m_clients;
    QList<QPointer<NameServer>> m_nameServers;
    QTimer *m_persistTimer;
    QTimer *m_holdTimer;
    bool m_running = false;

    struct HeldPull {
        QPointer<ServerConnection> connection;
        RemotingCommand request;
        QString topic;
        int queueId = 0;
        qint64 offset = 0;
        SubscriptionData subscription;
        QTimer *timeout = nullptr;
    };
    QHash<qint64, HeldPull> m_held;
    qint64 m_nextHeldId = 1;

    struct PullSample {
        qint64 at;
        int count;
    };
    QHash<QString, QList<PullSample>> m_pullStats; // "topic@group"
    RebalanceLocks m_locks;
    QStringList m_groups; // subscription groups, in creation order
    QString m_groupsPath;
    qint64 m_bootTimestamp = 0;
    qint64 m_putCount = 0;
    qint64 m_getCount = 0;
};

} // namespace mq::sandbox
