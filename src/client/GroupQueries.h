#pragma once

// Consumer-group look-ups shared by Admin (connections, progress, reset) and MessageTracker.

#include "AdminData.h"
#include "AdminSupport.h"
#include "AdminTypes.h"
#include "ClientInstance.h"

#include <QCoro/QCoroTask>
#include <QPointer>

namespace mq::admin {

// The masters that hold a group's offsets: those of its retry topic (%RETRY%group, which every
// consumer creates), or every master of the cluster when the retry topic is unknown.
QCoro::Task<Result<QList<BrokerTarget>>> groupTargets(QPointer<ClientInstance> client, QString group);

// GET_CONSUMER_CONNECTION_LIST on every broker of the group, merged. A group nobody runs is
// online == false with no connections, not an error.
QCoro::Task<Result<GroupConnections>> fetchConnections(QPointer<ClientInstance> client, QString group);

// GET_CONSUME_STATS for the group (optionally one topic) on one broker.
QCoro::Task<Result<ConsumeStats>> fetchConsumeStats(QPointer<ClientInstance> client, BrokerTarget target, QString group,
                                                    std::optional<QString> topic);

// QUERY_TOPIC_CONSUME_BY_WHO (300) on each target, merged and sorted. Unsupported when no
// target answers that request.
QCoro::Task<Result<QStringList>> topicConsumers(QPointer<ClientInstance> client, QList<BrokerTarget> targets,
                                                QString topic);

// QUERY_CONSUMER_OFFSET (14): the group's committed offset, -1 when it has none there.
QCoro::Task<Result<qint64>> fetchConsumerOffset(QPointer<ClientInstance> client, QString address, QString group,
                                                MessageQueue queue);

// Reads a GroupList body ({"groupList":[...]}).
Result<QStringList> parseGroupList(const QByteArray &body);

} // namespace mq::admin
