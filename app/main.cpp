#include "app/studio.h"
#include "liquid/webengine.h"
#include "translations/i18n.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QTextStream>

int main(int argc, char *argv[])
{
    cio::webengine::prepareBeforeApplication();
    QApplication app(argc, argv);
    cio::i18n::installTranslations();
    QApplication::setApplicationName(QStringLiteral("cio-studio"));
    QApplication::setOrganizationName(QStringLiteral("cio-studio"));
    QApplication::setApplicationVersion(QStringLiteral(CIO_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.cio_studio.cio-studio"));

    // Our debug logging is opt-in (QT_LOGGING_RULES="cio.*.debug=true").
    QLoggingCategory::setFilterRules(QStringLiteral("cio.*.debug=false"));

    int result = 0;
    {
        cio::app::Studio studio;
        QString error;
        if (!studio.start(QApplication::arguments(), &error)) {
            QTextStream(stderr) << error << '\n';
            return 2;
        }
        result = QApplication::exec();
    }
    // The window and its workspace sessions (their previews and Liquid engines) went with the scope above,
    // before the application object, as WebEngine wants.
    return result;
}
