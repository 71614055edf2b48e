// End to end: cio-studio-cli as a user runs it, against the sandbox on loopback.
#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace {
const QString Key = QStringLiteral("sk-test-cli-7f3a9c-SECRET");
}

class TestE2eCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsAsJson_data();
    void listsAsJson();
    void textTable();
    void newsletterShowAndVariants();
    void syncReportsFigures();
    void demoNeedsNoKey();
    void refusals_data();
    void refusals();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Result run(const QStringList &arguments, const QString &key = Key);

    cio::sandbox::Server m_server;
};

void TestE2eCli::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("CIO_CLI_BIN"), "CIO_CLI_BIN is set by CTest");
    cio::sandbox::Options options;
    options.apiKey = Key;
    QString error;
    QVERIFY2(m_server.start(options, &error), qPrintable(error));
}

TestE2eCli::Result TestE2eCli::run(const QStringList &arguments, const QString &key)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CIO_APP_API_KEY"));
    if (!key.isEmpty())
        env.insert(QStringLiteral("CIO_APP_API_KEY"), key);
    process.setProcessEnvironment(env);
    // The sandbox runs in this process: wait with an event loop, never with waitForFinished().
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(qEnvironmentVariable("CIO_CLI_BIN"), arguments);
    Result result;
    if (!finished.wait(60000)) {
        process.kill();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    // Whatever happens, the key is never printed.
    if (result.out.contains(Key.toUtf8()) || result.err.contains(Key.toUtf8()))
        result.exitCode = -100;
    return result;
}

void TestE2eCli::listsAsJson_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<QString>("field");
    QTest::newRow("newsletters") << QStringList{QStringLiteral("newsletters"), QStringLiteral("list")} << 40
                                 << QStringLiteral("name");
    QTest::newRow("snippets") << QStringList{QStringLiteral("snippets"), QStringLiteral("list")} << 15
                              << QStringLiteral("value");
    QTest::newRow("segments") << QStringList{QStringLiteral("segments"), QStringLiteral("list")} << 10
                              << QStringLiteral("type");
}

void TestE2eCli::listsAsJson()
{
    QFETCH(QStringList, command);
    QFETCH(int, minimum);
    QFETCH(QString, field);
    const Result r =
        run(QStringList{QStringLiteral("--base-url"), m_server.url().toString(), QStringLiteral("--json")} +
            command);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray array = QJsonDocument::fromJson(r.out).array();
    QVERIFY2(array.size() >= minimum, r.out.left(400).constData());
    for (const QJsonValue &v : array)
        QVERIFY(v.toObject().contains(field));
}

void TestE2eCli::textTable()
{
    const Result r = run({QStringLiteral("--base-url"), m_server.url().toString(),
                          QStringLiteral("newsletters"), QStringLiteral("list")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QVERIFY(lines.size() >= 41);
    QVERIFY(lines.first().startsWith("ID"));
    QVERIFY(lines.first().contains("NAME"));
    QVERIFY(r.out.contains("draft"));
    QVERIFY(r.out.contains("sent"));
}

void TestE2eCli::newsletterShowAndVariants()
{
    // Pick the newsletter with the most variants.
    const Result list =
        run({QStringLiteral("--base-url"), m_server.url().toString(), QStringLiteral("--json"),
             QStringLiteral("newsletters"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QJsonObject chosen;
    for (const QJsonValue &v : QJsonDocument::fromJson(list.out).array()) {
        if (v.toObject().value(QLatin1String("content_ids")).toArray().size() >
            chosen.value(QLatin1String("content_ids")).toArray().size())
            chosen = v.toObject();
    }
    const QString id = QString::number(chosen.value(QLatin1String("id")).toInteger());

    const Result show = run({QStringLiteral("--base-url"), m_server.url().toString(),
                             QStringLiteral("newsletters"), QStringLiteral("show"), id});
    QVERIFY2(show.exitCode == 0, show.err.constData());
    QVERIFY(show.out.contains(chosen.value(QLatin1String("name")).toString().toUtf8()));

    const Result variants =
        run({QStringLiteral("--base-url"), m_server.url().toString(), QStringLiteral("--json"),
             QStringLiteral("variants"), QStringLiteral("list"), id});
    QVERIFY2(variants.exitCode == 0, variants.err.constData());
    const QJsonArray contents = QJsonDocument::fromJson(variants.out).array();
    QCOMPARE(contents.size(), chosen.value(QLatin1String("content_ids")).toArray().size());
    QSet<QString> languages;
    for (const QJsonValue &v : contents)
        languages.insert(v.toObject().value(QLatin1String("language")).toString());
    QVERIFY2(languages.contains(QString()), "every newsletter has a Default variant");
    QVERIFY(languages.size() >= 2);
}

void TestE2eCli::syncReportsFigures()
{
    // Earlier commands' requests must have left the sandbox's 1 s window.
    QTest::qWait(1100);
    const Result r = run({QStringLiteral("--base-url"), m_server.url().toString(), QStringLiteral("--json"),
                          QStringLiteral("sync")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    for (const char *key : {"newsletters", "variants", "requests", "responses_429", "elapsed_ms"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    const int newsletters = o.value(QLatin1String("newsletters")).toInt();
    QVERIFY(newsletters >= 40);
    QVERIFY(o.value(QLatin1String("variants")).toInt() >= newsletters * 2);
    // One list page at least, then contents and test groups per newsletter.
    QVERIFY(o.value(QLatin1String("requests")).toInt() >= 1 + 2 * newsletters);
    QCOMPARE(o.value(QLatin1String("responses_429")).toInt(), 0);
    // Paced at 10 requests per second, so it cannot be faster than that.
    QVERIFY(o.value(QLatin1String("elapsed_ms")).toInt() >=
            (o.value(QLatin1String("requests")).toInt() - 10) * 90);
}

void TestE2eCli::demoNeedsNoKey()
{
    const Result r = run({QStringLiteral("--demo"), QStringLiteral("--json"), QStringLiteral("segments"),
                          QStringLiteral("list")},
                         QString());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QJsonDocument::fromJson(r.out).array().size() >= 10);
}

void TestE2eCli::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString url = m_server.url().toString();
    const QString base = QStringLiteral("--base-url");
    QTest::newRow("no key") << QStringList{base, url, QStringLiteral("newsletters"), QStringLiteral("list")}
                            << QString() << 2 << QStringLiteral("CIO_APP_API_KEY");
    QTest::newRow("wrong key") << QStringList{base, url, QStringLiteral("newsletters"),
                                              QStringLiteral("list")}
                               << QStringLiteral("wrong-key") << 1 << QStringLiteral("401");
    QTest::newRow("unknown newsletter") << QStringList{base, url, QStringLiteral("newsletters"),
                                                       QStringLiteral("show"), QStringLiteral("987654")}
                                        << Key << 1 << QStringLiteral("404");
    QTest::newRow("plain http to a remote host")
        << QStringList{base, QStringLiteral("http://api.example.com"), QStringLiteral("snippets"),
                       QStringLiteral("list")}
        << Key << 2 << QStringLiteral("http");
    QTest::newRow("bad id") << QStringList{base, url, QStringLiteral("variants"), QStringLiteral("list"),
                                           QStringLiteral("abc")}
                            << Key << 2 << QStringLiteral("abc");
    QTest::newRow("unknown command") << QStringList{base, url, QStringLiteral("frobnicate")} << Key << 2
                                     << QStringLiteral("frobnicate");
    QTest::newRow("unknown region") << QStringList{QStringLiteral("--region"), QStringLiteral("mars"),
                                                   QStringLiteral("sync")}
                                    << Key << 2 << QStringLiteral("mars");
}

void TestE2eCli::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, key);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Result r = run(arguments, key);
    QVERIFY2(r.exitCode == exitCode, QByteArray(r.err + r.out).constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(message, Qt::CaseInsensitive), r.err.constData());
}

QTEST_GUILESS_MAIN(TestE2eCli)
#include "tst_e2e_cli.moc"
