// `mqdesk-cli reset --group G --topic T --to TIMESTAMP`: move a group's offsets on a topic to
// a time, reporting per queue what moved from where to where.
#include "CommandLine.h"
#include "WithAdmin.h"

#include "AdminFormat.h"

namespace {

using namespace mq;
using namespace mq::cli;

void printHuman(const ResetReport &r, bool dryRun)
{
    QTextStream &o = out();
    o << (dryRun ? "Would reset " : "Reset ") << r.group << " on " << r.topic << " to " << formatTimestamp(r.timestamp)
      << " (" << r.timestamp << ")\n\n";
    o << tableRow({{QStringLiteral("BROKER"), 16},
                   {QStringLiteral("QID"), 4},
                   {QStringLiteral("FROM"), 12},
                   {QStringLiteral("TO")}});
    for (const OffsetMove &m : r.moves)
        o << tableRow({{m.queue.brokerName, 16},
                       {QString::number(m.queue.queueId), 4},
                       {m.from < 0 ? QStringLiteral("-") : QString::number(m.from), 12},
                       {QString::number(m.to) + (m.moved() ? QString() : QStringLiteral("  (unchanged)"))}});
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
    CommandLine cli(args, QStringLiteral("Moves a consumer group's offsets on a topic to the first message stored at "
                                         "or after --to, on every master broker of the topic. Online consumers are "
                                         "told to move by their broker; when none is online the offsets are written "
                                         "directly."));
    QCommandLineParser &parser = cli.parser();
    parser.addOption({{QStringLiteral("g"), QStringLiteral("group")},
                      QStringLiteral("The consumer group."),
                      QStringLiteral("group")});
    parser.addOption(
        {{QStringLiteral("t"), QStringLiteral("topic")}, QStringLiteral("The topic."), QStringLiteral("topic")});
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("The time: ms since the epoch or ISO 8601."), QStringLiteral("time")});
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Only show where each queue would move.")});
    if (auto exit = cli.parse())
        co_return *exit;
    const QString group = cli.value(QStringLiteral("group")).trimmed();
    const QString topic = cli.value(QStringLiteral("topic")).trimmed();
    if (group.isEmpty() || topic.isEmpty() || !cli.isSet(QStringLiteral("to")))
        co_return cli.usage(QStringLiteral("give --group, --topic and --to"));
    qint64 timestamp = 0;
    if (auto exit = cli.readTime(QStringLiteral("to"), timestamp))
        co_return *exit;
    if (auto exit = cli.expectNoArguments())
        co_return *exit;

    const bool dryRun = cli.isSet(QStringLiteral("dry-run"));
    auto report = co_await withAdmin(cli.connection().config, [&](Admin &admin) {
        return dryRun ? admin.planReset(group, topic, timestamp) : admin.resetOffset(group, topic, timestamp);
    });
    if (!report)
        co_return cli.fail(report.error());
    if (cli.json()) {
        QJsonObject o = format::resetJson(*report);
        o.insert(QStringLiteral("dryRun"), dryRun);
        printJson(o);
    } else {
        printHuman(*report, dryRun);
    }
    co_return report->failures.isEmpty() ? ExitOk : exitCodeFor(report->failures.first().error);
}

const Registrar registrar({QStringLiteral("reset"), QStringLiteral("Reset a consumer group's offsets to a time"),
                           runReset});

} // namespace
