#include "app/cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cio-studio-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("cio-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CIO_VERSION));

    cio::app::Cli cli;
    QObject::connect(&cli, &cio::app::Cli::finished, &app, [](int code) { QCoreApplication::exit(code); });
    cli.run(QCoreApplication::arguments());
    return QCoreApplication::exec();
}
