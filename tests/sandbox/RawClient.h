#pragma once

#include "RemotingCommand.h"

#include <QList>
#include <QObject>
#include <QTcpSocket>

#include <functional>
#include <optional>

// A bare remoting client for driving the sandbox with hand-made frames: no retries, no
// client library, so a test sees exactly what the server sends. Waits run the event loop
// (bounded by a timer), they never sleep.
class RawClient : public QObject {
    Q_OBJECT

public:
    explicit RawClient(QObject *parent = nullptr);

    bool connectTo(const QString &hostPort, int timeoutMs = 5000);
    void disconnectNow();
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool waitForDisconnected(int timeoutMs = 5000);

    // Sends with a fresh opaque (version 409, JAVA) and waits for the matching response.
    std::optional<mq::RemotingCommand> call(mq::RemotingCommand request, int timeoutMs = 5000);
    // Sends and returns the opaque; fetch the answer later with waitForResponse.
    int send(mq::RemotingCommand request);
    std::optional<mq::RemotingCommand> waitForResponse(int opaque, int timeoutMs = 5000);
    void sendOneway(mq::RemotingCommand request);
    void sendRaw(const QByteArray &bytes);

    // Requests the server sent us (codes 40, 220, 307 ...), in arrival order.
    QList<mq::RemotingCommand> serverRequests() const { return m_serverRequests; }
    std::optional<mq::RemotingCommand> waitForServerRequest(int code, int timeoutMs = 5000);
    // Answers server requests that expect a response (not oneway).
    void setResponder(std::function<mq::RemotingCommand(const mq::RemotingCommand &)> responder)
    {
        m_responder = std::move(responder);
    }
    // Everything received, in order (responses and server requests).
    QList<mq::RemotingCommand> received() const { return m_received; }
    QString localAddress() const;

Q_SIGNALS:
    void activity(); // something arrived or the socket changed state

private:
    void onReadyRead();
    bool waitUntil(const std::function<bool()> &done, int timeoutMs);

    QTcpSocket m_socket;
    mq::FrameDecoder m_decoder;
    QList<mq::RemotingCommand> m_responses;
    QList<mq::RemotingCommand> m_serverRequests;
    QList<mq::RemotingCommand> m_received;
    std::function<mq::RemotingCommand(const mq::RemotingCommand &)> m_responder;
    int m_nextOpaque = 1000;
};

// Builders for the requests the tests send.
mq::RemotingCommand request(mq::RequestCode code, std::initializer_list<std::pair<const char *, QString>> fields,
                            QByteArray body = {});
