#pragma once

// Our client pointed at the test servers: a configuration for a FakeCluster, and a started
// producer on an in-process sandbox.

#include "ClientConfig.h"
#include "FakeCluster.h"
#include "Result.h"
#include "Sandbox.h"

#include <memory>

namespace mq {
class ClientInstance;
class Producer;
} // namespace mq

namespace testing {

// A client configuration that finds `cluster` through its name server.
mq::ClientConfig configFor(FakeCluster &cluster);

// An in-process sandbox with a ClientInstance and a Producer on it: where the tests that
// produce to real (sandbox) brokers start.
//
//     SandboxProducer rig(options);
//     auto started = rig.start(QStringLiteral("my-group"));   // sandbox, client, producer
//     auto created = rig.createTopic(QStringLiteral("orders"), 4);
//     ... rig.producer().send(...) ... rig.sandbox().broker(0) ...
class SandboxProducer {
public:
    explicit SandboxProducer(const mq::sandbox::SandboxOptions &options = {});
    ~SandboxProducer();

    // Starts the sandbox, then a client (`instanceName`, when given) and the producer of
    // `group`. The error says which of them failed.
    mq::Status start(const QString &group, const QString &instanceName = {});
    // Creates `topic` with `queues` read and write queues on every broker.
    mq::Status createTopic(const QString &topic, int queues);
    // Shuts the producer and the client down and destroys them; the sandbox keeps running.
    void shutdownClients();

    mq::sandbox::Sandbox &sandbox() { return m_sandbox; }
    mq::ClientInstance &client() { return *m_client; }
    mq::Producer &producer() { return *m_producer; }

private:
    mq::sandbox::Sandbox m_sandbox;
    std::unique_ptr<mq::ClientInstance> m_client;
    std::unique_ptr<mq::Producer> m_producer;
};

} // namespace testing
