#pragma once

// A Session whose backends answer from memory, so panels can be driven without a network.

#include "Session.h"

#include <QCoro/QCoroTask>

#include <functional>

namespace fake {

using namespace mq;
using namespace mq::gui;

class Producer : public ProducerBackend {
public:
    QList<Message> sent;
    // Fails every send with this message while non-empty.
    QString failWith;
    QCoro::Task<Result<SendReceipt>> send(Message message) override
    {
        if (!failWith.isEmpty())
            co_return makeError(Error::Code::Network, failWith);
        sent.append(message);
        SendReceipt r;
        r.status = QStringLiteral("SEND_OK");
        r.msgId = QStringLiteral("7F00000100002A9F0000000000%1").arg(sent.size(), 6, 10, QLatin1Char('0'));
        r.offsetMsgId = QStringLiteral("7F00000100002A9F00000000000%1").arg(sent.size() * 100, 5, 10, QLatin1Char('0'));
        r.queue = MessageQueue{message.topic, QStringLiteral("broker-a"), 1};
        r.queueOffset = sent.size() - 1;
        r.brokerAddress = QStringLiteral("127.0.0.1:10911");
        co_return r;
    }
};

class Consumer : public ConsumerBackend {
public:
    QList<Subscription> active;
    QCoro::Task<Status> subscribe(Subscription s) override
    {
        active.append(s);
        co_return Ok{};
    }
    void unsubscribe(int id) override
    {
        active.removeIf([id](const Subscription &s) { return s.id == id; });
    }
    void deliver(int id, const QList<MessageExt> &messages) { Q_EMIT received(id, messages); }
};

class Admin : public AdminBackend {
public:
    QStringList topicList{QStringLiteral("order-events"), QStringLiteral("%RETRY%g1"), QStringLiteral("TBW102")};
    QStringList systemTopics{QStringLiteral("%RETRY%g1"), QStringLiteral("TBW102")};
    QList<MessageExt> stored;
    ConsumerProgress progress;
    QList<std::tuple<QString, QString, QDateTime>> resets;

    QCoro::Task<Result<TopicNames>> topics() override
    {
        TopicNames names;
        for (const QString &t : std::as_const(topicList))
            (systemTopics.contains(t) ? names.system : names.user) << t;
        co_return names;
    }
    QCoro::Task<Result<TopicRoute>> topicRoute(QString topic) override
    {
        if (!topicList.contains(topic))
            co_return makeError(Error::Code::NotFound, QStringLiteral("No route for topic %1").arg(topic));
        TopicRoute r;
        r.brokers.append(BrokerRoute{
            QStringLiteral("DefaultCluster"), QStringLiteral("broker-a"), {{0, QStringLiteral("127.0.0.1:10911")}}});
        r.queues.append(QueueRoute{QStringLiteral("broker-a"), 4, 4, 6});
        co_return r;
    }
    QCoro::Task<Result<QList<MessageExt>>> queryByKey(QString topic, QString key, QDateTime, QDateTime, int) override
    {
        QList<MessageExt> out;
        for (const MessageExt &m : std::as_const(stored))
            if (m.topic == topic && m.keys().contains(key))
                out.append(m);
        co_return out;
    }
    QCoro::Task<Result<IdLookup>> queryById(QString topic, QString id) override
    {
        IdLookup r;
        for (const MessageExt &m : std::as_const(stored)) {
            if (m.uniqueKey() == id)
                r.kind = IdKind::UniqueKey;
            else if (m.offsetMsgId == id)
                r.kind = IdKind::OffsetMsgId;
            else
                continue;
            r.messages.append(m);
        }
        Q_UNUSED(topic);
        co_return r;
    }
    QCoro::Task<Result<QList<MessageExt>>> queryByTime(QString, QDateTime, QDateTime, int) override
    {
        co_return stored;
    }
    QCoro::Task<Result<QStringList>> consumerGroups() override { co_return QStringList{progress.group}; }
    QCoro::Task<Result<ConsumerProgress>> consumerProgress(QString group) override
    {
        if (group != progress.group)
            co_return makeError(Error::Code::NotFound, QStringLiteral("no group %1").arg(group));
        co_return progress;
    }
    QCoro::Task<Result<QList<OffsetMove>>> planReset(QString group, QString topic, QDateTime) override
    {
        QList<OffsetMove> moves;
        for (const QueueProgress &q : std::as_const(progress.queues))
            if (q.queue.topic == topic && group == progress.group)
                moves.append(OffsetMove{q.queue, q.consumerOffset, q.consumerOffset / 2});
        co_return moves;
    }
    QCoro::Task<Status> resetOffset(QString group, QString topic, QDateTime to) override
    {
        resets.append({group, topic, to});
        co_return Ok{};
    }
    QCoro::Task<Result<QList<ConsumedBy>>> consumedBy(MessageExt message) override
    {
        QList<ConsumedBy> out;
        for (const QueueProgress &q : std::as_const(progress.queues))
            if (q.queue.topic == message.topic && q.queue.queueId == message.queueId)
                out.append(ConsumedBy{progress.group, q.consumerOffset > message.queueOffset,
                                      q.consumerOffset > message.queueOffset ? QStringLiteral("consumed")
                                                                             : QStringLiteral("not consumed yet")});
        co_return out;
    }
};

class Session : public mq::gui::Session {
public:
    explicit Session(ConnectionProfile profile = ConnectionProfile::sandbox())
        : mq::gui::Session(std::move(profile))
    {}
    Producer producerImpl;
    Consumer consumerImpl;
    Admin adminImpl;
    void start() override
    {
        ConnectionState s;
        s.phase = ConnectionState::Phase::Connected;
        s.nameServers = {QStringLiteral("127.0.0.1:9876")};
        s.brokers = {QStringLiteral("broker-a 127.0.0.1:10911")};
        setState(s);
    }
    ProducerBackend *producer() override { return &producerImpl; }
    ConsumerBackend *consumer() override { return &consumerImpl; }
    AdminBackend *admin() override { return &adminImpl; }
};

inline MessageExt message(int i, const QString &topic = QStringLiteral("order-events"))
{
    MessageExt m;
    m.topic = topic;
    m.setKeys({QStringLiteral("order-%1").arg(i), QStringLiteral("customer-%1").arg(i % 7)});
    m.setTags(i % 2 ? QStringLiteral("TagA") : QStringLiteral("TagB"));
    m.properties.insert(prop::UniqueClientMessageId,
                        QStringLiteral("AC11000100002A9F00000000%1").arg(i, 8, 16, QLatin1Char('0')).toUpper());
    m.offsetMsgId = QStringLiteral("7F00000100002A9F%1").arg(qint64(i) * 256, 16, 16, QLatin1Char('0')).toUpper();
    m.body = QStringLiteral("{\"orderId\":%1}").arg(i).toUtf8();
    m.queueId = i % 4;
    m.queueOffset = i;
    m.storeTimestamp = 1700000000000 + i;
    m.bornTimestamp = 1700000000000 + i - 1;
    m.bornHost = HostAndPort{QHostAddress(QStringLiteral("10.0.0.5")), 52000};
    m.storeHost = HostAndPort{QHostAddress(QStringLiteral("127.0.0.1")), 10911};
    return m;
}

} // namespace fake
