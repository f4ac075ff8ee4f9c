#pragma once

#include "Completion.h"
#include "RemotingCommand.h"
#include "Result.h"
#include "RpcHook.h"

#include <QCoro/QCoroTask>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QAbstractSocket;

namespace mq {

struct ConnectionOptions {
    std::chrono::milliseconds connectTimeout{3000}; // the Java client's connectTimeoutMillis
    bool tls = false;
    // Verified by default. RocketMQ's Java client trusts any certificate unless told otherwise,
    // but a console that silently accepts any certificate hides a man in the middle; clusters
    // with self-signed certificates opt out explicitly (CLI --tls-insecure, profile checkbox).
    bool tlsVerifyPeer = true;
    qint64 maxFrameSize = frame::kDefaultMaxFrameSize;
    // We speak the Java client's dialect (V2 send headers, UNIQ_KEY, fastjson bodies), and the
    // broker keys behaviour on the language: with CPP it answers INVOKE_BROKER_TO_RESET_OFFSET
    // with a C-style body and does not tell the consumers. So our frames say JAVA.
    LanguageCode language = LanguageCode::JAVA;
};

// "host:port", "[v6]:port" or "v6:port" (last colon), as RocketMQ writes addresses.
struct PeerAddress {
    QString host;
    quint16 port = 0;
    static Result<PeerAddress> parse(const QString &address);
};

// One TCP (or TLS) connection to a name server or broker, speaking RocketMQ remoting frames.
// (Not mq::Connection: that name is the connection-list DTO in ConsumerData.h.)
//
// request() pairs responses to requests by opaque, so any number may be in flight and the
// peer may answer in any order. The connection opens on first use and again on the next use
// after it dropped; when it drops, every pending request fails at once with an Error naming
// the address. The peer may also send requests (the broker calls clients with codes 40, 220,
// 221, 307, 309): those go to the handler registered for the code, and other codes are
// answered REQUEST_CODE_NOT_SUPPORTED, except oneway ones, which get no answer.
// Nothing here blocks: all waiting is co_await on the event loop.
class RemotingConnection : public QObject {
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected };
    Q_ENUM(State)

    // Receives the peer's request and returns the response (opaque and flags are filled in).
    using RequestHandler = std::function<QCoro::Task<RemotingCommand>(RemotingCommand)>;

    explicit RemotingConnection(QString address, ConnectionOptions options = {}, QObject *parent = nullptr);
    ~RemotingConnection() override;

    const QString &address() const { return m_address; }
    const ConnectionOptions &options() const { return m_options; }
    State state() const { return m_state; }
    // Why the connection last failed or closed (empty message when it never did).
    const Error &lastError() const { return m_lastError; }
    int pendingCount() const { return int(m_pending.size()); }

    // Opens the connection unless it is open; fails at once on refusal, else after connectTimeout.
    QCoro::Task<Status> open();
    // Sends `cmd` (a request: opaque, flags, language and version are set here) and waits for
    // its response. `timeout` covers connecting too, like the Java client's invokeSync.
    // A response is returned whatever its code; Error only for transport failures.
    QCoro::Task<Result<RemotingCommand>> request(RemotingCommand cmd, std::chrono::milliseconds timeout);
    // Sends `cmd` with the oneway flag; done once it is handed to the socket.
    QCoro::Task<Status> oneway(RemotingCommand cmd);
    // Closes the socket; pending requests fail with Error::Code::Cancelled.
    void close();

    void setRequestHandler(int code, RequestHandler handler);
    void removeRequestHandler(int code);
    void addRpcHook(std::shared_ptr<RpcHook> hook);

Q_SIGNALS:
    void stateChanged(mq::RemotingConnection::State state);
    void connected();
    // The connection was open and is not any more; `reason` names the address and the cause.
    void disconnected(const QString &reason);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Pending {
        Completion<Result<RemotingCommand>> done;
        int timerId = 0;
        std::chrono::milliseconds timeout{0};
        RemotingCommand request; // header only (body dropped) for the hooks and error messages
    };

    void startConnect();
    void onConnected();
    void onSocketError();
    void onReadyRead();
    void teardown(const Error &error, bool emitSignals = true);
    void setState(State state);
    void stamp(RemotingCommand &cmd) const;
    void write(const RemotingCommand &cmd);
    void onResponse(RemotingCommand response);
    QCoro::Task<> serveRequest(RemotingCommand request);
    Error notConnectedError() const;
    QCoro::Task<Status> ensureConnected(); // opens the socket first if needed
    int nextOpaque();                      // 1 .. INT_MAX, then round again

    QString m_address;
    ConnectionOptions m_options;
    std::optional<PeerAddress> m_peer;
    QAbstractSocket *m_socket = nullptr;
    State m_state = State::Disconnected;
    quint64 m_generation = 0; // bumped per socket, so late answers never reach a newer socket
    FrameDecoder m_decoder;
    std::optional<Completion<Status>> m_connecting;
    QTimer m_connectTimer;
    int m_nextOpaque = 1;
    QHash<int, Pending> m_pending;   // by opaque
    QHash<int, int> m_timerToOpaque; // per-request timeout timers
    QHash<int, RequestHandler> m_handlers;
    QList<std::shared_ptr<RpcHook>> m_hooks;
    Error m_lastError{Error::Code::Network, {}};
};

} // namespace mq
