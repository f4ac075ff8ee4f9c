#pragma once

#include "RemotingCommand.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QTcpSocket;
class QTimer;

namespace mq::sandbox {

// One accepted client socket: decodes frames incrementally, hands requests to the server,
// writes responses, and lets the server call the client (codes 40, 220, 307) and await its
// answer. A malformed frame or an absurd length prefix closes the connection.
class ServerConnection : public QObject {
    Q_OBJECT

public:
    using ResponseHandler = std::function<void(std::optional<RemotingCommand>)>; // nullopt: timeout/closed

    ServerConnection(QTcpSocket *socket, QObject *parent = nullptr);
    ~ServerConnection() override;

    // "127.0.0.1:52688", as RemotingHelper.parseChannelRemoteAddr prints a peer.
    QString remoteAddress() const { return m_remoteAddress; }
    QHostAddress peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }
    bool isOpen() const;

    void send(const RemotingCommand &cmd);
    // Server-initiated request with a fresh opaque; `onResponse` runs once (nullopt on timeout or close).
    void invoke(RemotingCommand request, int timeoutMs, ResponseHandler onResponse);
    void invokeOneway(RemotingCommand request);
    void close();

Q_SIGNALS:
    void requestReceived(const mq::RemotingCommand &request);
    void closed();

private:
    void onReadyRead();
    void onDisconnected();
    void failPending();

    struct Pending {
        ResponseHandler handler;
        QTimer *timer = nullptr;
    };
    QPointer<QTcpSocket> m_socket;
    FrameDecoder m_decoder;
    QHash<int, Pending> m_pending;
    QString m_remoteAddress;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    bool m_closedEmitted = false;
    bool m_closing = false; // a bad frame was seen: answer what came before it, read nothing more
};

// Requests the server itself issues share one opaque sequence, like RemotingCommand.requestId.
int nextServerOpaque();

// A response as the Java servers write it: language JAVA, version 409 (V4_9_8).
RemotingCommand makeResponse(const RemotingCommand &request, int code, std::optional<QString> remark = {});
inline RemotingCommand makeResponse(const RemotingCommand &request, ResponseCode code,
                                    std::optional<QString> remark = {})
{
    return makeResponse(request, toInt(code), std::move(remark));
}
// A request the server sends to a client (also JAVA / 409).
RemotingCommand makeServerRequest(RequestCode code, ExtFields fields, QByteArray body = {});

} // namespace mq::sandbox
