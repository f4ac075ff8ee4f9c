// `mqdesk-cli query --key K --topic T [--begin TS --end TS]` and `query --id ID [--topic T]`:
// find stored messages and show every field, the body and which consumer groups consumed them.
#include "CommandLine.h"

#include "Admin.h"
#include "AdminFormat.h"
#include "ClientInstance.h"

#include <QJsonArray>

namespace {

using namespace mq;
using namespace mq::cli;

QStringList namedGroups(const QCommandLineParser &parser)
{
    QStringList groups;
    for (const QString &value : parser.values(QStringLiteral("track-group")))
        for (const QString &g : value.split(u',', Qt::SkipEmptyParts))
            groups << g.trimmed();
    return groups;
}

// Adds the message track to each message (JSON "consumedBy") or prints it under the message.
QCoro::Task<QJsonArray> describe(Admin &admin, QList<FoundMessage> messages, bool track, QStringList groups, bool json)
{
    QJsonArray array;
    std::optional<Result<QList<TrackResult>>> all;
    if (track)
        all.emplace(co_await admin.trackAll(messages, groups));
    int index = 0;
    for (const FoundMessage &found : messages) {
        std::optional<Result<TrackResult>> tracked;
        if (all && *all)
            tracked.emplace((**all)[index]);
        else if (all)
            tracked.emplace((*all).error());
        ++index;
        if (json) {
            QJsonObject o = format::messageJson(found);
            if (tracked && *tracked) {
                o.insert(QStringLiteral("consumedBy"), format::tracksJson((*tracked)->tracks));
                if (!(*tracked)->note.isEmpty())
                    o.insert(QStringLiteral("trackNote"), (*tracked)->note);
            } else if (tracked) {
                o.insert(QStringLiteral("trackError"), tracked->error().message);
            }
            array.append(o);
            continue;
        }
        out() << QStringLiteral("Message %1 of %2\n").arg(index).arg(messages.size()) << format::messageText(found);
        if (tracked) {
            out() << "  consumed by\n";
            if (!*tracked)
                out() << "    (unknown: " << tracked->error().message << ")\n";
            else if ((*tracked)->tracks.isEmpty())
                out() << "    (no group: " << (*tracked)->note << ")\n";
            else
                out() << format::tracksText((*tracked)->tracks);
            if (*tracked && !(*tracked)->tracks.isEmpty() && !(*tracked)->note.isEmpty())
                out() << "    note: " << (*tracked)->note << "\n";
        }
        out() << "\n";
        out().flush();
    }
    co_return array;
}

QCoro::Task<int> runQuery(QStringList args)
{
    CommandLine cli(args, QStringLiteral("Finds messages by key (--key with --topic) or by id (--id: a client msgId "
                                         "needs --topic, an offsetMsgId does not) and shows every field, the body "
                                         "and which consumer groups consumed each one."));
    QCommandLineParser &parser = cli.parser();
    parser.addOption({{QStringLiteral("k"), QStringLiteral("key")},
                      QStringLiteral("Message key to look up."),
                      QStringLiteral("key")});
    parser.addOption({QStringLiteral("id"), QStringLiteral("Message id: client msgId (UNIQ_KEY) or offsetMsgId."),
                      QStringLiteral("id")});
    parser.addOption(
        {{QStringLiteral("t"), QStringLiteral("topic")}, QStringLiteral("The topic."), QStringLiteral("topic")});
    parser.addOption({QStringLiteral("begin"),
                      QStringLiteral("With --key: earliest store time, ms since the epoch or ISO 8601 (default: 3 "
                                     "days ago)."),
                      QStringLiteral("time")});
    parser.addOption({QStringLiteral("end"), QStringLiteral("With --key: latest store time (default: now)."),
                      QStringLiteral("time")});
    parser.addOption({QStringLiteral("max"),
                      QStringLiteral("With --key: at most this many messages per broker (default 64)."),
                      QStringLiteral("n"), QString::number(kDefaultQueryMaxNum)});
    parser.addOption({QStringLiteral("track-group"),
                      QStringLiteral("Consumer group(s) to check for consumption, comma-separated or repeated; "
                                     "added to the groups the brokers list."),
                      QStringLiteral("group")});
    parser.addOption({QStringLiteral("no-track"), QStringLiteral("Do not check which groups consumed the messages.")});
    if (auto exit = cli.parse())
        co_return *exit;
    const bool byKey = parser.isSet(QStringLiteral("key"));
    const bool byId = parser.isSet(QStringLiteral("id"));
    if (byKey == byId)
        co_return cli.usage(QStringLiteral("give either --key (with --topic) or --id"));
    if (auto exit = cli.expectNoArguments())
        co_return *exit;
    const QString topic = parser.value(QStringLiteral("topic")).trimmed();
    KeyQuery keyQuery;
    if (byKey) {
        if (topic.isEmpty())
            co_return cli.usage(QStringLiteral("--key needs --topic"));
        keyQuery.topic = topic;
        keyQuery.key = parser.value(QStringLiteral("key"));
        if (auto exit = cli.readTime(QStringLiteral("begin"), keyQuery.begin))
            co_return *exit;
        if (auto exit = cli.readTime(QStringLiteral("end"), keyQuery.end))
            co_return *exit;
        if (auto exit = cli.readInt(QStringLiteral("max"), keyQuery.maxNum, 1, INT_MAX,
                                    QStringLiteral("--max must be a positive number")))
            co_return *exit;
    } else if (parser.isSet(QStringLiteral("begin")) || parser.isSet(QStringLiteral("end"))) {
        co_return cli.usage(QStringLiteral("--begin and --end go with --key"));
    }
    const bool json = cli.json();
    const bool track = !parser.isSet(QStringLiteral("no-track"));
    const QStringList groups = namedGroups(parser);

    ClientInstance client(cli.connection().config);
    if (auto started = co_await client.start(); !started)
        co_return cli.fail(started.error());
    Admin admin(&client);
    int rc = ExitOk;
    if (byKey) {
        auto result = co_await admin.queryByKey(keyQuery);
        if (!result) {
            rc = cli.fail(result.error());
        } else {
            if (!json)
                out() << QStringLiteral("%1 message(s) with key '%2' in topic '%3'\n\n")
                             .arg(result->messages.size())
                             .arg(result->key, result->topic);
            QJsonArray messages = co_await describe(admin, result->messages, track, groups, json);
            if (json) {
                printJson(QJsonObject{{QStringLiteral("topic"), result->topic},
                                      {QStringLiteral("key"), result->key},
                                      {QStringLiteral("begin"), result->begin},
                                      {QStringLiteral("end"), result->end},
                                      {QStringLiteral("truncated"), result->truncated},
                                      {QStringLiteral("note"), result->note},
                                      {QStringLiteral("brokers"), QJsonArray::fromStringList(result->brokersAsked)},
                                      {QStringLiteral("failures"), format::failuresJson(result->failures)},
                                      {QStringLiteral("messages"), messages}});
            } else if (!result->note.isEmpty()) {
                out() << "Note: " << result->note << "\n";
            }
        }
    } else {
        auto result = co_await admin.queryById(parser.value(QStringLiteral("id")), topic);
        if (!result) {
            rc = cli.fail(result.error());
        } else {
            if (!json)
                out() << QStringLiteral("'%1' reads as: %2; found %3 message(s) by %4\n")
                             .arg(result->id, messageIdKindName(result->detected))
                             .arg(result->messages.size())
                             .arg(messageIdKindName(result->foundBy))
                      << (result->note.isEmpty() ? QString() : QStringLiteral("Note: %1\n").arg(result->note)) << "\n";
            QJsonArray messages = co_await describe(admin, result->messages, track, groups, json);
            if (json)
                printJson(QJsonObject{{QStringLiteral("id"), result->id},
                                      {QStringLiteral("idKind"), messageIdKindName(result->detected)},
                                      {QStringLiteral("foundBy"), messageIdKindName(result->foundBy)},
                                      {QStringLiteral("note"), result->note},
                                      {QStringLiteral("failures"), format::failuresJson(result->failures)},
                                      {QStringLiteral("messages"), messages}});
        }
    }
    out().flush();
    co_await client.shutdown();
    co_return rc;
}

const Registrar registrar({QStringLiteral("query"), QStringLiteral("Find messages by key or id, with consumption"),
                           runQuery});

} // namespace
