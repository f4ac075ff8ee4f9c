#include "Producer.h"

#include "Compression.h"
#include "Headers.h"
#include "JavaHash.h"
#include "MessageCodec.h"
#include "MessageId.h"
#include "PropertyCodec.h"
#include "Validators.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>

namespace mq {

using namespace std::chrono;

namespace {

const QString kRetryTopicPrefix = QStringLiteral("%RETRY%");
const QString kDefaultProducerGroup = QStringLiteral("DEFAULT_PRODUCER");

UniqueKeyGenerator &uniqueKeys()
{
    static UniqueKeyGenerator generator; // one per process, like MessageClientIDSetter
    return generator;
}

// Java keeps properties in a HashMap and writes them in its iteration order; so do we, so
// the properties string is the one the Java client would send for the same message.
Properties inJavaOrder(const Properties &props)
{
    const auto ordered =
        java::hashMapOrder(props.entries(), [](const Properties::Entry &e) { return java::stringHash(e.first); });
    Properties out;
    for (const auto &[k, v] : ordered)
        out.insert(k, v);
    return out;
}

// Adds what the Java client adds (WAIT=true from the Message constructor, UNIQ_KEY at send)
// and puts properties in the order a Java Message receives them: constructor (TAGS, KEYS,
// WAIT), then the user's, then UNIQ_KEY. Keys sharing a HashMap bucket keep that order.
void addDefaults(Message &m)
{
    Properties ordered;
    for (const QString &first : {prop::Tags, prop::Keys})
        if (m.properties.contains(first))
            ordered.insert(first, m.properties.value(first));
    ordered.insert(prop::WaitStoreMsgOk, m.properties.value(prop::WaitStoreMsgOk, QStringLiteral("true")));
    for (const auto &[k, v] : m.properties.entries())
        if (!ordered.contains(k))
            ordered.insert(k, v);
    if (!ordered.contains(prop::UniqueClientMessageId))
        ordered.insert(prop::UniqueClientMessageId, uniqueKeys().next());
    m.properties = ordered;
}

// Codes after which the Java producer tries the next broker, plus SYSTEM_BUSY: a broker
// shedding load ("[PCBUSY_CLEAN_QUEUE]", "[TIMEOUT_CLEAN_QUEUE]") is exactly when another
// broker should take the message.
bool retryableCode(int code)
{
    switch (ResponseCode(code)) {
    case ResponseCode::TopicNotExist:
    case ResponseCode::ServiceNotAvailable:
    case ResponseCode::SystemError:
    case ResponseCode::SystemBusy:
    case ResponseCode::NoPermission:
    case ResponseCode::NoBuyerId:
    case ResponseCode::NotInCurrentUnit: return true;
    default: return false;
    }
}

// One failed attempt for the final error: "broker-a 127.0.0.1:10911 did not answer ... within
// 3000 ms" when the cause starts with the address, else "broker-b 127.0.0.1:10912: <cause>".
QString attemptFailure(const QString &broker, const QString &address, const QString &cause)
{
    if (cause.startsWith(address))
        return broker + QLatin1Char(' ') + cause;
    return QStringLiteral("%1 %2: %3").arg(broker, address, cause);
}

std::optional<SendStatus> statusOf(int code)
{
    switch (ResponseCode(code)) {
    case ResponseCode::Success: return SendStatus::SendOk;
    case ResponseCode::FlushDiskTimeout: return SendStatus::FlushDiskTimeout;
    case ResponseCode::FlushSlaveTimeout: return SendStatus::FlushSlaveTimeout;
    case ResponseCode::SlaveNotAvailable: return SendStatus::SlaveNotAvailable;
    default: return std::nullopt;
    }
}

} // namespace

Producer::Producer(ClientInstance *client, QString group, ProducerOptions options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_group(std::move(group))
    , m_options(std::move(options))
{}

Producer::~Producer() = default;

Status Producer::checkRunning() const
{
    if (!m_client)
        return makeError(Error::Code::Cancelled, QStringLiteral("producer %1 has no client any more").arg(m_group));
    if (!m_running)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("producer %1 is not started (call start() first)").arg(m_group));
    return Ok{};
}

QCoro::Task<Status> Producer::start()
{
    if (m_running)
        co_return Ok{};
    if (!m_client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("producer %1 has no client").arg(m_group));
    if (auto st = validate::group(m_group); !st)
        co_return st.error();
    if (m_group == kDefaultProducerGroup)
        co_return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("producerGroup can not equal %1, please specify another one.").arg(kDefaultProducerGroup));
    if (m_client->isProducerRegistered(m_group))
        co_return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("The producer group[%1] has been created before, specify another name please.")
                .arg(m_group));
    QPointer<Producer> self(this);
    if (!m_client->isStarted()) {
        const Status started = co_await m_client->start();
        if (!self || !m_client)
            co_return makeError(Error::Code::Cancelled, QStringLiteral("producer destroyed while starting"));
        if (!started)
            co_return started.error();
    }
    m_client->registerProducer(m_group);
    m_running = true;
    co_return Ok{};
}

QCoro::Task<> Producer::shutdown()
{
    if (!m_running || !m_client)
        co_return;
    m_running = false;
    co_await m_client->unregisterProducer(m_group);
}

// ---- routes -----------------------------------------------------------------------------

QCoro::Task<Result<TopicPublishInfo>> Producer::publishInfo(QString topic, bool refresh)
{
    if (!m_client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("producer %1 has no client").arg(m_group));
    QPointer<Producer> self(this);
    QPointer<ClientInstance> client = m_client;
    auto route = co_await client->topicRoute(topic, refresh);
    if (!self || !client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("producer destroyed"));
    TopicPublishInfo info;
    info.topic = topic;
    if (!route && route.error().code == Error::Code::NotFound && !m_options.defaultTopic.isEmpty()) {
        // Like the Java producer: an unknown topic goes to the brokers of the template topic,
        // which create it on the first send if they allow auto-creation.
        auto fallback = co_await client->topicRoute(m_options.defaultTopic, refresh);
        if (!self || !client)
            co_return makeError(Error::Code::Cancelled, QStringLiteral("producer destroyed"));
        if (!fallback)
            co_return makeError(
                Error::Code::NotFound,
                QStringLiteral("No route info of this topic: %1 (%2)").arg(topic, route.error().message));
        TopicRouteData adapted = *fallback;
        for (auto &q : adapted.queueDatas) {
            const int n = std::min(m_options.defaultTopicQueueNums, q.readQueueNums);
            q.readQueueNums = n;
            q.writeQueueNums = n;
        }
        route = adapted;
        info.viaDefaultTopic = true;
    }
    if (!route)
        co_return route.error();
    info.queues = route->writableQueues(topic);
    for (const auto &broker : route->brokerDatas)
        if (auto master = broker.masterAddress())
            info.masterAddresses.insert(broker.brokerName, *master);
    if (info.queues.isEmpty())
        co_return makeError(
            Error::Code::NotFound,
            QStringLiteral("No route info of this topic: %1 (no writable queue on a master broker)").arg(topic));
    co_return info;
}

MessageQueue Producer::selectQueue(const TopicPublishInfo &info, const QSet<QString> &avoid)
{
    auto counter = m_nextQueue.find(info.topic);
    if (counter == m_nextQueue.end())
        counter = m_nextQueue.insert(info.topic, QRandomGenerator::global()->generate());
    const auto n = quint32(info.queues.size());
    for (quint32 i = 0; i < n; ++i) {
        const MessageQueue &q = info.queues[int(++*counter % n)];
        if (!avoid.contains(q.brokerName))
            return q;
    }
    return info.queues[int(++*counter % n)]; // every broker failed once: try again anyway
}

// ---- preparing --------------------------------------------------------------------------

Result<Producer::Outgoing> Producer::prepare(Message message) const
{
    if (auto st = validate::message(message, m_options.maxMessageSize); !st)
        return st.error();
    Outgoing out;
    addDefaults(message);
    if (message.body.size() >= m_options.compressBodyOverBytes) {
        auto compressed = compress(message.body, CompressionType::Zlib, m_options.compressLevel);
        if (compressed) {
            message.body = *compressed;
            out.sysFlag |= sysFlagForCompression(CompressionType::Zlib);
        }
    }
    if (message.properties.value(prop::TransactionPrepared) == u"true")
        out.sysFlag |= sysflag::TransactionPrepared;
    out.uniqueIds = message.uniqueKey();
    message.properties = inJavaOrder(message.properties);
    out.message = std::move(message);
    return out;
}

Result<Producer::Outgoing> Producer::prepareBatch(QList<Message> messages) const
{
    if (messages.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("a batch needs at least one message"));
    const QString topic = messages.first().topic;
    QStringList ids;
    for (Message &m : messages) {
        if (auto st = validate::message(m, m_options.maxMessageSize); !st)
            return st.error();
        if (m.topic != topic)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("The topic of the messages in one batch should be the same"));
        if (m.delayLevel() > 0)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("TimeDelayLevel is not supported for batching"));
        if (topic.startsWith(kRetryTopicPrefix))
            return makeError(Error::Code::InvalidArgument, QStringLiteral("Retry Group is not supported for batching"));
        addDefaults(m);
        m.properties = inJavaOrder(m.properties);
        ids.append(m.uniqueKey());
    }
    Outgoing out;
    out.batch = true;
    out.uniqueIds = ids.join(QLatin1Char(','));
    out.message.topic = topic;
    out.message.properties.insert(prop::WaitStoreMsgOk, messages.first().properties.value(prop::WaitStoreMsgOk));
    out.message.body = encodeBatch(messages);
    if (out.message.body.size() > m_options.maxMessageSize)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the message body size over max value, MAX: %1").arg(m_options.maxMessageSize));
    return out;
}

RemotingCommand Producer::buildRequest(const Outgoing &out, const MessageQueue &queue) const
{
    SendMessageRequestHeader h;
    h.producerGroup = m_group;
    h.topic = out.message.topic;
    h.defaultTopic = m_options.defaultTopic;
    h.defaultTopicQueueNums = m_options.defaultTopicQueueNums;
    h.queueId = queue.queueId;
    h.sysFlag = out.sysFlag;
    h.bornTimestamp = QDateTime::currentMSecsSinceEpoch();
    h.flag = out.message.flag;
    h.reconsumeTimes = 0;
    h.unitMode = false;
    h.batch = out.batch;
    h.brokerName = queue.brokerName;
    Properties props = out.message.properties;
    if (h.topic.startsWith(kRetryTopicPrefix)) {
        // A consumer's send-back: the counters travel in the header, not as properties.
        if (props.contains(prop::ReconsumeTime)) {
            h.reconsumeTimes = props.value(prop::ReconsumeTime).toInt();
            props.remove(prop::ReconsumeTime);
        }
        if (props.contains(prop::MaxReconsumeTimes)) {
            h.maxReconsumeTimes = props.value(prop::MaxReconsumeTimes).toInt();
            props.remove(prop::MaxReconsumeTimes);
        }
    }
    h.properties = encodeProperties(props);
    const auto code = out.batch ? RequestCode::SendBatchMessage : RequestCode::SendMessageV2;
    return RemotingCommand::request(code, SendMessageRequestHeaderV2::fromV1(h).toExtFields(), out.message.body);
}

// ---- sending ----------------------------------------------------------------------------

QCoro::Task<Result<SendResult>> Producer::send(Message message, SendOptions options)
{
    if (auto st = checkRunning(); !st)
        co_return st.error();
    auto out = prepare(std::move(message));
    if (!out)
        co_return out.error();
    co_return co_await deliver(std::move(out).value(), options);
}

QCoro::Task<Result<SendResult>> Producer::sendBatch(QList<Message> messages, SendOptions options)
{
    if (auto st = checkRunning(); !st)
        co_return st.error();
    auto out = prepareBatch(std::move(messages));
    if (!out)
        co_return out.error();
    co_return co_await deliver(std::move(out).value(), options);
}

QCoro::Task<Status> Producer::sendOneway(Message message, SendOptions options)
{
    if (auto st = checkRunning(); !st)
        co_return st.error();
    auto out = prepare(std::move(message));
    if (!out)
        co_return out.error();
    QPointer<Producer> self(this);
    auto info = co_await publishInfo(out->message.topic);
    if (!self)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("producer destroyed"));
    if (!info)
        co_return info.error();
    const MessageQueue queue = options.queue.value_or(selectQueue(*info, {}));
    const QString address = info->masterAddresses.value(queue.brokerName);
    if (address.isEmpty())
        co_return makeError(Error::Code::NotFound, QStringLiteral("The broker[%1] not exist").arg(queue.brokerName));
    if (!m_client)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("producer %1 has no client any more").arg(m_group));
    co_return co_await m_client->invokeOneway(address, buildRequest(*out, queue));
}

QCoro::Task<Result<SendResult>> Producer::deliver(Outgoing out, SendOptions options)
{
    QPointer<Producer> self(this);
    QElapsedTimer clock;
    clock.start();
    const QString topic = out.message.topic;
    auto info = co_await publishInfo(topic);
    if (!self)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("producer destroyed"));
    if (!info)
        co_return info.error();

    const int attempts = options.queue ? 1 : 1 + std::max(0, options.retries);
    QSet<QString> failed;
    QStringList tried;
    QStringList failures; // why each attempt failed, in order
    std::optional<Error> lastError;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        const milliseconds left = options.timeout - milliseconds(clock.elapsed());
        if (left <= 0ms) {
            lastError = makeError(Error::Code::Timeout,
                                  QStringLiteral("send timeout of %1 ms used up").arg(options.timeout.count()));
            failures.append(lastError->message +
                            QStringLiteral(" before attempt %1 of %2").arg(attempt + 1).arg(attempts));
            break;
        }
        const MessageQueue queue = options.queue.value_or(selectQueue(*info, failed));
        tried.append(queue.brokerName);
        QString address = info->masterAddresses.value(queue.brokerName);
        if (address.isEmpty()) {
            auto fresh = co_await publishInfo(topic, true);
            if (!self)
                co_return makeError(Error::Code::Cancelled, QStringLiteral("producer destroyed"));
            if (fresh)
                info = fresh;
            address = info->masterAddresses.value(queue.brokerName);
        }
        if (address.isEmpty()) {
            lastError =
                makeError(Error::Code::NotFound, QStringLiteral("The broker[%1] not exist").arg(queue.brokerName));
            failures.append(lastError->message);
            failed.insert(queue.brokerName);
            continue;
        }

        if (!m_client)
            co_return makeError(Error::Code::Cancelled,
                                QStringLiteral("producer %1 has no client any more").arg(m_group));
        auto response = co_await m_client->invoke(address, buildRequest(out, queue), left);
        if (!self)
            co_return makeError(Error::Code::Cancelled, QStringLiteral("producer destroyed"));
        if (!response) {
            lastError = response.error();
            failures.append(attemptFailure(queue.brokerName, address, lastError->message));
            failed.insert(queue.brokerName);
            continue; // unreachable or silent broker: the next attempt avoids it
        }
        const auto status = statusOf(response->code);
        if (!status) {
            lastError = makeError(Error::Code::Broker,
                                  QStringLiteral("%1 (%2) refused the message: %3%4")
                                      .arg(queue.brokerName, address, responseCodeName(response->code),
                                           response->remark ? QStringLiteral(" ") + *response->remark : QString()),
                                  response->code);
            if (!retryableCode(response->code))
                co_return *lastError;
            failures.append(lastError->message);
            failed.insert(queue.brokerName);
            continue;
        }
        auto header = decodeHeader<SendMessageResponseHeader>(*response);
        if (!header)
            co_return makeError(Error::Code::MalformedHeader,
                                QStringLiteral("%1 answered the send with an unreadable header: %2")
                                    .arg(address, header.error().message));
        SendResult result;
        result.status = *status;
        result.msgId = out.uniqueIds;
        result.offsetMsgId = header->msgId;
        result.messageQueue = MessageQueue{topic, queue.brokerName, header->queueId};
        result.queueOffset = header->queueOffset;
        result.brokerAddress = address;
        result.regionId = header->msgRegion.value_or(QStringLiteral("DefaultRegion"));
        result.traceOn = header->traceOn.value_or(QString()) != u"false";
        result.transactionId = header->transactionId.value_or(QString());
        result.attempts = attempt + 1;
        result.failedBrokers = QStringList(failed.cbegin(), failed.cend());
        result.failedBrokers.sort();
        co_return result;
    }
    // The code is the last failure's (the CLI's exit code); the text names every attempt.
    const Error last = lastError.value_or(makeError(Error::Code::Network, QStringLiteral("no attempt made")));
    if (failures.isEmpty())
        failures.append(last.message);
    co_return makeError(last.code,
                        QStringLiteral("Send [%1] times, still failed, cost [%2]ms, Topic: %3, BrokersSent: [%4]: %5")
                            .arg(tried.size())
                            .arg(clock.elapsed())
                            .arg(topic, tried.join(QStringLiteral(", ")), failures.join(QStringLiteral("; "))),
                        last.brokerCode);
}

} // namespace mq
