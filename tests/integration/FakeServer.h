#pragma once

#include "RemotingCommand.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>
#include <memory>
#include <optional>

namespace testing {

// A RocketMQ remoting peer on 127.0.0.1 for tests: records every frame it receives and
// answers through a replaceable responder (std::nullopt = stay silent).
class FakeServer : public QObject {
    Q_OBJECT
public:
    using Responder = std::function<std::optional<mq::RemotingCommand>(const mq::RemotingCommand &request)>;

    explicit FakeServer(QObject *parent = nullptr);
    // A TLS server (QSslServer) presenting `tls`'s certificate.
    explicit FakeServer(const QSslConfiguration &tls, QObject *parent = nullptr);
    ~FakeServer() override;

    quint16 port() const { return m_server->serverPort(); }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(port()); }
    void setResponder(Responder responder) { m_responder = std::move(responder); }
    // Abort the connection instead of answering whenever a request arrives (a dying broker).
    void setCloseOnRequest(bool close) { m_closeOnRequest = close; }

    // Frames received (requests and responses), in arrival order.
    const QList<mq::RemotingCommand> &received() const { return m_received; }
    QList<mq::RemotingCommand> receivedWithCode(int code) const;
    int connectionCount() const { return m_connections; }
    int openClients() const;

    void send(const mq::RemotingCommand &cmd); // to the newest client
    void sendRaw(const QByteArray &bytes);     // to the newest client
    void dropClients();                        // abort every client socket
    void stopListening() { m_server->close(); }

Q_SIGNALS:
    void frameReceived();
    void clientConnected();
    void clientDisconnected();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    void listen();

    std::unique_ptr<QTcpServer> m_server;
    QList<QPointer<QTcpSocket>> m_clients;
    QHash<QTcpSocket *, mq::FrameDecoder> m_decoders;
    QList<mq::RemotingCommand> m_received;
    Responder m_responder;
    int m_connections = 0;
    bool m_closeOnRequest = false;
};

// The response a broker sends for `request`: same opaque, response flag.
mq::RemotingCommand responseTo(const mq::RemotingCommand &request, int code = 0,
                               std::optional<QString> remark = std::nullopt);

// The self-signed certificate and key in tests/integration/data (CN 127.0.0.1).
QSslConfiguration testTlsConfiguration();

} // namespace testing
