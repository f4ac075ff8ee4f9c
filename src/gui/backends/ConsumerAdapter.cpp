#include "ConsumerAdapter.h"

#include "ClientInstance.h"
#include "Log.h"
#include "PushConsumer.h"

namespace mq::gui {

ConsumerAdapter::ConsumerAdapter(ClientInstance *client, QObject *parent)
    : ConsumerBackend(parent)
    , m_client(client)
{}

ConsumerAdapter::~ConsumerAdapter() = default;

QCoro::Task<Status> ConsumerAdapter::subscribe(Subscription s)
{
    QPointer<ConsumerAdapter> self(this);
    if (!m_client)
        co_return makeError(Error::Code::Cancelled, tr("The connection was closed."));
    auto it = m_groups.find(s.group);
    if (it != m_groups.end()) {
        if (it->model != s.model)
            co_return makeError(Error::Code::InvalidArgument,
                                tr("Group %1 is already subscribed here in %2 mode; use another group for %3 mode.")
                                    .arg(s.group,
                                         it->model == MessageModel::Clustering ? tr("clustering") : tr("broadcasting"),
                                         s.model == MessageModel::Clustering ? tr("clustering") : tr("broadcasting")));
        if (it->subscriptionByTopic.contains(s.topic))
            co_return makeError(Error::Code::InvalidArgument,
                                tr("Group %1 already subscribes to %2 here; a group has one tag expression per topic. "
                                   "Use another group to watch it a second time.")
                                    .arg(s.group, s.topic));
        if (!it->consumer)
            co_return makeError(Error::Code::Cancelled, tr("The consumer of group %1 has stopped.").arg(s.group));
        if (const Status ok = it->consumer->subscribe(s.topic, s.tagExpression); !ok)
            co_return ok;
        it->subscriptionByTopic.insert(s.topic, s.id);
        m_subscriptions.insert(s.id, {s.group, s.topic});
        it->consumer->rebalanceSoon();
        co_return Ok{};
    }

    PushConsumerOptions options;
    options.mode = s.model == MessageModel::Clustering ? ConsumeMode::Clustering : ConsumeMode::Broadcasting;
    options.consumeFrom = s.from == ConsumeFrom::FirstOffset ? ConsumeStart::FirstOffset
                          : s.from == ConsumeFrom::Timestamp ? ConsumeStart::Timestamp
                                                             : ConsumeStart::LastOffset;
    options.consumeTimestamp = s.timestamp;
    auto *consumer = new PushConsumer(s.group, m_client, options, this);
    if (const Status ok = consumer->subscribe(s.topic, s.tagExpression); !ok) {
        delete consumer;
        co_return ok;
    }
    const QString group = s.group;
    connect(consumer, &PushConsumer::messagesReceived, this,
            [this, group](const QList<mq::MessageExt> &messages) { onMessages(group, messages); });
    connect(consumer, &PushConsumer::consumerEvent, this,
            [this, group](const mq::ConsumerEvent &event) { onEvent(group, event); });
    Group g;
    g.consumer = consumer;
    g.model = s.model;
    g.subscriptionByTopic.insert(s.topic, s.id);
    m_groups.insert(group, g);
    m_subscriptions.insert(s.id, {group, s.topic});

    const Status started = co_await consumer->start();
    if (!self)
        co_return started;
    if (!started) {
        m_groups.remove(group);
        m_subscriptions.remove(s.id);
        consumer->deleteLater();
    }
    co_return started;
}

void ConsumerAdapter::unsubscribe(int subscriptionId)
{
    const auto sub = m_subscriptions.take(subscriptionId);
    auto it = m_groups.find(sub.first);
    if (it == m_groups.end())
        return;
    it->subscriptionByTopic.remove(sub.second);
    if (!it->consumer)
        return;
    if (!it->subscriptionByTopic.isEmpty()) {
        it->consumer->unsubscribe(sub.second);
        it->consumer->rebalanceSoon();
        return;
    }
    // The group's last subscription: commit and leave the group, then go.
    QPointer<PushConsumer> consumer = it->consumer;
    m_groups.erase(it);
    QCoro::connect(consumer->shutdown(), consumer.data(), [consumer] {
        if (consumer)
            consumer->deleteLater();
    });
}

QCoro::Task<> ConsumerAdapter::shutdown()
{
    QList<QPointer<PushConsumer>> consumers;
    for (const Group &g : std::as_const(m_groups))
        consumers << g.consumer;
    m_groups.clear();
    m_subscriptions.clear();
    for (const QPointer<PushConsumer> &c : consumers) {
        if (c)
            co_await c->shutdown();
    }
}

void ConsumerAdapter::onMessages(const QString &group, const QList<mq::MessageExt> &messages)
{
    const auto it = m_groups.constFind(group);
    qCDebug(lcFeed) << group << "pulled" << messages.size() << "message(s) of"
                    << (messages.isEmpty() ? QString() : messages.first().topic);
    if (it == m_groups.constEnd() || messages.isEmpty())
        return;
    // One pull is one queue, so one topic; split anyway in case a batch mixes retried messages.
    if (std::all_of(messages.begin(), messages.end(),
                    [&](const MessageExt &m) { return m.topic == messages.first().topic; })) {
        if (const int id = it->subscriptionByTopic.value(messages.first().topic))
            Q_EMIT received(id, messages);
        return;
    }
    QMap<int, QList<MessageExt>> byId;
    for (const MessageExt &m : messages) {
        if (const int id = it->subscriptionByTopic.value(m.topic))
            byId[id].append(m);
    }
    for (auto b = byId.begin(); b != byId.end(); ++b)
        Q_EMIT received(b.key(), b.value());
}

void ConsumerAdapter::onEvent(const QString &group, const mq::ConsumerEvent &event)
{
    const auto it = m_groups.constFind(group);
    if (it == m_groups.constEnd())
        return;
    using Kind = ConsumerEvent::Kind;
    QString problem;
    switch (event.kind) {
    case Kind::Warning:
    case Kind::ConnectionLost:
    case Kind::SendBackFailed: problem = event.message; break;
    case Kind::ConnectionRestored:
    case Kind::Started:
    case Kind::Rebalanced: break; // healthy again
    default: return;
    }
    qCDebug(lcFeed) << group << event.message;
    // A queue's event concerns its topic; a group-wide one every subscription of the group.
    for (auto s = it->subscriptionByTopic.begin(); s != it->subscriptionByTopic.end(); ++s) {
        if (!event.queue || event.queue->topic == s.key())
            Q_EMIT subscriptionFailed(s.value(), problem);
    }
}

} // namespace mq::gui
