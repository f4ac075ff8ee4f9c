// Query by key and by id against the in-process sandbox: two brokers answering the same key,
// the page limit, empty results, ids of both kinds (and malformed ones), IPv6 store hosts,
// compressed bodies and messages that carry no UNIQ_KEY.
#include "AdminTestKit.h"
#include "Broker.h"
#include "MessageCodec.h"
#include "MessageId.h"
#include "TestSupport.h"

#include <QSet>
#include <QtTest>

using namespace mq;
using testing::await;
using testing::why;

namespace {

const QString kTopic = QStringLiteral("AdminQueryTopic");

} // namespace

class TestAdminQuery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keyOnTwoBrokersIsMergedAndSorted();
    void oneOfSeveralKeys();
    void pageLimitSaysSo();
    void noHitSaysSo();
    void timeRangeIsHonoured();
    void unknownTopic();
    void badKeyQueries();
    void byOffsetMsgId();
    void byUniqueKey();
    void uniqueKeyWithoutTopic();
    void malformedIds_data();
    void malformedIds();
    void offsetIdWithNothingThere();
    void offsetIdOfUnreachableHost();
    void compressedBodyComesBackWhole();
    void messageWithoutUniqueKey();
    void ipv6StoreHostNotInAnyRoute();
    void ipv6Cluster();

private:
    testkit::Cluster m_cluster;
};

void TestAdminQuery::initTestCase()
{
    testkit::ClusterOptions options;
    options.brokers = 2;
    const QString error = m_cluster.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString created = m_cluster.createTopic(kTopic, 4);
    QVERIFY2(created.isEmpty(), qPrintable(created));
}

void TestAdminQuery::keyOnTwoBrokersIsMergedAndSorted()
{
    QString err;
    QList<SendResult> sent;
    for (auto [broker, queue] : {std::pair{0, 0}, std::pair{1, 1}, std::pair{0, 2}, std::pair{1, 3}}) {
        auto r = m_cluster.send(kTopic, broker, queue, {QStringLiteral("order-42")}, QStringLiteral("TagA"),
                                QByteArray("order ") + QByteArray::number(queue), &err);
        QVERIFY2(r, qPrintable(err));
        sent.append(*r);
    }
    QVERIFY(m_cluster.send(kTopic, 0, 0, {QStringLiteral("order-43")}, QStringLiteral("TagA"), "other", &err));

    KeyQuery q;
    q.topic = kTopic;
    q.key = QStringLiteral("order-42");
    auto result = await(m_cluster.admin().queryByKey(q));
    QVERIFY2(result && *result, why(result).constData());
    const KeyQueryResult &r = **result;
    QCOMPARE(r.brokersAsked, (QStringList{m_cluster.brokerName(0), m_cluster.brokerName(1)}));
    QVERIFY(r.failures.isEmpty());
    QVERIFY(!r.truncated);
    QCOMPARE(r.messages.size(), sent.size());
    QSet<QString> expected, got, brokers;
    for (const auto &s : sent)
        expected.insert(s.offsetMsgId);
    qint64 last = 0;
    for (const FoundMessage &f : r.messages) {
        got.insert(f.message.offsetMsgId);
        brokers.insert(f.brokerName);
        QVERIFY(f.message.keys().contains(QStringLiteral("order-42")));
        QVERIFY(f.message.storeTimestamp >= last);
        last = f.message.storeTimestamp;
        QCOMPARE(f.brokerAddress, m_cluster.brokerAddress(f.brokerName == m_cluster.brokerName(0) ? 0 : 1));
    }
    QCOMPARE(got, expected); // each stored message once
    QCOMPARE(brokers.size(), 2);
    // The default window is the last three days.
    QVERIFY(qAbs(r.begin - (QDateTime::currentMSecsSinceEpoch() - kDefaultQueryWindowMs)) < 60000);
}

void TestAdminQuery::oneOfSeveralKeys()
{
    QString err;
    auto s = m_cluster.send(kTopic, 1, 2, {QStringLiteral("alpha"), QStringLiteral("beta")}, QStringLiteral("TagA"),
                            "two keys", &err);
    QVERIFY2(s, qPrintable(err));
    KeyQuery q;
    q.topic = kTopic;
    q.key = QStringLiteral("beta");
    auto result = await(m_cluster.admin().queryByKey(q));
    QVERIFY2(result && *result, why(result).constData());
    QCOMPARE((*result)->messages.size(), 1);
    QCOMPARE((*result)->messages.first().message.offsetMsgId, s->offsetMsgId);
    QCOMPARE((*result)->messages.first().message.body, QByteArray("two keys"));
}

void TestAdminQuery::pageLimitSaysSo()
{
    QString err;
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        auto s = m_cluster.send(kTopic, 0, 1, {QStringLiteral("busy")}, QStringLiteral("TagA"), "busy", &err);
        QVERIFY2(s, qPrintable(err));
        ids << s->offsetMsgId;
    }
    KeyQuery q;
    q.topic = kTopic;
    q.key = QStringLiteral("busy");
    q.maxNum = 3;
    auto result = await(m_cluster.admin().queryByKey(q));
    QVERIFY2(result && *result, why(result).constData());
    QVERIFY((*result)->truncated);
    QVERIFY2((*result)->note.contains(QStringLiteral("more than 3")), qPrintable((*result)->note));
    QCOMPARE((*result)->messages.size(), 3);
    // The newest three, oldest first.
    QStringList got;
    for (const auto &f : (*result)->messages)
        got << f.message.offsetMsgId;
    QCOMPARE(got, ids.mid(2));

    q.maxNum = 5; // exactly as many as there are: a broker that answered 5 may have had more
    auto atLimit = await(m_cluster.admin().queryByKey(q));
    QVERIFY(atLimit && *atLimit);
    QCOMPARE((*atLimit)->messages.size(), 5);
    q.maxNum = 6;
    auto above = await(m_cluster.admin().queryByKey(q));
    QVERIFY(above && *above);
    QVERIFY(!(*above)->truncated);
    QVERIFY((*above)->note.isEmpty());
}

void TestAdminQuery::noHitSaysSo()
{
    KeyQuery q;
    q.topic = kTopic;
    q.key = QStringLiteral("nobody-used-this-key");
    auto result = await(m_cluster.admin().queryByKey(q));
    QVERIFY(result);
    QVERIFY(!*result);
    QCOMPARE(result->error().code, Error::Code::NotFound);
    const QString &m = result->error().message;
    QVERIFY2(m.contains(q.key) && m.contains(kTopic) && m.contains(m_cluster.brokerName(1)), qPrintable(m));
}

void TestAdminQuery::timeRangeIsHonoured()
{
    QString err;
    auto s = m_cluster.send(kTopic, 0, 3, {QStringLiteral("timed")}, QStringLiteral("TagA"), "timed", &err);
    QVERIFY2(s, qPrintable(err));
    KeyQuery q;
    q.topic = kTopic;
    q.key = QStringLiteral("timed");
    q.begin = QDateTime::currentMSecsSinceEpoch() + 3600000;
    auto future = await(m_cluster.admin().queryByKey(q));
    QVERIFY(future && !*future);
    QCOMPARE(future->error().code, Error::Code::NotFound);
    QVERIFY2(future->error().message.contains(QStringLiteral("between")), qPrintable(future->error().message));
    q.begin = 0;
    q.end = QDateTime::currentMSecsSinceEpoch() + 1000;
    auto all = await(m_cluster.admin().queryByKey(q));
    QVERIFY2(all && *all, why(all).constData());
    QCOMPARE((*all)->messages.first().message.offsetMsgId, s->offsetMsgId);
}

void TestAdminQuery::unknownTopic()
{
    KeyQuery q;
    q.topic = QStringLiteral("NoSuchTopicAnywhere");
    q.key = QStringLiteral("k");
    auto result = await(m_cluster.admin().queryByKey(q));
    QVERIFY(result && !*result);
    QCOMPARE(result->error().code, Error::Code::NotFound);
}

void TestAdminQuery::badKeyQueries()
{
    KeyQuery noTopic;
    noTopic.key = QStringLiteral("k");
    KeyQuery noKey;
    noKey.topic = kTopic;
    KeyQuery spaced;
    spaced.topic = kTopic;
    spaced.key = QStringLiteral("a b");
    KeyQuery backwards;
    backwards.topic = kTopic;
    backwards.key = QStringLiteral("k");
    backwards.begin = 2000;
    backwards.end = 1000;
    for (const KeyQuery &q : {noTopic, noKey, spaced, backwards}) {
        auto result = await(m_cluster.admin().queryByKey(q));
        QVERIFY(result && !*result);
        QCOMPARE(result->error().code, Error::Code::InvalidArgument);
        QVERIFY(!result->error().message.isEmpty());
    }
}

void TestAdminQuery::byOffsetMsgId()
{
    QString err;
    auto s = m_cluster.send(kTopic, 1, 0, {QStringLiteral("by-offset")}, QStringLiteral("TagB"), "by offset", &err);
    QVERIFY2(s, qPrintable(err));
    QCOMPARE(classifyMessageId(s->offsetMsgId), MessageIdKind::OffsetMsgId);
    auto result = await(m_cluster.admin().queryById(s->offsetMsgId)); // no topic needed
    QVERIFY2(result && *result, why(result).constData());
    QCOMPARE((*result)->detected, MessageIdKind::OffsetMsgId);
    QCOMPARE((*result)->foundBy, MessageIdKind::OffsetMsgId);
    QCOMPARE((*result)->messages.size(), 1);
    const FoundMessage &f = (*result)->messages.first();
    QCOMPARE(f.message.offsetMsgId, s->offsetMsgId);
    QCOMPARE(f.message.msgId(), s->msgId);
    QCOMPARE(f.message.body, QByteArray("by offset"));
    QCOMPARE(f.message.tags(), QStringLiteral("TagB"));
    QCOMPARE(f.brokerName, m_cluster.brokerName(1));
    QCOMPARE(f.brokerAddress, m_cluster.brokerAddress(1));
    // Lower case is the same id.
    auto lower = await(m_cluster.admin().queryById(s->offsetMsgId.toLower()));
    QVERIFY2(lower && *lower, why(lower).constData());
    QCOMPARE((*lower)->messages.first().message.offsetMsgId, s->offsetMsgId);
}

void TestAdminQuery::byUniqueKey()
{
    QString err;
    auto s = m_cluster.send(kTopic, 1, 3, {}, QStringLiteral("TagC"), "by unique key", &err);
    QVERIFY2(s, qPrintable(err));
    QCOMPARE(classifyMessageId(s->msgId), MessageIdKind::UniqueKey);
    auto result = await(m_cluster.admin().queryById(s->msgId, kTopic));
    QVERIFY2(result && *result, why(result).constData());
    QCOMPARE((*result)->detected, MessageIdKind::UniqueKey);
    QCOMPARE((*result)->foundBy, MessageIdKind::UniqueKey);
    QCOMPARE((*result)->messages.size(), 1);
    QCOMPARE((*result)->messages.first().message.offsetMsgId, s->offsetMsgId);
    QCOMPARE((*result)->messages.first().brokerName, m_cluster.brokerName(1));
    QCOMPARE(messageIdKindName((*result)->detected), QStringLiteral("msgId (UNIQ_KEY)"));
}

void TestAdminQuery::uniqueKeyWithoutTopic()
{
    QString err;
    auto s = m_cluster.send(kTopic, 0, 0, {}, QStringLiteral("TagC"), "needs topic", &err);
    QVERIFY2(s, qPrintable(err));
    auto result = await(m_cluster.admin().queryById(s->msgId));
    QVERIFY(result && !*result);
    QCOMPARE(result->error().code, Error::Code::InvalidArgument);
    QVERIFY2(result->error().message.contains(QStringLiteral("UNIQ_KEY")) &&
                 result->error().message.contains(QStringLiteral("topic")),
             qPrintable(result->error().message));
    auto wrongTopic = await(m_cluster.admin().queryById(s->msgId, QStringLiteral("TBW102")));
    QVERIFY(wrongTopic && !*wrongTopic);
    QCOMPARE(wrongTopic->error().code, Error::Code::NotFound);
}

void TestAdminQuery::malformedIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty") << QString() << "32";
    QTest::newRow("short") << QStringLiteral("7F0000010000") << "32";
    QTest::newRow("31 hex") << QStringLiteral("7F00000100002A9F000000000019A7E") << "31";
    QTest::newRow("33 hex") << QStringLiteral("7F00000100002A9F000000000019A7E4A") << "33";
    QTest::newRow("not hex") << QStringLiteral("7F00000100002A9F00000000001GA7E4") << "G";
    QTest::newRow("56 with a dash") << QStringLiteral("FD000000000000000000000000000002-6905FFD2B277709B0820000")
                                    << "-";
}

void TestAdminQuery::malformedIds()
{
    QFETCH(QString, id);
    QFETCH(QString, says);
    auto result = await(m_cluster.admin().queryById(id, kTopic));
    QVERIFY(result && !*result);
    QCOMPARE(result->error().code, Error::Code::InvalidArgument);
    const QString &m = result->error().message;
    QVERIFY2(m.contains(QStringLiteral("not a message id")) && m.contains(says), qPrintable(m));
}

void TestAdminQuery::offsetIdWithNothingThere()
{
    // A real store host, an offset where no message starts.
    auto host = PeerAddress::parse(m_cluster.brokerAddress(0));
    QVERIFY(host);
    const QString id = encodeOffsetMsgId(HostAndPort{QHostAddress(host->host), host->port}, 1LL << 40);
    auto result = await(m_cluster.admin().queryById(id));
    QVERIFY(result && !*result);
    QCOMPARE(result->error().code, Error::Code::NotFound);
    QVERIFY2(result->error().message.contains(m_cluster.brokerAddress(0)), qPrintable(result->error().message));
    // With a topic it is tried as a client id too, and the words say both.
    auto withTopic = await(m_cluster.admin().queryById(id, kTopic));
    QVERIFY(withTopic && !*withTopic);
    QCOMPARE(withTopic->error().code, Error::Code::NotFound);
    QVERIFY2(withTopic->error().message.contains(QStringLiteral("as an offsetMsgId")) &&
                 withTopic->error().message.contains(QStringLiteral("client msgId")),
             qPrintable(withTopic->error().message));
}

void TestAdminQuery::offsetIdOfUnreachableHost()
{
    const quint16 port = testkit::closedPort();
    const QString id = encodeOffsetMsgId(HostAndPort{QHostAddress(QHostAddress::LocalHost), port}, 0);
    auto result = await(m_cluster.admin().queryById(id));
    QVERIFY(result && !*result);
    QCOMPARE(result->error().code, Error::Code::Network);
    QVERIFY2(result->error().message.contains(QStringLiteral("127.0.0.1:%1").arg(port)),
             qPrintable(result->error().message));
}

void TestAdminQuery::compressedBodyComesBackWhole()
{
    QByteArray body;
    for (int i = 0; i < 2000; ++i)
        body += "line " + QByteArray::number(i) + "\n";
    QVERIFY(body.size() > m_cluster.producer().options().compressBodyOverBytes);
    QString err;
    auto s = m_cluster.send(kTopic, 0, 2, {QStringLiteral("big-body")}, QStringLiteral("TagA"), body, &err);
    QVERIFY2(s, qPrintable(err));
    KeyQuery q;
    q.topic = kTopic;
    q.key = QStringLiteral("big-body");
    auto result = await(m_cluster.admin().queryByKey(q));
    QVERIFY2(result && *result, why(result).constData());
    const MessageExt &m = (*result)->messages.first().message;
    QVERIFY(m.sysFlag & sysflag::Compressed); // stored compressed
    QCOMPARE(m.body, body);                   // shown decompressed
}

void TestAdminQuery::messageWithoutUniqueKey()
{
    // ali-ons 3.12 sends no UNIQ_KEY: its id is the offsetMsgId.
    MessageExt m;
    m.topic = kTopic;
    m.queueId = 1;
    m.body = "from ali-ons";
    m.properties.insert(prop::Keys, QStringLiteral("no-uniq"));
    m.rawProperties = QStringLiteral("KEYS\u0001no-uniq\u0002");
    m.bornTimestamp = QDateTime::currentMSecsSinceEpoch();
    m.bornHost = HostAndPort{QHostAddress(QHostAddress::LocalHost), 50000};
    auto stored = m_cluster.sandbox().broker(0)->store().append(m, 0);
    QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message));
    auto byId = await(m_cluster.admin().queryById(stored->offsetMsgId));
    QVERIFY2(byId && *byId, why(byId).constData());
    const MessageExt &found = (*byId)->messages.first().message;
    QVERIFY(found.uniqueKey().isEmpty());
    QCOMPARE(found.msgId(), stored->offsetMsgId);
    KeyQuery q;
    q.topic = kTopic;
    q.key = QStringLiteral("no-uniq");
    auto byKey = await(m_cluster.admin().queryByKey(q));
    QVERIFY2(byKey && *byKey, why(byKey).constData());
    QCOMPARE((*byKey)->messages.first().message.msgId(), stored->offsetMsgId);
}

void TestAdminQuery::ipv6StoreHostNotInAnyRoute()
{
    if (!testkit::canListenOnIpv6Loopback())
        QSKIP("this host cannot listen on ::1");
    // A broker on ::1 that no name server knows: the only way to it is the id itself.
    sandbox::BrokerOptions options;
    options.listenAddress = QHostAddress(QHostAddress::LocalHostIPv6);
    options.brokerName = QStringLiteral("broker-v6");
    sandbox::Broker broker(options);
    auto started = broker.start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().message));
    MessageExt m;
    m.topic = QStringLiteral("V6Topic");
    m.body = "stored on ::1";
    m.properties.insert(prop::Tags, QStringLiteral("v6"));
    m.rawProperties = QStringLiteral("TAGS\u0001v6\u0002");
    m.bornTimestamp = QDateTime::currentMSecsSinceEpoch();
    m.bornHost = HostAndPort{QHostAddress(QHostAddress::LocalHostIPv6), 40000};
    auto stored = broker.store().append(m, 0);
    QVERIFY(stored);
    const QString id = stored->offsetMsgId;
    QCOMPARE(id.size(), 56); // 16 address bytes + port + offset
    auto decoded = decodeOffsetMsgId(id);
    QVERIFY(decoded);
    QCOMPARE(decoded->storeHost.address, QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(decoded->storeHost.toString(), broker.address());
    QVERIFY(broker.address().startsWith(QStringLiteral("[::1]:")));

    auto result = await(m_cluster.admin().queryById(id));
    QVERIFY2(result && *result, why(result).constData());
    QCOMPARE((*result)->detected, MessageIdKind::OffsetMsgId);
    const FoundMessage &f = (*result)->messages.first();
    QCOMPARE(f.brokerAddress, broker.address()); // asked at the address inside the id
    QVERIFY(f.brokerName.isEmpty());             // no route names it
    QCOMPARE(f.message.body, QByteArray("stored on ::1"));
    QCOMPARE(f.message.storeHost.address, QHostAddress(QHostAddress::LocalHostIPv6));
    QVERIFY(f.message.sysFlag & sysflag::StoreHostV6);
    broker.stop();
}

void TestAdminQuery::ipv6Cluster()
{
    if (!testkit::canListenOnIpv6Loopback())
        QSKIP("this host cannot listen on ::1");
    testkit::Cluster v6;
    testkit::ClusterOptions options;
    options.listen = QHostAddress(QHostAddress::LocalHostIPv6);
    const QString error = v6.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(v6.createTopic(QStringLiteral("V6Cluster")).isEmpty());
    QString err;
    auto s = v6.send(QStringLiteral("V6Cluster"), 0, 1, {QStringLiteral("v6-key")}, QStringLiteral("TagA"), "v6", &err);
    QVERIFY2(s, qPrintable(err));
    QCOMPARE(s->offsetMsgId.size(), 56);
    auto byId = await(v6.admin().queryById(s->offsetMsgId));
    QVERIFY2(byId && *byId, why(byId).constData());
    QCOMPARE((*byId)->messages.first().brokerName, v6.brokerName(0));
    QCOMPARE((*byId)->messages.first().message.msgId(), s->msgId);
    KeyQuery q;
    q.topic = QStringLiteral("V6Cluster");
    q.key = QStringLiteral("v6-key");
    auto byKey = await(v6.admin().queryByKey(q));
    QVERIFY2(byKey && *byKey, why(byKey).constData());
    QCOMPARE((*byKey)->messages.first().message.offsetMsgId, s->offsetMsgId);
    auto byUnique = await(v6.admin().queryById(s->msgId, QStringLiteral("V6Cluster")));
    QVERIFY2(byUnique && *byUnique, why(byUnique).constData());
    QCOMPARE((*byUnique)->messages.first().message.offsetMsgId, s->offsetMsgId);
}

QTEST_GUILESS_MAIN(TestAdminQuery)
#include "test_admin_query.moc"
