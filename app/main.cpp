#include "app/studio.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("cio-studio"));
    QApplication::setOrganizationName(QStringLiteral("cio-studio"));
    QApplication::setApplicationVersion(QStringLiteral(CIO_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.cio_studio.cio-studio"));

    // Our debug logging is opt-in (QT_LOGGING_RULES="cio.*.debug=true").
    QLoggingCategory::setFilterRules(QStringLiteral("cio.*.debug=false"));

    cio::app::Studio studio;
    QString error;
    if (!studio.start(QApplication::arguments(), &error)) {
        QTextStream(stderr) << error << '\n';
        return 2;
    }
    return QApplication::exec();
}
