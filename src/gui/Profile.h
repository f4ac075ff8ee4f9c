#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace mq::gui {

// Where a profile finds its name servers.
enum class NameServerSource {
    Sandbox, // the embedded name server + broker started inside the app
    MQCloud, // MQCloud's HTTP resolver: http://<domain>/rocketmq/nsaddr-<clusterId>
    Url,     // any HTTP URL answering "host:port;host:port"
    Static,  // a fixed list
};

// One saved connection. The ACL secret key is held here in memory only: ProfileStore never
// writes it to the settings file, it lives in the system keychain (SecretStore).
struct ConnectionProfile {
    QString name;
    NameServerSource source = NameServerSource::Static;
    QString mqcloudDomain;
    QString clusterId;
    QString resolverUrl; // for NameServerSource::Url
    QStringList nameServers;
    QString producerGroup = QStringLiteral("mqdesk_producer");
    QString consumerGroup = QStringLiteral("mqdesk_consumer");
    QString aclAccessKey;
    QString aclSecretKey; // never persisted in QSettings
    bool tls = false;
    bool tlsVerify = true; // false only by the user's explicit, visible opt-out
    int requestTimeoutMs = 3000;
    int sendRetries = 2;
    int resolverRefreshSeconds = 120;

    bool isSandbox() const { return source == NameServerSource::Sandbox; }
    bool usesAcl() const { return !aclAccessKey.isEmpty(); }
    // The URL the resolver polls (MQCloud or Url sources), empty otherwise.
    QString effectiveResolverUrl() const;
    // Everything a user could get wrong, in words.
    Status validate() const;

    bool operator==(const ConnectionProfile &o) const = default;

    static ConnectionProfile sandbox();
    static QString sandboxName() { return QStringLiteral("Sandbox"); }

    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)
};

// "http://<domain>/rocketmq/nsaddr-<clusterId>"; tolerates a scheme or trailing slash in the domain.
QString mqcloudResolverUrl(const QString &domain, const QString &clusterId);
// Splits "a:9876;b:9876" (also commas, spaces, new lines) into entries.
QStringList parseNameServerList(const QString &text);
// Checks "host:port" (IPv6 as "[::1]:9876").
bool isValidNameServerAddress(const QString &address);

} // namespace mq::gui
