// `mqdesk-cli reset --group G --topic T --to TIMESTAMP`: move a group's offsets on a topic to
// a time, reporting per queue what moved from where to where.
#include "CliCommon.h"

#include "Admin.h"
#include "AdminFormat.h"
#include "ClientInstance.h"

namespace {

using namespace mq;
using namespace mq::cli;

void printHuman(const ResetReport &r, bool dryRun)
{
    QTextStream &o = out();
    o << (dryRun ? "Would reset " : "Reset ") << r.group << " on " << r.topic << " to " << formatTimestamp(r.timestamp)
      << " (" << r.timestamp << ")\n\n";
    o << QStringLiteral("%1 %2 %3 %4\n")
             .arg(QStringLiteral("BROKER"), -16)
             .arg(QStringLiteral("QID"), -4)
             .arg(QStringLiteral("FROM"), -12)
             .arg(QStringLiteral("TO"));
    for (const OffsetMove &m : r.moves)
        o << QStringLiteral("%1 %2 %3 %4%5\n")
                 .arg(m.queue.brokerName, -16)
                 .arg(m.queue.queueId, -4)
                 .arg(m.from < 0 ? QStringLiteral("-") : QString::number(m.from), -12)
                 .arg(m.to)
                 .arg(m.moved() ? QString() : QStringLiteral("  (unchanged)"));
    if (!r.viaConsumers.isEmpty())
        o << "\nOnline consumers were told to move by: " << r.viaConsumers.join(QStringLiteral(", ")) << "\n";
    if (!r.written.isEmpty())
        o << "\nNo consumer online; offsets written on: " << r.written.join(QStringLiteral(", ")) << "\n";
    for (const BrokerFailure &f : r.failures)
        o << "Failed on " << f.brokerName << ": " << f.error.message << "\n";
    o.flush();
}

QCoro::Task<int> runReset(QStringList args)
{
    const QString command = args.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Moves a consumer group's offsets on a topic to the first message stored at or after --to, on every "
        "master broker of the topic. Online consumers are told to move by their broker; when none is online the "
        "offsets are written directly."));
    parser.addOption({{QStringLiteral("g"), QStringLiteral("group")},
                      QStringLiteral("The consumer group."),
                      QStringLiteral("group")});
    parser.addOption(
        {{QStringLiteral("t"), QStringLiteral("topic")}, QStringLiteral("The topic."), QStringLiteral("topic")});
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("The time: ms since the epoch or ISO 8601."), QStringLiteral("time")});
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Only show where each queue would move.")});
    addConnectionOptions(parser);
    if (auto exit = parseOrExit(parser, args))
        co_return *exit;
    auto options = readConnectionOptions(parser);
    const bool json = options ? options->json : parser.isSet(QStringLiteral("json"));
    if (!options)
        co_return usage(command, options.error().message, json);
    const QString group = parser.value(QStringLiteral("group")).trimmed();
    const QString topic = parser.value(QStringLiteral("topic")).trimmed();
    if (group.isEmpty() || topic.isEmpty() || !parser.isSet(QStringLiteral("to")))
        co_return usage(command, QStringLiteral("give --group, --topic and --to"), json);
    auto timestamp = parseTimestamp(parser.value(QStringLiteral("to")));
    if (!timestamp)
        co_return usage(command, QStringLiteral("--to: %1").arg(timestamp.error().message), json);
    if (!parser.positionalArguments().isEmpty())
        co_return usage(command, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
                        json);

    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    ClientInstance client(options->config);
    if (auto started = co_await client.start(); !started)
        co_return fail(command, started.error(), json);
    Admin admin(&client);
    // (Not a ?: of two co_awaits: g++ 12 miscompiles co_await inside a conditional expression.)
    std::optional<Result<ResetReport>> report;
    if (dryRun)
        report.emplace(co_await admin.planReset(group, topic, *timestamp));
    else
        report.emplace(co_await admin.resetOffset(group, topic, *timestamp));
    co_await client.shutdown();
    if (!*report)
        co_return fail(command, report->error(), json);
    const ResetReport &done = **report;
    if (json) {
        QJsonObject o = format::resetJson(done);
        o.insert(QStringLiteral("dryRun"), dryRun);
        printJson(o);
    } else {
        printHuman(done, dryRun);
    }
    co_return done.failures.isEmpty() ? ExitOk : exitCodeFor(done.failures.first().error);
}

const Registrar registrar({QStringLiteral("reset"), QStringLiteral("Reset a consumer group's offsets to a time"),
                           runReset});

} // namespace
