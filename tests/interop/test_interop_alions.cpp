// Interop with a client this team did not write: ali-ons 3.12 (npm) producing into the
// sandbox and consuming from it, checked against what our side sends and reads. Keys, tags,
// properties and bodies must survive byte for byte, compressed and Chinese bodies included.
#include "Broker.h"
#include "ClientInstance.h"
#include "Compression.h"
#include "Headers.h"
#include "MessageId.h"
#include "Producer.h"
#include "PropertyCodec.h"
#include "PushConsumer.h"
#include "Sandbox.h"
#include "SandboxTestSupport.h"
#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace mq;
using namespace mq::sandbox;

namespace {

const QString kInteropDir = QStringLiteral(MQDESK_INTEROP_DIR);

// One node script run; stdout lines collected as they come.
class NodeRun : public QObject {
public:
    NodeRun(const QString &node, const QString &script, const QStringList &args)
    {
        m_process.setWorkingDirectory(kInteropDir);
        m_process.setProgram(node);
        m_process.setArguments(QStringList{QDir(kInteropDir).filePath(script)} + args);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] {
            m_buffer += m_process.readAllStandardOutput();
            qsizetype nl;
            while ((nl = m_buffer.indexOf('\n')) >= 0) {
                m_lines.append(m_buffer.left(nl).trimmed());
                m_buffer.remove(0, nl + 1);
            }
        });
        m_process.start();
    }
    ~NodeRun() override
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    const QList<QByteArray> &lines() const { return m_lines; }
    QList<QJsonObject> objects() const
    {
        QList<QJsonObject> out;
        for (const auto &l : m_lines)
            if (l.startsWith('{'))
                out.append(QJsonDocument::fromJson(l).object());
        return out;
    }
    QProcess &process() { return m_process; }
    bool finished() const { return m_process.state() == QProcess::NotRunning; }
    QString diagnostics()
    {
        m_stderr += m_process.readAllStandardError();
        return QString::fromUtf8(m_stderr);
    }

private:
    QProcess m_process;
    QByteArray m_buffer;
    QList<QByteArray> m_lines;
    QByteArray m_stderr;
};

struct Sample {
    QString tags;
    QStringList keys;
    QByteArray body;
    QString userProperty;
};

QByteArray bigJsonBody()
{
    QByteArray body;
    for (int i = 0; body.size() < 8 * 1024; ++i)
        body += QStringLiteral("{\"id\":%1,\"title\":\"标题 %1 changed\"},").arg(i).toUtf8();
    return body;
}

QList<Sample> samples()
{
    QByteArray binary;
    for (int i = 0; i < 600; ++i)
        binary.append(char(i * 7 % 256));
    return {
        {QStringLiteral("TagA"),
         {QStringLiteral("order-1"), QStringLiteral("order-2")},
         "hello from the other side",
         QStringLiteral("v1")},
        {QStringLiteral("TagB"),
         {QStringLiteral("zh")},
         QStringLiteral("视频123标题变更").toUtf8(),
         QStringLiteral("中文属性")},
        {QStringLiteral("TagA"), {QStringLiteral("big")}, bigJsonBody(), QStringLiteral("big")},
        {QStringLiteral("TagB"), {QStringLiteral("binary")}, binary, QStringLiteral("bin")},
    };
}

bool writeSpec(const QString &path)
{
    QJsonArray spec;
    for (const auto &s : samples()) {
        QJsonObject o;
        o[QStringLiteral("tags")] = s.tags;
        o[QStringLiteral("keys")] = QJsonArray::fromStringList(s.keys);
        o[QStringLiteral("props")] = QJsonObject{{QStringLiteral("userProp"), s.userProperty}};
        o[QStringLiteral("bodyBase64")] = QString::fromLatin1(s.body.toBase64());
        spec.append(o);
    }
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(spec).toJson()) > 0;
}

bool createTopic(RawClient &client, const QString &topic)
{
    CreateTopicRequestHeader create;
    create.topic = topic;
    auto created = client.call(RemotingCommand::request(RequestCode::UpdateAndCreateTopic, create.toExtFields()));
    return created && created->code == 0;
}

QByteArray decompressed(const MessageExt &m)
{
    if (!(m.sysFlag & sysflag::Compressed))
        return m.body;
    auto type = compressionTypeFromSysFlag(m.sysFlag);
    auto plain = type ? decompress(m.body, *type) : Result<QByteArray>(type.error());
    return plain ? *plain : QByteArray("<cannot decompress>");
}

} // namespace

class TestInteropAliOns : public QObject {
    Q_OBJECT

    QString m_node;

private Q_SLOTS:
    void initTestCase()
    {
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (m_node.isEmpty())
            QSKIP("node is not on PATH: install Node.js to run the ali-ons interop tests");
        if (!QFileInfo::exists(kInteropDir + QStringLiteral("/node_modules/ali-ons/package.json")) ||
            !QFileInfo::exists(kInteropDir + QStringLiteral("/node_modules/urllib/package.json")))
            QSKIP("tests/interop/node_modules is missing: run `npm ci --prefix tests/interop` first");
    }

    void aliOnsProducerIntoTheSandbox()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.start());
        QTemporaryDir tmp;
        QJsonArray spec;
        for (const auto &s : samples()) {
            QJsonObject o;
            o[QStringLiteral("tags")] = s.tags;
            o[QStringLiteral("keys")] = QJsonArray::fromStringList(s.keys);
            o[QStringLiteral("props")] = QJsonObject{{QStringLiteral("userProp"), s.userProperty}};
            o[QStringLiteral("bodyBase64")] = QString::fromLatin1(s.body.toBase64());
            spec.append(o);
        }
        const QString specFile = tmp.filePath(QStringLiteral("messages.json"));
        QFile f(specFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(spec).toJson());
        f.close();

        // ali-ons gives up on a topic without a route (it never falls back to TBW102): create it.
        RawClient client;
        QVERIFY(client.connectTo(sandbox.brokerAddress()));
        CreateTopicRequestHeader create;
        create.topic = QStringLiteral("from-alions");
        auto created = client.call(RemotingCommand::request(RequestCode::UpdateAndCreateTopic, create.toExtFields()));
        QVERIFY(created);
        QCOMPARE(created->code, 0);

        NodeRun producer(
            m_node, QStringLiteral("alions_produce.js"),
            {sandbox.nameServerAddress(), QStringLiteral("from-alions"), QStringLiteral("alions-producer"), specFile});
        // The sandbox lives on this thread: wait with the event loop running, never block.
        QTRY_VERIFY2_WITH_TIMEOUT(producer.finished(), qPrintable(producer.diagnostics()), 60000);
        QVERIFY2(producer.process().exitCode() == 0, qPrintable(producer.diagnostics()));
        const auto results = producer.objects();
        QCOMPARE(results.size(), samples().size());

        for (qsizetype i = 0; i < results.size(); ++i) {
            const Sample s = samples()[i];
            const QJsonObject r = results[i];
            QCOMPARE(r[QStringLiteral("sendStatus")].toString(), QStringLiteral("SEND_OK"));
            QCOMPARE(r[QStringLiteral("brokerName")].toString(), QStringLiteral("broker-a"));
            // ali-ons sets no UNIQ_KEY: its msgId is the broker's offsetMsgId. View it by that id.
            auto id = decodeOffsetMsgId(r[QStringLiteral("msgId")].toString());
            QVERIFY(id);
            QCOMPARE(id->storeHost.toString(), sandbox.brokerAddress());
            auto viewed =
                client.call(request(RequestCode::ViewMessageById, {{"offset", QString::number(id->commitLogOffset)}}));
            QVERIFY(viewed);
            QCOMPARE(viewed->code, 0);
            const MessageExt m = sbtest::decodeStored(viewed->body).value(0);
            QCOMPARE(m.topic, QStringLiteral("from-alions"));
            QCOMPARE(m.queueId, r[QStringLiteral("queueId")].toVariant().toInt()); // ali-ons passes the header string
            QCOMPARE(m.queueOffset, qint64(r[QStringLiteral("queueOffset")].toDouble()));
            QCOMPARE(m.tags(), s.tags);
            QCOMPARE(m.keys(), s.keys);
            QCOMPARE(m.properties.value(QStringLiteral("userProp")), s.userProperty);
            QVERIFY(m.uniqueKey().isEmpty());
            QCOMPARE(m.msgId(), r[QStringLiteral("msgId")].toString());
            QCOMPARE(bool(m.sysFlag & sysflag::Compressed), s.body.size() >= 4096); // ali-ons zips at 4 KiB
            QCOMPARE(decompressed(m), s.body);
        }
        // The key index knows ali-ons' keys.
        QueryMessageRequestHeader q;
        q.topic = QStringLiteral("from-alions");
        q.key = QStringLiteral("order-2");
        auto byKey = client.call(RemotingCommand::request(RequestCode::QueryMessage, q.toExtFields()));
        QVERIFY(byKey);
        QCOMPARE(byKey->code, 0);
        QCOMPARE(sbtest::decodeStored(byKey->body).value(0).body, samples()[0].body);
    }

    void ourSendsIntoAnAliOnsConsumer()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.start());
        RawClient client;
        QVERIFY(client.connectTo(sandbox.brokerAddress()));
        CreateTopicRequestHeader create;
        create.topic = QStringLiteral("to-alions");
        auto created = client.call(RemotingCommand::request(RequestCode::UpdateAndCreateTopic, create.toExtFields()));
        QVERIFY(created);
        QCOMPARE(created->code, 0);

        const auto wanted = samples();
        NodeRun consumer(m_node, QStringLiteral("alions_consume.js"),
                         {sandbox.nameServerAddress(), QStringLiteral("to-alions"), QStringLiteral("alions-consumer"),
                          QStringLiteral("TagA || TagB"), QString::number(wanted.size())});
        QTRY_VERIFY2_WITH_TIMEOUT(consumer.lines().contains("ready"), qPrintable(consumer.diagnostics()), 30000);

        UniqueKeyGenerator ids;
        QHash<QString, QString> sentIds; // key -> offsetMsgId
        QHash<QString, QString> uniqueKeys;
        // A TagC message first: the broker must filter it out by tag hash.
        QVERIFY(client.call(sbtest::sendV2(QStringLiteral("to-alions"), 0,
                                           QStringLiteral("KEYS\u0001filtered\u0002TAGS\u0001TagC"), "not for you")));
        for (const auto &s : wanted) {
            Properties props;
            props.insert(prop::Keys, s.keys.join(u' '));
            props.insert(prop::UniqueClientMessageId, ids.next());
            props.insert(prop::WaitStoreMsgOk, QStringLiteral("true"));
            props.insert(prop::Tags, s.tags);
            props.insert(QStringLiteral("userProp"), s.userProperty);
            QByteArray body = s.body;
            int sysFlag = 0;
            if (body.size() >= 4096) {
                auto zipped = compress(body, CompressionType::Zlib);
                QVERIFY(zipped);
                body = *zipped;
                sysFlag = sysFlagForCompression(CompressionType::Zlib);
            }
            auto sent = client.call(sbtest::sendV2(QStringLiteral("to-alions"), int(sentIds.size()) % 4,
                                                   encodeProperties(props), body, sysFlag));
            QVERIFY(sent);
            QCOMPARE(sent->code, 0);
            sentIds.insert(s.keys.first(), sent->field(QStringLiteral("msgId")));
            uniqueKeys.insert(s.keys.first(), props.value(prop::UniqueClientMessageId));
        }

        QTRY_VERIFY2_WITH_TIMEOUT(consumer.finished(), qPrintable(consumer.diagnostics()), 60000);
        QVERIFY2(consumer.process().exitCode() == 0, qPrintable(consumer.diagnostics()));
        const auto got = consumer.objects();
        QCOMPARE(got.size(), wanted.size());
        for (const auto &s : wanted) {
            const auto it = std::find_if(got.begin(), got.end(), [&](const QJsonObject &o) {
                return o[QStringLiteral("keys")].toString() == s.keys.join(u' ');
            });
            QVERIFY2(it != got.end(), qPrintable(s.keys.join(u' ')));
            const QJsonObject &o = *it;
            QCOMPARE(o[QStringLiteral("topic")].toString(), QStringLiteral("to-alions"));
            QCOMPARE(o[QStringLiteral("tags")].toString(), s.tags);
            QCOMPARE(QByteArray::fromBase64(o[QStringLiteral("bodyBase64")].toString().toLatin1()), s.body);
            const QJsonObject props = o[QStringLiteral("properties")].toObject();
            QCOMPARE(props[QStringLiteral("userProp")].toString(), s.userProperty);
            QCOMPARE(props[QStringLiteral("UNIQ_KEY")].toString(), uniqueKeys.value(s.keys.first()));
            QCOMPARE(props[QStringLiteral("CLUSTER")].toString(), QStringLiteral("DefaultCluster"));
            // ali-ons computes msgId from the stored host and offset: our offsetMsgId.
            QCOMPARE(o[QStringLiteral("msgId")].toString(), sentIds.value(s.keys.first()));
        }
    }

    void aliOnsShowsUpAsAConsumerAndRetriesThroughTheSandbox()
    {
        SandboxOptions options;
        options.broker.delayTimeScale = 0.01; // the first retry (level 3, 10 s) after 100 ms
        Sandbox sandbox(options);
        QVERIFY(sandbox.start());
        RawClient client;
        QVERIFY(client.connectTo(sandbox.brokerAddress()));
        CreateTopicRequestHeader create;
        create.topic = QStringLiteral("retry-alions");
        QCOMPARE(client.call(RemotingCommand::request(RequestCode::UpdateAndCreateTopic, create.toExtFields()))->code,
                 0);

        NodeRun consumer(m_node, QStringLiteral("alions_consume.js"),
                         {sandbox.nameServerAddress(), QStringLiteral("retry-alions"), QStringLiteral("alions-retry"),
                          QStringLiteral("*"), QStringLiteral("2"), QStringLiteral("TagR")});
        QTRY_VERIFY2_WITH_TIMEOUT(consumer.lines().contains("ready"), qPrintable(consumer.diagnostics()), 30000);

        // The broker knows the group: JAVA language, the version ali-ons announces, its subscriptions.
        QTRY_VERIFY_WITH_TIMEOUT(sandbox.broker()->clients().consumerGroup(QStringLiteral("alions-retry")), 30000);
        auto connections = client.call(
            request(RequestCode::GetConsumerConnectionList, {{"consumerGroup", QStringLiteral("alions-retry")}}));
        QVERIFY(connections);
        QCOMPARE(connections->code, 0);
        auto body = ConsumerConnection::parse(connections->body);
        QVERIFY(body);
        QCOMPARE(body->connectionSet.size(), 1);
        QCOMPARE(body->connectionSet[0].language, QStringLiteral("JAVA"));
        QCOMPARE(body->connectionSet[0].version, 121);
        QVERIFY(body->subscriptionTable.contains(QStringLiteral("retry-alions")));
        QVERIFY(body->subscriptionTable.contains(QStringLiteral("%RETRY%alions-retry")));

        QVERIFY(client.call(sbtest::sendV2(QStringLiteral("retry-alions"), 0,
                                           QStringLiteral("KEYS\u0001again\u0002TAGS\u0001TagR"), "try me twice")));
        QVERIFY(client.call(sbtest::sendV2(QStringLiteral("retry-alions"), 1,
                                           QStringLiteral("KEYS\u0001once\u0002TAGS\u0001TagA"), "once is enough")));
        QTRY_VERIFY2_WITH_TIMEOUT(consumer.finished(), qPrintable(consumer.diagnostics()), 60000);
        QVERIFY2(consumer.process().exitCode() == 0, qPrintable(consumer.diagnostics()));
        const auto got = consumer.objects();
        // First delivery of "again" (answered RETRY), then "once" and the redelivery, in some order.
        QCOMPARE(got.size(), 3);
        QCOMPARE(got.first()[QStringLiteral("retry")].toBool(), true);
        const auto redelivery = std::find_if(got.begin() + 1, got.end(), [](const QJsonObject &o) {
            return o[QStringLiteral("keys")].toString() == u"again";
        });
        QVERIFY(redelivery != got.end());
        QCOMPARE(redelivery->value(QStringLiteral("reconsumeTimes")).toInt(), 1);
        // Pulled from %RETRY%alions-retry; ali-ons hands it over under RETRY_TOPIC, the original topic.
        QCOMPARE(redelivery->value(QStringLiteral("topic")).toString(), QStringLiteral("retry-alions"));
        QCOMPARE(QByteArray::fromBase64(redelivery->value(QStringLiteral("bodyBase64")).toString().toLatin1()),
                 QByteArray("try me twice"));
        const QJsonObject props = redelivery->value(QStringLiteral("properties")).toObject();
        QCOMPARE(props[QStringLiteral("RETRY_TOPIC")].toString(), QStringLiteral("retry-alions"));
        QCOMPARE(props[QStringLiteral("DELAY")].toString(), QStringLiteral("3"));
        QCOMPARE(props[QStringLiteral("ORIGIN_MESSAGE_ID")].toString(),
                 got.first()[QStringLiteral("msgId")].toString());
    }

    // Our own client library on the other end: Producer -> sandbox -> ali-ons consumer.
    void ourProducerIntoAnAliOnsConsumer()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.start());
        RawClient admin;
        QVERIFY(admin.connectTo(sandbox.brokerAddress()));
        QVERIFY(createTopic(admin, QStringLiteral("producer-to-alions")));
        const auto wanted = samples();
        NodeRun consumer(m_node, QStringLiteral("alions_consume.js"),
                         {sandbox.nameServerAddress(), QStringLiteral("producer-to-alions"),
                          QStringLiteral("alions-consumer-2"), QStringLiteral("TagA || TagB"),
                          QString::number(wanted.size())});
        QTRY_VERIFY2_WITH_TIMEOUT(consumer.lines().contains("ready"), qPrintable(consumer.diagnostics()), 30000);

        ClientConfig config;
        config.nameServer = sandbox.nameServerAddress();
        ClientInstance client(config);
        Producer producer(&client, QStringLiteral("mqdesk-producer"));
        auto started = testing::await(producer.start());
        QVERIFY(started && started->ok());
        QHash<QString, SendResult> results;
        for (const auto &s : wanted) {
            Message m;
            m.topic = QStringLiteral("producer-to-alions");
            m.setTags(s.tags);
            m.setKeys(s.keys);
            m.properties.insert(QStringLiteral("userProp"), s.userProperty);
            m.body = s.body;
            auto sent = testing::await(producer.send(m));
            QVERIFY2(sent && sent->ok(), testing::why(sent).constData());
            results.insert(s.keys.first(), sent->value());
        }
        QTRY_VERIFY2_WITH_TIMEOUT(consumer.finished(), qPrintable(consumer.diagnostics()), 60000);
        QVERIFY2(consumer.process().exitCode() == 0, qPrintable(consumer.diagnostics()));
        const auto got = consumer.objects();
        QCOMPARE(got.size(), wanted.size());
        for (const auto &s : wanted) {
            const auto it = std::find_if(got.begin(), got.end(), [&](const QJsonObject &o) {
                return o[QStringLiteral("keys")].toString() == s.keys.join(u' ');
            });
            QVERIFY2(it != got.end(), qPrintable(s.keys.join(u' ')));
            const SendResult &r = results.value(s.keys.first());
            QCOMPARE(it->value(QStringLiteral("tags")).toString(), s.tags);
            QCOMPARE(QByteArray::fromBase64(it->value(QStringLiteral("bodyBase64")).toString().toLatin1()), s.body);
            const QJsonObject props = it->value(QStringLiteral("properties")).toObject();
            QCOMPARE(props[QStringLiteral("userProp")].toString(), s.userProperty);
            QCOMPARE(props[QStringLiteral("UNIQ_KEY")].toString(), r.msgId);
            QCOMPARE(it->value(QStringLiteral("msgId")).toString(), r.offsetMsgId);
            QCOMPARE(it->value(QStringLiteral("queueId")).toInt(), r.messageQueue.queueId);
            QCOMPARE(qint64(it->value(QStringLiteral("queueOffset")).toDouble()), r.queueOffset);
        }
        testing::await(producer.shutdown());
        testing::await(client.shutdown());
    }

    // And the other way: ali-ons producer -> sandbox -> our PushConsumer.
    void aliOnsProducerIntoOurPushConsumer()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.start());
        RawClient admin;
        QVERIFY(admin.connectTo(sandbox.brokerAddress()));
        QVERIFY(createTopic(admin, QStringLiteral("alions-to-us")));

        ClientConfig config;
        config.nameServer = sandbox.nameServerAddress();
        ClientInstance client(config);
        PushConsumer consumer(QStringLiteral("mqdesk-consumer"), &client);
        QVERIFY(consumer.subscribe(QStringLiteral("alions-to-us"), QStringLiteral("TagA || TagB")));
        QList<MessageExt> received;
        connect(&consumer, &PushConsumer::messagesReceived, this,
                [&](const QList<MessageExt> &messages) { received += messages; });
        auto started = testing::await(consumer.start());
        QVERIFY(started && started->ok());
        QTRY_COMPARE_WITH_TIMEOUT(consumer.assignedQueues().size(), 4 + 1, 20000); // and %RETRY%mqdesk-consumer

        QTemporaryDir tmp;
        const QString specFile = tmp.filePath(QStringLiteral("messages.json"));
        QVERIFY(writeSpec(specFile));
        NodeRun producer(
            m_node, QStringLiteral("alions_produce.js"),
            {sandbox.nameServerAddress(), QStringLiteral("alions-to-us"), QStringLiteral("alions-producer"), specFile});
        QTRY_VERIFY2_WITH_TIMEOUT(producer.finished(), qPrintable(producer.diagnostics()), 60000);
        QVERIFY2(producer.process().exitCode() == 0, qPrintable(producer.diagnostics()));
        const auto results = producer.objects();
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), samples().size(), 30000);
        for (qsizetype i = 0; i < results.size(); ++i) {
            const Sample s = samples()[i];
            const QString msgId = results[i][QStringLiteral("msgId")].toString();
            const auto it = std::find_if(received.begin(), received.end(),
                                         [&](const MessageExt &m) { return m.offsetMsgId == msgId; });
            QVERIFY2(it != received.end(), qPrintable(msgId));
            QCOMPARE(it->tags(), s.tags);
            QCOMPARE(it->keys(), s.keys);
            QCOMPARE(it->properties.value(QStringLiteral("userProp")), s.userProperty);
            QCOMPARE(it->body, s.body);   // decompressed by our decoder when ali-ons zipped it
            QCOMPARE(it->msgId(), msgId); // no UNIQ_KEY: the offsetMsgId is the id
        }
        testing::await(consumer.shutdown());
        testing::await(client.shutdown());
    }
};

QTEST_GUILESS_MAIN(TestInteropAliOns)
#include "test_interop_alions.moc"
