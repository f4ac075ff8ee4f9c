#pragma once

// Finding stored messages by key or by id, the way the Java admin does (MQAdminImpl.queryMessage,
// DefaultMQAdminExtImpl.viewMessage), across every broker of a topic.

#include "AdminTypes.h"
#include "ClientInstance.h"

#include <QCoro/QCoroTask>
#include <QPointer>

#include <functional>

namespace mq {

// The pure part: what the client does with the brokers' answers.
namespace query {

// The index is a hash: a broker's hits must be checked against the key on the client.
bool keyMatches(const MessageExt &message, const QString &key);      // one of the space-separated KEYS
bool uniqueKeyMatches(const MessageExt &message, const QString &id); // msgId() (UNIQ_KEY, else offsetMsgId)

struct Merged {
    QList<FoundMessage> messages; // oldest store time first
    bool truncated = false;
    int rejected = 0;   // index hits that failed `accept` (hash collisions)
    int duplicates = 0; // the same stored message from more than one answer
};

// Merges per-broker answers: keeps what `accept` takes, drops repeats of an offsetMsgId,
// sorts by store time (offsetMsgId breaks ties) and keeps the newest `maxNum` (brokers also
// answer with their newest hits). truncated when more than maxNum remain or any broker
// answered with maxNum raw hits, which means it stopped at the limit.
Merged merge(const QList<QList<FoundMessage>> &answers, const std::function<bool(const MessageExt &)> &accept,
             int maxNum);

} // namespace query

class MessageQuery {
public:
    explicit MessageQuery(ClientInstance *client);

    // QUERY_MESSAGE to every broker of the topic at once. No match is Error::Code::NotFound
    // with words naming key, topic and range; InvalidArgument for an empty topic or key.
    QCoro::Task<Result<KeyQueryResult>> byKey(KeyQuery query);

    // An offsetMsgId is viewed on the store host it names (connecting to that address even when
    // no route lists it); a client msgId (UNIQ_KEY) is a unique-key query on every broker of
    // `topic`, which is then required. When viewing by offset finds nothing and a topic is
    // given, the id is tried as a client id, like the Java admin. Malformed ids are
    // InvalidArgument saying why.
    QCoro::Task<Result<IdQueryResult>> byId(QString id, QString topic = {});

private:
    // Static, so nothing touches `this` after the first suspension.
    static QCoro::Task<Result<KeyQueryResult>> queryIndex(QPointer<ClientInstance> client, QString topic, QString key,
                                                          qint64 begin, qint64 end, int maxNum, bool uniqueKey);
    static QCoro::Task<Result<FoundMessage>> viewByOffset(QPointer<ClientInstance> client, QString id,
                                                          OffsetMsgId decoded, QString topic);
    static QCoro::Task<Result<IdQueryResult>> lookUpId(QPointer<ClientInstance> client, QString id, QString topic);

    QPointer<ClientInstance> m_client;
};

} // namespace mq
