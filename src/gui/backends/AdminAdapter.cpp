#include "AdminAdapter.h"

#include "ClientInstance.h"
#include "RouteData.h"

#ifdef MQDESK_HAVE_ADMIN
#include "Admin.h"
#include "AdminSupport.h"
#include "TopicBrowser.h"

#include <QCoro/QCoroSignal>
#endif

namespace mq::gui {

namespace {
Error gone()
{
    return makeError(Error::Code::Cancelled, AdminAdapter::tr("The connection was closed."));
}

[[maybe_unused]] Error notInThisBuild(const QString &what)
{
    return makeError(Error::Code::Unsupported,
                     AdminAdapter::tr("%1 is not available in this build of MQCloud Desk yet.").arg(what));
}

TopicRoute toRoute(const TopicRouteData &route)
{
    TopicRoute out;
    for (const BrokerData &b : route.brokerDatas) {
        BrokerRoute br;
        br.cluster = b.cluster;
        br.brokerName = b.brokerName;
        for (const auto &[id, address] : b.brokerAddrs.entries())
            br.addresses.insert(id, address);
        out.brokers.append(br);
    }
    for (const QueueData &q : route.queueDatas)
        out.queues.append(QueueRoute{q.brokerName, q.readQueueNums, q.writeQueueNums, q.perm});
    return out;
}
} // namespace

AdminAdapter::AdminAdapter(ClientInstance *client)
    : m_client(client)
{
#ifdef MQDESK_HAVE_ADMIN
    m_admin = std::make_unique<Admin>(client);
#endif
}

AdminAdapter::~AdminAdapter() = default;

#ifdef MQDESK_HAVE_ADMIN

QCoro::Task<Result<TopicNames>> AdminAdapter::topics()
{
    if (!m_client)
        co_return gone();
    // Admin knows the cluster and broker names, whose topics are system topics too.
    auto all = co_await m_admin->topics(true);
    if (!all)
        co_return all.error();
    auto user = co_await m_admin->topics(false);
    if (!user)
        co_return user.error();
    TopicNames names;
    names.user = user->topics;
    for (const QString &t : all->topics) {
        if (!names.user.contains(t))
            names.system << t;
    }
    co_return names;
}

QCoro::Task<Result<TopicRoute>> AdminAdapter::topicRoute(QString topic)
{
    if (!m_client)
        co_return gone();
    auto route = co_await m_admin->route(topic);
    if (!route)
        co_return route.error();
    co_return toRoute(*route);
}

QCoro::Task<Result<QList<MessageExt>>> AdminAdapter::queryByKey(QString topic, QString key, QDateTime begin,
                                                                QDateTime end, int maxResults)
{
    if (!m_client)
        co_return gone();
    KeyQuery q;
    q.topic = topic;
    q.key = key;
    q.begin = begin.toMSecsSinceEpoch();
    q.end = end.toMSecsSinceEpoch();
    q.maxNum = maxResults;
    auto result = co_await m_admin->queryByKey(q);
    if (!result)
        co_return result.error();
    QList<MessageExt> out;
    for (const FoundMessage &f : result->messages)
        out.append(f.message);
    co_return out;
}

QCoro::Task<Result<IdLookup>> AdminAdapter::queryById(QString topic, QString id)
{
    if (!m_client)
        co_return gone();
    auto result = co_await m_admin->queryById(id, topic);
    if (!result)
        co_return result.error();
    IdLookup out;
    const MessageIdKind kind = result->foundBy != MessageIdKind::Invalid ? result->foundBy : result->detected;
    out.kind = kind == MessageIdKind::OffsetMsgId ? IdKind::OffsetMsgId : IdKind::UniqueKey;
    for (const FoundMessage &f : result->messages)
        out.messages.append(f.message);
    co_return out;
}

QCoro::Task<Result<QList<MessageExt>>> AdminAdapter::queryByTime(QString topic, QDateTime begin, QDateTime end,
                                                                 int maxResults)
{
    if (!m_client)
        co_return gone();
    TopicBrowser *browser = m_admin->createBrowser();
    QList<MessageExt> out;
    QObject::connect(browser, &TopicBrowser::batch, browser, [&out](const QList<mq::FoundMessage> &batch) {
        for (const FoundMessage &f : batch)
            out.append(f.message);
    });
    BrowseRequest request;
    request.topic = topic;
    request.begin = begin.toMSecsSinceEpoch();
    request.end = end.toMSecsSinceEpoch();
    request.maxMessages = maxResults;
    auto summary = co_await browser->browse(request);
    browser->deleteLater();
    if (!summary)
        co_return summary.error();
    std::sort(out.begin(), out.end(),
              [](const MessageExt &a, const MessageExt &b) { return a.storeTimestamp < b.storeTimestamp; });
    co_return out;
}

QCoro::Task<Result<QStringList>> AdminAdapter::consumerGroups()
{
    if (!m_client)
        co_return gone();
    co_return co_await m_admin->consumerGroups();
}

QCoro::Task<Result<ConsumerProgress>> AdminAdapter::consumerProgress(QString group)
{
    if (!m_client)
        co_return gone();
    auto progress = co_await m_admin->progress(group, true);
    if (!progress)
        co_return progress.error();
    ConsumerProgress out;
    out.group = progress->group;
    out.tps = progress->consumeTps;
    for (const mq::QueueProgress &q : progress->queues)
        out.queues.append(gui::QueueProgress{q.queue, q.brokerOffset, q.consumerOffset, q.lastTimestamp, q.clientId});
    co_return out;
}

QCoro::Task<Result<QList<OffsetMove>>> AdminAdapter::planReset(QString group, QString topic, QDateTime to)
{
    if (!m_client)
        co_return gone();
    auto report = co_await m_admin->planReset(group, topic, to.toMSecsSinceEpoch());
    if (!report)
        co_return report.error();
    QList<OffsetMove> out;
    for (const mq::OffsetMove &m : report->moves)
        out.append(gui::OffsetMove{m.queue, m.from, m.to});
    co_return out;
}

QCoro::Task<Status> AdminAdapter::resetOffset(QString group, QString topic, QDateTime to)
{
    if (!m_client)
        co_return gone();
    auto report = co_await m_admin->resetOffset(group, topic, to.toMSecsSinceEpoch());
    if (!report)
        co_return report.error();
    if (!report->failures.isEmpty()) {
        QStringList failed;
        for (const BrokerFailure &f : report->failures)
            failed << QStringLiteral("%1 (%2): %3").arg(f.brokerName, f.address, f.error.message);
        co_return makeError(Error::Code::Broker,
                            tr("Some brokers did not reset: %1").arg(failed.join(QStringLiteral("; "))));
    }
    co_return Ok{};
}

QCoro::Task<Result<QList<ConsumedBy>>> AdminAdapter::consumedBy(MessageExt message)
{
    if (!m_client)
        co_return gone();
    FoundMessage found;
    found.message = message;
    found.brokerAddress = message.storeHost.toString();
    // The feed knows the store host, the tracker wants the broker's name: ask the route.
    auto route = co_await m_client->topicRoute(message.topic);
    if (!m_client)
        co_return gone();
    if (route)
        found.brokerName = admin::brokerNameOf(*route, found.brokerAddress);
    auto result = co_await m_admin->track(found);
    if (!result)
        co_return result.error();
    QList<ConsumedBy> out;
    for (const MessageTrack &t : result->tracks) {
        ConsumedBy c;
        c.group = t.group;
        c.consumed = t.type == TrackType::Consumed;
        switch (t.type) {
        case TrackType::Consumed: c.state = tr("consumed"); break;
        case TrackType::ConsumedButFiltered: c.state = tr("skipped: its subscription does not take this tag"); break;
        case TrackType::NotConsumed: c.state = tr("not consumed yet"); break;
        case TrackType::Unknown: c.state = tr("unknown: %1").arg(t.detail); break;
        }
        if (!t.online)
            c.state += QStringLiteral(" (") + tr("no consumer online") + QLatin1Char(')');
        out.append(c);
    }
    co_return out;
}

#else // without mq::Admin: topics and routes straight from the name servers

QCoro::Task<Result<TopicNames>> AdminAdapter::topics()
{
    QPointer<ClientInstance> client = m_client;
    if (!client)
        co_return gone();
    auto response =
        co_await client->invokeNameServer(RemotingCommand::request(RequestCode::GetAllTopicListFromNameServer));
    if (!response)
        co_return response.error();
    if (response->code != 0)
        co_return makeError(Error::Code::Broker,
                            tr("The name server refused to list topics (code %1): %2")
                                .arg(response->code)
                                .arg(response->remark.value_or(QString())),
                            response->code);
    auto list = TopicList::parse(response->body);
    if (!list)
        co_return list.error();
    TopicNames names;
    for (const QString &t : list->topicList)
        (t.startsWith(QLatin1Char('%')) || t.startsWith(QLatin1String("rmq_sys_")) || t == QLatin1String("TBW102")
             ? names.system
             : names.user)
            << t;
    co_return names;
}

QCoro::Task<Result<TopicRoute>> AdminAdapter::topicRoute(QString topic)
{
    QPointer<ClientInstance> client = m_client;
    if (!client)
        co_return gone();
    auto route = co_await client->topicRoute(topic, true);
    if (!route)
        co_return route.error();
    co_return toRoute(*route);
}

QCoro::Task<Result<QList<MessageExt>>> AdminAdapter::queryByKey(QString, QString, QDateTime, QDateTime, int)
{
    co_return notInThisBuild(tr("Query by key"));
}

QCoro::Task<Result<IdLookup>> AdminAdapter::queryById(QString, QString)
{
    co_return notInThisBuild(tr("Query by message ID"));
}

QCoro::Task<Result<QList<MessageExt>>> AdminAdapter::queryByTime(QString, QDateTime, QDateTime, int)
{
    co_return notInThisBuild(tr("Browsing by time"));
}

QCoro::Task<Result<QStringList>> AdminAdapter::consumerGroups()
{
    co_return notInThisBuild(tr("Listing consumer groups"));
}

QCoro::Task<Result<ConsumerProgress>> AdminAdapter::consumerProgress(QString)
{
    co_return notInThisBuild(tr("Consumer progress"));
}

QCoro::Task<Result<QList<OffsetMove>>> AdminAdapter::planReset(QString, QString, QDateTime)
{
    co_return notInThisBuild(tr("Resetting offsets"));
}

QCoro::Task<Status> AdminAdapter::resetOffset(QString, QString, QDateTime)
{
    co_return notInThisBuild(tr("Resetting offsets"));
}

QCoro::Task<Result<QList<ConsumedBy>>> AdminAdapter::consumedBy(MessageExt)
{
    co_return notInThisBuild(tr("The consumed-by track"));
}

#endif

} // namespace mq::gui
