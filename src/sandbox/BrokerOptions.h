#pragma once

#include <QHostAddress>
#include <QString>

namespace mq::sandbox {

struct BrokerOptions {
    QString clusterName = QStringLiteral("DefaultCluster");
    QString brokerName = QStringLiteral("broker-a");
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;                  // 0: ephemeral
    QString dataDir;                   // empty: everything in memory
    bool autoCreateTopicEnable = true; // TBW102: producers may send to topics nobody created
    int maxMessageSize = 4 * 1024 * 1024;
    // messageDelayLevel of a 4.9.8 broker; delayTimeScale shrinks every level (tests use 0.001).
    QString messageDelayLevel = QStringLiteral("1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h");
    double delayTimeScale = 1.0;
    // PullRequestHoldService re-checks suspended pulls this often (and wakes them on arrival).
    int longPollingCheckIntervalMs = 5000;
    int flushIntervalMs = 100;
    QString regionId = QStringLiteral("DefaultRegion");
    bool traceOn = true;
    // INVOKE_BROKER_TO_RESET_OFFSET with isForce and no consumer online: 4.9.8 answers
    // CONSUMER_NOT_ONLINE; the sandbox stores the offsets instead, so an offline group can be reset.
    bool resetOffsetWhenOffline = true;
};

} // namespace mq::sandbox
