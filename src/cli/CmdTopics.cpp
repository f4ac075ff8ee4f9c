// `mqdesk-cli topics [--all]`: the topics the name servers know, system topics hidden unless --all.
#include "CliCommon.h"

#include "Admin.h"
#include "ClientInstance.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

using namespace mq;
using namespace mq::cli;

QCoro::Task<int> runTopics(QStringList args)
{
    const QString command = args.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Lists the cluster's topics. System topics (TBW102, SCHEDULE_TOPIC_XXXX, %RETRY%..., "
                       "%DLQ%..., RMQ_SYS_..., cluster and broker names, ...) are hidden unless --all is given. "
                       "With --json: one JSON array of names."));
    parser.addOption({{QStringLiteral("a"), QStringLiteral("all")}, QStringLiteral("Include system topics.")});
    addConnectionOptions(parser);
    if (auto exit = parseOrExit(parser, args))
        co_return *exit;
    auto options = readConnectionOptions(parser);
    const bool json = options ? options->json : parser.isSet(QStringLiteral("json"));
    if (!options)
        co_return usage(command, options.error().message, json);
    if (!parser.positionalArguments().isEmpty())
        co_return usage(command,
                        QStringLiteral("unexpected argument '%1' (for one topic's route: mqdesk-cli route "
                                       "TOPIC)")
                            .arg(parser.positionalArguments().first()),
                        json);

    ClientInstance client(options->config);
    if (auto started = co_await client.start(); !started)
        co_return fail(command, started.error(), json);
    Admin admin(&client);
    auto listing = co_await admin.topics(parser.isSet(QStringLiteral("all")));
    co_await client.shutdown();
    if (!listing)
        co_return fail(command, listing.error(), json);
    if (json) {
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
