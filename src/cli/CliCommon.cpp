#include "CliCommon.h"

#include <QJsonDocument>

namespace mq::cli {

namespace {

const QString kNamesrv = QStringLiteral("namesrv");
const QString kResolver = QStringLiteral("resolver");
const QString kAccessKey = QStringLiteral("access-key");
const QString kSecretKey = QStringLiteral("secret-key");
const QString kTls = QStringLiteral("tls");
const QString kTlsInsecure = QStringLiteral("tls-insecure");
const QString kTimeout = QStringLiteral("timeout");
const QString kGroup = QStringLiteral("group");
const QString kJson = QStringLiteral("json");

Error usageError(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, message);
}

} // namespace

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

void addConnectionOptions(QCommandLineParser &parser, const QString &defaultGroup)
{
    parser.addHelpOption();
    parser.addOption({{QStringLiteral("n"), kNamesrv},
                      QStringLiteral("Name servers, \"host:port;host:port\" (default: $NAMESRV_ADDR)."),
                      QStringLiteral("list")});
    parser.addOption({kResolver,
                      QStringLiteral("MQCloud name-server resolver URL, e.g. http://<domain>/rocketmq/nsaddr-<id>."),
                      QStringLiteral("url")});
    parser.addOption({kAccessKey, QStringLiteral("ACL access key (with --secret-key)."), QStringLiteral("key")});
    parser.addOption({kSecretKey, QStringLiteral("ACL secret key (with --access-key)."), QStringLiteral("key")});
    parser.addOption({kTls, QStringLiteral("Connect with TLS.")});
    parser.addOption(
        {kTlsInsecure,
         QStringLiteral("With --tls: do not verify the server certificate (self-signed clusters; insecure).")});
    parser.addOption({kTimeout, QStringLiteral("Timeout per operation in milliseconds (default 3000)."),
                      QStringLiteral("ms"), QStringLiteral("3000")});
    if (!defaultGroup.isEmpty())
        parser.addOption({{QStringLiteral("g"), kGroup},
                          QStringLiteral("Client group (default %1).").arg(defaultGroup),
                          QStringLiteral("group"),
                          defaultGroup});
    parser.addOption({kJson, QStringLiteral("Print JSON (one object per line) instead of text.")});
}

std::optional<int> parseOrExit(QCommandLineParser &parser, const QStringList &args)
{
    const bool json = args.contains(QStringLiteral("--json"));
    if (!parser.parse(args))
        return usage(args.value(0), parser.errorText(), json);
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return ExitOk;
    }
    return std::nullopt;
}

Result<ConnectionArgs> readConnectionOptions(const QCommandLineParser &parser, bool withGroup)
{
    ConnectionArgs a;
    a.json = parser.isSet(kJson);
    if (parser.isSet(kNamesrv) && parser.isSet(kResolver))
        return usageError(QStringLiteral("give either --namesrv or --resolver, not both"));
    if (parser.isSet(kResolver)) {
        a.config.nameServer = parser.value(kResolver).trimmed();
        if (!NameServerResolver::isResolverUrl(a.config.nameServer))
            return usageError(
                QStringLiteral("--resolver needs an http:// or https:// URL, got \"%1\"").arg(a.config.nameServer));
    } else {
        a.config.nameServer = parser.isSet(kNamesrv) ? parser.value(kNamesrv) : qEnvironmentVariable("NAMESRV_ADDR");
        if (a.config.nameServer.trimmed().isEmpty())
            return usageError(QStringLiteral("no name server: give --namesrv host:port, --resolver URL, or set "
                                             "NAMESRV_ADDR"));
        if (NameServerResolver::isResolverUrl(a.config.nameServer)) {
            // An URL is a resolver wherever it was given.
        } else if (auto list = NameServerResolver::parseList(a.config.nameServer.toUtf8(), QStringLiteral("--namesrv"));
                   !list) {
            return usageError(list.error().message);
        }
    }
    a.config.accessKey = parser.value(kAccessKey);
    a.config.secretKey = parser.value(kSecretKey);
    if (a.config.accessKey.isEmpty() != a.config.secretKey.isEmpty())
        return usageError(QStringLiteral("--access-key and --secret-key go together"));
    a.config.tls = parser.isSet(kTls);
    a.config.tlsVerifyPeer = !parser.isSet(kTlsInsecure);
    if (!a.config.tlsVerifyPeer && !a.config.tls)
        return usageError(QStringLiteral("--tls-insecure needs --tls"));
    if (!a.config.tlsVerifyPeer)
        err() << "warning: --tls-insecure: the server certificate is not verified\n" << Qt::flush;
    bool ok = false;
    const int ms = parser.value(kTimeout).toInt(&ok);
    if (!ok || ms <= 0)
        return usageError(QStringLiteral("--timeout must be a positive number of milliseconds, got \"%1\"")
                              .arg(parser.value(kTimeout)));
    a.timeout = std::chrono::milliseconds(ms);
    a.config.requestTimeout = a.timeout;
    a.config.connectTimeout = std::min(a.timeout, a.config.connectTimeout);
    a.config.resolver.httpTimeout = a.timeout;
    if (withGroup)
        a.group = parser.value(kGroup).trimmed();
    return a;
}

QString errorCodeName(Error::Code code)
{
    switch (code) {
    case Error::Code::Truncated: return QStringLiteral("Truncated");
    case Error::Code::FrameTooLarge: return QStringLiteral("FrameTooLarge");
    case Error::Code::MalformedFrame: return QStringLiteral("MalformedFrame");
    case Error::Code::MalformedHeader: return QStringLiteral("MalformedHeader");
    case Error::Code::MalformedBody: return QStringLiteral("MalformedBody");
    case Error::Code::ChecksumMismatch: return QStringLiteral("ChecksumMismatch");
    case Error::Code::Unsupported: return QStringLiteral("Unsupported");
    case Error::Code::InvalidArgument: return QStringLiteral("InvalidArgument");
    case Error::Code::Network: return QStringLiteral("Network");
    case Error::Code::Timeout: return QStringLiteral("Timeout");
    case Error::Code::Broker: return QStringLiteral("Broker");
    case Error::Code::Resolver: return QStringLiteral("Resolver");
    case Error::Code::NotFound: return QStringLiteral("NotFound");
    case Error::Code::Cancelled: return QStringLiteral("Cancelled");
    }
    return QStringLiteral("Unknown");
}

int exitCodeFor(const Error &error)
{
    switch (error.code) {
    case Error::Code::InvalidArgument: return ExitUsage;
    case Error::Code::Network:
    case Error::Code::Timeout:
    case Error::Code::Resolver:
    case Error::Code::Cancelled: return ExitConnection;
    case Error::Code::Broker: return ExitBrokerRefused;
    case Error::Code::NotFound: return ExitNotFound;
    default: return ExitFailure;
    }
}

int fail(const QString &command, const Error &error, bool json)
{
    const int code = exitCodeFor(error);
    if (json) {
        QJsonObject e{{QStringLiteral("code"), errorCodeName(error.code)},
                      {QStringLiteral("message"), error.message},
                      {QStringLiteral("exitCode"), code}};
        if (error.code == Error::Code::Broker)
            e.insert(QStringLiteral("brokerCode"), error.brokerCode);
        printJson(QJsonObject{{QStringLiteral("error"), e}});
    } else {
        err() << command << ": " << error.message << "\n";
        err().flush();
    }
    return code;
}

int usage(const QString &command, const QString &message, bool json)
{
    fail(command, makeError(Error::Code::InvalidArgument, message), json);
    if (!json)
        err() << "(" << command << " --help shows the options)\n";
    err().flush();
    return ExitUsage;
}

void printJson(const QJsonObject &object)
{
    out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << "\n";
    out().flush();
}

QString tableRow(std::initializer_list<Cell> cells)
{
    QStringList padded;
    for (const Cell &cell : cells)
        padded << cell.text.leftJustified(cell.width);
    return padded.join(u' ') + u'\n';
}

} // namespace mq::cli
