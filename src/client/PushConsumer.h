#pragma once

#include "AdminData.h"
#include "ClientInstance.h"
#include "ConsumerStats.h"
#include "ConsumerTypes.h"
#include "OffsetStore.h"
#include "ProcessQueue.h"

#include <QCoro/QCoroTask>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

namespace mq {

// A push consumer group member on a ClientInstance (DefaultMQPushConsumer, concurrent mode).
//
// Subscriptions are topic + tag expression. In CLUSTERING mode the group's instances split the
// queues (AllocateMessageQueueAveragely, rebalanced on start, every 20 s and when the broker
// says the group changed), offsets live on the brokers, and a message the handler answers
// RetryLater goes back to the broker (CONSUMER_SEND_MSG_BACK) to return later through
// %RETRY%<group>, which is subscribed automatically. In BROADCASTING mode every instance pulls
// every queue and keeps its offsets in a local file.
//
// Each queue is long-polled on its own (the broker holds a pull up to 15 s until messages
// come); a queue whose cache is full (1000 messages / 100 MiB) is not pulled until handlers
// catch up. Offsets are committed every 5 s and on shutdown, and never past a message still
// being handled. Everything runs on the event loop: handlers are called there (a coroutine
// handler may co_await), and nothing blocks.
class PushConsumer : public QObject, public ConsumerEndpoint {
    Q_OBJECT
public:
    using Handler = std::function<ConsumeResult(const MessageExt &)>;
    using AsyncHandler = std::function<QCoro::Task<ConsumeResult>(MessageExt)>;

    PushConsumer(QString group, ClientInstance *client, PushConsumerOptions options = {}, QObject *parent = nullptr);
    ~PushConsumer() override;

    const QString &group() const { return m_group; }
    ClientInstance *client() const { return m_client; }
    const PushConsumerOptions &options() const { return m_options; }
    bool isRunning() const { return m_running; }

    // Before or after start(). Expression "*" (or empty) takes every tag, "TagA || TagB" those
    // tags. Subscribing a topic again replaces its expression.
    Status subscribe(const QString &topic, const QString &tagExpression = SubscriptionData::kSubAll);
    void unsubscribe(const QString &topic);
    // User subscriptions and, in clustering mode, %RETRY%<group>.
    QList<SubscriptionData> subscriptions() const { return m_subscriptions.values(); }

    // The handler decides each message's fate; without one every message counts as consumed
    // (the signals still report them). Set before start().
    void setHandler(Handler handler);
    void setAsyncHandler(AsyncHandler handler);

    // Validates, starts the client if needed, registers the group, heartbeats, rebalances and
    // starts pulling. Fails when the group is invalid or already registered on this client,
    // there is no subscription, or the client cannot start.
    QCoro::Task<Status> start();
    // Stops pulling, commits offsets, unregisters the group (UNREGISTER_CLIENT). Handlers still
    // running finish, but what they finish is not committed (it comes again: at-least-once).
    QCoro::Task<> shutdown();

    // Stops handing messages to the handler and pulling (DefaultMQPushConsumer.suspend), e.g.
    // to pause a live view or to stop after N messages; resume() picks up where it stopped.
    void suspend();
    void resume();
    bool isSuspended() const { return m_suspended; }

    // The queues this instance pulls now.
    QList<MessageQueue> assignedQueues() const { return m_queues.keys(); }
    // The offset that would be committed for the queue (memory, not the store).
    std::optional<qint64> committedOffset(const MessageQueue &queue) const;
    // Commits the offsets of every assigned queue now.
    QCoro::Task<Status> persistOffsets();
    // Rebalances now (also done every rebalanceInterval and on NOTIFY_CONSUMER_IDS_CHANGED).
    void rebalanceSoon();
    // What GET_CONSUMER_RUNNING_INFO answers: properties, subscriptions, per-queue offsets, rates.
    ConsumerRunningInfo runningInfo() const;
    double consumeTps() const;
    int cachedMessageCount() const;

    // ConsumerEndpoint (called by the ClientInstance)
    QString consumerGroup() const override { return m_group; }
    ConsumerData heartbeatData() const override;
    QCoro::Task<RemotingCommand> handleBrokerRequest(RemotingCommand request, QString brokerAddress) override;

Q_SIGNALS:
    // One pull's worth of messages (after the client-side tag check), before the handler sees
    // them: the live feed. Retried messages carry their original topic again.
    void messagesReceived(const QList<mq::MessageExt> &messages);
    // The handler's verdict on one message (also for CONSUME_MESSAGE_DIRECTLY).
    void messageConsumed(const mq::MessageExt &message, mq::ConsumeResult result);
    // The queues this instance pulls changed (rebalance, subscribe, unsubscribe).
    void queuesChanged(const QList<mq::MessageQueue> &queues);
    // A queue's offset was outside [min, max] of the queue and was moved into range.
    void offsetCorrected(const mq::MessageQueue &queue, qint64 from, qint64 to, const QString &message);
    // An admin reset (RESET_CONSUMER_CLIENT_OFFSET) moved the live consumer.
    void offsetReset(const mq::MessageQueue &queue, qint64 from, qint64 to);
    // A broker connection this consumer uses dropped (connected == false) or came back.
    void connectionChanged(const QString &brokerAddress, bool connected, const QString &message);
    // Everything above and the rest (warnings, send-back failures), in words.
    void consumerEvent(const mq::ConsumerEvent &event);

private:
    struct Delivery {
        std::shared_ptr<ProcessQueue> queue;
        MessageExt message;
    };

    // lifecycle and rebalance (PushConsumer.cpp)
    QString retryTopic() const;
    void emitEvent(ConsumerEvent::Kind kind, const QString &message, std::optional<MessageQueue> queue = {});
    void onConnectionStateChanged(const QString &address, RemotingConnection::State state);
    QCoro::Task<> rebalance();
    QCoro::Task<bool> rebalanceTopic(QString topic);
    QCoro::Task<Result<QStringList>> consumerIds(QString topic);
    QCoro::Task<Result<qint64>> computePullFromWhere(MessageQueue queue);
    QCoro::Task<> updateQueues(QString topic, QList<MessageQueue> allocated);
    void dropQueue(const MessageQueue &queue);
    QList<MessageQueue> queuesOf(const QString &topic) const;
    void heartbeatSoon();

    // pull and consume (PushConsumerPull.cpp)
    void schedulePull(const std::shared_ptr<ProcessQueue> &queue, std::chrono::milliseconds delay);
    QCoro::Task<> pull(std::shared_ptr<ProcessQueue> queue);
    void onPullFailed(const std::shared_ptr<ProcessQueue> &queue, const QString &why);
    void onMessagesPulled(const std::shared_ptr<ProcessQueue> &queue, QList<MessageExt> messages, qint64 nextOffset);
    void correctOffset(const std::shared_ptr<ProcessQueue> &queue, qint64 requested, qint64 next, qint64 minOffset,
                       qint64 maxOffset);
    bool isCurrent(const std::shared_ptr<ProcessQueue> &queue) const;
    QList<MessageExt> filterByTags(const MessageQueue &queue, QList<MessageExt> messages) const;
    void prepareForHandler(MessageExt &message) const;
    void scheduleDispatch();
    void dispatch();
    QCoro::Task<> consume(Delivery delivery);
    QCoro::Task<ConsumeResult> callHandler(MessageExt message);
    QCoro::Task<Status> sendBack(MessageExt message, MessageQueue queue);
    void consumed(const Delivery &delivery);

    // calls from the broker (PushConsumerRequests.cpp)
    QCoro::Task<RemotingCommand> resetOffsets(RemotingCommand request);
    RemotingCommand consumerStatus(const RemotingCommand &request) const;
    RemotingCommand runningInfoResponse(const RemotingCommand &request) const;
    QCoro::Task<RemotingCommand> consumeDirectly(RemotingCommand request);

    QString m_group;
    QPointer<ClientInstance> m_client;
    PushConsumerOptions m_options;
    QMap<QString, SubscriptionData> m_subscriptions; // by topic
    std::unique_ptr<OffsetStore> m_offsets;
    QMap<MessageQueue, std::shared_ptr<ProcessQueue>> m_queues;
    QSet<MessageQueue> m_pullFailing; // warned once until a pull succeeds again
    std::deque<Delivery> m_pending;
    int m_inFlight = 0;
    bool m_dispatchScheduled = false;
    Handler m_handler;
    AsyncHandler m_asyncHandler;
    ConsumerStats m_stats;
    QTimer m_rebalanceTimer;
    QTimer m_persistTimer;
    QTimer m_missingRouteTimer;
    QSet<QString> m_lostBrokers;
    qint64 m_startTimestamp = 0;
    bool m_running = false;
    bool m_suspended = false;
    bool m_rebalancing = false;
    bool m_rebalanceAgain = false;
    bool m_heartbeatScheduled = false;
    bool m_registered = false;
};

} // namespace mq
