// Browsing a topic by time range against the in-process sandbox: every queue of both brokers,
// bounded, a time window that leaves messages out, cancelling, and no group's offsets moved.
#include "AdminTestKit.h"
#include "Broker.h"
#include "TestSupport.h"

#include <QSet>
#include <QSignalSpy>
#include <QtTest>

using namespace mq;
using testing::await;
using testing::why;

namespace {

struct Collected {
    QList<FoundMessage> messages;
    int batches = 0;
};

} // namespace

class TestAdminBrowse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void wholeRangeFromEveryQueue();
    void boundedByMax();
    void timeWindowLeavesOthersOut();
    void emptyRange();
    void sameMillisecondRunIsWhole();
    void movesNoGroupsOffsets();
    void cancelStopsTheBatches();
    void oneBrowseAtATime();
    void badRequests();

private:
    // Sends `count` messages round the queues of both brokers; returns their offsetMsgIds.
    QStringList sendSpread(const QString &topic, int count, const QByteArray &body = "browse me");
    Collected browse(TopicBrowser &browser, const BrowseRequest &request, std::optional<Result<BrowseSummary>> &out);

    testkit::Cluster m_cluster;
};

void TestAdminBrowse::initTestCase()
{
    testkit::ClusterOptions options;
    options.brokers = 2;
    const QString error = m_cluster.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

QStringList TestAdminBrowse::sendSpread(const QString &topic, int count, const QByteArray &body)
{
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        QString err;
        auto s = m_cluster.send(topic, i % 2, (i / 2) % 4, {QStringLiteral("k%1").arg(i)}, QStringLiteral("TagA"),
                                body + " " + QByteArray::number(i), &err);
        if (!s) {
            qWarning("send failed: %s", qPrintable(err));
            return {};
        }
        ids << s->offsetMsgId;
    }
    return ids;
}

Collected TestAdminBrowse::browse(TopicBrowser &browser, const BrowseRequest &request,
                                  std::optional<Result<BrowseSummary>> &out)
{
    Collected c;
    auto connection = connect(&browser, &TopicBrowser::batch, this, [&c](const QList<FoundMessage> &batch) {
        ++c.batches;
        c.messages += batch;
    });
    out = await(browser.browse(request));
    disconnect(connection);
    return c;
}

void TestAdminBrowse::wholeRangeFromEveryQueue()
{
    const QString topic = QStringLiteral("BrowseAll");
    QVERIFY(m_cluster.createTopic(topic, 4).isEmpty());
    const qint64 begin = QDateTime::currentMSecsSinceEpoch();
    const QStringList sent = sendSpread(topic, 20);
    QCOMPARE(sent.size(), 20);

    std::unique_ptr<TopicBrowser> browser(m_cluster.admin().createBrowser());
    QSignalSpy ranges(browser.get(), &TopicBrowser::rangesFound);
    BrowseRequest request{topic, begin, QDateTime::currentMSecsSinceEpoch() + 1000, 1000};
    std::optional<Result<BrowseSummary>> summary;
    const Collected c = browse(*browser, request, summary);
    QVERIFY2(summary && *summary, why(summary).constData());
    QCOMPARE((*summary)->messageCount, 20);
    QVERIFY(!(*summary)->truncated);
    QVERIFY(!(*summary)->cancelled);
    QVERIFY((*summary)->failures.isEmpty());
    QCOMPARE((*summary)->ranges.size(), 8); // 4 queues on each broker
    QCOMPARE(ranges.size(), 1);
    QVERIFY(c.batches >= 8); // at least one batch per queue: streamed, not all at the end
    QSet<QString> got;
    for (const FoundMessage &f : c.messages) {
        got.insert(f.message.offsetMsgId);
        QVERIFY(f.message.storeTimestamp >= request.begin && f.message.storeTimestamp <= request.end);
        QCOMPARE(f.queue().topic, topic);
        QVERIFY(f.message.body.startsWith("browse me"));
    }
    QCOMPARE(got, QSet<QString>(sent.begin(), sent.end()));
    QCOMPARE(c.messages.size(), got.size()); // none twice
}

void TestAdminBrowse::boundedByMax()
{
    const QString topic = QStringLiteral("BrowseBounded");
    QVERIFY(m_cluster.createTopic(topic, 4).isEmpty());
    QCOMPARE(sendSpread(topic, 12).size(), 12);
    std::unique_ptr<TopicBrowser> browser(m_cluster.admin().createBrowser());
    std::optional<Result<BrowseSummary>> summary;
    const Collected c = browse(*browser, BrowseRequest{topic, 0, kNoUpperBound, 5}, summary);
    QVERIFY2(summary && *summary, why(summary).constData());
    QCOMPARE(c.messages.size(), 5);
    QCOMPARE((*summary)->messageCount, 5);
    QVERIFY((*summary)->truncated);
    // Every queue is read a batch at a time in rounds, so the first ones come from several queues.
    QSet<QString> queues;
    for (const FoundMessage &f : c.messages)
        queues.insert(f.queue().toString());
    QVERIFY(queues.size() >= 2);
}

void TestAdminBrowse::timeWindowLeavesOthersOut()
{
    const QString topic = QStringLiteral("BrowseWindow");
    QVERIFY(m_cluster.createTopic(topic, 2).isEmpty());
    QString err;
    QStringList before;
    for (int i = 0; i < 3; ++i) {
        auto s = m_cluster.send(topic, 0, i % 2, {}, QStringLiteral("TagA"), "before", &err);
        QVERIFY2(s, qPrintable(err));
        before << s->offsetMsgId;
    }
    // The window starts after the last "before" message's store time.
    const qint64 lastBefore = m_cluster.sandbox().broker(0)->store().storeTimestamp(topic, 0, 1);
    QVERIFY(lastBefore > 0);
    QTRY_VERIFY(QDateTime::currentMSecsSinceEpoch() > lastBefore + 1);
    const qint64 windowStart = QDateTime::currentMSecsSinceEpoch();
    QStringList inside;
    for (int i = 0; i < 4; ++i) {
        auto s = m_cluster.send(topic, 0, i % 2, {}, QStringLiteral("TagA"), "inside", &err);
        QVERIFY2(s, qPrintable(err));
        inside << s->offsetMsgId;
    }
    std::unique_ptr<TopicBrowser> browser(m_cluster.admin().createBrowser());
    std::optional<Result<BrowseSummary>> summary;
    const Collected c =
        browse(*browser, BrowseRequest{topic, windowStart, QDateTime::currentMSecsSinceEpoch() + 1000, 100}, summary);
    QVERIFY2(summary && *summary, why(summary).constData());
    QStringList got;
    for (const FoundMessage &f : c.messages)
        got << f.message.offsetMsgId;
    got.sort();
    inside.sort();
    QCOMPARE(got, inside);
    // And a window ending before them holds only the earlier ones.
    std::optional<Result<BrowseSummary>> early;
    const Collected e = browse(*browser, BrowseRequest{topic, 0, windowStart - 1, 100}, early);
    QVERIFY2(early && *early, why(early).constData());
    QStringList gotEarly;
    for (const FoundMessage &f : e.messages)
        gotEarly << f.message.offsetMsgId;
    gotEarly.sort();
    before.sort();
    QCOMPARE(gotEarly, before);
}

void TestAdminBrowse::emptyRange()
{
    const QString topic = QStringLiteral("BrowseEmpty");
    QVERIFY(m_cluster.createTopic(topic, 2).isEmpty());
    QCOMPARE(sendSpread(topic, 4).size(), 4);
    std::unique_ptr<TopicBrowser> browser(m_cluster.admin().createBrowser());
    std::optional<Result<BrowseSummary>> summary;
    const qint64 future = QDateTime::currentMSecsSinceEpoch() + 3600000;
    const Collected c = browse(*browser, BrowseRequest{topic, future, future + 1000, 100}, summary);
    QVERIFY2(summary && *summary, why(summary).constData());
    QCOMPARE((*summary)->messageCount, 0);
    QCOMPARE(c.batches, 0);
}

void TestAdminBrowse::sameMillisecondRunIsWhole()
{
    // A batch is stored within one millisecond: the broker's time search may stop anywhere in
    // such a run, and a browse of exactly that millisecond must still return all of it.
    const QString topic = QStringLiteral("BrowseSameMs");
    QVERIFY(m_cluster.createTopic(topic, 1, 6, 0).isEmpty());
    QString err;
    QVERIFY2(m_cluster.send(topic, 0, 0, {}, QStringLiteral("TagA"), "lead", &err), qPrintable(err));
    QList<Message> batch;
    for (int i = 0; i < 9; ++i) {
        Message m;
        m.topic = topic;
        m.body = "run " + QByteArray::number(i);
        batch.append(m);
    }
    SendOptions options;
    options.queue = MessageQueue{topic, m_cluster.brokerName(0), 0};
    auto sent = await(m_cluster.producer().sendBatch(batch, options));
    QVERIFY2(sent && *sent, why(sent).constData());
    QVERIFY2(m_cluster.send(topic, 0, 0, {}, QStringLiteral("TagA"), "tail", &err), qPrintable(err));
    const auto &store = m_cluster.sandbox().broker(0)->store();
    const qint64 t = store.storeTimestamp(topic, 0, 5);
    int expected = 0;
    for (qint64 offset = 0; offset < store.maxOffset(topic, 0); ++offset)
        expected += store.storeTimestamp(topic, 0, offset) == t ? 1 : 0;
    QVERIFY(expected >= 9);
    std::unique_ptr<TopicBrowser> browser(m_cluster.admin().createBrowser());
    std::optional<Result<BrowseSummary>> summary;
    const Collected c = browse(*browser, BrowseRequest{topic, t, t, 100}, summary);
    QVERIFY2(summary && *summary, why(summary).constData());
    QCOMPARE(int(c.messages.size()), expected);
    for (const FoundMessage &f : c.messages)
        QCOMPARE(f.message.storeTimestamp, t);
}

void TestAdminBrowse::movesNoGroupsOffsets()
{
    const QString topic = QStringLiteral("BrowseOffsets");
    const QString group = QStringLiteral("real-group");
    QVERIFY(m_cluster.createTopic(topic, 4).isEmpty());
    QCOMPARE(sendSpread(topic, 16).size(), 16);
    QVERIFY(m_cluster.commitOffset(0, group, topic, 0, 1));
    QVERIFY(m_cluster.commitOffset(1, group, topic, 2, 2));
    auto snapshot = [&](const QString &g) {
        QList<qint64> offsets;
        for (int b = 0; b < 2; ++b)
            for (int q = 0; q < 4; ++q)
                offsets << m_cluster.brokerOffset(b, g, topic, q);
        return offsets;
    };
    const QList<qint64> before = snapshot(group);
    std::unique_ptr<TopicBrowser> browser(m_cluster.admin().createBrowser());
    std::optional<Result<BrowseSummary>> summary;
    const Collected c = browse(*browser, BrowseRequest{topic, 0, kNoUpperBound, 1000}, summary);
    QVERIFY2(summary && *summary, why(summary).constData());
    QCOMPARE(c.messages.size(), 16);
    QCOMPARE(snapshot(group), before);
    // The tools group it pulled as committed nothing either.
    QCOMPARE(snapshot(kToolsConsumerGroup), QList<qint64>(8, -1));
}

void TestAdminBrowse::cancelStopsTheBatches()
{
    const QString topic = QStringLiteral("BrowseCancel");
    QVERIFY(m_cluster.createTopic(topic, 1, 6, 0).isEmpty());
    QString err;
    for (int i = 0; i < 3 * kBrowseBatchSize; ++i)
        QVERIFY2(m_cluster.send(topic, 0, 0, {}, QStringLiteral("TagA"), "many", &err), qPrintable(err));
    std::unique_ptr<TopicBrowser> browser(m_cluster.admin().createBrowser());
    int batches = 0;
    auto cancelling = connect(browser.get(), &TopicBrowser::batch, this, [&] {
        ++batches;
        browser->cancel();
    });
    auto summary = await(browser->browse(BrowseRequest{topic, 0, kNoUpperBound, 1000}));
    QVERIFY2(summary && *summary, why(summary).constData());
    QVERIFY((*summary)->cancelled);
    QCOMPARE(batches, 1);
    QCOMPARE((*summary)->messageCount, kBrowseBatchSize);
    QVERIFY(!browser->isRunning());
    // The browser can run again afterwards.
    disconnect(cancelling);
    auto again = await(browser->browse(BrowseRequest{topic, 0, kNoUpperBound, 10}));
    QVERIFY2(again && *again, why(again).constData());
    QVERIFY(!(*again)->cancelled);
}

void TestAdminBrowse::oneBrowseAtATime()
{
    const QString topic = QStringLiteral("BrowseAll");
    std::unique_ptr<TopicBrowser> browser(m_cluster.admin().createBrowser());
    auto first = browser->browse(BrowseRequest{topic, 0, kNoUpperBound, 1000});
    QVERIFY(browser->isRunning());
    auto second = await(browser->browse(BrowseRequest{topic, 0, kNoUpperBound, 10}));
    QVERIFY(second && !*second);
    QCOMPARE(second->error().code, Error::Code::InvalidArgument);
    auto done = await(std::move(first));
    QVERIFY2(done && *done, why(done).constData());
}

void TestAdminBrowse::badRequests()
{
    std::unique_ptr<TopicBrowser> browser(m_cluster.admin().createBrowser());
    auto noTopic = await(browser->browse(BrowseRequest{QString(), 0, 1000, 10}));
    QVERIFY(noTopic && !*noTopic);
    QCOMPARE(noTopic->error().code, Error::Code::InvalidArgument);
    auto backwards = await(browser->browse(BrowseRequest{QStringLiteral("BrowseAll"), 2000, 1000, 10}));
    QVERIFY(backwards && !*backwards);
    QCOMPARE(backwards->error().code, Error::Code::InvalidArgument);
    auto unknown = await(browser->browse(BrowseRequest{QStringLiteral("NoSuchBrowseTopic"), 0, kNoUpperBound, 10}));
    QVERIFY(unknown && !*unknown);
    QCOMPARE(unknown->error().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestAdminBrowse)
#include "test_admin_browse.moc"
