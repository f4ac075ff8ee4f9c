// Producer against a fake name server and fake brokers on 127.0.0.1, checked against the
// SEND_MESSAGE_V2 / SEND_BATCH_MESSAGE frames the Java 4.9.8 producer sent (fixtures 34..47).
#include "ClientInstance.h"
#include "ClientTestSupport.h"
#include "Compression.h"
#include "FakeCluster.h"
#include "Headers.h"
#include "MessageCodec.h"
#include "MessageId.h"
#include "Producer.h"
#include "PropertyCodec.h"
#include "TestSupport.h"
#include "fixtures.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;
using mq::ClientInstance;
using mq::Message;
using mq::Producer;
using mq::RemotingCommand;
using mq::SendResult;
using testing::await;
using testing::closedPort;
using testing::FakeCluster;
using testing::why;

namespace {

// Fixed client address and instance name, so client ids do not depend on the machine.
mq::ClientConfig fixedConfigFor(FakeCluster &cluster)
{
    mq::ClientConfig c = testing::configFor(cluster);
    c.clientIp = QStringLiteral("127.0.0.1");
    c.instanceName = QStringLiteral("4242#1");
    return c;
}

struct Rig {
    explicit Rig(FakeCluster &cluster, const QString &group = QStringLiteral("test-producer"))
        : client(fixedConfigFor(cluster))
        , producer(&client, group)
    {}
    ClientInstance client;
    Producer producer;
};

Message message(const QString &topic, const QByteArray &body, const QString &tags = {})
{
    Message m;
    m.topic = topic;
    m.body = body;
    if (!tags.isEmpty())
        m.setTags(tags);
    return m;
}

// The Java frame's message, rebuilt the way a user of our API would write it: tags, keys,
// delay and user properties through the setters; UNIQ_KEY preset to the recorded id so the
// properties string can be compared whole.
Message userMessage(const QString &topic, int flag, const mq::Properties &javaProps, const QByteArray &body)
{
    Message m;
    m.topic = topic;
    m.flag = flag;
    m.body = body;
    m.setTags(javaProps.value(mq::prop::Tags));
    m.setKeys(javaProps.value(mq::prop::Keys).split(QLatin1Char(' '), Qt::SkipEmptyParts));
    m.setDelayLevel(javaProps.value(mq::prop::DelayTimeLevel).toInt());
    for (const auto &[k, v] : javaProps.entries())
        if (k != mq::prop::Tags && k != mq::prop::Keys && k != mq::prop::DelayTimeLevel &&
            k != mq::prop::WaitStoreMsgOk)
            m.properties.insert(k, v);
    return m;
}

RemotingCommand javaFrame(int seq)
{
    const auto *rec = fixtures::frameBySeq(seq);
    if (!rec)
        qFatal("no fixture frame %d", seq);
    auto cmd = mq::frame::decode(rec->bytes);
    if (!cmd)
        qFatal("fixture frame %d: %s", seq, qPrintable(cmd.error().message));
    return *cmd;
}

// Ours with the two values no client can reproduce (opaque, bornTimestamp) taken from Java's.
QByteArray comparable(RemotingCommand ours, const RemotingCommand &java)
{
    ours.opaque = java.opaque;
    ours.setField(QStringLiteral("g"), java.field(QStringLiteral("g")));
    return mq::frame::encode(ours);
}

void compareFields(const RemotingCommand &ours, const RemotingCommand &java)
{
    QVERIFY(ours.extFields && java.extFields);
    QStringList ourKeys, javaKeys;
    for (const auto &e : ours.extFields->entries())
        ourKeys.append(e.first);
    for (const auto &e : java.extFields->entries())
        javaKeys.append(e.first);
    QCOMPARE(ourKeys, javaKeys); // same fields in the same (HashMap) order
    for (const auto &[k, v] : java.extFields->entries())
        if (k != u"g")
            QCOMPARE(qPrintable(k + QLatin1Char('=') + ours.field(k)), qPrintable(k + QLatin1Char('=') + v));
}

// How broker-a fails in the retry tests.
enum class BrokerAFailure { Busy, Refused, SocketCloses };

} // namespace

Q_DECLARE_METATYPE(BrokerAFailure)

class TestProducer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sendMatchesJavaFrame_data();
    void sendMatchesJavaFrame();
    void onewayMatchesJavaFrame();
    void batchMatchesJavaFrame();
    void sendResultCarriesBrokerAnswer();
    void roundRobinOverQueuesAndBrokers();
    void retriesOnAnotherBroker_data();
    void retriesOnAnotherBroker();
    void everyBrokerRefusing_data();
    void everyBrokerRefusing();
    void timeoutCoversRetries();
    void compressesFromFourKiB_data();
    void compressesFromFourKiB();
    void uniqueKeyPerMessage();
    void validationFailsBeforeAnythingIsSent_data();
    void validationFailsBeforeAnythingIsSent();
    void illegalTopicMatchesJavaError();
    void batchRules();
    void unknownTopicGoesThroughDefaultTopic();
    void unknownTopicWithoutDefaultRoute();
    void notStartedAndDuplicateGroup();
};

void TestProducer::sendMatchesJavaFrame_data()
{
    QTest::addColumn<int>("seq");
    QTest::newRow("34 tags, key, user property") << 34;
    QTest::newRow("39 two keys") << 39;
    QTest::newRow("41 8 KiB body, zlib") << 41;
    QTest::newRow("43 delay level") << 43;
}

void TestProducer::sendMatchesJavaFrame()
{
    QFETCH(int, seq);
    const RemotingCommand java = javaFrame(seq);
    auto javaHeader = mq::decodeHeader<mq::SendMessageRequestHeaderV2>(java);
    QVERIFY2(javaHeader.ok(), why(javaHeader).constData());
    const auto &h = javaHeader->header;
    QByteArray body = java.body;
    if (h.sysFlag & mq::sysflag::Compressed) {
        auto plain = mq::decompress(body, mq::CompressionType::Zlib);
        QVERIFY(plain.ok());
        body = *plain;
        QVERIFY(body.size() >= 4096);
    }

    FakeCluster cluster;
    cluster.addTopic(h.topic, 4);
    Rig rig(cluster, h.producerGroup);
    QVERIFY(await(rig.producer.start())->ok());
    mq::SendOptions options;
    options.queue = mq::MessageQueue{h.topic, QStringLiteral("broker-a"), h.queueId};
    auto sent =
        await(rig.producer.send(userMessage(h.topic, h.flag, mq::decodeProperties(*h.properties), body), options));
    QVERIFY2(sent && sent->ok(), why(sent).constData());

    QCOMPARE(cluster.sends(0).size(), 1);
    const RemotingCommand ours = cluster.sends(0).first();
    QCOMPARE(ours.code, java.code);
    QCOMPARE(ours.flag, java.flag);
    compareFields(ours, java);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(ours.body.toHex(), java.body.toHex()); // zlib output identical to java.util.zip's
    QCOMPARE(comparable(ours, java), fixtures::frameBySeq(seq)->bytes);
}

void TestProducer::onewayMatchesJavaFrame()
{
    const RemotingCommand java = javaFrame(47);
    QCOMPARE(java.flag, RemotingCommand::kOnewayFlag);
    const auto h = mq::decodeHeader<mq::SendMessageRequestHeaderV2>(java).value().header;
    FakeCluster cluster;
    cluster.addTopic(h.topic, 4);
    Rig rig(cluster, h.producerGroup);
    QVERIFY(await(rig.producer.start())->ok());
    mq::SendOptions options;
    options.queue = mq::MessageQueue{h.topic, QStringLiteral("broker-a"), h.queueId};
    auto st = await(
        rig.producer.sendOneway(userMessage(h.topic, h.flag, mq::decodeProperties(*h.properties), java.body), options));
    QVERIFY2(st && st->ok(), why(st).constData());
    QTRY_COMPARE(cluster.sends(0).size(), 1);
    const RemotingCommand ours = cluster.sends(0).first();
    compareFields(ours, java);
    QCOMPARE(comparable(ours, java), fixtures::frameBySeq(47)->bytes);
}

void TestProducer::batchMatchesJavaFrame()
{
    const RemotingCommand java = javaFrame(45);
    QCOMPARE(java.code, toInt(mq::RequestCode::SendBatchMessage));
    const auto h = mq::decodeHeader<mq::SendMessageRequestHeaderV2>(java).value().header;
    auto javaMessages = mq::decodeBatch(java.body);
    QVERIFY2(javaMessages.ok(), why(javaMessages).constData());
    QCOMPARE(javaMessages->size(), 3);
    QList<Message> batch;
    for (const auto &jm : *javaMessages)
        batch.append(userMessage(h.topic, jm.flag, jm.properties, jm.body));

    FakeCluster cluster;
    cluster.addTopic(h.topic, 4);
    Rig rig(cluster, h.producerGroup);
    QVERIFY(await(rig.producer.start())->ok());
    mq::SendOptions options;
    options.queue = mq::MessageQueue{h.topic, QStringLiteral("broker-a"), h.queueId};
    auto sent = await(rig.producer.sendBatch(batch, options));
    QVERIFY2(sent && sent->ok(), why(sent).constData());
    const RemotingCommand ours = cluster.sends(0).first();
    compareFields(ours, java);
    QCOMPARE(ours.body.toHex(), java.body.toHex());
    QCOMPARE(comparable(ours, java), fixtures::frameBySeq(45)->bytes);
    // The result joins the ids like the Java client (ground truth "sendBatch").
    const auto truth = fixtures::groundTruth(QStringLiteral("sendBatch")).first();
    QCOMPARE((*sent)->msgId, truth[u"msgId"].toString());
    QCOMPARE((*sent)->offsetMsgId.count(QLatin1Char(',')), 2);
}

void TestProducer::sendResultCarriesBrokerAnswer()
{
    FakeCluster cluster;
    cluster.addTopic(QStringLiteral("t1"), 4);
    Rig rig(cluster);
    QVERIFY(await(rig.producer.start())->ok());
    Message m = message(QStringLiteral("t1"), "hello", QStringLiteral("TagA"));
    m.setKeys({QStringLiteral("k1"), QStringLiteral("k2")});
    m.properties.insert(QStringLiteral("traceId"), QStringLiteral("abc"));
    auto sent = await(rig.producer.send(m));
    QVERIFY2(sent && sent->ok(), why(sent).constData());
    const SendResult &r = **sent;
    const RemotingCommand req = cluster.sends(0).first();
    const auto props = mq::decodeProperties(req.field(QStringLiteral("i")));
    QCOMPARE(r.status, mq::SendStatus::SendOk);
    QCOMPARE(mq::sendStatusName(r.status), QStringLiteral("SEND_OK"));
    QCOMPARE(r.msgId, props.value(mq::prop::UniqueClientMessageId));
    QCOMPARE(mq::classifyMessageId(r.msgId), mq::MessageIdKind::UniqueKey);
    QCOMPARE(mq::classifyMessageId(r.offsetMsgId), mq::MessageIdKind::OffsetMsgId);
    QCOMPARE(r.messageQueue.topic, QStringLiteral("t1"));
    QCOMPARE(r.messageQueue.brokerName, QStringLiteral("broker-a"));
    QCOMPARE(QString::number(r.messageQueue.queueId), req.field(QStringLiteral("e")));
    QCOMPARE(r.brokerAddress, cluster.brokerAddress(0));
    QCOMPARE(r.regionId, QStringLiteral("DefaultRegion"));
    QVERIFY(r.traceOn);
    QCOMPARE(r.attempts, 1);
    QCOMPARE(props.value(mq::prop::Tags), QStringLiteral("TagA"));
    QCOMPARE(props.value(mq::prop::Keys), QStringLiteral("k1 k2"));
    QCOMPARE(props.value(QStringLiteral("traceId")), QStringLiteral("abc"));
    QCOMPARE(props.value(mq::prop::WaitStoreMsgOk), QStringLiteral("true"));
    QCOMPARE(req.body, QByteArray("hello"));
}

void TestProducer::roundRobinOverQueuesAndBrokers()
{
    FakeCluster cluster({QStringLiteral("broker-a"), QStringLiteral("broker-b")});
    cluster.addTopic(QStringLiteral("rr"), 4);
    Rig rig(cluster);
    QVERIFY(await(rig.producer.start())->ok());
    QList<mq::MessageQueue> used;
    for (int i = 0; i < 16; ++i) {
        auto sent = await(rig.producer.send(message(QStringLiteral("rr"), "x")));
        QVERIFY2(sent && sent->ok(), why(sent).constData());
        used.append((*sent)->messageQueue);
    }
    // Publish order: broker-a 0..3, then broker-b 0..3 (brokers by name), from a random start.
    const auto queues = await(rig.producer.publishInfo(QStringLiteral("rr")))->value().queues;
    QCOMPARE(queues.size(), 8);
    const int start = int(queues.indexOf(used.first()));
    QVERIFY(start >= 0);
    for (int i = 0; i < used.size(); ++i)
        QCOMPARE(used[i], queues[(start + i) % 8]);
    QCOMPARE(cluster.sends(0).size(), 8);
    QCOMPARE(cluster.sends(1).size(), 8);
}

void TestProducer::retriesOnAnotherBroker_data()
{
    QTest::addColumn<BrokerAFailure>("failure");
    QTest::newRow("busy") << BrokerAFailure::Busy;
    QTest::newRow("connection refused") << BrokerAFailure::Refused;
    QTest::newRow("socket closes") << BrokerAFailure::SocketCloses;
}

void TestProducer::retriesOnAnotherBroker()
{
    QFETCH(BrokerAFailure, failure);
    FakeCluster cluster({QStringLiteral("broker-a"), QStringLiteral("broker-b")});
    switch (failure) {
    case BrokerAFailure::Busy:
        cluster.setSendCode(0, toInt(mq::ResponseCode::SystemBusy), QStringLiteral("[PCBUSY_CLEAN_QUEUE]broker busy"));
        break;
    case BrokerAFailure::Refused: // broker-a is down
        cluster.setBrokerAddress(0, QStringLiteral("127.0.0.1:%1").arg(closedPort()));
        break;
    case BrokerAFailure::SocketCloses: // broker-a dies whenever asked
        cluster.broker(0).setCloseOnRequest(true);
        break;
    }
    cluster.addTopic(QStringLiteral("retried"), 4); // routes name the addresses set above
    Rig rig(cluster);
    QVERIFY(await(rig.producer.start())->ok());
    int retried = 0;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 8; ++i) {
        auto sent = await(rig.producer.send(message(QStringLiteral("retried"), "x")));
        QVERIFY2(sent && sent->ok(), why(sent).constData());
        QCOMPARE((*sent)->messageQueue.brokerName, QStringLiteral("broker-b"));
        if ((*sent)->attempts == 2) {
            ++retried;
            QCOMPARE((*sent)->failedBrokers, QStringList{QStringLiteral("broker-a")});
        } else {
            QCOMPARE((*sent)->attempts, 1);
        }
    }
    // Round robin over 8 queues means some sends start on broker-a; each of those retried once.
    QVERIFY(retried > 0);
    QVERIFY2(clock.elapsed() < 3000, "a failing broker must be skipped at once");
    // A refused connection never reaches broker-a's server.
    QCOMPARE(cluster.sends(0).size(), failure == BrokerAFailure::Refused ? 0 : retried);
    QCOMPARE(cluster.sends(1).size(), 8);
}

void TestProducer::everyBrokerRefusing_data()
{
    QTest::addColumn<int>("queues");
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("remarks"); // broker-a's, broker-b's
    QTest::addColumn<QString>("startsWith");
    QTest::addColumn<QStringList>("mentions");
    QTest::addColumn<int>("attempts"); // sends the brokers saw in all
    const QString tooLarge = QStringLiteral("message too large");
    QTest::newRow("not retryable: returned at once")
        << 4 << toInt(mq::ResponseCode::MessageIllegal) << QStringList{tooLarge, tooLarge} << QString()
        << QStringList{tooLarge} << 1;
    QTest::newRow("busy: 1 + 2 retries") << 2 << toInt(mq::ResponseCode::SystemBusy)
                                         << QStringList{QStringLiteral("busy a"), QStringLiteral("busy b")}
                                         << QStringLiteral("Send [3] times, still failed")
                                         << QStringList{QStringLiteral("broker-a"), QStringLiteral("broker-b")} << 3;
}

void TestProducer::everyBrokerRefusing()
{
    QFETCH(int, queues);
    QFETCH(int, code);
    QFETCH(QStringList, remarks);
    QFETCH(QString, startsWith);
    QFETCH(QStringList, mentions);
    QFETCH(int, attempts);
    FakeCluster cluster({QStringLiteral("broker-a"), QStringLiteral("broker-b")});
    cluster.addTopic(QStringLiteral("refused"), queues);
    cluster.setSendCode(0, code, remarks[0]);
    cluster.setSendCode(1, code, remarks[1]);
    Rig rig(cluster);
    QVERIFY(await(rig.producer.start())->ok());
    auto sent = await(rig.producer.send(message(QStringLiteral("refused"), "x")));
    QVERIFY(sent.has_value());
    QVERIFY(!sent->ok());
    QCOMPARE(sent->error().code, mq::Error::Code::Broker);
    QCOMPARE(sent->error().brokerCode, code);
    QVERIFY2(sent->error().message.startsWith(startsWith), why(*sent).constData());
    for (const QString &mention : mentions)
        QVERIFY2(sent->error().message.contains(mention), why(*sent).constData());
    QCOMPARE(cluster.sends(0).size() + cluster.sends(1).size(), attempts);
}

void TestProducer::timeoutCoversRetries()
{
    FakeCluster cluster({QStringLiteral("broker-a"), QStringLiteral("broker-b")});
    cluster.addTopic(QStringLiteral("silent"), 2);
    for (int i = 0; i < 2; ++i)
        cluster.broker(i).setResponder([](const RemotingCommand &) { return std::nullopt; });
    Rig rig(cluster);
    QVERIFY(await(rig.producer.start())->ok());
    QVERIFY(await(rig.producer.publishInfo(QStringLiteral("silent")))->ok()); // route first, then time the send
    mq::SendOptions options;
    options.timeout = 400ms;
    QElapsedTimer clock;
    clock.start();
    auto sent = await(rig.producer.send(message(QStringLiteral("silent"), "x"), options));
    const qint64 elapsed = clock.elapsed();
    QVERIFY(sent && !sent->ok());
    QCOMPARE(sent->error().code, mq::Error::Code::Timeout);
    QVERIFY2(elapsed >= 380 && elapsed < 2000, qPrintable(QString::number(elapsed)));
}

void TestProducer::compressesFromFourKiB_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("compressed");
    QTest::newRow("4095") << 4095 << false;
    QTest::newRow("4096") << 4096 << true;
    QTest::newRow("64 KiB") << 65536 << true;
}

void TestProducer::compressesFromFourKiB()
{
    QFETCH(int, size);
    QFETCH(bool, compressed);
    FakeCluster cluster;
    cluster.addTopic(QStringLiteral("big"), 1);
    Rig rig(cluster);
    QVERIFY(await(rig.producer.start())->ok());
    QByteArray body;
    while (body.size() < size)
        body.append("MQCloud Desk body line " + QByteArray::number(body.size()) + '\n');
    body.truncate(size);
    QVERIFY(await(rig.producer.send(message(QStringLiteral("big"), body)))->ok());
    const RemotingCommand req = cluster.sends(0).first();
    const int sysFlag = req.field(QStringLiteral("f")).toInt();
    if (!compressed) {
        QCOMPARE(sysFlag, 0);
        QCOMPARE(req.body, body);
        return;
    }
    QCOMPARE(sysFlag, mq::sysflag::Compressed | (3 << 8)); // 769, as the Java producer sets it
    QVERIFY(req.body.size() < body.size());
    auto type = mq::compressionTypeFromSysFlag(sysFlag);
    QVERIFY(type.ok());
    QCOMPARE(*type, mq::CompressionType::Zlib);
    QCOMPARE(mq::decompress(req.body, *type).value(), body);
}

void TestProducer::uniqueKeyPerMessage()
{
    FakeCluster cluster;
    cluster.addTopic(QStringLiteral("ids"), 1);
    Rig rig(cluster);
    QVERIFY(await(rig.producer.start())->ok());
    QSet<QString> ids;
    for (int i = 0; i < 50; ++i) {
        auto sent = await(rig.producer.send(message(QStringLiteral("ids"), "x")));
        QVERIFY(sent && sent->ok());
        ids.insert((*sent)->msgId);
    }
    QCOMPARE(ids.size(), 50);
    // A preset UNIQ_KEY is kept, as MessageClientIDSetter.setUniqID does.
    Message preset = message(QStringLiteral("ids"), "x");
    preset.properties.insert(mq::prop::UniqueClientMessageId, QStringLiteral("0A000001000000000000000000000001"));
    auto sent = await(rig.producer.send(preset));
    QCOMPARE((*sent)->msgId, QStringLiteral("0A000001000000000000000000000001"));
}

void TestProducer::validationFailsBeforeAnythingIsSent_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("illegal topic") << "bad topic!" << QByteArray("x") << "illegal characters";
    QTest::newRow("empty topic") << "" << QByteArray("x") << "topic";
    QTest::newRow("topic too long") << QString(128, QLatin1Char('t')) << QByteArray("x") << "127";
    QTest::newRow("default topic") << "TBW102" << QByteArray("x") << "TBW102";
    QTest::newRow("empty body") << "ok-topic" << QByteArray() << "body";
    QTest::newRow("body over 4 MiB") << "ok-topic" << QByteArray(4 * 1024 * 1024 + 1, 'x') << "4194304";
}

void TestProducer::validationFailsBeforeAnythingIsSent()
{
    QFETCH(QString, topic);
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    FakeCluster cluster;
    cluster.addTopic(QStringLiteral("ok-topic"), 1);
    Rig rig(cluster);
    QVERIFY(await(rig.producer.start())->ok());
    auto sent = await(rig.producer.send(message(topic, body)));
    QVERIFY(sent && !sent->ok());
    QCOMPARE(sent->error().code, mq::Error::Code::InvalidArgument);
    QVERIFY2(sent->error().message.contains(mentions), why(*sent).constData());
    QCOMPARE(cluster.nameServer().received().size(), 0);
    QCOMPARE(cluster.sends(0).size(), 0);
}

void TestProducer::illegalTopicMatchesJavaError()
{
    FakeCluster cluster;
    Rig rig(cluster);
    QVERIFY(await(rig.producer.start())->ok());
    auto sent = await(rig.producer.send(message(QStringLiteral("bad topic!"), "x")));
    QVERIFY(sent && !sent->ok());
    const QString java = fixtures::groundTruth(QStringLiteral("sendIllegalTopic")).first().toString();
    // Java appends its FAQ link after a newline; the sentence itself is the same.
    QCOMPARE(sent->error().message, java.section(QLatin1Char('\n'), 0, 0));
}

void TestProducer::batchRules()
{
    FakeCluster cluster;
    cluster.addTopic(QStringLiteral("b1"), 1);
    cluster.addTopic(QStringLiteral("b2"), 1);
    Rig rig(cluster);
    QVERIFY(await(rig.producer.start())->ok());
    auto mixed =
        await(rig.producer.sendBatch({message(QStringLiteral("b1"), "1"), message(QStringLiteral("b2"), "2")}));
    QVERIFY(mixed && !mixed->ok());
    QVERIFY(mixed->error().message.contains(QStringLiteral("should be the same")));
    Message delayed = message(QStringLiteral("b1"), "2");
    delayed.setDelayLevel(3);
    auto withDelay = await(rig.producer.sendBatch({message(QStringLiteral("b1"), "1"), delayed}));
    QVERIFY(withDelay && !withDelay->ok());
    QVERIFY(withDelay->error().message.contains(QStringLiteral("TimeDelayLevel")));
    auto empty = await(rig.producer.sendBatch({}));
    QVERIFY(empty && !empty->ok());
    QCOMPARE(cluster.sends(0).size(), 0);

    auto ok = await(rig.producer.sendBatch(
        {message(QStringLiteral("b1"), "one", QStringLiteral("A")), message(QStringLiteral("b1"), "two")}));
    QVERIFY2(ok && ok->ok(), why(*ok).constData());
    const RemotingCommand req = cluster.sends(0).first();
    QCOMPARE(req.code, toInt(mq::RequestCode::SendBatchMessage));
    QCOMPARE(req.field(QStringLiteral("m")), QStringLiteral("true"));
    QCOMPARE(req.field(QStringLiteral("i")), QStringLiteral("WAIT\u0001true"));
    const auto inside = mq::decodeBatch(req.body).value();
    QCOMPARE(inside.size(), 2);
    QCOMPARE(inside[0].body, QByteArray("one"));
    QCOMPARE(inside[0].tags(), QStringLiteral("A"));
    QCOMPARE((*ok)->msgId, inside[0].uniqueKey() + QLatin1Char(',') + inside[1].uniqueKey());
}

void TestProducer::unknownTopicGoesThroughDefaultTopic()
{
    FakeCluster cluster({QStringLiteral("broker-a"), QStringLiteral("broker-b")});
    cluster.addTopic(QStringLiteral("TBW102"), 8, {1}); // only broker-b allows auto-creation
    Rig rig(cluster);
    QVERIFY(await(rig.producer.start())->ok());
    auto info = await(rig.producer.publishInfo(QStringLiteral("fresh-topic")));
    QVERIFY2(info && info->ok(), why(*info).constData());
    QVERIFY((*info)->viaDefaultTopic);
    QCOMPARE((*info)->queues.size(), 4); // min(defaultTopicQueueNums 4, 8)
    auto sent = await(rig.producer.send(message(QStringLiteral("fresh-topic"), "x")));
    QVERIFY2(sent && sent->ok(), why(*sent).constData());
    const RemotingCommand req = cluster.sends(1).first();
    QCOMPARE(req.field(QStringLiteral("b")), QStringLiteral("fresh-topic"));
    QCOMPARE(req.field(QStringLiteral("c")), QStringLiteral("TBW102"));
    QCOMPARE(req.field(QStringLiteral("d")), QStringLiteral("4"));
}

void TestProducer::unknownTopicWithoutDefaultRoute()
{
    FakeCluster cluster;
    Rig rig(cluster);
    QVERIFY(await(rig.producer.start())->ok());
    auto sent = await(rig.producer.send(message(QStringLiteral("missing-topic"), "x")));
    QVERIFY(sent && !sent->ok());
    QCOMPARE(sent->error().code, mq::Error::Code::NotFound);
    QVERIFY2(sent->error().message.contains(QStringLiteral("No route info of this topic: missing-topic")),
             why(*sent).constData());
    QCOMPARE(cluster.sends(0).size(), 0);
}

void TestProducer::notStartedAndDuplicateGroup()
{
    FakeCluster cluster;
    cluster.addTopic(QStringLiteral("t"), 1);
    Rig rig(cluster);
    auto early = await(rig.producer.send(message(QStringLiteral("t"), "x")));
    QVERIFY(early && !early->ok());
    QVERIFY(early->error().message.contains(QStringLiteral("not started")));
    QVERIFY(await(rig.producer.start())->ok());
    Producer twin(&rig.client, QStringLiteral("test-producer"));
    auto dup = await(twin.start());
    QVERIFY(dup && !dup->ok());
    QVERIFY(dup->error().message.contains(QStringLiteral("has been created before")));
    Producer reserved(&rig.client, QStringLiteral("DEFAULT_PRODUCER"));
    QVERIFY(!await(reserved.start())->ok());
    Producer badName(&rig.client, QStringLiteral("bad group!"));
    QCOMPARE(await(badName.start())->error().code, mq::Error::Code::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestProducer)
#include "test_producer.moc"
