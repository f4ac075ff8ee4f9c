// The live feed's model: batched inserts, the bounded ring, pause, filter, export.

#include "FakeSession.h"
#include "FeedExporter.h"
#include "FeedFilterProxy.h"
#include "FeedModel.h"
#include "FeedPanel.h"
#include "MessageCodec.h"

#include <QBuffer>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace mq;
using namespace mq::gui;

namespace {
QList<MessageExt> messages(int from, int count)
{
    QList<MessageExt> out;
    for (int i = from; i < from + count; ++i)
        out.append(fake::message(i));
    return out;
}
} // namespace

class TestFeedModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void arrivalsAreInsertedOncePerBatch()
    {
        FeedModel model;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.append(1, messages(0, 10));
        model.append(1, messages(10, 5));
        model.append(2, messages(15, 7));
        QCOMPARE(model.rowCount(), 0); // nothing until the batch timer fires
        QCOMPARE(model.pendingCount(), 22);
        model.flush();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 21);
        QCOMPARE(model.rowCount(), 22);
        QCOMPARE(model.message(0).keys().first(), QStringLiteral("order-0"));
        QCOMPARE(model.message(21).keys().first(), QStringLiteral("order-21"));
        QCOMPARE(model.subscriptionOf(21), 2);
        QCOMPARE(model.totalReceived(), 22);
    }

    void timerFlushesWithoutHelp()
    {
        FeedModel model;
        model.setBatchInterval(20);
        QSignalSpy batches(&model, &FeedModel::batchInserted);
        model.append(1, messages(0, 3));
        QVERIFY(batches.wait(2000));
        QCOMPARE(batches.at(0).at(0).toInt(), 3);
        QCOMPARE(model.rowCount(), 3);
    }

    void ringKeepsTheNewestRows_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<int>("batches");
        QTest::addColumn<int>("perBatch");
        QTest::newRow("exactly full") << 100 << 1 << 100;
        QTest::newRow("wraps once") << 100 << 5 << 50;
        QTest::newRow("batch bigger than ring") << 100 << 3 << 250;
        QTest::newRow("odd sizes") << 7 << 11 << 3;
    }

    void ringKeepsTheNewestRows()
    {
        QFETCH(int, capacity);
        QFETCH(int, batches);
        QFETCH(int, perBatch);
        FeedModel model;
        model.setCapacity(capacity);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        int next = 0;
        for (int b = 0; b < batches; ++b) {
            model.append(1, messages(next, perBatch));
            next += perBatch;
            model.flush();
            QVERIFY(model.rowCount() <= capacity);
        }
        const int expected = qMin(capacity, next);
        QCOMPARE(model.rowCount(), expected);
        QCOMPARE(inserted.count(), batches);
        QVERIFY(removed.count() <= batches); // at most one removal per batch
        for (int row = 0; row < expected; ++row)
            QCOMPARE(model.message(row).queueOffset, qint64(next - expected + row));
    }

    void shrinkingTheCapacityDropsTheOldest()
    {
        FeedModel model;
        model.append(1, messages(0, 50));
        model.flush();
        model.setCapacity(20);
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(model.message(0).queueOffset, 30);
        model.append(1, messages(50, 5));
        model.flush();
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(model.message(19).queueOffset, 54);
    }

    void pauseHoldsArrivalsUntilResume()
    {
        FeedModel model;
        model.setCapacity(10);
        model.setPaused(true);
        model.append(1, messages(0, 25));
        model.flush();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.pendingCount(), 10); // bounded by the ring
        QCOMPARE(model.droppedWhilePaused(), 15);
        model.setPaused(false);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.message(0).queueOffset, 15);
    }

    void columnsShowTheMessage()
    {
        FeedModel model;
        model.append(1, messages(3, 1));
        model.flush();
        const auto cell = [&](int column) { return model.index(0, column).data().toString(); };
        QCOMPARE(cell(FeedModel::Topic), QStringLiteral("order-events"));
        QCOMPARE(cell(FeedModel::Tags), QStringLiteral("TagA"));
        QCOMPARE(cell(FeedModel::Keys), QStringLiteral("order-3 customer-3"));
        QCOMPARE(cell(FeedModel::Queue), QStringLiteral("127.0.0.1:10911:3"));
        QCOMPARE(cell(FeedModel::Offset), QStringLiteral("3"));
        QCOMPARE(cell(FeedModel::MsgId), fake::message(3).uniqueKey());
        QCOMPARE(cell(FeedModel::BornHost), QStringLiteral("10.0.0.5:52000"));
        QCOMPARE(cell(FeedModel::Size), QString::number(fake::message(3).body.size()));
        QCOMPARE(cell(FeedModel::Body), QStringLiteral("{\"orderId\":3}"));
    }

    void messageWithoutUniqKeyShowsItsOffsetId()
    {
        MessageExt m = fake::message(1);
        m.properties.remove(prop::UniqueClientMessageId);
        FeedModel model;
        model.append(1, {m});
        model.flush();
        QCOMPARE(model.index(0, FeedModel::MsgId).data().toString(), m.offsetMsgId);
    }

    // Issue #9: a retained message may cost at most body + 256 B. The row's fixed part must stay
    // small (a MessageExt with its QHostAddress and Properties objects is 240 B before any heap).
    void rowsStayCompact()
    {
        QVERIFY2(FeedModel::rowSlotSize() <= 104, qPrintable(QString::number(FeedModel::rowSlotSize())));
        QVERIFY(FeedModel::rowSlotSize() < sizeof(MessageExt));
    }

    // What the inspector and export get back is the message that came in, field by field, for a
    // message as the consumer decodes it (raw properties, offsetMsgId from the store host).
    void messageIsRebuiltExactly_data()
    {
        QTest::addColumn<MessageExt>("in");
        MessageExt stored = fake::message(4);
        stored.bodyCrc = bodyCrc32(stored.body);
        stored.commitLogOffset = 123456;
        const auto decodedAll = decodeMessages(encodeStoredMessage(stored));
        QVERIFY2(decodedAll.ok(), qPrintable(decodedAll.ok() ? QString() : decodedAll.error().message));
        MessageExt decoded = decodedAll.value().first();
        QTest::newRow("decoded") << decoded;
        QTest::newRow("fake, no raw properties") << fake::message(6);
        MessageExt odd = decoded;
        odd.rawProperties = odd.rawProperties + QChar(0x0002) + QStringLiteral("WAIT") + QChar(0x0001) +
                            odd.properties.value(QStringLiteral("WAIT"), QStringLiteral("true"));
        odd.offsetMsgId = QStringLiteral("not-derived");
        odd.storeTimestamp = odd.bornTimestamp + (qint64(1) << 40);
        odd.preparedTransactionOffset = 77;
        QTest::newRow("repeated key, odd id, far store time") << odd;
    }

    void messageIsRebuiltExactly()
    {
        QFETCH(MessageExt, in);
        FeedModel model;
        model.append(1, {in, fake::message(1)});
        model.flush();
        const MessageExt out = model.message(0);
        QCOMPARE(out.topic, in.topic);
        QCOMPARE(out.flag, in.flag);
        QCOMPARE(out.properties, in.properties);
        QCOMPARE(out.rawProperties, in.rawProperties);
        QCOMPARE(out.body, in.body);
        QCOMPARE(out.storeSize, in.storeSize);
        QCOMPARE(out.magicCode, in.magicCode);
        QCOMPARE(out.bodyCrc, in.bodyCrc);
        QCOMPARE(out.queueId, in.queueId);
        QCOMPARE(out.queueOffset, in.queueOffset);
        QCOMPARE(out.commitLogOffset, in.commitLogOffset);
        QCOMPARE(out.sysFlag, in.sysFlag);
        QCOMPARE(out.bornTimestamp, in.bornTimestamp);
        QCOMPARE(out.storeTimestamp, in.storeTimestamp);
        QVERIFY(out.bornHost == in.bornHost);
        QVERIFY(out.storeHost == in.storeHost);
        QCOMPARE(out.reconsumeTimes, in.reconsumeTimes);
        QCOMPARE(out.preparedTransactionOffset, in.preparedTransactionOffset);
        QCOMPARE(out.offsetMsgId, in.offsetMsgId);
        QCOMPARE(model.index(0, FeedModel::MsgId).data().toString(), in.msgId());
    }

    // Typing filters once the typing pauses, not on every keystroke.
    void panelFilterWaitsForTypingToPause()
    {
        FeedPanel panel;
        panel.model()->append(1, messages(0, 20));
        panel.model()->flush();
        auto *edit = panel.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        QVERIFY(edit);
        edit->setText(QStringLiteral("order-1"));
        edit->setText(QStringLiteral("order-17"));
        QCOMPARE(panel.proxy()->rowCount(), 20); // not yet
        QTRY_COMPARE(panel.proxy()->rowCount(), 1);
        QCOMPARE(panel.proxy()->text(), QStringLiteral("order-17"));
    }

    void previewTellsTextFromBinary_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("preview");
        QTest::newRow("text") << QByteArray("hello\nworld") << QStringLiteral("hello world");
        QTest::newRow("chinese") << QStringLiteral("订单已支付").toUtf8() << QStringLiteral("订单已支付");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe", 5) << QStringLiteral("5 byte(s) (binary)");
        QTest::newRow("long") << QByteArray(500, 'x') << QString(160, QLatin1Char('x')) + QChar(0x2026);
    }

    void previewTellsTextFromBinary()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, preview);
        QCOMPARE(FeedModel::previewOf(body), preview);
    }

    void filterMatchesKeysTagsIdsAndBody_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("matches");
        QTest::newRow("empty keeps all") << QString() << 20;
        QTest::newRow("key") << QStringLiteral("order-7") << 1;
        QTest::newRow("key case-insensitive") << QStringLiteral("ORDER-1") << 11; // 1, 10..19
        QTest::newRow("second key") << QStringLiteral("customer-3") << 3;         // 3, 10, 17
        QTest::newRow("tag") << QStringLiteral("taga") << 10;
        QTest::newRow("body text") << QStringLiteral("\"orderId\":12}") << 1;
        QTest::newRow("message id") << fake::message(5).uniqueKey().toLower() << 1;
        QTest::newRow("nothing") << QStringLiteral("no-such-thing") << 0;
    }

    void filterMatchesKeysTagsIdsAndBody()
    {
        QFETCH(QString, text);
        QFETCH(int, matches);
        FeedModel model;
        FeedFilterProxy proxy;
        proxy.setFeed(&model);
        model.append(1, messages(0, 20));
        model.flush();
        proxy.setText(text);
        QCOMPARE(proxy.rowCount(), matches);
    }

    void filterSearchesBeyondThePreview()
    {
        MessageExt m = fake::message(1);
        m.body = QByteArray(1000, 'a') + "needle";
        FeedModel model;
        FeedFilterProxy proxy;
        proxy.setFeed(&model);
        proxy.setText(QStringLiteral("needle"));
        model.append(1, {m, fake::message(2)});
        model.flush(); // rows arriving after the filter is set are filtered too
        QCOMPARE(proxy.rowCount(), 1);
    }

    // 20 000 messages a second arrive one pull (32) at a time; with a full ring and a filtered
    // view attached, each timer tick must still cost the view one removal and one insertion.
    // (How long that takes is bench_feed's job: tests/benchmarks/README.md.)
    void fullRingTakesOneRemovalAndOneInsertPerBatch()
    {
        FeedModel model;
        FeedFilterProxy proxy;
        proxy.setFeed(&model);
        proxy.setText(QStringLiteral("customer-"));
        QTableView view;
        view.setModel(&proxy);
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.resize(800, 400);
        view.show();
        model.setCapacity(10000);
        const QList<MessageExt> second = messages(0, 2000);
        for (int i = 0; i < 5; ++i) { // fill the ring so removals happen too
            model.append(1, second);
            model.flush();
        }
        QCOMPARE(model.rowCount(), 10000);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (int batch = 0; batch < 10; ++batch) {
            for (int pull = 0; pull < 2000 / 32; ++pull)
                model.append(1, second.mid(pull * 32, 32));
            model.append(1, second.mid(1984, 16));
            model.flush();
            view.scrollToBottom();
            QCoreApplication::processEvents();
        }
        QCOMPARE(model.rowCount(), 10000);
        QCOMPARE(removed.count(), 10);
        QCOMPARE(inserted.count(), 10);
        QCOMPARE(model.message(9999).queueOffset, 1999);
        QCOMPARE(proxy.rowCount(), 10000); // every fake message names a customer
    }

    void exportsJsonLinesWithEveryField()
    {
        MessageExt m = fake::message(9);
        m.properties.insert(QStringLiteral("region"), QStringLiteral("华北"));
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY(FeedExporter::write(out, {m, fake::message(10)}, FeedExporter::Format::JsonLines).ok());
        const QList<QByteArray> lines = out.data().split('\n');
        QCOMPARE(lines.size(), 3); // two lines and the final newline
        const QJsonObject o = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(o.value(QStringLiteral("msgId")).toString(), m.uniqueKey());
        QCOMPARE(o.value(QStringLiteral("offsetMsgId")).toString(), m.offsetMsgId);
        QCOMPARE(o.value(QStringLiteral("keys")).toString(), QStringLiteral("order-9 customer-2"));
        QCOMPARE(o.value(QStringLiteral("queueOffset")).toString(), QStringLiteral("9"));
        QCOMPARE(o.value(QStringLiteral("properties")).toObject().value(QStringLiteral("region")).toString(),
                 QStringLiteral("华北"));
        QCOMPARE(o.value(QStringLiteral("body")).toString(), QStringLiteral("{\"orderId\":9}"));
        QVERIFY(!o.contains(QStringLiteral("bodyEncoding")));
    }

    void exportsBinaryBodiesAsBase64()
    {
        MessageExt m = fake::message(1);
        m.body = QByteArray("\xff\x00\xfe", 3);
        const QJsonObject o = QJsonDocument::fromJson(FeedExporter::jsonLine(m)).object();
        QCOMPARE(o.value(QStringLiteral("bodyEncoding")).toString(), QStringLiteral("base64"));
        QCOMPARE(QByteArray::fromBase64(o.value(QStringLiteral("body")).toString().toLatin1()), m.body);
    }

    void exportsCsvWithQuoting()
    {
        MessageExt m = fake::message(2);
        m.body = "say \"hi\", then\nleave";
        const QByteArray row = FeedExporter::csvRow(m);
        QVERIFY(row.endsWith("\"say \"\"hi\"\", then\nleave\"\r\n"));
        QVERIFY(row.contains(",order-events,TagB,order-2 customer-2,2,2,"));
        QCOMPARE(FeedExporter::csvHeader().count(','), row.count(',') - 1); // the body holds one comma
        QCOMPARE(FeedExporter::formatForPath(QStringLiteral("/tmp/x.CSV")), FeedExporter::Format::Csv);
        QCOMPARE(FeedExporter::formatForPath(QStringLiteral("/tmp/x.jsonl")), FeedExporter::Format::JsonLines);
    }
};

QTEST_MAIN(TestFeedModel)
#include "test_feed_model.moc"
