#include "ClientSession.h"

#include "AdminAdapter.h"
#include "ClientInstance.h"
#include "Log.h"
#include "Producer.h"
#include "ProducerAdapter.h"
#include "RouteData.h"
#include "Sandbox.h"
#include "SecretStore.h"

#include <QCoro/QCoroTimer>

#ifdef MQDESK_HAVE_CONSUMER
#include "ConsumerAdapter.h"
#endif

namespace mq::gui {

std::unique_ptr<Session> createClientSession(const ConnectionProfile &profile, SecretStore *secrets)
{
    return std::make_unique<ClientSession>(profile, secrets);
}

namespace {
// Unregisters from the brokers after the window has let go; the objects go when that is done
// (or after a few seconds, if a broker does not answer).
QCoro::Task<> shutDownLater(QPointer<ClientInstance> client, ConsumerAdapter *consumers, QPointer<Producer> producer)
{
#ifdef MQDESK_HAVE_CONSUMER
    if (consumers)
        co_await consumers->shutdown();
#else
    Q_UNUSED(consumers);
#endif
    if (producer)
        co_await producer->shutdown();
    if (client)
        co_await client->shutdown();
    if (client)
        client->deleteLater();
}
} // namespace

ClientSession::ClientSession(ConnectionProfile profile, SecretStore *secrets, QObject *parent)
    : Session(std::move(profile), parent)
    , m_secrets(secrets)
{
    m_refreshTimer.setInterval(15000);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { refreshBrokers(); });
}

ClientSession::~ClientSession()
{
    m_refreshTimer.stop();
    if (m_client) {
        m_client->disconnect(this);
        m_client->setParent(nullptr); // outlives the session until it has said goodbye
        QTimer::singleShot(5000, m_client.data(), &QObject::deleteLater);
        shutDownLater(m_client, m_consumerAdapter, m_producer);
    }
}

ProducerBackend *ClientSession::producer()
{
    return m_producerAdapter.get();
}

ConsumerBackend *ClientSession::consumer()
{
#ifdef MQDESK_HAVE_CONSUMER
    return m_consumerAdapter;
#else
    return nullptr;
#endif
}

AdminBackend *ClientSession::admin()
{
    return m_adminAdapter.get();
}

void ClientSession::update(ConnectionState::Phase phase, const QString &error)
{
    ConnectionState s;
    s.phase = phase;
    s.nameServers = m_client ? m_client->nameServers() : QStringList();
    s.brokers = m_brokers;
    QStringList problems;
    if (!error.isEmpty())
        problems << error;
    if (!m_warning.isEmpty() && phase != ConnectionState::Phase::Failed)
        problems << m_warning;
    s.error = problems.join(QLatin1Char(' '));
    setState(s);
}

void ClientSession::start()
{
    run();
}

QCoro::Task<> ClientSession::run()
{
    QPointer<ClientSession> self(this);
    const ConnectionProfile &p = profile();
    update(ConnectionState::Phase::Connecting, {});

    QString nameServer;
    if (p.isSandbox()) {
        m_sandbox = std::make_unique<sandbox::Sandbox>();
        if (const Status started = m_sandbox->start(); !started) {
            update(ConnectionState::Phase::Failed,
                   tr("The embedded sandbox did not start: %1").arg(started.error().message));
            co_return;
        }
        nameServer = m_sandbox->nameServerAddress();
        qCInfo(lcSession) << "sandbox name server at" << nameServer << "broker at" << m_sandbox->brokerAddress();
    } else {
        nameServer = p.effectiveResolverUrl();
        if (nameServer.isEmpty())
            nameServer = p.nameServers.join(QLatin1Char(';'));
    }

    ClientConfig config;
    config.nameServer = nameServer;
    config.tls = p.tls;
    config.tlsVerifyPeer = p.tlsVerify;
    config.requestTimeout = std::chrono::milliseconds(p.requestTimeoutMs);
    config.resolver.refreshInterval = std::chrono::seconds(p.resolverRefreshSeconds);
    if (p.usesAcl()) {
        config.accessKey = p.aclAccessKey;
        if (m_secrets) {
            auto secret = co_await m_secrets->read(SecretStore::keyFor(p.name, QStringLiteral("aclSecretKey")));
            if (!self)
                co_return;
            if (secret)
                config.secretKey = *secret;
        }
        if (config.secretKey.isEmpty())
            m_warning = tr("No ACL secret key is stored for this profile, so requests are not signed; enter it in "
                           "the profile.");
    }

    m_client = new ClientInstance(config, this);
    connect(m_client, &ClientInstance::nameServersChanged, this, [this] { update(state().phase, state().error); });
    connect(m_client, &ClientInstance::warning, this, [this](const QString &message) {
        if (state().phase == ConnectionState::Phase::Connected)
            update(ConnectionState::Phase::Connected, message);
    });
    // Keep trying: the resolver or the name servers may come back.
    for (;;) {
        const Status started = co_await m_client->start();
        if (!self)
            co_return;
        if (started)
            break;
        update(ConnectionState::Phase::Failed, tr("%1 Trying again in 10 seconds.").arg(started.error().message));
        co_await QCoro::sleepFor(std::chrono::seconds(10));
        if (!self)
            co_return;
    }

    m_adminAdapter = std::make_unique<AdminAdapter>(m_client);
    m_producer = new Producer(m_client, p.producerGroup, {}, m_client);
    const Status producerStarted = co_await m_producer->start();
    if (!self)
        co_return;
    if (producerStarted)
        m_producerAdapter =
            std::make_unique<ProducerAdapter>(m_producer, p.sendRetries, std::chrono::milliseconds(p.requestTimeoutMs));
    else
        m_warning = tr("The producer did not start: %1").arg(producerStarted.error().message);
#ifdef MQDESK_HAVE_CONSUMER
    m_consumerAdapter = new ConsumerAdapter(m_client, m_client);
#endif
    co_await refreshBrokers();
    if (self)
        m_refreshTimer.start();
}

QCoro::Task<> ClientSession::refreshBrokers()
{
    if (!m_client || m_refreshing || !m_client->isStarted())
        co_return;
    QPointer<ClientSession> self(this);
    m_refreshing = true;
    auto response = co_await m_client->invokeNameServer(RemotingCommand::request(RequestCode::GetBrokerClusterInfo));
    if (!self)
        co_return;
    m_refreshing = false;
    if (!response) {
        update(ConnectionState::Phase::Failed,
               tr("No name server answers (%1): %2")
                   .arg(m_client->nameServers().join(QStringLiteral(", ")), response.error().message));
        co_return;
    }
    if (response->code != 0) {
        update(ConnectionState::Phase::Connected, tr("The name server refused to describe the cluster (code %1): %2")
                                                      .arg(response->code)
                                                      .arg(response->remark.value_or(QString())));
        co_return;
    }
    auto cluster = ClusterInfo::parse(response->body);
    if (!cluster) {
        update(ConnectionState::Phase::Connected,
               tr("Cannot read the cluster's brokers: %1").arg(cluster.error().message));
        co_return;
    }
    m_brokers.clear();
    for (const auto &[name, broker] : cluster->brokerAddrTable.entries()) {
        QStringList addresses;
        for (const auto &[id, address] : broker.brokerAddrs.entries())
            addresses << (id == kMasterBrokerId ? address : tr("%1 (slave %2)").arg(address).arg(id));
        m_brokers << QStringLiteral("%1 %2").arg(name, addresses.join(QStringLiteral(", ")));
    }
    update(ConnectionState::Phase::Connected,
           m_brokers.isEmpty() ? tr("The name servers know no broker: nothing can be sent or received.") : QString());
}

} // namespace mq::gui
