// Every operation the sandbox implements, sent through Prism's validating proxy: Prism answers
// 422/500 problem+json when our request or the sandbox's response breaks the vendor contract.
#include "httptestclient.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

class TestSandboxConformance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void operations_data();
    void operations();

private:
    QProcess m_sandbox;
    QProcess m_prism;
    QUrl m_prismUrl;
};

void TestSandboxConformance::initTestCase()
{
    const QString prism = qEnvironmentVariable("CIO_PRISM");
    const QString spec = qEnvironmentVariable("CIO_API_SPEC");
    const QString sandbox = qEnvironmentVariable("CIO_SANDBOX_BIN");
    QVERIFY2(!prism.isEmpty() && QFile::exists(prism),
             "Prism not found (CIO_PRISM): run npm ci in the source folder, then reconfigure");
    QVERIFY2(QFile::exists(spec), "CIO_API_SPEC does not name the OpenAPI contract");
    QVERIFY2(QFile::exists(sandbox), "CIO_SANDBOX_BIN does not name the cio-sandbox executable");

    m_sandbox.start(sandbox,
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--rate-limit"),
                     QStringLiteral("0"), QStringLiteral("--archived-quota"), QStringLiteral("4"),
                     QStringLiteral("--data"), QStringLiteral(CIO_SOURCE_DIR "/tests/sandbox/data")});
    QVERIFY(m_sandbox.waitForStarted(5000));
    while (!m_sandbox.canReadLine())
        QVERIFY2(m_sandbox.waitForReadyRead(10000), "cio-sandbox printed no banner");
    const QString banner = QString::fromUtf8(m_sandbox.readLine()).trimmed();
    const QString sandboxUrl = banner.section(QLatin1Char(' '), -1);
    QVERIFY2(sandboxUrl.startsWith(QLatin1String("http://")), qPrintable(banner));

    quint16 port = 0;
    {
        QTcpServer probe; // ask the OS for a free port, then hand it to Prism
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    m_prism.setProcessChannelMode(QProcess::MergedChannels);
    m_prism.start(prism, {QStringLiteral("proxy"), spec, sandboxUrl, QStringLiteral("--errors"),
                          QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                          QString::number(port)});
    QVERIFY2(m_prism.waitForStarted(10000), qPrintable(m_prism.errorString()));
    QByteArray output;
    while (!output.contains("Prism is listening")) {
        if (!m_prism.waitForReadyRead(60000))
            QFAIL(qPrintable(QStringLiteral("Prism did not start: ") + QString::fromUtf8(output)));
        output += m_prism.readAll();
    }
    m_prismUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

void TestSandboxConformance::cleanupTestCase()
{
    for (QProcess *process : {&m_prism, &m_sandbox}) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
}

void TestSandboxConformance::operations_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("byPrism"); // answered by Prism itself, not passed to the sandbox
    const auto row = [](const char *name, const char *method, const char *path, const char *body, int status,
                        bool byPrism = false) {
        QTest::newRow(name) << QByteArray(method) << QString::fromLatin1(path) << QByteArray(body) << status
                            << byPrism;
    };
    // Proves Prism really validates responses: a page where every member has an id matches both
    // branches of the membership oneOf ("email or id" and "id only", whose items allow extra members):
    // a contract ambiguity like the empty page (NOTES.md), so Prism flags it whatever the server does.
    row("validator active (membership oneOf ambiguity)", "GET", "/v1/segments/8/membership?limit=2", "", 500,
        true);
    row("ip addresses", "GET", "/v1/info/ip_addresses", "", 200);
    row("newsletters", "GET", "/v1/newsletters?limit=5&sort=desc", "", 200);
    row("newsletter draft", "GET", "/v1/newsletters/101", "", 200);
    row("newsletter sent", "GET", "/v1/newsletters/102", "", 200);
    row("contents", "GET", "/v1/newsletters/101/contents", "", 200);
    row("content", "GET", "/v1/newsletters/101/contents/1001", "", 200);
    row("content without reply-to", "GET", "/v1/newsletters/102/contents/1003", "", 200);
    row("put content", "PUT", "/v1/newsletters/101/contents/1001",
        R"({"type":"email","subject":"Conformance","preheader_text":"p","from_id":1,"reply_to_id":null})",
        200);
    row("language", "GET", "/v1/newsletters/101/language/de", "", 200);
    row("put language", "PUT", "/v1/newsletters/101/language/de", R"({"type":"email","subject":"Hallo"})",
        200);
    row("test groups", "GET", "/v1/newsletters/103/test_groups", "", 200);
    row("test group language", "GET", "/v1/newsletters/103/test_group/11/language/fr", "", 200);
    row("put test group language", "PUT", "/v1/newsletters/103/test_group/11/language/fr",
        R"({"type":"email","body":"<p>Bonjour</p>"})", 200);
    // Contract quirk: the add-translation body is a oneOf whose branches differ only in
    // `required`, so every valid email body also matches the Push branch and Prism refuses it
    // (422) before it reaches the sandbox; a Push-shaped body passes Prism and the sandbox
    // answers its declared 422 (subject/body missing for an email send).
    row("add language (email body, refused by contract)", "POST", "/v1/newsletters/101/language",
        R"({"language":"es","subject":"Hola","body":"<p>Hola</p>"})", 422, true);
    // {language} alone: the one email body that matches exactly one branch (the copy of the Default).
    row("add language (language only)", "POST", "/v1/newsletters/101/language", R"({"language":"it"})", 200);
    row("add test group language (language only)", "POST", "/v1/newsletters/103/test_group/12/language",
        R"({"language":"it"})", 200);
    row("add language that exists (sandbox 422)", "POST", "/v1/newsletters/101/language", R"({"language":"it"})",
        422);
    row("snippets", "GET", "/v1/snippets", "", 200);
    row("put snippet", "PUT", "/v1/snippets", R"({"name":"conformance","value":"<p>c</p>"})", 200);
    row("post snippet", "POST", "/v1/snippets", R"({"name":"conformance 2","value":"c2"})", 200);
    row("post nested snippet", "POST", "/v1/snippets", R"({"name":"n","value":"{{ snippets.footer }}"})",
        422);
    row("delete snippet", "DELETE", "/v1/snippets/conformance", "", 204);
    row("delete snippet in use", "DELETE", "/v1/snippets/footer", "", 400);
    row("segments", "GET", "/v1/segments", "", 200);
    row("create segment", "POST", "/v1/segments",
        R"({"segment":{"name":"Conformance","description":"made by a test"}})", 200);
    row("segment", "GET", "/v1/segments/7", "", 200);
    row("segment count", "GET", "/v1/segments/7/customer_count", "", 200);
    row("membership", "GET", "/v1/segments/7/membership?limit=1000", "", 200);
    // A page with someone known by their address only (id null) is the "email or id" branch alone.
    row("membership, email-only person", "GET", "/v1/segments/8/membership?limit=10", "", 200);
    row("segment used by", "GET", "/v1/segments/7/used_by", "", 200);
    row("delete segment", "DELETE", "/v1/segments/9", "", 204);
    row("segment 404", "GET", "/v1/segments/9", "", 404);
    row("newsletter 404", "GET", "/v1/newsletters/999", "", 404);
    row("senders", "GET", "/v1/sender_identities?limit=2&sort=asc", "", 200);
    row("senders hidden", "GET", "/v1/sender_identities?hidden=true", "", 200);
    row("sender", "GET", "/v1/sender_identities/1", "", 200);
    row("sender used by", "GET", "/v1/sender_identities/1/used_by", "", 200);
    row("newsletter messages", "GET", "/v1/newsletters/102/messages?limit=3", "", 200);
    row("newsletter messages by metric", "GET",
        "/v1/newsletters/102/messages?metric=opened&start_ts=1700000000&end_ts=1800000000", "", 200);
    row("newsletter messages 404", "GET", "/v1/newsletters/999/messages", "", 404);
    row("messages", "GET", "/v1/messages?limit=5&newsletter_id=102&type=email&metric=delivered", "", 200);
    // Over the declared maximum: Prism answers 422 itself before the sandbox (which says 400) sees it.
    row("messages over max limit (refused by contract)", "GET", "/v1/messages?limit=1001", "", 422, true);
    row("message", "GET", "/v1/messages/iHOhFGzjXv-l-sjsKkwVFUevrNWZ0NcAR0Y%3D", "", 200);
    row("message without email", "GET", "/v1/messages/kq6-ia1gJF45TeaAgNqQ8OyXYmI0VQ0tbdU%3D", "", 200);
    row("message 404", "GET", "/v1/messages/nope", "", 404);
    // The sandbox runs with a quota of 4 archived messages, so the fifth request meets the daily 429.
    row("archived message", "GET", "/v1/messages/iHOhFGzjXv-l-sjsKkwVFUevrNWZ0NcAR0Y%3D/archived_message", "",
        200);
    row("archived message forgotten", "GET",
        "/v1/messages/1HIH2_nd6ZcfN6JGNOwxsKs1aIG-6ZHRAw4%3D/archived_message", "", 200);
    row("archived message 404", "GET", "/v1/messages/nope/archived_message", "", 404);
    row("archived message, last of the quota", "GET",
        "/v1/messages/qJjh42R7-2iWvFUT4tUE0-yDwLgUAiIymYo%3D/archived_message", "", 200);
    row("archived message, daily quota used up", "GET",
        "/v1/messages/qJjh42R7-2iWvFUT4tUE0-yDwLgUAiIymYo%3D/archived_message", "", 429);
}

void TestSandboxConformance::operations()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(bool, byPrism);
    HttpTestClient client(m_prismUrl);
    const HttpResult result = client.send(method, path, body, {}, 15000);
    const QByteArray contentType = result.header("Content-Type");
    const QString context =
        QStringLiteral("%1 %2 -> %3 (%4)\n%5")
            .arg(QString::fromLatin1(method), path)
            .arg(result.status)
            .arg(QString::fromLatin1(contentType), QString::fromUtf8(result.body.left(2000)));
    QVERIFY2(result.status == status, qPrintable(context));
    QVERIFY2(contentType.contains("problem+json") == byPrism, qPrintable(context));
}

QTEST_GUILESS_MAIN(TestSandboxConformance)
#include "tst_sandbox_conformance.moc"
