#include "ServerConnection.h"

#include <QTcpSocket>
#include <QTimer>

#include <atomic>

namespace mq::sandbox {

int nextServerOpaque()
{
    static std::atomic<int> counter{0};
    return counter.fetch_add(1, std::memory_order_relaxed);
}

RemotingCommand makeResponse(const RemotingCommand &request, int code, std::optional<QString> remark)
{
    RemotingCommand r = RemotingCommand::response(request, code, std::move(remark));
    r.language = LanguageCode::JAVA;
    r.version = RemotingCommand::kDefaultVersion;
    return r;
}

RemotingCommand makeServerRequest(RequestCode code, ExtFields fields, QByteArray body)
{
    RemotingCommand r = RemotingCommand::request(code, std::move(fields), std::move(body));
    r.language = LanguageCode::JAVA;
    r.version = RemotingCommand::kDefaultVersion;
    return r;
}

namespace {
QHostAddress plainAddress(const QHostAddress &a)
{
    bool isV4 = false;
    const quint32 v4 = a.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : a;
}
} // namespace

ServerConnection::ServerConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    socket->setParent(this);
    m_peerAddress = plainAddress(socket->peerAddress());
    m_peerPort = socket->peerPort();
    m_remoteAddress = QStringLiteral("%1:%2").arg(m_peerAddress.toString()).arg(m_peerPort);
    connect(socket, &QTcpSocket::readyRead, this, &ServerConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &ServerConnection::onDisconnected);
    connect(socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket && m_socket->state() != QAbstractSocket::ConnectedState)
            onDisconnected();
    });
}

ServerConnection::~ServerConnection()
{
    failPending();
}

bool ServerConnection::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void ServerConnection::send(const RemotingCommand &cmd)
{
    if (isOpen())
        m_socket->write(frame::encode(cmd));
}

void ServerConnection::invoke(RemotingCommand request, int timeoutMs, ResponseHandler onResponse)
{
    request.opaque = nextServerOpaque();
    request.flag &= ~RemotingCommand::kResponseFlag;
    if (!isOpen()) {
        onResponse(std::nullopt);
        return;
    }
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    const int opaque = request.opaque;
    connect(timer, &QTimer::timeout, this, [this, opaque] {
        auto it = m_pending.find(opaque);
        if (it == m_pending.end())
            return;
        Pending p = std::move(*it);
        m_pending.erase(it);
        p.timer->deleteLater();
        p.handler(std::nullopt);
    });
    m_pending.insert(opaque, Pending{std::move(onResponse), timer});
    timer->start(timeoutMs);
    send(request);
}

void ServerConnection::invokeOneway(RemotingCommand request)
{
    request.opaque = nextServerOpaque();
    request.flag = (request.flag & ~RemotingCommand::kResponseFlag) | RemotingCommand::kOnewayFlag;
    send(request);
}

void ServerConnection::close()
{
    if (m_socket)
        m_socket->abort();
    onDisconnected();
}

void ServerConnection::onReadyRead()
{
    if (!m_socket)
        return;
    if (m_closing || m_decoder.failed()) {
        m_socket->readAll(); // the stream cannot be trusted after a bad frame
        return;
    }
    m_decoder.feed(m_socket->readAll());
    // Bound the work per wake-up so one chatty client cannot starve the others.
    for (int handled = 0; handled < 256; ++handled) {
        auto next = m_decoder.next();
        if (!next) {
            qWarning("sandbox: closing %s: %s", qPrintable(m_remoteAddress), qPrintable(next.error().message));
            // Answers to the frames before the bad one still go out, then the socket closes.
            m_closing = true;
            m_socket->disconnectFromHost();
            return;
        }
        if (!next->has_value())
            return;
        RemotingCommand cmd = std::move(**next);
        if (cmd.isResponse()) {
            auto it = m_pending.find(cmd.opaque);
            if (it != m_pending.end()) {
                Pending p = std::move(*it);
                m_pending.erase(it);
                p.timer->stop();
                p.timer->deleteLater();
                p.handler(std::move(cmd));
            }
        } else {
            Q_EMIT requestReceived(cmd);
        }
        if (!isOpen())
            return;
    }
    QMetaObject::invokeMethod(this, &ServerConnection::onReadyRead, Qt::QueuedConnection);
}

void ServerConnection::onDisconnected()
{
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    failPending();
    Q_EMIT closed();
}

void ServerConnection::failPending()
{
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto &p : pending) {
        if (p.timer)
            p.timer->deleteLater();
        p.handler(std::nullopt);
    }
}

} // namespace mq::sandbox
