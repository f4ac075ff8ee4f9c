#include "Admin.h"

#include "AdminData.h"
#include "AdminSupport.h"
#include "BodyJson.h"
#include "FastJson.h"
#include "GroupQueries.h"
#include "Headers.h"

#include <QSet>

#include <algorithm>

namespace mq {

using admin::BrokerTarget;

namespace {

const auto clientGone = [] { return makeError(Error::Code::Cancelled, QStringLiteral("the client was closed")); };

// DefaultMQAdminExtImpl.SYSTEM_GROUP_SET (MixAll group names).
bool isSystemGroup(const QString &group)
{
    static const QStringList groups = {
        QStringLiteral("DEFAULT_CONSUMER"),   QStringLiteral("DEFAULT_PRODUCER"),
        QStringLiteral("TOOLS_CONSUMER"),     QStringLiteral("FILTERSRV_CONSUMER"),
        QStringLiteral("__MONITOR_CONSUMER"), QStringLiteral("CLIENT_INNER_PRODUCER"),
        QStringLiteral("SELF_TEST_P_GROUP"),  QStringLiteral("SELF_TEST_C_GROUP"),
        QStringLiteral("CID_ONS-HTTP-PROXY"), QStringLiteral("CID_ONSAPI_PERMISSION"),
        QStringLiteral("CID_ONSAPI_OWNER"),   QStringLiteral("CID_ONSAPI_PULL"),
        QStringLiteral("CID_RMQ_SYS_TRANS"),
    };
    return groups.contains(group);
}

QCoro::Task<Result<QMap<QString, QString>>> runtimeOf(QPointer<ClientInstance> client, QString address)
{
    auto response =
        co_await admin::invokeOn(client, address, RemotingCommand::request(RequestCode::GetBrokerRuntimeInfo));
    auto ok = admin::successOnly(std::move(response), QStringLiteral("broker runtime info"), address);
    if (!ok)
        co_return ok.error();
    auto object = body::parseObject(ok->body, "KVTable");
    if (!object)
        co_return object.error();
    QMap<QString, QString> table;
    for (const auto &[key, value] : (*object)["table"].members())
        table.insert(key.toString(), value.toString());
    co_return table;
}

QCoro::Task<Result<QStringList>> subscriptionGroupsOn(QPointer<ClientInstance> client, BrokerTarget target)
{
    auto response = co_await admin::invokeOn(client, target.address,
                                             RemotingCommand::request(RequestCode::GetAllSubscriptionGroupConfig));
    auto ok = admin::successOnly(std::move(response), QStringLiteral("subscription groups"), target.address);
    if (!ok)
        co_return ok.error();
    auto object = body::parseObject(ok->body, "SubscriptionGroupWrapper");
    if (!object)
        co_return object.error();
    QStringList groups;
    for (const auto &[key, value] : (*object)["subscriptionGroupTable"].members())
        groups << key.toString();
    co_return groups;
}

QCoro::Task<Result<QMap<MessageQueue, QString>>> queuesHeldBy(QPointer<ClientInstance> client, BrokerTarget target,
                                                              QString group, QString clientId)
{
    GetConsumerRunningInfoRequestHeader h{group, clientId, false};
    auto response = co_await admin::invokeOn(
        client, target.address, RemotingCommand::request(RequestCode::GetConsumerRunningInfo, h.toExtFields()), 2);
    auto ok =
        admin::successOnly(std::move(response), QStringLiteral("running info of %1").arg(clientId), target.address);
    if (!ok)
        co_return ok.error();
    auto info = ConsumerRunningInfo::parse(ok->body);
    if (!info)
        co_return info.error();
    QMap<MessageQueue, QString> held;
    for (const auto &[queue, pq] : info->mqTable.entries())
        held.insert(queue, clientId);
    co_return held;
}

QCoro::Task<Result<TopicList>> topicList(QPointer<ClientInstance> client)
{
    if (!client)
        co_return clientGone();
    auto response =
        co_await client->invokeNameServer(RemotingCommand::request(RequestCode::GetAllTopicListFromNameServer));
    if (!client)
        co_return clientGone();
    if (!response)
        co_return response.error();
    if (response->code != toInt(ResponseCode::Success))
        co_return admin::brokerError(*response, QStringLiteral("topic list"), QStringLiteral("the name server"));
    co_return TopicList::parse(response->body);
}

} // namespace

Admin::Admin(ClientInstance *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_query(client)
    , m_tracker(client)
{}

TopicBrowser *Admin::createBrowser(QObject *parent)
{
    return new TopicBrowser(m_client, parent ? parent : this);
}

QCoro::Task<Result<TopicListing>> Admin::topics(bool includeSystem)
{
    QPointer<ClientInstance> client = m_client;
    auto list = co_await topicList(client);
    if (!list)
        co_return list.error();
    QStringList clusterNames;
    if (!includeSystem) {
        // Brokers create topics named after their cluster and themselves; cluster info names them.
        if (auto cluster = co_await admin::fetchClusterInfo(client)) {
            clusterNames = cluster->clusterNames();
            clusterNames += cluster->brokerAddrTable.keys();
        }
    }
    TopicListing listing;
    for (const QString &t : list->topicList) {
        if (!includeSystem && isSystemTopic(t, clusterNames))
            ++listing.hiddenSystemTopics;
        else
            listing.topics << t;
    }
    listing.topics.sort();
    co_return listing;
}

QCoro::Task<Result<TopicRouteData>> Admin::route(QString topic)
{
    QPointer<ClientInstance> client = m_client;
    if (!client)
        co_return clientGone();
    if (topic.trimmed().isEmpty())
        co_return makeError(Error::Code::InvalidArgument, QStringLiteral("a route needs a topic"));
    co_return co_await client->topicRoute(topic.trimmed(), true);
}

QCoro::Task<Result<QMap<QString, QString>>> Admin::brokerRuntime(QString address)
{
    return runtimeOf(m_client, std::move(address));
}

QCoro::Task<Result<ClusterView>> Admin::cluster()
{
    QPointer<ClientInstance> client = m_client;
    auto info = co_await admin::fetchClusterInfo(client);
    if (!info)
        co_return info.error();
    ClusterView view;
    view.clusters = info->clusterNames();
    view.clusters.sort();
    for (const QString &clusterName : view.clusters) {
        QStringList names = info->clusterAddrTable.value(clusterName);
        names.sort();
        for (const QString &name : names) {
            const BrokerData *broker = info->brokerAddrTable.find(name);
            if (!broker)
                continue;
            auto addresses = broker->brokerAddrs.entries();
            std::sort(addresses.begin(), addresses.end(),
                      [](const auto &a, const auto &b) { return a.first < b.first; });
            for (const auto &[id, address] : addresses)
                view.brokers.append(BrokerInfo{clusterName, name, id, address, {}, false, {}, {}});
        }
    }
    QStringList addresses;
    for (const BrokerInfo &b : view.brokers)
        addresses << b.address;
    auto runtimes = co_await admin::fanOut<Result<QMap<QString, QString>>>(
        addresses, [&](const QString &a) { return runtimeOf(client, a); });
    for (qsizetype i = 0; i < view.brokers.size(); ++i) {
        BrokerInfo &b = view.brokers[i];
        if (runtimes[i]) {
            b.reachable = true;
            b.runtime = *runtimes[i];
            b.version = b.runtime.value(QStringLiteral("brokerVersionDesc"));
        } else {
            const Error &e = runtimes[i].error();
            // A broker that answers with an error code is up; it just did not tell its version.
            b.reachable = e.code == Error::Code::Broker;
            b.error = e.message;
        }
    }
    co_return view;
}

QCoro::Task<Result<QStringList>> Admin::consumerGroups()
{
    QPointer<ClientInstance> client = m_client;
    auto cluster = co_await admin::fetchClusterInfo(client);
    if (!cluster)
        co_return cluster.error();
    auto answers = co_await admin::fanOut<Result<QStringList>>(
        admin::masterTargets(*cluster), [&](const BrokerTarget &t) { return subscriptionGroupsOn(client, t); });
    QSet<QString> groups;
    for (const auto &a : answers)
        if (a)
            for (const QString &g : *a)
                groups.insert(g);
    // Every consumer creates %RETRY%<group>: that finds groups on brokers that do not list them.
    auto all = co_await topicList(client);
    if (all)
        for (const QString &t : all->topicList)
            if (t.startsWith(u"%RETRY%"))
                groups.insert(t.mid(7));
    QStringList sorted;
    for (const QString &g : groups)
        if (!isSystemGroup(g))
            sorted << g;
    sorted.sort();
    co_return sorted;
}

QCoro::Task<Result<GroupConnections>> Admin::connections(QString group)
{
    if (group.trimmed().isEmpty())
        co_return makeError(Error::Code::InvalidArgument, QStringLiteral("no consumer group given"));
    co_return co_await admin::fetchConnections(m_client, group.trimmed());
}

QCoro::Task<Result<GroupProgress>> Admin::progress(QString group, bool withClients)
{
    QPointer<ClientInstance> client = m_client;
    group = group.trimmed();
    if (group.isEmpty())
        co_return makeError(Error::Code::InvalidArgument, QStringLiteral("no consumer group given"));
    auto targets = co_await admin::groupTargets(client, group);
    if (!targets)
        co_return targets.error();
    auto stats = co_await admin::fanOut<Result<ConsumeStats>>(
        *targets, [&](const BrokerTarget &t) { return admin::fetchConsumeStats(client, t, group, std::nullopt); });
    GroupProgress progress;
    progress.group = group;
    bool anyAnswer = false;
    for (qsizetype i = 0; i < targets->size(); ++i) {
        if (!stats[i]) {
            progress.failures.append({(*targets)[i].brokerName, (*targets)[i].address, stats[i].error()});
            continue;
        }
        anyAnswer = true;
        progress.consumeTps += stats[i]->consumeTps;
        for (const auto &[queue, w] : stats[i]->offsetTable.entries())
            progress.queues.append(QueueProgress{queue, w.brokerOffset, w.consumerOffset, w.lastTimestamp, {}});
    }
    if (!anyAnswer)
        co_return progress.failures.first().error;
    std::sort(progress.queues.begin(), progress.queues.end(),
              [](const QueueProgress &a, const QueueProgress &b) { return a.queue < b.queue; });

    if (withClients && !targets->isEmpty()) {
        auto conns = co_await admin::fetchConnections(client, group);
        if (conns && conns->online) {
            QStringList ids;
            for (const Connection &c : conns->connections)
                ids << c.clientId;
            const BrokerTarget via = targets->first();
            auto held = co_await admin::fanOut<Result<QMap<MessageQueue, QString>>>(
                ids, [&](const QString &id) { return queuesHeldBy(client, via, group, id); });
            QMap<MessageQueue, QString> owners;
            for (const auto &h : held)
                if (h)
                    owners.insert(*h);
            for (QueueProgress &q : progress.queues)
                q.clientId = owners.value(q.queue);
        }
    }
    co_return progress;
}

} // namespace mq
