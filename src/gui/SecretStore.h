#pragma once

#include "Result.h"

#include <QCoro/QCoroTask>
#include <QHash>
#include <QObject>
#include <QString>

namespace mq::gui {

// Where profile secrets (ACL secret keys) live. Never the settings file.
class SecretStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    // Error::Code::NotFound when nothing is stored under `key`.
    virtual QCoro::Task<Result<QString>> read(QString key) = 0;
    virtual QCoro::Task<Status> write(QString key, QString secret) = 0;
    virtual QCoro::Task<Status> remove(QString key) = 0;

    // False when secrets only last until the app quits; warning() then says why.
    bool isPersistent() const { return m_warning.isEmpty(); }
    QString warning() const { return m_warning; }

    static QString keyFor(const QString &profileName, const QString &field)
    {
        return QStringLiteral("profile/%1/%2").arg(profileName, field);
    }

Q_SIGNALS:
    void warningChanged(const QString &warning);

protected:
    void setWarning(const QString &warning);

private:
    QString m_warning;
};

// Secrets kept in memory for this session only (tests; fallback when no keychain exists).
class MemorySecretStore : public SecretStore {
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject *parent = nullptr, bool persistentForTests = true);
    QCoro::Task<Result<QString>> read(QString key) override;
    QCoro::Task<Status> write(QString key, QString secret) override;
    QCoro::Task<Status> remove(QString key) override;

private:
    QHash<QString, QString> m_secrets;
};

// The system keychain through QtKeychain (Secret Service / KWallet, macOS Keychain, Windows
// Credential Store). When the platform has none (CI, offscreen, minimal desktops) it keeps
// secrets in memory instead and reports that through warning(): nothing is written in clear.
class KeychainSecretStore : public SecretStore {
    Q_OBJECT
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("mqdesk"), QObject *parent = nullptr);
    QCoro::Task<Result<QString>> read(QString key) override;
    QCoro::Task<Status> write(QString key, QString secret) override;
    QCoro::Task<Status> remove(QString key) override;

private:
    void fallBack(const QString &reason);
    QString m_service;
    bool m_unavailable = false;
    QHash<QString, QString> m_sessionSecrets;
};

} // namespace mq::gui
