#include "BrokerReplies.h"

#include "JavaHash.h"
#include "ServerConnection.h"
#include "Validators.h"

namespace mq::sandbox {

QString faqSuffix()
{
    return QStringLiteral("\nSee http://rocketmq.apache.org/docs/faq/ for further details.");
}

RemotingCommand badHeaderResponse(const RemotingCommand &request, const Error &error)
{
    return makeResponse(
        request, ResponseCode::SystemError,
        QStringLiteral("org.apache.rocketmq.remoting.exception.RemotingCommandException: %1").arg(error.message));
}

Properties javaOrdered(const Properties &properties, qsizetype peakSize)
{
    const auto entries = java::hashMapOrder(
        properties.entries(), [](const Properties::Entry &e) { return java::stringHash(e.first); },
        java::hashMapCapacity(qMax(peakSize, properties.entries().size())));
    Properties out;
    for (const auto &[k, v] : entries)
        out.insert(k, v);
    return out;
}

QString topicProblem(const QString &topic)
{
    if (topic.trimmed().isEmpty())
        return QStringLiteral("The specified topic is blank.");
    for (const QChar c : topic)
        if (!validate::isValidNameChar(c))
            return QStringLiteral("The specified topic contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$");
    if (topic.size() > validate::kTopicMaxLength)
        return QStringLiteral("The specified topic is longer than topic max length.");
    return {};
}

bool isRetryTopic(const QString &topic)
{
    return topic.startsWith(QStringLiteral("%RETRY%"));
}

QString retryTopic(const QString &group)
{
    return QStringLiteral("%RETRY%") + group;
}

QString dlqTopic(const QString &group)
{
    return QStringLiteral("%DLQ%") + group;
}

} // namespace mq::sandbox
