// `mqdesk-cli cluster`: every broker of every cluster with its address and version.
#include "CommandLine.h"
#include "WithAdmin.h"

#include "AdminFormat.h"

namespace {

using namespace mq;
using namespace mq::cli;

void printHuman(const ClusterView &view)
{
    out() << tableRow({{QStringLiteral("CLUSTER"), 20},
                       {QStringLiteral("BROKER"), 20},
                       {QStringLiteral("ID"), 4},
                       {QStringLiteral("ADDRESS"), 28},
                       {QStringLiteral("VERSION")}});
    for (const BrokerInfo &b : view.brokers) {
        QString version = b.version;
        if (version.isEmpty())
            version = b.reachable ? QStringLiteral("(not reported: %1)").arg(b.error)
                                  : QStringLiteral("(unreachable: %1)").arg(b.error);
        out() << tableRow(
            {{b.cluster, 20}, {b.brokerName, 20}, {QString::number(b.brokerId), 4}, {b.address, 28}, {version}});
    }
    out().flush();
}

QCoro::Task<int> runCluster(QStringList args)
{
    CommandLine cli(args, QStringLiteral("Lists the clusters and their brokers (name, id, address) with each broker's "
                                         "version, asked of the broker itself; brokers that do not answer are shown "
                                         "as such."));
    if (auto exit = cli.parse())
        co_return *exit;
    if (auto exit = cli.expectNoArguments())
        co_return *exit;

    auto view = co_await withAdmin(cli.connection().config, [](Admin &admin) { return admin.cluster(); });
    if (!view)
        co_return cli.fail(view.error());
    if (cli.json())
        printJson(format::clusterJson(*view));
    else
        printHuman(*view);
    co_return ExitOk;
}

const Registrar registrar({QStringLiteral("cluster"), QStringLiteral("List clusters and brokers with versions"),
                           runCluster});

} // namespace
