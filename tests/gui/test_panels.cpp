// Topics, consumers, query and inspector panels against a fake cluster.

#include "ConsumerProgressModel.h"
#include "ConsumersPanel.h"
#include "FakeSession.h"
#include "FeedFilterProxy.h"
#include "FeedModel.h"
#include "FeedPanel.h"
#include "Icons.h"
#include "MessageInspector.h"
#include "QueryPanel.h"
#include "ResetOffsetDialog.h"
#include "TopicsPanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mq;
using namespace mq::gui;

namespace {
ConsumerProgress progress()
{
    ConsumerProgress p;
    p.group = QStringLiteral("billing");
    p.tps = 12.5;
    for (int q = 0; q < 4; ++q)
        p.queues.append(QueueProgress{MessageQueue{QStringLiteral("order-events"), QStringLiteral("broker-a"), q},
                                      100 + q * 10, 90 + q * 10 - q, 1700000000000, QStringLiteral("10.0.0.5@1")});
    return p; // lag: 10, 11, 12, 13
}
} // namespace

class TestPanels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void topicsHideSystemTopicsAndShowTheRoute()
    {
        fake::Session session;
        session.start();
        TopicsPanel panel;
        panel.setSession(&session);
        panel.show();
        QSignalSpy loaded(&panel, &TopicsPanel::topicsLoaded);
        panel.refresh();
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(loaded.at(0).at(0).toStringList(), QStringList{QStringLiteral("order-events")});
        auto *list = panel.findChild<QListView *>(QStringLiteral("topicsView"));
        QCOMPARE(list->model()->rowCount(), 1);
        panel.findChild<QCheckBox *>(QStringLiteral("systemCheck"))->setChecked(true);
        QCOMPARE(list->model()->rowCount(), 3);

        QSignalSpy route(&panel, &TopicsPanel::routeShown);
        panel.selectTopic(QStringLiteral("order-events"));
        QTRY_COMPARE(route.count(), 1);
        auto *brokers = panel.findChild<QTableWidget *>(QStringLiteral("brokersTable"));
        QCOMPARE(brokers->rowCount(), 1);
        QCOMPARE(brokers->item(0, 3)->text(), QStringLiteral("127.0.0.1:10911"));
        QCOMPARE(brokers->item(0, 2)->text(), QStringLiteral("master"));
        auto *queues = panel.findChild<QTableWidget *>(QStringLiteral("queuesTable"));
        QCOMPARE(queues->item(0, 3)->text(), QStringLiteral("read, write (6)"));
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("routeTitle"))
                    ->text()
                    .contains(QStringLiteral("4 read and 4 write")));
    }

    void unknownTopicSaysSo()
    {
        fake::Session session;
        session.start();
        TopicsPanel panel;
        panel.setSession(&session);
        panel.selectTopic(QStringLiteral("nope"));
        QTRY_VERIFY(panel.findChild<QLabel *>(QStringLiteral("routeTitle"))
                        ->text()
                        .contains(QStringLiteral("No route for topic nope")));
    }

    void consumerProgressShowsLag()
    {
        fake::Session session;
        session.adminImpl.progress = progress();
        session.start();
        ConsumersPanel panel;
        panel.setSession(&session);
        QSignalSpy shown(&panel, &ConsumersPanel::progressShown);
        panel.refresh();
        panel.selectGroup(QStringLiteral("billing"));
        QTRY_COMPARE(shown.count(), 1);
        ConsumerProgressModel *model = panel.progressModel();
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(model->index(3, ConsumerProgressModel::Lag).data(Qt::UserRole).toLongLong(), 13);
        QCOMPARE(model->progress().totalLag(), 46);
        QVERIFY(
            panel.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("total lag 46")));
    }

    void resetConfirmationSaysExactlyWhatMoves()
    {
        fake::Session session;
        session.adminImpl.progress = progress();
        session.start();
        ResetOffsetDialog dialog(&session, QStringLiteral("billing"), QStringLiteral("order-events"),
                                 QDateTime::currentDateTime().addDays(-1));
        QSignalSpy ready(&dialog, &ResetOffsetDialog::planReady);
        QTRY_COMPARE(ready.count(), 1);
        // The fake moves every offset to half: 90->45, 99->49, 108->54, 117->58.
        QCOMPARE(dialog.plan().size(), 4);
        QVERIFY2(dialog.summary().contains(QStringLiteral("4 of 4 queue(s) change: 208 message(s) will be consumed "
                                                          "again and 0 skipped")),
                 qPrintable(dialog.summary()));
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("movesTable"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("broker-a / 1"));
        QCOMPARE(table->item(1, 3)->text(), QStringLiteral("50 message(s) consumed again"));
        QCOMPARE(ResetOffsetDialog::describeMove(OffsetMove{{}, 5, 9}), QStringLiteral("4 message(s) skipped"));
        QCOMPARE(ResetOffsetDialog::describeMove(OffsetMove{{}, -1, 9}),
                 QStringLiteral("no committed offset yet; starts at 9"));
        QVERIFY(session.adminImpl.resets.isEmpty()); // nothing moved before confirming
    }

    void queryByIdSaysWhichKindOfId_data()
    {
        QTest::addColumn<bool>("offsetId");
        QTest::addColumn<QString>("says");
        QTest::newRow("UNIQ_KEY") << false << QStringLiteral("client ID (UNIQ_KEY)");
        QTest::newRow("offsetMsgId") << true << QStringLiteral("broker offset ID (offsetMsgId)");
    }

    void queryByIdSaysWhichKindOfId()
    {
        QFETCH(bool, offsetId);
        QFETCH(QString, says);
        fake::Session session;
        session.adminImpl.stored = {fake::message(1), fake::message(2)};
        session.start();
        QueryPanel panel;
        panel.setSession(&session);
        QSignalSpy selected(&panel, &QueryPanel::messageSelected);
        QSignalSpy finished(&panel, &QueryPanel::queryFinished);
        const MessageExt target = fake::message(2);
        panel.search(QueryPanel::ById, QStringLiteral("order-events"),
                     offsetId ? target.offsetMsgId : target.uniqueKey());
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), 1);
        QVERIFY2(panel.resultText().contains(says), qPrintable(panel.resultText()));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).value<MessageExt>().offsetMsgId, target.offsetMsgId);
    }

    void queryByKeyNeedsATopic()
    {
        fake::Session session;
        session.start();
        QueryPanel panel;
        panel.setSession(&session);
        panel.search(QueryPanel::ByKey, QString(), QStringLiteral("order-1"));
        QCOMPARE(panel.resultText(), QStringLiteral("Enter the topic to search in."));
    }

    void feedExportsWhatTheFilterShows()
    {
        fake::Session session;
        session.start();
        FeedPanel panel;
        panel.setSession(&session);
        Subscription sub;
        sub.topic = QStringLiteral("order-events");
        sub.group = QStringLiteral("watch");
        panel.subscribe(sub);
        QCOMPARE(session.consumerImpl.active.size(), 1);
        QList<MessageExt> batch;
        for (int i = 0; i < 30; ++i)
            batch.append(fake::message(i));
        session.consumerImpl.deliver(session.consumerImpl.active.first().id, batch);
        QTRY_COMPARE(panel.model()->rowCount(), 30);
        panel.proxy()->setText(QStringLiteral("customer-3")); // 3, 10, 17, 24
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("feed.csv"));
        QSignalSpy exported(&panel, &FeedPanel::exportFinished);
        panel.exportRows(path, false);
        QTRY_COMPARE(exported.count(), 1); // written off the UI thread
        QCOMPARE(exported.at(0).at(1).toString(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 6); // header, 4 rows, final newline
        QVERIFY(lines.at(1).contains("order-3 customer-3"));
        QVERIFY(lines.at(4).contains("order-24 customer-3"));
    }

    // Line icons are drawn in the palette's text colour, so they stay visible in dark mode.
    void iconsFollowThePalette()
    {
        const QPalette original = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::WindowText, QColor(240, 240, 240));
        QApplication::setPalette(dark);
        const QImage light = icon(QStringLiteral("send")).pixmap(64, 64).toImage();
        QApplication::setPalette(original);
        int bright = 0;
        int drawn = 0;
        for (int y = 0; y < light.height(); ++y)
            for (int x = 0; x < light.width(); ++x) {
                const QColor c = light.pixelColor(x, y);
                if (c.alpha() > 200) {
                    ++drawn;
                    bright += c.lightness() > 200;
                }
            }
        QVERIFY(drawn > 50);
        QCOMPARE(bright, drawn);
    }

    void inspectorShowsEveryFieldAndTheTrack()
    {
        fake::Session session;
        session.adminImpl.progress = progress();
        session.start();
        MessageInspector inspector;
        inspector.setSession(&session);
        MessageExt m = fake::message(7); // queue 3, offset 7: billing's offset there is 117
        m.sysFlag = sysflag::Compressed | sysflag::BornHostV6;
        m.properties.insert(QStringLiteral("region"), QStringLiteral("华北"));
        inspector.showMessage(m);
        const auto fields = inspector.fields();
        const auto value = [&](const QString &name) {
            for (const auto &[n, v] : fields)
                if (n == name)
                    return v;
            return QStringLiteral("<missing>");
        };
        QCOMPARE(value(QStringLiteral("Message ID")), m.uniqueKey());
        QCOMPARE(value(QStringLiteral("Message ID kind")), QStringLiteral("client ID (UNIQ_KEY property)"));
        QCOMPARE(value(QStringLiteral("Offset message ID")), m.offsetMsgId);
        QCOMPARE(value(QStringLiteral("Keys")), QStringLiteral("order-7 customer-0"));
        QCOMPARE(value(QStringLiteral("Born host")), QStringLiteral("10.0.0.5:52000"));
        QCOMPARE(value(QStringLiteral("System flag")), QStringLiteral("0x11 (compressed, born host IPv6)"));
        QCOMPARE(value(QStringLiteral("region")), QStringLiteral("华北"));
        QCOMPARE(value(QStringLiteral("UNIQ_KEY")), m.uniqueKey());

        QSignalSpy tracked(&inspector, &MessageInspector::trackFinished);
        QTest::mouseClick(inspector.findChild<QPushButton *>(QStringLiteral("trackButton")), Qt::LeftButton);
        QTRY_COMPARE(tracked.count(), 1);
        QVERIFY2(inspector.trackText().contains(QStringLiteral("billing: consumed")),
                 qPrintable(inspector.trackText()));

        m.properties.remove(prop::UniqueClientMessageId);
        inspector.showMessage(m);
        QVERIFY(inspector.fields().contains(qMakePair(
            QStringLiteral("Message ID kind"), QStringLiteral("broker offset ID (the producer set no UNIQ_KEY)"))));
        QVERIFY(inspector.fields().contains(qMakePair(QStringLiteral("Message ID"), m.offsetMsgId)));
    }
};

QTEST_MAIN(TestPanels)
#include "test_panels.moc"
