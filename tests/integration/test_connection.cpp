// mq::RemotingConnection against an in-test QTcpServer speaking RocketMQ frames on 127.0.0.1.
#include "AclSigner.h"
#include "FakeServer.h"
#include "RemotingConnection.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <vector>

using namespace std::chrono_literals;
using mq::RemotingCommand;
using mq::RemotingConnection;
using testing::await;
using testing::closedPort;
using testing::FakeServer;

namespace {

RemotingCommand numbered(int n)
{
    mq::ExtFields f;
    f.insert(QStringLiteral("n"), QString::number(n));
    return RemotingCommand::request(mq::RequestCode::GetRouteInfoByTopic, f);
}

// Resident set size in bytes, from /proc (Linux).
qint64 residentBytes()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const auto parts = f.readAll().split(' ');
    return parts.size() > 1 ? parts[1].toLongLong() * 4096 : -1;
}

} // namespace

class TestConnection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void requestGetsItsResponse();
    void thousandInFlightAnsweredOutOfOrder();
    void requestTimesOutAndLateAnswerIsDropped();
    void socketDropFailsEveryPendingRequest();
    void reconnectsOnNextUse();
    void refusedConnectionFailsImmediately();
    void badAddressFailsWithoutConnecting();
    void connectTimeoutWhenTlsHandshakeNeverCompletes();
    void stateSignalsFollowTheSocket();
    void onewaySetsFlagAndExpectsNothing();
    void brokerRequestGoesToHandler();
    void unknownBrokerRequestAnsweredNotSupported();
    void onewayBrokerRequestGetsNoAnswer();
    void hugeLengthPrefixClosesWithFrameTooLarge();
    void malformedHeaderClosesConnection();
    void rpcHookSignsEveryRequest();
    void tlsRoundTrip();
    void tlsVerifyRejectsSelfSignedCertificate();
};

void TestConnection::requestGetsItsResponse()
{
    FakeServer server;
    server.setResponder([](const RemotingCommand &req) {
        auto resp = testing::responseTo(req, 0);
        resp.body = "route for " + req.field(QStringLiteral("n")).toUtf8();
        return resp;
    });
    RemotingConnection conn(server.address());
    auto result = await(conn.request(numbered(5), 3s));
    QVERIFY(result.has_value());
    QVERIFY2(result->ok(), testing::why(result).constData());
    QCOMPARE((*result)->body, QByteArray("route for 5"));
    QCOMPARE((*result)->code, 0);
    // What went over the wire: our language and version, request flag, opaque set by us.
    const auto &sent = server.received().first();
    QCOMPARE(sent.language, mq::LanguageCode::JAVA);
    QCOMPARE(sent.version, RemotingCommand::kDefaultVersion);
    QCOMPARE(sent.flag, 0);
    QCOMPARE((*result)->opaque, sent.opaque);
    QCOMPARE(conn.pendingCount(), 0);
}

void TestConnection::thousandInFlightAnsweredOutOfOrder()
{
    constexpr int kCount = 1000;
    FakeServer server; // silent: answers are sent below, shuffled
    RemotingConnection conn(server.address());
    QList<std::optional<mq::Result<RemotingCommand>>> results(kCount);
    std::vector<QCoro::Task<>> tasks;
    int finished = 0;
    for (int i = 0; i < kCount; ++i)
        tasks.push_back(conn.request(numbered(i), 20s).then([&, i](mq::Result<RemotingCommand> r) {
            results[i].emplace(std::move(r));
            ++finished;
        }));
    QTRY_COMPARE_WITH_TIMEOUT(server.received().size(), kCount, 10000);
    QCOMPARE(conn.pendingCount(), kCount);

    QList<RemotingCommand> requests = server.received();
    std::shuffle(requests.begin(), requests.end(), *QRandomGenerator::global());
    QByteArray burst; // all answers in as few TCP segments as possible, to exercise reassembly
    for (const auto &req : requests) {
        auto resp = testing::responseTo(req, 0);
        resp.body = req.field(QStringLiteral("n")).toUtf8();
        burst.append(mq::frame::encode(resp));
    }
    server.sendRaw(burst);
    QTRY_COMPARE_WITH_TIMEOUT(finished, kCount, 10000);
    for (int i = 0; i < kCount; ++i) {
        QVERIFY(results[i]->ok());
        QCOMPARE((*results[i])->body, QByteArray::number(i));
    }
    QCOMPARE(conn.pendingCount(), 0);
    QCOMPARE(server.connectionCount(), 1);
}

void TestConnection::requestTimesOutAndLateAnswerIsDropped()
{
    FakeServer server; // never answers on its own
    RemotingConnection conn(server.address());
    QVERIFY(await(conn.open()).value().ok());
    QElapsedTimer clock;
    clock.start();
    auto result = await(conn.request(numbered(1), 200ms));
    const qint64 elapsed = clock.elapsed();
    QVERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, mq::Error::Code::Timeout);
    QVERIFY2(result->error().message.contains(server.address()), qPrintable(result->error().message));
    QVERIFY2(result->error().message.contains(QStringLiteral("GET_ROUTEINFO_BY_TOPIC")),
             qPrintable(result->error().message));
    QVERIFY2(elapsed >= 190 && elapsed < 2000, qPrintable(QString::number(elapsed)));
    QCOMPARE(conn.pendingCount(), 0);
    QCOMPARE(conn.state(), RemotingConnection::State::Connected); // a timeout does not close the socket

    // The late answer is dropped; the next request on the same socket still pairs correctly.
    server.send(testing::responseTo(server.received().first(), 0));
    server.setResponder([](const RemotingCommand &req) {
        auto resp = testing::responseTo(req, 0);
        resp.body = "fresh";
        return resp;
    });
    auto next = await(conn.request(numbered(2), 3s));
    QVERIFY(next && next->ok());
    QCOMPARE((*next)->body, QByteArray("fresh"));
    QCOMPARE(server.connectionCount(), 1);
}

void TestConnection::socketDropFailsEveryPendingRequest()
{
    FakeServer server;
    RemotingConnection conn(server.address());
    QSignalSpy disconnected(&conn, &RemotingConnection::disconnected);
    QList<std::optional<mq::Result<RemotingCommand>>> results(50);
    std::vector<QCoro::Task<>> tasks;
    int finished = 0;
    for (int i = 0; i < 50; ++i)
        tasks.push_back(conn.request(numbered(i), 30s).then([&, i](mq::Result<RemotingCommand> r) {
            results[i].emplace(std::move(r));
            ++finished;
        }));
    QTRY_COMPARE(server.received().size(), 50);
    QElapsedTimer clock;
    clock.start();
    server.dropClients();
    QTRY_COMPARE(finished, 50);
    QVERIFY2(clock.elapsed() < 1000, "pending requests must fail when the socket drops, not at their timeout");
    for (const auto &r : results) {
        QVERIFY(!r->ok());
        QCOMPARE(r->error().code, mq::Error::Code::Network);
        QVERIFY2(r->error().message.contains(server.address()), qPrintable(r->error().message));
    }
    QCOMPARE(disconnected.size(), 1);
    QVERIFY(disconnected.first().first().toString().contains(server.address()));
    QCOMPARE(conn.state(), RemotingConnection::State::Disconnected);
    QCOMPARE(conn.pendingCount(), 0);
}

void TestConnection::reconnectsOnNextUse()
{
    FakeServer server;
    server.setResponder([](const RemotingCommand &req) { return testing::responseTo(req, 0); });
    RemotingConnection conn(server.address());
    QVERIFY(await(conn.request(numbered(1), 3s))->ok());
    QSignalSpy disconnected(&conn, &RemotingConnection::disconnected);
    server.dropClients();
    QVERIFY(disconnected.wait(3000));
    QCOMPARE(conn.state(), RemotingConnection::State::Disconnected);
    auto again = await(conn.request(numbered(2), 3s));
    QVERIFY2(again->ok(), testing::why(again).constData());
    QCOMPARE(server.connectionCount(), 2);
}

void TestConnection::refusedConnectionFailsImmediately()
{
    const QString address = QStringLiteral("127.0.0.1:%1").arg(closedPort());
    mq::ConnectionOptions options;
    options.connectTimeout = 10s;
    RemotingConnection conn(address, options);
    QElapsedTimer clock;
    clock.start();
    auto result = await(conn.request(numbered(1), 10s));
    const qint64 elapsed = clock.elapsed();
    QVERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, mq::Error::Code::Network);
    QVERIFY2(result->error().message.contains(address), qPrintable(result->error().message));
    QVERIFY2(elapsed < 1000, qPrintable(QStringLiteral("refusal took %1 ms").arg(elapsed)));
    qInfo("refused connection reported after %lld ms", elapsed);
    QCOMPARE(conn.state(), RemotingConnection::State::Disconnected);
}

void TestConnection::badAddressFailsWithoutConnecting()
{
    for (const QString address : {QStringLiteral("no-port"), QStringLiteral("host:99999"), QStringLiteral(":10911")}) {
        RemotingConnection conn(address);
        auto result = await(conn.request(numbered(1), 1s));
        QVERIFY(result.has_value());
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, mq::Error::Code::InvalidArgument);
        QVERIFY2(result->error().message.contains(address), qPrintable(result->error().message));
    }
}

void TestConnection::connectTimeoutWhenTlsHandshakeNeverCompletes()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    FakeServer server; // plain TCP: accepts, then never speaks TLS
    mq::ConnectionOptions options;
    options.tls = true;
    options.connectTimeout = 300ms;
    RemotingConnection conn(server.address(), options);
    QElapsedTimer clock;
    clock.start();
    auto result = await(conn.request(numbered(1), 5s));
    QVERIFY(result.has_value());
    QVERIFY(!result->ok());
    const auto code = result->error().code;
    // Either the handshake times out or the peer's silence ends in a handshake error; never a hang.
    QVERIFY2(code == mq::Error::Code::Timeout || code == mq::Error::Code::Network, qPrintable(result->error().message));
    QVERIFY2(result->error().message.contains(server.address()), qPrintable(result->error().message));
    QVERIFY(clock.elapsed() < 3000);
    QCOMPARE(server.connectionCount(), 1);
}

void TestConnection::stateSignalsFollowTheSocket()
{
    FakeServer server;
    server.setResponder([](const RemotingCommand &req) { return testing::responseTo(req, 0); });
    RemotingConnection conn(server.address());
    QSignalSpy states(&conn, &RemotingConnection::stateChanged);
    QSignalSpy connectedSpy(&conn, &RemotingConnection::connected);
    QVERIFY(await(conn.request(numbered(1), 3s))->ok());
    server.dropClients();
    QTRY_COMPARE(conn.state(), RemotingConnection::State::Disconnected);
    QList<RemotingConnection::State> seen;
    for (const auto &args : states)
        seen.append(args.first().value<RemotingConnection::State>());
    QCOMPARE(seen, (QList<RemotingConnection::State>{RemotingConnection::State::Connecting,
                                                     RemotingConnection::State::Connected,
                                                     RemotingConnection::State::Disconnected}));
    QCOMPARE(connectedSpy.size(), 1);
}

void TestConnection::onewaySetsFlagAndExpectsNothing()
{
    FakeServer server;
    RemotingConnection conn(server.address());
    auto st = await(conn.oneway(numbered(9)));
    QVERIFY(st && st->ok());
    QTRY_COMPARE(server.received().size(), 1);
    QCOMPARE(server.received().first().flag, RemotingCommand::kOnewayFlag);
    QCOMPARE(server.received().first().field(QStringLiteral("n")), QStringLiteral("9"));
    QCOMPARE(conn.pendingCount(), 0);
}

void TestConnection::brokerRequestGoesToHandler()
{
    FakeServer server;
    RemotingConnection conn(server.address());
    QVERIFY(await(conn.open())->ok());
    QTRY_COMPARE(server.openClients(), 1);
    QString seenGroup;
    conn.setRequestHandler(toInt(mq::RequestCode::GetConsumerRunningInfo),
                           [&](RemotingCommand req) -> QCoro::Task<RemotingCommand> {
                               seenGroup = req.field(QStringLiteral("consumerGroup"));
                               auto resp = RemotingCommand::response(req, 0);
                               resp.body = "{\"properties\":{}}";
                               co_return resp;
                           });
    mq::ExtFields f;
    f.insert(QStringLiteral("consumerGroup"), QStringLiteral("fixture-consumer"));
    f.insert(QStringLiteral("clientId"), QStringLiteral("192.0.2.2@1#2"));
    auto req = RemotingCommand::request(mq::RequestCode::GetConsumerRunningInfo, f);
    req.opaque = 145;
    req.language = mq::LanguageCode::JAVA;
    server.send(req);
    QTRY_COMPARE(server.received().size(), 1);
    const auto &resp = server.received().first();
    QVERIFY(resp.isResponse());
    QCOMPARE(resp.opaque, 145);
    QCOMPARE(resp.code, 0);
    QCOMPARE(resp.body, QByteArray("{\"properties\":{}}"));
    QCOMPARE(seenGroup, QStringLiteral("fixture-consumer"));
}

void TestConnection::unknownBrokerRequestAnsweredNotSupported()
{
    FakeServer server;
    RemotingConnection conn(server.address());
    QVERIFY(await(conn.open())->ok());
    QTRY_COMPARE(server.openClients(), 1);
    RemotingCommand req;
    req.code = 9999;
    req.opaque = 33;
    server.send(req);
    QTRY_COMPARE(server.received().size(), 1);
    const auto &resp = server.received().first();
    QVERIFY(resp.isResponse());
    QCOMPARE(resp.opaque, 33);
    QCOMPARE(resp.code, toInt(mq::ResponseCode::RequestCodeNotSupported));
    QCOMPARE(resp.remark.value_or(QString()), QStringLiteral(" request type 9999 not supported"));
}

void TestConnection::onewayBrokerRequestGetsNoAnswer()
{
    FakeServer server;
    RemotingConnection conn(server.address());
    QVERIFY(await(conn.open())->ok());
    QTRY_COMPARE(server.openClients(), 1);
    int notified = 0;
    conn.setRequestHandler(toInt(mq::RequestCode::NotifyConsumerIdsChanged),
                           [&](RemotingCommand req) -> QCoro::Task<RemotingCommand> {
                               ++notified;
                               co_return RemotingCommand::response(req, 0);
                           });
    // Frame 59 of the fixtures: the broker's oneway NOTIFY_CONSUMER_IDS_CHANGED, then an
    // unknown oneway code, then a plain request that must be the only one answered.
    RemotingCommand notify = RemotingCommand::request(mq::RequestCode::NotifyConsumerIdsChanged);
    notify.setField(QStringLiteral("consumerGroup"), QStringLiteral("fixture-consumer"));
    notify.flag = RemotingCommand::kOnewayFlag;
    notify.opaque = 33;
    RemotingCommand unknownOneway;
    unknownOneway.code = 4242;
    unknownOneway.flag = RemotingCommand::kOnewayFlag;
    unknownOneway.opaque = 34;
    RemotingCommand unknown;
    unknown.code = 4243;
    unknown.opaque = 35;
    server.sendRaw(mq::frame::encode(notify) + mq::frame::encode(unknownOneway) + mq::frame::encode(unknown));
    QTRY_COMPARE(server.received().size(), 1);
    QCOMPARE(server.received().first().opaque, 35);
    QCOMPARE(notified, 1);
    // Give a stray answer the chance to arrive: one more round trip on the same socket.
    server.setResponder([](const RemotingCommand &r) { return testing::responseTo(r, 0); });
    QVERIFY(await(conn.request(numbered(1), 3s))->ok());
    QCOMPARE(server.received().size(), 2);
}

void TestConnection::hugeLengthPrefixClosesWithFrameTooLarge()
{
    FakeServer server;
    RemotingConnection conn(server.address());
    QSignalSpy disconnected(&conn, &RemotingConnection::disconnected);
    std::optional<mq::Result<RemotingCommand>> result;
    auto task = conn.request(numbered(1), 10s).then([&](mq::Result<RemotingCommand> r) { result.emplace(r); });
    QTRY_COMPARE(server.received().size(), 1);
    const qint64 before = residentBytes();
    // 2 GiB announced, header length word, a few bytes: a decoder that trusted the prefix
    // would allocate 2 GiB here.
    server.sendRaw(QByteArray::fromHex("80000000000000100102030405"));
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, mq::Error::Code::FrameTooLarge);
    QVERIFY2(result->error().message.contains(server.address()), qPrintable(result->error().message));
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(conn.state(), RemotingConnection::State::Disconnected);
    QTRY_COMPARE(server.openClients(), 0); // we closed the socket
    const qint64 after = residentBytes();
    if (before > 0 && after > 0)
        QVERIFY2(after - before < 64 * 1024 * 1024, qPrintable(QStringLiteral("RSS grew by %1").arg(after - before)));
}

void TestConnection::malformedHeaderClosesConnection()
{
    FakeServer server;
    RemotingConnection conn(server.address());
    std::optional<mq::Result<RemotingCommand>> result;
    auto task = conn.request(numbered(1), 10s).then([&](mq::Result<RemotingCommand> r) { result.emplace(r); });
    QTRY_COMPARE(server.received().size(), 1);
    const QByteArray header = "{not json";
    QByteArray frame;
    frame.append(QByteArray::fromHex("00000000"));
    qToBigEndian<quint32>(quint32(4 + header.size()), frame.data());
    QByteArray lenWord(4, '\0');
    qToBigEndian<quint32>(quint32(header.size()), lenWord.data());
    server.sendRaw(frame + lenWord + header);
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().code, mq::Error::Code::MalformedHeader);
    QCOMPARE(conn.state(), RemotingConnection::State::Disconnected);
}

void TestConnection::rpcHookSignsEveryRequest()
{
    FakeServer server;
    server.setResponder([](const RemotingCommand &req) { return testing::responseTo(req, 0); });
    RemotingConnection conn(server.address());
    conn.addRpcHook(std::make_shared<mq::AclSigner>(QStringLiteral("ak"), QStringLiteral("sk")));
    QVERIFY(await(conn.request(numbered(3), 3s))->ok());
    QVERIFY(await(conn.oneway(numbered(4)))->ok());
    QTRY_COMPARE(server.received().size(), 2);
    for (const auto &sent : server.received()) {
        QCOMPARE(sent.field(QStringLiteral("AccessKey")), QStringLiteral("ak"));
        QCOMPARE(sent.field(QStringLiteral("Signature")),
                 mq::AclSigner::signature(*sent.extFields, sent.body, QStringLiteral("sk")));
    }
}

void TestConnection::tlsRoundTrip()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    FakeServer server(testing::testTlsConfiguration());
    server.setResponder([](const RemotingCommand &req) {
        auto resp = testing::responseTo(req, 0);
        resp.body = "over tls";
        return resp;
    });
    mq::ConnectionOptions options;
    options.tls = true;
    options.tlsVerifyPeer = false; // the explicit opt-out: the test certificate is self-signed
    RemotingConnection conn(server.address(), options);
    auto result = await(conn.request(numbered(1), 5s));
    QVERIFY2(result && result->ok(), testing::why(result).constData());
    QCOMPARE((*result)->body, QByteArray("over tls"));
    QCOMPARE(server.received().first().field(QStringLiteral("n")), QStringLiteral("1"));
}

void TestConnection::tlsVerifyRejectsSelfSignedCertificate()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    FakeServer server(testing::testTlsConfiguration());
    mq::ConnectionOptions options;
    options.tls = true; // verification is the default
    RemotingConnection conn(server.address(), options);
    auto result = await(conn.request(numbered(1), 5s));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, mq::Error::Code::Network);
    QVERIFY2(result->error().message.contains(server.address()), testing::why(result).constData());
    QVERIFY2(result->error().message.contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
             testing::why(result).constData());
    QCOMPARE(server.received().size(), 0);
}

QTEST_GUILESS_MAIN(TestConnection)
#include "test_connection.moc"
