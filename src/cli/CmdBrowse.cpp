// `mqdesk-cli browse TOPIC --from TS --to TS [--max N]`: the messages stored in a time range,
// printed as they arrive (one JSON line per message with --json). Moves no group's offsets.
#include "CommandLine.h"

#include "Admin.h"
#include "AdminFormat.h"
#include "ClientInstance.h"

namespace {

using namespace mq;
using namespace mq::cli;

QString oneLine(const FoundMessage &f)
{
    const MessageExt &m = f.message;
    QString body = format::bodyText(m.body, 32).simplified();
    if (body.size() > 80)
        body = body.left(77) + QStringLiteral("...");
    return QStringLiteral("%1  %2:%3 @%4  %5  tags=%6 keys=%7  %8")
        .arg(formatTimestamp(m.storeTimestamp), f.brokerName)
        .arg(m.queueId)
        .arg(m.queueOffset)
        .arg(m.msgId(), m.tags(), m.keys().join(u','), body);
}

QCoro::Task<int> runBrowse(QStringList args)
{
    CommandLine cli(args, QStringLiteral("Reads the messages of TOPIC stored between --from and --to from every "
                                         "queue, without committing any consumer group's offsets."));
    QCommandLineParser &parser = cli.parser();
    parser.addPositionalArgument(QStringLiteral("topic"), QStringLiteral("The topic."));
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("Earliest store time: ms since the epoch or ISO 8601 (default: 1 hour ago)."),
                      QStringLiteral("time")});
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("Latest store time (default: now)."), QStringLiteral("time")});
    parser.addOption({QStringLiteral("max"), QStringLiteral("Stop after this many messages (default 1000)."),
                      QStringLiteral("n"), QString::number(kDefaultBrowseMax)});
    if (auto exit = cli.parse())
        co_return *exit;
    BrowseRequest request;
    if (auto exit = cli.expectOneTopic(request.topic))
        co_return *exit;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    request.begin = now - 60 * 60 * 1000;
    request.end = now;
    if (auto exit = cli.readTime(QStringLiteral("from"), request.begin))
        co_return *exit;
    if (auto exit = cli.readTime(QStringLiteral("to"), request.end))
        co_return *exit;
    if (auto exit = cli.readInt(QStringLiteral("max"), request.maxMessages, 1, INT_MAX,
                                QStringLiteral("--max must be a positive number")))
        co_return *exit;
    const bool json = cli.json();

    ClientInstance client(cli.connection().config);
    if (auto started = co_await client.start(); !started)
        co_return cli.fail(started.error());
    TopicBrowser browser(&client);
    QObject::connect(&browser, &TopicBrowser::batch, [json](const QList<FoundMessage> &messages) {
        for (const FoundMessage &f : messages) {
            if (json)
                printJson(format::messageJson(f));
            else
                out() << oneLine(f) << "\n";
        }
        out().flush();
    });
    auto summary = co_await browser.browse(request);
    int rc = ExitOk;
    if (!summary) {
        rc = cli.fail(summary.error());
    } else {
        QStringList notes;
        if (summary->truncated)
            notes << QStringLiteral("stopped at --max %1; more messages are in the range").arg(request.maxMessages);
        for (const BrokerFailure &f : summary->failures)
            notes << QStringLiteral("%1: %2").arg(f.brokerName, f.error.message);
        // JSON output stays one message per line; the summary goes to stderr.
        QTextStream &s = json ? err() : out();
        s << QStringLiteral("%1 message(s) in %2 queue(s) of %3 between %4 and %5\n")
                 .arg(summary->messageCount)
                 .arg(summary->ranges.size())
                 .arg(summary->topic, formatTimestamp(summary->begin), formatTimestamp(summary->end));
        for (const QString &n : notes)
            s << "Note: " << n << "\n";
        s.flush();
    }
    co_await client.shutdown();
    co_return rc;
}

const Registrar registrar({QStringLiteral("browse"), QStringLiteral("Read a topic's messages in a time range"),
                           runBrowse});

} // namespace
