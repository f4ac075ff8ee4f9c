// Bad requests get the broker's own codes and remarks, and never take the server down.
#include "Broker.h"
#include "Headers.h"
#include "Sandbox.h"
#include "SandboxTestSupport.h"

#include <QtTest>

using namespace mq;
using namespace mq::sandbox;

class TestSandboxErrors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void refusedSends_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<int>("queueId");
        QTest::addColumn<int>("bodySize");
        QTest::addColumn<bool>("autoCreate");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("remark");
        const QString faq = QStringLiteral("\nSee http://rocketmq.apache.org/docs/faq/ for further details.");
        QTest::newRow("illegal characters")
            << "bad topic!" << 0 << 10 << true << 1
            << "The specified topic contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$";
        QTest::newRow("blank") << "" << 0 << 10 << true << 1 << "The specified topic is blank.";
        QTest::newRow("too long") << QString(128, u'x') << 0 << 10 << true << 1
                                  << "The specified topic is longer than topic max length.";
        QTest::newRow("system topic") << "SCHEDULE_TOPIC_XXXX" << 0 << 10 << true << 16
                                      << "Sending message to topic[SCHEDULE_TOPIC_XXXX] is forbidden.";
        QTest::newRow("no such topic, auto-create off") << "nobody-made-me" << 0 << 10 << false << 17
                                                        << "topic[nobody-made-me] not exist, apply first please!" + faq;
        QTest::newRow("body over 4 MiB")
            << "big" << 0 << 4 * 1024 * 1024 + 1 << true << 13
            << "the message is illegal, maybe msg body or properties length not matched. msg body length limit 128k, "
               "msg properties length limit 32k.";
        QTest::newRow("queue id out of range")
            << "small" << 99 << 10 << true << 1
            << "request queueId[99] is illegal, TopicConfig [topicName=small, readQueueNums=4, writeQueueNums=4, "
               "perm=RW-, topicFilterType=SINGLE_TAG, topicSysFlag=0, order=false] Producer: %1";
    }

    void refusedSends()
    {
        QFETCH(QString, topic);
        QFETCH(int, queueId);
        QFETCH(int, bodySize);
        QFETCH(bool, autoCreate);
        QFETCH(int, code);
        QFETCH(QString, remark);
        SandboxOptions options;
        options.broker.autoCreateTopicEnable = autoCreate;
        Sandbox sandbox(options);
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        if (topic == u"small") // auto-created with 4 queues by a first send
            QCOMPARE(client.call(sbtest::sendV2(topic, 0, QString(), "x"))->code, 0);
        auto reply = client.call(
            sbtest::sendV2(topic, queueId, QStringLiteral("TAGS\u0001a"), QByteArray(bodySize, 'b')), 20000);
        QVERIFY(reply);
        QCOMPARE(reply->code, code);
        QCOMPARE(reply->remark.value_or(QString()),
                 remark.contains(u"%1") ? remark.arg(client.localAddress()) : remark);
        // Send responses carry the broker's region and trace switch even when they refuse.
        QCOMPARE(reply->field(QStringLiteral("MSG_REGION")), QStringLiteral("DefaultRegion"));
        QCOMPARE(reply->field(QStringLiteral("TRACE_ON")), QStringLiteral("true"));
        QVERIFY(!reply->extFields->contains(QStringLiteral("msgId")));
        // Nothing was stored and the connection is still good.
        QCOMPARE(sandbox.broker()->store().maxOffset(topic, queueId), 0);
        QVERIFY(client.call(request(RequestCode::GetMaxOffset, {{"topic", QStringLiteral("x")}, {"queueId", "0"}})));
    }

    void autoCreateOffMeansTheNameServerKnowsNothing()
    {
        SandboxOptions options;
        options.broker.autoCreateTopicEnable = false;
        Sandbox sandbox(options);
        RawClient ns;
        QVERIFY(sbtest::start(sandbox, {}, {&ns}));
        auto route = ns.call(request(RequestCode::GetRouteInfoByTopic, {{"topic", QStringLiteral("TBW102")}}));
        QVERIFY(route);
        QCOMPARE(route->code, int(ResponseCode::TopicNotExist));
    }

    void requestsMissingFieldsAreSystemErrors_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("send") << int(RequestCode::SendMessageV2);
        QTest::newRow("pull") << int(RequestCode::PullMessage);
        QTest::newRow("query") << int(RequestCode::QueryMessage);
        QTest::newRow("view") << int(RequestCode::ViewMessageById);
        QTest::newRow("max offset") << int(RequestCode::GetMaxOffset);
        QTest::newRow("consumer offset") << int(RequestCode::QueryConsumerOffset);
        QTest::newRow("send back") << int(RequestCode::ConsumerSendMsgBack);
        QTest::newRow("create topic") << int(RequestCode::UpdateAndCreateTopic);
        QTest::newRow("reset offset") << int(RequestCode::InvokeBrokerToResetOffset);
        QTest::newRow("heartbeat without body") << int(RequestCode::HeartBeat);
    }

    void requestsMissingFieldsAreSystemErrors()
    {
        QFETCH(int, code);
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        RemotingCommand r;
        r.code = code;
        r.language = LanguageCode::JAVA;
        r.extFields = ExtFields();
        auto reply = client.call(r);
        QVERIFY(reply);
        QCOMPARE(reply->code, int(ResponseCode::SystemError));
        QVERIFY(!reply->remark.value_or(QString()).isEmpty());
        QVERIFY(client.isConnected());
    }

    void pullRefusals()
    {
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        auto missing = client.call(sbtest::pull(QStringLiteral("g"), QStringLiteral("ghost"), 0, 0));
        QVERIFY(missing);
        QCOMPARE(missing->code, int(ResponseCode::TopicNotExist));
        QCOMPARE(
            missing->remark.value_or(QString()),
            QStringLiteral("topic[ghost] not exist, apply first please! \nSee http://rocketmq.apache.org/docs/faq/ "
                           "for further details."));
        QVERIFY(client.call(sbtest::sendV2(QStringLiteral("real"), 0, QString(), "x")));
        auto badQueue = client.call(sbtest::pull(QStringLiteral("g"), QStringLiteral("real"), 7, 0));
        QVERIFY(badQueue);
        QCOMPARE(badQueue->code, int(ResponseCode::SystemError));
        QCOMPARE(badQueue->remark.value_or(QString()),
                 QStringLiteral("queueId[7] is illegal, topic:[real] topicConfig.readQueueNums:[4] consumer:[%1]")
                     .arg(client.localAddress()));
    }

    void createTopicRefusals_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("remark");
        QTest::newRow("cluster name") << "DefaultCluster"
                                      << "the topic[DefaultCluster] is conflict with system reserved words.";
        QTest::newRow("system topic") << "SCHEDULE_TOPIC_XXXX"
                                      << "The topic[SCHEDULE_TOPIC_XXXX] is conflict with system topic.";
        QTest::newRow("illegal") << "a/b"
                                 << "The specified topic contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$";
    }

    void createTopicRefusals()
    {
        QFETCH(QString, topic);
        QFETCH(QString, remark);
        Sandbox sandbox;
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        CreateTopicRequestHeader h;
        h.topic = topic;
        auto reply = client.call(RemotingCommand::request(RequestCode::UpdateAndCreateTopic, h.toExtFields()));
        QVERIFY(reply);
        QCOMPARE(reply->code, int(ResponseCode::SystemError));
        QCOMPARE(reply->remark.value_or(QString()), remark);
    }

    void garbageAfterAGoodFrameClosesOnlyThatClient()
    {
        Sandbox sandbox;
        RawClient client, other;
        QVERIFY(sbtest::start(sandbox, {&client, &other}));
        // One good send and then junk, in a single write: the send is answered, then the close.
        QByteArray bytes = frame::encode(sbtest::sendV2(QStringLiteral("t"), 0, QString(), "ok"));
        bytes.append(QByteArray::fromHex("0000000c000000ff") + QByteArray(8, 'z'));
        client.sendRaw(bytes);
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.received().size(), 1);
        QCOMPARE(client.received().first().code, 0);
        QCOMPARE(sandbox.broker()->store().maxOffset(QStringLiteral("t"), 0), 1);
        QVERIFY(other.call(sbtest::pull(QStringLiteral("g"), QStringLiteral("t"), 0, 0)));
    }

    // Every recorded client request, each header field replaced by nonsense in turn: every one
    // is answered (or, oneway, ignored) and the broker keeps serving.
    void mutatedRecordedRequestsNeverBreakTheBroker()
    {
        SandboxOptions options;
        options.broker.longPollingCheckIntervalMs = 100;
        Sandbox sandbox(options);
        RawClient client;
        QVERIFY(sbtest::start(sandbox, {&client}));
        client.sendRaw(fixtures::frameBySeq(5)->bytes);
        QVERIFY(client.waitForResponse(4));
        const QStringList nonsense{QStringLiteral("x"),
                                   QStringLiteral("-1"),
                                   QStringLiteral("99999999"),
                                   QStringLiteral("99999999999999999999"),
                                   QString(),
                                   QStringLiteral("%RETRY%")};
        int sent = 0;
        for (const auto &f : fixtures::frames()) {
            if (f.dir != u"c2s" || !f.conn.startsWith(u"broker"))
                continue;
            const RemotingCommand original = sbtest::fixtureCommand(f.seq);
            if (original.isResponse() || !original.extFields)
                continue;
            for (const auto &[key, value] : original.extFields->entries()) {
                for (const QString &bad : nonsense) {
                    RemotingCommand mutated = original;
                    mutated.extFields->insert(key, bad);
                    mutated.flag &= ~RemotingCommand::kOnewayFlag;
                    if (mutated.code == int(RequestCode::PullMessage))
                        mutated.setField(QStringLiteral("suspendTimeoutMillis"), QStringLiteral("50"));
                    auto reply = client.call(mutated, 10000);
                    QVERIFY2(reply, qPrintable(QStringLiteral("seq %1, %2=%3").arg(f.seq).arg(key, bad)));
                    ++sent;
                }
            }
        }
        QVERIFY(sent > 500);
        QVERIFY(client.isConnected());
        auto alive = client.call(sbtest::sendV2(QStringLiteral("still-here"), 0, QString(), "ok"));
        QVERIFY(alive);
        QCOMPARE(alive->code, 0);
    }
};

QTEST_GUILESS_MAIN(TestSandboxErrors)
#include "test_sandbox_errors.moc"
