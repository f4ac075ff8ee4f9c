// `mqdesk-cli progress --group G`: a consumer group's connections and, per queue, broker
// offset, consumer offset, lag and last consumed time, with the total lag.
#include "CommandLine.h"
#include "WithAdmin.h"

#include "AdminFormat.h"

namespace {

using namespace mq;
using namespace mq::cli;

void printHuman(const GroupConnections *connections, const QString &connectionError, const GroupProgress &p)
{
    QTextStream &o = out();
    o << "Group " << p.group << "\n";
    if (!connections) {
        o << "  connections unknown: " << connectionError << "\n";
    } else if (!connections->online) {
        o << "  not online (no consumer connected)\n";
    } else {
        o << QStringLiteral("  %1, %2, %3\n")
                 .arg(connections->consumeType, connections->messageModel, connections->consumeFromWhere);
        for (const Connection &c : connections->connections)
            o << QStringLiteral("  client %1  %2  %3 %4\n")
                     .arg(c.clientId, c.clientAddr, c.language, clientVersionName(c.version));
    }
    o << "\n"
      << tableRow({{QStringLiteral("TOPIC"), 32},
                   {QStringLiteral("BROKER"), 16},
                   {QStringLiteral("QID"), 4},
                   {QStringLiteral("BROKER_OFFSET"), 14},
                   {QStringLiteral("CONSUMER_OFFSET"), 16},
                   {QStringLiteral("LAG"), 10},
                   {QStringLiteral("LAST_TIME"), 30},
                   {QStringLiteral("CLIENT")}});
    for (const QueueProgress &q : p.queues)
        o << tableRow({{q.queue.topic, 32},
                       {q.queue.brokerName, 16},
                       {QString::number(q.queue.queueId), 4},
                       {QString::number(q.brokerOffset), 14},
                       {QString::number(q.consumerOffset), 16},
                       {QString::number(q.lag()), 10},
                       {q.lastTimestamp > 0 ? formatTimestamp(q.lastTimestamp) : QStringLiteral("-"), 30},
                       {q.clientId}});
    o << "\nTotal lag: " << p.totalLag() << "   Consume TPS: " << p.consumeTps << "\n";
    for (const BrokerFailure &f : p.failures)
        o << "Note: " << f.brokerName << " did not answer: " << f.error.message << "\n";
    o.flush();
}

// Both answers: the connections are only shown, so failing to get them is no failure.
struct ProgressView {
    Result<GroupConnections> connections;
    GroupProgress progress;
};

QCoro::Task<Result<ProgressView>> readProgress(Admin &admin, QString group, bool withClients)
{
    auto connections = co_await admin.connections(group);
    auto progress = co_await admin.progress(group, withClients);
    if (!progress)
        co_return progress.error();
    co_return ProgressView{std::move(connections), std::move(progress).value()};
}

QCoro::Task<int> runProgress(QStringList args)
{
    CommandLine cli(args, QStringLiteral("Shows a consumer group's connections (client ids, language, version, "
                                         "model) and its progress on every queue it consumes: broker offset, "
                                         "consumer offset, lag, last consumed time; and the total lag."));
    cli.parser().addOption({{QStringLiteral("g"), QStringLiteral("group")},
                            QStringLiteral("The consumer group."),
                            QStringLiteral("group")});
    cli.parser().addOption(
        {QStringLiteral("clients"), QStringLiteral("Ask each online consumer which queues it holds (slower).")});
    if (auto exit = cli.parse())
        co_return *exit;
    const QString group = cli.value(QStringLiteral("group")).trimmed();
    if (group.isEmpty())
        co_return cli.usage(QStringLiteral("give the consumer group with --group"));
    if (auto exit = cli.expectNoArguments())
        co_return *exit;

    const bool withClients = cli.isSet(QStringLiteral("clients"));
    auto view = co_await withAdmin(cli.connection().config,
                                   [&](Admin &admin) { return readProgress(admin, group, withClients); });
    if (!view)
        co_return cli.fail(view.error());
    const auto &[connections, progress] = *view;
    if (cli.json()) {
        QJsonObject o = format::progressJson(progress);
        if (connections)
            o.insert(QStringLiteral("connections"), format::connectionsJson(*connections));
        else
            o.insert(QStringLiteral("connectionsError"), connections.error().message);
        printJson(o);
    } else {
        printHuman(connections ? &*connections : nullptr, connections ? QString() : connections.error().message,
                   progress);
    }
    co_return ExitOk;
}

const Registrar registrar({QStringLiteral("progress"),
                           QStringLiteral("Show a consumer group's connections, offsets and lag"), runProgress});

} // namespace
