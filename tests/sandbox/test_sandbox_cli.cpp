// `mqdesk-cli sandbox` as a user runs it: prints its addresses, serves, and on SIGTERM stops
// cleanly with everything flushed, so the next start has it all.
#include "Headers.h"
#include "SandboxTestSupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace mq;

class TestSandboxCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cliFlushesOnSigtermAndComesBack()
    {
#ifndef Q_OS_UNIX
        QSKIP("SIGTERM is a Unix signal");
#else
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto start = [&](QProcess &p, QString &ns, QString &broker) {
            p.setProgram(QStringLiteral(MQDESK_CLI));
            p.setArguments({QStringLiteral("sandbox"), QStringLiteral("--namesrv-port"), QStringLiteral("0"),
                            QStringLiteral("--broker-port"), QStringLiteral("0"), QStringLiteral("--data"),
                            dir.path()});
            p.start();
            QByteArray out;
            QTRY_VERIFY_WITH_TIMEOUT((out += p.readAllStandardOutput()).contains("running"), 10000);
            const QRegularExpression nsRe(QStringLiteral("name server (\\S+)"));
            const QRegularExpression brokerRe(QStringLiteral("broker broker-a (\\S+)"));
            ns = nsRe.match(QString::fromUtf8(out)).captured(1);
            broker = brokerRe.match(QString::fromUtf8(out)).captured(1);
            QVERIFY2(!ns.isEmpty() && !broker.isEmpty(), out.constData());
        };
        QString ns, broker;
        {
            QProcess cli;
            start(cli, ns, broker);
            RawClient client;
            QVERIFY(client.connectTo(broker));
            QCOMPARE(sbtest::sendNumbered(client, QStringLiteral("cli-topic"), 10), 10);
            QVERIFY(client.call(request(RequestCode::UpdateConsumerOffset, {{"consumerGroup", QStringLiteral("g")},
                                                                            {"topic", QStringLiteral("cli-topic")},
                                                                            {"queueId", QStringLiteral("0")},
                                                                            {"commitOffset", QStringLiteral("6")}})));
            cli.terminate(); // SIGTERM
            QVERIFY(cli.waitForFinished(10000));
            QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
            QCOMPARE(cli.exitCode(), 0);
            QVERIFY(cli.readAllStandardOutput().contains("stopped"));
        }
        QProcess cli;
        start(cli, ns, broker);
        RawClient client;
        QVERIFY(client.connectTo(broker));
        QCOMPARE(sbtest::pullStored(client, QStringLiteral("cli-topic"), 0).size(), 10);
        auto offset = client.call(request(RequestCode::QueryConsumerOffset, {{"consumerGroup", QStringLiteral("g")},
                                                                             {"topic", QStringLiteral("cli-topic")},
                                                                             {"queueId", QStringLiteral("0")}}));
        QVERIFY(offset);
        QCOMPARE(offset->field(QStringLiteral("offset")), QStringLiteral("6"));
        RawClient nsClient;
        QVERIFY(nsClient.connectTo(ns));
        auto route = nsClient.call(request(RequestCode::GetRouteInfoByTopic, {{"topic", QStringLiteral("cli-topic")}}));
        QVERIFY(route);
        QCOMPARE(route->code, 0);
        cli.terminate();
        QVERIFY(cli.waitForFinished(10000));
        QCOMPARE(cli.exitCode(), 0);
#endif
    }

    void badArgumentsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("port out of range") << QStringList{QStringLiteral("--namesrv-port"), QStringLiteral("70000")};
        QTest::newRow("port not a number") << QStringList{QStringLiteral("--broker-port"), QStringLiteral("abc")};
        QTest::newRow("listen not an address") << QStringList{QStringLiteral("--listen"), QStringLiteral("localhost!")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")};
    }

    void badArgumentsAreUsageErrors()
    {
        QFETCH(QStringList, args);
        QProcess cli;
        cli.start(QStringLiteral(MQDESK_CLI), QStringList{QStringLiteral("sandbox")} + args);
        QVERIFY(cli.waitForFinished(10000));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY(!cli.readAllStandardError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxCli)
#include "test_sandbox_cli.moc"
