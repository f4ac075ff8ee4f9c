// `mqdesk-cli progress --group G`: a consumer group's connections and, per queue, broker
// offset, consumer offset, lag and last consumed time, with the total lag.
#include "CliCommon.h"

#include "Admin.h"
#include "AdminFormat.h"
#include "ClientInstance.h"

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
      << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
             .arg(QStringLiteral("TOPIC"), -32)
             .arg(QStringLiteral("BROKER"), -16)
             .arg(QStringLiteral("QID"), -4)
             .arg(QStringLiteral("BROKER_OFFSET"), -14)
             .arg(QStringLiteral("CONSUMER_OFFSET"), -16)
             .arg(QStringLiteral("LAG"), -10)
             .arg(QStringLiteral("LAST_TIME"), -30)
             .arg(QStringLiteral("CLIENT"));
    for (const QueueProgress &q : p.queues)
        o << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                 .arg(q.queue.topic, -32)
                 .arg(q.queue.brokerName, -16)
                 .arg(q.queue.queueId, -4)
                 .arg(q.brokerOffset, -14)
                 .arg(q.consumerOffset, -16)
                 .arg(q.lag(), -10)
                 .arg(q.lastTimestamp > 0 ? formatTimestamp(q.lastTimestamp) : QStringLiteral("-"), -30)
                 .arg(q.clientId);
    o << "\nTotal lag: " << p.totalLag() << "   Consume TPS: " << p.consumeTps << "\n";
    for (const BrokerFailure &f : p.failures)
        o << "Note: " << f.brokerName << " did not answer: " << f.error.message << "\n";
    o.flush();
}

QCoro::Task<int> runProgress(QStringList args)
{
    const QString command = args.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows a consumer group's connections (client ids, language, version, model) and its progress on every "
        "queue it consumes: broker offset, consumer offset, lag, last consumed time; and the total lag."));
    parser.addOption({{QStringLiteral("g"), QStringLiteral("group")},
                      QStringLiteral("The consumer group."),
                      QStringLiteral("group")});
    parser.addOption(
        {QStringLiteral("clients"), QStringLiteral("Ask each online consumer which queues it holds (slower).")});
    addConnectionOptions(parser);
    if (auto exit = parseOrExit(parser, args))
        co_return *exit;
    auto options = readConnectionOptions(parser);
    const bool json = options ? options->json : parser.isSet(QStringLiteral("json"));
    if (!options)
        co_return usage(command, options.error().message, json);
    const QString group = parser.value(QStringLiteral("group")).trimmed();
    if (group.isEmpty())
        co_return usage(command, QStringLiteral("give the consumer group with --group"), json);
    if (!parser.positionalArguments().isEmpty())
        co_return usage(command, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
                        json);

    ClientInstance client(options->config);
    if (auto started = co_await client.start(); !started)
        co_return fail(command, started.error(), json);
    Admin admin(&client);
    auto connections = co_await admin.connections(group);
    auto progress = co_await admin.progress(group, parser.isSet(QStringLiteral("clients")));
    co_await client.shutdown();
    if (!progress)
        co_return fail(command, progress.error(), json);
    if (json) {
        QJsonObject o = format::progressJson(*progress);
        if (connections)
            o.insert(QStringLiteral("connections"), format::connectionsJson(*connections));
        else
            o.insert(QStringLiteral("connectionsError"), connections.error().message);
        printJson(o);
    } else {
        printHuman(connections ? &*connections : nullptr, connections ? QString() : connections.error().message,
                   *progress);
    }
    co_return ExitOk;
}

const Registrar registrar({QStringLiteral("progress"),
                           QStringLiteral("Show a consumer group's connections, offsets and lag"), runProgress});

} // namespace
