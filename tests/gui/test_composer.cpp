// The composer panel, driven through its real widgets against a fake producer.

#include "ComposerPanel.h"
#include "FakeSession.h"
#include "Outbox.h"
#include "SendResultsModel.h"
#include "TemplateStore.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace mq;
using namespace mq::gui;

class TestComposer : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    template <typename W> static W *child(QWidget *parent, const char *name)
    {
        W *w = parent->findChild<W *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no widget %s", name);
        return w;
    }

    static void type(QLineEdit *edit, const QString &text)
    {
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    static void addProperty(ComposerPanel &panel, const QString &name, const QString &value)
    {
        QTest::mouseClick(child<QToolButton>(&panel, "addPropertyButton"), Qt::LeftButton);
        auto *table = child<QTableWidget>(&panel, "propertiesTable");
        const int row = table->rowCount() - 1;
        table->item(row, 0)->setText(name);
        table->item(row, 1)->setText(value);
    }

private Q_SLOTS:
    void buildsTheMessageFromTheFields()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("a.ini")), QSettings::IniFormat);
        Outbox outbox(m_dir.filePath(QStringLiteral("outbox-a.json")));
        ComposerPanel panel(settings, &outbox);
        panel.show();
        type(child<QLineEdit>(&panel, "topicEdit"), QStringLiteral("order-events"));
        type(child<QLineEdit>(&panel, "tagsEdit"), QStringLiteral("paid"));
        type(child<QLineEdit>(&panel, "keysEdit"), QStringLiteral("order-1001 customer-42"));
        addProperty(panel, QStringLiteral("region"), QStringLiteral("cn-north"));
        addProperty(panel, QStringLiteral("source"), QStringLiteral("checkout"));
        child<QComboBox>(&panel, "delayCombo")->setCurrentIndex(2);
        child<QComboBox>(&panel, "bodyModeCombo")->setCurrentIndex(int(BodyMode::Json));
        QTest::keyClicks(child<QPlainTextEdit>(&panel, "bodyEdit"), QStringLiteral("{\"orderId\": 1001}"));

        const auto m = panel.buildMessage();
        QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error().message));
        QCOMPARE(m->topic, QStringLiteral("order-events"));
        QCOMPARE(m->tags(), QStringLiteral("paid"));
        QCOMPARE(m->keys(), (QStringList{QStringLiteral("order-1001"), QStringLiteral("customer-42")}));
        QCOMPARE(m->properties.value(QStringLiteral("region")), QStringLiteral("cn-north"));
        QCOMPARE(m->properties.value(QStringLiteral("source")), QStringLiteral("checkout"));
        QCOMPARE(m->delayLevel(), 2);
        QCOMPARE(m->body, QByteArray("{\"orderId\": 1001}"));
    }

    void invalidJsonBlocksSendingAndSaysWhere()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("b.ini")), QSettings::IniFormat);
        Outbox outbox(m_dir.filePath(QStringLiteral("outbox-b.json")));
        ComposerPanel panel(settings, &outbox);
        fake::Session session;
        session.start();
        panel.setSession(&session);
        panel.show();
        type(child<QLineEdit>(&panel, "topicEdit"), QStringLiteral("order-events"));
        child<QComboBox>(&panel, "bodyModeCombo")->setCurrentIndex(int(BodyMode::Json));
        QTest::keyClicks(child<QPlainTextEdit>(&panel, "bodyEdit"), QStringLiteral("{\"orderId\": }"));
        auto *send = child<QPushButton>(&panel, "sendButton");
        auto *validation = child<QLabel>(&panel, "validationLabel");
        QTRY_VERIFY(validation->text().contains(QStringLiteral("line 1, column 13")));
        QVERIFY(!send->isEnabled());
        panel.send(); // ignored: nothing reaches the producer
        QCOMPARE(session.producerImpl.sent.size(), 0);

        // The pretty-printer fixes nothing, but a valid body formats and enables Send.
        child<QPlainTextEdit>(&panel, "bodyEdit")->setPlainText(QStringLiteral("{\"orderId\":1001,\"items\":[1,2]}"));
        QTest::mouseClick(child<QToolButton>(&panel, "prettyButton"), Qt::LeftButton);
        QCOMPARE(child<QPlainTextEdit>(&panel, "bodyEdit")->toPlainText(),
                 QStringLiteral("{\n  \"orderId\": 1001,\n  \"items\": [\n    1,\n    2\n  ]\n}"));
        QTRY_VERIFY(send->isEnabled());
    }

    void sendsNTimesAndListsEveryResult()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("c.ini")), QSettings::IniFormat);
        Outbox outbox(m_dir.filePath(QStringLiteral("outbox-c.json")));
        ComposerPanel panel(settings, &outbox);
        fake::Session session;
        session.start();
        panel.setSession(&session);
        panel.show();
        type(child<QLineEdit>(&panel, "topicEdit"), QStringLiteral("order-events"));
        type(child<QLineEdit>(&panel, "keysEdit"), QStringLiteral("order-7"));
        QTest::keyClicks(child<QPlainTextEdit>(&panel, "bodyEdit"), QStringLiteral("hello"));
        child<QSpinBox>(&panel, "countSpin")->setValue(5);
        child<QSpinBox>(&panel, "rateSpin")->setValue(50);
        QSignalSpy finished(&panel, &ComposerPanel::sendFinished);
        QTRY_VERIFY(child<QPushButton>(&panel, "sendButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>(&panel, "sendButton"), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).toInt(), 5);
        QCOMPARE(session.producerImpl.sent.size(), 5);
        QCOMPARE(session.producerImpl.sent.at(4).keys(), QStringList{QStringLiteral("order-7")});
        SendResultsModel *results = panel.results();
        QCOMPARE(results->rowCount(), 5);
        QCOMPARE(results->index(4, SendResultsModel::Status).data().toString(), QStringLiteral("SEND_OK"));
        QCOMPARE(results->index(4, SendResultsModel::Queue).data().toString(), QStringLiteral("broker-a:1"));
        QCOMPARE(results->index(4, SendResultsModel::Offset).data().toLongLong(), 4);
        QCOMPARE(results->index(0, SendResultsModel::Broker).data().toString(), QStringLiteral("127.0.0.1:10911"));
        QVERIFY(!results->index(0, SendResultsModel::MsgId).data().toString().isEmpty());
        QCOMPARE(outbox.rowCount(), 0);
    }

    void failedSendsGoToAnOutboxThatSurvivesARestart()
    {
        const QString path = m_dir.filePath(QStringLiteral("outbox-d.json"));
        QSettings settings(m_dir.filePath(QStringLiteral("d.ini")), QSettings::IniFormat);
        fake::Session session;
        session.start();
        session.producerImpl.failWith = QStringLiteral("connection refused by 127.0.0.1:10911");
        {
            Outbox outbox(path);
            ComposerPanel panel(settings, &outbox);
            panel.setSession(&session);
            MessageDraft d;
            d.topic = QStringLiteral("order-events");
            d.keys = QStringLiteral("order-9");
            d.properties = {{QStringLiteral("region"), QStringLiteral("华北")}};
            d.bodyText = QStringLiteral("payload");
            panel.setDraft(d);
            QSignalSpy finished(&panel, &ComposerPanel::sendFinished);
            panel.send();
            QTRY_COMPARE(finished.count(), 1); // the fake answers at once: maybe before we listen
            QCOMPARE(finished.at(0).at(1).toInt(), 1);
            QCOMPARE(outbox.rowCount(), 1);
            QVERIFY(panel.results()
                        ->index(0, SendResultsModel::Status)
                        .data()
                        .toString()
                        .contains(QStringLiteral("connection refused")));
        }
        // "Restart": a new outbox reads the same file.
        Outbox reopened(path);
        QCOMPARE(reopened.rowCount(), 1);
        const Outbox::Entry &e = reopened.entry(0);
        QCOMPARE(e.message.topic, QStringLiteral("order-events"));
        QCOMPARE(e.message.keys(), QStringList{QStringLiteral("order-9")});
        QCOMPARE(e.message.properties.value(QStringLiteral("region")), QStringLiteral("华北"));
        QCOMPARE(e.message.body, QByteArray("payload"));
        QCOMPARE(e.lastError, QStringLiteral("connection refused by 127.0.0.1:10911"));
        QCOMPARE(e.profile, ConnectionProfile::sandboxName());

        // Retry once the broker is back: the entry is sent and leaves the outbox.
        session.producerImpl.failWith.clear();
        ComposerPanel panel(settings, &reopened);
        panel.setSession(&session);
        panel.show();
        auto *view = child<QTableView>(&panel, "outboxView");
        view->selectRow(0);
        QSignalSpy finished(&panel, &ComposerPanel::sendFinished);
        QTest::mouseClick(child<QPushButton>(&panel, "retryButton"), Qt::LeftButton);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(reopened.rowCount(), 0);
        QCOMPARE(session.producerImpl.sent.size(), 1);
        QCOMPARE(session.producerImpl.sent.at(0).body, QByteArray("payload"));
        QCOMPARE(Outbox(path).rowCount(), 0);
    }

    void damagedOutboxIsSetAsideWithAReason()
    {
        const QString path = m_dir.filePath(QStringLiteral("outbox-e.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[{\"id\": \"x\", ");
        file.close();
        Outbox outbox(path);
        QCOMPARE(outbox.rowCount(), 0);
        QVERIFY(outbox.loadError().contains(QStringLiteral("damaged")));
        QVERIFY(QFile::exists(path + QStringLiteral(".damaged")));
    }

    void templatesAreSavedPerProfile()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("f.ini")), QSettings::IniFormat);
        TemplateStore store(settings);
        MessageDraft d;
        d.topic = QStringLiteral("order-events");
        d.bodyText = QStringLiteral("x");
        store.save(QStringLiteral("prod/cluster 1"), QStringLiteral("paid order"), d);
        QCOMPARE(store.load(QStringLiteral("prod/cluster 1")).value(QStringLiteral("paid order")), d);
        QVERIFY(store.load(QStringLiteral("Sandbox")).isEmpty());

        Outbox outbox(m_dir.filePath(QStringLiteral("outbox-f.json")));
        ComposerPanel panel(settings, &outbox);
        fake::Session session(ConnectionProfile{.name = QStringLiteral("prod/cluster 1")});
        panel.setSession(&session);
        auto *combo = child<QComboBox>(&panel, "templateCombo");
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->itemText(1), QStringLiteral("paid order"));
        combo->setCurrentIndex(1);
        Q_EMIT combo->activated(1);
        QCOMPARE(panel.draft().topic, QStringLiteral("order-events"));
    }
};

QTEST_MAIN(TestComposer)
#include "test_composer.moc"
