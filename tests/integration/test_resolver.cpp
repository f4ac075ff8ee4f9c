// NameServerResolver: static lists and the MQCloud HTTP resolver, served by an in-test HTTP server.
#include "FakeHttpServer.h"
#include "NameServerResolver.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;
using mq::NameServerResolver;
using mq::ResolverOptions;
using testing::await;
using testing::FakeHttpServer;

class TestResolver : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void staticList_data();
    void staticList();
    void staticListGarbage_data();
    void staticListGarbage();
    void httpSuccessWritesSnapshot();
    void httpFailures_data();
    void httpFailures();
    void httpTimeoutNamesUrl();
    void unreachableResolverNamesUrl();
    void periodicRefreshPicksUpChanges();
    void failureKeepsThisSessionsAnswer();
    void failureFallsBackToSnapshotOnDisk();
    void snapshotOfAnotherResolverIsIgnored();

private:
    // A snapshot file of this test (and data row) alone, unless a name is given.
    static QString testFileName()
    {
        QString name = QString::fromLatin1(QTest::currentTestFunction());
        if (QTest::currentDataTag())
            name += QLatin1Char('-') +
                    QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
        return name + QStringLiteral(".txt");
    }
    ResolverOptions options(const QString &name = {}) const
    {
        ResolverOptions o;
        o.cacheFile = m_dir.filePath(name.isEmpty() ? testFileName() : name);
        o.httpTimeout = 2s;
        return o;
    }
    QTemporaryDir m_dir;
};

void TestResolver::staticList_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("one") << "127.0.0.1:9876" << QStringList{"127.0.0.1:9876"};
    QTest::newRow("two") << "10.0.0.1:9876;10.0.0.2:9876" << QStringList{"10.0.0.1:9876", "10.0.0.2:9876"};
    QTest::newRow("spaces and trailing ;") << "  ns1.example.com:9876 ; ns2:9876;\n"
                                           << QStringList{"ns1.example.com:9876", "ns2:9876"};
    QTest::newRow("ipv6") << "[::1]:9876" << QStringList{"[::1]:9876"};
    QTest::newRow("duplicates dropped") << "a:1;a:1;b:2" << QStringList{"a:1", "b:2"};
}

void TestResolver::staticList()
{
    QFETCH(QString, source);
    QFETCH(QStringList, expected);
    NameServerResolver resolver(source, options());
    QVERIFY(!resolver.isHttp());
    QCOMPARE(resolver.addresses(), expected);
    auto resolved = await(resolver.resolve());
    QVERIFY(resolved && resolved->ok());
    QCOMPARE(**resolved, expected);
}

void TestResolver::staticListGarbage_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("empty") << "";
    QTest::newRow("no port") << "127.0.0.1";
    QTest::newRow("port out of range") << "127.0.0.1:70000";
    QTest::newRow("words") << "hello world";
    QTest::newRow("only separators") << ";;;";
}

void TestResolver::staticListGarbage()
{
    QFETCH(QString, source);
    NameServerResolver resolver(source, options());
    QVERIFY(resolver.addresses().isEmpty());
    auto resolved = await(resolver.resolve());
    QVERIFY(resolved.has_value());
    QVERIFY(!resolved->ok());
    QCOMPARE(resolved->error().code, mq::Error::Code::Resolver);
    QVERIFY(!resolved->error().message.isEmpty());
}

void TestResolver::httpSuccessWritesSnapshot()
{
    FakeHttpServer http;
    http.respond(200, "127.0.0.1:9876;127.0.0.2:9876\n");
    NameServerResolver resolver(http.url(), options());
    QVERIFY(resolver.isHttp());
    QSignalSpy changed(&resolver, &NameServerResolver::addressesChanged);
    auto resolved = await(resolver.resolve());
    QVERIFY(resolved && resolved->ok());
    const QStringList expected{"127.0.0.1:9876", "127.0.0.2:9876"};
    QCOMPARE(**resolved, expected);
    QCOMPARE(resolver.addresses(), expected);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(http.lastRequestLine(), QByteArray("GET /rocketmq/nsaddr-1 HTTP/1.1"));
    QFile snapshot(options().cacheFile);
    QVERIFY(snapshot.open(QIODevice::ReadOnly));
    QVERIFY(snapshot.readAll().contains("127.0.0.1:9876;127.0.0.2:9876"));
}

void TestResolver::httpFailures_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("404") << 404 << QByteArray("Not Found") << "HTTP 404";
    QTest::newRow("500") << 500 << QByteArray("internal error: db down") << "HTTP 500";
    QTest::newRow("500 body quoted") << 500 << QByteArray("internal error: db down") << "db down";
    QTest::newRow("html garbage") << 200 << QByteArray("<html><body>login</body></html>") << "<html><body>";
    QTest::newRow("empty 200") << 200 << QByteArray("  \n") << "empty";
    QTest::newRow("half garbage") << 200 << QByteArray("127.0.0.1:9876;oops") << "oops";
}

void TestResolver::httpFailures()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    FakeHttpServer http;
    http.respond(status, body);
    NameServerResolver resolver(http.url(), options());
    QSignalSpy failed(&resolver, &NameServerResolver::resolveFailed);
    auto resolved = await(resolver.resolve());
    QVERIFY(resolved.has_value());
    QVERIFY(!resolved->ok());
    const QString message = resolved->error().message;
    QCOMPARE(resolved->error().code, mq::Error::Code::Resolver);
    QVERIFY2(message.contains(http.url()), qPrintable(message));
    QVERIFY2(message.contains(mentions), qPrintable(message));
    QCOMPARE(failed.size(), 1);
    QVERIFY(resolver.addresses().isEmpty());
    QVERIFY(!QFile::exists(options().cacheFile));
}

void TestResolver::httpTimeoutNamesUrl()
{
    FakeHttpServer http;
    http.setSilent(true);
    ResolverOptions o = options();
    o.httpTimeout = 300ms;
    NameServerResolver resolver(http.url(), o);
    QElapsedTimer clock;
    clock.start();
    auto resolved = await(resolver.resolve());
    QVERIFY(resolved.has_value());
    QVERIFY(!resolved->ok());
    QVERIFY2(resolved->error().message.contains(http.url()), qPrintable(resolved->error().message));
    QVERIFY2(resolved->error().message.contains(QStringLiteral("300 ms")), qPrintable(resolved->error().message));
    QVERIFY(clock.elapsed() >= 250 && clock.elapsed() < 3000);
    QCOMPARE(http.requestCount(), 1);
}

void TestResolver::unreachableResolverNamesUrl()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const QString url = QStringLiteral("http://127.0.0.1:%1/rocketmq/nsaddr-7").arg(probe.serverPort());
    probe.close();
    NameServerResolver resolver(url, options());
    auto resolved = await(resolver.resolve());
    QVERIFY(resolved.has_value());
    QVERIFY(!resolved->ok());
    QVERIFY2(resolved->error().message.contains(url), qPrintable(resolved->error().message));
    QVERIFY2(resolved->error().message.contains(QStringLiteral("unreachable")), qPrintable(resolved->error().message));
}

void TestResolver::periodicRefreshPicksUpChanges()
{
    FakeHttpServer http;
    http.respond(200, "10.0.0.1:9876");
    ResolverOptions o = options();
    o.refreshInterval = 100ms;
    NameServerResolver resolver(http.url(), o);
    QVERIFY(await(resolver.resolve())->ok());
    QSignalSpy changed(&resolver, &NameServerResolver::addressesChanged);
    QSignalSpy failed(&resolver, &NameServerResolver::resolveFailed);
    resolver.startRefresh();
    http.respond(200, "10.0.0.2:9876;10.0.0.3:9876");
    QVERIFY(changed.wait(3000));
    QCOMPARE(changed.last().first().toStringList(), (QStringList{"10.0.0.2:9876", "10.0.0.3:9876"}));
    // A failing refresh keeps the addresses and says why.
    http.respond(500, "maintenance");
    QVERIFY(failed.wait(3000));
    QVERIFY(failed.last().first().toString().contains(QStringLiteral("HTTP 500")));
    QCOMPARE(resolver.addresses(), (QStringList{"10.0.0.2:9876", "10.0.0.3:9876"}));
    resolver.stopRefresh();
    const int served = http.requestCount();
    QTest::qWait(350); // stopping means no further fetches: nothing to wait for but time
    QCOMPARE(http.requestCount(), served);
}

void TestResolver::failureKeepsThisSessionsAnswer()
{
    FakeHttpServer http;
    http.respond(200, "10.0.0.9:9876");
    NameServerResolver resolver(http.url(), options());
    QVERIFY(await(resolver.resolve())->ok());
    http.respond(404, "gone");
    auto resolved = await(resolver.resolve());
    QVERIFY(resolved && resolved->ok());
    QCOMPARE(**resolved, QStringList{"10.0.0.9:9876"});
    QVERIFY(!resolver.usingSnapshot());
    QVERIFY(resolver.lastError().message.contains(QStringLiteral("HTTP 404")));
}

void TestResolver::failureFallsBackToSnapshotOnDisk()
{
    FakeHttpServer http;
    http.respond(200, "10.1.1.1:9876;10.1.1.2:9876");
    {
        NameServerResolver first(http.url(), options());
        QVERIFY(await(first.resolve())->ok());
    }
    http.respond(500, "down");
    NameServerResolver second(http.url(), options()); // a later run of the app
    QSignalSpy failed(&second, &NameServerResolver::resolveFailed);
    auto resolved = await(second.resolve());
    QVERIFY(resolved && resolved->ok());
    QCOMPARE(**resolved, (QStringList{"10.1.1.1:9876", "10.1.1.2:9876"}));
    QVERIFY(second.usingSnapshot());
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("HTTP 500")));

    // Once the resolver recovers, its answer replaces the snapshot.
    http.respond(200, "10.1.1.3:9876");
    QVERIFY(await(second.resolve())->ok());
    QCOMPARE(second.addresses(), QStringList{"10.1.1.3:9876"});
    QVERIFY(!second.usingSnapshot());
}

void TestResolver::snapshotOfAnotherResolverIsIgnored()
{
    FakeHttpServer a, b;
    a.respond(200, "10.2.2.2:9876");
    {
        NameServerResolver first(a.url(), options(QStringLiteral("shared.txt")));
        QVERIFY(await(first.resolve())->ok());
    }
    b.respond(500, "down");
    NameServerResolver other(b.url(), options(QStringLiteral("shared.txt")));
    auto resolved = await(other.resolve());
    QVERIFY(resolved.has_value());
    QVERIFY(!resolved->ok());
    QVERIFY(resolved->error().message.contains(b.url()));
}

QTEST_GUILESS_MAIN(TestResolver)
#include "test_resolver.moc"
