#include "MessageQuery.h"

#include "AdminSupport.h"
#include "Headers.h"
#include "MessageCodec.h"

#include <QSet>

#include <algorithm>

namespace mq {

namespace query {

bool keyMatches(const MessageExt &message, const QString &key)
{
    return message.keys().contains(key);
}

bool uniqueKeyMatches(const MessageExt &message, const QString &id)
{
    return message.msgId().compare(id, Qt::CaseInsensitive) == 0;
}

Merged merge(const QList<QList<FoundMessage>> &answers, const std::function<bool(const MessageExt &)> &accept,
             int maxNum)
{
    Merged merged;
    QSet<QString> seen;
    for (const auto &answer : answers) {
        if (maxNum > 0 && answer.size() >= maxNum)
            merged.truncated = true;
        for (const FoundMessage &found : answer) {
            if (accept && !accept(found.message)) {
                ++merged.rejected;
                continue;
            }
            if (seen.contains(found.message.offsetMsgId)) {
                ++merged.duplicates;
                continue;
            }
            seen.insert(found.message.offsetMsgId);
            merged.messages.append(found);
        }
    }
    std::sort(merged.messages.begin(), merged.messages.end(), [](const FoundMessage &a, const FoundMessage &b) {
        if (a.message.storeTimestamp != b.message.storeTimestamp)
            return a.message.storeTimestamp < b.message.storeTimestamp;
        return a.message.offsetMsgId < b.message.offsetMsgId;
    });
    if (maxNum > 0 && merged.messages.size() > maxNum) {
        merged.truncated = true;
        merged.messages = merged.messages.mid(merged.messages.size() - maxNum);
    }
    return merged;
}

} // namespace query

namespace {

QString rangeWords(qint64 begin, qint64 end)
{
    const QString from = begin <= 0 ? QStringLiteral("the beginning") : formatTimestamp(begin);
    const QString to = end == kNoUpperBound ? QStringLiteral("now") : formatTimestamp(end);
    return QStringLiteral("between %1 and %2").arg(from, to);
}

QCoro::Task<Result<QList<FoundMessage>>> queryOneBroker(QPointer<ClientInstance> client, admin::BrokerTarget target,
                                                        QueryMessageRequestHeader header)
{
    // The Java admin gives index queries three times the usual timeout: the broker reads the
    // index files and every hit from the commit log.
    auto response = co_await admin::invokeOn(
        client, target.address, RemotingCommand::request(RequestCode::QueryMessage, header.toExtFields()), 3);
    if (!response)
        co_return admin::withAddress(response.error(), target.address);
    if (response->code == toInt(ResponseCode::QueryNotFound))
        co_return QList<FoundMessage>{};
    if (response->code != toInt(ResponseCode::Success))
        co_return admin::brokerError(*response, QStringLiteral("query by key"), target.address);
    auto decoded = decodeMessages(response->body);
    if (!decoded)
        co_return makeError(decoded.error().code, QStringLiteral("%1 (%2) answered a query with messages that cannot "
                                                                 "be read: %3")
                                                      .arg(target.brokerName, target.address, decoded.error().message));
    QList<FoundMessage> found;
    for (MessageExt &m : *decoded)
        found.append(FoundMessage{std::move(m), target.brokerName, target.address});
    co_return found;
}

QString failureWords(const QList<BrokerFailure> &failures)
{
    QStringList parts;
    for (const auto &f : failures)
        parts << QStringLiteral("%1: %2").arg(f.brokerName, f.error.message);
    return parts.join(QStringLiteral("; "));
}

} // namespace

MessageQuery::MessageQuery(ClientInstance *client)
    : m_client(client)
{}

QCoro::Task<Result<KeyQueryResult>> MessageQuery::byKey(KeyQuery query)
{
    if (query.topic.trimmed().isEmpty())
        co_return makeError(Error::Code::InvalidArgument, QStringLiteral("a query by key needs a topic"));
    if (query.key.isEmpty())
        co_return makeError(Error::Code::InvalidArgument, QStringLiteral("a query by key needs a key"));
    if (query.key.contains(u' '))
        co_return makeError(Error::Code::InvalidArgument,
                            QStringLiteral("key '%1' contains a space: keys are stored space-separated, so no "
                                           "stored key can contain one; query one key at a time")
                                .arg(query.key));
    const qint64 begin = query.begin >= 0 ? query.begin : QDateTime::currentMSecsSinceEpoch() - kDefaultQueryWindowMs;
    const qint64 end = query.end;
    if (end < begin)
        co_return makeError(Error::Code::InvalidArgument,
                            QStringLiteral("the time range ends (%1) before it begins (%2)")
                                .arg(formatTimestamp(end), formatTimestamp(begin)));
    const int maxNum = query.maxNum > 0 ? query.maxNum : kDefaultQueryMaxNum;
    co_return co_await queryIndex(m_client, query.topic.trimmed(), query.key, begin, end, maxNum, false);
}

QCoro::Task<Result<KeyQueryResult>> MessageQuery::queryIndex(QPointer<ClientInstance> client, QString topic,
                                                             QString key, qint64 begin, qint64 end, int maxNum,
                                                             bool uniqueKey)
{
    if (!client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("the client was closed"));
    auto route = co_await client->topicRoute(topic, true);
    if (!route)
        co_return route.error();
    const auto targets = admin::readTargets(*route);
    if (targets.isEmpty())
        co_return makeError(Error::Code::NotFound, QStringLiteral("topic '%1' has no broker in its route").arg(topic));

    QueryMessageRequestHeader header;
    header.topic = topic;
    header.key = key;
    header.maxNum = maxNum;
    header.beginTimestamp = begin;
    header.endTimestamp = end;
    header.uniqueKeyQuery = uniqueKey;
    auto answers = co_await admin::fanOut<Result<QList<FoundMessage>>>(
        targets, [&](const admin::BrokerTarget &t) { return queryOneBroker(client, t, header); });

    KeyQueryResult result;
    result.topic = topic;
    result.key = key;
    result.begin = begin;
    result.end = end;
    QList<QList<FoundMessage>> lists;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        result.brokersAsked << targets[i].brokerName;
        if (answers[i])
            lists.append(*answers[i]);
        else
            result.failures.append(BrokerFailure{targets[i].brokerName, targets[i].address, answers[i].error()});
    }
    if (lists.isEmpty()) {
        Error e = result.failures.first().error;
        e.message = QStringLiteral("no broker of topic '%1' answered: %2").arg(topic, failureWords(result.failures));
        co_return e;
    }
    const auto accept = [&](const MessageExt &m) {
        return m.topic == topic && (uniqueKey ? query::uniqueKeyMatches(m, key) : query::keyMatches(m, key));
    };
    // A unique-key query is capped by the broker's own defaultQueryMaxNum, not ours.
    auto merged = query::merge(lists, accept, uniqueKey ? 0 : maxNum);
    result.messages = std::move(merged.messages);
    result.truncated = merged.truncated;
    QStringList notes;
    if (merged.truncated)
        notes << QStringLiteral("more than %1 messages match key '%2'; showing the newest %1, narrow the time "
                                "range to see the others")
                     .arg(maxNum)
                     .arg(key);
    if (merged.rejected > 0)
        notes << QStringLiteral("%1 index hit(s) had other keys (the index is hash-based) and were left out")
                     .arg(merged.rejected);
    if (!result.failures.isEmpty())
        notes << QStringLiteral("not every broker answered (%1)").arg(failureWords(result.failures));
    result.note = notes.join(QStringLiteral("; "));

    if (result.messages.isEmpty()) {
        QString words =
            uniqueKey
                ? QStringLiteral("no message with client msgId '%1' in topic '%2'").arg(key, topic)
                : QStringLiteral("no message with key '%1' in topic '%2' %3").arg(key, topic, rangeWords(begin, end));
        words += QStringLiteral(" (asked %1)").arg(result.brokersAsked.join(QStringLiteral(", ")));
        if (!result.note.isEmpty())
            words += QStringLiteral("; ") + result.note;
        co_return makeError(Error::Code::NotFound, words);
    }
    co_return result;
}

QCoro::Task<Result<FoundMessage>> MessageQuery::viewByOffset(QPointer<ClientInstance> client, QString id,
                                                             OffsetMsgId decoded, QString topic)
{
    const QString address = decoded.storeHost.toString();
    ViewMessageRequestHeader header;
    header.offset = decoded.commitLogOffset;
    auto response = co_await admin::invokeOn(
        client, address, RemotingCommand::request(RequestCode::ViewMessageById, header.toExtFields()));
    if (!response) {
        Error e = response.error();
        e.message = QStringLiteral("the store host %1 named in offsetMsgId %2 cannot be reached: %3")
                        .arg(address, id, e.message);
        co_return e;
    }
    if (response->code != toInt(ResponseCode::Success)) {
        Error e =
            admin::brokerError(*response, QStringLiteral("view message by offset %1").arg(header.offset), address);
        e.code = Error::Code::NotFound;
        co_return e;
    }
    auto messages = decodeMessages(response->body);
    if (!messages)
        co_return makeError(messages.error().code, QStringLiteral("%1 answered view by id with a message that cannot "
                                                                  "be read: %2")
                                                       .arg(address, messages.error().message));
    if (messages->isEmpty() || messages->first().offsetMsgId.compare(id, Qt::CaseInsensitive) != 0)
        co_return makeError(Error::Code::NotFound,
                            QStringLiteral("%1 holds no message starting at commit-log offset %2")
                                .arg(address)
                                .arg(decoded.commitLogOffset));
    FoundMessage found{messages->first(), {}, address};
    if (!client)
        co_return found;
    const auto known = client->brokerAddresses();
    for (auto it = known.cbegin(); it != known.cend() && found.brokerName.isEmpty(); ++it)
        if (std::find(it->cbegin(), it->cend(), address) != it->cend())
            found.brokerName = it.key();
    if (found.brokerName.isEmpty()) {
        const QString routeTopic = topic.isEmpty() ? found.message.topic : topic;
        auto route = co_await client->topicRoute(routeTopic);
        if (route)
            found.brokerName = admin::brokerNameOf(*route, address);
    }
    co_return found;
}

QCoro::Task<Result<IdQueryResult>> MessageQuery::byId(QString id, QString topic)
{
    return lookUpId(m_client, std::move(id), std::move(topic));
}

QCoro::Task<Result<IdQueryResult>> MessageQuery::lookUpId(QPointer<ClientInstance> client, QString id, QString topic)
{
    id = id.trimmed();
    topic = topic.trimmed();
    QString reason;
    const MessageIdKind kind = classifyMessageId(id, &reason);
    if (kind == MessageIdKind::Invalid)
        co_return makeError(Error::Code::InvalidArgument,
                            QStringLiteral("'%1' is not a message id: %2").arg(id, reason));
    IdQueryResult result;
    result.id = id;
    result.detected = kind;

    if (kind == MessageIdKind::OffsetMsgId) {
        auto decoded = decodeOffsetMsgId(id);
        if (!decoded)
            co_return makeError(Error::Code::InvalidArgument,
                                QStringLiteral("'%1' is not a message id: %2").arg(id, decoded.error().message));
        auto viewed = co_await viewByOffset(client, id, *decoded, topic);
        if (viewed) {
            result.foundBy = MessageIdKind::OffsetMsgId;
            result.messages.append(*viewed);
            co_return result;
        }
        if (topic.isEmpty()) {
            Error e = viewed.error();
            e.message += QStringLiteral(". '%1' reads as an offsetMsgId (store host %2); if it is a client msgId "
                                        "(UNIQ_KEY) instead, give its topic to search for it")
                             .arg(id, decoded->storeHost.toString());
            co_return e;
        }
        result.note = QStringLiteral("viewing '%1' as an offsetMsgId found nothing (%2), so it was looked up as a "
                                     "client msgId (UNIQ_KEY)")
                          .arg(id, viewed.error().message);
    } else if (topic.isEmpty()) {
        co_return makeError(Error::Code::InvalidArgument,
                            QStringLiteral("'%1' is a client msgId (UNIQ_KEY): the brokers index it per topic, so "
                                           "give the topic to look it up")
                                .arg(id));
    }

    auto found = co_await queryIndex(client, topic, id, 0, kNoUpperBound, kDefaultQueryMaxNum, true);
    if (!found) {
        Error e = found.error();
        if (!result.note.isEmpty())
            e.message = result.note + QStringLiteral("; ") + e.message;
        co_return e;
    }
    result.foundBy = MessageIdKind::UniqueKey;
    result.messages = found->messages;
    result.failures = found->failures;
    if (!found->note.isEmpty())
        result.note = result.note.isEmpty() ? found->note : result.note + QStringLiteral("; ") + found->note;
    co_return result;
}

} // namespace mq
