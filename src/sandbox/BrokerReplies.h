#pragma once

#include "Message.h"
#include "RemotingCommand.h"
#include "Result.h"

#include <QString>

namespace mq::sandbox {

// FAQUrl.suggestTodo(...) as 4.9.8 appends it to remarks.
QString faqSuffix();
// A request whose header cannot be read: the broker answers SYSTEM_ERROR with the
// RemotingCommandException it caught.
RemotingCommand badHeaderResponse(const RemotingCommand &request, const Error &error);
// Properties as the Java broker re-serializes them: in the order a HashMap that once held
// `peakSize` entries iterates.
Properties javaOrdered(const Properties &properties, qsizetype peakSize);
// TopicValidator.validateTopic: empty when valid, else the broker's remark.
QString topicProblem(const QString &topic);
bool isRetryTopic(const QString &topic);
QString retryTopic(const QString &group);
QString dlqTopic(const QString &group);

} // namespace mq::sandbox
