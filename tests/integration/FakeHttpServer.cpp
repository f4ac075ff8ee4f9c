#include "FakeHttpServer.h"

#include <QTcpSocket>

namespace testing {

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
}

QString FakeHttpServer::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            // Serve each complete request head (keep-alive connections send several).
            for (qsizetype end = buffer->indexOf("\r\n\r\n"); end >= 0; end = buffer->indexOf("\r\n\r\n")) {
                const QByteArray head = buffer->left(end);
                buffer->remove(0, end + 4);
                ++m_requests;
                m_lastRequestLine = head.left(head.indexOf("\r\n"));
                if (!m_silent) {
                    QByteArray reply = "HTTP/1.1 " + QByteArray::number(m_status) +
                                       " Status\r\n"
                                       "Content-Type: text/plain\r\n"
                                       "Content-Length: " +
                                       QByteArray::number(m_body.size()) + "\r\n\r\n";
                    socket->write(reply + m_body);
                }
                Q_EMIT requestServed();
            }
        });
    }
}

} // namespace testing
