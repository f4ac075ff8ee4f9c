#pragma once

// What every networked mqdesk-cli subcommand shares: the connection options
// (--namesrv | --resolver, --access-key/--secret-key, --tls, --timeout, --group, --json),
// turning an Error into an exit code and a message, and JSON output helpers.

#include "CliCommand.h"
#include "ClientConfig.h"
#include "Result.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QTextStream>

#include <chrono>
#include <initializer_list>

namespace mq::cli {

struct ConnectionArgs {
    ClientConfig config;
    QString group;
    bool json = false;
    std::chrono::milliseconds timeout{3000};
};

// Adds the shared options to `parser` (plus --help). `defaultGroup` empty = no --group option.
void addConnectionOptions(QCommandLineParser &parser, const QString &defaultGroup = {});
// Reads them back. --namesrv and --resolver are exclusive; with neither, NAMESRV_ADDR from the
// environment is used like the Java tools do. Errors are usage errors, worded for the user.
// `withGroup`: the parser has --group (addConnectionOptions got a default group).
Result<ConnectionArgs> readConnectionOptions(const QCommandLineParser &parser, bool withGroup = false);

// Parses `args`; on --help prints the help and returns ExitOk, on bad options prints the
// problem and returns ExitUsage; std::nullopt means "go on".
std::optional<int> parseOrExit(QCommandLineParser &parser, const QStringList &args);

// Usage 2 (InvalidArgument), connection 3 (Network, Timeout, Resolver, Cancelled),
// broker refusal 4 (Broker), not found 5 (NotFound), anything else 1.
int exitCodeFor(const Error &error);
QString errorCodeName(Error::Code code);

// Reports `error` (stderr in words, or a JSON object on stdout with --json) and returns its exit code.
int fail(const QString &command, const Error &error, bool json);
// A usage problem found by the command itself.
int usage(const QString &command, const QString &message, bool json);

QTextStream &out();
QTextStream &err();
void printJson(const QJsonObject &object); // one compact line

// One line of a text table ("\n" included): each cell left-aligned and padded to its width.
struct Cell {
    QString text;
    int width = 0;
};
QString tableRow(std::initializer_list<Cell> cells);

} // namespace mq::cli
