// Rate limiting, latency and fault injection of the in-process sandbox.
#include "httptestclient.h"
#include "sandbox/faultinjector.h"
#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using cio::sandbox::FaultInjector;
using cio::sandbox::Options;
using cio::sandbox::Server;

class TestSandboxFaults : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rateLimit();
    void archivedMessage429CarriesTheQuota();
    void faultedRequestsAreNotCounted();
    void statusFaults_data();
    void statusFaults();
    void pathPrefix();
    void malformed();
    void cut();
    void stall();
    void latency();
    void probabilityIsRepeatable();
    void invalidSpecs_data();
    void invalidSpecs();
    void controlEndpoints();

private:
    void startServer(int rateLimit, const QString &faults = QString());

    std::unique_ptr<Server> m_server;
    std::unique_ptr<HttpTestClient> m_client;
};

void TestSandboxFaults::startServer(int rateLimit, const QString &faults)
{
    m_client.reset();
    m_server = std::make_unique<Server>();
    Options options;
    options.dataPath = QStringLiteral(CIO_SOURCE_DIR "/tests/sandbox/data");
    options.rateLimit = rateLimit;
    options.faults = faults;
    QString error;
    QVERIFY2(m_server->start(options, &error), qPrintable(error));
    m_client = std::make_unique<HttpTestClient>(m_server->url());
}

void TestSandboxFaults::init()
{
    startServer(0);
}

void TestSandboxFaults::cleanup()
{
    m_client.reset();
    m_server.reset();
}

void TestSandboxFaults::rateLimit()
{
    startServer(3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_client->get(QStringLiteral("/v1/segments/7")).status, 200);
    const HttpResult limited = m_client->get(QStringLiteral("/v1/segments/7"));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("1"));
    QCOMPARE(limited.errorDetail(), QStringLiteral("rate limited to 3 requests per 1s"));
    // A refused request is not accepted, so it does not extend the window.
    QTest::qWait(1050);
    QCOMPARE(m_client->get(QStringLiteral("/v1/segments/7")).status, 200);
    m_server->setRateLimit(0);
    for (int i = 0; i < 12; ++i)
        QCOMPARE(m_client->get(QStringLiteral("/v1/info/ip_addresses")).status, 200);
}

void TestSandboxFaults::archivedMessage429CarriesTheQuota()
{
    // Every archived-message answer carries X-RateLimit-*, a per-second 429 too (NOTES.md): a client
    // can tell the daily quota from any answer.
    startServer(1);
    const QString path = QStringLiteral("/v1/messages/iHOhFGzjXv-l-sjsKkwVFUevrNWZ0NcAR0Y%3D/archived_message");
    const HttpResult first = m_client->get(path);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.header("X-RateLimit-Limit"), QByteArray("100"));
    QCOMPARE(first.header("X-RateLimit-Remaining"), QByteArray("99"));
    const HttpResult limited = m_client->get(path);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("1"));
    QCOMPARE(limited.header("X-RateLimit-Limit"), QByteArray("100"));
    QCOMPARE(limited.header("X-RateLimit-Remaining"), QByteArray("99")); // the refused one cost nothing
    // Other endpoints' 429s do not invent quota headers.
    QTest::qWait(1050);
    QCOMPARE(m_client->get(QStringLiteral("/v1/segments/7")).status, 200);
    const HttpResult other = m_client->get(QStringLiteral("/v1/segments/7"));
    QCOMPARE(other.status, 429);
    QVERIFY(other.header("X-RateLimit-Limit").isEmpty());
}

void TestSandboxFaults::faultedRequestsAreNotCounted()
{
    startServer(2, QStringLiteral("503*3"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_client->get(QStringLiteral("/v1/snippets")).status, 503);
    QCOMPARE(m_client->get(QStringLiteral("/v1/snippets")).status, 200);
    QCOMPARE(m_client->get(QStringLiteral("/v1/snippets")).status, 200);
    QCOMPARE(m_client->get(QStringLiteral("/v1/snippets")).status, 429);
}

void TestSandboxFaults::statusFaults_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QList<int>>("statuses");
    QTest::newRow("503*2") << QStringLiteral("503*2") << QList<int>{503, 503, 200};
    QTest::newRow("429*3") << QStringLiteral("429*3") << QList<int>{429, 429, 429, 200};
    QTest::newRow("500 then 502") << QStringLiteral("500*1,502*1") << QList<int>{500, 502, 200};
    QTest::newRow("always 503") << QStringLiteral("503") << QList<int>{503, 503, 503};
    QTest::newRow("never") << QStringLiteral("503:0") << QList<int>{200, 200};
}

void TestSandboxFaults::statusFaults()
{
    QFETCH(QString, spec);
    QFETCH(QList<int>, statuses);
    QVERIFY(m_server->setFaults(spec));
    for (int expected : statuses) {
        const HttpResult result = m_client->get(QStringLiteral("/v1/newsletters"));
        QCOMPARE(result.status, expected);
        if (expected == 429)
            QCOMPARE(result.header("Retry-After"), QByteArray("1"));
        if (expected != 200) {
            QCOMPARE(result.json.value(QLatin1String("errors"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QLatin1String("status"))
                         .toString(),
                     QString::number(expected));
        }
    }
}

void TestSandboxFaults::pathPrefix()
{
    QVERIFY(m_server->setFaults(QStringLiteral("500@/v1/snippets")));
    QCOMPARE(m_client->get(QStringLiteral("/v1/newsletters")).status, 200);
    QCOMPARE(m_client->get(QStringLiteral("/v1/snippets")).status, 500);
    QCOMPARE(m_client->get(QStringLiteral("/v1/segments")).status, 200);
}

void TestSandboxFaults::malformed()
{
    QVERIFY(m_server->setFaults(QStringLiteral("malformed*1")));
    const HttpResult broken = m_client->get(QStringLiteral("/v1/newsletters"));
    QCOMPARE(broken.status, 200);
    QVERIFY(!broken.body.isEmpty());
    QVERIFY(!broken.jsonValid);
    QVERIFY(m_client->get(QStringLiteral("/v1/newsletters")).jsonValid);
}

void TestSandboxFaults::cut()
{
    // QNAM silently resends a GET whose connection closed before any answer (twice), so a
    // client only sees the failure when every attempt is cut.
    QVERIFY(m_server->setFaults(QStringLiteral("cut@/v1/newsletters")));
    const HttpResult cut = m_client->get(QStringLiteral("/v1/newsletters"));
    QCOMPARE(cut.status, 0);
    QCOMPARE(cut.error, QNetworkReply::RemoteHostClosedError);
    QVERIFY(!cut.timedOut);
    const auto records = m_server->requests();
    QVERIFY(records.size() >= 1);
    for (const auto &record : records)
        QCOMPARE(record.status, 0);
    QVERIFY(m_server->setFaults(QString()));
    QCOMPARE(m_client->get(QStringLiteral("/v1/newsletters")).status, 200);
}

void TestSandboxFaults::stall()
{
    QVERIFY(m_server->setFaults(QStringLiteral("stall*1@/v1/segments")));
    const HttpResult stalled = m_client->get(QStringLiteral("/v1/segments"), 400);
    QVERIFY(stalled.timedOut);
    QCOMPARE(stalled.status, 0);
    QCOMPARE(m_server->requests().constLast().status, 0);
    // The server keeps serving other connections and later requests.
    QCOMPARE(m_client->get(QStringLiteral("/v1/segments")).status, 200);
}

void TestSandboxFaults::latency()
{
    QVERIFY(m_server->setFaults(QStringLiteral("latency=300*1")));
    const HttpResult slow = m_client->get(QStringLiteral("/v1/snippets"));
    QCOMPARE(slow.status, 200);
    QVERIFY2(slow.elapsedMs >= 290, qPrintable(QString::number(slow.elapsedMs)));
    m_server->setLatencyMs(200);
    const HttpResult global = m_client->get(QStringLiteral("/v1/snippets"));
    QCOMPARE(global.status, 200);
    QVERIFY2(global.elapsedMs >= 190, qPrintable(QString::number(global.elapsedMs)));
    m_server->setLatencyMs(0);
    // Latency combines with a status fault.
    QVERIFY(m_server->setFaults(QStringLiteral("latency=150*1,503*1")));
    const HttpResult both = m_client->get(QStringLiteral("/v1/snippets"));
    QCOMPARE(both.status, 503);
    QVERIFY(both.elapsedMs >= 140);
}

void TestSandboxFaults::probabilityIsRepeatable()
{
    const auto run = [](quint32 seed) {
        FaultInjector injector(seed);
        QString error;
        if (!injector.setSpec(QStringLiteral("503:0.5"), &error))
            return QList<int>();
        QList<int> kinds;
        for (int i = 0; i < 64; ++i)
            kinds.append(injector.next(QStringLiteral("/v1/x")).status);
        return kinds;
    };
    const QList<int> first = run(42);
    QCOMPARE(run(42), first);
    QVERIFY(first.contains(503) && first.contains(0));
    QVERIFY(run(7) != first);
}

void TestSandboxFaults::invalidSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("kind") << QStringLiteral("404");
    QTest::newRow("count") << QStringLiteral("503*0");
    QTest::newRow("probability") << QStringLiteral("503:1.5");
    QTest::newRow("prefix") << QStringLiteral("503@v1");
    QTest::newRow("latency") << QStringLiteral("latency=fast");
}

void TestSandboxFaults::invalidSpecs()
{
    QFETCH(QString, spec);
    QVERIFY(m_server->setFaults(QStringLiteral("503*1")));
    QString error;
    QVERIFY(!m_server->setFaults(spec, &error));
    QVERIFY(error.contains(spec));
    QCOMPARE(m_server->faults(), QStringLiteral("503*1")); // unchanged
}

void TestSandboxFaults::controlEndpoints()
{
    m_client->setAuthorization(QByteArray());
    const HttpResult set = m_client->send("POST", QStringLiteral("/__sandbox/faults"), QByteArray("502*1"));
    QCOMPARE(set.status, 200);
    QCOMPARE(m_client->send("POST", QStringLiteral("/__sandbox/faults"), QByteArray("bogus")).status, 400);
    m_client->setAuthorization("Bearer sandbox");
    QCOMPARE(m_client->get(QStringLiteral("/v1/segments")).status, 502);
    QCOMPARE(m_client->get(QStringLiteral("/v1/segments")).status, 200);
    const HttpResult log = m_client->get(QStringLiteral("/__sandbox/requests"));
    QCOMPARE(log.status, 200);
    const QJsonArray requests = log.json.value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.size(), 2); // control requests are not logged
    QCOMPARE(requests.at(0).toObject().value(QLatin1String("status")).toInt(), 502);
    QCOMPARE(requests.at(1).toObject().value(QLatin1String("path")).toString(),
             QStringLiteral("/v1/segments"));
    QCOMPARE(m_client->send("DELETE", QStringLiteral("/__sandbox/requests")).status, 204);
    QCOMPARE(m_server->requests().size(), 0);
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandbox_faults.moc"
