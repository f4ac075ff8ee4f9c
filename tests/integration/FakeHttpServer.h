#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>

namespace testing {

// Just enough HTTP/1.1 for a resolver test: every GET gets the configured status and body,
// or no answer at all when `silent` (to provoke client timeouts).
class FakeHttpServer : public QObject {
    Q_OBJECT
public:
    explicit FakeHttpServer(QObject *parent = nullptr);

    QString url(const QString &path = QStringLiteral("/rocketmq/nsaddr-1")) const;
    void respond(int status, QByteArray body)
    {
        m_status = status;
        m_body = std::move(body);
        m_silent = false;
    }
    void setSilent(bool silent) { m_silent = silent; }
    int requestCount() const { return m_requests; }
    const QByteArray &lastRequestLine() const { return m_lastRequestLine; }

Q_SIGNALS:
    void requestServed();

private:
    void onNewConnection();

    QTcpServer m_server;
    int m_status = 200;
    QByteArray m_body;
    bool m_silent = false;
    int m_requests = 0;
    QByteArray m_lastRequestLine;
};

} // namespace testing
