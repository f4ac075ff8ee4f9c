#pragma once

// Plumbing shared by the admin operations: which brokers to ask, turning broker answers into
// errors with words, and asking many brokers at once.

#include "AdminTypes.h"
#include "ClientInstance.h"
#include "RemotingCommand.h"
#include "RouteData.h"

#include <QCoro/QCoroTask>

#include <optional>
#include <vector>

namespace mq::admin {

struct BrokerTarget {
    QString brokerName;
    QString address;
};

// Each broker of the route once: its master, or its lowest-id slave when it has no master
// (reads still work there), in broker-name order.
QList<BrokerTarget> readTargets(const TopicRouteData &route);
// Masters only (writes: offsets, resets).
QList<BrokerTarget> masterTargets(const TopicRouteData &route);
QList<BrokerTarget> masterTargets(const ClusterInfo &cluster);

// The broker name whose address list holds `address`, from a route; empty when none does.
QString brokerNameOf(const TopicRouteData &route, const QString &address);

// An Error::Broker naming what was asked, where, the response code and the broker's remark.
Error brokerError(const RemotingCommand &response, const QString &what, const QString &address);
// Adds the address to a transport error that does not name it yet.
Error withAddress(Error error, const QString &address);

// The response when its code is SUCCESS, else brokerError.
Result<RemotingCommand> successOnly(Result<RemotingCommand> response, const QString &what, const QString &address);

// Starts one task per item (they run concurrently: QCoro tasks start eagerly) and collects the
// results in item order. `start` must return the task of a coroutine that takes its
// arguments by value, never a coroutine lambda with captures.
template <typename R, typename Item, typename Start> QCoro::Task<std::vector<R>> fanOut(QList<Item> items, Start start)
{
    std::vector<QCoro::Task<R>> tasks;
    tasks.reserve(items.size());
    for (const Item &item : items)
        tasks.push_back(start(item));
    std::vector<R> results;
    results.reserve(tasks.size());
    for (auto &task : tasks)
        results.push_back(co_await std::move(task));
    co_return results;
}

// A request with the client's timeout (times `factor`), failing with words when the client is gone.
QCoro::Task<Result<RemotingCommand>> invokeOn(QPointer<ClientInstance> client, QString address, RemotingCommand request,
                                              int timeoutFactor = 1);

// GET_BROKER_CLUSTER_INFO from the name servers.
QCoro::Task<Result<ClusterInfo>> fetchClusterInfo(QPointer<ClientInstance> client);

} // namespace mq::admin
