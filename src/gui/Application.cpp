#include "Application.h"

#include "Icons.h"
#include "Language.h"
#include "Log.h"
#include "MainWindow.h"
#include "ScreenshotTour.h"
#include "SecretStore.h"
#include "Session.h"

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

int runApplication(int argc, char *argv[])
{
    QApplication::setAttribute(Qt::AA_DontShowIconsInMenus, false);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MQCloud"));
    QApplication::setOrganizationDomain(QStringLiteral("mqcloud.github.io"));
    QApplication::setApplicationName(QStringLiteral("mqdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("MQCloud Desk"));
    QApplication::setApplicationVersion(QStringLiteral(MQDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.mqcloud.mqdesk"));
    initResources();
    QApplication::setWindowIcon(appIcon());

    QSettings settings;
    Language language;
    // The language must be known before the parser's help text is built; peek at --lang.
    QString lang = settings.value(QStringLiteral("ui/language"), QStringLiteral("system")).toString();
    const QStringList args = QApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--lang") && i + 1 < args.size())
            lang = args.at(i + 1);
        else if (args.at(i).startsWith(QLatin1String("--lang=")))
            lang = args.at(i).mid(7);
    }
    language.apply(lang);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Desktop console for RocketMQ and MQCloud: send, watch, query and inspect messages."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(
        QStringLiteral("sandbox"),
        QCoreApplication::translate("main", "Start the embedded sandbox cluster and connect to it."));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QCoreApplication::translate("main", "Connect with the profile <name>."),
                                           QCoreApplication::translate("main", "name"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QCoreApplication::translate("main", "User interface language: en or zh_CN."),
                                        QCoreApplication::translate("main", "language"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a picture of every panel to <dir> and quit."),
                                        QStringLiteral("dir"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({sandboxOption, profileOption, langOption, screenshotOption});
    parser.process(app);
    if (parser.isSet(langOption) && !Language::available().contains(parser.value(langOption))) {
        qCWarning(lcGui).noquote() << QCoreApplication::translate("main", "Unknown language %1; available: %2")
                                          .arg(parser.value(langOption),
                                               Language::available().join(QStringLiteral(", ")));
    }

    KeychainSecretStore secrets;
    MainWindow::Context context{&settings, &secrets, &language, defaultSessionFactory(), {}};
    MainWindow window(context);
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
