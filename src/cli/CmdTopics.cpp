// `mqdesk-cli topics [--all]`: the topics the name servers know, system topics hidden unless --all.
#include "CommandLine.h"
#include "WithAdmin.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

using namespace mq;
using namespace mq::cli;

QCoro::Task<int> runTopics(QStringList args)
{
    CommandLine cli(args, QStringLiteral("Lists the cluster's topics. System topics (TBW102, SCHEDULE_TOPIC_XXXX, "
                                         "%RETRY%..., %DLQ%..., RMQ_SYS_..., cluster and broker names, ...) are "
                                         "hidden unless --all is given. With --json: one JSON array of names."));
    cli.parser().addOption({{QStringLiteral("a"), QStringLiteral("all")}, QStringLiteral("Include system topics.")});
    if (auto exit = cli.parse())
        co_return *exit;
    if (auto exit = cli.expectNoArguments(QStringLiteral("for one topic's route: mqdesk-cli route TOPIC")))
        co_return *exit;

    const bool all = cli.isSet(QStringLiteral("all"));
    auto listing = co_await withAdmin(cli.connection().config, [all](Admin &admin) { return admin.topics(all); });
    if (!listing)
        co_return cli.fail(listing.error());
    if (cli.json()) {
        out() << QString::fromUtf8(
                     QJsonDocument(QJsonArray::fromStringList(listing->topics)).toJson(QJsonDocument::Compact))
              << "\n";
    } else {
        for (const QString &t : listing->topics)
            out() << t << "\n";
        if (listing->hiddenSystemTopics > 0)
            err() << QStringLiteral("(%1 system topic(s) hidden; --all shows them)\n").arg(listing->hiddenSystemTopics);
    }
    out().flush();
    err().flush();
    co_return ExitOk;
}

const Registrar registrar({QStringLiteral("topics"), QStringLiteral("List topics"), runTopics});

} // namespace
