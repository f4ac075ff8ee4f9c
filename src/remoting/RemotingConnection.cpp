#include "RemotingConnection.h"

#include <QElapsedTimer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimerEvent>

namespace mq {

using namespace std::chrono;

Result<PeerAddress> PeerAddress::parse(const QString &address)
{
    const QString trimmed = address.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("address \"%1\" is not host:port").arg(address));
    QString host = trimmed.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = trimmed.mid(colon + 1).toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("address \"%1\" has no valid port (1-65535)").arg(address));
    if (host.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("address \"%1\" has no host").arg(address));
    return PeerAddress{host, quint16(port)};
}

RemotingConnection::RemotingConnection(QString address, ConnectionOptions options, QObject *parent)
    : QObject(parent)
    , m_address(std::move(address))
    , m_options(options)
    , m_decoder(options.maxFrameSize)
{
    if (auto peer = PeerAddress::parse(m_address))
        m_peer = *peer;
    else
        m_lastError = peer.error();
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        teardown(makeError(Error::Code::Timeout, QStringLiteral("connecting to %1 timed out after %2 ms")
                                                     .arg(m_address)
                                                     .arg(m_options.connectTimeout.count())));
    });
}

RemotingConnection::~RemotingConnection()
{
    teardown(makeError(Error::Code::Cancelled, QStringLiteral("connection to %1 was destroyed").arg(m_address)), false);
}

void RemotingConnection::setRequestHandler(int code, RequestHandler handler)
{
    m_handlers.insert(code, std::move(handler));
}

void RemotingConnection::removeRequestHandler(int code)
{
    m_handlers.remove(code);
}

void RemotingConnection::addRpcHook(std::shared_ptr<RpcHook> hook)
{
    if (hook)
        m_hooks.append(std::move(hook));
}

void RemotingConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

Error RemotingConnection::notConnectedError() const
{
    if (!m_lastError.message.isEmpty())
        return m_lastError;
    return makeError(Error::Code::Network, QStringLiteral("not connected to %1").arg(m_address));
}

// ---- connecting -------------------------------------------------------------------------

void RemotingConnection::startConnect()
{
    ++m_generation;
    m_decoder = FrameDecoder(m_options.maxFrameSize);
    m_connecting.emplace();
    setState(State::Connecting);
    if (!m_peer) {
        teardown(m_lastError);
        return;
    }

    QAbstractSocket *socket = nullptr;
    if (m_options.tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setPeerVerifyMode(m_options.tlsVerifyPeer ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
        connect(ssl, &QSslSocket::encrypted, this, &RemotingConnection::onConnected);
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
        connect(socket, &QAbstractSocket::connected, this, &RemotingConnection::onConnected);
    }
    m_socket = socket;
    connect(socket, &QAbstractSocket::errorOccurred, this, &RemotingConnection::onSocketError);
    connect(socket, &QAbstractSocket::disconnected, this, &RemotingConnection::onSocketError);
    connect(socket, &QIODevice::readyRead, this, &RemotingConnection::onReadyRead);

    m_connectTimer.start(m_options.connectTimeout);
    if (m_options.tls)
        static_cast<QSslSocket *>(socket)->connectToHostEncrypted(m_peer->host, m_peer->port);
    else
        socket->connectToHost(m_peer->host, m_peer->port);
}

void RemotingConnection::onConnected()
{
    m_connectTimer.stop();
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    m_lastError = Error{Error::Code::Network, {}};
    setState(State::Connected);
    if (m_connecting) {
        m_connecting->complete(Ok{});
        m_connecting.reset();
    }
    Q_EMIT connected();
}

void RemotingConnection::onSocketError()
{
    if (!m_socket)
        return;
    const bool wasConnecting = m_state == State::Connecting;
    const auto error = m_socket->error();
    QString cause = m_socket->errorString();
    if (error == QAbstractSocket::RemoteHostClosedError || error == QAbstractSocket::UnknownSocketError)
        cause = QStringLiteral("the peer closed the connection");
    teardown(makeError(Error::Code::Network, wasConnecting
                                                 ? QStringLiteral("cannot connect to %1: %2").arg(m_address, cause)
                                                 : QStringLiteral("connection to %1 lost: %2").arg(m_address, cause)));
}

QCoro::Task<Status> RemotingConnection::open()
{
    if (m_state == State::Connected)
        co_return Ok{};
    if (m_state == State::Disconnected)
        startConnect();
    if (!m_connecting) // startConnect failed synchronously (bad address)
        co_return m_state == State::Connected ? Status(Ok{}) : Status(notConnectedError());
    const Completion<Status> connecting = *m_connecting;
    co_return co_await connecting;
}

void RemotingConnection::close()
{
    if (m_state == State::Disconnected)
        return;
    if (m_socket && m_state == State::Connected)
        m_socket->flush(); // hand queued oneway frames to the kernel before the socket goes
    teardown(makeError(Error::Code::Cancelled, QStringLiteral("connection to %1 closed by the client").arg(m_address)));
}

void RemotingConnection::teardown(const Error &error, bool emitSignals)
{
    const State was = m_state;
    if (m_socket) {
        QAbstractSocket *socket = std::exchange(m_socket, nullptr);
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    m_connectTimer.stop();
    m_lastError = error;
    m_state = State::Disconnected;

    if (m_connecting) {
        auto connecting = std::move(*m_connecting);
        m_connecting.reset();
        connecting.complete(error);
    }
    auto pending = std::exchange(m_pending, {});
    m_timerToOpaque.clear();
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        killTimer(it->timerId);
        it->done.complete(makeError(
            error.code,
            QStringLiteral("%1 (%2 was not answered)").arg(error.message, requestCodeName(it->request.code))));
    }
    if (emitSignals && was != State::Disconnected) {
        Q_EMIT stateChanged(State::Disconnected);
        if (was == State::Connected)
            Q_EMIT disconnected(error.message);
    }
}

// ---- sending ----------------------------------------------------------------------------

void RemotingConnection::stamp(RemotingCommand &cmd) const
{
    cmd.language = m_options.language;
    cmd.version = RemotingCommand::kDefaultVersion;
}

void RemotingConnection::write(const RemotingCommand &cmd)
{
    m_socket->write(frame::encode(cmd));
}

QCoro::Task<Status> RemotingConnection::ensureConnected()
{
    if (m_state == State::Connected)
        co_return Ok{};
    QPointer<RemotingConnection> self(this);
    const Status opened = co_await open();
    if (!opened)
        co_return opened.error();
    if (!self)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("connection destroyed while connecting"));
    if (m_state != State::Connected)
        co_return notConnectedError();
    co_return Ok{};
}

int RemotingConnection::nextOpaque()
{
    const int opaque = m_nextOpaque;
    m_nextOpaque = opaque == std::numeric_limits<int>::max() ? 1 : opaque + 1;
    return opaque;
}

QCoro::Task<Result<RemotingCommand>> RemotingConnection::request(RemotingCommand cmd, milliseconds timeout)
{
    QElapsedTimer clock;
    clock.start();
    if (const Status connected = co_await ensureConnected(); !connected)
        co_return connected.error();
    const milliseconds left = timeout - milliseconds(clock.elapsed());
    if (left <= 0ms)
        co_return makeError(Error::Code::Timeout, QStringLiteral("connecting to %1 used up the %2 ms timeout of %3")
                                                      .arg(m_address)
                                                      .arg(timeout.count())
                                                      .arg(requestCodeName(cmd.code)));

    cmd.opaque = nextOpaque();
    cmd.flag &= ~(RemotingCommand::kResponseFlag | RemotingCommand::kOnewayFlag);
    stamp(cmd);
    for (const auto &hook : std::as_const(m_hooks))
        hook->beforeRequest(m_address, cmd);

    Pending pending;
    pending.timerId = startTimer(left, Qt::PreciseTimer);
    pending.timeout = timeout;
    pending.request = cmd;
    pending.request.body.clear();
    const Completion<Result<RemotingCommand>> done = pending.done;
    m_timerToOpaque.insert(pending.timerId, cmd.opaque);
    m_pending.insert(cmd.opaque, std::move(pending));
    write(cmd);
    co_return co_await done;
}

QCoro::Task<Status> RemotingConnection::oneway(RemotingCommand cmd)
{
    if (const Status connected = co_await ensureConnected(); !connected)
        co_return connected.error();
    cmd.opaque = nextOpaque();
    cmd.flag = (cmd.flag & ~RemotingCommand::kResponseFlag) | RemotingCommand::kOnewayFlag;
    stamp(cmd);
    for (const auto &hook : std::as_const(m_hooks))
        hook->beforeRequest(m_address, cmd);
    write(cmd);
    co_return Ok{};
}

void RemotingConnection::timerEvent(QTimerEvent *event)
{
    const auto timer = m_timerToOpaque.find(event->timerId());
    if (timer == m_timerToOpaque.end()) {
        QObject::timerEvent(event);
        return;
    }
    killTimer(event->timerId());
    const int opaque = *timer;
    m_timerToOpaque.erase(timer);
    auto it = m_pending.find(opaque);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(*it);
    m_pending.erase(it);
    pending.done.complete(makeError(Error::Code::Timeout, QStringLiteral("%1 did not answer %2 within %3 ms")
                                                              .arg(m_address, requestCodeName(pending.request.code))
                                                              .arg(pending.timeout.count())));
}

// ---- receiving --------------------------------------------------------------------------

void RemotingConnection::onReadyRead()
{
    if (!m_socket)
        return;
    m_decoder.feed(m_socket->readAll());
    const quint64 generation = m_generation;
    QPointer<RemotingConnection> self(this);
    while (self && m_socket && m_generation == generation) {
        auto next = m_decoder.next();
        if (!next) {
            // Even a bad header inside sound lengths loses its opaque: its caller would wait
            // for nothing, so any undecodable frame ends the connection.
            teardown(makeError(next.error().code, QStringLiteral("%1 sent an unreadable frame, connection closed: %2")
                                                      .arg(m_address, next.error().message)));
            return;
        }
        if (!next->has_value())
            return;
        RemotingCommand cmd = std::move(**next);
        if (cmd.isResponse())
            onResponse(std::move(cmd));
        else
            serveRequest(std::move(cmd));
    }
}

void RemotingConnection::onResponse(RemotingCommand response)
{
    auto it = m_pending.find(response.opaque);
    if (it == m_pending.end())
        return; // answer to a request that already timed out
    Pending pending = std::move(*it);
    m_pending.erase(it);
    killTimer(pending.timerId);
    m_timerToOpaque.remove(pending.timerId);
    for (const auto &hook : std::as_const(m_hooks))
        hook->afterResponse(m_address, pending.request, response);
    pending.done.complete(std::move(response));
}

QCoro::Task<> RemotingConnection::serveRequest(RemotingCommand request)
{
    QPointer<RemotingConnection> self(this);
    const quint64 generation = m_generation;
    const RequestHandler handler = m_handlers.value(request.code);
    RemotingCommand response;
    if (!handler) {
        if (request.isOneway())
            co_return;
        // Same remark as the Java remoting server.
        response = RemotingCommand::response(request, toInt(ResponseCode::RequestCodeNotSupported),
                                             QStringLiteral(" request type %1 not supported").arg(request.code));
    } else {
        response = co_await handler(request);
        if (!self || request.isOneway())
            co_return;
    }
    if (m_state != State::Connected || m_generation != generation)
        co_return; // the socket that asked is gone
    response.opaque = request.opaque;
    response.flag = (response.flag | RemotingCommand::kResponseFlag) & ~RemotingCommand::kOnewayFlag;
    stamp(response);
    write(response);
}

} // namespace mq
