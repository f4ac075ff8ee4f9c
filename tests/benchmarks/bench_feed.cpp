// The live feed under load: FeedModel fed N messages (default 1 000 000) at R msg/s (default
// 20 000), paced by a timer, with a FeedFilterProxy and a shown QTableView on top like
// FeedPanel sets them up (offscreen). Measures the event loop's stalls (a 1 ms heartbeat
// timer's lateness), memory per retained message, and the time to filter 100 000 rows.
// Usage: bench_feed [messages] [msg/s] [body bytes]
#include "FeedFilterProxy.h"
#include "FeedModel.h"
#include "HeapTuning.h"
#include "MessageCodec.h"
#include "PerfStats.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <functional>
#include <vector>

using namespace mq;

namespace {

constexpr int kPullBatch = 32;     // messages per pull response, the consumer's pullBatchSize
constexpr int kDistinctPulls = 64; // distinct response bodies, cycled
constexpr int kNeedlePull = 17;    // bodies of this pull carry the filter benchmark's needle

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

// A body of about `size` bytes of JSON text, different for every message.
QByteArray jsonBody(int pull, int index, int size)
{
    QByteArray body = QByteArrayLiteral("{\"orderId\":\"") + QByteArray::number(pull * 100000 + index) +
                      QByteArrayLiteral("\",\"customer\":\"c-") + QByteArray::number(index * 7919 % 100003) +
                      (pull == kNeedlePull ? QByteArrayLiteral("\",\"note\":\"zz-needle") : QByteArrayLiteral("")) +
                      QByteArrayLiteral("\",\"items\":[");
    int item = 0;
    while (body.size() < size - 40)
        body += QByteArrayLiteral("{\"sku\":") + QByteArray::number(index * 31 + item++) + QByteArrayLiteral("},");
    body += QByteArrayLiteral("{}],\"total\":") + QByteArray::number(index % 997) + '}';
    return body;
}

// Pull-response bodies as a broker serves them; decoding one gives the consumer's messages.
QList<QByteArray> buildPulls(int bodySize)
{
    QList<QByteArray> pulls;
    HostAndPort born{QHostAddress(QStringLiteral("10.0.3.17")), 52411};
    HostAndPort store{QHostAddress(QStringLiteral("10.0.0.5")), 10911};
    qint64 commitLogOffset = 0;
    for (int p = 0; p < kDistinctPulls; ++p) {
        QByteArray response;
        for (int i = 0; i < kPullBatch; ++i) {
            MessageExt m;
            m.topic = QStringLiteral("orders");
            m.body = jsonBody(p, i, bodySize);
            m.bodyCrc = bodyCrc32(m.body);
            m.setKeys({QStringLiteral("order-%1").arg(p * 1000 + i)});
            m.setTags(i % 3 ? QStringLiteral("TagA") : QStringLiteral("TagB"));
            m.properties.insert(
                QStringLiteral("UNIQ_KEY"),
                QStringLiteral("0A0003114E5C18B4AAC2%1").arg(p * kPullBatch + i, 12, 16, QLatin1Char('0')));
            m.properties.insert(QStringLiteral("WAIT"), QStringLiteral("true"));
            m.properties.insert(QStringLiteral("CLUSTER"), QStringLiteral("DefaultCluster"));
            m.properties.insert(QStringLiteral("MIN_OFFSET"), QStringLiteral("0"));
            m.properties.insert(QStringLiteral("MAX_OFFSET"), QString::number(p * kPullBatch + kPullBatch));
            m.queueId = i % 8;
            m.queueOffset = p * kPullBatch + i;
            m.commitLogOffset = commitLogOffset;
            m.bornTimestamp = 1764000000000 + p * 1000 + i;
            m.storeTimestamp = m.bornTimestamp + 2;
            m.bornHost = born;
            m.storeHost = store;
            const QByteArray stored = encodeStoredMessage(m);
            commitLogOffset += stored.size();
            response += stored;
        }
        pulls.append(response);
    }
    return pulls;
}

// Heap held by each part of a decoded message, measured by dropping the parts one by one.
void printBreakdown(const QList<QByteArray> &pulls, int count)
{
    const qint64 start = perf::heapBytes();
    std::vector<MessageExt> messages;
    messages.reserve(size_t(count));
    for (int p = 0; int(messages.size()) < count; p = (p + 1) % int(pulls.size())) {
        QList<MessageExt> batch = decodeMessages(pulls[p]).value();
        for (MessageExt &m : batch)
            if (int(messages.size()) < count)
                messages.push_back(std::move(m));
    }
    const qint64 decoded = perf::heapBytes();
    std::vector<QString> previews;
    previews.reserve(size_t(count));
    for (const MessageExt &m : messages)
        previews.push_back(gui::FeedModel::previewOf(m.body));
    const qint64 withPreviews = perf::heapBytes();
    out() << "  breakdown per message (" << count << " decoded messages, heap): everything "
          << (withPreviews - start) / count << " B = slot (sizeof MessageExt) " << sizeof(MessageExt) << " + preview "
          << (withPreviews - decoded - qint64(count) * qint64(sizeof(QString))) / count << " + slot for it "
          << sizeof(QString);
    struct Part {
        const char *name;
        std::function<void(MessageExt &)> drop;
    };
    const Part parts[] = {
        {"rawProperties", [](MessageExt &m) { m.rawProperties = QString(); }},
        {"properties", [](MessageExt &m) { m.properties = Properties(); }},
        {"body", [](MessageExt &m) { m.body = QByteArray(); }},
        {"offsetMsgId", [](MessageExt &m) { m.offsetMsgId = QString(); }},
        {"topic", [](MessageExt &m) { m.topic = QString(); }},
    };
    for (const Part &part : parts) {
        const qint64 before = perf::heapBytes();
        for (MessageExt &m : messages)
            part.drop(m);
        out() << " + " << part.name << " " << (before - perf::heapBytes()) / count;
    }
    out() << " B (hosts and topic are shared between messages)\n";
    out().flush();
}

// Times every event it delivers and keeps the ones over 16 ms: who stalled the event loop.
class TimingApplication : public QApplication {
public:
    using QApplication::QApplication;
    struct Slow {
        QString what;
        double ms;
    };
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth++ > 0) { // nested deliveries are part of the outer one
            const bool handled = QApplication::notify(receiver, event);
            --m_depth;
            return handled;
        }
        QElapsedTimer t;
        t.start();
        const QString what = QStringLiteral("%1 \"%2\" %3")
                                 .arg(QString::fromLatin1(receiver->metaObject()->className()), receiver->objectName(),
                                      QString::number(int(event->type())));
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        if (const double took = double(t.nsecsElapsed()) / 1e6; took > 16)
            m_slow.append({what, took});
        return handled;
    }
    QList<Slow> takeSlow() { return std::exchange(m_slow, {}); }

private:
    int m_depth = 0;
    QList<Slow> m_slow;
};

QString ms(double v)
{
    return QString::number(v, 'f', v < 10 ? 2 : 1);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    gui::keepLargeAllocationsOutOfTheHeap(); // as the app does
    TimingApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 total = args.size() > 1 ? args[1].toLongLong() : 1000000;
    const int rate = args.size() > 2 ? args[2].toInt() : 20000;
    const int bodySize = args.size() > 3 ? args[3].toInt() : 200;

    const QList<QByteArray> pulls = buildPulls(bodySize);
    qint64 bodyBytes = 0;
    qint64 messagesPerCycle = 0;
    for (const QByteArray &p : pulls) {
        const QList<MessageExt> messages = decodeMessages(p).value();
        for (const MessageExt &m : messages) {
            bodyBytes += m.body.size();
            ++messagesPerCycle;
        }
    }
    const double meanBody = double(bodyBytes) / double(messagesPerCycle);

    gui::FeedModel model;
    gui::FeedFilterProxy proxy;
    proxy.setFeed(&model);
    QTableView view;
    view.setModel(&proxy);
    view.horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 6);
    view.resize(1400, 900);
    view.show();
    QObject::connect(&model, &gui::FeedModel::batchInserted, &view, [&view] { view.scrollToBottom(); });
    QCoreApplication::processEvents();

    const qint64 rssBefore = perf::residentBytes();
    const qint64 heapBefore = perf::heapBytes();
    qint64 rssAtFull = 0, heapAtFull = 0;
    qint64 fedAtFull = 0;
    double cpuBefore = 0;

    // The heartbeat: how late each 1 ms tick comes is how long the event loop was busy.
    perf::Samples lateness;
    lateness.reserve(qsizetype(double(total) / rate * 1000) + 1000);
    QElapsedTimer clock;
    clock.start();
    qint64 lastBeat = 0;
    QTimer heartbeat;
    heartbeat.setObjectName(QStringLiteral("heartbeat"));
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        lateness.add(std::max<qint64>(0, now - lastBeat - 1000000));
        lastBeat = now;
    });

    // One flush: from the model's first row signal to batchInserted (view and proxy included).
    perf::Samples flushes;
    qint64 flushStart = -1;
    const auto flushBegins = [&] {
        if (flushStart < 0)
            flushStart = clock.nsecsElapsed();
    };
    QObject::connect(&model, &QAbstractItemModel::rowsAboutToBeRemoved, flushBegins);
    QObject::connect(&model, &QAbstractItemModel::rowsAboutToBeInserted, flushBegins);
    QObject::connect(&model, &gui::FeedModel::batchInserted, [&] {
        flushes.add(clock.nsecsElapsed() - flushStart);
        flushStart = -1;
    });

    // The feeder: every 5 ms, whatever whole pulls are due at `rate`.
    qint64 fed = 0;
    int nextPull = 0;
    qint64 decodeNs = 0;
    QTimer feeder;
    feeder.setObjectName(QStringLiteral("feeder"));
    feeder.setTimerType(Qt::PreciseTimer);
    feeder.setInterval(5);
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        const qint64 due = std::min(total, clock.nsecsElapsed() * rate / 1000000000);
        while (fed + kPullBatch <= due || (due == total && fed < total)) {
            QElapsedTimer d;
            d.start();
            QList<MessageExt> messages = decodeMessages(pulls[nextPull]).value();
            nextPull = (nextPull + 1) % kDistinctPulls;
            if (fed + messages.size() > total)
                messages.resize(total - fed);
            decodeNs += d.nsecsElapsed();
            model.append(1, messages);
            fed += messages.size();
        }
        if (!fedAtFull && model.rowCount() >= model.capacity()) {
            fedAtFull = fed;
            rssAtFull = perf::residentBytes();
            heapAtFull = perf::heapBytes();
        }
        if (fed >= total && model.pendingCount() == 0) {
            feeder.stop();
            heartbeat.stop();
            QCoreApplication::quit();
        }
    });
    // First 5 s of heartbeat alone: what the machine itself costs (a shared VM preempts us).
    lastBeat = clock.nsecsElapsed();
    heartbeat.start();
    QTimer::singleShot(5000, &app, &QCoreApplication::quit);
    app.exec();
    perf::Samples baseline = lateness;
    app.takeSlow();
    lateness = perf::Samples();
    lateness.reserve(baseline.count() * qsizetype(double(total) / rate / 5) + 1000);
    cpuBefore = perf::cpuSeconds();
    clock.restart();
    lastBeat = 0;
    feeder.start();
    app.exec();
    const double feedSeconds = double(clock.nsecsElapsed()) / 1e9;
    const double cpu = perf::cpuSeconds() - cpuBefore;
    QCoreApplication::processEvents();
    const qint64 retained = model.rowCount();
    const qint64 rssAfter = perf::residentBytes();
    const qint64 heapAfter = perf::heapBytes();

    // Filtering the retained rows: a needle in 1/64 of the bodies, a key, and text found nowhere.
    struct FilterRun {
        QString label, text;
        double setMs = 0, paintMs = 0;
        int rows = 0;
    };
    QList<FilterRun> filters{
        {QStringLiteral("body text in 1/64 of the rows"), QStringLiteral("zz-needle")},
        {QStringLiteral("a key (one row per cycle)"), QStringLiteral("order-17005")},
        {QStringLiteral("text found nowhere (every body searched)"), QStringLiteral("no-such-text")},
        {QStringLiteral("clear the filter"), QString()}};
    for (FilterRun &f : filters) {
        QElapsedTimer t;
        t.start();
        proxy.setText(f.text);
        f.setMs = double(t.nsecsElapsed()) / 1e6;
        f.rows = proxy.rowCount();
        view.repaint();
        QCoreApplication::processEvents();
        f.paintMs = double(t.nsecsElapsed()) / 1e6 - f.setMs;
    }

    const perf::Percentiles late = lateness.summary(1e6);
    const double perMessageFull = fedAtFull ? double(rssAtFull - rssBefore) / double(model.capacity()) : 0;
    const double perMessageEnd = double(rssAfter - rssBefore) / double(retained);
    const double heapPerMessageFull = fedAtFull ? double(heapAtFull - heapBefore) / double(model.capacity()) : 0;
    const double heapPerMessageEnd = double(heapAfter - heapBefore) / double(retained);

    out() << "feed: " << fed << " messages at " << rate << " msg/s (mean body " << QString::number(meanBody, 'f', 0)
          << " B) in " << QString::number(feedSeconds, 'f', 1) << " s, capacity " << model.capacity() << ", "
          << retained << " retained\n";
    out() << "  cpu " << QString::number(cpu, 'f', 1) << " s (" << QString::number(100 * cpu / feedSeconds, 'f', 0)
          << "% of one core), decoding " << QString::number(double(decodeNs) / 1e9, 'f', 1) << " s of it\n";
    out() << "  event-loop lateness (1 ms heartbeat, " << late.count << " ticks): p50 " << ms(late.p50) << " p90 "
          << ms(late.p90) << " p99 " << ms(late.p99) << " max " << ms(late.max) << " ms; "
          << lateness.countAbove(16000000) << " ticks over 16 ms, " << lateness.countAbove(50000000) << " over 50 ms\n";
    const perf::Percentiles idle = baseline.summary(1e6);
    out() << "  the same heartbeat idle for 5 s before: p50 " << ms(idle.p50) << " p90 " << ms(idle.p90) << " p99 "
          << ms(idle.p99) << " max " << ms(idle.max) << " ms\n";
    QMap<QString, QList<double>> slowByWhat;
    for (const auto &slow : app.takeSlow())
        slowByWhat[slow.what].append(slow.ms);
    for (auto it = slowByWhat.cbegin(); it != slowByWhat.cend(); ++it)
        out() << "  events over 16 ms: " << it.value().size() << " x " << it.key()
              << " (receiver, its name, QEvent::Type; an unnamed QTimer is the model's batch timer), max "
              << ms(*std::max_element(it.value().begin(), it.value().end())) << " ms\n";
    const perf::Percentiles flush = flushes.summary(1e6);
    out() << "  flushes (" << flush.count << ", rows removed + inserted, view and proxy updated): p50 " << ms(flush.p50)
          << " p90 " << ms(flush.p90) << " p99 " << ms(flush.p99) << " max " << ms(flush.max) << " ms\n";
    out() << "  memory per retained message: RSS " << QString::number(perMessageFull, 'f', 0) << " B when the ring "
          << "first filled, " << QString::number(perMessageEnd, 'f', 0) << " B at the end; heap in use "
          << QString::number(heapPerMessageFull, 'f', 0) << " / " << QString::number(heapPerMessageEnd, 'f', 0)
          << " B; target body + 256 = " << QString::number(meanBody + 256, 'f', 0) << " B\n";
    out() << "  RSS before " << rssBefore / 1024 / 1024 << " MiB, at full " << rssAtFull / 1024 / 1024
          << " MiB, at end " << rssAfter / 1024 / 1024 << " MiB, peak " << perf::peakResidentBytes() / 1024 / 1024
          << " MiB\n";
    for (const FilterRun &f : filters)
        out() << "  filter " << retained << " rows, " << f.label << ": " << ms(f.setMs) << " ms (" << f.rows
              << " rows kept), then " << ms(f.paintMs) << " ms to repaint\n";
    out().flush();

    // Where a retained message's bytes go: decode the same messages into a plain vector (no
    // model), then drop one part at a time and see how much heap each part held.
    // Who holds the heap: the view's and the proxy's per-row bookkeeping, then the model's rows.
    view.hide();
    const qint64 heapWithView = perf::heapBytes();
    view.setModel(nullptr);
    const qint64 heapWithProxy = perf::heapBytes();
    proxy.setFeed(nullptr);
    const qint64 heapModelOnly = perf::heapBytes();
    model.clear();
    const qint64 heapCleared = perf::heapBytes();
    const auto perRow = [retained](qint64 bytes) { return QString::number(double(bytes) / double(retained), 'f', 0); };
    out() << "  heap per retained row by holder: view " << perRow(heapWithView - heapWithProxy) << " B, proxy "
          << perRow(heapWithProxy - heapModelOnly) << " B, model " << perRow(heapModelOnly - heapCleared)
          << " B (rows, their bytes, the pending queue)\n";
    out().flush();
    printBreakdown(pulls, int(std::min<qint64>(retained, 100000)));
    return 0;
}
