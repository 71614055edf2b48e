// Benchmark: `cio-studio-cli sync` against `cio-sandbox --latency-ms 30` (separate processes, as a user
// runs them). Prints requests made, 429s received, elapsed time, and elapsed ÷ (requests ÷ 10 s):
// 1.00 means the sync ran exactly as fast as the 10 requests/second limit allows.
//
// Usage: bench_sync [--latency-ms N] [--runs N]   (finds the binaries next to itself in the build tree)
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>
#include <QThread>

#include <algorithm>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("latency-ms"), QStringLiteral("Latency the sandbox adds."),
                      QStringLiteral("ms"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("How many syncs."), QStringLiteral("n"),
                      QStringLiteral("3")});
    parser.process(app);
    QTextStream out(stdout);

    const QString sandboxBin = QStringLiteral(CIO_SANDBOX_BIN);
    const QString cliBin = QStringLiteral(CIO_CLI_BIN);
    const QString key = QStringLiteral("bench-key");

    QProcess sandbox;
    QProcessEnvironment sandboxEnv = QProcessEnvironment::systemEnvironment();
    sandboxEnv.insert(QStringLiteral("CIO_SANDBOX_API_KEY"), key);
    sandbox.setProcessEnvironment(sandboxEnv);
    sandbox.start(sandboxBin, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--latency-ms"),
                               parser.value(QStringLiteral("latency-ms"))});
    if (!sandbox.waitForReadyRead(10000)) {
        out << "cio-sandbox did not start: " << sandbox.readAllStandardError() << '\n';
        return 1;
    }
    const QString banner = QString::fromUtf8(sandbox.readLine()).trimmed();
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("listening on (\\S+)")).match(banner);
    if (!m.hasMatch()) {
        out << "unexpected banner: " << banner << '\n';
        return 1;
    }
    const QString url = m.captured(1);

    out << "cio-studio-cli sync against cio-sandbox --latency-ms "
        << parser.value(QStringLiteral("latency-ms")) << " (" << url << ")\n";
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("run"), -4)
               .arg(QStringLiteral("requests"), 9)
               .arg(QStringLiteral("429s"), 6)
               .arg(QStringLiteral("elapsed"), 10)
               .arg(QStringLiteral("ratio"), 7);
    double worst = 0;
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    for (int run = 1; run <= runs; ++run) {
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CIO_APP_API_KEY"), key);
        cli.setProcessEnvironment(env);
        cli.start(cliBin, {QStringLiteral("--base-url"), url, QStringLiteral("--json"),
                           QStringLiteral("--full"), QStringLiteral("sync")});
        cli.waitForFinished(300000);
        const QJsonObject o = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        if (cli.exitCode() != 0 || o.isEmpty()) {
            out << "sync failed: " << cli.readAllStandardError() << '\n';
            return 1;
        }
        const double requests = o.value(QLatin1String("requests")).toDouble();
        const double elapsed = o.value(QLatin1String("elapsed_ms")).toDouble() / 1000.0;
        const double ratio = elapsed / (requests / 10.0);
        worst = std::max(worst, ratio);
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(run, -4)
                   .arg(qint64(requests), 9)
                   .arg(o.value(QLatin1String("responses_429")).toInteger(), 6)
                   .arg(QStringLiteral("%1 s").arg(elapsed, 0, 'f', 2), 10)
                   .arg(ratio, 7, 'f', 3);
        out.flush();
        QThread::msleep(1100); // let the server's 1 s window empty before the next run
    }
    out << "worst ratio " << QString::number(worst, 'f', 3) << " (target <= 1.10)\n";
    sandbox.terminate();
    sandbox.waitForFinished(5000);
    return 0;
}
