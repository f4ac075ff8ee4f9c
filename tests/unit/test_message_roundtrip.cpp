#include "Compression.h"
#include "MessageCodec.h"
#include "MessageId.h"
#include "PropertyCodec.h"

#include <QtTest>

using namespace mq;

// encodeStoredMessage -> decodeMessages gives every field back, for the layouts the broker
// can produce: IPv4/IPv6 hosts, magic V1/V2 topics, every compression type, empty bodies.
class TestMessageRoundTrip : public QObject {
    Q_OBJECT

    static MessageExt sample(const QString &born, const QString &store)
    {
        MessageExt m;
        m.topic = QStringLiteral("fixture-topic");
        m.flag = 7;
        m.queueId = 3;
        m.queueOffset = 123456789012LL;
        m.commitLogOffset = 0x0000123456789ABCLL;
        m.bornTimestamp = 1795488323715LL;
        m.storeTimestamp = 1795488323738LL;
        m.bornHost = {QHostAddress(born), 52678};
        m.storeHost = {QHostAddress(store), 10911};
        m.reconsumeTimes = 2;
        m.preparedTransactionOffset = 99;
        m.setTags(QStringLiteral("TagA"));
        m.setKeys({QStringLiteral("k1"), QStringLiteral("k2")});
        m.properties.insert(prop::UniqueClientMessageId,
                            QStringLiteral("FD00000000000000000000000000000236905FFD2B277709B0820000"));
        m.properties.insert(QStringLiteral("中文"), QStringLiteral("值"));
        m.body = QStringLiteral("视频123标题变更").toUtf8();
        m.bodyCrc = bodyCrc32(m.body);
        return m;
    }

    static void compareFields(const MessageExt &a, const MessageExt &b)
    {
        QCOMPARE(a.topic, b.topic);
        QCOMPARE(a.flag, b.flag);
        QCOMPARE(a.queueId, b.queueId);
        QCOMPARE(a.queueOffset, b.queueOffset);
        QCOMPARE(a.commitLogOffset, b.commitLogOffset);
        QCOMPARE(a.bornTimestamp, b.bornTimestamp);
        QCOMPARE(a.storeTimestamp, b.storeTimestamp);
        QCOMPARE(a.bornHost, b.bornHost);
        QCOMPARE(a.storeHost, b.storeHost);
        QCOMPARE(a.reconsumeTimes, b.reconsumeTimes);
        QCOMPARE(a.preparedTransactionOffset, b.preparedTransactionOffset);
        QCOMPARE(a.properties, b.properties);
        QCOMPARE(a.body, b.body);
        QCOMPARE(a.bodyCrc, b.bodyCrc);
    }

private Q_SLOTS:
    void hosts_data()
    {
        QTest::addColumn<QString>("born");
        QTest::addColumn<QString>("store");
        QTest::addColumn<int>("v6Bits");
        QTest::addColumn<int>("offsetIdLength");
        QTest::newRow("v4/v4") << "127.0.0.1"
                               << "127.0.0.1" << 0 << 32;
        QTest::newRow("v6/v4") << "fd00::2"
                               << "10.1.2.3" << sysflag::BornHostV6 << 32;
        QTest::newRow("v4/v6") << "192.0.2.2"
                               << "2001:db8::10" << sysflag::StoreHostV6 << 56;
        QTest::newRow("v6/v6") << "fd00::2"
                               << "::1" << (sysflag::BornHostV6 | sysflag::StoreHostV6) << 56;
    }

    void hosts()
    {
        QFETCH(QString, born);
        QFETCH(QString, store);
        QFETCH(int, v6Bits);
        QFETCH(int, offsetIdLength);
        MessageExt m = sample(born, store);
        const QByteArray bytes = encodeStoredMessage(m);
        // Each IPv6 host takes 12 more bytes; the V6 bits follow the addresses.
        const int v6Count = ((v6Bits & sysflag::BornHostV6) ? 1 : 0) + ((v6Bits & sysflag::StoreHostV6) ? 1 : 0);
        QCOMPARE(bytes.size(), encodeStoredMessage(sample("1.1.1.1", "1.1.1.1")).size() + 12 * v6Count);
        auto decoded = decodeMessages(bytes);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
        QCOMPARE(decoded->size(), 1);
        const MessageExt &d = decoded->first();
        compareFields(d, m);
        QCOMPARE(d.sysFlag & (sysflag::BornHostV6 | sysflag::StoreHostV6), v6Bits);
        QCOMPARE(d.storeSize, bytes.size());
        QCOMPARE(quint32(d.magicCode), magic::MessageV1);
        QCOMPARE(d.offsetMsgId.size(), offsetIdLength);
        QCOMPARE(d.offsetMsgId, encodeOffsetMsgId(m.storeHost, m.commitLogOffset));
        auto id = decodeOffsetMsgId(d.offsetMsgId);
        QVERIFY(id.ok());
        QCOMPARE(id->storeHost, m.storeHost);
        QCOMPARE(id->commitLogOffset, m.commitLogOffset);
        QCOMPARE(encodeStoredMessage(d), bytes);
    }

    void compressedBodies_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("zlib") << int(CompressionType::Zlib);
        QTest::newRow("zstd") << int(CompressionType::Zstd);
        QTest::newRow("lz4") << int(CompressionType::Lz4);
    }

    void compressedBodies()
    {
        QFETCH(int, type);
        MessageExt m = sample(QStringLiteral("127.0.0.1"), QStringLiteral("127.0.0.1"));
        const QByteArray plain = QByteArray(20000, 'x') + QByteArray("tail");
        m.body = *compress(plain, CompressionType(type), 3);
        m.bodyCrc = bodyCrc32(m.body);
        m.sysFlag = sysFlagForCompression(CompressionType(type));
        const QByteArray bytes = encodeStoredMessage(m);
        auto decoded = decodeMessages(bytes);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
        QCOMPARE(decoded->first().body, plain);
        QCOMPARE(decoded->first().bodyCrc, m.bodyCrc);
        auto raw = decodeMessages(bytes, {.decompressBody = false});
        QCOMPARE(raw->first().body, m.body);
    }

    // Topics over 127 UTF-8 bytes need the RocketMQ 5 V2 magic and its 2-byte length.
    void longTopicUsesMagicV2()
    {
        MessageExt m = sample(QStringLiteral("127.0.0.1"), QStringLiteral("127.0.0.1"));
        m.topic = QString(200, QLatin1Char('t'));
        const QByteArray bytes = encodeStoredMessage(m);
        QCOMPARE(qFromBigEndian<quint32>(bytes.constData() + 4), magic::MessageV2);
        auto decoded = decodeMessages(bytes);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->first().topic, m.topic);
        QCOMPARE(quint32(decoded->first().magicCode), magic::MessageV2);
        // A short topic can be written as V2 too when the message says so.
        m.topic = QStringLiteral("short");
        m.magicCode = qint32(magic::MessageV2);
        auto again = decodeMessages(encodeStoredMessage(m));
        QVERIFY(again.ok());
        QCOMPARE(again->first().topic, QStringLiteral("short"));
        QCOMPARE(encodeStoredMessage(m).size(), encodeStoredMessage(sample("127.0.0.1", "127.0.0.1")).size() - 8 + 1);
    }

    void emptyBodyAndProperties()
    {
        MessageExt m;
        m.topic = QStringLiteral("t");
        m.bornHost = {QHostAddress(QStringLiteral("127.0.0.1")), 1};
        m.storeHost = {QHostAddress(QStringLiteral("127.0.0.1")), 2};
        auto decoded = decodeMessages(encodeStoredMessage(m));
        QVERIFY(decoded.ok());
        QVERIFY(decoded->first().body.isEmpty());
        QVERIFY(decoded->first().properties.isEmpty());
        QCOMPARE(decoded->first().msgId(), decoded->first().offsetMsgId); // no UNIQ_KEY: the offset id shows
    }

    void manyMessagesBackToBack()
    {
        QByteArray body;
        QList<MessageExt> sent;
        for (int i = 0; i < 50; ++i) {
            MessageExt m = sample(i % 2 ? QStringLiteral("fd00::2") : QStringLiteral("10.0.0.1"),
                                  i % 3 ? QStringLiteral("127.0.0.1") : QStringLiteral("fd00::1"));
            m.queueOffset = i;
            m.commitLogOffset = 1000 + i * 300;
            m.body = QByteArray::number(i);
            m.bodyCrc = bodyCrc32(m.body);
            sent.append(m);
            body += encodeStoredMessage(m);
        }
        auto decoded = decodeMessages(body);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->size(), 50);
        for (int i = 0; i < 50; ++i)
            compareFields(decoded->at(i), sent[i]);
    }

    // Properties edited after decoding are encoded afresh; the stored string is only reused
    // while it still says the same.
    void editedPropertiesAreReencoded()
    {
        MessageExt m = sample(QStringLiteral("127.0.0.1"), QStringLiteral("127.0.0.1"));
        m.rawProperties = encodeProperties(m.properties) + QStringLiteral("\u0002TAGS\u0001TagA"); // repeated key
        auto decoded = decodeMessages(encodeStoredMessage(m));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->first().rawProperties, m.rawProperties);
        MessageExt edited = decoded->first();
        edited.setTags(QStringLiteral("TagZ"));
        auto again = decodeMessages(encodeStoredMessage(edited));
        QVERIFY(again.ok());
        QCOMPARE(again->first().tags(), QStringLiteral("TagZ"));
        QCOMPARE(again->first().rawProperties, encodeProperties(edited.properties));
    }

    void oversizedFieldsAreRefused()
    {
        MessageExt m = sample(QStringLiteral("127.0.0.1"), QStringLiteral("127.0.0.1"));
        m.properties.insert(QStringLiteral("big"), QString(40000, QLatin1Char('v')));
        QVERIFY(encodeStoredMessage(m).isEmpty());
        auto status = checkStorable(m);
        QVERIFY(!status.ok());
        QVERIFY(status.error().message.contains(QStringLiteral("properties")));
        m = sample(QStringLiteral("127.0.0.1"), QStringLiteral("127.0.0.1"));
        m.topic = QString(40000, QLatin1Char('t'));
        QVERIFY(encodeStoredMessage(m).isEmpty());
        QVERIFY(checkStorable(m).error().message.contains(QStringLiteral("topic")));
        QVERIFY(checkStorable(sample(QStringLiteral("::1"), QStringLiteral("::1"))).ok());
    }

    void batchRoundTrip()
    {
        QList<Message> batch;
        for (int i = 0; i < 5; ++i) {
            Message m;
            m.flag = i;
            m.body = QByteArray(i * 10, char('a' + i));
            m.setKeys({QStringLiteral("key%1").arg(i)});
            m.properties.insert(QStringLiteral("n"), QString::number(i));
            batch.append(m);
        }
        const QByteArray body = encodeBatch(batch);
        auto decoded = decodeBatch(body);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
        QCOMPARE(decoded->size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(decoded->at(i).flag, i);
            QCOMPARE(decoded->at(i).body, batch[i].body);
            QCOMPARE(decoded->at(i).properties, batch[i].properties);
        }
        QCOMPARE(encodeBatch(*decoded), body);
        QVERIFY(decodeBatch(QByteArray())->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMessageRoundTrip)
#include "test_message_roundtrip.moc"
