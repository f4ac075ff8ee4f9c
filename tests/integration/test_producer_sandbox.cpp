// ClientInstance + Producer against the embedded sandbox (name server + two brokers), the
// messages read back with VIEW_MESSAGE_BY_ID and decoded.
#include "Broker.h"
#include "ClientInstance.h"
#include "ClientTestSupport.h"
#include "Headers.h"
#include "MessageCodec.h"
#include "MessageId.h"
#include "Producer.h"
#include "Sandbox.h"
#include "TestSupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;
using mq::ClientInstance;
using mq::Message;
using mq::Producer;
using mq::RemotingCommand;
using testing::await;
using testing::why;

class TestProducerSandbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void routeListsBothBrokers();
    void sendAndReadBack();
    void compressedBodyReadsBackWhole();
    void batchReadsBack();
    void onewayIsStored();
    void autoCreatedTopicViaDefault();
    void retriesWhenABrokerStops();
    void heartbeatRegistersProducer();

private:
    // The stored message behind an offsetMsgId, fetched from the broker it names.
    std::optional<mq::MessageExt> view(const QString &offsetMsgId);
    mq::sandbox::Sandbox &sandbox() { return m_rig->sandbox(); }
    ClientInstance &client() { return m_rig->client(); }
    Producer &producer() { return m_rig->producer(); }

    std::unique_ptr<testing::SandboxProducer> m_rig;
};

void TestProducerSandbox::init()
{
    mq::sandbox::SandboxOptions options;
    options.brokerCount = 2;
    m_rig = std::make_unique<testing::SandboxProducer>(options);
    const auto started = m_rig->start(QStringLiteral("sandbox-producer"));
    QVERIFY2(started.ok(), why(started).constData());
    const auto created = m_rig->createTopic(QStringLiteral("orders"), 4);
    QVERIFY2(created.ok(), why(created).constData());
}

void TestProducerSandbox::cleanup()
{
    m_rig.reset();
}

std::optional<mq::MessageExt> TestProducerSandbox::view(const QString &offsetMsgId)
{
    auto id = mq::decodeOffsetMsgId(offsetMsgId);
    if (!id)
        return std::nullopt;
    mq::ViewMessageRequestHeader h;
    h.offset = id->commitLogOffset;
    auto r = await(client().invoke(id->storeHost.toString(),
                                   RemotingCommand::request(mq::RequestCode::ViewMessageById, h.toExtFields())));
    if (!r || !r->ok() || (*r)->code != 0)
        return std::nullopt;
    auto messages = mq::decodeMessages((*r)->body);
    if (!messages || messages->isEmpty())
        return std::nullopt;
    return messages->first();
}

void TestProducerSandbox::routeListsBothBrokers()
{
    auto info = await(producer().publishInfo(QStringLiteral("orders")));
    QVERIFY2(info && info->ok(), why(*info).constData());
    QCOMPARE((*info)->queues.size(), 8);
    QCOMPARE((*info)->masterAddresses.value(QStringLiteral("broker-a")), sandbox().brokerAddress(0));
    QCOMPARE((*info)->masterAddresses.value(QStringLiteral("broker-b")), sandbox().brokerAddress(1));
    QVERIFY(!(*info)->viaDefaultTopic);
}

void TestProducerSandbox::sendAndReadBack()
{
    Message m;
    m.topic = QStringLiteral("orders");
    m.body = "order #1 paid";
    m.setTags(QStringLiteral("paid"));
    m.setKeys({QStringLiteral("order-1"), QStringLiteral("user-7")});
    m.properties.insert(QStringLiteral("source"), QStringLiteral("mqdesk"));
    QHash<QString, qint64> nextOffset;
    for (int i = 0; i < 12; ++i) {
        auto sent = await(producer().send(m));
        QVERIFY2(sent && sent->ok(), why(*sent).constData());
        const auto &r = **sent;
        QCOMPARE(r.status, mq::SendStatus::SendOk);
        // Offsets grow by one per queue.
        const QString q = r.messageQueue.toString();
        QCOMPARE(r.queueOffset, nextOffset.value(q, 0));
        nextOffset[q] = r.queueOffset + 1;
        auto stored = view(r.offsetMsgId);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->body, m.body);
        QCOMPARE(stored->topic, m.topic);
        QCOMPARE(stored->queueId, r.messageQueue.queueId);
        QCOMPARE(stored->queueOffset, r.queueOffset);
        QCOMPARE(stored->tags(), QStringLiteral("paid"));
        QCOMPARE(stored->keys(), (QStringList{QStringLiteral("order-1"), QStringLiteral("user-7")}));
        QCOMPARE(stored->properties.value(QStringLiteral("source")), QStringLiteral("mqdesk"));
        QCOMPARE(stored->uniqueKey(), r.msgId);
        QCOMPARE(stored->offsetMsgId, r.offsetMsgId);
        QCOMPARE(stored->storeHost.toString(), r.brokerAddress);
    }
    QCOMPARE(nextOffset.size(), 8); // round robin reached every queue of both brokers
}

void TestProducerSandbox::compressedBodyReadsBackWhole()
{
    QByteArray body;
    for (int i = 0; body.size() < 10000; ++i)
        body += "line " + QByteArray::number(i) + " of a large payload\n";
    Message m;
    m.topic = QStringLiteral("orders");
    m.body = body;
    auto sent = await(producer().send(m));
    QVERIFY2(sent && sent->ok(), why(*sent).constData());
    auto stored = view((*sent)->offsetMsgId);
    QVERIFY(stored.has_value());
    QVERIFY(stored->sysFlag & mq::sysflag::Compressed);
    QCOMPARE(stored->sysFlag, 769);
    QCOMPARE(stored->body, body);
}

void TestProducerSandbox::batchReadsBack()
{
    QList<Message> batch;
    for (int i = 0; i < 3; ++i) {
        Message m;
        m.topic = QStringLiteral("orders");
        m.body = "batched " + QByteArray::number(i);
        m.setKeys({QStringLiteral("b%1").arg(i)});
        batch.append(m);
    }
    auto sent = await(producer().sendBatch(batch));
    QVERIFY2(sent && sent->ok(), why(*sent).constData());
    const QStringList offsetIds = (*sent)->offsetMsgId.split(QLatin1Char(','));
    const QStringList uniqIds = (*sent)->msgId.split(QLatin1Char(','));
    QCOMPARE(offsetIds.size(), 3);
    QCOMPARE(uniqIds.size(), 3);
    qint64 batchStoreTime = 0;
    for (int i = 0; i < 3; ++i) {
        auto stored = view(offsetIds[i]);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->body, "batched " + QByteArray::number(i));
        QCOMPARE(stored->uniqueKey(), uniqIds[i]);
        QCOMPARE(stored->queueOffset, (*sent)->queueOffset + i);
        if (i == 0)
            batchStoreTime = stored->storeTimestamp;
        QCOMPARE(stored->storeTimestamp, batchStoreTime); // CommitLog.putMessages stamps a batch once
    }
}

void TestProducerSandbox::onewayIsStored()
{
    QSignalSpy a(sandbox().broker(0), &mq::sandbox::Broker::messageStored);
    QSignalSpy b(sandbox().broker(1), &mq::sandbox::Broker::messageStored);
    Message m;
    m.topic = QStringLiteral("orders");
    m.body = "fire and forget";
    auto st = await(producer().sendOneway(m));
    QVERIFY2(st && st->ok(), why(*st).constData());
    QTRY_COMPARE(a.size() + b.size(), 1);
}

void TestProducerSandbox::autoCreatedTopicViaDefault()
{
    Message m;
    m.topic = QStringLiteral("brand-new-topic");
    m.body = "first";
    auto sent = await(producer().send(m));
    QVERIFY2(sent && sent->ok(), why(*sent).constData());
    auto stored = view((*sent)->offsetMsgId);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->topic, QStringLiteral("brand-new-topic"));
    // The broker created it and told the name server: now it has a route of its own.
    auto route = await(client().topicRoute(QStringLiteral("brand-new-topic"), true));
    QVERIFY2(route && route->ok(), why(*route).constData());
}

void TestProducerSandbox::retriesWhenABrokerStops()
{
    QVERIFY(await(producer().publishInfo(QStringLiteral("orders")))->ok()); // route cached with both brokers
    sandbox().broker(0)->stop();
    int retried = 0;
    for (int i = 0; i < 8; ++i) {
        Message m;
        m.topic = QStringLiteral("orders");
        m.body = "after broker-a stopped";
        auto sent = await(producer().send(m));
        QVERIFY2(sent && sent->ok(), why(*sent).constData());
        QCOMPARE((*sent)->messageQueue.brokerName, QStringLiteral("broker-b"));
        if ((*sent)->attempts > 1) {
            ++retried;
            QCOMPARE((*sent)->failedBrokers, QStringList{QStringLiteral("broker-a")});
        }
    }
    QVERIFY(retried > 0);
}

void TestProducerSandbox::heartbeatRegistersProducer()
{
    QVERIFY(await(producer().publishInfo(QStringLiteral("orders")))->ok());
    QCOMPARE(await(client().sendHeartbeatToAllBrokers()).value(), 2);
}

QTEST_GUILESS_MAIN(TestProducerSandbox)
#include "test_producer_sandbox.moc"
