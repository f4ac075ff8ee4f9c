#pragma once

#include "Message.h"
#include "Result.h"

#include <QCoro/QCoroTask>
#include <QMap>
#include <QPointer>

#include <memory>
#include <optional>

namespace mq {

class ClientInstance;

// A consumer group's offsets: the next offset to consume per queue, memorised here and
// written to a store (the broker in clustering mode, a local file in broadcasting mode).
class OffsetStore {
public:
    virtual ~OffsetStore() = default;

    // The memorised offset (READ_FROM_MEMORY).
    std::optional<qint64> offset(const MessageQueue &queue) const;
    // increaseOnly: commits may finish out of order; never move an offset backwards by one.
    void update(const MessageQueue &queue, qint64 offset, bool increaseOnly);
    void remove(const MessageQueue &queue);
    // Memorised offsets, of one topic or (empty) all.
    QMap<MessageQueue, qint64> table(const QString &topic = {}) const;

    // The store's offset for the queue (READ_FROM_STORE), memorised; std::nullopt when the
    // store has none (a group that never committed).
    virtual QCoro::Task<Result<std::optional<qint64>>> readFromStore(MessageQueue queue) = 0;
    // Writes the memorised offsets of `queues` to the store.
    virtual QCoro::Task<Status> persist(QList<MessageQueue> queues) = 0;

protected:
    QMap<MessageQueue, qint64> m_offsets;
    // Coroutines hold a weak_ptr to this and check it after every co_await: the consumer
    // owning the store may be deleted while a request is in flight.
    std::shared_ptr<int> m_life = std::make_shared<int>();
};

// Broadcasting: every instance keeps its own offsets in a JSON file, in the Java client's
// format (OffsetSerializeWrapper: {"offsetTable":{{"brokerName":..,"queueId":..,"topic":..}:offset}}),
// replaced atomically on every write so a crash never leaves half a file.
class LocalFileOffsetStore : public OffsetStore {
public:
    explicit LocalFileOffsetStore(QString filePath);
    // <AppDataLocation>/offsets/<group>.json
    static QString defaultPath(const QString &group);
    const QString &path() const { return m_path; }

    // The file's offsets; a missing file is empty. Errors name the file and what is wrong.
    Result<QMap<MessageQueue, qint64>> readFile() const;
    Status writeFile(const QMap<MessageQueue, qint64> &offsets) const;

    QCoro::Task<Result<std::optional<qint64>>> readFromStore(MessageQueue queue) override;
    // Merges the memorised offsets of `queues` into the file (other queues' lines stay).
    QCoro::Task<Status> persist(QList<MessageQueue> queues) override;

    static QByteArray encode(const QMap<MessageQueue, qint64> &offsets);
    static Result<QMap<MessageQueue, qint64>> decode(const QByteArray &json);

private:
    QString m_path;
};

// Clustering: offsets live on each queue's master broker (QUERY_CONSUMER_OFFSET to read,
// UPDATE_CONSUMER_OFFSET oneway to write, like RemoteBrokerOffsetStore).
class RemoteOffsetStore : public OffsetStore {
public:
    RemoteOffsetStore(ClientInstance *client, QString group);

    QCoro::Task<Result<std::optional<qint64>>> readFromStore(MessageQueue queue) override;
    QCoro::Task<Status> persist(QList<MessageQueue> queues) override;

private:
    QCoro::Task<Result<QString>> masterOf(MessageQueue queue);

    QPointer<ClientInstance> m_client;
    QString m_group;
};

} // namespace mq
