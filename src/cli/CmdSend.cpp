// `mqdesk-cli send TOPIC ...`: send messages and print each send result.
#include "CommandLine.h"

#include "ClientInstance.h"
#include "Producer.h"
#include "Validators.h"

#include <QFile>
#include <QJsonObject>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace {

using namespace mq;
using namespace mq::cli;

QJsonObject toJson(const SendResult &r)
{
    // Field names as the Java client's SendResult (fixtures' "send" lines), plus where it went.
    return QJsonObject{
        {QStringLiteral("sendStatus"), sendStatusName(r.status)},
        {QStringLiteral("msgId"), r.msgId},
        {QStringLiteral("offsetMsgId"), r.offsetMsgId},
        {QStringLiteral("messageQueue"), QJsonObject{{QStringLiteral("topic"), r.messageQueue.topic},
                                                     {QStringLiteral("brokerName"), r.messageQueue.brokerName},
                                                     {QStringLiteral("queueId"), r.messageQueue.queueId}}},
        {QStringLiteral("queueOffset"), r.queueOffset},
        {QStringLiteral("regionId"), r.regionId},
        {QStringLiteral("traceOn"), r.traceOn},
        {QStringLiteral("brokerAddress"), r.brokerAddress},
        {QStringLiteral("attempts"), r.attempts},
    };
}

void printHuman(const SendResult &r)
{
    out() << sendStatusName(r.status) << " msgId=" << r.msgId << " offsetMsgId=" << r.offsetMsgId
          << " queue=" << r.messageQueue.toString() << " queueOffset=" << r.queueOffset
          << " broker=" << r.brokerAddress;
    if (r.attempts > 1)
        out() << " attempts=" << r.attempts << " (failed: " << r.failedBrokers.join(QStringLiteral(", ")) << ")";
    out() << "\n";
    out().flush();
}

Result<QByteArray> readBody(const QCommandLineParser &parser)
{
    const bool hasBody = parser.isSet(QStringLiteral("body"));
    const bool hasFile = parser.isSet(QStringLiteral("file"));
    if (hasBody && hasFile)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("give either --body or --file, not both"));
    if (hasBody)
        return parser.value(QStringLiteral("body")).toUtf8();
    QFile file;
    if (hasFile) {
        file.setFileName(parser.value(QStringLiteral("file")));
        if (!file.open(QIODevice::ReadOnly))
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    } else {
#ifdef Q_OS_UNIX
        if (::isatty(STDIN_FILENO))
            err() << "(reading the message body from the terminal; end it with Ctrl+D)\n";
        err().flush();
#endif
        if (!file.open(stdin, QIODevice::ReadOnly))
            return makeError(Error::Code::InvalidArgument, QStringLiteral("cannot read standard input"));
    }
    // Read before any connection is opened, so nothing on the event loop is waiting.
    return file.readAll();
}

Result<Message> buildMessage(const QCommandLineParser &parser, const QString &topic, QByteArray body)
{
    Message m;
    m.topic = topic;
    m.body = std::move(body);
    m.setTags(parser.value(QStringLiteral("tag")));
    m.setKeys(parser.values(QStringLiteral("key")));
    for (const QString &p : parser.values(QStringLiteral("prop"))) {
        const qsizetype eq = p.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("--prop wants name=value, got \"%1\"").arg(p));
        const QString name = p.left(eq), value = p.mid(eq + 1);
        if (auto st = validate::userProperty(name, value); !st)
            return st.error();
        m.properties.insert(name, value);
    }
    if (parser.isSet(QStringLiteral("delay"))) {
        bool ok = false;
        const int level = parser.value(QStringLiteral("delay")).toInt(&ok);
        if (!ok || level < 1)
            return makeError(
                Error::Code::InvalidArgument,
                QStringLiteral("--delay wants a delay level of 1 or more (1 = 1s ... 18 = 2h by default)"));
        m.setDelayLevel(level);
    }
    return m;
}

QCoro::Task<int> runSend(QStringList args)
{
    CommandLine cli(args, QStringLiteral("Sends a message to TOPIC. The body comes from --body, --file or standard "
                                         "input.\nExit codes: 0 sent, 2 usage, 3 connection/timeout, 4 broker "
                                         "refused, 5 no route for the topic."));
    QCommandLineParser &parser = cli.parser();
    parser.addPositionalArgument(QStringLiteral("topic"), QStringLiteral("The topic."));
    parser.addOption(
        {{QStringLiteral("t"), QStringLiteral("tag")}, QStringLiteral("Message tag."), QStringLiteral("tag")});
    parser.addOption({{QStringLiteral("k"), QStringLiteral("key")},
                      QStringLiteral("Message key (repeatable)."),
                      QStringLiteral("key")});
    parser.addOption({{QStringLiteral("p"), QStringLiteral("prop")},
                      QStringLiteral("User property (repeatable)."),
                      QStringLiteral("name=value")});
    parser.addOption(
        {QStringLiteral("delay"), QStringLiteral("Delay level (1..18 on a default broker)."), QStringLiteral("level")});
    parser.addOption(
        {{QStringLiteral("b"), QStringLiteral("body")}, QStringLiteral("Message body text."), QStringLiteral("text")});
    parser.addOption({{QStringLiteral("f"), QStringLiteral("file")},
                      QStringLiteral("Read the body from a file."),
                      QStringLiteral("path")});
    parser.addOption({{QStringLiteral("c"), QStringLiteral("count")},
                      QStringLiteral("Send the message N times."),
                      QStringLiteral("n"),
                      QStringLiteral("1")});
    parser.addOption({QStringLiteral("oneway"), QStringLiteral("Send without waiting for the broker's answer.")});
    if (auto exit = cli.parse(QStringLiteral("mqdesk-cli")))
        co_return *exit;
    QString topic;
    if (auto exit = cli.expectOneTopic(topic))
        co_return *exit;
    int count = 1;
    if (auto exit =
            cli.readInt(QStringLiteral("count"), count, 1, INT_MAX, QStringLiteral("--count must be 1 or more")))
        co_return *exit;
    auto body = readBody(parser);
    if (!body)
        co_return cli.usage(body.error());
    auto message = buildMessage(parser, topic, std::move(body).value());
    if (!message)
        co_return cli.usage(message.error());
    // Check what we can before connecting: a bad topic or body is a usage error, not a network one.
    if (auto valid = validate::message(*message); !valid)
        co_return cli.usage(valid.error());
    const bool json = cli.json();
    const ConnectionArgs &options = cli.connection();

    ClientInstance client(options.config);
    Producer producer(&client, options.group);
    if (auto started = co_await producer.start(); !started) {
        co_await client.shutdown();
        co_return cli.fail(started.error());
    }
    SendOptions sendOptions;
    sendOptions.timeout = options.timeout;
    int exitCode = ExitOk;
    for (int i = 0; i < count && exitCode == ExitOk; ++i) {
        if (parser.isSet(QStringLiteral("oneway"))) {
            const Status sent = co_await producer.sendOneway(*message, sendOptions);
            if (!sent)
                exitCode = cli.fail(sent.error());
            else if (json)
                printJson(QJsonObject{{QStringLiteral("oneway"), true}, {QStringLiteral("topic"), message->topic}});
            else
                out() << "sent oneway to " << message->topic << "\n";
            continue;
        }
        auto sent = co_await producer.send(*message, sendOptions);
        if (!sent)
            exitCode = cli.fail(sent.error());
        else if (json)
            printJson(toJson(*sent));
        else
            printHuman(*sent);
    }
    out().flush();
    co_await producer.shutdown();
    co_await client.shutdown();
    co_return exitCode;
}

const Registrar registrar({QStringLiteral("send"), QStringLiteral("Send messages to a topic"), runSend});

} // namespace
