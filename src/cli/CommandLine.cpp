#include "CommandLine.h"

#include "AdminTypes.h"

namespace mq::cli {

CommandLine::CommandLine(QStringList args, const QString &description)
    : m_args(std::move(args))
    , m_command(m_args.value(0))
{
    m_parser.setApplicationDescription(description);
}

std::optional<int> CommandLine::parse(const QString &defaultGroup)
{
    addConnectionOptions(m_parser, defaultGroup);
    if (auto exit = parseOrExit(m_parser, m_args))
        return exit;
    m_json = m_parser.isSet(QStringLiteral("json"));
    auto options = readConnectionOptions(m_parser, !defaultGroup.isEmpty());
    if (!options)
        return usage(options.error());
    m_connection = std::move(options).value();
    return std::nullopt;
}

std::optional<int> CommandLine::expectNoArguments(const QString &hint) const
{
    if (m_parser.positionalArguments().isEmpty())
        return std::nullopt;
    QString message = QStringLiteral("unexpected argument '%1'").arg(m_parser.positionalArguments().first());
    if (!hint.isEmpty())
        message += QStringLiteral(" (%1)").arg(hint);
    return usage(message);
}

std::optional<int> CommandLine::expectOneTopic(QString &topic) const
{
    if (m_parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("give exactly one TOPIC"));
    topic = m_parser.positionalArguments().first();
    return std::nullopt;
}

std::optional<int> CommandLine::readInt(const QString &name, int &value, int min, int max, const QString &problem) const
{
    bool ok = false;
    const qlonglong number = m_parser.value(name).toLongLong(&ok);
    if (!ok || number < min || number > max)
        return usage(problem.isEmpty()
                         ? QStringLiteral("--%1 must be a number from %2 to %3").arg(name).arg(min).arg(max)
                         : problem);
    value = int(number);
    return std::nullopt;
}

std::optional<int> CommandLine::readInts(std::initializer_list<IntOption> options) const
{
    for (const IntOption &o : options)
        if (auto exit = readInt(o.name, *o.value, o.min, o.max))
            return exit;
    return std::nullopt;
}

std::optional<int> CommandLine::readTime(const QString &name, qint64 &value) const
{
    if (!m_parser.isSet(name))
        return std::nullopt;
    auto timestamp = parseTimestamp(m_parser.value(name));
    if (!timestamp)
        return usage(QStringLiteral("--%1: %2").arg(name, timestamp.error().message));
    value = *timestamp;
    return std::nullopt;
}

} // namespace mq::cli
