// cio-sandbox: runs the local App API test double until killed.
#include "sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

int failWith(const QString &message)
{
    QTextStream(stderr) << "cio-sandbox: " << message << Qt::endl;
    return 1;
}

bool readInt(const QCommandLineParser &parser, const QString &name, int minimum, int *value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    *value = parser.value(name).toInt(&ok);
    return ok && *value >= minimum;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cio-sandbox"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Local HTTP server that behaves like the Customer.io App API (/v1/...)."));
    parser.addHelpOption();
    const auto opt = [&](const char *name, const char *help, const char *valueName) {
        parser.addOption(QCommandLineOption(QLatin1String(name), QString::fromLatin1(help),
                                            QString::fromLatin1(valueName)));
    };
    opt("host", "Address to listen on (default 127.0.0.1).", "host");
    opt("port", "Port to listen on; 0 picks a free one (default 0).", "port");
    opt("data", "Folder with the JSON data set (default: built-in demo workspace).", "path");
    opt("api-key",
        "App API key clients must send as Bearer token (default: $CIO_SANDBOX_API_KEY "
        "or \"sandbox\").",
        "key");
    opt("rate-limit", "Accepted requests per second; 0 = unlimited (default 10).", "n");
    opt("latency-ms", "Delay added to every response (default 0).", "ms");
    opt("archived-quota", "Archived-message requests per API key per day (default 100).", "n");
    opt("faults", "Fault specification, e.g. \"503*2,latency=100@/v1/snippets\".", "spec");
    opt("seed", "Seed for probabilistic faults (default 1).", "n");
    parser.addOption(QCommandLineOption(QStringLiteral("allow-remote"),
                                        QStringLiteral("Allow listening on a non-loopback address.")));
    parser.process(app);

    cio::sandbox::Options options;
    if (parser.isSet(QStringLiteral("host"))) {
        QString host = parser.value(QStringLiteral("host"));
        if (host == QLatin1String("localhost"))
            host = QStringLiteral("127.0.0.1");
        options.host = QHostAddress(host);
        if (options.host.isNull())
            return failWith(QStringLiteral("invalid --host %1").arg(host));
    }
    if (!options.host.isLoopback() && !parser.isSet(QStringLiteral("allow-remote")))
        return failWith(QStringLiteral("refusing to listen on non-loopback %1 without --allow-remote")
                            .arg(options.host.toString()));
    int port = 0;
    int seed = 1;
    if (!readInt(parser, QStringLiteral("port"), 0, &port) || port > 65535)
        return failWith(QStringLiteral("--port needs a number from 0 to 65535"));
    if (!readInt(parser, QStringLiteral("rate-limit"), 0, &options.rateLimit))
        return failWith(QStringLiteral("--rate-limit needs a number >= 0"));
    if (!readInt(parser, QStringLiteral("latency-ms"), 0, &options.latencyMs))
        return failWith(QStringLiteral("--latency-ms needs a number >= 0"));
    if (!readInt(parser, QStringLiteral("archived-quota"), 0, &options.archivedMessageQuota))
        return failWith(QStringLiteral("--archived-quota needs a number >= 0"));
    if (!readInt(parser, QStringLiteral("seed"), 0, &seed))
        return failWith(QStringLiteral("--seed needs a number >= 0"));
    options.port = quint16(port);
    options.seed = quint32(seed);
    options.dataPath = parser.value(QStringLiteral("data"));
    options.faults = parser.value(QStringLiteral("faults"));
    const QString envKey = qEnvironmentVariable("CIO_SANDBOX_API_KEY");
    if (parser.isSet(QStringLiteral("api-key")))
        options.apiKey = parser.value(QStringLiteral("api-key"));
    else if (!envKey.isEmpty())
        options.apiKey = envKey;

    cio::sandbox::Server server;
    QString error;
    if (!server.start(options, &error))
        return failWith(error);
    // Exactly one line on stdout: scripts and tests wait for it to learn the port.
    QTextStream(stdout) << "cio-sandbox listening on " << server.url().toString() << Qt::endl;
    std::fflush(stdout);
    return app.exec();
}
