#include "liquid/webengine.h"

#include <QCoreApplication>
#include <QStringList>
#include <QWebEngineUrlScheme>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

namespace cio::webengine {

void prepareBeforeApplication()
{
#ifdef Q_OS_LINUX
    // Platform code (Linux): Chromium refuses to start its sandbox as root and then shows nothing at
    // all. Containers and CI run as root; there the sandbox is off, as Qt documents.
    if (::geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
#endif
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QWebEngineUrlScheme scheme{QByteArray(PreviewScheme)};
    // A rendered email is treated like any remote page: no local-file access, no secure-context
    // privileges (which would make Chromium rewrite an email's http images), its own origin.
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Path);
    scheme.setFlags({});
    QWebEngineUrlScheme::registerScheme(scheme);
}

namespace {

QtMessageHandler s_previousHandler = nullptr;

bool isStartupReport(const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "qt.webenginecontext") == 0)
        return true;
    static const QStringList starts{QStringLiteral("WebEngineContext used before"),
                                    QStringLiteral("No suitable graphics backend found"),
                                    QStringLiteral("Sandboxing disabled by user")};
    for (const QString &start : starts) {
        if (message.startsWith(start))
            return true;
    }
    return false;
}

void filterStartupReport(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtCriticalMsg && type != QtFatalMsg && isStartupReport(context, message))
        return;
    if (s_previousHandler)
        s_previousHandler(type, context, message);
}

} // namespace

void quietStartupReport()
{
    s_previousHandler = qInstallMessageHandler(filterStartupReport);
}

} // namespace cio::webengine
