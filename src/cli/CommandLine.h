#pragma once

// One networked subcommand's command line: its parser, the shared connection options read
// back, and the checks and usage errors every subcommand words the same way.
// The methods returning std::optional<int> give the exit code when the command must stop
// (the problem already reported, in words or as JSON with --json); std::nullopt means go on.

#include "CliCommon.h"

#include <climits>
#include <initializer_list>
#include <optional>

namespace mq::cli {

class CommandLine {
public:
    // `args[0]` is the command ("mqdesk-cli <name>"), as Command::run receives it.
    CommandLine(QStringList args, const QString &description);

    // Add the command's own options here before parse().
    QCommandLineParser &parser() { return m_parser; }

    // Adds the connection options (and --group with this default when not empty), parses,
    // prints --help, and reads the connection options back.
    std::optional<int> parse(const QString &defaultGroup = {});

    const QString &command() const { return m_command; }
    bool json() const { return m_json; }
    const ConnectionArgs &connection() const { return m_connection; }

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }

    // No positional argument: "unexpected argument 'X'", with `hint` in parentheses when given.
    std::optional<int> expectNoArguments(const QString &hint = {}) const;
    // Exactly one positional argument, the topic.
    std::optional<int> expectOneTopic(QString &topic) const;

    // A whole-number option from `min` to `max` into `value`; when it is not one, the usage
    // error `problem` (default "--NAME must be a number from MIN to MAX").
    std::optional<int> readInt(const QString &name, int &value, int min, int max = INT_MAX,
                               const QString &problem = {}) const;
    struct IntOption {
        QString name;
        int *value;
        int min;
        int max;
    };
    // readInt for each in turn, stopping at the first bad one.
    std::optional<int> readInts(std::initializer_list<IntOption> options) const;
    // A time option (ms since the epoch or ISO 8601) into `value`, when it is given.
    std::optional<int> readTime(const QString &name, qint64 &value) const;

    int usage(const QString &message) const { return mq::cli::usage(m_command, message, m_json); }
    int usage(const Error &error) const { return usage(error.message); }
    int fail(const Error &error) const { return mq::cli::fail(m_command, error, m_json); }

private:
    QStringList m_args;
    QString m_command;
    QCommandLineParser m_parser;
    ConnectionArgs m_connection;
    bool m_json = false;
};

} // namespace mq::cli
