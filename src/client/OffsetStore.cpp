#include "OffsetStore.h"

#include "ClientInstance.h"
#include "FastJson.h"
#include "Headers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace mq {

// ---- memory ------------------------------------------------------------------------------

std::optional<qint64> OffsetStore::offset(const MessageQueue &queue) const
{
    const auto it = m_offsets.constFind(queue);
    if (it == m_offsets.cend())
        return std::nullopt;
    return it.value();
}

void OffsetStore::update(const MessageQueue &queue, qint64 offset, bool increaseOnly)
{
    auto it = m_offsets.find(queue);
    if (it == m_offsets.end())
        m_offsets.insert(queue, offset);
    else if (!increaseOnly || offset > it.value())
        it.value() = offset;
}

void OffsetStore::remove(const MessageQueue &queue)
{
    m_offsets.remove(queue);
}

QMap<MessageQueue, qint64> OffsetStore::table(const QString &topic) const
{
    if (topic.isEmpty())
        return m_offsets;
    QMap<MessageQueue, qint64> out;
    for (auto it = m_offsets.cbegin(); it != m_offsets.cend(); ++it)
        if (it.key().topic == topic)
            out.insert(it.key(), it.value());
    return out;
}

// ---- local file --------------------------------------------------------------------------

LocalFileOffsetStore::LocalFileOffsetStore(QString filePath)
    : m_path(std::move(filePath))
{}

QString LocalFileOffsetStore::defaultPath(const QString &group)
{
    QString safe = group;
    for (QChar &c : safe)
        if (!(c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'%' || c == u'.'))
            c = u'_';
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/offsets/") + safe +
           QStringLiteral(".json");
}

QByteArray LocalFileOffsetStore::encode(const QMap<MessageQueue, qint64> &offsets)
{
    QList<json::Value::Member> table;
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it) {
        // fastjson writes bean fields in name order.
        json::Value key = json::Value::object({
            {json::Value::string(QStringLiteral("brokerName")), json::Value::string(it.key().brokerName)},
            {json::Value::string(QStringLiteral("queueId")), json::Value::number(qint64(it.key().queueId))},
            {json::Value::string(QStringLiteral("topic")), json::Value::string(it.key().topic)},
        });
        table.append({key, json::Value::number(it.value())});
    }
    return json::write(
        json::Value::object({{json::Value::string(QStringLiteral("offsetTable")), json::Value::object(table)}}));
}

Result<QMap<MessageQueue, qint64>> LocalFileOffsetStore::decode(const QByteArray &text)
{
    auto root = json::parse(text);
    if (!root)
        return root.error();
    if (!root->isObject())
        return makeError(Error::Code::MalformedBody, QStringLiteral("the top level is not an object"));
    const json::Value &table = (*root)["offsetTable"];
    if (table.isNull())
        return QMap<MessageQueue, qint64>();
    if (!table.isObject())
        return makeError(Error::Code::MalformedBody, QStringLiteral("offsetTable is not an object"));
    QMap<MessageQueue, qint64> out;
    int index = 0;
    for (const auto &[key, value] : table.members()) {
        const QString where = QStringLiteral("offsetTable entry %1").arg(index++);
        if (!key.isObject() || !key["topic"].isString() || !key["brokerName"].isString() || !key["queueId"].isNumber())
            return makeError(Error::Code::MalformedBody,
                             where + QStringLiteral(": the key is not a queue {brokerName, queueId, topic}"));
        if (!value.isNumber())
            return makeError(Error::Code::MalformedBody, where + QStringLiteral(": the offset is not a number"));
        const qint64 offset = value.toInt(-1);
        if (offset < 0)
            return makeError(Error::Code::MalformedBody,
                             where + QStringLiteral(": offset %1 is negative").arg(value.toString()));
        out.insert(MessageQueue{key["topic"].toString(), key["brokerName"].toString(), int(key["queueId"].toInt())},
                   offset);
    }
    return out;
}

Result<QMap<MessageQueue, qint64>> LocalFileOffsetStore::readFile() const
{
    QFile file(m_path);
    if (!file.exists())
        return QMap<MessageQueue, qint64>();
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound,
                         QStringLiteral("Cannot read the offsets file %1: %2").arg(m_path, file.errorString()));
    auto offsets = decode(file.readAll());
    if (!offsets)
        return makeError(offsets.error().code,
                         QStringLiteral("The offsets file %1 is damaged: %2").arg(m_path, offsets.error().message));
    return offsets;
}

Status LocalFileOffsetStore::writeFile(const QMap<MessageQueue, qint64> &offsets) const
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("Cannot create the folder %1 for the offsets file").arg(info.absolutePath()));
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("Cannot write the offsets file %1: %2").arg(m_path, file.errorString()));
    file.write(encode(offsets));
    if (!file.commit())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("Cannot write the offsets file %1: %2").arg(m_path, file.errorString()));
    return Ok{};
}

QCoro::Task<Result<std::optional<qint64>>> LocalFileOffsetStore::readFromStore(MessageQueue queue)
{
    auto offsets = readFile();
    if (!offsets)
        co_return offsets.error();
    const auto it = offsets->constFind(queue);
    if (it == offsets->cend())
        co_return std::optional<qint64>();
    update(queue, it.value(), false);
    co_return std::optional<qint64>(it.value());
}

QCoro::Task<Status> LocalFileOffsetStore::persist(QList<MessageQueue> queues)
{
    auto existing = readFile();
    QMap<MessageQueue, qint64> merged = existing ? *existing : QMap<MessageQueue, qint64>(); // damaged: start over
    bool changed = !existing;
    for (const MessageQueue &q : queues) {
        const auto mine = offset(q);
        if (mine && merged.value(q, -1) != *mine) {
            merged.insert(q, *mine);
            changed = true;
        }
    }
    if (!changed && QFile::exists(m_path))
        co_return Ok{};
    co_return writeFile(merged);
}

// ---- broker ------------------------------------------------------------------------------

RemoteOffsetStore::RemoteOffsetStore(ClientInstance *client, QString group)
    : m_client(client)
    , m_group(std::move(group))
{}

QCoro::Task<Result<QString>> RemoteOffsetStore::masterOf(MessageQueue queue)
{
    QPointer<ClientInstance> client = m_client;
    if (!client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("The client is gone"));
    QString address = client->masterAddress(queue.brokerName);
    if (address.isEmpty()) {
        auto route = co_await client->topicRoute(queue.topic, true);
        if (!client)
            co_return makeError(Error::Code::Cancelled, QStringLiteral("The client is gone"));
        if (!route)
            co_return route.error();
        address = client->masterAddress(queue.brokerName);
    }
    if (address.isEmpty())
        co_return makeError(
            Error::Code::NotFound,
            QStringLiteral("Broker %1 has no master in the route of %2").arg(queue.brokerName, queue.topic));
    co_return address;
}

QCoro::Task<Result<std::optional<qint64>>> RemoteOffsetStore::readFromStore(MessageQueue queue)
{
    std::weak_ptr<int> alive = m_life;
    QPointer<ClientInstance> client = m_client;
    const QString group = m_group;
    auto address = co_await masterOf(queue);
    if (!address)
        co_return address.error();
    QueryConsumerOffsetRequestHeader header;
    header.consumerGroup = group;
    header.topic = queue.topic;
    header.queueId = queue.queueId;
    header.brokerName = queue.brokerName;
    if (!client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("The client is gone"));
    auto response = co_await client->invoke(
        *address, RemotingCommand::request(RequestCode::QueryConsumerOffset, header.toExtFields()));
    if (!response)
        co_return response.error();
    if (response->code == toInt(ResponseCode::QueryNotFound))
        co_return std::optional<qint64>();
    if (response->code != toInt(ResponseCode::Success))
        co_return makeError(Error::Code::Broker,
                            QStringLiteral("%1 refused to tell the offset of %2 for %3: %4 %5")
                                .arg(*address, queue.toString(), group, responseCodeName(response->code),
                                     response->remark.value_or(QString())),
                            response->code);
    auto parsed = decodeHeader<OffsetResponseHeader>(*response);
    if (!parsed)
        co_return parsed.error();
    if (alive.lock())
        update(queue, parsed->offset, false);
    co_return std::optional<qint64>(parsed->offset);
}

QCoro::Task<Status> RemoteOffsetStore::persist(QList<MessageQueue> queues)
{
    // Offsets are taken now: the caller may forget a queue right after asking to persist it.
    QList<QPair<MessageQueue, qint64>> commits;
    for (const MessageQueue &q : queues)
        if (const auto value = offset(q))
            commits.append({q, *value});
    const QString group = m_group;
    QPointer<ClientInstance> client = m_client;
    std::optional<Error> firstError;
    for (const auto &[q, value] : commits) {
        UpdateConsumerOffsetRequestHeader header;
        header.consumerGroup = group;
        header.topic = q.topic;
        header.queueId = q.queueId;
        header.commitOffset = value;
        header.brokerName = q.brokerName;
        auto address = client ? QString(client->masterAddress(q.brokerName)) : QString();
        Status sent = Ok{};
        if (!client)
            sent = makeError(Error::Code::Cancelled, QStringLiteral("The client is gone"));
        else if (address.isEmpty())
            sent = makeError(Error::Code::NotFound,
                             QStringLiteral("Broker %1 has no known master: offset %2 of %3 not committed")
                                 .arg(q.brokerName)
                                 .arg(value)
                                 .arg(q.toString()));
        else
            sent = co_await client->invokeOneway(
                address, RemotingCommand::request(RequestCode::UpdateConsumerOffset, header.toExtFields()));
        if (!sent && !firstError)
            firstError = sent.error();
    }
    if (firstError)
        co_return *firstError;
    co_return Ok{};
}

} // namespace mq
