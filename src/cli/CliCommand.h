#pragma once

#include <QCoro/QCoroTask>
#include <QString>
#include <QStringList>

#include <functional>

namespace mq::cli {

// Exit codes every subcommand shares, so scripts can tell failures apart.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,       // anything not covered below
    ExitUsage = 2,         // bad arguments
    ExitConnection = 3,    // name server / broker unreachable, resolver failed, timeouts
    ExitBrokerRefused = 4, // the broker answered with an error code
    ExitNotFound = 5,      // a query found nothing
};

// One `mqdesk-cli <name> ...` subcommand. `run` receives the arguments after the name
// (argv[0] replaced by "mqdesk-cli <name>") and returns the process exit code.
struct Command {
    QString name;
    QString summary;
    std::function<QCoro::Task<int>(QStringList)> run;
};

// Subcommands register themselves from their own file with a static Registrar.
void registerCommand(Command command);
const QList<Command> &commands();

struct Registrar {
    explicit Registrar(Command command) { registerCommand(std::move(command)); }
};

} // namespace mq::cli
