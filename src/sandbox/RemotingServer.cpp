#include "RemotingServer.h"

#include "ServerConnection.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace mq::sandbox {

QString advertisedAddress(const QHostAddress &address, quint16 port)
{
    QHostAddress host = address;
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6)
        host = QHostAddress(QHostAddress::LocalHost);
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
