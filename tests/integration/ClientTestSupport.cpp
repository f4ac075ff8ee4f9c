#include "ClientTestSupport.h"

#include "ClientInstance.h"
#include "Headers.h"
#include "Producer.h"
#include "TestSupport.h"

namespace testing {

mq::ClientConfig configFor(FakeCluster &cluster)
{
    mq::ClientConfig c;
    c.nameServer = cluster.nameServer().address();
    return c;
}

SandboxProducer::SandboxProducer(const mq::sandbox::SandboxOptions &options)
    : m_sandbox(options)
{}

SandboxProducer::~SandboxProducer()
{
    shutdownClients();
}

mq::Status SandboxProducer::start(const QString &group, const QString &instanceName)
{
    if (auto started = m_sandbox.start(); !started)
        return mq::makeError(started.error().code, QStringLiteral("sandbox: ") + started.error().message);
    mq::ClientConfig config;
    config.nameServer = m_sandbox.nameServerAddress();
    if (!instanceName.isEmpty())
        config.instanceName = instanceName;
    m_client = std::make_unique<mq::ClientInstance>(config);
    m_producer = std::make_unique<mq::Producer>(m_client.get(), group);
    auto started = await(m_producer->start());
    if (!started)
        return mq::makeError(mq::Error::Code::Timeout, QStringLiteral("producer: start did not finish"));
    if (!*started)
        return mq::makeError(started->error().code, QStringLiteral("producer: ") + started->error().message);
    return mq::Ok{};
}

mq::Status SandboxProducer::createTopic(const QString &topic, int queues)
{
    for (int i = 0; i < m_sandbox.brokerCount(); ++i) {
        mq::CreateTopicRequestHeader h;
        h.topic = topic;
        h.readQueueNums = queues;
        h.writeQueueNums = queues;
        const QString address = m_sandbox.brokerAddress(i);
        auto r = await(m_client->invoke(
            address, mq::RemotingCommand::request(mq::RequestCode::UpdateAndCreateTopic, h.toExtFields())));
        if (!r || !*r)
            return mq::makeError(mq::Error::Code::Network,
                                 QStringLiteral("create topic %1 on %2: %3").arg(topic, address, QString(why(r))));
        if ((*r)->code != 0)
            return mq::makeError(mq::Error::Code::Broker,
                                 QStringLiteral("create topic %1 on %2: code %3, %4")
                                     .arg(topic, address)
                                     .arg((*r)->code)
                                     .arg((*r)->remark.value_or(QString())),
                                 (*r)->code);
    }
    return mq::Ok{};
}

void SandboxProducer::shutdownClients()
{
    if (m_producer)
        await(m_producer->shutdown());
    if (m_client)
        await(m_client->shutdown());
    m_producer.reset();
    m_client.reset();
}

} // namespace testing
