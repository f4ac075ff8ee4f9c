#pragma once

#include "Message.h"
#include "Result.h"

#include <QStringView>

namespace mq::validate {

// Limits of RocketMQ 4.9.8 (client Validators.java, broker TopicValidator).
constexpr qsizetype kTopicMaxLength = 127;
constexpr qsizetype kGroupMaxLength = 255;
constexpr qsizetype kDefaultMaxBodySize = 4 * 1024 * 1024; // DefaultMQProducer.maxMessageSize

// Characters allowed in topic and group names: ^[%|a-zA-Z0-9_-]+$
bool isValidNameChar(QChar c);

// Blank, longer than 127, or a character outside ^[%|a-zA-Z0-9_-]+$ — the messages are the
// Java client's, e.g. "The specified topic[bad topic!] contains illegal characters, allowing
// only ^[%|a-zA-Z0-9_-]+$" (what the recorded producer reported).
Status topic(QStringView name);
// topic() plus the topics no one may send to: TopicValidator.NOT_ALLOWED_SEND_TOPIC_SET
// (SCHEDULE_TOPIC_XXXX, transaction half/op topics, ...) and TBW102, the auto-create template.
Status topicForSend(QStringView name);
bool isSystemTopic(QStringView name); // SYSTEM_TOPIC_SET or the rmq_sys_ prefix
Status group(QStringView name);

// Non-empty and at most maxSize bytes.
Status body(const QByteArray &body, qsizetype maxSize = kDefaultMaxBodySize);

// MessageConst.STRING_HASH_SET of 4.9.8: names only the client/broker may set (TAGS, KEYS,
// UNIQ_KEY, DELAY, ...). Users set tags/keys/delay through their own setters.
bool isReservedProperty(QStringView name);
// A property a user adds by hand: not reserved, name and value not blank, neither containing
// the separators \u0001 / \u0002 (they would corrupt the properties string).
Status userProperty(const QString &name, const QString &value);
// A whole message before sending: topicForSend, body, and every property (system ones included)
// free of separator characters.
Status message(const Message &message, qsizetype maxBodySize = kDefaultMaxBodySize);

} // namespace mq::validate
