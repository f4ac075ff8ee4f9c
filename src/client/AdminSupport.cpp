#include "AdminSupport.h"

#include "Codes.h"

#include <algorithm>

namespace mq::admin {

namespace {
std::optional<BrokerTarget> readTarget(const BrokerData &broker)
{
    if (auto master = broker.masterAddress())
        return BrokerTarget{broker.brokerName, *master};
    std::optional<BrokerTarget> lowest;
    qint64 lowestId = 0;
    for (const auto &[id, address] : broker.brokerAddrs.entries()) {
        if (!lowest || id < lowestId) {
            lowest = BrokerTarget{broker.brokerName, address};
            lowestId = id;
        }
    }
    return lowest;
}

void sortByName(QList<BrokerTarget> &targets)
{
    std::sort(targets.begin(), targets.end(),
              [](const BrokerTarget &a, const BrokerTarget &b) { return a.brokerName < b.brokerName; });
}
} // namespace

QList<BrokerTarget> readTargets(const TopicRouteData &route)
{
    QList<BrokerTarget> targets;
    for (const BrokerData &b : route.brokerDatas)
        if (auto t = readTarget(b))
            targets.append(*t);
    sortByName(targets);
    return targets;
}

QList<BrokerTarget> masterTargets(const TopicRouteData &route)
{
    QList<BrokerTarget> targets;
    for (const BrokerData &b : route.brokerDatas)
        if (auto master = b.masterAddress())
            targets.append({b.brokerName, *master});
    sortByName(targets);
    return targets;
}

QList<BrokerTarget> masterTargets(const ClusterInfo &cluster)
{
    QList<BrokerTarget> targets;
    for (const auto &[name, broker] : cluster.brokerAddrTable.entries())
        if (auto master = broker.masterAddress())
            targets.append({name, *master});
    sortByName(targets);
    return targets;
}

QString brokerNameOf(const TopicRouteData &route, const QString &address)
{
    for (const BrokerData &b : route.brokerDatas)
        for (const auto &[id, a] : b.brokerAddrs.entries())
            if (a == address)
                return b.brokerName;
    return {};
}

Error brokerError(const RemotingCommand &response, const QString &what, const QString &address)
{
    QString message = QStringLiteral("%1 at %2 failed: %3").arg(what, address, responseCodeName(response.code));
    const QString remark = response.remark.value_or(QString()).trimmed();
    if (!remark.isEmpty())
        message += QStringLiteral(" (%1)").arg(remark);
    return makeError(Error::Code::Broker, message, response.code);
}

Error withAddress(Error error, const QString &address)
{
    if (!error.message.contains(address))
        error.message = QStringLiteral("%1: %2").arg(address, error.message);
    return error;
}

Result<RemotingCommand> successOnly(Result<RemotingCommand> response, const QString &what, const QString &address)
{
    if (!response)
        return withAddress(response.error(), address);
    if (response->code != toInt(ResponseCode::Success))
        return brokerError(*response, what, address);
    return response;
}

QCoro::Task<Result<RemotingCommand>> invokeOn(QPointer<ClientInstance> client, QString address, RemotingCommand request,
                                              int timeoutFactor)
{
    if (!client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("the client was closed"));
    const auto timeout = client->config().requestTimeout * std::max(1, timeoutFactor);
    auto response = co_await client->invoke(address, std::move(request), timeout);
    if (!client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("the client was closed"));
    co_return response;
}

QCoro::Task<Result<ClusterInfo>> fetchClusterInfo(QPointer<ClientInstance> client)
{
    if (!client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("the client was closed"));
    auto response = co_await client->invokeNameServer(RemotingCommand::request(RequestCode::GetBrokerClusterInfo));
    if (!client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("the client was closed"));
    if (!response)
        co_return response.error();
    if (response->code != toInt(ResponseCode::Success))
        co_return brokerError(*response, QStringLiteral("cluster info"), QStringLiteral("the name server"));
    co_return ClusterInfo::parse(response->body);
}

} // namespace mq::admin
