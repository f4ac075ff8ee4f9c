// `mqdesk-cli sandbox`: a name server and broker(s) in this process until SIGINT/SIGTERM.
#include "CliCommand.h"

#include "Broker.h"
#include "NameServer.h"
#include "Sandbox.h"

#include <QCommandLineParser>
#include <QCoro/QCoroSignal>
#include <QDir>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <csignal>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

// Turns SIGINT / SIGTERM into a Qt signal: the handler only writes a byte to a socket pair
// (async-signal-safe); the event loop reads it.
class StopSignals : public QObject {
    Q_OBJECT

public:
    StopSignals()
    {
#ifdef Q_OS_UNIX
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_fds) == 0) {
            m_notifier = new QSocketNotifier(s_fds[1], QSocketNotifier::Read, this);
            connect(m_notifier, &QSocketNotifier::activated, this, [this] {
                char c;
                [[maybe_unused]] auto n = ::read(s_fds[1], &c, 1);
                Q_EMIT stopRequested();
            });
        }
#else
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [this] {
            if (s_flag.exchange(false))
                Q_EMIT stopRequested();
        });
        poll->start(200);
#endif
        std::signal(SIGINT, &StopSignals::onSignal);
        std::signal(SIGTERM, &StopSignals::onSignal);
    }
    ~StopSignals() override
    {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }

Q_SIGNALS:
    void stopRequested();

private:
    static void onSignal(int)
    {
#ifdef Q_OS_UNIX
        const char c = 1;
        [[maybe_unused]] auto n = ::write(s_fds[0], &c, 1);
#else
        s_flag = true;
#endif
    }
    QSocketNotifier *m_notifier = nullptr;
    static inline int s_fds[2] = {-1, -1};
    static inline std::atomic<bool> s_flag{false};
};

QCoro::Task<int> runSandbox(QStringList args)
{
    QTextStream out(stdout), err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs an embedded RocketMQ name server and broker until interrupted (Ctrl+C)."));
    parser.addHelpOption();
    const QCommandLineOption nsPort({QStringLiteral("namesrv-port")}, QStringLiteral("Name server port (0: any)."),
                                    QStringLiteral("port"), QStringLiteral("9876"));
    const QCommandLineOption brokerPort({QStringLiteral("broker-port")},
                                        QStringLiteral("Broker port; further brokers use the next ports (0: any)."),
                                        QStringLiteral("port"), QStringLiteral("10911"));
    const QCommandLineOption data({QStringLiteral("data")},
                                  QStringLiteral("Directory for the commit log and offsets (default: in memory)."),
                                  QStringLiteral("dir"));
    const QCommandLineOption listen({QStringLiteral("listen")},
                                    QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                    QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption brokerName({QStringLiteral("broker-name")}, QStringLiteral("Broker name."),
                                        QStringLiteral("name"), QStringLiteral("broker-a"));
    const QCommandLineOption cluster({QStringLiteral("cluster")}, QStringLiteral("Cluster name."),
                                     QStringLiteral("name"), QStringLiteral("DefaultCluster"));
    const QCommandLineOption brokers({QStringLiteral("brokers")}, QStringLiteral("Number of brokers (default 1)."),
                                     QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption noAutoCreate({QStringLiteral("no-auto-create-topic")},
                                          QStringLiteral("Refuse sends to topics nobody created."));
    parser.addOptions({nsPort, brokerPort, data, listen, brokerName, cluster, brokers, noAutoCreate});
    if (!parser.parse(args)) {
        err << parser.errorText() << "\n";
        co_return mq::cli::ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        co_return mq::cli::ExitOk;
    }

    mq::sandbox::SandboxOptions options;
    bool ok1 = false, ok2 = false, ok3 = false;
    options.nameServerPort = quint16(parser.value(nsPort).toUInt(&ok1));
    options.broker.port = quint16(parser.value(brokerPort).toUInt(&ok2));
    options.brokerCount = parser.value(brokers).toInt(&ok3);
    if (!ok1 || !ok2 || parser.value(nsPort).toUInt() > 65535 || parser.value(brokerPort).toUInt() > 65535) {
        err << "mqdesk-cli sandbox: ports must be numbers from 0 to 65535\n";
        co_return mq::cli::ExitUsage;
    }
    if (!ok3 || options.brokerCount < 1 || options.brokerCount > 16) {
        err << "mqdesk-cli sandbox: --brokers must be 1..16\n";
        co_return mq::cli::ExitUsage;
    }
    if (!options.listenAddress.setAddress(parser.value(listen))) {
        err << "mqdesk-cli sandbox: not an IP address: " << parser.value(listen) << "\n";
        co_return mq::cli::ExitUsage;
    }
    options.broker.brokerName = parser.value(brokerName);
    options.broker.clusterName = parser.value(cluster);
    options.broker.autoCreateTopicEnable = !parser.isSet(noAutoCreate);
    if (parser.isSet(data))
        options.broker.dataDir = QDir(parser.value(data)).absolutePath();

    StopSignals stopSignals;
    mq::sandbox::Sandbox sandbox(options);
    if (auto started = sandbox.start(); !started) {
        err << "mqdesk-cli sandbox: " << started.error().message << "\n";
        co_return mq::cli::ExitFailure;
    }
    out << "name server " << sandbox.nameServerAddress() << "\n";
    for (int i = 0; i < sandbox.brokerCount(); ++i)
        out << "broker " << sandbox.broker(i)->options().brokerName << " " << sandbox.brokerAddress(i) << " cluster "
            << options.broker.clusterName << "\n";
    out << "data " << (options.broker.dataDir.isEmpty() ? QStringLiteral("(in memory)") : options.broker.dataDir)
        << "\n";
    out << "running; press Ctrl+C to stop\n";
    out.flush();

    co_await qCoro(&stopSignals, &StopSignals::stopRequested);
    sandbox.stop();
    out << "stopped\n";
    co_return mq::cli::ExitOk;
}

const mq::cli::Registrar registrar({QStringLiteral("sandbox"),
                                    QStringLiteral("Run an embedded name server and broker (for trying things out)"),
                                    runSandbox});

} // namespace

#include "CmdSandbox.moc"
