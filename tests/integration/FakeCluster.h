#pragma once

#include "FakeServer.h"
#include "RouteData.h"

#include <QHash>
#include <memory>
#include <vector>

namespace testing {

// A name server and brokers made of FakeServers: the name server answers routes for the
// topics added here (TOPIC_NOT_EXIST otherwise); brokers store nothing but answer sends
// (code per broker, SUCCESS by default), heartbeats and unregistrations like a 4.9.8 broker.
class FakeCluster {
public:
    explicit FakeCluster(const QStringList &brokerNames = {QStringLiteral("broker-a")});

    FakeServer &nameServer() { return *m_nameServer; }
    FakeServer &broker(int index) { return *m_brokers[size_t(index)].server; }
    QString brokerName(int index) const { return m_brokers[size_t(index)].name; }
    int brokerCount() const { return int(m_brokers.size()); }

    // Routes name this address for the broker instead of its server (e.g. a closed port).
    void setBrokerAddress(int index, const QString &address) { m_brokers[size_t(index)].address = address; }
    QString brokerAddress(int index) const { return m_brokers[size_t(index)].address; }
    // The response code a broker gives to sends (SEND_MESSAGE_V2 / SEND_BATCH_MESSAGE).
    void setSendCode(int index, int code, const QString &remark = {});
    // `queues` write/read queues on each listed broker (all when empty).
    void addTopic(const QString &topic, int queues = 4, QList<int> brokers = {});
    mq::TopicRouteData route(const QString &topic) const { return m_routes.value(topic); }

    // Requests with this code every broker received.
    QList<mq::RemotingCommand> brokerRequests(int code) const;
    QList<mq::RemotingCommand> sends(int brokerIndex) const; // 310 and 320

private:
    struct Broker {
        QString name;
        std::unique_ptr<FakeServer> server;
        QString address;
        int sendCode = 0;
        QString sendRemark;
        qint64 nextOffset = 0;
    };
    std::optional<mq::RemotingCommand> answerBroker(Broker &b, const mq::RemotingCommand &request);

    std::unique_ptr<FakeServer> m_nameServer;
    std::vector<Broker> m_brokers;
    QHash<QString, mq::TopicRouteData> m_routes;
};

} // namespace testing
