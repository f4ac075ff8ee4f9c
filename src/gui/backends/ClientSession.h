#pragma once

#include "ClientInstance.h"
#include "Producer.h"
#include "Session.h"

#include <QCoro/QCoroTask>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace mq::sandbox {
class Sandbox;
}

namespace mq::gui {

class AdminAdapter;
class ConsumerAdapter;
class ProducerAdapter;
class SecretStore;

// A Session over the client library: starts the embedded sandbox for the Sandbox profile,
// one ClientInstance for the cluster, a producer for the profile's group, the consumer and
// admin adapters; keeps the status bar's account (name servers, brokers, errors) current.
class ClientSession : public Session {
    Q_OBJECT
public:
    ClientSession(ConnectionProfile profile, SecretStore *secrets, QObject *parent = nullptr);
    ~ClientSession() override;

    void start() override;
    ProducerBackend *producer() override;
    ConsumerBackend *consumer() override;
    AdminBackend *admin() override;

    ClientInstance *client() const { return m_client; }
    sandbox::Sandbox *embeddedSandbox() const { return m_sandbox.get(); }

private:
    QCoro::Task<> run();
    QCoro::Task<> refreshBrokers();
    void update(ConnectionState::Phase phase, const QString &error);

    QPointer<SecretStore> m_secrets;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    QPointer<ClientInstance> m_client;
    QPointer<Producer> m_producer;
    std::unique_ptr<ProducerAdapter> m_producerAdapter;
    std::unique_ptr<AdminAdapter> m_adminAdapter;
    ConsumerAdapter *m_consumerAdapter = nullptr;
    QTimer m_refreshTimer;
    QStringList m_brokers;
    QString m_warning; // lasting problems (ACL secret missing, producer refused), shown while connected
    bool m_refreshing = false;
};

} // namespace mq::gui
