#include "Compression.h"
#include "MessageCodec.h"
#include "MessageId.h"
#include "PropertyCodec.h"
#include "fixture_exchanges.h"

#include <QSet>
#include <QtTest>

using namespace mq;

// Message bodies the real 4.9.8 broker sent (pull, query) and the Java producer sent
// (send, batch send), decoded and compared with what the Java client itself reported.
class TestMessageCodec : public QObject {
    Q_OBJECT

    // Set by the Java consumer, never on the wire.
    const QSet<QString> clientSideProperties{QStringLiteral("CONSUME_START_TIME"), QStringLiteral("MIN_OFFSET"),
                                             QStringLiteral("MAX_OFFSET")};

    static QList<json::Value> records(const QStringList &kinds)
    {
        QList<json::Value> out;
        for (const QString &kind : kinds)
            out += fixtures::groundTruth(kind);
        return out;
    }

    static QList<json::Value> recordsFor(const QString &offsetMsgId, const QStringList &kinds)
    {
        QList<json::Value> out;
        for (const json::Value &r : records(kinds))
            if (r[u"offsetMsgId"].toString() == offsetMsgId)
                out.append(r);
        return out;
    }

    static QString hostText(const HostAndPort &h) { return h.toString(); }

    // Field-by-field comparison with a ground-truth record; returns the differences.
    QStringList differences(const MessageExt &m, const json::Value &gt, bool consumerView) const
    {
        QStringList diffs;
        auto check = [&](const char *field, const QString &actual, const QString &expected) {
            if (actual != expected)
                diffs << QStringLiteral("%1: decoded '%2', Java '%3'").arg(QLatin1String(field), actual, expected);
        };
        check("msgId", m.msgId(), gt[u"msgId"].toString());
        check("offsetMsgId", m.offsetMsgId, gt[u"offsetMsgId"].toString());
        // The Java consumer puts a retried message back under its original topic.
        const QString topic =
            consumerView && m.properties.contains(prop::RetryTopic) ? m.properties.value(prop::RetryTopic) : m.topic;
        check("topic", topic, gt[u"topic"].toString());
        check("tags", m.tags(), gt[u"tags"].toString());
        check("keys", m.properties.value(prop::Keys), gt[u"keys"].toString());
        check("queueId", QString::number(m.queueId), gt[u"queueId"].toString());
        check("queueOffset", QString::number(m.queueOffset), gt[u"queueOffset"].toString());
        check("commitLogOffset", QString::number(m.commitLogOffset), gt[u"commitLogOffset"].toString());
        check("sysFlag", QString::number(m.sysFlag), gt[u"sysFlag"].toString());
        check("bodyCRC", QString::number(m.bodyCrc), gt[u"bodyCRC"].toString());
        check("reconsumeTimes", QString::number(m.reconsumeTimes), gt[u"reconsumeTimes"].toString());
        check("bornTimestamp", QString::number(m.bornTimestamp), gt[u"bornTimestamp"].toString());
        check("storeTimestamp", QString::number(m.storeTimestamp), gt[u"storeTimestamp"].toString());
        check("bornHost", hostText(m.bornHost), gt[u"bornHost"].toString());
        check("storeHost", QLatin1Char('/') + hostText(m.storeHost), gt[u"storeHost"].toString());
        check("bodyLength", QString::number(m.body.size()), gt[u"bodyLength"].toString());
        QString bodyUtf8 = gt[u"bodyUtf8"].toString();
        const QString body = QString::fromUtf8(m.body);
        if (bodyUtf8.endsWith(QStringLiteral("...")) && body.size() > bodyUtf8.size() - 3) {
            bodyUtf8.chop(3); // the recorder shortened long bodies
            check("body prefix", body.left(bodyUtf8.size()), bodyUtf8);
        } else {
            check("body", body, bodyUtf8);
        }
        // Stored properties = the record's minus what the consumer adds locally.
        QMap<QString, QString> expected;
        for (const auto &[k, v] : gt[u"properties"].members())
            if (!consumerView || !clientSideProperties.contains(k.toString()))
                expected.insert(k.toString(), v.toString());
        if (m.properties.toMap() != expected)
            diffs << QStringLiteral("properties: decoded %1 entries, Java %2 (after removing client-side ones)")
                         .arg(m.properties.entries().size())
                         .arg(expected.size());
        return diffs;
    }

    static QList<MessageExt> decodeAllPulls()
    {
        QList<MessageExt> out;
        for (const auto &e : fixtures::successfulWithBody(11))
            out += *decodeMessages(e.response.body);
        return out;
    }

    static void queryAndPullBodies()
    {
        QTest::addColumn<QByteArray>("body");
        for (int code : {11, 12})
            for (const auto &e : fixtures::successfulWithBody(code))
                QTest::newRow(qPrintable(QStringLiteral("seq %1").arg(e.responseSeq))) << e.response.body;
    }

private Q_SLOTS:
    // The comparison below must be able to fail: a changed field is reported by name.
    void groundTruthComparisonDetectsDifferences()
    {
        const MessageExt original = decodeAllPulls().first();
        const auto gts = recordsFor(original.offsetMsgId, {QStringLiteral("consume"), QStringLiteral("broadcast")});
        QVERIFY(!gts.isEmpty());
        QVERIFY(differences(original, gts[0], true).isEmpty());
        MessageExt m = original;
        m.queueOffset += 1;
        QVERIFY(differences(m, gts[0], true).join(u' ').contains(QStringLiteral("queueOffset")));
        m = original;
        m.properties.insert(QStringLiteral("extra"), QStringLiteral("1"));
        QVERIFY(differences(m, gts[0], true).join(u' ').contains(QStringLiteral("properties")));
        m = original;
        m.bornHost.port += 1;
        QVERIFY(differences(m, gts[0], true).join(u' ').contains(QStringLiteral("bornHost")));
        m = original;
        m.body += 'x';
        QVERIFY(!differences(m, gts[0], true).isEmpty());
    }

    void pullResponsesDecode_data()
    {
        QTest::addColumn<int>("responseSeq");
        const auto pulls = fixtures::successfulWithBody(11);
        QCOMPARE(pulls.size(), 11); // the recording has 11 pull responses that found messages
        for (const auto &e : pulls)
            QTest::newRow(qPrintable(QStringLiteral("seq %1").arg(e.responseSeq))) << e.responseSeq;
    }

    void pullResponsesDecode()
    {
        QFETCH(int, responseSeq);
        fixtures::Exchange exchange;
        for (const auto &e : fixtures::successfulWithBody(11))
            if (e.responseSeq == responseSeq)
                exchange = e;
        auto decoded = decodeMessages(exchange.response.body);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
        // As many messages as the broker advanced the queue offset by.
        const qint64 from = exchange.request.field(QStringLiteral("queueOffset")).toLongLong();
        const qint64 next = exchange.response.field(QStringLiteral("nextBeginOffset")).toLongLong();
        QCOMPARE(decoded->size(), next - from);
        const QString topic = exchange.request.field(QStringLiteral("topic"));
        for (const MessageExt &m : *decoded) {
            QCOMPARE(m.topic, topic);
            QCOMPARE(m.queueId, exchange.request.field(QStringLiteral("queueId")).toInt());
            const auto gts = recordsFor(m.offsetMsgId, {QStringLiteral("consume"), QStringLiteral("broadcast"),
                                                        QStringLiteral("consumeRetryLater")});
            QVERIFY2(!gts.isEmpty(), qPrintable(QStringLiteral("no ground truth for %1").arg(m.offsetMsgId)));
            for (const json::Value &gt : gts) {
                const QStringList diffs = differences(m, gt, true);
                QVERIFY2(diffs.isEmpty(), qPrintable(diffs.join(QStringLiteral("; "))));
            }
        }
    }

    void everyConsumedRecordWasPulled()
    {
        QSet<QString> pulled;
        for (const MessageExt &m : decodeAllPulls())
            pulled.insert(m.offsetMsgId);
        const auto all =
            records({QStringLiteral("consume"), QStringLiteral("broadcast"), QStringLiteral("consumeRetryLater")});
        QCOMPARE(all.size(), 16);
        for (const json::Value &r : all)
            QVERIFY2(pulled.contains(r[u"offsetMsgId"].toString()), qPrintable(r[u"offsetMsgId"].toString()));
    }

    // The retried copy is stored under %RETRY%<group>: the admin's view-by-id shows that topic.
    void retriedMessageKeepsItsRetryTopicOnTheWire()
    {
        const auto view = fixtures::groundTruth(QStringLiteral("viewByOffsetMsgId"));
        QCOMPARE(view.size(), 1);
        bool found = false;
        for (const MessageExt &m : decodeAllPulls()) {
            if (m.offsetMsgId != view[0][u"offsetMsgId"].toString())
                continue;
            found = true;
            const QStringList diffs = differences(m, view[0], false);
            QVERIFY2(diffs.isEmpty(), qPrintable(diffs.join(QStringLiteral("; "))));
            QCOMPARE(m.reconsumeTimes, 1);
        }
        QVERIFY(found);
    }

    // sysFlag 769 = compressed + zlib type: 76 bytes on the wire, 8207 after inflating.
    void compressedBigMessage()
    {
        const auto big = fixtures::groundTruth(QStringLiteral("consume"));
        json::Value gt;
        for (const auto &r : big)
            if (r[u"sysFlag"].toInt() & sysflag::Compressed)
                gt = r;
        QVERIFY(gt.isObject());
        for (const auto &e : fixtures::successfulWithBody(11)) {
            auto raw = decodeMessages(e.response.body, {.decompressBody = false});
            auto inflated = decodeMessages(e.response.body);
            QVERIFY(raw.ok() && inflated.ok());
            for (qsizetype i = 0; i < raw->size(); ++i) {
                if (raw->at(i).offsetMsgId != gt[u"offsetMsgId"].toString())
                    continue;
                QCOMPARE(raw->at(i).sysFlag, 769);
                QCOMPARE(bodyCrc32(raw->at(i).body), quint32(gt[u"bodyCRC"].toInt())); // CRC of stored bytes
                QCOMPARE(inflated->at(i).body.size(), gt[u"bodyLength"].toInt());
                QVERIFY(inflated->at(i).body.size() > raw->at(i).body.size() * 10);
                // Java's Deflater at the producer's level 5 is zlib: recompressing gives the same bytes.
                QCOMPARE(*compress(inflated->at(i).body, CompressionType::Zlib, 5), raw->at(i).body);
            }
        }
    }

    void queryResponsesDecode_data()
    {
        QTest::addColumn<int>("responseSeq");
        const auto queries = fixtures::successfulWithBody(12);
        QCOMPARE(queries.size(), 2);
        for (const auto &e : queries)
            QTest::newRow(qPrintable(QStringLiteral("seq %1").arg(e.responseSeq))) << e.responseSeq;
    }

    void queryResponsesDecode()
    {
        QFETCH(int, responseSeq);
        for (const auto &e : fixtures::successfulWithBody(12)) {
            if (e.responseSeq != responseSeq)
                continue;
            const bool byUniqueKey = e.request.field(QStringLiteral("_UNIQUE_KEY_QUERY")) == u"true";
            const auto gts =
                fixtures::groundTruth(byUniqueKey ? QStringLiteral("queryByUniqKey") : QStringLiteral("queryByKey"));
            QCOMPARE(gts.size(), 1);
            auto decoded = decodeMessages(e.response.body);
            QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
            QCOMPARE(decoded->size(), 1);
            const MessageExt &m = decoded->first();
            const QString key = e.request.field(QStringLiteral("key"));
            QVERIFY(byUniqueKey ? m.uniqueKey() == key : m.keys().contains(key));
            const QStringList diffs = differences(m, gts[0], false);
            QVERIFY2(diffs.isEmpty(), qPrintable(diffs.join(QStringLiteral("; "))));
        }
    }

    // Decoding then encoding what the broker sent gives its bytes back, compressed bodies
    // and repeated property keys included.
    void reencodingBrokerBodiesIsByteIdentical_data() { queryAndPullBodies(); }
    void reencodingBrokerBodiesIsByteIdentical()
    {
        QFETCH(QByteArray, body);
        auto raw = decodeMessages(body, {.decompressBody = false});
        QVERIFY(raw.ok());
        QByteArray again;
        for (const MessageExt &m : *raw)
            again += encodeStoredMessage(m);
        QCOMPARE(again, body);
        // From inflated bodies, recompressing with the producer's level reproduces them too.
        auto inflated = decodeMessages(body);
        QVERIFY(inflated.ok());
        again.clear();
        for (MessageExt m : *inflated) {
            if (m.sysFlag & sysflag::Compressed)
                m.body = *compress(m.body, *compressionTypeFromSysFlag(m.sysFlag), 5);
            again += encodeStoredMessage(m);
        }
        QCOMPARE(again, body);
    }

    void batchSendBody()
    {
        const fixtures::FrameRecord *batch = nullptr;
        for (const auto &f : fixtures::frames())
            if (f.dir == u"c2s" && f.header[u"code"].toInt() == 320)
                batch = fixtures::frameBySeq(f.seq);
        QVERIFY(batch);
        auto cmd = frame::decode(batch->bytes);
        QVERIFY(cmd.ok());
        auto messages = decodeBatch(cmd->body);
        QVERIFY2(messages.ok(), messages.ok() ? "" : qPrintable(messages.error().message));
        QCOMPARE(messages->size(), 3);
        const auto sent = fixtures::groundTruth(QStringLiteral("sendBatch"));
        QCOMPARE(sent.size(), 1);
        const QStringList ids = sent[0][u"msgId"].toString().split(QLatin1Char(','));
        QCOMPARE(ids.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const Message &m = messages->at(i);
            QCOMPARE(m.uniqueKey(), ids[i]);
            QCOMPARE(m.body, QByteArrayLiteral("batch ") + QByteArray::number(i + 1));
            QCOMPARE(m.keys(), QStringList{QStringLiteral("b%1").arg(i + 1)});
            QCOMPARE(m.tags(), QStringLiteral("TagA"));
            QCOMPARE(m.flag, 0);
            QVERIFY(m.topic.isEmpty()); // the header carries it
        }
        QCOMPARE(encodeBatch(*messages), cmd->body);
    }

    // The producer compressed the 8207-byte body itself (sysFlag header field "f" = 769).
    void compressedSendBodyInflates()
    {
        int compressedSends = 0;
        for (const auto &f : fixtures::frames()) {
            if (f.dir != u"c2s" || f.header[u"code"].toInt() != 310)
                continue;
            auto cmd = frame::decode(f.bytes);
            QVERIFY(cmd.ok());
            const int sysFlag = cmd->field(QStringLiteral("f")).toInt();
            if (!(sysFlag & sysflag::Compressed))
                continue;
            ++compressedSends;
            auto type = compressionTypeFromSysFlag(sysFlag);
            QVERIFY(type.ok());
            QCOMPARE(*type, CompressionType::Zlib);
            auto body = decompress(cmd->body, *type);
            QVERIFY(body.ok());
            const Properties props = decodeProperties(cmd->field(QStringLiteral("i")));
            // The stored copy the consumer got has the same inflated body.
            bool matched = false;
            for (const MessageExt &m : decodeAllPulls()) {
                if (m.uniqueKey() == props.value(prop::UniqueClientMessageId)) {
                    QCOMPARE(m.body, *body);
                    QCOMPARE(body->size(), 8207);
                    matched = true;
                }
            }
            QVERIFY(matched);
        }
        QCOMPARE(compressedSends, 1);
    }

    // The broker filters by String.hashCode of the tag: the consumer connection shows the codes.
    void tagsHashCodeMatchesBrokerCodeSet()
    {
        const auto conn = fixtures::groundTruth(QStringLiteral("consumerConnection"));
        QCOMPARE(conn.size(), 1);
        int checked = 0;
        for (const auto &[topic, sub] : conn[0][u"subscriptionTable"].members()) {
            QSet<qint64> codes, computed;
            for (const auto &c : sub[u"codeSet"].items())
                codes.insert(c.toInt());
            for (const auto &t : sub[u"tagsSet"].items())
                computed.insert(tagsHashCode(t.toString()));
            QCOMPARE(computed, codes);
            checked += int(codes.size());
        }
        QCOMPARE(checked, 2); // TagA, TagB
        QCOMPARE(tagsHashCode(QStringLiteral("TagA")), 2598919);
        QCOMPARE(tagsHashCode(QString()), 0);
        // Overflow wraps like a Java int: "polygenelubricants".hashCode() == Integer.MIN_VALUE.
        QCOMPARE(tagsHashCode(QStringLiteral("polygenelubricants")), std::numeric_limits<qint32>::min());
    }
};

QTEST_GUILESS_MAIN(TestMessageCodec)
#include "test_message_codec.moc"
