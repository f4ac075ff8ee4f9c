#include "CliCommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>

namespace mq::cli {

namespace {
QList<Command> &registry()
{
    static QList<Command> list;
    return list;
}
} // namespace

void registerCommand(Command command)
{
    registry().append(std::move(command));
}
const QList<Command> &commands()
{
    return registry();
}

} // namespace mq::cli

namespace {

void printUsage(QTextStream &out)
{
    out << "Usage: mqdesk-cli <command> [options]\n"
           "       mqdesk-cli --version | --help\n\n"
           "Commands (mqdesk-cli <command> --help for each):\n";
    auto list = mq::cli::commands();
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
    for (const auto &c : list)
        out << "  " << c.name.leftJustified(10) << c.summary << "\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mqdesk-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("MQCloud"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MQDESK_VERSION));
    QTextStream out(stdout), err(stderr);

    QStringList args = app.arguments();
    if (args.size() < 2 || args[1] == u"--help" || args[1] == u"-h" || args[1] == u"help") {
        printUsage(args.size() < 2 ? err : out);
        return args.size() < 2 ? mq::cli::ExitUsage : mq::cli::ExitOk;
    }
    if (args[1] == u"--version" || args[1] == u"-v") {
        out << "mqdesk-cli " << MQDESK_VERSION << "\n";
        return mq::cli::ExitOk;
    }
    const QString name = args[1];
    const auto &list = mq::cli::commands();
    const auto it = std::find_if(list.begin(), list.end(), [&](const auto &c) { return c.name == name; });
    if (it == list.end()) {
        err << "mqdesk-cli: unknown command '" << name << "'\n\n";
        printUsage(err);
        return mq::cli::ExitUsage;
    }
    args.removeAt(1);
    args[0] = QStringLiteral("mqdesk-cli ") + name;

    int exitCode = mq::cli::ExitFailure;
    bool finished = false;
    auto task = it->run(args).then([&](int rc) {
        exitCode = rc;
        finished = true;
        QCoreApplication::exit(rc);
    });
    if (!finished)
        app.exec();
    return exitCode;
}
