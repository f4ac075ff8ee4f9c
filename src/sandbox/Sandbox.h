#pragma once

#include "BrokerOptions.h"
#include "Result.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

namespace mq::sandbox {

class Broker;
class NameServer;

struct SandboxOptions {
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 nameServerPort = 0; // 0: ephemeral
    // Template for every broker. Broker i is named broker-a, broker-b, ... unless brokerName is
    // changed (then that name plus "-1", "-2", ... for the extra ones); port 0 stays ephemeral,
    // a fixed port p gives broker i the port p + i. With a dataDir, one broker stores in it
    // directly; several store in dataDir/<brokerName>.
    BrokerOptions broker;
    int brokerCount = 1;
};

// A whole cluster in-process: one name server and `brokerCount` brokers registered in it.
//
//     mq::sandbox::Sandbox sandbox;            // or Sandbox(options)
//     if (auto started = sandbox.start(); !started) { ... started.error().message ... }
//     client.setNameServer(sandbox.nameServerAddress());   // "127.0.0.1:40123"
//     ... sandbox.brokerAddress(0) ...
//     sandbox.stop();                           // flushes storage; also done by the destructor
class Sandbox : public QObject {
    Q_OBJECT

public:
    explicit Sandbox(SandboxOptions options = {}, QObject *parent = nullptr);
    ~Sandbox() override;

    Status start();
    void stop();
    bool isRunning() const { return m_running; }

    QString nameServerAddress() const;
    QString brokerAddress(int index = 0) const;
    NameServer *nameServer() const { return m_nameServer; }
    Broker *broker(int index = 0) const;
    int brokerCount() const { return int(m_brokers.size()); }
    const SandboxOptions &options() const { return m_options; }

private:
    SandboxOptions m_options;
    NameServer *m_nameServer = nullptr;
    QList<Broker *> m_brokers;
    bool m_running = false;
};

} // namespace mq::sandbox
