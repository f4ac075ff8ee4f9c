// `mqdesk-cli cluster`: every broker of every cluster with its address and version.
#include "CliCommon.h"

#include "Admin.h"
#include "AdminFormat.h"
#include "ClientInstance.h"

namespace {

using namespace mq;
using namespace mq::cli;

QCoro::Task<int> runCluster(QStringList args)
{
    const QString command = args.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists the clusters and their brokers (name, id, address) with each broker's version, asked of the broker "
        "itself; brokers that do not answer are shown as such."));
    addConnectionOptions(parser);
    if (auto exit = parseOrExit(parser, args))
        co_return *exit;
    auto options = readConnectionOptions(parser);
    const bool json = options ? options->json : parser.isSet(QStringLiteral("json"));
    if (!options)
        co_return usage(command, options.error().message, json);
    if (!parser.positionalArguments().isEmpty())
        co_return usage(command, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
                        json);

    ClientInstance client(options->config);
    if (auto started = co_await client.start(); !started)
        co_return fail(command, started.error(), json);
    Admin admin(&client);
    auto view = co_await admin.cluster();
    co_await client.shutdown();
    if (!view)
        co_return fail(command, view.error(), json);
    if (json) {
        printJson(format::clusterJson(*view));
        co_return ExitOk;
    }
    out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                 .arg(QStringLiteral("CLUSTER"), -20)
                 .arg(QStringLiteral("BROKER"), -20)
                 .arg(QStringLiteral("ID"), -4)
                 .arg(QStringLiteral("ADDRESS"), -28)
                 .arg(QStringLiteral("VERSION"));
    for (const BrokerInfo &b : view->brokers) {
        QString version = b.version;
        if (version.isEmpty())
            version = b.reachable ? QStringLiteral("(not reported: %1)").arg(b.error)
                                  : QStringLiteral("(unreachable: %1)").arg(b.error);
        out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                     .arg(b.cluster, -20)
                     .arg(b.brokerName, -20)
                     .arg(b.brokerId, -4)
                     .arg(b.address, -28)
                     .arg(version);
    }
    out().flush();
    co_return ExitOk;
}

const Registrar registrar({QStringLiteral("cluster"), QStringLiteral("List clusters and brokers with versions"),
                           runCluster});

} // namespace
