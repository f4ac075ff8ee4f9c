#include "TopicConfigs.h"

#include "JsonFile.h"

namespace mq::sandbox {

using json::Value;

void TopicConfigs::load()
{
    if (m_path.isEmpty())
        return;
    const auto doc = readJsonFile(m_path);
    if (!doc)
        return;
    for (const auto &[name, v] : (*doc)["topicConfigTable"].members()) {
        TopicConfig c;
        c.topicName = v["topicName"].toString();
        if (c.topicName.isEmpty())
            c.topicName = name.toString();
        c.readQueueNums = int(v["readQueueNums"].toInt(16));
        c.writeQueueNums = int(v["writeQueueNums"].toInt(16));
        c.perm = int(v["perm"].toInt(6));
        c.topicFilterType = v["topicFilterType"].isString() ? v["topicFilterType"].toString() : c.topicFilterType;
        c.topicSysFlag = int(v["topicSysFlag"].toInt(0));
        c.order = v["order"].toBool(false);
        upsert(c);
    }
}

void TopicConfigs::save() const
{
    if (m_path.isEmpty())
        return;
    Value table = Value::object();
    for (const auto &c : m_topics) {
        Value o = Value::object();
        o.insert(QStringLiteral("order"), Value::boolean(c.order));
        o.insert(QStringLiteral("perm"), Value::number(qint64(c.perm)));
        o.insert(QStringLiteral("readQueueNums"), Value::number(qint64(c.readQueueNums)));
        o.insert(QStringLiteral("topicFilterType"), Value::string(c.topicFilterType));
        o.insert(QStringLiteral("topicName"), Value::string(c.topicName));
        o.insert(QStringLiteral("topicSysFlag"), Value::number(qint64(c.topicSysFlag)));
        o.insert(QStringLiteral("writeQueueNums"), Value::number(qint64(c.writeQueueNums)));
        table.insert(c.topicName, o);
    }
    Value doc = Value::object();
    doc.insert(QStringLiteral("topicConfigTable"), table);
    QString error;
    if (!writeJsonFile(m_path, doc, &error))
        qWarning("sandbox: %s", qPrintable(error));
}

void TopicConfigs::addSystemTopics(const QString &clusterName, const QString &brokerName, bool autoCreateTopicEnable,
                                   int delayLevelCount)
{
    const auto add = [this](const QString &name, int queues, int perm) {
        if (find(name))
            return;
        TopicConfig c;
        c.topicName = name;
        c.readQueueNums = c.writeQueueNums = queues;
        c.perm = perm;
        m_topics.append(c);
    };
    const int rw = PermName::Read | PermName::Write;
    add(QStringLiteral("SELF_TEST_TOPIC"), 1, rw);
    if (autoCreateTopicEnable)
        add(QString::fromLatin1(AutoCreateTopicKey), 8, PermName::Inherit | rw);
    add(QStringLiteral("BenchmarkTest"), 1024, rw);
    add(clusterName, 16, PermName::Inherit | rw);
    add(brokerName, 1, PermName::Inherit | rw);
    add(QStringLiteral("OFFSET_MOVED_EVENT"), 1, rw);
    add(QString::fromLatin1(ScheduleTopic), delayLevelCount, rw);
    add(clusterName + QStringLiteral("_REPLY_TOPIC"), 1, rw);
}

const TopicConfig *TopicConfigs::find(const QString &topic) const
{
    for (const auto &c : m_topics)
        if (c.topicName == topic)
            return &c;
    return nullptr;
}

void TopicConfigs::upsert(const TopicConfig &config)
{
    bool replaced = false;
    for (auto &c : m_topics) {
        if (c.topicName == config.topicName) {
            c = config;
            replaced = true;
        }
    }
    if (!replaced)
        m_topics.append(config);
    save();
}

std::optional<TopicConfig> TopicConfigs::createFromDefault(const QString &topic, const QString &defaultTopic,
                                                           int clientDefaultQueueNums, int topicSysFlag)
{
    if (const TopicConfig *existing = find(topic))
        return *existing;
    const TopicConfig *def = find(defaultTopic);
    if (!def || !(def->perm & PermName::Inherit))
        return std::nullopt;
    TopicConfig c;
    c.topicName = topic;
    c.readQueueNums = c.writeQueueNums = qMax(1, qMin(clientDefaultQueueNums, def->writeQueueNums));
    c.perm = def->perm & ~PermName::Inherit;
    c.topicSysFlag = topicSysFlag;
    c.topicFilterType = def->topicFilterType;
    upsert(c);
    return c;
}

TopicConfig TopicConfigs::createForSendBack(const QString &topic, int queueNums, int perm, int topicSysFlag)
{
    if (const TopicConfig *existing = find(topic))
        return *existing;
    TopicConfig c;
    c.topicName = topic;
    c.readQueueNums = c.writeQueueNums = queueNums;
    c.perm = perm;
    c.topicSysFlag = topicSysFlag;
    upsert(c);
    return c;
}

} // namespace mq::sandbox
