#include "NameServer.h"

#include "RemotingServer.h"
#include "ServerConnection.h"

namespace mq::sandbox {

NameServer::NameServer(QObject *parent)
    : QObject(parent)
    , m_server(new RemotingServer(this))
{
    m_server->setHandler([this](ServerConnection *c, const RemotingCommand &r) { handle(c, r); });
}

NameServer::~NameServer() = default;

bool NameServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    return m_server->listen(address, port, error);
}

void NameServer::close()
{
    m_server->close();
}

QString NameServer::address() const
{
    return advertisedAddress(m_server->serverAddress(), m_server->serverPort());
}

quint16 NameServer::port() const
{
    return m_server->serverPort();
}

void NameServer::handle(ServerConnection *connection, const RemotingCommand &request)
{
    std::optional<RemotingCommand> response;
    switch (static_cast<RequestCode>(request.code)) {
    case RequestCode::GetRouteInfoByTopic: {
        const QString topic = request.field(QStringLiteral("topic"));
        if (!request.extFields || !request.extFields->contains(QStringLiteral("topic"))) {
            response = makeResponse(request, ResponseCode::SystemError,
                                    QStringLiteral("org.apache.rocketmq.remoting.exception.RemotingCommandException: "
                                                   "the custom field <topic> is null"));
            break;
        }
        if (auto route = m_routes.route(topic)) {
            response = makeResponse(request, ResponseCode::Success);
            response->body = route->toJson(routeJsonStyleFor(request));
        } else {
            response = makeResponse(request, ResponseCode::TopicNotExist,
                                    QStringLiteral("No topic route info in name server for the topic: %1\n"
                                                   "See http://rocketmq.apache.org/docs/faq/ for further details.")
                                        .arg(topic));
        }
        break;
    }
    case RequestCode::GetBrokerClusterInfo:
        response = makeResponse(request, ResponseCode::Success);
        response->body = m_routes.clusterInfo().toJson();
        break;
    case RequestCode::GetTopicsByCluster: {
        TopicList list;
        list.topicList = m_routes.topicsOfCluster(request.field(QStringLiteral("cluster")));
        list.sortLikeJava();
        response = makeResponse(request, ResponseCode::Success);
        response->body = list.toJson();
        break;
    }
    case RequestCode::GetAllTopicListFromNameServer:
        response = makeResponse(request, ResponseCode::Success);
        response->body = m_routes.topicList().toJson();
        break;
    default:
        // The Java name server stays silent here and lets the client time out; answering the
        // broker's way is kinder and equally unambiguous.
        response = makeResponse(request, ResponseCode::RequestCodeNotSupported,
                                QStringLiteral(" request type %1 not supported").arg(request.code));
        break;
    }
    if (response && !request.isOneway())
        connection->send(*response);
}

} // namespace mq::sandbox
