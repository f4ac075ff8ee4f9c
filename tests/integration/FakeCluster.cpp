#include "FakeCluster.h"

#include "Headers.h"
#include "MessageCodec.h"
#include "MessageId.h"

namespace testing {

using mq::RemotingCommand;

FakeCluster::FakeCluster(const QStringList &brokerNames)
    : m_nameServer(std::make_unique<FakeServer>())
{
    for (const QString &name : brokerNames) {
        Broker b;
        b.name = name;
        b.server = std::make_unique<FakeServer>();
        b.address = b.server->address();
        m_brokers.push_back(std::move(b));
    }
    for (size_t i = 0; i < m_brokers.size(); ++i)
        m_brokers[i].server->setResponder(
            [this, i](const RemotingCommand &request) { return answerBroker(m_brokers[i], request); });
    m_nameServer->setResponder([this](const RemotingCommand &request) -> std::optional<RemotingCommand> {
        if (request.code != toInt(mq::RequestCode::GetRouteInfoByTopic))
            return responseTo(request, toInt(mq::ResponseCode::RequestCodeNotSupported));
        const QString topic = request.field(QStringLiteral("topic"));
        if (!m_routes.contains(topic))
            return responseTo(request, toInt(mq::ResponseCode::TopicNotExist),
                              QStringLiteral("No topic route info in name server for the topic: %1").arg(topic));
        auto response = responseTo(request, 0);
        response.body = m_routes.value(topic).toJson();
        return response;
    });
}

void FakeCluster::setSendCode(int index, int code, const QString &remark)
{
    m_brokers[size_t(index)].sendCode = code;
    m_brokers[size_t(index)].sendRemark = remark;
}

void FakeCluster::addTopic(const QString &topic, int queues, QList<int> brokers)
{
    if (brokers.isEmpty())
        for (int i = 0; i < brokerCount(); ++i)
            brokers.append(i);
    mq::TopicRouteData route;
    for (int i : brokers) {
        mq::QueueData q;
        q.brokerName = m_brokers[size_t(i)].name;
        q.readQueueNums = queues;
        q.writeQueueNums = queues;
        q.perm = 6;
        route.queueDatas.append(q);
        mq::BrokerData b;
        b.cluster = QStringLiteral("DefaultCluster");
        b.brokerName = q.brokerName;
        b.brokerAddrs.insert(0, m_brokers[size_t(i)].address);
        route.brokerDatas.append(b);
    }
    m_routes.insert(topic, route);
}

std::optional<RemotingCommand> FakeCluster::answerBroker(Broker &b, const RemotingCommand &request)
{
    const int code = request.code;
    if (code == toInt(mq::RequestCode::SendMessageV2) || code == toInt(mq::RequestCode::SendBatchMessage)) {
        if (request.isOneway())
            return std::nullopt;
        if (b.sendCode != 0)
            return responseTo(request, b.sendCode, b.sendRemark.isEmpty() ? std::nullopt : std::optional(b.sendRemark));
        auto header = mq::SendMessageRequestHeaderV2::fromExtFields(request.extFields.value_or(mq::ExtFields()));
        mq::SendMessageResponseHeader h;
        int count = 1;
        if (code == toInt(mq::RequestCode::SendBatchMessage))
            if (auto batch = mq::decodeBatch(request.body))
                count = int(batch->size());
        QStringList ids;
        mq::HostAndPort store{QHostAddress(QStringLiteral("127.0.0.1")), b.server->port()};
        for (int i = 0; i < count; ++i)
            ids.append(mq::encodeOffsetMsgId(store, 1000 + b.nextOffset * 100 + i));
        h.msgId = ids.join(QLatin1Char(','));
        h.queueId = header ? header->header.queueId : 0;
        h.queueOffset = b.nextOffset;
        b.nextOffset += count;
        h.msgRegion = QStringLiteral("DefaultRegion");
        h.traceOn = QStringLiteral("true");
        auto response = responseTo(request, 0);
        response.extFields = h.toExtFields();
        return response;
    }
    if (code == toInt(mq::RequestCode::HeartBeat) || code == toInt(mq::RequestCode::UnregisterClient)) {
        auto response = responseTo(request, 0);
        response.extFields = mq::ExtFields();
        return response;
    }
    return responseTo(request, toInt(mq::ResponseCode::RequestCodeNotSupported));
}

QList<RemotingCommand> FakeCluster::brokerRequests(int code) const
{
    QList<RemotingCommand> out;
    for (const auto &b : m_brokers)
        out += b.server->receivedWithCode(code);
    return out;
}

QList<RemotingCommand> FakeCluster::sends(int brokerIndex) const
{
    const auto &server = *m_brokers[size_t(brokerIndex)].server;
    return server.receivedWithCode(toInt(mq::RequestCode::SendMessageV2)) +
           server.receivedWithCode(toInt(mq::RequestCode::SendBatchMessage));
}

} // namespace testing
