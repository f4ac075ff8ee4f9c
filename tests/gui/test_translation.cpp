// The Chinese catalogue is complete and the real main window switches to it (and back) at runtime.

#include "ComposerPanel.h"
#include "FakeSession.h"
#include "FeedModel.h"
#include "FeedPanel.h"
#include "Language.h"
#include "MainWindow.h"
#include "SecretStore.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace mq;
using namespace mq::gui;

namespace {
struct Catalogue {
    QSet<QString> sources;
    QStringList unfinished;
    int messages = 0;
};

Catalogue readCatalogue(const QString &path)
{
    Catalogue c;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    QString translationType;
    QString translation;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                source.clear();
                translation.clear();
                translationType.clear();
            } else if (name == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                translationType = xml.attributes().value(QLatin1String("type")).toString();
                if (!numerus)
                    translation = xml.readElementText();
            } else if (name == QLatin1String("numerusform") && translation.isEmpty()) {
                translation = xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            c.sources.insert(context + QLatin1Char('|') + source);
            ++c.messages;
            if (translationType == QLatin1String("unfinished") || translationType == QLatin1String("vanished") ||
                translationType == QLatin1String("obsolete") || translation.trimmed().isEmpty())
                c.unfinished << context + QStringLiteral(": ") + source;
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return c;
}

bool hasHan(const QString &s)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return han.match(s).hasMatch();
}
} // namespace

class TestTranslation : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void chineseCatalogueIsComplete()
    {
        const Catalogue zh = readCatalogue(QStringLiteral(MQDESK_SOURCE_DIR "/translations/mqdesk_zh_CN.ts"));
        const Catalogue en = readCatalogue(QStringLiteral(MQDESK_SOURCE_DIR "/translations/mqdesk_en.ts"));
        QVERIFY2(zh.messages > 300, qPrintable(QString::number(zh.messages)));
        QVERIFY2(zh.unfinished.isEmpty(), qPrintable(zh.unfinished.mid(0, 20).join(QLatin1Char('\n'))));
        QCOMPARE(zh.sources, en.sources); // both catalogues list the same strings
    }

    void mainWindowSpeaksChineseAndSwitchesBack()
    {
        Language language;
        QVERIFY(language.apply(QStringLiteral("zh_CN")));
        QCOMPARE(language.current(), QStringLiteral("zh_CN"));

        QSettings settings(m_dir.filePath(QStringLiteral("t.ini")), QSettings::IniFormat);
        MemorySecretStore secrets;
        MainWindow::Context context{
            &settings, &secrets, &language,
            [](const ConnectionProfile &p, SecretStore *) { return std::make_unique<fake::Session>(p); },
            m_dir.filePath(QStringLiteral("outbox.json"))};
        MainWindow window(context);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QCOMPARE(navigation->item(MainWindow::ComposerPage)->text(), QStringLiteral("发送消息"));
        QCOMPARE(navigation->item(MainWindow::FeedPage)->text(), QStringLiteral("实时消息"));
        QCOMPARE(navigation->item(MainWindow::ConsumersPage)->text(), QStringLiteral("消费者"));
        QVERIFY(hasHan(window.menuBar()->actions().at(0)->text()));
        QVERIFY(hasHan(window.composer()->findChild<QPushButton *>(QStringLiteral("sendButton"))->text()));
        QVERIFY(hasHan(window.feed()->model()->headerData(FeedModel::Tags, Qt::Horizontal).toString()));
        QVERIFY(hasHan(window.findChild<QLabel *>(QStringLiteral("connectionText"))->text()));

        // Connecting shows the state in Chinese too.
        QVERIFY(window.connectToProfile(ConnectionProfile::sandboxName()));
        QTRY_VERIFY(
            window.findChild<QLabel *>(QStringLiteral("connectionText"))->text().contains(QStringLiteral("已连接")));

        // Runtime switch: every panel retranslates itself without a restart (LanguageChange is posted).
        QVERIFY(language.apply(QStringLiteral("en")));
        QTRY_COMPARE(navigation->item(MainWindow::ComposerPage)->text(), QStringLiteral("Composer"));
        QCOMPARE(window.composer()->findChild<QPushButton *>(QStringLiteral("sendButton"))->text(),
                 QStringLiteral("Send"));
        QCOMPARE(window.feed()->model()->headerData(FeedModel::Tags, Qt::Horizontal).toString(),
                 QStringLiteral("Tags"));
        QVERIFY(
            window.findChild<QLabel *>(QStringLiteral("connectionText"))->text().contains(QStringLiteral("connected")));
        QVERIFY(!hasHan(window.menuBar()->actions().at(0)->text()));
    }

    void languageCodesResolve()
    {
        QCOMPARE(Language::resolve(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QCOMPARE(Language::resolve(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(Language::nativeName(QStringLiteral("zh_CN")), QStringLiteral("简体中文"));
    }
};

QTEST_MAIN(TestTranslation)
#include "test_translation.moc"
