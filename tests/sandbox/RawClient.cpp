#include "RawClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

using namespace mq;

RawClient::RawClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &RawClient::onReadyRead);
}

bool RawClient::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    // Re-check whenever something arrives or the socket changes state.
    const auto check = [&] {
        if (done())
            loop.quit();
    };
    auto c1 = connect(this, &RawClient::activity, &loop, check);
    auto c2 = connect(&m_socket, &QTcpSocket::stateChanged, &loop, check);
    deadline.start(timeoutMs);
    loop.exec();
    disconnect(c1);
    disconnect(c2);
    return done();
}

bool RawClient::connectTo(const QString &hostPort, int timeoutMs)
{
    const int colon = hostPort.lastIndexOf(u':');
    QString host = hostPort.left(colon);
    if (host.startsWith(u'['))
        host = host.mid(1, host.size() - 2);
    m_socket.connectToHost(host, quint16(hostPort.mid(colon + 1).toUInt()));
    return waitUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs);
}

void RawClient::disconnectNow()
{
    m_socket.abort();
}

bool RawClient::waitForDisconnected(int timeoutMs)
{
    return waitUntil([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
}

QString RawClient::localAddress() const
{
    return QStringLiteral("%1:%2").arg(m_socket.localAddress().toString()).arg(m_socket.localPort());
}

int RawClient::send(RemotingCommand request)
{
    request.opaque = m_nextOpaque++;
    request.flag &= ~RemotingCommand::kResponseFlag;
    m_socket.write(frame::encode(request));
    return request.opaque;
}

std::optional<RemotingCommand> RawClient::waitForResponse(int opaque, int timeoutMs)
{
    std::optional<RemotingCommand> found;
    const auto take = [&] {
        for (qsizetype i = 0; i < m_responses.size(); ++i) {
            if (m_responses[i].opaque == opaque) {
                found = m_responses.takeAt(i);
                return true;
            }
        }
        return false;
    };
    waitUntil(take, timeoutMs);
    return found;
}

std::optional<RemotingCommand> RawClient::call(RemotingCommand request, int timeoutMs)
{
    return waitForResponse(send(std::move(request)), timeoutMs);
}

void RawClient::sendOneway(RemotingCommand request)
{
    request.flag |= RemotingCommand::kOnewayFlag;
    send(std::move(request));
}

void RawClient::sendRaw(const QByteArray &bytes)
{
    m_socket.write(bytes);
}

std::optional<RemotingCommand> RawClient::waitForServerRequest(int code, int timeoutMs)
{
    std::optional<RemotingCommand> found;
    const auto take = [&] {
        for (const auto &r : m_serverRequests)
            if (r.code == code) {
                found = r;
                return true;
            }
        return false;
    };
    waitUntil(take, timeoutMs);
    return found;
}

void RawClient::onReadyRead()
{
    m_decoder.feed(m_socket.readAll());
    while (true) {
        auto next = m_decoder.next();
        if (!next || !next->has_value())
            break;
        RemotingCommand cmd = std::move(**next);
        m_received.append(cmd);
        if (cmd.isResponse()) {
            m_responses.append(cmd);
        } else {
            m_serverRequests.append(cmd);
            if (!cmd.isOneway() && m_responder) {
                RemotingCommand answer = m_responder(cmd);
                answer.opaque = cmd.opaque;
                answer.flag = RemotingCommand::kResponseFlag;
                m_socket.write(frame::encode(answer));
            }
        }
    }
    Q_EMIT activity();
}

RemotingCommand request(RequestCode code, std::initializer_list<std::pair<const char *, QString>> fields,
                        QByteArray body)
{
    ExtFields ext;
    for (const auto &[k, v] : fields)
        ext.insert(QString::fromLatin1(k), v);
    RemotingCommand cmd = RemotingCommand::request(code, ext, std::move(body));
    cmd.language = LanguageCode::JAVA;
    cmd.version = RemotingCommand::kDefaultVersion;
    return cmd;
}
