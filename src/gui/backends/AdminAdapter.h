#pragma once

#include "Backends.h"
#include "ClientInstance.h"

#include <QCoreApplication>
#include <QPointer>

#include <memory>

namespace mq {
class Admin;
}

namespace mq::gui {

// AdminBackend over the client library: topics and routes from the name servers, message
// lookups through MessageQuery / TopicBrowser, consumer progress and resets through Admin.
// Operations whose client code is not in this build answer Error::Code::Unsupported in words.
class AdminAdapter : public AdminBackend {
    Q_DECLARE_TR_FUNCTIONS(AdminAdapter)

public:
    explicit AdminAdapter(ClientInstance *client);
    ~AdminAdapter() override;

    QCoro::Task<Result<TopicNames>> topics() override;
    QCoro::Task<Result<TopicRoute>> topicRoute(QString topic) override;
    QCoro::Task<Result<QList<MessageExt>>> queryByKey(QString topic, QString key, QDateTime begin, QDateTime end,
                                                      int maxResults) override;
    QCoro::Task<Result<IdLookup>> queryById(QString topic, QString id) override;
    QCoro::Task<Result<QList<MessageExt>>> queryByTime(QString topic, QDateTime begin, QDateTime end,
                                                       int maxResults) override;
    QCoro::Task<Result<QStringList>> consumerGroups() override;
    QCoro::Task<Result<ConsumerProgress>> consumerProgress(QString group) override;
    QCoro::Task<Result<QList<OffsetMove>>> planReset(QString group, QString topic, QDateTime to) override;
    QCoro::Task<Status> resetOffset(QString group, QString topic, QDateTime to) override;
    QCoro::Task<Result<QList<ConsumedBy>>> consumedBy(MessageExt message) override;

private:
    QPointer<ClientInstance> m_client;
#ifdef MQDESK_HAVE_ADMIN
    std::unique_ptr<Admin> m_admin;
#endif
};

} // namespace mq::gui
