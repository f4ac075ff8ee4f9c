#pragma once

#include "RouteData.h"

#include <QList>
#include <QString>

#include <optional>

namespace mq::sandbox {

// org.apache.rocketmq.common.TopicConfig.
struct TopicConfig {
    QString topicName;
    int readQueueNums = 16;
    int writeQueueNums = 16;
    int perm = PermName::Read | PermName::Write;
    QString topicFilterType = QStringLiteral("SINGLE_TAG");
    int topicSysFlag = 0;
    bool order = false;

    QueueData queueData(const QString &brokerName) const
    {
        return QueueData{brokerName, readQueueNums, writeQueueNums, perm, topicSysFlag};
    }
};

// The broker's topics (TopicConfigManager): system topics on start, auto-created ones, and
// explicit creates; persisted to DIR/config/topics.json when the broker has a data dir.
class TopicConfigs {
public:
    static constexpr const char *AutoCreateTopicKey = "TBW102";
    static constexpr const char *ScheduleTopic = "SCHEDULE_TOPIC_XXXX";

    void setPath(const QString &path) { m_path = path; }
    void load();
    void save() const;
    // The system topics a 4.9.8 broker creates for itself.
    void addSystemTopics(const QString &clusterName, const QString &brokerName, bool autoCreateTopicEnable,
                         int delayLevelCount);

    const TopicConfig *find(const QString &topic) const;
    QList<TopicConfig> all() const { return m_topics; }
    void upsert(const TopicConfig &config); // saves

    // createTopicInSendMessageMethod: derive from the default topic (TBW102) when it allows
    // inheritance; nullopt when it does not exist or does not allow it.
    std::optional<TopicConfig> createFromDefault(const QString &topic, const QString &defaultTopic,
                                                 int clientDefaultQueueNums, int topicSysFlag);
    // createTopicInSendMessageBackMethod: retry / DLQ topics.
    TopicConfig createForSendBack(const QString &topic, int queueNums, int perm, int topicSysFlag);

private:
    QList<TopicConfig> m_topics;
    QString m_path;
};

} // namespace mq::sandbox
