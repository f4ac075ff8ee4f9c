#include "NameServerResolver.h"

#include <QCoro/QCoroNetworkReply>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace mq {

namespace {

constexpr qint64 kMaxBodyBytes = 64 * 1024;

// What came back, quoted for an error message: the first bytes, control characters escaped.
QString quoteStart(QByteArrayView bytes, int limit = 60)
{
    QString out;
    for (char c : bytes.first(std::min<qsizetype>(bytes.size(), limit))) {
        const auto u = uchar(c);
        if (c == '\n')
            out += QStringLiteral("\\n");
        else if (c == '\r')
            out += QStringLiteral("\\r");
        else if (u < 0x20 || u == 0x7f)
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
        else
            out += QLatin1Char(c);
    }
    if (bytes.size() > limit)
        out += QStringLiteral("...");
    return QStringLiteral("\"%1\"").arg(out);
}

bool plausibleAddress(const QString &entry)
{
    // host:port with a DNS name, IPv4, or [IPv6]; the port 1..65535.
    static const QRegularExpression re(
        QStringLiteral("^(?:\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})):([0-9]{1,5})$"));
    const auto m = re.match(entry);
    if (!m.hasMatch())
        return false;
    const int port = m.captured(1).toInt();
    return port > 0 && port <= 65535;
}

} // namespace

NameServerResolver::NameServerResolver(QString source, ResolverOptions options, QObject *parent)
    : QObject(parent)
    , m_source(source.trimmed())
    , m_options(std::move(options))
    , m_http(isResolverUrl(m_source))
{
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_refreshing)
            return;
        auto task = resolve(); // detached; the result reaches us through adopt()/signals
    });
    if (!m_http) {
        auto parsed = parseList(m_source.toUtf8(), QStringLiteral("name-server list"));
        if (parsed)
            m_addresses = *parsed;
        else
            m_lastError = parsed.error();
    }
}

NameServerResolver::~NameServerResolver() = default;

bool NameServerResolver::isResolverUrl(const QString &source)
{
    const QString s = source.trimmed();
    return s.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
           s.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

QString NameServerResolver::defaultCacheFile(const QString &url)
{
    const QByteArray digest = QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/nameservers-%1.txt").arg(QString::fromLatin1(digest));
}

Result<QStringList> NameServerResolver::parseList(QByteArrayView text, const QString &origin)
{
    const QString body = QString::fromUtf8(text).trimmed();
    if (body.isEmpty())
        return makeError(Error::Code::Resolver, QStringLiteral("%1 is empty: no name-server address").arg(origin));
    QStringList out;
    for (const QString &raw : body.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        if (!plausibleAddress(entry))
            return makeError(Error::Code::Resolver,
                             QStringLiteral("%1 is not a host:port;host:port list: %2 (bad entry %3)")
                                 .arg(origin, quoteStart(text), quoteStart(entry.toUtf8())));
        if (!out.contains(entry))
            out.append(entry);
    }
    if (out.isEmpty())
        return makeError(Error::Code::Resolver,
                         QStringLiteral("%1 holds no name-server address: %2").arg(origin, quoteStart(text)));
    return out;
}

QString NameServerResolver::cacheFile() const
{
    return m_options.cacheFile.isEmpty() ? defaultCacheFile(m_source) : m_options.cacheFile;
}

QCoro::Task<Result<QStringList>> NameServerResolver::fetch()
{
    if (!m_http)
        co_return m_addresses.isEmpty() ? Result<QStringList>(m_lastError) : Result<QStringList>(m_addresses);
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request{QUrl(m_source)};
    request.setTransferTimeout(int(m_options.httpTimeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QPointer<QNetworkReply> reply = m_network->get(request);
    co_await reply.get();
    if (!reply)
        co_return makeError(Error::Code::Cancelled, QStringLiteral("resolver %1: request abandoned").arg(m_source));
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->isOpen() ? reply->read(kMaxBodyBytes) : QByteArray();
    const auto error = reply->error();
    if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError)
        co_return makeError(
            Error::Code::Resolver,
            QStringLiteral("resolver %1 did not answer within %2 ms").arg(m_source).arg(m_options.httpTimeout.count()));
    if (status != 0 && status != 200)
        co_return makeError(
            Error::Code::Resolver,
            QStringLiteral("resolver %1 answered HTTP %2: %3").arg(m_source).arg(status).arg(quoteStart(body)));
    if (error != QNetworkReply::NoError)
        co_return makeError(Error::Code::Resolver,
                            QStringLiteral("resolver %1 unreachable: %2").arg(m_source, reply->errorString()));
    if (!reply->atEnd())
        co_return makeError(Error::Code::Resolver, QStringLiteral("resolver %1 answered more than %2 bytes: %3")
                                                       .arg(m_source)
                                                       .arg(kMaxBodyBytes)
                                                       .arg(quoteStart(body)));
    co_return parseList(body, QStringLiteral("the answer of resolver %1").arg(m_source));
}

QCoro::Task<Result<QStringList>> NameServerResolver::resolve()
{
    if (!m_http)
        co_return m_addresses.isEmpty() ? Result<QStringList>(m_lastError) : Result<QStringList>(m_addresses);
    QPointer<NameServerResolver> self(this);
    m_refreshing = true;
    auto fetched = co_await fetch();
    if (!self)
        co_return fetched;
    m_refreshing = false;
    if (fetched) {
        m_haveFreshAnswer = true;
        writeSnapshot(*fetched);
        adopt(*fetched, false);
        co_return fetched;
    }
    m_lastError = fetched.error();
    if (!m_haveFreshAnswer) {
        if (auto snapshot = readSnapshot())
            adopt(*snapshot, true);
    }
    Q_EMIT resolveFailed(fetched.error().message);
    if (m_addresses.isEmpty())
        co_return fetched.error();
    co_return QStringList(m_addresses); // a copy: QCoro moves from an lvalue given to co_return
}

void NameServerResolver::adopt(const QStringList &addresses, bool fromSnapshot)
{
    m_usingSnapshot = fromSnapshot;
    if (addresses == m_addresses)
        return;
    m_addresses = addresses;
    Q_EMIT addressesChanged(m_addresses);
}

Result<QStringList> NameServerResolver::readSnapshot() const
{
    // Two lines: the resolver URL (so a shared path never serves another cluster's list), the list.
    QFile file(cacheFile());
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound, QStringLiteral("no snapshot at %1").arg(file.fileName()));
    const QList<QByteArray> lines = file.read(kMaxBodyBytes).split('\n');
    if (lines.size() < 2 || QString::fromUtf8(lines[0]).trimmed() != m_source)
        return makeError(Error::Code::NotFound,
                         QStringLiteral("snapshot %1 belongs to another resolver").arg(file.fileName()));
    return parseList(lines[1], QStringLiteral("snapshot %1").arg(file.fileName()));
}

void NameServerResolver::writeSnapshot(const QStringList &addresses) const
{
    const QString path = cacheFile();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return; // a console without a writable cache still works, it just cannot fall back
    file.write(m_source.toUtf8() + '\n' + addresses.join(QLatin1Char(';')).toUtf8() + '\n');
    file.commit();
}

void NameServerResolver::startRefresh()
{
    if (!m_http)
        return;
    m_refreshTimer.start(m_options.refreshInterval);
}

void NameServerResolver::stopRefresh()
{
    m_refreshTimer.stop();
}

} // namespace mq
