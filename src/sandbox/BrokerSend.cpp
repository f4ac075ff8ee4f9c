// SEND_MESSAGE / SEND_MESSAGE_V2 / SEND_BATCH_MESSAGE / CONSUMER_SEND_MSG_BACK, after
// 4.9.8's SendMessageProcessor and CommitLog.putMessage.
#include "Broker.h"
#include "BrokerReplies.h"
#include "DelayService.h"
#include "Headers.h"
#include "JavaHash.h"
#include "MessageCodec.h"
#include "PropertyCodec.h"
#include "ServerConnection.h"

#include <QDateTime>

namespace mq::sandbox {

namespace {

const QStringList &notAllowedSendTopics()
{
    static const QStringList topics{QStringLiteral("SCHEDULE_TOPIC_XXXX"),
                                    QStringLiteral("RMQ_SYS_TRANS_HALF_TOPIC"),
                                    QStringLiteral("RMQ_SYS_TRANS_OP_HALF_TOPIC"),
                                    QStringLiteral("TRANS_CHECK_MAX_TIME_TOPIC"),
                                    QStringLiteral("SELF_TEST_TOPIC"),
                                    QStringLiteral("OFFSET_MOVED_EVENT"),
                                    QStringLiteral("SCHEDULE_TOPIC_XXXX_V2")};
    return topics;
}

QString topicConfigString(const TopicConfig &c)
{
    return QStringLiteral("TopicConfig [topicName=%1, readQueueNums=%2, writeQueueNums=%3, perm=%4, "
                          "topicFilterType=%5, topicSysFlag=%6, order=%7]")
        .arg(c.topicName)
        .arg(c.readQueueNums)
        .arg(c.writeQueueNums)
        .arg(PermName::toString(c.perm), c.topicFilterType)
        .arg(c.topicSysFlag)
        .arg(c.order ? QStringLiteral("true") : QStringLiteral("false"));
}

const QString kIllegalMessage = QStringLiteral("the message is illegal, maybe msg body or properties length not "
                                               "matched. msg body length limit 128k, msg properties length limit 32k.");

// Rough stored size, to refuse what the commit log would refuse before encoding it.
qint64 storedSizeEstimate(const MessageExt &msg)
{
    return 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + 20 + 8 + 20 + 4 + 8 + 4 + msg.body.size() + 2 +
           msg.topic.toUtf8().size() + 2 + msg.rawProperties.toUtf8().size();
}

// The message as the broker stamps it from the send header: where it goes, its flags, and
// who sent it when. Body, flag and properties are the caller's (per message in a batch).
MessageExt receivedMessage(const SendMessageRequestHeader &header, int queueId, const ServerConnection *connection)
{
    MessageExt msg;
    msg.topic = header.topic;
    msg.queueId = queueId;
    msg.sysFlag = header.sysFlag;
    msg.bornTimestamp = header.bornTimestamp;
    msg.bornHost = HostAndPort{connection->peerAddress(), connection->peerPort()};
    return msg;
}

// The answers to one send request. Every one carries MSG_REGION and TRACE_ON, refusals too:
// SendMessageProcessor puts them in the response header before any check.
class SendReply {
public:
    SendReply(const RemotingCommand &request, const BrokerOptions &options)
        : m_request(request)
    {
        m_header.msgRegion = options.regionId;
        m_header.traceOn = options.traceOn ? QStringLiteral("true") : QStringLiteral("false");
    }

    RemotingCommand refused(RemotingCommand response) const
    {
        ExtFields fields;
        fields.insert(QStringLiteral("MSG_REGION"), *m_header.msgRegion);
        fields.insert(QStringLiteral("TRACE_ON"), *m_header.traceOn);
        response.extFields = java::hashMapOrder(fields);
        return response;
    }
    RemotingCommand refused(ResponseCode code, const QString &remark) const
    {
        return refused(makeResponse(m_request, code, remark));
    }
    // `msgId`: the stored offsetMsgId(s), comma-joined for a batch; `queueOffset`: the first's.
    RemotingCommand stored(const QString &msgId, int queueId, qint64 queueOffset) const
    {
        SendMessageResponseHeader header = m_header;
        header.msgId = msgId;
        header.queueId = queueId;
        header.queueOffset = queueOffset;
        RemotingCommand response = makeResponse(m_request, ResponseCode::Success);
        response.extFields = header.toExtFields();
        return response;
    }

private:
    const RemotingCommand &m_request;
    SendMessageResponseHeader m_header;
};

} // namespace

Result<AppendResult> Broker::putMessage(MessageExt msg, int delayLevel, qint64 storeTimestamp)
{
    if (msg.rawProperties.isEmpty())
        msg.rawProperties = encodeProperties(msg.properties);
    if (msg.body.size() > m_options.maxMessageSize || storedSizeEstimate(msg) > m_options.maxMessageSize ||
        msg.rawProperties.toUtf8().size() > 32767)
        return makeError(Error::Code::InvalidArgument, kIllegalMessage);

    qint64 tagsCode = tagsCodeOf(msg.properties);
    int level = 0;
    const int tranType =
        msg.sysFlag & (sysflag::TransactionPrepared | sysflag::TransactionCommit | sysflag::TransactionRollback);
    if (delayLevel > 0 && (tranType == 0 || tranType == sysflag::TransactionCommit)) {
        level = qMin(delayLevel, m_delay->levelCount());
        Properties props = msg.properties;
        if (level != delayLevel)
            props.insert(prop::DelayTimeLevel, QString::number(level));
        props.insert(prop::RealTopic, msg.topic);
        props.insert(prop::RealQueueId, QString::number(msg.queueId));
        msg.properties = javaOrdered(props, props.entries().size());
        msg.rawProperties = encodeProperties(msg.properties);
        msg.topic = QString::fromLatin1(TopicConfigs::ScheduleTopic);
        msg.queueId = level - 1;
        tagsCode = m_delay->deliverTimestamp(level, QDateTime::currentMSecsSinceEpoch());
    }
    auto result = m_store->append(msg, tagsCode, storeTimestamp);
    if (result) {
        ++m_putCount;
        if (level > 0)
            m_delay->scheduled(level);
        Q_EMIT messageStored(msg.topic, msg.queueId, result->queueOffset);
    }
    return result;
}

std::optional<RemotingCommand> Broker::checkSendTopic(ServerConnection *connection, const RemotingCommand &request,
                                                      const SendMessageRequestHeader &header, TopicConfig &config,
                                                      int &queueId)
{
    const QString &topic = header.topic;
    if (const QString problem = topicProblem(topic); !problem.isEmpty())
        return makeResponse(request, ResponseCode::SystemError, problem);
    if (notAllowedSendTopics().contains(topic))
        return makeResponse(request, ResponseCode::NoPermission,
                            QStringLiteral("Sending message to topic[%1] is forbidden.").arg(topic));
    const TopicConfig *existing = m_topics.find(topic);
    if (existing) {
        config = *existing;
    } else {
        std::optional<TopicConfig> created;
        if (m_options.autoCreateTopicEnable)
            created = m_topics.createFromDefault(topic, header.defaultTopic, header.defaultTopicQueueNums, 0);
        if (!created && isRetryTopic(topic))
            created = m_topics.createForSendBack(topic, 1, PermName::Read | PermName::Write, 0);
        if (!created)
            return makeResponse(request, ResponseCode::TopicNotExist,
                                QStringLiteral("topic[%1] not exist, apply first please!").arg(topic) + faqSuffix());
        config = *created;
        registerTopic(config);
    }
    if (header.queueId >= qMax(config.writeQueueNums, config.readQueueNums))
        return makeResponse(request, ResponseCode::SystemError,
                            QStringLiteral("request queueId[%1] is illegal, %2 Producer: %3")
                                .arg(header.queueId)
                                .arg(topicConfigString(config), connection->remoteAddress()));
    queueId = header.queueId < 0 ? randomQueue(config.writeQueueNums) : header.queueId;
    return std::nullopt;
}

RemotingCommand Broker::sendMessage(ServerConnection *connection, const RemotingCommand &request)
{
    const SendReply reply(request, m_options);
    auto parsed = SendMessageRequestHeader::fromRequest(request);
    if (!parsed)
        return reply.refused(badHeaderResponse(request, parsed.error()));
    const SendMessageRequestHeader &header = *parsed;

    TopicConfig config;
    int requestedQueue = 0;
    if (auto refused = checkSendTopic(connection, request, header, config, requestedQueue))
        return reply.refused(*refused);

    MessageExt msg = receivedMessage(header, requestedQueue, connection);
    msg.reconsumeTimes = header.reconsumeTimes.value_or(0);

    // handleRetryAndDLQ: a client sending straight to %RETRY% past max reconsume times lands in %DLQ%.
    if (isRetryTopic(header.topic)) {
        const QString group = header.topic.mid(7);
        const int maxReconsumeTimes = header.maxReconsumeTimes.value_or(16);
        if (msg.reconsumeTimes >= maxReconsumeTimes) {
            msg.topic = dlqTopic(group);
            msg.queueId = 0;
            registerTopic(m_topics.createForSendBack(msg.topic, 1, PermName::Read | PermName::Write, 0));
        }
    }

    msg.body = request.body;
    msg.flag = header.flag;
    if (config.topicFilterType == u"MULTI_TAG")
        msg.sysFlag |= sysflag::MultiTags;

    // The broker's HashMap of properties gains CLUSTER; WAIT=true is dropped from what is stored.
    Properties props = decodeProperties(header.properties.value_or(QString()));
    if (props.value(prop::TransactionPrepared).compare(u"true", Qt::CaseInsensitive) == 0)
        return reply.refused(ResponseCode::NoPermission,
                             QStringLiteral("the broker[%1] sending transaction message is forbidden")
                                 .arg(m_store->storeHost().address.toString()));
    props.insert(prop::Cluster, m_options.clusterName);
    const qsizetype peak = props.entries().size();
    Properties stored = props;
    stored.remove(prop::WaitStoreMsgOk);
    // A delayed message is re-serialized from the map, where WAIT was put back after the
    // removal: last in its bucket.
    Properties map = stored;
    if (props.contains(prop::WaitStoreMsgOk))
        map.insert(prop::WaitStoreMsgOk, props.value(prop::WaitStoreMsgOk));
    const int delayLevel = props.value(prop::DelayTimeLevel).toInt();
    msg.properties = javaOrdered(delayLevel > 0 && msg.topic == header.topic ? map : stored, peak);
    msg.rawProperties = encodeProperties(msg.properties);

    auto result = putMessage(msg, msg.topic == header.topic ? delayLevel : 0);
    if (!result)
        return reply.refused(ResponseCode::MessageIllegal, result.error().message);
    return reply.stored(result->offsetMsgId, requestedQueue, result->queueOffset);
}

RemotingCommand Broker::sendBatch(ServerConnection *connection, const RemotingCommand &request)
{
    const SendReply reply(request, m_options);
    auto parsed = SendMessageRequestHeader::fromRequest(request);
    if (!parsed)
        return reply.refused(badHeaderResponse(request, parsed.error()));
    const SendMessageRequestHeader &header = *parsed;
    if (header.topic.size() > 127)
        return reply.refused(ResponseCode::MessageIllegal,
                             QStringLiteral("message topic length too long %1").arg(header.topic.size()));
    if (isRetryTopic(header.topic))
        return reply.refused(ResponseCode::MessageIllegal,
                             QStringLiteral("batch request does not support retry group %1").arg(header.topic));
    TopicConfig config;
    int queueId = 0;
    if (auto refused = checkSendTopic(connection, request, header, config, queueId))
        return reply.refused(*refused);

    auto messages = decodeBatch(request.body);
    if (!messages || messages->isEmpty() || request.body.size() > m_options.maxMessageSize)
        return reply.refused(ResponseCode::MessageIllegal, kIllegalMessage);

    Properties batchProps = decodeProperties(header.properties.value_or(QString()));
    if (batchProps.value(prop::DelayTimeLevel).toInt() > 0)
        return reply.refused(ResponseCode::MessageIllegal, kIllegalMessage);
    batchProps.insert(prop::Cluster, m_options.clusterName);
    const QString batchPropString = encodeProperties(javaOrdered(batchProps, batchProps.entries().size()));

    // MessageExtBatchEncoder: each message keeps its own properties, then the batch's are appended.
    QList<MessageExt> toStore;
    for (const Message &m : *messages) {
        MessageExt msg = receivedMessage(header, queueId, connection);
        msg.body = m.body;
        msg.flag = m.flag;
        const QString own = encodeProperties(m.properties);
        msg.rawProperties = own.isEmpty() ? batchPropString : own + QChar(propsep::Property) + batchPropString;
        msg.properties = decodeProperties(msg.rawProperties);
        if (storedSizeEstimate(msg) > m_options.maxMessageSize)
            return reply.refused(ResponseCode::MessageIllegal, kIllegalMessage);
        toStore.append(msg);
    }
    QStringList ids;
    qint64 firstOffset = 0;
    const qint64 storeTimestamp = QDateTime::currentMSecsSinceEpoch(); // one for the whole batch
    for (const MessageExt &msg : toStore) {
        auto result = putMessage(msg, 0, storeTimestamp);
        if (!result)
            return reply.refused(ResponseCode::MessageIllegal, result.error().message);
        if (ids.isEmpty())
            firstOffset = result->queueOffset;
        ids.append(result->offsetMsgId);
    }
    return reply.stored(ids.join(u','), queueId, firstOffset);
}

RemotingCommand Broker::consumerSendMsgBack(const RemotingCommand &request)
{
    auto parsed = decodeHeader<ConsumerSendMsgBackRequestHeader>(request);
    if (!parsed)
        return badHeaderResponse(request, parsed.error());
    const ConsumerSendMsgBackRequestHeader &header = *parsed;
    touchGroup(header.group);
    constexpr int kRetryMaxTimes = 16; // SubscriptionGroupConfig.retryMaxTimes

    QString newTopic = retryTopic(header.group);
    TopicConfig config = m_topics.createForSendBack(newTopic, 1, PermName::Read | PermName::Write, 0);
    registerTopic(config);
    int queueId = randomQueue(config.writeQueueNums);

    auto original = m_store->lookMessage(header.offset);
    if (!original)
        return makeResponse(request, ResponseCode::SystemError,
                            QStringLiteral("look message by offset failed, %1").arg(header.offset));
    MessageExt msg = *original;
    Properties props = msg.properties;
    const qsizetype peakBefore = props.entries().size();
    if (!props.contains(prop::RetryTopic))
        props.insert(prop::RetryTopic, msg.topic);
    props.insert(prop::WaitStoreMsgOk, QStringLiteral("false"));

    int delayLevel = header.delayLevel;
    const int maxReconsumeTimes = header.maxReconsumeTimes.value_or(kRetryMaxTimes);
    if (msg.reconsumeTimes >= maxReconsumeTimes || delayLevel < 0) {
        newTopic = dlqTopic(header.group);
        config = m_topics.createForSendBack(newTopic, 1, PermName::Read | PermName::Write, 0);
        registerTopic(config);
        queueId = 0;
        delayLevel = 0;
    } else {
        if (delayLevel == 0)
            delayLevel = 3 + msg.reconsumeTimes;
        props.insert(prop::DelayTimeLevel, QString::number(delayLevel));
    }
    const QString originId = props.value(prop::OriginMessageId);
    props.insert(prop::OriginMessageId, originId.isEmpty() ? msg.offsetMsgId : originId);

    MessageExt inner;
    inner.topic = newTopic;
    inner.queueId = queueId;
    inner.body = msg.body;
    inner.flag = msg.flag;
    inner.sysFlag = msg.sysFlag;
    inner.bornTimestamp = msg.bornTimestamp;
    inner.bornHost = msg.bornHost;
    inner.reconsumeTimes = msg.reconsumeTimes + 1;
    inner.properties = javaOrdered(props, qMax(peakBefore, props.entries().size()));
    inner.rawProperties = encodeProperties(inner.properties);
    auto result = putMessage(inner, delayLevel);
    if (!result)
        return makeResponse(request, ResponseCode::SystemError, QStringLiteral("MESSAGE_ILLEGAL"));
    return makeResponse(request, ResponseCode::Success);
}

} // namespace mq::sandbox
