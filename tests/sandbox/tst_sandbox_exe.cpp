// The cio-sandbox executable: banner, options, refusals, built-in demo data.
#include "httptestclient.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

class TestSandboxExe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void banner();
    void apiKeyFromEnvironment();
    void refusals_data();
    void refusals();
    void demoDataSet();

private:
    bool startSandbox(QProcess &process, const QStringList &arguments, QUrl *url);
    void stopSandbox(QProcess &process);

    QString m_binary;
};

namespace {
const QString fixtureDir = QStringLiteral(CIO_SOURCE_DIR "/tests/sandbox/data");
}

void TestSandboxExe::initTestCase()
{
    m_binary = qEnvironmentVariable("CIO_SANDBOX_BIN");
    QVERIFY2(QFile::exists(m_binary), "CIO_SANDBOX_BIN must point at the built cio-sandbox");
}

bool TestSandboxExe::startSandbox(QProcess &process, const QStringList &arguments, QUrl *url)
{
    process.setProgram(m_binary);
    process.setArguments(arguments);
    process.start();
    if (!process.waitForStarted(5000))
        return false;
    while (!process.canReadLine()) {
        if (!process.waitForReadyRead(10000))
            return false;
    }
    const QString line = QString::fromUtf8(process.readLine());
    static const QRegularExpression banner(
        QStringLiteral("^cio-sandbox listening on (http://127\\.0\\.0\\.1:(\\d+))\\n$"));
    const QRegularExpressionMatch match = banner.match(line);
    if (!match.hasMatch()) {
        qWarning() << "unexpected banner" << line;
        return false;
    }
    *url = QUrl(match.captured(1));
    return match.captured(2).toInt() > 0;
}

void TestSandboxExe::stopSandbox(QProcess &process)
{
    process.kill();
    process.waitForFinished(5000);
}

void TestSandboxExe::banner()
{
    QProcess process;
    QUrl url;
    QVERIFY(startSandbox(
        process, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data"), fixtureDir},
        &url));
    HttpTestClient client(url);
    QCOMPARE(client.get(QStringLiteral("/v1/newsletters/101")).status, 200);
    QCOMPARE(client.get(QStringLiteral("/v1/snippets")).status, 200);
    // Still exactly one line on stdout after serving requests.
    QTest::qWait(50);
    QCOMPARE(process.readAllStandardOutput(), QByteArray());
    stopSandbox(process);
}

void TestSandboxExe::apiKeyFromEnvironment()
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CIO_SANDBOX_API_KEY"), QStringLiteral("from-env"));
    process.setProcessEnvironment(environment);
    QUrl url;
    QVERIFY(startSandbox(
        process, {QStringLiteral("--data"), fixtureDir, QStringLiteral("--rate-limit"), QStringLiteral("0")},
        &url));
    HttpTestClient client(url);
    QCOMPARE(client.get(QStringLiteral("/v1/segments")).status, 401);
    client.setAuthorization("Bearer from-env");
    QCOMPARE(client.get(QStringLiteral("/v1/segments")).status, 200);
    stopSandbox(process);
}

void TestSandboxExe::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("remote host") << QStringList{QStringLiteral("--host"), QStringLiteral("0.0.0.0")}
                                 << QStringLiteral("allow-remote");
    QTest::newRow("bad port") << QStringList{QStringLiteral("--port"), QStringLiteral("http")}
                              << QStringLiteral("--port");
    QTest::newRow("missing data") << QStringList{QStringLiteral("--data"), QStringLiteral("/nonexistent/cio")}
                                  << QStringLiteral("does not exist");
    QTest::newRow("bad faults") << QStringList{QStringLiteral("--data"), fixtureDir,
                                               QStringLiteral("--faults"), QStringLiteral("boom")}
                                << QStringLiteral("boom");
}

void TestSandboxExe::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess process;
    process.start(m_binary, arguments);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 1);
    QCOMPARE(process.readAllStandardOutput(), QByteArray());
    const QString stderrText = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(stderrText.contains(message), qPrintable(stderrText));
}

void TestSandboxExe::demoDataSet()
{
    if (!QFile::exists(QStringLiteral(CIO_SOURCE_DIR "/resources/demo/newsletters.json")))
        QSKIP("resources/demo has no data set yet (being written); rerun after it lands and reconfigure");
    QProcess process;
    QUrl url;
    QVERIFY(startSandbox(process, {QStringLiteral("--rate-limit"), QStringLiteral("0")}, &url));
    HttpTestClient client(url);
    int newsletters = 0;
    QString next;
    do {
        const HttpResult page = client.get(QStringLiteral("/v1/newsletters?limit=100") +
                                           (next.isEmpty() ? QString() : QStringLiteral("&start=") + next));
        QCOMPARE(page.status, 200);
        newsletters += page.json.value(QLatin1String("newsletters")).toArray().size();
        next = page.json.value(QLatin1String("next")).toString();
    } while (!next.isEmpty());
    QVERIFY2(newsletters >= 40, qPrintable(QString::number(newsletters)));
    QVERIFY(!client.get(QStringLiteral("/v1/segments"))
                 .json.value(QLatin1String("segments"))
                 .toArray()
                 .isEmpty());
    QVERIFY(!client.get(QStringLiteral("/v1/snippets"))
                 .json.value(QLatin1String("snippets"))
                 .toArray()
                 .isEmpty());
    QCOMPARE(client.get(QStringLiteral("/v1/sender_identities")).status, 200);
    stopSandbox(process);
}

QTEST_GUILESS_MAIN(TestSandboxExe)
#include "tst_sandbox_exe.moc"
