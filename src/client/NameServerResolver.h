#pragma once

#include "Result.h"

#include <QByteArrayView>
#include <QCoro/QCoroTask>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>

class QNetworkAccessManager;

namespace mq {

struct ResolverOptions {
    std::chrono::milliseconds refreshInterval{std::chrono::minutes(2)}; // the Java client's fetch period
    std::chrono::milliseconds httpTimeout{std::chrono::seconds(5)};
    // Where the last good HTTP answer is kept; empty = defaultCacheFile(url).
    QString cacheFile;
};

// Where the name servers are: a static "host:port;host:port" list, or an MQCloud resolver URL
// (`http://<domain>/rocketmq/nsaddr-<clusterId>`) whose body is such a list. The HTTP answer is
// refreshed periodically; the last good one is kept on disk and used when the resolver fails,
// so a console can still start while MQCloud's web tier is down.
class NameServerResolver : public QObject {
    Q_OBJECT
public:
    explicit NameServerResolver(QString source, ResolverOptions options = {}, QObject *parent = nullptr);
    ~NameServerResolver() override;

    // "h:p;h:p" (whitespace and empty entries ignored) -> addresses; `origin` names the source in errors.
    static Result<QStringList> parseList(QByteArrayView text, const QString &origin);
    static bool isResolverUrl(const QString &source);
    static QString defaultCacheFile(const QString &url);

    const QString &source() const { return m_source; }
    bool isHttp() const { return m_http; }
    const ResolverOptions &options() const { return m_options; }
    // The addresses in use: static list, latest HTTP answer, or the on-disk snapshot.
    const QStringList &addresses() const { return m_addresses; }
    bool usingSnapshot() const { return m_usingSnapshot; }
    const Error &lastError() const { return m_lastError; }

    // Current addresses after trying the source now: a fetch for HTTP, falling back to the last
    // good answer (this session's, else the snapshot on disk). Error only when there is nothing.
    QCoro::Task<Result<QStringList>> resolve();
    // One HTTP fetch, no fallback: what the resolver answers right now.
    QCoro::Task<Result<QStringList>> fetch();

    void startRefresh(); // periodic resolve() for HTTP sources; no-op for static lists
    void stopRefresh();

Q_SIGNALS:
    void addressesChanged(const QStringList &addresses);
    // A fetch failed; `message` names the URL and what came back. Old addresses stay in use.
    void resolveFailed(const QString &message);

private:
    void adopt(const QStringList &addresses, bool fromSnapshot);
    Result<QStringList> readSnapshot() const;
    void writeSnapshot(const QStringList &addresses) const;
    QString cacheFile() const;

    QString m_source;
    ResolverOptions m_options;
    bool m_http = false;
    QStringList m_addresses;
    bool m_usingSnapshot = false;
    bool m_haveFreshAnswer = false;
    bool m_refreshing = false;
    Error m_lastError{Error::Code::Resolver, {}};
    QNetworkAccessManager *m_network = nullptr;
    QTimer m_refreshTimer;
};

} // namespace mq
