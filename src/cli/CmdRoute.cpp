// `mqdesk-cli route TOPIC`: the topic's brokers and queues, as the name server has them.
#include "CliCommon.h"

#include "ClientInstance.h"
#include "RouteData.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

using namespace mq;
using namespace mq::cli;

void printHuman(const QString &topic, const TopicRouteData &route)
{
    QTextStream &o = out();
    o << "Topic " << topic << "\n\n";
    o << QStringLiteral("%1 %2 %3 %4\n")
             .arg(QStringLiteral("BROKER"), -20)
             .arg(QStringLiteral("CLUSTER"), -20)
             .arg(QStringLiteral("ID"), -4)
             .arg(QStringLiteral("ADDRESS"));
    for (const auto &b : route.brokerDatas)
        for (const auto &[id, address] : b.brokerAddrs.entries())
            o << QStringLiteral("%1 %2 %3 %4%5\n")
                     .arg(b.brokerName, -20)
                     .arg(b.cluster, -20)
                     .arg(id, -4)
                     .arg(address, id == kMasterBrokerId ? QStringLiteral(" (master)") : QString());
    o << "\n"
      << QStringLiteral("%1 %2 %3 %4 %5\n")
             .arg(QStringLiteral("BROKER"), -20)
             .arg(QStringLiteral("READ"), -6)
             .arg(QStringLiteral("WRITE"), -6)
             .arg(QStringLiteral("PERM"), -5)
             .arg(QStringLiteral("SYSFLAG"));
    for (const auto &q : route.queueDatas)
        o << QStringLiteral("%1 %2 %3 %4 %5\n")
                 .arg(q.brokerName, -20)
                 .arg(q.readQueueNums, -6)
                 .arg(q.writeQueueNums, -6)
                 .arg(PermName::toString(q.perm), -5)
                 .arg(q.topicSysFlag);
    if (route.orderTopicConf)
        o << "\norder topic conf: " << *route.orderTopicConf << "\n";
    o.flush();
}

QCoro::Task<int> runRoute(QStringList args)
{
    const QString command = args.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Shows which brokers and queues serve TOPIC."));
    parser.addPositionalArgument(QStringLiteral("topic"), QStringLiteral("The topic."));
    addConnectionOptions(parser);
    if (auto exit = parseOrExit(parser, args))
        co_return *exit;
    auto options = readConnectionOptions(parser);
    const bool json = options ? options->json : parser.isSet(QStringLiteral("json"));
    if (!options)
        co_return usage(command, options.error().message, json);
    if (parser.positionalArguments().size() != 1)
        co_return usage(command, QStringLiteral("give exactly one TOPIC"), json);
    const QString topic = parser.positionalArguments().first();

    ClientInstance client(options->config);
    if (auto started = co_await client.start(); !started)
        co_return fail(command, started.error(), json);
    auto route = co_await client.topicRoute(topic);
    co_await client.shutdown();
    if (!route)
        co_return fail(command, route.error(), json);
    if (json) {
        // The route as the name server's standard JSON, with the topic added.
        QJsonObject object = QJsonDocument::fromJson(route->toJson(JsonStyle::Standard)).object();
        object.insert(QStringLiteral("topic"), topic);
        printJson(object);
    } else {
        printHuman(topic, *route);
    }
    co_return ExitOk;
}

const Registrar registrar({QStringLiteral("route"), QStringLiteral("Show a topic's brokers and queues"), runRoute});

} // namespace
