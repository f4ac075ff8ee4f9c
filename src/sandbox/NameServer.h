#pragma once

#include "RemotingCommand.h"
#include "RouteTable.h"

#include <QHostAddress>
#include <QObject>

namespace mq::sandbox {

class RemotingServer;
class ServerConnection;

// The name server: answers route (105), cluster info (106) and topic list (206) requests
// from the tables brokers register in-process.
class NameServer : public QObject {
    Q_OBJECT

public:
    explicit NameServer(QObject *parent = nullptr);
    ~NameServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0, QString *error = nullptr);
    void close();
    QString address() const; // "127.0.0.1:9876"
    quint16 port() const;

    RouteTable &routes() { return m_routes; }
    const RouteTable &routes() const { return m_routes; }

private:
    void handle(ServerConnection *connection, const RemotingCommand &request);

    RemotingServer *m_server;
    RouteTable m_routes;
};

} // namespace mq::sandbox
