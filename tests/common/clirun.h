#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStringList>

namespace cio::test {

struct CliResult final
{
    int exitCode = -1; // -1: it crashed or did not finish within a minute
    QByteArray out;
    QByteArray err;
};

// Runs cio-studio-cli (CIO_CLI_BIN, set by CTest) as a user would: `key` in CIO_APP_API_KEY (none when
// empty), `extraEnv` added, `input` on standard input and then end of file. Waits with an event loop, as
// the sandbox answering it may run in this process.
inline CliResult runCli(const QStringList &arguments, const QString &key,
                        const QHash<QString, QString> &extraEnv = {}, const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CIO_APP_API_KEY"));
    if (!key.isEmpty())
        env.insert(QStringLiteral("CIO_APP_API_KEY"), key);
    // As on a desktop session: a private runtime folder (render and qa start WebEngine, which wants one).
    const QString runtime = qEnvironmentVariable("CIO_TEST_TMP") + QStringLiteral("/runtime");
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(qEnvironmentVariable("CIO_CLI_BIN"), arguments);
    process.write(input);
    process.closeWriteChannel();
    CliResult result;
    if (!finished.wait(60000)) {
        process.kill();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace cio::test
