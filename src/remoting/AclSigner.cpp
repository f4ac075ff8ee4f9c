#include "AclSigner.h"

#include "JavaHash.h"

#include <QMap>
#include <QMessageAuthenticationCode>

namespace mq {

AclSigner::AclSigner(QString accessKey, QString secretKey, QString securityToken)
    : m_accessKey(std::move(accessKey))
    , m_secretKey(std::move(secretKey))
    , m_securityToken(std::move(securityToken))
{}

QString AclSigner::signature(const ExtFields &fields, const QByteArray &body, const QString &secretKey)
{
    // Java's TreeMap<String, String> orders by String.compareTo: UTF-16 code units, as QString does.
    QMap<QString, QString> sorted;
    for (const auto &[key, value] : fields.entries())
        if (key != SignatureField)
            sorted.insert(key, value);
    QByteArray content;
    for (const auto &value : std::as_const(sorted))
        content.append(value.toUtf8());
    content.append(body);
    const QByteArray mac = QMessageAuthenticationCode::hash(content, secretKey.toUtf8(), QCryptographicHash::Sha1);
    return QString::fromLatin1(mac.toBase64());
}

void AclSigner::sign(RemotingCommand &request) const
{
    ExtFields fields = request.extFields.value_or(ExtFields{});
    fields.remove(SignatureField);
    ExtFields toSign = fields;
    toSign.insert(AccessKeyField, m_accessKey);
    if (!m_securityToken.isEmpty())
        toSign.insert(SecurityTokenField, m_securityToken);
    // Put in the order the Java hook adds them, so equal-bucket keys come out in its order too.
    fields.insert(SignatureField, signature(toSign, request.body, m_secretKey));
    fields.insert(AccessKeyField, m_accessKey);
    if (!m_securityToken.isEmpty())
        fields.insert(SecurityTokenField, m_securityToken);
    request.extFields = java::hashMapOrder(fields);
}

void AclSigner::beforeRequest(const QString &address, RemotingCommand &request)
{
    Q_UNUSED(address);
    sign(request);
}

} // namespace mq
