// `mqdesk-cli consume TOPIC --group G ...`: a push consumer that prints each message as it
// arrives, until --count messages or Ctrl+C / SIGTERM (offsets are committed either way).
#include "CommandLine.h"
#include "StopSignals.h"

#include "ClientInstance.h"
#include "Completion.h"
#include "PushConsumer.h"
#include "Validators.h"

#include <QCoro/QCoroSignal>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>
#include <QTimer>

#include <algorithm>

namespace {

using namespace mq;
using namespace mq::cli;

// --from: last | first | yyyyMMddHHmmss (local, like the Java consumeTimestamp) | epoch ms | ISO 8601.
Result<std::pair<ConsumeStart, QDateTime>> parseFrom(const QString &text)
{
    const QString t = text.trimmed();
    if (t.compare(u"last", Qt::CaseInsensitive) == 0)
        return std::pair{ConsumeStart::LastOffset, QDateTime()};
    if (t.compare(u"first", Qt::CaseInsensitive) == 0)
        return std::pair{ConsumeStart::FirstOffset, QDateTime()};
    QDateTime when;
    bool digits = !t.isEmpty() && std::all_of(t.begin(), t.end(), [](QChar c) { return c.isDigit(); });
    if (digits && t.size() == 14)
        when = QDateTime::fromString(t, QStringLiteral("yyyyMMddHHmmss"));
    else if (digits)
        when = QDateTime::fromMSecsSinceEpoch(t.toLongLong());
    else
        when = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!when.isValid())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("--from wants last, first, a time as yyyyMMddHHmmss, milliseconds since "
                                        "1970 or ISO 8601 (2026-11-24T10:00:00); got \"%1\"")
                             .arg(text));
    return std::pair{ConsumeStart::Timestamp, when};
}

QString hostText(const HostAndPort &h)
{
    return h.port == 0 && h.address.isNull() ? QString() : h.toString();
}

// Text when the body is valid UTF-8, base64 otherwise.
std::pair<QString, QString> bodyText(const QByteArray &body)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(body);
    if (!decoder.hasError())
        return {text, QStringLiteral("utf8")};
    return {QString::fromLatin1(body.toBase64()), QStringLiteral("base64")};
}

QJsonObject toJson(const MessageExt &m)
{
    QJsonObject properties;
    for (const auto &[k, v] : m.properties.entries())
        properties.insert(k, v);
    const auto [body, encoding] = bodyText(m.body);
    return QJsonObject{
        {QStringLiteral("topic"), m.topic},
        {QStringLiteral("queueId"), m.queueId},
        {QStringLiteral("queueOffset"), m.queueOffset},
        {QStringLiteral("msgId"), m.msgId()},
        {QStringLiteral("offsetMsgId"), m.offsetMsgId},
        {QStringLiteral("tags"), m.tags()},
        {QStringLiteral("keys"), QJsonArray::fromStringList(m.keys())},
        {QStringLiteral("reconsumeTimes"), m.reconsumeTimes},
        {QStringLiteral("bornTimestamp"), m.bornTimestamp},
        {QStringLiteral("storeTimestamp"), m.storeTimestamp},
        {QStringLiteral("bornHost"), hostText(m.bornHost)},
        {QStringLiteral("storeHost"), hostText(m.storeHost)},
        {QStringLiteral("properties"), properties},
        {QStringLiteral("bodyEncoding"), encoding},
        {QStringLiteral("body"), body},
    };
}

void printHuman(const MessageExt &m)
{
    const auto [body, encoding] = bodyText(m.body);
    out() << QDateTime::fromMSecsSinceEpoch(m.storeTimestamp).toString(Qt::ISODateWithMs) << " " << m.topic << ":"
          << m.queueId << "@" << m.queueOffset << " msgId=" << m.msgId();
    if (!m.tags().isEmpty())
        out() << " tags=" << m.tags();
    if (!m.keys().isEmpty())
        out() << " keys=" << m.keys().join(u' ');
    if (m.reconsumeTimes > 0)
        out() << " reconsumeTimes=" << m.reconsumeTimes;
    out() << "\n  " << (encoding == u"utf8" ? body : QStringLiteral("(binary, base64) ") + body) << "\n";
    out().flush();
}

QCoro::Task<int> runConsume(QStringList args)
{
    CommandLine cli(
        args,
        QStringLiteral("Consumes TOPIC as a member of consumer group --group and prints each message as it arrives,\n"
                       "until --count messages or Ctrl+C. Offsets are committed (on the broker; with --broadcast in a\n"
                       "local file) every 5 s and on exit, so the next run continues after the last message printed.\n"
                       "Exit codes: 0 done, 2 usage, 3 connection/timeout, 4 broker refused."));
    QCommandLineParser &parser = cli.parser();
    parser.addPositionalArgument(QStringLiteral("topic"), QStringLiteral("The topic."));
    parser.addOption({{QStringLiteral("g"), QStringLiteral("group")},
                      QStringLiteral("Consumer group (required)."),
                      QStringLiteral("group")});
    parser.addOption({{QStringLiteral("t"), QStringLiteral("tag")},
                      QStringLiteral("Tag expression: * (default) or \"TagA || TagB\"."),
                      QStringLiteral("expression"),
                      QStringLiteral("*")});
    parser.addOption({QStringLiteral("broadcast"),
                      QStringLiteral("Broadcasting: receive every message, offsets kept locally (default: clustering, "
                                     "the group's members share the queues).")});
    parser.addOption(
        {QStringLiteral("offsets-file"),
         QStringLiteral("With --broadcast: the offsets file (default: per group under the app data folder)."),
         QStringLiteral("path")});
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("Where a group with no committed offset starts: last (default), first, or a time "
                                     "(yyyyMMddHHmmss, epoch ms, ISO 8601)."),
                      QStringLiteral("where"), QStringLiteral("last")});
    parser.addOption({{QStringLiteral("c"), QStringLiteral("count")},
                      QStringLiteral("Stop after N messages (default: run until interrupted)."),
                      QStringLiteral("n")});
    if (auto exit = cli.parse())
        co_return *exit;
    QString topic;
    if (auto exit = cli.expectOneTopic(topic))
        co_return *exit;
    const QString group = parser.value(QStringLiteral("group"));
    if (group.isEmpty())
        co_return cli.usage(QStringLiteral("--group is required: the consumer group to consume as"));
    if (auto valid = validate::group(group); !valid)
        co_return cli.usage(valid.error());
    int count = 0;
    if (parser.isSet(QStringLiteral("count"))) {
        if (auto exit =
                cli.readInt(QStringLiteral("count"), count, 1, INT_MAX, QStringLiteral("--count must be 1 or more")))
            co_return *exit;
    }
    auto from = parseFrom(parser.value(QStringLiteral("from")));
    if (!from)
        co_return cli.usage(from.error());
    if (parser.isSet(QStringLiteral("offsets-file")) && !parser.isSet(QStringLiteral("broadcast")))
        co_return cli.usage(QStringLiteral("--offsets-file only applies with --broadcast"));
    const bool json = cli.json();

    PushConsumerOptions consumerOptions;
    consumerOptions.mode =
        parser.isSet(QStringLiteral("broadcast")) ? ConsumeMode::Broadcasting : ConsumeMode::Clustering;
    consumerOptions.consumeFrom = from->first;
    consumerOptions.consumeTimestamp = from->second;
    consumerOptions.offsetStorePath = parser.value(QStringLiteral("offsets-file"));

    ClientInstance client(cli.connection().config);
    PushConsumer consumer(group, &client, consumerOptions);
    if (auto subscribed = consumer.subscribe(topic, parser.value(QStringLiteral("tag"))); !subscribed)
        co_return cli.usage(subscribed.error());

    // Notable events go to stderr in words; stdout carries only messages (one JSON line each).
    QObject::connect(&consumer, &PushConsumer::consumerEvent, [](const ConsumerEvent &e) {
        err() << "mqdesk-cli consume: " << e.message << "\n";
        err().flush();
    });
    QObject stopper;              // context for the queued stop
    mq::Completion<bool> stopped; // completed once: count reached or SIGINT/SIGTERM
    int printed = 0;
    consumer.setHandler([&](const MessageExt &m) {
        if (json)
            printJson(toJson(m));
        else
            printHuman(m);
        if (count > 0 && ++printed >= count) {
            consumer.suspend(); // nothing more is handed over; this one is committed
            QTimer::singleShot(0, &stopper, [&stopped] { stopped.complete(true); });
        }
        return ConsumeResult::Success;
    });
    StopSignals stopSignals;
    QObject::connect(&stopSignals, &StopSignals::stopRequested, [&stopped] { stopped.complete(true); });

    // A topic the name server does not know would only give warnings forever: say so and stop.
    if (auto started = co_await client.start(); !started)
        co_return cli.fail(started.error());
    if (auto route = co_await client.topicRoute(topic); !route) {
        co_await client.shutdown();
        co_return cli.fail(route.error());
    }
    if (auto started = co_await consumer.start(); !started) {
        co_await client.shutdown();
        co_return cli.fail(started.error());
    }
    co_await stopped;
    co_await consumer.shutdown();
    co_await client.shutdown();
    out().flush();
    co_return ExitOk;
}

const Registrar registrar({QStringLiteral("consume"), QStringLiteral("Consume a topic and print its messages"),
                           runConsume});

} // namespace
