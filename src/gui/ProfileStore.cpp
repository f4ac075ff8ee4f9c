#include "ProfileStore.h"

#include <QSettings>

namespace mq::gui {

namespace {
QString sourceToString(NameServerSource s)
{
    switch (s) {
    case NameServerSource::Sandbox: return QStringLiteral("sandbox");
    case NameServerSource::MQCloud: return QStringLiteral("mqcloud");
    case NameServerSource::Url: return QStringLiteral("url");
    case NameServerSource::Static: break;
    }
    return QStringLiteral("static");
}

NameServerSource sourceFromString(const QString &s)
{
    if (s == QLatin1String("mqcloud"))
        return NameServerSource::MQCloud;
    if (s == QLatin1String("url"))
        return NameServerSource::Url;
    if (s == QLatin1String("sandbox"))
        return NameServerSource::Sandbox;
    return NameServerSource::Static;
}
} // namespace

QList<ConnectionProfile> ProfileStore::load() const
{
    QList<ConnectionProfile> profiles{ConnectionProfile::sandbox()};
    const int count = m_settings.beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        ConnectionProfile p;
        p.name = m_settings.value(QStringLiteral("name")).toString();
        if (p.name.isEmpty() || p.name == ConnectionProfile::sandboxName())
            continue;
        p.source = sourceFromString(m_settings.value(QStringLiteral("source")).toString());
        p.mqcloudDomain = m_settings.value(QStringLiteral("mqcloudDomain")).toString();
        p.clusterId = m_settings.value(QStringLiteral("clusterId")).toString();
        p.resolverUrl = m_settings.value(QStringLiteral("resolverUrl")).toString();
        p.nameServers = m_settings.value(QStringLiteral("nameServers")).toStringList();
        p.producerGroup = m_settings.value(QStringLiteral("producerGroup"), p.producerGroup).toString();
        p.consumerGroup = m_settings.value(QStringLiteral("consumerGroup"), p.consumerGroup).toString();
        p.aclAccessKey = m_settings.value(QStringLiteral("aclAccessKey")).toString();
        p.tls = m_settings.value(QStringLiteral("tls"), false).toBool();
        p.tlsVerify = m_settings.value(QStringLiteral("tlsVerify"), true).toBool();
        p.requestTimeoutMs = m_settings.value(QStringLiteral("requestTimeoutMs"), p.requestTimeoutMs).toInt();
        p.sendRetries = m_settings.value(QStringLiteral("sendRetries"), p.sendRetries).toInt();
        p.resolverRefreshSeconds =
            m_settings.value(QStringLiteral("resolverRefreshSeconds"), p.resolverRefreshSeconds).toInt();
        profiles.append(p);
    }
    m_settings.endArray();
    return profiles;
}

void ProfileStore::save(const QList<ConnectionProfile> &profiles)
{
    m_settings.remove(QStringLiteral("profiles"));
    m_settings.beginWriteArray(QStringLiteral("profiles"));
    int index = 0;
    for (const ConnectionProfile &p : profiles) {
        if (p.isSandbox())
            continue;
        m_settings.setArrayIndex(index++);
        m_settings.setValue(QStringLiteral("name"), p.name);
        m_settings.setValue(QStringLiteral("source"), sourceToString(p.source));
        m_settings.setValue(QStringLiteral("mqcloudDomain"), p.mqcloudDomain);
        m_settings.setValue(QStringLiteral("clusterId"), p.clusterId);
        m_settings.setValue(QStringLiteral("resolverUrl"), p.resolverUrl);
        m_settings.setValue(QStringLiteral("nameServers"), p.nameServers);
        m_settings.setValue(QStringLiteral("producerGroup"), p.producerGroup);
        m_settings.setValue(QStringLiteral("consumerGroup"), p.consumerGroup);
        m_settings.setValue(QStringLiteral("aclAccessKey"), p.aclAccessKey);
        m_settings.setValue(QStringLiteral("tls"), p.tls);
        m_settings.setValue(QStringLiteral("tlsVerify"), p.tlsVerify);
        m_settings.setValue(QStringLiteral("requestTimeoutMs"), p.requestTimeoutMs);
        m_settings.setValue(QStringLiteral("sendRetries"), p.sendRetries);
        m_settings.setValue(QStringLiteral("resolverRefreshSeconds"), p.resolverRefreshSeconds);
    }
    m_settings.endArray();
}

QString ProfileStore::lastUsed() const
{
    return m_settings.value(QStringLiteral("session/lastProfile"), ConnectionProfile::sandboxName()).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    m_settings.setValue(QStringLiteral("session/lastProfile"), name);
}

} // namespace mq::gui
