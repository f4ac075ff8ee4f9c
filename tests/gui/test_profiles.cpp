// Connection profiles: settings round trip, secrets never in the settings file, validation,
// the MQCloud resolver helper, and the keychain degrading with a warning instead of failing.

#include "Profile.h"
#include "ProfileDialog.h"
#include "ProfileStore.h"
#include "SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoro/QCoroTask>
#include <QDeadlineTimer>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mq;
using namespace mq::gui;

namespace {
// Runs the event loop until the task is done (keychain jobs answer asynchronously).
template <typename T> T await(QCoro::Task<T> task)
{
    std::optional<T> result;
    QCoro::connect(std::move(task), qApp, [&](T value) { result.emplace(std::move(value)); });
    QDeadlineTimer deadline(std::chrono::minutes(3));
    while (!result && !deadline.hasExpired())
        QTest::qWait(10);
    if (!result)
        qFatal("task did not finish");
    return std::move(*result);
}

ConnectionProfile cloudProfile()
{
    ConnectionProfile p;
    p.name = QStringLiteral("生产 MQCloud");
    p.source = NameServerSource::MQCloud;
    p.mqcloudDomain = QStringLiteral("mqcloud.example.com");
    p.clusterId = QStringLiteral("3");
    p.producerGroup = QStringLiteral("desk_pg");
    p.consumerGroup = QStringLiteral("desk_cg");
    p.aclAccessKey = QStringLiteral("AK-visible");
    p.aclSecretKey = QStringLiteral("SK-very-secret-2718");
    p.tls = true;
    p.requestTimeoutMs = 5000;
    p.sendRetries = 4;
    p.resolverRefreshSeconds = 60;
    return p;
}
} // namespace

class TestProfiles : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void mqcloudResolverUrl_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("cluster");
        QTest::addColumn<QString>("url");
        QTest::newRow("plain") << "mqcloud.example.com"
                               << "3"
                               << "http://mqcloud.example.com/rocketmq/nsaddr-3";
        QTest::newRow("scheme and slash") << "HTTP://mq.example.com:8080/"
                                          << " 12 "
                                          << "http://mq.example.com:8080/rocketmq/nsaddr-12";
        QTest::newRow("no cluster") << "mq.example.com"
                                    << ""
                                    << "";
    }

    void mqcloudResolverUrl()
    {
        QFETCH(QString, domain);
        QFETCH(QString, cluster);
        QFETCH(QString, url);
        QCOMPARE(mq::gui::mqcloudResolverUrl(domain, cluster), url);
    }

    void validationSaysWhatIsWrong_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("reason");
        QTest::newRow("name") << 0 << "needs a name";
        QTest::newRow("cluster id") << 1 << "cluster id is a number";
        QTest::newRow("static list") << 2 << "not a name server address";
        QTest::newRow("url") << 3 << "http:// or https://";
        QTest::newRow("group") << 4 << "producer group";
        QTest::newRow("secret without key") << 5 << "needs its access key";
    }

    void validationSaysWhatIsWrong()
    {
        QFETCH(int, field);
        QFETCH(QString, reason);
        ConnectionProfile p = cloudProfile();
        QVERIFY(p.validate().ok());
        switch (field) {
        case 0: p.name.clear(); break;
        case 1: p.clusterId = QStringLiteral("three"); break;
        case 2:
            p.source = NameServerSource::Static;
            p.nameServers = {QStringLiteral("127.0.0.1:9876"), QStringLiteral("10.0.0.1")};
            break;
        case 3:
            p.source = NameServerSource::Url;
            p.resolverUrl = QStringLiteral("ftp://x/y");
            break;
        case 4: p.producerGroup = QStringLiteral("bad group"); break;
        case 5: p.aclAccessKey.clear(); break;
        }
        const Status ok = p.validate();
        QVERIFY(!ok.ok());
        QVERIFY2(ok.error().message.contains(reason), qPrintable(ok.error().message));
    }

    void nameServerLists()
    {
        QCOMPARE(parseNameServerList(QStringLiteral(" a:1; b:2,c:3\n[::1]:9876 ")),
                 (QStringList{QStringLiteral("a:1"), QStringLiteral("b:2"), QStringLiteral("c:3"),
                              QStringLiteral("[::1]:9876")}));
        QVERIFY(isValidNameServerAddress(QStringLiteral("[::1]:9876")));
        QVERIFY(!isValidNameServerAddress(QStringLiteral("host:99999")));
    }

    void roundTripWithoutTheSecret()
    {
        const QString path = m_dir.filePath(QStringLiteral("profiles.ini"));
        ConnectionProfile statics;
        statics.name = QStringLiteral("local");
        statics.nameServers = {QStringLiteral("127.0.0.1:9876"), QStringLiteral("127.0.0.2:9876")};
        {
            QSettings settings(path, QSettings::IniFormat);
            ProfileStore(settings).save({ConnectionProfile::sandbox(), cloudProfile(), statics});
        }
        QSettings settings(path, QSettings::IniFormat);
        const QList<ConnectionProfile> loaded = ProfileStore(settings).load();
        QCOMPARE(loaded.size(), 3);
        QVERIFY(loaded.at(0).isSandbox()); // built in, always first, never stored
        ConnectionProfile expected = cloudProfile();
        expected.aclSecretKey.clear();
        QCOMPARE(loaded.at(1), expected);
        QCOMPARE(loaded.at(2), statics);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("AK-visible"));
        QVERIFY(!text.contains("SK-very-secret"));
        QVERIFY(!text.contains("Sandbox"));
    }

    void dialogPutsTheSecretInTheStoreOnly()
    {
        const QString path = m_dir.filePath(QStringLiteral("dialog.ini"));
        MemorySecretStore secrets;
        ProfileDialog dialog({ConnectionProfile::sandbox()}, &secrets);
        dialog.show();
        dialog.addProfile();
        auto edit = [&](const char *name, const QString &text) {
            auto *w = dialog.findChild<QLineEdit *>(QString::fromLatin1(name));
            QVERIFY(w);
            w->clear();
            QTest::keyClicks(w, text);
        };
        edit("nameEdit", QStringLiteral("staging"));
        dialog.findChild<QComboBox *>(QStringLiteral("sourceCombo"))->setCurrentIndex(int(NameServerSource::MQCloud));
        edit("domainEdit", QStringLiteral("mqcloud.example.com"));
        edit("clusterEdit", QStringLiteral("7"));
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("urlPreview"))->text(),
                 QStringLiteral("http://mqcloud.example.com/rocketmq/nsaddr-7"));
        edit("accessKeyEdit", QStringLiteral("AK1"));
        edit("secretKeyEdit", QStringLiteral("SK-typed-here"));
        dialog.findChild<QCheckBox *>(QStringLiteral("tlsCheck"))->setChecked(true);
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const QList<ConnectionProfile> profiles = dialog.profiles();
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.at(1).name, QStringLiteral("staging"));
        QCOMPARE(profiles.at(1).effectiveResolverUrl(), QStringLiteral("http://mqcloud.example.com/rocketmq/nsaddr-7"));
        QVERIFY(profiles.at(1).tls);
        QVERIFY(profiles.at(1).aclSecretKey.isEmpty());
        {
            QSettings settings(path, QSettings::IniFormat);
            ProfileStore(settings).save(profiles);
        }
        const auto secret =
            await(secrets.read(SecretStore::keyFor(QStringLiteral("staging"), QStringLiteral("aclSecretKey"))));
        QVERIFY(secret.ok());
        QCOMPARE(*secret, QStringLiteral("SK-typed-here"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("SK-typed-here"));
    }

    void dialogRefusesDuplicateNames()
    {
        ProfileDialog dialog({ConnectionProfile::sandbox(), cloudProfile()}, nullptr);
        dialog.show();
        dialog.addProfile();
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        name->setText(cloudProfile().name); // not typed: QTest can only type ASCII
        dialog.findChild<QLineEdit *>(QStringLiteral("clusterEdit"))->setText(QStringLiteral("1"));
        dialog.findChild<QLineEdit *>(QStringLiteral("domainEdit"))->setText(QStringLiteral("x.example.com"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(
            dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))->text().contains(QStringLiteral("Two profiles")));
    }

    // Under CI / offscreen there is usually no Secret Service: the store must say so in words
    // and keep working for the session, never hang or write the secret anywhere in clear.
    void keychainWorksOrSaysWhyNot()
    {
        KeychainSecretStore store(QStringLiteral("mqdesk-test-%1").arg(QCoreApplication::applicationPid()));
        QSignalSpy warned(&store, &SecretStore::warningChanged);
        const QString key = SecretStore::keyFor(QStringLiteral("ci"), QStringLiteral("aclSecretKey"));
        const Status written = await(store.write(key, QStringLiteral("s3cret")));
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
        const auto read = await(store.read(key));
        QVERIFY(read.ok());
        QCOMPARE(*read, QStringLiteral("s3cret"));
        if (!store.isPersistent()) {
            QCOMPARE(warned.count(), 1);
            QVERIFY(store.warning().contains(QStringLiteral("keychain is not available")));
            qInfo("keychain unavailable here: %s", qPrintable(store.warning()));
        }
        QVERIFY(await(store.remove(key)).ok());
        QCOMPARE(await(store.read(key)).error().code, Error::Code::NotFound);
    }
};

QTEST_MAIN(TestProfiles)
#include "test_profiles.moc"
