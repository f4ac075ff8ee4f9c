#include "Profile.h"

#include <QRegularExpression>
#include <QUrl>

namespace mq::gui {

QString mqcloudResolverUrl(const QString &domain, const QString &clusterId)
{
    QString host = domain.trimmed();
    host.remove(QRegularExpression(QStringLiteral("^https?://"), QRegularExpression::CaseInsensitiveOption));
    while (host.endsWith(QLatin1Char('/')))
        host.chop(1);
    if (host.isEmpty() || clusterId.trimmed().isEmpty())
        return {};
    return QStringLiteral("http://%1/rocketmq/nsaddr-%2").arg(host, clusterId.trimmed());
}

QStringList parseNameServerList(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("[;,\\s]+")), Qt::SkipEmptyParts);
}

bool isValidNameServerAddress(const QString &address)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9._-]+):(\\d{1,5})$"));
    const auto match = pattern.match(address);
    if (!match.hasMatch())
        return false;
    const int port = match.captured(2).toInt();
    return port > 0 && port <= 65535;
}

QString ConnectionProfile::effectiveResolverUrl() const
{
    switch (source) {
    case NameServerSource::MQCloud: return mqcloudResolverUrl(mqcloudDomain, clusterId);
    case NameServerSource::Url: return resolverUrl.trimmed();
    case NameServerSource::Sandbox:
    case NameServerSource::Static: break;
    }
    return {};
}

Status ConnectionProfile::validate() const
{
    auto invalid = [](const QString &message) { return makeError(Error::Code::InvalidArgument, message); };
    if (name.trimmed().isEmpty())
        return invalid(tr("The profile needs a name."));
    static const QRegularExpression groupPattern(QStringLiteral("^[%|a-zA-Z0-9_-]{1,255}$"));
    if (!groupPattern.match(producerGroup).hasMatch())
        return invalid(tr("The producer group \"%1\" may only contain letters, digits, '_', '-', '%' and '|'.")
                           .arg(producerGroup));
    if (!groupPattern.match(consumerGroup).hasMatch())
        return invalid(tr("The consumer group \"%1\" may only contain letters, digits, '_', '-', '%' and '|'.")
                           .arg(consumerGroup));
    switch (source) {
    case NameServerSource::Sandbox: break;
    case NameServerSource::MQCloud:
        if (mqcloudDomain.trimmed().isEmpty())
            return invalid(tr("Enter the MQCloud domain, for example mqcloud.example.com."));
        if (!QRegularExpression(QStringLiteral("^\\d+$")).match(clusterId.trimmed()).hasMatch())
            return invalid(tr("The MQCloud cluster id is a number (see the cluster page in MQCloud)."));
        break;
    case NameServerSource::Url: {
        const QUrl url(resolverUrl.trimmed());
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
            url.host().isEmpty())
            return invalid(tr("The resolver address must be an http:// or https:// URL."));
        break;
    }
    case NameServerSource::Static:
        if (nameServers.isEmpty())
            return invalid(tr("List at least one name server as host:port."));
        for (const QString &address : nameServers) {
            if (!isValidNameServerAddress(address))
                return invalid(
                    tr("\"%1\" is not a name server address; write host:port, e.g. 127.0.0.1:9876.").arg(address));
        }
        break;
    }
    if (!aclSecretKey.isEmpty() && aclAccessKey.isEmpty())
        return invalid(tr("An ACL secret key needs its access key."));
    if (requestTimeoutMs < 100 || requestTimeoutMs > 600000)
        return invalid(tr("The request timeout must be between 100 ms and 10 minutes."));
    if (sendRetries < 0 || sendRetries > 16)
        return invalid(tr("Send retries must be between 0 and 16."));
    return Ok{};
}

ConnectionProfile ConnectionProfile::sandbox()
{
    ConnectionProfile p;
    p.name = sandboxName();
    p.source = NameServerSource::Sandbox;
    return p;
}

} // namespace mq::gui
