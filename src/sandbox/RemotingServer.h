#pragma once

#include "RemotingCommand.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

#include <functional>

class QTcpServer;

namespace mq::sandbox {

class ServerConnection;

// A listening socket that accepts any number of clients and hands each decoded request to
// `handler`. Connections are owned here and deleted after they close.
class RemotingServer : public QObject {
    Q_OBJECT

public:
    using Handler = std::function<void(ServerConnection *, const RemotingCommand &)>;

    explicit RemotingServer(QObject *parent = nullptr);
    ~RemotingServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Port 0 picks an ephemeral port. On failure `error` says why.
    bool listen(const QHostAddress &address, quint16 port, QString *error = nullptr);
    void close(); // stops listening and drops every client
    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    QList<ServerConnection *> connections() const { return m_connections; }

Q_SIGNALS:
    void connectionClosed(mq::sandbox::ServerConnection *connection);

private:
    void onNewConnection();

    QTcpServer *m_server = nullptr;
    QList<ServerConnection *> m_connections;
    Handler m_handler;
};

// The host clients should dial for a listen address: itself, or for a wildcard (0.0.0.0, ::)
// this machine's address as the Java broker picks brokerIP1 (first public, then private IPv4).
QHostAddress advertisedHost(const QHostAddress &listenAddress);
// "host:port" of advertisedHost, IPv6 in brackets.
QString advertisedAddress(const QHostAddress &address, quint16 port);

} // namespace mq::sandbox
