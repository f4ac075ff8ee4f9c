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

} // namespace

std::optional<QString> Broker::putFailureRemark(const Error &error) const
{
    Q_UNUSED(error)
    return kIllegalMessage;
}

Result<AppendResult> Broker::putMessage(MessageExt msg, int delayLevel)
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
    auto result = m_store->append(msg, tagsCode);
    if (result) {
        ++m_putCount;
        if (level > 0)
            m_delay->scheduled(level);
        Q_EMIT messageStored(msg.topic, msg.queueId, result->queueOffset);
    }
    return result;
}

std::optional<RemotingCommand> Broker::checkSendTopic(ServerConnection *connection, const RemotingCommand &request,
                                                      const QString &topic, const QString &defaultTopic,
                                                      int defaultQueueNums, int queueId, int topicSysFlag,
                                                      TopicConfig &config)
{
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
            created = m_topics.createFromDefault(topic, defaultTopic, defaultQueueNums, topicSysFlag);
        if (!created && isRetryTopic(topic))
            created = m_topics.createForSendBack(topic, 1, PermName::Read | PermName::Write, topicSysFlag);
        if (!created)
            return makeResponse(request, ResponseCode::TopicNotExist,
                                QStringLiteral("topic[%1] not exist, apply first please!").arg(topic) + faqSuffix());
        config = *created;
        registerTopic(config);
    }
    if (queueId >= qMax(config.writeQueueNums, config.readQueueNums))
        return makeResponse(request, ResponseCode::SystemError,
                            QStringLiteral("request queueId[%1] is illegal, %2 Producer: %3")
                                .arg(queueId)
                                .arg(topicConfigString(config), connection->remoteAddress()));
    return std::nullopt;
}

RemotingCommand Broker::sendMessage(ServerConnection *connection, const RemotingCommand &request)
{
    // The response starts with MSG_REGION and TRACE_ON, errors included.
    SendMessageResponseHeader responseHeader;
    responseHeader.msgRegion = m_options.regionId;
    responseHeader.traceOn = m_options.traceOn ? QStringLiteral("true") : QStringLiteral("false");
    const auto withRegion = [&](RemotingCommand r) {
        ExtFields fields;
        fields.insert(QStringLiteral("MSG_REGION"), *responseHeader.msgRegion);
        fields.insert(QStringLiteral("TRACE_ON"), *responseHeader.traceOn);
        r.extFields = java::hashMapOrder(fields);
        return r;
    };

    auto parsed = SendMessageRequestHeader::fromRequest(request);
    if (!parsed)
        return withRegion(badHeaderResponse(request, parsed.error()));
    const SendMessageRequestHeader &header = *parsed;

    TopicConfig config;
    if (auto refused = checkSendTopic(connection, request, header.topic, header.defaultTopic,
                                      header.defaultTopicQueueNums, header.queueId, 0, config))
        return withRegion(*refused);

    const int requestedQueue = header.queueId < 0 ? randomQueue(config.writeQueueNums) : header.queueId;
    MessageExt msg;
    msg.topic = header.topic;
    msg.queueId = requestedQueue;
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
    msg.sysFlag = header.sysFlag;
    if (config.topicFilterType == u"MULTI_TAG")
        msg.sysFlag |= sysflag::MultiTags;
    msg.bornTimestamp = header.bornTimestamp;
    msg.bornHost = HostAndPort{connection->peerAddress(), connection->peerPort()};

    // The broker's HashMap of properties gains CLUSTER; WAIT=true is dropped from what is stored.
    Properties props = decodeProperties(header.properties.value_or(QString()));
    if (props.value(prop::TransactionPrepared).compare(u"true", Qt::CaseInsensitive) == 0)
        return withRegion(makeResponse(request, ResponseCode::NoPermission,
                                       QStringLiteral("the broker[%1] sending transaction message is forbidden")
                                           .arg(m_store->storeHost().address.toString())));
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
        return withRegion(makeResponse(request, ResponseCode::MessageIllegal, result.error().message));

    responseHeader.msgId = result->offsetMsgId;
    responseHeader.queueId = requestedQueue;
    responseHeader.queueOffset = result->queueOffset;
    RemotingCommand response = makeResponse(request, ResponseCode::Success);
    response.extFields = responseHeader.toExtFields();
    return response;
}

RemotingCommand Broker::sendBatch(ServerConnection *connection, const RemotingCommand &request)
{
    SendMessageResponseHeader responseHeader;
    responseHeader.msgRegion = m_options.regionId;
    responseHeader.traceOn = m_options.traceOn ? QStringLiteral("true") : QStringLiteral("false");
    const auto withRegion = [&](RemotingCommand r) {
        ExtFields fields;
        fields.insert(QStringLiteral("MSG_REGION"), *responseHeader.msgRegion);
        fields.insert(QStringLiteral("TRACE_ON"), *responseHeader.traceOn);
        r.extFields = java::hashMapOrder(fields);
        return r;
    };

    auto parsed = SendMessageRequestHeader::fromRequest(request);
    if (!parsed)
        return withRegion(badHeaderResponse(request, parsed.error()));
    const SendMessageRequestHeader &header = *parsed;
    if (header.topic.size() > 127)
        return withRegion(makeResponse(request, ResponseCode::MessageIllegal,
                                       QStringLiteral("message topic length too long %1").arg(header.topic.size())));
    if (isRetryTopic(header.topic))
        return withRegion(
            makeResponse(request, ResponseCode::MessageIllegal,
                         QStringLiteral("batch request does not support retry group %1").arg(header.topic)));
    TopicConfig config;
    if (auto refused = checkSendTopic(connection, request, header.topic, header.defaultTopic,
                                      header.defaultTopicQueueNums, header.queueId, 0, config))
        return withRegion(*refused);
    const int queueId = header.queueId < 0 ? randomQueue(config.writeQueueNums) : header.queueId;

    auto messages = decodeBatch(request.body);
    if (!messages || messages->isEmpty() || request.body.size() > m_options.maxMessageSize)
        return withRegion(makeResponse(request, ResponseCode::MessageIllegal, kIllegalMessage));

    Properties batchProps = decodeProperties(header.properties.value_or(QString()));
    if (batchProps.value(prop::DelayTimeLevel).toInt() > 0)
        return withRegion(makeResponse(request, ResponseCode::MessageIllegal, kIllegalMessage));
    batchProps.insert(prop::Cluster, m_options.clusterName);
    const QString batchPropString = encodeProperties(javaOrdered(batchProps, batchProps.entries().size()));

    // MessageExtBatchEncoder: each message keeps its own properties, then the batch's are appended.
    QList<MessageExt> toStore;
    for (const Message &m : *messages) {
        MessageExt msg;
        msg.topic = header.topic;
        msg.queueId = queueId;
        msg.body = m.body;
        msg.flag = m.flag;
        msg.sysFlag = header.sysFlag;
        msg.bornTimestamp = header.bornTimestamp;
        msg.bornHost = HostAndPort{connection->peerAddress(), connection->peerPort()};
        const QString own = encodeProperties(m.properties);
        msg.rawProperties = own.isEmpty() ? batchPropString : own + QChar(propsep::Property) + batchPropString;
        msg.properties = decodeProperties(msg.rawProperties);
        if (storedSizeEstimate(msg) > m_options.maxMessageSize)
            return withRegion(makeResponse(request, ResponseCode::MessageIllegal, kIllegalMessage));
        toStore.append(msg);
    }
    QStringList ids;
    for (const MessageExt &msg : toStore) {
        auto result = putMessage(msg, 0);
        if (!result)
            return withRegion(makeResponse(request, ResponseCode::MessageIllegal, result.error().message));
        if (ids.isEmpty())
            responseHeader.queueOffset = result->queueOffset;
        ids.append(result->offsetMsgId);
    }
    responseHeader.msgId = ids.join(u',');
    responseHeader.queueId = queueId;
    RemotingCommand response = makeResponse(request, ResponseCode::Success);
    response.extFields = responseHeader.toExtFields();
    return response;
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
