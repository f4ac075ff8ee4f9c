#pragma once

#include "RpcHook.h"

#include <QByteArray>
#include <QString>

namespace mq {

// RocketMQ ACL 1.0 request signing, as org.apache.rocketmq.acl.common.AclClientRPCHook does it:
// the extFields plus AccessKey (and SecurityToken when set) are sorted by key, their VALUES
// are concatenated (Signature excluded), the body is appended, and the HmacSHA1 of that under
// the secret key, Base64-encoded, goes into the Signature field.
class AclSigner : public RpcHook {
public:
    static inline const QString AccessKeyField = QStringLiteral("AccessKey");
    static inline const QString SignatureField = QStringLiteral("Signature");
    static inline const QString SecurityTokenField = QStringLiteral("SecurityToken");

    AclSigner(QString accessKey, QString secretKey, QString securityToken = {});

    // Adds AccessKey (+ SecurityToken) and Signature to `request`, replacing any old ones, and
    // reorders the fields as the Java client's HashMap would write them.
    void sign(RemotingCommand &request) const;
    void beforeRequest(const QString &address, RemotingCommand &request) override;

    // The signature alone: what goes into Signature for these fields and body.
    static QString signature(const ExtFields &fields, const QByteArray &body, const QString &secretKey);

    const QString &accessKey() const { return m_accessKey; }

private:
    QString m_accessKey;
    QString m_secretKey;
    QString m_securityToken;
};

} // namespace mq
