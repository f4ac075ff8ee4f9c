#include "SecretStore.h"

#include "Log.h"

#include <QCoro/QCoroSignal>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

namespace mq::gui {

void SecretStore::setWarning(const QString &warning)
{
    if (warning == m_warning)
        return;
    m_warning = warning;
    Q_EMIT warningChanged(warning);
}

MemorySecretStore::MemorySecretStore(QObject *parent, bool persistentForTests)
    : SecretStore(parent)
{
    if (!persistentForTests)
        setWarning(tr("Secrets are kept in memory and forgotten when MQCloud Desk quits."));
}

QCoro::Task<Result<QString>> MemorySecretStore::read(QString key)
{
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd())
        co_return makeError(Error::Code::NotFound, tr("No secret is stored for %1.").arg(key));
    co_return *it;
}

QCoro::Task<Status> MemorySecretStore::write(QString key, QString secret)
{
    m_secrets.insert(key, secret);
    co_return Ok{};
}

QCoro::Task<Status> MemorySecretStore::remove(QString key)
{
    m_secrets.remove(key);
    co_return Ok{};
}

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{}

void KeychainSecretStore::fallBack(const QString &reason)
{
    if (m_unavailable)
        return;
    m_unavailable = true;
    qCWarning(lcProfiles) << "system keychain unavailable:" << reason;
    // QtKeychain says "Unknown error" when no Secret Service / KWallet answers on D-Bus.
    const QString why =
        reason.isEmpty() || reason == QLatin1String("Unknown error") ? tr("no keychain service answered") : reason;
    setWarning(tr("The system keychain is not available (%1). Secret keys are kept in memory for this "
                  "session only and must be entered again after a restart.")
                   .arg(why));
}

namespace {
// A job that deletes itself after we have read its result (QtKeychain's autoDelete fires
// while the finished() signal is still being delivered, before the coroutine resumes).
template <typename Job> std::unique_ptr<Job, void (*)(Job *)> makeJob(const QString &service)
{
    auto *job = new Job(service);
    job->setAutoDelete(false);
    job->setInsecureFallback(false); // never a plain-text file
    return {job, [](Job *j) { j->deleteLater(); }};
}

// Starts the job from the event loop so finished() cannot fire before we listen for it.
// A keychain that never answers (a stuck unlock prompt) counts as unavailable.
QCoro::Task<bool> runJob(QKeychain::Job *job)
{
    QTimer::singleShot(0, job, &QKeychain::Job::start);
    const auto finished = co_await qCoro(job, &QKeychain::Job::finished, std::chrono::minutes(2));
    co_return finished.has_value();
}

bool backendMissing(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError;
}
} // namespace

QCoro::Task<Result<QString>> KeychainSecretStore::read(QString key)
{
    if (!m_unavailable) {
        auto job = makeJob<QKeychain::ReadPasswordJob>(m_service);
        job->setKey(key);
        if (!co_await runJob(job.get())) {
            fallBack(tr("no answer within two minutes"));
        } else if (job->error() == QKeychain::NoError) {
            co_return job->textData();
        } else if (job->error() == QKeychain::EntryNotFound) {
            co_return makeError(Error::Code::NotFound, tr("No secret is stored for %1.").arg(key));
        } else if (backendMissing(job->error())) {
            fallBack(job->errorString());
        } else {
            co_return makeError(Error::Code::Cancelled,
                                tr("The keychain refused to read %1: %2").arg(key, job->errorString()));
        }
    }
    const auto it = m_sessionSecrets.constFind(key);
    if (it == m_sessionSecrets.constEnd())
        co_return makeError(Error::Code::NotFound, tr("No secret is stored for %1.").arg(key));
    co_return *it;
}

QCoro::Task<Status> KeychainSecretStore::write(QString key, QString secret)
{
    if (!m_unavailable) {
        auto job = makeJob<QKeychain::WritePasswordJob>(m_service);
        job->setKey(key);
        job->setTextData(secret);
        if (!co_await runJob(job.get())) {
            fallBack(tr("no answer within two minutes"));
        } else if (job->error() == QKeychain::NoError) {
            co_return Ok{};
        } else if (backendMissing(job->error())) {
            fallBack(job->errorString());
        } else {
            co_return makeError(Error::Code::Cancelled,
                                tr("The keychain refused to store %1: %2").arg(key, job->errorString()));
        }
    }
    m_sessionSecrets.insert(key, secret);
    co_return Ok{};
}

QCoro::Task<Status> KeychainSecretStore::remove(QString key)
{
    m_sessionSecrets.remove(key);
    if (m_unavailable)
        co_return Ok{};
    auto job = makeJob<QKeychain::DeletePasswordJob>(m_service);
    job->setKey(key);
    if (!co_await runJob(job.get())) {
        fallBack(tr("no answer within two minutes"));
        co_return Ok{};
    }
    if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
        co_return Ok{};
    if (backendMissing(job->error())) {
        fallBack(job->errorString());
        co_return Ok{};
    }
    co_return makeError(Error::Code::Cancelled,
                        tr("The keychain refused to delete %1: %2").arg(key, job->errorString()));
}

} // namespace mq::gui
