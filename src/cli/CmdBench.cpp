// `mqdesk-cli bench produce|consume`: how fast our own client sends and receives against any
// cluster (or `mqdesk-cli sandbox`): messages/s, latency percentiles, CPU seconds per 100 000
// messages and peak resident memory, as text or one JSON object.
#include "CommandLine.h"

#include "Completion.h"

#include "ClientInstance.h"
#include "PerfStats.h"
#include "Producer.h"
#include "PushConsumer.h"
#include "Validators.h"

#include <QCoro/QCoroSignal>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace {

using namespace mq;
using namespace mq::cli;

constexpr int kMaxErrorsKept = 5;

const QString kProduceDescription =
    QStringLiteral("bench produce: sends --count messages of --size bytes to --topic with --inflight sends in flight\n"
                   "(each a batch of --batch messages when --batch > 1) and reports messages/s, per-send latency\n"
                   "percentiles, CPU seconds per 100 000 messages and peak resident memory. Bodies of 4096 bytes or\n"
                   "more are zlib-compressed like the Java producer does.\n"
                   "Exit codes: 0 all sent, 1 some sends failed, 2 usage, 3 connection/timeout, 4 broker refused.");
const QString kConsumeDescription = QStringLiteral(
    "bench consume: consumes --count messages of --topic as --group and reports messages/s (first to last\n"
    "message), born-to-handled latency percentiles (the message's age when handled: end-to-end latency\n"
    "while a producer runs, backlog age when draining), CPU seconds per 100 000 messages and peak resident\n"
    "memory. Stops early after --idle-timeout seconds without a message.\n"
    "Exit codes: 0 all received, 1 fewer than --count, 2 usage, 3 connection/timeout, 4 broker refused.");

double mib(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

QJsonObject toJson(const perf::Percentiles &p)
{
    return QJsonObject{{QStringLiteral("count"), qint64(p.count)},
                       {QStringLiteral("mean"), p.mean},
                       {QStringLiteral("p50"), p.p50},
                       {QStringLiteral("p90"), p.p90},
                       {QStringLiteral("p99"), p.p99},
                       {QStringLiteral("max"), p.max}};
}

QString percentilesText(const perf::Percentiles &p)
{
    const auto f = [](double v) { return QString::number(v, 'f', v < 10 ? 3 : 1); };
    return QStringLiteral("p50 %1  p90 %2  p99 %3  max %4  mean %5 ms")
        .arg(f(p.p50), f(p.p90), f(p.p99), f(p.max), f(p.mean));
}

void addProduceOptions(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("topic"), QStringLiteral("Topic to send to (required)."), QStringLiteral("topic")});
    parser.addOption({QStringLiteral("size"), QStringLiteral("Body size in bytes (default 128)."),
                      QStringLiteral("bytes"), QStringLiteral("128")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("Messages to send (default 10000)."), QStringLiteral("n"),
                      QStringLiteral("10000")});
    parser.addOption({QStringLiteral("inflight"), QStringLiteral("Sends in flight at once (default 32)."),
                      QStringLiteral("k"), QStringLiteral("32")});
    parser.addOption({QStringLiteral("batch"),
                      QStringLiteral("Messages per send; more than 1 uses SEND_BATCH_MESSAGE (default 1)."),
                      QStringLiteral("m"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("tag"), QStringLiteral("Tag of every message (default bench)."),
                      QStringLiteral("tag"), QStringLiteral("bench")});
    parser.addOption({QStringLiteral("warmup"),
                      QStringLiteral("Messages sent (and not measured) before the run: connects, creates the "
                                     "route (default 100)."),
                      QStringLiteral("n"), QStringLiteral("100")});
}

// `withProduce`: the parser already has produce's options (the shared help text).
void addConsumeOptions(QCommandLineParser &parser, bool withProduce = false)
{
    if (!withProduce) {
        parser.addOption(
            {QStringLiteral("topic"), QStringLiteral("Topic to consume (required)."), QStringLiteral("topic")});
        parser.addOption({QStringLiteral("count"), QStringLiteral("Messages to consume (default 10000)."),
                          QStringLiteral("n"), QStringLiteral("10000")});
    }
    parser.addOption({QStringLiteral("group"),
                      withProduce ? QStringLiteral("consume: the consumer group (required); produce: the producer "
                                                   "group (default mqdesk-bench).")
                                  : QStringLiteral("Consumer group (required)."),
                      QStringLiteral("group")});
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("Where a group with no committed offset starts: first (default) or last."),
                      QStringLiteral("where"), QStringLiteral("first")});
    parser.addOption({QStringLiteral("pull-batch"), QStringLiteral("Messages per pull (default 32)."),
                      QStringLiteral("n"), QStringLiteral("32")});
    parser.addOption({QStringLiteral("idle-timeout"),
                      QStringLiteral("Stop after this many seconds without a message (default 15)."),
                      QStringLiteral("seconds"), QStringLiteral("15")});
}

// ---- produce ---------------------------------------------------------------------------------

struct ProduceRun {
    Producer *producer = nullptr;
    Message message;
    SendOptions sendOptions;
    int count = 0;
    int batch = 1;
    int claimed = 0;
    qint64 sent = 0;
    qint64 failed = 0;
    qint64 retried = 0; // sends that needed more than one attempt
    perf::Samples latencyNs;
    QList<Error> errors; // the first few
    bool aborted = false;
};

QCoro::Task<> produceWorker(ProduceRun &run)
{
    while (!run.aborted && run.claimed < run.count) {
        const int n = std::min(run.batch, run.count - run.claimed);
        run.claimed += n;
        QElapsedTimer clock;
        clock.start();
        // Two statements, not a ?: of two co_awaits (g++ 12 mishandles that).
        std::optional<Result<SendResult>> result;
        if (run.batch > 1)
            result.emplace(co_await run.producer->sendBatch(QList<Message>(n, run.message), run.sendOptions));
        else
            result.emplace(co_await run.producer->send(run.message, run.sendOptions));
        run.latencyNs.add(clock.nsecsElapsed());
        if (result->ok()) {
            run.sent += n;
            run.retried += (*result)->attempts > 1;
            continue;
        }
        run.failed += n;
        if (run.errors.size() < kMaxErrorsKept)
            run.errors.append(result->error());
        // A dead cluster would otherwise cost one timeout per remaining message.
        if (run.failed > std::max<qint64>(100, run.count / 100))
            run.aborted = true;
    }
}

QByteArray benchBody(int size)
{
    // Printable and not trivially compressible, so compressed (>= 4 KiB) bodies stay realistic.
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    QRandomGenerator random(20261124);
    QByteArray body(size, Qt::Uninitialized);
    for (char &c : body)
        c = alphabet[random.bounded(64)];
    return body;
}

QCoro::Task<int> runProduce(QStringList args)
{
    CommandLine cli(args, kProduceDescription);
    addProduceOptions(cli.parser());
    if (auto exit = cli.parse(QStringLiteral("mqdesk-bench")))
        co_return *exit;
    const QString topic = cli.value(QStringLiteral("topic"));
    if (topic.isEmpty())
        co_return cli.usage(QStringLiteral("--topic is required"));
    if (auto valid = validate::topic(topic); !valid)
        co_return cli.usage(valid.error());
    int size = 0, count = 0, inflight = 0, batch = 0, warmup = 0;
    if (auto exit = cli.readInts({{QStringLiteral("size"), &size, 0, 4 * 1024 * 1024},
                                  {QStringLiteral("count"), &count, 1, 100000000},
                                  {QStringLiteral("inflight"), &inflight, 1, 10000},
                                  {QStringLiteral("batch"), &batch, 1, 10000},
                                  {QStringLiteral("warmup"), &warmup, 0, 1000000}}))
        co_return *exit;
    const bool json = cli.json();
    const ConnectionArgs &options = cli.connection();

    ProduceRun run;
    run.message.topic = topic;
    run.message.body = benchBody(size);
    run.message.setTags(cli.value(QStringLiteral("tag")));
    if (auto valid = validate::message(run.message); !valid)
        co_return cli.usage(valid.error());
    run.count = count;
    run.batch = batch;
    run.sendOptions.timeout = options.timeout;

    ClientInstance client(options.config);
    Producer producer(&client, options.group);
    run.producer = &producer;
    if (auto started = co_await producer.start(); !started) {
        co_await client.shutdown();
        co_return cli.fail(started.error());
    }
    for (int i = 0; i < warmup; ++i) {
        if (auto sent = co_await producer.send(run.message, run.sendOptions); !sent) {
            co_await producer.shutdown();
            co_await client.shutdown();
            co_return cli.fail(sent.error());
        }
    }

    run.latencyNs.reserve((run.count + run.batch - 1) / run.batch);
    const double cpuBefore = perf::cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    std::vector<QCoro::Task<>> workers;
    for (int i = 0; i < inflight; ++i)
        workers.push_back(produceWorker(run));
    for (const auto &w : workers)
        co_await w;
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    const double cpu = perf::cpuSeconds() - cpuBefore;
    const qint64 peakRss = perf::peakResidentBytes();
    co_await producer.shutdown();
    co_await client.shutdown();

    const qint64 attempted = run.sent + run.failed;
    const perf::Percentiles latency = run.latencyNs.summary(1e6);
    const double rate = seconds > 0 ? double(run.sent) / seconds : 0;
    const double cpuPer100k = attempted > 0 ? cpu * 100000.0 / double(attempted) : 0;
    if (json) {
        QJsonArray errors;
        for (const Error &e : run.errors)
            errors.append(
                QJsonObject{{QStringLiteral("code"), errorCodeName(e.code)}, {QStringLiteral("message"), e.message}});
        printJson(QJsonObject{
            {QStringLiteral("bench"), QStringLiteral("produce")},
            {QStringLiteral("topic"), topic},
            {QStringLiteral("size"), size},
            {QStringLiteral("count"), run.count},
            {QStringLiteral("inflight"), inflight},
            {QStringLiteral("batch"), run.batch},
            {QStringLiteral("sent"), run.sent},
            {QStringLiteral("failed"), run.failed},
            {QStringLiteral("retried"), run.retried},
            {QStringLiteral("aborted"), run.aborted},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("messagesPerSecond"), rate},
            {QStringLiteral("mibPerSecond"), rate * size / (1024.0 * 1024.0)},
            {QStringLiteral("latencyMs"), toJson(latency)},
            {QStringLiteral("cpuSeconds"), cpu},
            {QStringLiteral("cpuSecondsPer100k"), cpuPer100k},
            {QStringLiteral("peakRssMiB"), mib(peakRss)},
            {QStringLiteral("errors"), errors},
        });
    } else {
        out() << "produce " << topic << ": " << run.sent << " of " << run.count << " messages sent, " << size
              << " bytes each, " << inflight << " in flight"
              << (run.batch > 1 ? QStringLiteral(", batches of %1").arg(run.batch) : QString()) << "\n";
        out() << "  throughput   " << QString::number(rate, 'f', 0) << " msg/s ("
              << QString::number(rate * size / (1024.0 * 1024.0), 'f', 2) << " MiB/s) in "
              << QString::number(seconds, 'f', 2) << " s\n";
        out() << "  latency      " << percentilesText(latency) << " (per " << (run.batch > 1 ? "batch" : "send")
              << ")\n";
        out() << "  cpu          " << QString::number(cpu, 'f', 2) << " s (" << QString::number(cpuPer100k, 'f', 2)
              << " s per 100k messages)\n";
        out() << "  peak rss     " << QString::number(mib(peakRss), 'f', 1) << " MiB\n";
        if (run.retried > 0)
            out() << "  retried      " << run.retried << " sends needed another broker\n";
        if (run.failed > 0) {
            out() << "  failed       " << run.failed << (run.aborted ? " (stopped early: too many failures)" : "")
                  << "\n";
            for (const Error &e : run.errors)
                out() << "    " << errorCodeName(e.code) << ": " << e.message << "\n";
        }
    }
    out().flush();
    co_return run.failed == 0 ? ExitOk : (run.sent == 0 ? exitCodeFor(run.errors.first()) : ExitFailure);
}

// ---- consume ---------------------------------------------------------------------------------

QCoro::Task<int> runConsume(QStringList args)
{
    CommandLine cli(args, kConsumeDescription);
    addConsumeOptions(cli.parser());
    if (auto exit = cli.parse())
        co_return *exit;
    const QString topic = cli.value(QStringLiteral("topic"));
    const QString group = cli.value(QStringLiteral("group"));
    if (topic.isEmpty() || group.isEmpty())
        co_return cli.usage(QStringLiteral("--topic and --group are required"));
    if (auto valid = validate::topic(topic); !valid)
        co_return cli.usage(valid.error());
    if (auto valid = validate::group(group); !valid)
        co_return cli.usage(valid.error());
    int count = 0, pullBatch = 0, idle = 0;
    if (auto exit = cli.readInts({{QStringLiteral("count"), &count, 1, 100000000},
                                  {QStringLiteral("pull-batch"), &pullBatch, 1, 1024},
                                  {QStringLiteral("idle-timeout"), &idle, 1, 86400}}))
        co_return *exit;
    const QString from = cli.value(QStringLiteral("from"));
    if (from != u"first" && from != u"last")
        co_return cli.usage(QStringLiteral("--from must be first or last"));
    const bool json = cli.json();

    PushConsumerOptions consumerOptions;
    consumerOptions.consumeFrom = from == u"first" ? ConsumeStart::FirstOffset : ConsumeStart::LastOffset;
    consumerOptions.pullBatchSize = pullBatch;
    ClientInstance client(cli.connection().config);
    PushConsumer consumer(group, &client, consumerOptions);
    if (auto subscribed = consumer.subscribe(topic); !subscribed)
        co_return cli.usage(subscribed.error());

    QObject stopper; // context for the queued stop and the idle check
    mq::Completion<bool> stopped;
    const auto stop = [&stopped] { stopped.complete(true); };
    QElapsedTimer clock;
    qint64 received = 0, firstNs = -1, lastNs = -1, lastActivityMs = 0;
    perf::Samples ageMs;
    ageMs.reserve(count);
    consumer.setHandler([&](const MessageExt &m) {
        if (received >= count)
            return ConsumeResult::Success; // already in flight when the count was reached
        lastNs = clock.nsecsElapsed();
        lastActivityMs = lastNs / 1000000;
        if (firstNs < 0)
            firstNs = lastNs;
        ageMs.add(QDateTime::currentMSecsSinceEpoch() - m.bornTimestamp);
        if (++received == count) {
            consumer.suspend();
            QTimer::singleShot(0, &stopper, stop);
        }
        return ConsumeResult::Success;
    });
    QTimer idleCheck;
    QObject::connect(&idleCheck, &QTimer::timeout, &stopper, [&] {
        if (clock.elapsed() - lastActivityMs > qint64(idle) * 1000)
            stop();
    });

    if (auto started = co_await client.start(); !started)
        co_return cli.fail(started.error());
    if (auto route = co_await client.topicRoute(topic); !route) {
        co_await client.shutdown();
        co_return cli.fail(route.error());
    }
    const double cpuBefore = perf::cpuSeconds();
    clock.start();
    if (auto started = co_await consumer.start(); !started) {
        co_await client.shutdown();
        co_return cli.fail(started.error());
    }
    idleCheck.start(250);
    co_await stopped;
    idleCheck.stop();
    const double cpu = perf::cpuSeconds() - cpuBefore;
    const qint64 peakRss = perf::peakResidentBytes();
    co_await consumer.shutdown();
    co_await client.shutdown();

    const double seconds = received > 1 ? double(lastNs - firstNs) / 1e9 : 0;
    const double rate = seconds > 0 ? double(received - 1) / seconds : 0;
    const double firstMs = firstNs >= 0 ? double(firstNs) / 1e6 : -1;
    const double cpuPer100k = received > 0 ? cpu * 100000.0 / double(received) : 0;
    const perf::Percentiles age = ageMs.summary();
    if (json) {
        printJson(QJsonObject{
            {QStringLiteral("bench"), QStringLiteral("consume")},
            {QStringLiteral("topic"), topic},
            {QStringLiteral("group"), group},
            {QStringLiteral("count"), count},
            {QStringLiteral("received"), received},
            {QStringLiteral("firstMessageAfterMs"), firstMs},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("messagesPerSecond"), rate},
            {QStringLiteral("bornToHandledMs"), toJson(age)},
            {QStringLiteral("cpuSeconds"), cpu},
            {QStringLiteral("cpuSecondsPer100k"), cpuPer100k},
            {QStringLiteral("peakRssMiB"), mib(peakRss)},
        });
    } else {
        out() << "consume " << topic << " as " << group << ": " << received << " of " << count << " messages received"
              << (received < count ? QStringLiteral(" (idle timeout)") : QString()) << "\n";
        out() << "  first message " << QString::number(firstMs, 'f', 1) << " ms after start\n";
        out() << "  throughput   " << QString::number(rate, 'f', 0) << " msg/s over "
              << QString::number(seconds, 'f', 2) << " s (first to last message)\n";
        out() << "  born->handled " << percentilesText(age) << "\n";
        out() << "  cpu          " << QString::number(cpu, 'f', 2) << " s (" << QString::number(cpuPer100k, 'f', 2)
              << " s per 100k messages)\n";
        out() << "  peak rss     " << QString::number(mib(peakRss), 'f', 1) << " MiB\n";
    }
    out().flush();
    co_return received == count ? ExitOk : ExitFailure;
}

// ---- dispatch --------------------------------------------------------------------------------

QCoro::Task<int> runBench(QStringList args)
{
    const QString mode = args.value(1);
    if (mode == u"produce" || mode == u"consume") {
        QStringList rest = args.mid(2);
        rest.prepend(args.value(0) + u' ' + mode);
        // (Not a ?: of two calls: g++ 12 evaluates both operands of a co_awaited conditional.)
        if (mode == u"produce")
            co_return co_await runProduce(rest);
        co_return co_await runConsume(rest);
    }
    // Both modes' options in one help text (the man page check reads it).
    QCommandLineParser parser;
    addProduceOptions(parser);
    addConsumeOptions(parser, true);
    addConnectionOptions(parser);
    const bool help = mode == u"--help" || mode == u"-h";
    QTextStream &stream = help ? out() : err();
    stream << "Usage: mqdesk-cli bench produce --topic T [--size B] [--count N] [--inflight K] [--batch M]\n"
              "       mqdesk-cli bench consume --topic T --group G [--count N]\n\n"
           << kProduceDescription << "\n\n"
           << kConsumeDescription << "\n\n";
    QString text = parser.helpText();
    text = text.mid(text.indexOf(QStringLiteral("Options:")));
    stream << text;
    stream.flush();
    if (help)
        co_return ExitOk;
    co_return usage(args.value(0),
                    mode.isEmpty() ? QStringLiteral("give produce or consume")
                                   : QStringLiteral("unknown bench mode \"%1\": give produce or consume").arg(mode),
                    false);
}

const Registrar registrar({QStringLiteral("bench"),
                           QStringLiteral("Measure produce / consume throughput, latency, CPU and memory"), runBench});

} // namespace
