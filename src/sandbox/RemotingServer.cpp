#include "RemotingServer.h"

#include "MessageId.h"
#include "ServerConnection.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace mq::sandbox {

QHostAddress advertisedHost(const QHostAddress &listenAddress)
{
    if (listenAddress == QHostAddress::Any || listenAddress == QHostAddress::AnyIPv4 ||
        listenAddress == QHostAddress::AnyIPv6)
        return UniqueKeyGenerator::hostAddress();
    return listenAddress;
}

QString advertisedAddress(const QHostAddress &address, quint16 port)
{
    const QHostAddress host = advertisedHost(address);
    if (host.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(host.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(host.toString()).arg(port);
}

RemotingServer::RemotingServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &RemotingServer::onNewConnection);
}

RemotingServer::~RemotingServer()
{
    close();
}

bool RemotingServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_server->listen(address, port))
        return true;
    if (error)
        *error =
            QStringLiteral("cannot listen on %1: %2").arg(advertisedAddress(address, port), m_server->errorString());
    return false;
}

void RemotingServer::close()
{
    m_server->close();
    const auto connections = m_connections;
    for (auto *c : connections)
        c->close();
}

bool RemotingServer::isListening() const
{
    return m_server->isListening();
}

QHostAddress RemotingServer::serverAddress() const
{
    return m_server->serverAddress();
}

quint16 RemotingServer::serverPort() const
{
    return m_server->serverPort();
}

void RemotingServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto *connection = new ServerConnection(socket, this);
        m_connections.append(connection);
        connect(connection, &ServerConnection::requestReceived, this,
                [this, connection](const RemotingCommand &request) {
                    if (m_handler)
                        m_handler(connection, request);
                });
        connect(connection, &ServerConnection::closed, this, [this, connection] {
            m_connections.removeOne(connection);
            Q_EMIT connectionClosed(connection);
            connection->deleteLater();
        });
    }
}

} // namespace mq::sandbox
