// `mqdesk-cli route TOPIC`: the topic's brokers and queues, as the name server has them.
#include "CommandLine.h"
#include "WithAdmin.h"

#include "RouteData.h"

#include <QJsonDocument>

namespace {

using namespace mq;
using namespace mq::cli;

void printHuman(const QString &topic, const TopicRouteData &route)
{
    QTextStream &o = out();
    o << "Topic " << topic << "\n\n";
    o << tableRow({{QStringLiteral("BROKER"), 20},
                   {QStringLiteral("CLUSTER"), 20},
                   {QStringLiteral("ID"), 4},
                   {QStringLiteral("ADDRESS")}});
    for (const auto &b : route.brokerDatas)
        for (const auto &[id, address] : b.brokerAddrs.entries())
            o << tableRow({{b.brokerName, 20},
                           {b.cluster, 20},
                           {QString::number(id), 4},
                           {address + (id == kMasterBrokerId ? QStringLiteral(" (master)") : QString())}});
    o << "\n"
      << tableRow({{QStringLiteral("BROKER"), 20},
                   {QStringLiteral("READ"), 6},
                   {QStringLiteral("WRITE"), 6},
                   {QStringLiteral("PERM"), 5},
                   {QStringLiteral("SYSFLAG")}});
    for (const auto &q : route.queueDatas)
        o << tableRow({{q.brokerName, 20},
                       {QString::number(q.readQueueNums), 6},
                       {QString::number(q.writeQueueNums), 6},
                       {PermName::toString(q.perm), 5},
                       {QString::number(q.topicSysFlag)}});
    if (route.orderTopicConf)
        o << "\norder topic conf: " << *route.orderTopicConf << "\n";
    o.flush();
}

QCoro::Task<int> runRoute(QStringList args)
{
    CommandLine cli(args, QStringLiteral("Shows which brokers and queues serve TOPIC."));
    cli.parser().addPositionalArgument(QStringLiteral("topic"), QStringLiteral("The topic."));
    if (auto exit = cli.parse())
        co_return *exit;
    QString topic;
    if (auto exit = cli.expectOneTopic(topic))
        co_return *exit;

    // As the name server has it now: the client's own lookup, not Admin::route's forced refresh.
    auto route = co_await withAdmin(cli.connection().config,
                                    [&topic](Admin &admin) { return admin.client()->topicRoute(topic); });
    if (!route)
        co_return cli.fail(route.error());
    if (cli.json()) {
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
