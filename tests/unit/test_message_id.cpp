#include "MessageId.h"
#include "fixtures.h"

#include <QNetworkInterface>
#include <QSet>
#include <QtTest>

using namespace mq;

// Both id kinds from the recording: msgId fields are client UNIQ_KEYs (IPv6 producer, 56 hex
// chars), offsetMsgId fields are the broker's (127.0.0.1:10911, 32 hex chars).
class TestMessageId : public QObject {
    Q_OBJECT

    struct Ids {
        QSet<QString> uniqueKeys;
        QMap<QString, qint64> offsetIds; // id -> commitLogOffset when the record names it
    };

    static Ids groundTruthIds()
    {
        Ids ids;
        const QStringList kinds{
            QStringLiteral("send"),           QStringLiteral("sendBatch"),         QStringLiteral("consume"),
            QStringLiteral("broadcast"),      QStringLiteral("consumeRetryLater"), QStringLiteral("queryByKey"),
            QStringLiteral("queryByUniqKey"), QStringLiteral("viewByOffsetMsgId")};
        for (const QString &kind : kinds) {
            for (const json::Value &r : fixtures::groundTruth(kind)) {
                for (const QString &id : r[u"msgId"].toString().split(QLatin1Char(',')))
                    ids.uniqueKeys.insert(id);
                const QStringList offsets = r[u"offsetMsgId"].toString().split(QLatin1Char(','));
                const qint64 known =
                    offsets.size() == 1 && r.contains(u"commitLogOffset") ? r[u"commitLogOffset"].toInt() : -1;
                for (const QString &id : offsets)
                    if (known >= 0 || !ids.offsetIds.contains(id))
                        ids.offsetIds.insert(id, known);
                const QString origin = r[u"properties"][u"ORIGIN_MESSAGE_ID"].toString();
                if (!origin.isEmpty() && !ids.offsetIds.contains(origin))
                    ids.offsetIds.insert(origin, -1);
            }
        }
        return ids;
    }

private Q_SLOTS:
    void groundTruthIdsAreClassified()
    {
        const Ids ids = groundTruthIds();
        QCOMPARE(ids.uniqueKeys.size(), 8);
        QCOMPARE(ids.offsetIds.size(), 10); // 8 sends, the retry copy, the delayed copy
        for (const QString &id : ids.uniqueKeys) {
            QString reason;
            QCOMPARE(id.size(), 56);
            QCOMPARE(classifyMessageId(id, &reason), MessageIdKind::UniqueKey);
            QVERIFY(reason.contains(QStringLiteral("UNIQ_KEY")));
        }
        for (auto it = ids.offsetIds.begin(); it != ids.offsetIds.end(); ++it) {
            QString reason;
            QCOMPARE(it.key().size(), 32);
            QCOMPARE(classifyMessageId(it.key(), &reason), MessageIdKind::OffsetMsgId);
            QVERIFY(reason.contains(QStringLiteral("127.0.0.1:10911")));
        }
    }

    void offsetIdsDecodeToTheStoreHostAndOffset()
    {
        const Ids ids = groundTruthIds();
        int withOffset = 0;
        for (auto it = ids.offsetIds.begin(); it != ids.offsetIds.end(); ++it) {
            auto decoded = decodeOffsetMsgId(it.key());
            QVERIFY2(decoded.ok(), qPrintable(it.key()));
            QCOMPARE(decoded->storeHost.address, QHostAddress(QStringLiteral("127.0.0.1")));
            QCOMPARE(decoded->storeHost.port, quint16(10911));
            if (it.value() >= 0) {
                QCOMPARE(decoded->commitLogOffset, it.value());
                ++withOffset;
            }
            QCOMPARE(encodeOffsetMsgId(decoded->storeHost, decoded->commitLogOffset), it.key());
        }
        QCOMPARE(withOffset, 9); // all but the delayed original, only seen in its send result
    }

    void ipv6OffsetIdsRoundTrip_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<qint64>("offset");
        QTest::newRow("ula") << "fd00::2" << qint64(1684035);
        QTest::newRow("loopback") << "::1" << qint64(0);
        QTest::newRow("doc") << "2001:db8:85a3::8a2e:370:7334" << (qint64(1) << 47);
    }

    void ipv6OffsetIdsRoundTrip()
    {
        QFETCH(QString, address);
        QFETCH(qint64, offset);
        const HostAndPort host{QHostAddress(address), 10911};
        const QString id = encodeOffsetMsgId(host, offset);
        QCOMPARE(id.size(), 56);
        QCOMPARE(id, id.toUpper());
        auto decoded = decodeOffsetMsgId(id);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->storeHost, host);
        QCOMPARE(decoded->commitLogOffset, offset);
        QCOMPARE(classifyMessageId(id), MessageIdKind::OffsetMsgId);
        QVERIFY(decodeOffsetMsgId(id.toLower()).ok()); // hex case does not matter on input
    }

    void invalidIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QString() << "got 0";
        QTest::newRow("short") << "7F00000100002A9F"
                               << "got 16";
        QTest::newRow("33 chars") << "7F00000100002A9F000000000019A7E4A"
                                  << "got 33";
        QTest::newRow("non-hex") << "7F00000100002A9F00000000001XA7E4"
                                 << "non-hex character 'X' at position 27";
        QTest::newRow("spaces") << " 7F00000100002A9F000000000019A7E"
                                << "non-hex character ' ' at position 0";
    }

    void invalidIds()
    {
        QFETCH(QString, id);
        QFETCH(QString, reason);
        QString why;
        QCOMPARE(classifyMessageId(id, &why), MessageIdKind::Invalid);
        QVERIFY2(why.contains(reason), qPrintable(why));
        auto decoded = decodeOffsetMsgId(id);
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.error().message.contains(reason), qPrintable(decoded.error().message));
        QVERIFY(!decodeUniqueKey(id).ok());
    }

    // Same length, different kind: the port and offset readings decide.
    void heuristicOnCraftedIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("kind");
        // IPv4 UNIQ_KEY from a Java producer: 10.100.74.5, pid 13, hash 0x77774571...
        QTest::newRow("ipv4 uniq key") << "0A644A05000D77774571685080CB00FE" << int(MessageIdKind::UniqueKey);
        QTest::newRow("ipv4 offset id") << "0A644A0500002A9F0000000000000010" << int(MessageIdKind::OffsetMsgId);
        QTest::newRow("pid 0 but hash in offset")
            << "0A644A0500002A9F7777457168508000" << int(MessageIdKind::UniqueKey);
        QTest::newRow("port 0") << "0A644A05000000000000000000000010" << int(MessageIdKind::UniqueKey);
        QTest::newRow("address 0.0.0.0") << "0000000000002A9F0000000000000010" << int(MessageIdKind::UniqueKey);
    }

    void heuristicOnCraftedIds()
    {
        QFETCH(QString, id);
        QFETCH(int, kind);
        QCOMPARE(int(classifyMessageId(id)), kind);
    }

    // The recorded UNIQ_KEY: producer fd00::2, pid 13968 (the clientId in consumerConnection
    // is ip@13968#...), born at the bornTimestamp of the message (UTC recording).
    void recordedUniqueKeyDecodes()
    {
        const auto sends = fixtures::groundTruth(QStringLiteral("consume"));
        const auto conn = fixtures::groundTruth(QStringLiteral("consumerConnection"));
        const QString clientId = conn[0][u"connectionSet"].items()[0][u"clientId"].toString();
        const quint16 pid = quint16(clientId.section(QLatin1Char('@'), 1).section(QLatin1Char('#'), 0, 0).toInt());
        QCOMPARE(pid, quint16(13968));
        QVERIFY(!sends.isEmpty());
        for (const json::Value &r : sends) {
            auto info = decodeUniqueKey(r[u"msgId"].toString(),
                                        QDateTime::fromMSecsSinceEpoch(r[u"storeTimestamp"].toInt(), QTimeZone::utc()),
                                        QTimeZone::utc());
            QVERIFY(info.ok());
            QCOMPARE(info->ip, QHostAddress(QStringLiteral("fd00::2")));
            QCOMPARE(info->pid, pid);
            const qint64 skew = info->bornTime.toMSecsSinceEpoch() - r[u"bornTimestamp"].toInt();
            QVERIFY2(qAbs(skew) <= 5, qPrintable(QString::number(skew)));
        }
    }

    // An id from late last month, read early this month, belongs to last month.
    void bornTimeFromPreviousMonth()
    {
        const QTimeZone utc = QTimeZone::utc();
        UniqueKeyGenerator gen(QHostAddress(QStringLiteral("10.0.0.1")), 1, 2, utc);
        const QString id = gen.next();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto info = decodeUniqueKey(id, now, utc);
        QVERIFY(info.ok());
        const QDate monthStart(now.date().year(), now.date().month(), 1);
        QCOMPARE(info->bornTime.date().month(), now.date().month());
        // Pretend we read it 1 ms after the start of the month: then it must be last month's.
        auto early = decodeUniqueKey(id, monthStart.startOfDay(utc).addMSecs(1), utc);
        QVERIFY(early.ok());
        if (info->msSinceMonthStart > 1)
            QCOMPARE(early->bornTime.date().month(), monthStart.addMonths(-1).month());
    }

    void generatedKeysAreUniqueAndParseBack()
    {
        UniqueKeyGenerator gen;
        const QHostAddress ip = gen.ip();
        QVERIFY(ip == QHostAddress(QHostAddress::LocalHost) || QNetworkInterface::allAddresses().contains(ip));
        const int idLength = ip.protocol() == QAbstractSocket::IPv6Protocol ? 56 : 32;
        QSet<QString> seen;
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 100000; ++i)
            seen.insert(gen.next());
        QCOMPARE(seen.size(), 100000);
        const QString last = gen.next();
        QCOMPARE(last.size(), idLength);
        QCOMPARE(classifyMessageId(last), MessageIdKind::UniqueKey);
        auto info = decodeUniqueKey(last);
        QVERIFY(info.ok());
        QCOMPARE(info->ip, ip);
        QCOMPARE(info->pid, quint16(QCoreApplication::applicationPid() & 0xFFFF));
        QCOMPARE(info->counter, quint16(100000 % 65536));
        const qint64 born = info->bornTime.toMSecsSinceEpoch();
        QVERIFY(born >= before - 1000 && born <= QDateTime::currentMSecsSinceEpoch() + 1000);
    }

    void ipv6GeneratorMakes56CharIds()
    {
        UniqueKeyGenerator gen(QHostAddress(QStringLiteral("fd00::2")), 0x3690, 0x5FFD2B27);
        const QString id = gen.next();
        QCOMPARE(id.size(), 56);
        QVERIFY(id.startsWith(QStringLiteral("FD00000000000000000000000000000236905FFD2B27")));
        QCOMPARE(classifyMessageId(id), MessageIdKind::UniqueKey);
        QCOMPARE(decodeUniqueKey(id)->counter, quint16(0));
        QCOMPARE(decodeUniqueKey(gen.next())->counter, quint16(1));
    }
};

QTEST_GUILESS_MAIN(TestMessageId)
#include "test_message_id.moc"
