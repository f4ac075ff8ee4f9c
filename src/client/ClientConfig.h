#pragma once

#include "NameServerResolver.h"
#include "RemotingConnection.h"

#include <QString>

#include <chrono>

namespace mq {

// Everything a ClientInstance needs to reach one cluster. Defaults are the Java client's.
struct ClientConfig {
    // "host:port;host:port" or an MQCloud resolver URL (http://<domain>/rocketmq/nsaddr-<id>).
    QString nameServer;
    // ACL 1.0: requests are signed when both are set.
    QString accessKey;
    QString secretKey;
    bool tls = false;
    bool tlsVerifyPeer = true;                      // see ConnectionOptions::tlsVerifyPeer
    std::chrono::milliseconds requestTimeout{3000}; // mqClientApiTimeout / sendMsgTimeout
    std::chrono::milliseconds connectTimeout{3000};
    std::chrono::milliseconds routeRefreshInterval{30000}; // pollNameServerInterval
    std::chrono::milliseconds heartbeatInterval{30000};    // heartbeatBrokerInterval
    ResolverOptions resolver;
    // The address put in the client id; empty = the one the Java client would pick.
    QString clientIp;
    // Empty = "<pid>#<nanoseconds>", what the Java client uses for instanceName DEFAULT.
    QString instanceName;

    bool aclEnabled() const { return !accessKey.isEmpty() && !secretKey.isEmpty(); }
    ConnectionOptions connectionOptions() const
    {
        ConnectionOptions o;
        o.connectTimeout = connectTimeout;
        o.tls = tls;
        o.tlsVerifyPeer = tlsVerifyPeer;
        return o;
    }
};

} // namespace mq
