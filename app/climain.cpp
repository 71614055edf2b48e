#include "app/cli/cli.h"
#include "liquid/webengine.h"
#include "translations/i18n.h"

#include <QGuiApplication>

int main(int argc, char *argv[])
{
    // Liquid renders in a headless WebEngine page, which needs a GUI application object; the offscreen
    // platform needs no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    cio::webengine::prepareBeforeApplication();
    bool verbose = false;
    for (int i = 1; i < argc; ++i)
        verbose = verbose || qstrcmp(argv[i], "--verbose") == 0;
    if (!verbose)
        cio::webengine::quietStartupReport();
    QGuiApplication app(argc, argv);
    cio::i18n::installTranslations();
    QCoreApplication::setApplicationName(QStringLiteral("cio-studio-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("cio-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CIO_VERSION));

    cio::app::Cli cli;
    QObject::connect(&cli, &cio::app::Cli::finished, &app, [](int code) { QCoreApplication::exit(code); });
    cli.run(QCoreApplication::arguments());
    // The CLI (and its session's Liquid engine) goes before the application object, as WebEngine wants.
    return QCoreApplication::exec();
}
