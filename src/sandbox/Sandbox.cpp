#include "Sandbox.h"

#include "Broker.h"
#include "NameServer.h"

#include <QDir>

namespace mq::sandbox {

namespace {
QString brokerNameFor(const QString &base, int index)
{
    if (index == 0)
        return base;
    if (base == u"broker-a")
        return QStringLiteral("broker-") + QChar(u'a' + index % 26) +
               (index >= 26 ? QString::number(index / 26) : QString());
    return QStringLiteral("%1-%2").arg(base).arg(index);
}
} // namespace

Sandbox::Sandbox(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

Sandbox::~Sandbox()
{
    stop();
}

Status Sandbox::start()
{
    if (m_running)
        return Ok{};
    m_nameServer = new NameServer(this);
    QString error;
    if (!m_nameServer->listen(m_options.listenAddress, m_options.nameServerPort, &error)) {
        stop();
        return makeError(Error::Code::Network, QStringLiteral("name server: %1").arg(error));
    }
    const int count = qMax(1, m_options.brokerCount);
    for (int i = 0; i < count; ++i) {
        BrokerOptions o = m_options.broker;
        o.listenAddress = m_options.listenAddress;
        o.brokerName = brokerNameFor(m_options.broker.brokerName, i);
        if (o.port != 0)
            o.port = quint16(o.port + i);
        if (!o.dataDir.isEmpty() && count > 1)
            o.dataDir = QDir(o.dataDir).filePath(o.brokerName);
        auto *broker = new Broker(o, this);
        broker->attachNameServer(m_nameServer);
        m_brokers.append(broker);
        if (auto started = broker->start(); !started) {
            stop();
            return makeError(started.error().code, QStringLiteral("%1: %2").arg(o.brokerName, started.error().message));
        }
    }
    m_running = true;
    return Ok{};
}

void Sandbox::stop()
{
    for (auto *b : m_brokers) {
        b->stop();
        delete b;
    }
    m_brokers.clear();
    if (m_nameServer) {
        m_nameServer->close();
        delete m_nameServer;
        m_nameServer = nullptr;
    }
    m_running = false;
}

QString Sandbox::nameServerAddress() const
{
    return m_nameServer ? m_nameServer->address() : QString();
}

QString Sandbox::brokerAddress(int index) const
{
    const Broker *b = broker(index);
    return b ? b->address() : QString();
}

Broker *Sandbox::broker(int index) const
{
    return index >= 0 && index < m_brokers.size() ? m_brokers[index] : nullptr;
}

} // namespace mq::sandbox
