// The admin's client-side rules, checked against what a real 4.9.8 broker sent (fixtures):
// key / unique-key re-checks on index hits, merging answers from several brokers, system
// topics, route and version words, the message-track verdict, timestamps, JSON of a message.
#include "AdminData.h"
#include "AdminFormat.h"
#include "AdminTypes.h"
#include "GroupQueries.h"
#include "MessageCodec.h"
#include "MessageQuery.h"
#include "MessageTrack.h"
#include "RouteData.h"
#include "fixture_exchanges.h"
#include "fixtures.h"

#include <QJsonArray>
#include <QtTest>

using namespace mq;

namespace {

QList<MessageExt> fixtureQueryAnswer(bool uniqueKey)
{
    for (const auto &x : fixtures::successfulWithBody(toInt(RequestCode::QueryMessage)))
        if (x.request.field(QStringLiteral("_UNIQUE_KEY_QUERY")) == (uniqueKey ? u"true" : u"false")) {
            auto decoded = decodeMessages(x.response.body);
            if (!decoded)
                qFatal("fixture query answer does not decode: %s", qPrintable(decoded.error().message));
            return *decoded;
        }
    qFatal("no recorded query answer");
    return {};
}

json::Value groundTruthOne(const char *kind)
{
    const auto entries = fixtures::groundTruth(QString::fromLatin1(kind));
    if (entries.isEmpty())
        qFatal("no ground truth %s", kind);
    return entries.first();
}

QList<FoundMessage> found(const QList<MessageExt> &messages, const QString &broker)
{
    QList<FoundMessage> out;
    for (const auto &m : messages)
        out.append(FoundMessage{m, broker, broker + QStringLiteral(":10911")});
    return out;
}

// A synthetic stored message: id, store time and keys are what merging looks at.
FoundMessage synthetic(const QString &id, qint64 storeTime, const QString &keys)
{
    FoundMessage f;
    f.message.offsetMsgId = id;
    f.message.storeTimestamp = storeTime;
    f.message.topic = QStringLiteral("t");
    f.message.properties.insert(prop::Keys, keys);
    return f;
}

QStringList ids(const QList<FoundMessage> &messages)
{
    QStringList out;
    for (const auto &m : messages)
        out << m.message.offsetMsgId;
    return out;
}

} // namespace

class TestAdminRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keyRecheckOnRecordedAnswer();
    void uniqueKeyRecheckOnRecordedAnswer();
    void sameAnswerFromTwoBrokersIsOneMessage();
    void merge_data();
    void merge();
    void systemTopics_data();
    void systemTopics();
    void routeInWords();
    void permissionWords_data();
    void permissionWords();
    void versionNames_data();
    void versionNames();
    void recordedConnectionVersion();
    void trackVerdict_data();
    void trackVerdict();
    void timestamps_data();
    void timestamps();
    void badTimestamps_data();
    void badTimestamps();
    void groupList();
    void progressLagFromRecordedStats();
    void messageJsonHasEveryRecordedField();
    void bodyTextForBinary();
};

void TestAdminRules::keyRecheckOnRecordedAnswer()
{
    const auto messages = fixtureQueryAnswer(false);
    const json::Value truth = groundTruthOne("queryByKey");
    QVERIFY(!messages.isEmpty());
    const QString key = truth["keys"].toString();
    QCOMPARE(key, QStringLiteral("123"));
    int matching = 0;
    for (const auto &m : messages) {
        if (query::keyMatches(m, key)) {
            ++matching;
            QCOMPARE(m.offsetMsgId, truth["offsetMsgId"].toString());
        }
        // A prefix or an extension of the key is a different key (the index only hashes).
        QVERIFY(!query::keyMatches(m, QStringLiteral("12")));
        QVERIFY(!query::keyMatches(m, QStringLiteral("1234")));
    }
    QCOMPARE(matching, 1);
}

void TestAdminRules::uniqueKeyRecheckOnRecordedAnswer()
{
    const auto messages = fixtureQueryAnswer(true);
    const json::Value truth = groundTruthOne("queryByUniqKey");
    const QString id = truth["msgId"].toString();
    QVERIFY(!messages.isEmpty());
    auto merged = query::merge(
        {found(messages, QStringLiteral("broker-a"))},
        [&](const MessageExt &m) { return query::uniqueKeyMatches(m, id); }, 0);
    QCOMPARE(merged.messages.size(), 1);
    QCOMPARE(merged.messages.first().message.offsetMsgId, truth["offsetMsgId"].toString());
    QCOMPARE(merged.messages.first().message.msgId(), id);
    QVERIFY(query::uniqueKeyMatches(merged.messages.first().message, id.toLower()));
    QVERIFY(!query::uniqueKeyMatches(merged.messages.first().message, truth["offsetMsgId"].toString()));
}

void TestAdminRules::sameAnswerFromTwoBrokersIsOneMessage()
{
    const auto messages = fixtureQueryAnswer(false);
    auto merged = query::merge(
        {found(messages, QStringLiteral("broker-a")), found(messages, QStringLiteral("broker-a"))},
        [](const MessageExt &m) { return query::keyMatches(m, QStringLiteral("123")); }, 64);
    QCOMPARE(merged.messages.size(), 1);
    QCOMPARE(merged.duplicates, 1);
    QCOMPARE(merged.rejected, 2 * (int(messages.size()) - 1));
    QVERIFY(!merged.truncated);
}

void TestAdminRules::merge_data()
{
    // Each answer: "id@time" entries, all carrying key k unless "id@time!" (another key).
    QTest::addColumn<QStringList>("answers"); // one string per broker, entries separated by spaces
    QTest::addColumn<int>("maxNum");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("truncated");
    QTest::addColumn<int>("rejected");
    QTest::addColumn<int>("duplicates");

    QTest::newRow("two brokers interleaved by time")
        << QStringList{QStringLiteral("a1@10 a2@30"), QStringLiteral("b1@20 b2@5")} << 64
        << QStringList{QStringLiteral("b2"), QStringLiteral("a1"), QStringLiteral("b1"), QStringLiteral("a2")} << false
        << 0 << 0;
    QTest::newRow("same stored message twice")
        << QStringList{QStringLiteral("a1@10 a2@30"), QStringLiteral("a2@30")} << 64
        << QStringList{QStringLiteral("a1"), QStringLiteral("a2")} << false << 0 << 1;
    QTest::newRow("hash collisions left out") << QStringList{QStringLiteral("a1@10 x1@12!"), QStringLiteral("x2@1!")}
                                              << 64 << QStringList{QStringLiteral("a1")} << false << 2 << 0;
    QTest::newRow("more than the limit keeps the newest")
        << QStringList{QStringLiteral("a1@10 a2@30"), QStringLiteral("b1@20 b2@5")} << 3
        << QStringList{QStringLiteral("a1"), QStringLiteral("b1"), QStringLiteral("a2")} << true << 0 << 0;
    QTest::newRow("a broker at its limit may have more")
        << QStringList{QStringLiteral("a1@10 a2@30"), QStringLiteral("b1@20")} << 2
        << QStringList{QStringLiteral("b1"), QStringLiteral("a2")} << true << 0 << 0;
    QTest::newRow("same store time ordered by id")
        << QStringList{QStringLiteral("b@7"), QStringLiteral("a@7")} << 64
        << QStringList{QStringLiteral("a"), QStringLiteral("b")} << false << 0 << 0;
    QTest::newRow("nothing") << QStringList{QString(), QString()} << 64 << QStringList{} << false << 0 << 0;
}

void TestAdminRules::merge()
{
    QFETCH(QStringList, answers);
    QFETCH(int, maxNum);
    QFETCH(QStringList, expected);
    QFETCH(bool, truncated);
    QFETCH(int, rejected);
    QFETCH(int, duplicates);
    QList<QList<FoundMessage>> lists;
    for (const QString &answer : answers) {
        QList<FoundMessage> list;
        for (const QString &entry : answer.split(u' ', Qt::SkipEmptyParts)) {
            const bool other = entry.endsWith(u'!');
            const QStringList parts = QString(entry).remove(u'!').split(u'@');
            list.append(
                synthetic(parts[0], parts[1].toLongLong(), other ? QStringLiteral("other") : QStringLiteral("x k")));
        }
        lists.append(list);
    }
    auto merged = query::merge(
        lists, [](const MessageExt &m) { return query::keyMatches(m, QStringLiteral("k")); }, maxNum);
    QCOMPARE(ids(merged.messages), expected);
    QCOMPARE(merged.truncated, truncated);
    QCOMPARE(merged.rejected, rejected);
    QCOMPARE(merged.duplicates, duplicates);
}

void TestAdminRules::systemTopics_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("system");
    // What `mqadmin topicList` printed for the recorded cluster (cluster DefaultCluster,
    // broker broker-a): two user topics, the rest the broker's own.
    const QStringList user{QStringLiteral("fixture-topic"), QStringLiteral("mqcloud-json-test-topic")};
    const auto lines = QString::fromUtf8(fixtures::readFile(QStringLiteral("mqadmin/03-topicList.txt"))).split(u'\n');
    int rows = 0;
    for (const QString &line : lines) {
        const QString t = line.trimmed();
        if (t.isEmpty())
            continue;
        QTest::newRow(qPrintable(QStringLiteral("recorded ") + t)) << t << !user.contains(t);
        ++rows;
    }
    QVERIFY(rows > 10);
    QTest::newRow("dlq") << QStringLiteral("%DLQ%group") << true;
    QTest::newRow("rmq_sys prefix") << QStringLiteral("rmq_sys_wheel") << true;
    QTest::newRow("trace") << QStringLiteral("RMQ_SYS_TRACE_TOPIC") << true;
    QTest::newRow("transaction check") << QStringLiteral("TRANS_CHECK_MAX_TIME_TOPIC") << true;
    QTest::newRow("reply of another cluster") << QStringLiteral("Other_REPLY_TOPIC") << true;
    QTest::newRow("user topic like a system one") << QStringLiteral("BenchmarkTest2") << false;
    QTest::newRow("retry in the middle") << QStringLiteral("my%RETRY%") << false;
}

void TestAdminRules::systemTopics()
{
    QFETCH(QString, topic);
    QFETCH(bool, system);
    const QStringList names{QStringLiteral("DefaultCluster"), QStringLiteral("broker-a")};
    QCOMPARE(isSystemTopic(topic, names), system);
}

void TestAdminRules::routeInWords()
{
    std::optional<TopicRouteData> route;
    for (const auto &x : fixtures::successfulWithBody(toInt(RequestCode::GetRouteInfoByTopic)))
        if (x.request.field(QStringLiteral("topic")) == u"fixture-topic")
            if (auto r = TopicRouteData::parse(x.response.body))
                route = *r;
    QVERIFY(route);
    const auto views = describeRoute(*route);
    QCOMPARE(views.size(), route->queueDatas.size());
    const TopicRouteView &v = views.first();
    QCOMPARE(v.brokerName, QStringLiteral("broker-a"));
    QCOMPARE(v.cluster, QStringLiteral("DefaultCluster"));
    QCOMPARE(v.readQueues, 4); // created with 4 queues (mqadmin/01-updateTopic.txt)
    QCOMPARE(v.writeQueues, 4);
    QCOMPARE(v.permText, QStringLiteral("read, write"));
    QCOMPARE(v.addresses.value(0), QStringLiteral("127.0.0.1:10911"));
}

void TestAdminRules::permissionWords_data()
{
    QTest::addColumn<int>("perm");
    QTest::addColumn<QString>("words");
    QTest::newRow("6") << 6 << QStringLiteral("read, write");
    QTest::newRow("4") << 4 << QStringLiteral("read only");
    QTest::newRow("2") << 2 << QStringLiteral("write only");
    QTest::newRow("0") << 0 << QStringLiteral("no access");
    QTest::newRow("7") << 7 << QStringLiteral("read, write, inherit");
}

void TestAdminRules::permissionWords()
{
    QFETCH(int, perm);
    QFETCH(QString, words);
    QCOMPARE(mq::permissionWords(perm), words);
}

void TestAdminRules::versionNames_data()
{
    QTest::addColumn<int>("ordinal");
    QTest::addColumn<QString>("name");
    QTest::newRow("first") << 0 << QStringLiteral("V3_0_0_SNAPSHOT");
    QTest::newRow("3.0.0 final") << 15 << QStringLiteral("V3_0_0_FINAL");
    QTest::newRow("after final") << 16 << QStringLiteral("V3_0_1_SNAPSHOT");
    QTest::newRow("4.0.0") << 213 << QStringLiteral("V4_0_0");
    QTest::newRow("4.9.8 (RemotingCommand default)") << RemotingCommand::kDefaultVersion << QStringLiteral("V4_9_8");
    QTest::newRow("5.3.3") << 479 << QStringLiteral("V5_3_3");
    QTest::newRow("last") << 612 << QStringLiteral("HIGHER_VERSION");
    QTest::newRow("beyond") << 5000 << QStringLiteral("HIGHER_VERSION");
    QTest::newRow("negative") << -1 << QStringLiteral("UNKNOWN(-1)");
}

void TestAdminRules::versionNames()
{
    QFETCH(int, ordinal);
    QFETCH(QString, name);
    QCOMPARE(clientVersionName(ordinal), name);
}

void TestAdminRules::recordedConnectionVersion()
{
    // The recorded broker answered GET_CONSUMER_CONNECTION_LIST for a 4.9.8 Java consumer.
    const auto answers = fixtures::successfulWithBody(toInt(RequestCode::GetConsumerConnectionList));
    QVERIFY(!answers.isEmpty());
    auto cc = ConsumerConnection::parse(answers.first().response.body);
    QVERIFY2(cc, cc ? "" : qPrintable(cc.error().message));
    QVERIFY(!cc->connectionSet.isEmpty());
    QCOMPARE(clientVersionName(cc->connectionSet.first().version), QStringLiteral("V4_9_8"));
}

void TestAdminRules::trackVerdict_data()
{
    QTest::addColumn<qint64>("consumerOffset");
    QTest::addColumn<qint64>("queueOffset");
    QTest::addColumn<QString>("subscription"); // empty: not online
    QTest::addColumn<QString>("tags");
    QTest::addColumn<int>("verdict");
    const int consumed = int(TrackType::Consumed), filtered = int(TrackType::ConsumedButFiltered),
              notYet = int(TrackType::NotConsumed);
    QTest::newRow("past the message") << 6LL << 5LL << QString() << "TagA" << consumed;
    QTest::newRow("at the message") << 5LL << 5LL << QString() << "TagA" << notYet;
    QTest::newRow("before") << 2LL << 5LL << QString() << "TagA" << notYet;
    QTest::newRow("never committed") << -1LL << 0LL << QString() << "TagA" << notYet;
    QTest::newRow("first message consumed") << 1LL << 0LL << QString() << "TagA" << consumed;
    QTest::newRow("subscribed to all") << 6LL << 5LL << "*"
                                       << "TagA" << consumed;
    QTest::newRow("subscribed to its tag") << 6LL << 5LL << "TagB || TagA"
                                           << "TagA" << consumed;
    QTest::newRow("other tags only") << 6LL << 5LL << "TagB || TagC"
                                     << "TagA" << filtered;
    QTest::newRow("filtered but not reached") << 2LL << 5LL << "TagB"
                                              << "TagA" << notYet;
}

void TestAdminRules::trackVerdict()
{
    QFETCH(qint64, consumerOffset);
    QFETCH(qint64, queueOffset);
    QFETCH(QString, subscription);
    QFETCH(QString, tags);
    QFETCH(int, verdict);
    std::optional<SubscriptionData> sub;
    if (!subscription.isEmpty())
        sub = SubscriptionData::fromTagExpression(QStringLiteral("t"), subscription, 1);
    QCOMPARE(int(track::verdict(consumerOffset, queueOffset, sub ? &*sub : nullptr, tags)), verdict);
}

void TestAdminRules::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");
    const QDateTime utc(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    const QDateTime local(QDate(2024, 5, 1), QTime(10, 0), Qt::LocalTime);
    QTest::newRow("epoch ms") << "1700000000123" << 1700000000123LL;
    QTest::newRow("zero") << "0" << 0LL;
    QTest::newRow("UTC") << "2024-05-01T10:00:00Z" << utc.toMSecsSinceEpoch();
    QTest::newRow("UTC with ms") << "2024-05-01T10:00:00.250Z" << utc.toMSecsSinceEpoch() + 250;
    QTest::newRow("offset") << "2024-05-01T18:00:00+08:00" << utc.toMSecsSinceEpoch();
    QTest::newRow("local") << "2024-05-01T10:00:00" << local.toMSecsSinceEpoch();
    QTest::newRow("space separated") << "2024-05-01 10:00:00" << local.toMSecsSinceEpoch();
    QTest::newRow("minutes only") << "2024-05-01T10:00" << local.toMSecsSinceEpoch();
    QTest::newRow("date only") << "2024-05-01"
                               << QDateTime(QDate(2024, 5, 1), QTime(0, 0), Qt::LocalTime).toMSecsSinceEpoch();
    QTest::newRow("spaces around") << "  1700000000000 " << 1700000000000LL;
}

void TestAdminRules::timestamps()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    auto parsed = parseTimestamp(text);
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
    QCOMPARE(*parsed, ms);
}

void TestAdminRules::badTimestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("words") << "yesterday"
                           << "ISO 8601";
    QTest::newRow("negative") << "-5"
                              << "non-negative";
    QTest::newRow("bad month") << "2024-13-01T00:00:00"
                               << "ISO 8601";
    QTest::newRow("too big") << "99999999999999999999999"
                             << "milliseconds";
}

void TestAdminRules::badTimestamps()
{
    QFETCH(QString, text);
    QFETCH(QString, says);
    auto parsed = parseTimestamp(text);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, Error::Code::InvalidArgument);
    QVERIFY2(parsed.error().message.contains(says), qPrintable(parsed.error().message));
}

void TestAdminRules::groupList()
{
    auto good = admin::parseGroupList("{\"groupList\":[\"g-b\",\"g-a\"]}");
    QVERIFY(good);
    QCOMPARE(*good, (QStringList{QStringLiteral("g-b"), QStringLiteral("g-a")}));
    auto empty = admin::parseGroupList("{}");
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
    auto wrongType = admin::parseGroupList("{\"groupList\":[1]}");
    QVERIFY(!wrongType);
    QVERIFY2(wrongType.error().message.contains(QStringLiteral("groupList[0]")), qPrintable(wrongType.error().message));
    QVERIFY(!admin::parseGroupList("not json"));
}

void TestAdminRules::progressLagFromRecordedStats()
{
    const auto answers = fixtures::successfulWithBody(toInt(RequestCode::GetConsumeStats));
    QVERIFY(!answers.isEmpty());
    auto stats = ConsumeStats::parse(answers.first().response.body);
    QVERIFY2(stats, stats ? "" : qPrintable(stats.error().message));
    GroupProgress progress;
    for (const auto &[queue, w] : stats->offsetTable.entries())
        progress.queues.append(QueueProgress{queue, w.brokerOffset, w.consumerOffset, w.lastTimestamp, {}});
    QVERIFY(!progress.queues.isEmpty());
    qint64 sum = 0;
    for (const auto &q : progress.queues) {
        QCOMPARE(q.lag(), qMax<qint64>(0, q.brokerOffset - q.consumerOffset));
        sum += q.lag();
    }
    QCOMPARE(progress.totalLag(), sum);
    // No recorded queue has its consumer ahead of its broker offset, so the broker's own sum agrees.
    QCOMPARE(progress.totalLag(), stats->totalLag());
}

void TestAdminRules::messageJsonHasEveryRecordedField()
{
    const json::Value truth = groundTruthOne("queryByKey");
    const auto messages = fixtureQueryAnswer(false);
    std::optional<MessageExt> message;
    for (const auto &m : messages)
        if (m.offsetMsgId == truth["offsetMsgId"].toString())
            message = m;
    QVERIFY(message);
    const QJsonObject o = format::messageJson(FoundMessage{*message, QStringLiteral("broker-a"), {}});
    QCOMPARE(o.value(QStringLiteral("msgId")).toString(), truth["msgId"].toString());
    QCOMPARE(o.value(QStringLiteral("offsetMsgId")).toString(), truth["offsetMsgId"].toString());
    QCOMPARE(o.value(QStringLiteral("topic")).toString(), truth["topic"].toString());
    QCOMPARE(o.value(QStringLiteral("tags")).toString(), truth["tags"].toString());
    QCOMPARE(o.value(QStringLiteral("keys")).toArray().first().toString(), truth["keys"].toString());
    for (const char *field :
         {"queueId", "queueOffset", "commitLogOffset", "sysFlag", "reconsumeTimes", "bornTimestamp", "storeTimestamp"})
        QCOMPARE(qint64(o.value(QString::fromLatin1(field)).toDouble()), truth[field].toInt());
    QCOMPARE(qint64(o.value(QStringLiteral("bodyCRC")).toDouble()), truth["bodyCRC"].toInt());
    QCOMPARE(o.value(QStringLiteral("bornHost")).toString(), truth["bornHost"].toString());
    // fastjson prints the store host as InetSocketAddress.toString(): "/127.0.0.1:10911".
    QCOMPARE(QStringLiteral("/") + o.value(QStringLiteral("storeHost")).toString(), truth["storeHost"].toString());
    QCOMPARE(o.value(QStringLiteral("body")).toString(), truth["bodyUtf8"].toString());
    QCOMPARE(o.value(QStringLiteral("bodyLength")).toInt(), int(truth["bodyLength"].toInt()));
    const QJsonObject props = o.value(QStringLiteral("properties")).toObject();
    QCOMPARE(props.size(), truth["properties"].members().size());
    for (const auto &[k, v] : truth["properties"].members())
        QCOMPARE(props.value(k.toString()).toString(), v.toString());
}

void TestAdminRules::bodyTextForBinary()
{
    const QByteArray binary("\xff\xfe\x00\x01", 4);
    QVERIFY(!format::isUtf8(binary));
    QCOMPARE(format::bodyText(binary), QStringLiteral("<binary> ff fe 00 01"));
    QCOMPARE(format::bodyText(QByteArray("h\xc3\xa9llo")), QStringLiteral("h\u00e9llo"));
    FoundMessage f;
    f.message.body = binary;
    const QJsonObject o = format::messageJson(f);
    QVERIFY(!o.contains(QStringLiteral("body")));
    QCOMPARE(QByteArray::fromBase64(o.value(QStringLiteral("bodyBase64")).toString().toLatin1()), binary);
}

QTEST_GUILESS_MAIN(TestAdminRules)
#include "test_admin_rules.moc"
