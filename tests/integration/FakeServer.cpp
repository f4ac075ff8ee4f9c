#include "FakeServer.h"

#include <QFile>
#include <QSslKey>
#include <QSslServer>

namespace testing {

FakeServer::FakeServer(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QTcpServer>())
{
    listen();
}

FakeServer::FakeServer(const QSslConfiguration &tls, QObject *parent)
    : QObject(parent)
{
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(tls);
    // QSslServer (Qt 6.4) announces handshaken sockets with this signal only.
    connect(server.get(), &QTcpServer::pendingConnectionAvailable, this, &FakeServer::onNewConnection);
    m_server = std::move(server);
    listen();
}

void FakeServer::listen()
{
    m_server->listen(QHostAddress::LocalHost, 0);
    connect(m_server.get(), &QTcpServer::newConnection, this, &FakeServer::onNewConnection);
}

QSslConfiguration testTlsConfiguration()
{
    const QString dir = QStringLiteral(MQDESK_SOURCE_DIR "/tests/integration/data/");
    QFile certFile(dir + QStringLiteral("tls-test-cert.pem")), keyFile(dir + QStringLiteral("tls-test-key.pem"));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        qFatal("cannot read the test TLS certificate in %s", qPrintable(dir));
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
    c.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    return c;
}

FakeServer::~FakeServer()
{
    // The sockets die with m_server, after the members their slots use.
    for (const auto &c : std::as_const(m_clients))
        if (c)
            c->disconnect(this);
}

QList<mq::RemotingCommand> FakeServer::receivedWithCode(int code) const
{
    QList<mq::RemotingCommand> out;
    for (const auto &cmd : m_received)
        if (cmd.code == code && !cmd.isResponse())
            out.append(cmd);
    return out;
}

int FakeServer::openClients() const
{
    int n = 0;
    for (const auto &c : m_clients)
        if (c && c->state() == QAbstractSocket::ConnectedState)
            ++n;
    return n;
}

void FakeServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_connections;
        m_clients.append(socket);
        m_decoders.insert(socket, mq::FrameDecoder());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_decoders.remove(socket);
            socket->deleteLater();
            Q_EMIT clientDisconnected();
        });
        Q_EMIT clientConnected();
        if (socket->bytesAvailable() > 0) // a TLS client may have spoken before the server handed us the socket
            onReadyRead(socket);
    }
}

void FakeServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_decoders.find(socket);
    if (it == m_decoders.end())
        return;
    it->feed(socket->readAll());
    for (;;) {
        auto next = it->next();
        if (!next || !next->has_value())
            return;
        const mq::RemotingCommand cmd = std::move(**next);
        m_received.append(cmd);
        if (!cmd.isResponse() && m_closeOnRequest) {
            Q_EMIT frameReceived();
            socket->abort();
            return;
        }
        if (!cmd.isResponse() && m_responder) {
            if (auto response = m_responder(cmd))
                socket->write(mq::frame::encode(*response));
        }
        Q_EMIT frameReceived();
        if (!m_decoders.contains(socket))
            return;
    }
}

void FakeServer::send(const mq::RemotingCommand &cmd)
{
    sendRaw(mq::frame::encode(cmd));
}

void FakeServer::sendRaw(const QByteArray &bytes)
{
    for (auto it = m_clients.rbegin(); it != m_clients.rend(); ++it) {
        if (*it && (*it)->state() == QAbstractSocket::ConnectedState) {
            (*it)->write(bytes);
            return;
        }
    }
}

void FakeServer::dropClients()
{
    for (const auto &c : std::as_const(m_clients))
        if (c)
            c->abort();
}

mq::RemotingCommand responseTo(const mq::RemotingCommand &request, int code, std::optional<QString> remark)
{
    return mq::RemotingCommand::response(request, code, std::move(remark));
}

} // namespace testing
