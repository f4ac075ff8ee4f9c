// `mqdesk-cli sandbox`: a name server and broker(s) in this process until SIGINT/SIGTERM.
#include "CliCommand.h"
#include "StopSignals.h"

#include "Broker.h"
#include "NameServer.h"
#include "Sandbox.h"

#include <QCommandLineParser>
#include <QCoro/QCoroSignal>
#include <QDir>
#include <QTextStream>

namespace {

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

    mq::cli::StopSignals stopSignals;
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

    co_await qCoro(&stopSignals, &mq::cli::StopSignals::stopRequested);
    sandbox.stop();
    out << "stopped\n";
    co_return mq::cli::ExitOk;
}

const mq::cli::Registrar registrar({QStringLiteral("sandbox"),
                                    QStringLiteral("Run an embedded name server and broker (for trying things out)"),
                                    runSandbox});

} // namespace
