#include "Application.h"
#include "HeapTuning.h"

#include "Icons.h"
#include "Language.h"
#include "Log.h"
#include "MainWindow.h"
#include "ScreenshotTour.h"
#include "SecretStore.h"
#include "Session.h"
#include "StartupProbe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

static void initMqdeskResources()
{
    Q_INIT_RESOURCE(mqdesk);
}

namespace mq::gui {

void initResources()
{
    initMqdeskResources();
}

namespace {
void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("MQCloud"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("mqcloud.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("mqdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MQDESK_VERSION));
}

// The language must be known before the parser's help text is built: peek at --lang.
QString requestedLanguage(const QStringList &args, const QSettings &settings)
{
    QString lang = settings.value(QStringLiteral("ui/language"), QStringLiteral("system")).toString();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--lang") && i + 1 < args.size())
            lang = args.at(i + 1);
        else if (args.at(i).startsWith(QLatin1String("--lang=")))
            lang = args.at(i).mid(7);
    }
    return lang;
}

struct Options {
    QCommandLineOption sandbox{
        QStringLiteral("sandbox"),
        QCoreApplication::translate("main", "Start the embedded sandbox cluster and connect to it.")};
    QCommandLineOption profile{QStringLiteral("profile"),
                               QCoreApplication::translate("main", "Connect with the profile <name>."),
                               QCoreApplication::translate("main", "name")};
    QCommandLineOption lang{QStringLiteral("lang"),
                            QCoreApplication::translate("main", "User interface language: en or zh_CN."),
                            QCoreApplication::translate("main", "language")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QStringLiteral("Save a picture of every panel to <dir> and quit."),
                                  QStringLiteral("dir")};
    QCommandLineOption measureStartup{
        QStringLiteral("measure-startup"),
        QCoreApplication::translate("main", "Print the time from process start to the main window shown, then quit.")};
};

void describe(QCommandLineParser &parser, Options &o)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Desktop console for RocketMQ and MQCloud: send, watch, query and inspect messages."));
    parser.addHelpOption();
    parser.addVersionOption();
    o.screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({o.sandbox, o.profile, o.lang, o.screenshot, o.measureStartup});
}

// --help and --version need no display: answer them without starting the GUI.
bool onlyAsksForHelp(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version" || a == "-?")
            return true;
    }
    return false;
}
} // namespace

int runApplication(int argc, char *argv[])
{
    if (onlyAsksForHelp(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        QSettings settings;
        Language language;
        language.apply(requestedLanguage(QCoreApplication::arguments(), settings));
        QCommandLineParser parser;
        Options options;
        describe(parser, options);
        parser.process(app); // prints and exits
        return 0;
    }

    keepLargeAllocationsOutOfTheHeap();
    QApplication::setAttribute(Qt::AA_DontShowIconsInMenus, false);
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("MQCloud Desk"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.mqcloud.mqdesk"));
    initResources();
    QApplication::setWindowIcon(appIcon());

    QSettings settings;
    Language language;
    language.apply(requestedLanguage(QApplication::arguments(), settings));

    QCommandLineParser parser;
    Options options;
    describe(parser, options);
    parser.process(app);
    const QCommandLineOption &sandboxOption = options.sandbox;
    const QCommandLineOption &profileOption = options.profile;
    const QCommandLineOption &langOption = options.lang;
    const QCommandLineOption &screenshotOption = options.screenshot;
    if (parser.isSet(langOption) && !Language::available().contains(parser.value(langOption))) {
        qCWarning(lcGui).noquote() << QCoreApplication::translate("main", "Unknown language %1; available: %2")
                                          .arg(parser.value(langOption),
                                               Language::available().join(QStringLiteral(", ")));
    }

    KeychainSecretStore secrets;
    MainWindow::Context context{&settings, &secrets, &language, defaultSessionFactory(), {}};
    MainWindow window(context);
    if (parser.isSet(options.measureStartup))
        new StartupProbe(&window);
    window.show();

    QString profile;
    if (parser.isSet(sandboxOption))
        profile = ConnectionProfile::sandboxName();
    else if (parser.isSet(profileOption))
        profile = parser.value(profileOption);
    if (!profile.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, profile] {
            if (!window.connectToProfile(profile))
                qCWarning(lcGui).noquote() << QCoreApplication::translate("main", "No profile named %1.").arg(profile);
        });
    }
    if (parser.isSet(screenshotOption)) {
        auto *tour = new ScreenshotTour(&window, parser.value(screenshotOption), language.current(), &window);
        QTimer::singleShot(0, tour, &ScreenshotTour::start);
    }
    return app.exec();
}

} // namespace mq::gui
