// The real client against the real sandbox on loopback: pacing, 429 pauses, retries, timeouts,
// paging, error mapping, redirects, read-only mode, redaction and DTO round trips.
#include "api/appapi.h"
#include "api/client.h"
#include "api/paging.h"
#include "api/ratelimiter.h"
#include "api/requestlog.h"
#include "api/retrypolicy.h"
#include "sandbox/sandboxserver.h"

#include "redirectserver.h"

#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QMutex>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

using namespace cio::api;

Q_DECLARE_METATYPE(cio::api::Error::Kind)

namespace {

const QString ApiKey = QStringLiteral("k3y-7f1c9a2e-never-in-logs");

// Everything Qt and our code log while a test runs, to prove the key never shows up.
QMutex g_logMutex;
QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_messages.append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') +
                          message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class TestApiClient final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void getCarriesKeyAndUserAgent();
    void errorMapping_data();
    void errorMapping();
    void burstStaysUnderLimit();
    void retryAfterPausesEverything();
    void retries_data();
    void retries();
    void transferTimeoutAndDeadline();
    void rateLimitWaitHasABudget();
    void startWithinExpiresUnsent();
    void cutMidAnswerIsNotUnreachable();
    void oversizedAnswersAreRefusedUnread();
    void paging();
    void appApi();
    void dtoRoundTrip_data();
    void dtoRoundTrip();
    void deliveries();
    void archivedMessages();
    void archivedQuotaNotRetried();
    void quotaPolicy_data();
    void quotaPolicy();
    void redirectsNeverLeakKey();
    void readOnlyRefusesWrites();
    void insecureBaseUrlRefused();
    void contextDestroyedAndCancel();
    void appApiAnswersLaterWithoutClient();
    void keyNeverLogged();
    void downloadsStreamToAFile();
    void downloadsLeaveNothingWhenTheyFail();
    void downloadsOfSignedLinksCarryNoKey();

private:
    ConnectionSettings settings() const;
    Response call(const Request &request, Client *client = nullptr);

    std::unique_ptr<cio::sandbox::Server> m_server;
    std::unique_ptr<Client> m_client;
};

void TestApiClient::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("cio.api.debug=true"));
    g_previousHandler = qInstallMessageHandler(captureMessage);
}

void TestApiClient::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
}

void TestApiClient::init()
{
    m_server = std::make_unique<cio::sandbox::Server>();
    cio::sandbox::Options o;
    o.apiKey = ApiKey;
    o.dataPath = QStringLiteral(CIO_SOURCE_DIR "/tests/sandbox/data");
    o.rateLimit = 0; // the limiter is only under test where a test says so
    QString error;
    QVERIFY2(m_server->start(o, &error), qPrintable(error));
    m_client = std::make_unique<Client>(settings());
    m_client->setRetryBaseDelayMs(50);
}

void TestApiClient::cleanup()
{
    m_client.reset();
    m_server.reset();
}

ConnectionSettings TestApiClient::settings() const
{
    ConnectionSettings s;
    s.baseUrl = m_server->url();
    s.apiKey = ApiKey;
    s.transferTimeoutMs = 5000;
    s.deadlineMs = 20000;
    return s;
}

Response TestApiClient::call(const Request &request, Client *client)
{
    Response out;
    bool done = false;
    (client ? client : m_client.get())->send(request, this, [&](const Response &r) {
        out = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        qWarning("request did not finish");
    return out;
}

void TestApiClient::getCarriesKeyAndUserAgent()
{
    const Response r = call(Request::get(QStringLiteral("/v1/newsletters/101")));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QLatin1String("newsletter")).toObject().value(QLatin1String("id")).toInt(), 101);
    QVERIFY(r.headers.contains("content-type"));
    const auto seen = m_server->requests();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.at(0).authorization, QByteArray("Bearer ") + ApiKey.toUtf8());
    QVERIFY(seen.at(0).userAgent.startsWith("cio-studio/"));
    QVERIFY(seen.at(0).userAgent.contains("(Qt 6."));
    QCOMPARE(m_client->requestsSent(), quint64(1));
    QCOMPARE(m_client->log()->entries().size(), 1);
    QCOMPARE(m_client->log()->entries().at(0).status, 200);
    QVERIFY(m_client->log()->entries().at(0).bytesReceived > 0);
}

void TestApiClient::errorMapping_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("inMessage");
    QTest::newRow("401 wrong key") << "wrong"
                                   << "/v1/newsletters" << 401 << Error::Kind::Unauthorized << "key";
    QTest::newRow("404") << QString() << "/v1/newsletters/999999" << 404 << Error::Kind::NotFound << "999999";
    QTest::newRow("400 detail") << QString() << "/v1/newsletters?sort=sideways" << 400
                                << Error::Kind::Rejected << "sort must be asc or desc";
}

void TestApiClient::errorMapping()
{
    QFETCH(QString, key);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, inMessage);
    ConnectionSettings s = settings();
    if (!key.isEmpty())
        s.apiKey = key;
    m_client->setSettings(s);
    const QStringList parts = path.split(QLatin1Char('?'));
    const Request request = Request::get(parts.at(0), QUrlQuery(parts.value(1)));
    const Response r = call(request);
    QCOMPARE(r.status, status);
    QCOMPARE(r.error.kind, kind);
    QCOMPARE(r.error.httpStatus, status);
    QVERIFY2(r.error.message().contains(inMessage), qPrintable(r.error.message()));
    QCOMPARE(r.retries, 0); // 4xx are final
    QCOMPARE(m_server->requests().size(), 1);
}

void TestApiClient::burstStaysUnderLimit()
{
    ConnectionSettings s = settings();
    s.deadlineMs = 60000; // 200 requests at 10/s take 20 s
    m_client->setSettings(s);
    m_server->setRateLimit(10);
    QSignalSpy states(m_client.get(), &Client::queueStateChanged);
    int done = 0, failed = 0;
    for (int i = 0; i < 200; ++i) {
        m_client->send(Request::get(QStringLiteral("/v1/snippets")), this, [&](const Response &r) {
            ++done;
            failed += r.ok() ? 0 : 1;
        });
    }
    QVERIFY(m_client->queueState().waiting > 0);
    QVERIFY(QTest::qWaitFor([&] { return done == 200; }, 40000));
    QCOMPARE(failed, 0);
    QCOMPARE(m_client->responses429(), quint64(0));
    QCOMPARE(m_client->requestsSent(), quint64(200));
    const auto seen = m_server->requests();
    QCOMPARE(seen.size(), 200);
    for (int i = 10; i < seen.size(); ++i) {
        const qint64 span = seen.at(i).receivedMs - seen.at(i - 10).receivedMs;
        QVERIFY2(span >= 1000,
                 qPrintable(QStringLiteral("11 requests within %1 ms at #%2").arg(span).arg(i)));
        QVERIFY(seen.at(i).status == 200);
    }
    QVERIFY(states.size() > 2);
    const QueueState last = states.constLast().at(0).value<QueueState>();
    QCOMPARE(last.inFlight + last.waiting, 0);
    qint64 waited = 0;
    for (const auto &e : m_client->log()->entries())
        waited = qMax(waited, e.rateLimitWaitMs);
    QVERIFY(waited > 15000); // the last ones waited most of the 20 s
}

void TestApiClient::retryAfterPausesEverything()
{
    m_server->setFaults(QStringLiteral("429*1"));
    Response first;
    bool firstDone = false;
    m_client->send(Request::get(QStringLiteral("/v1/segments")), this, [&](const Response &r) {
        first = r;
        firstDone = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return m_client->responses429() == 1; }, 5000));
    QVERIFY(m_client->queueState().pausedForMs > 500);
    QVERIFY(m_client->rateLimiter()->isPaused());
    int others = 0;
    for (int i = 0; i < 5; ++i)
        m_client->send(Request::get(QStringLiteral("/v1/snippets")), this,
                       [&](const Response &r) { others += r.ok(); });
    QVERIFY(QTest::qWaitFor([&] { return firstDone && others == 5; }, 10000));
    QVERIFY2(first.ok(), qPrintable(first.error.message()));
    QCOMPARE(first.retries, 1);
    const auto seen = m_server->requests();
    QCOMPARE(seen.size(), 7);
    QCOMPARE(seen.at(0).status, 429);
    for (int i = 1; i < seen.size(); ++i) {
        QVERIFY2(seen.at(i).receivedMs - seen.at(0).receivedMs >= 1000,
                 qPrintable(QStringLiteral("request %1 arrived %2 ms after the 429")
                                .arg(i)
                                .arg(seen.at(i).receivedMs - seen.at(0).receivedMs)));
    }
    QVERIFY(m_client->log()->entries().constFirst().rateLimitWaitMs >= 800);
}

void TestApiClient::retries_data()
{
    QTest::addColumn<QString>("faults");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("retries");
    QTest::addColumn<int>("sent");   // attempts the client made
    QTest::addColumn<int>("onWire"); // requests the sandbox saw
    QTest::addColumn<Error::Kind>("kind");
    using K = Error::Kind;
    const QByteArray get("GET"), put("PUT"), post("POST");
    QTest::newRow("GET 500 twice") << "500*2" << get << true << 2 << 3 << 3 << K::None;
    QTest::newRow("GET 503 beyond max") << "503*10" << get << false << 3 << 4 << 4 << K::Server;
    QTest::newRow("GET 502 once") << "502*1" << get << true << 1 << 2 << 2 << K::None;
    // Qt's HTTP layer itself resends once when a connection closes before any response byte
    // (it takes that for a stale keep-alive connection); the second cut reaches the client.
    QTest::newRow("GET cut, Qt resends") << "cut*1" << get << true << 0 << 1 << 2 << K::None;
    QTest::newRow("GET cut twice, retried") << "cut*2" << get << true << 1 << 2 << 3 << K::None;
    QTest::newRow("GET cut beyond max") << "cut*9" << get << false << 3 << 4 << 5 << K::Network;
    QTest::newRow("GET malformed not retried")
        << "malformed*1" << get << false << 0 << 1 << 1 << K::BadResponse;
    QTest::newRow("PUT 500 retried") << "500*1" << put << true << 1 << 2 << 2 << K::None;
    QTest::newRow("POST 500 not retried") << "500*1" << post << false << 0 << 1 << 1 << K::Server;
    QTest::newRow("POST 503 not retried") << "503*1" << post << false << 0 << 1 << 1 << K::Server;
    QTest::newRow("POST cut not retried") << "cut*2" << post << false << 0 << 1 << 2 << K::Network;
    QTest::newRow("POST 429 retried") << "429*1" << post << true << 1 << 2 << 2 << K::None;
    // 429s say when to come back: a storm longer than the failure budget is ridden out.
    QTest::newRow("GET 429 storm ridden out") << "429*5" << get << true << 5 << 6 << 6 << K::None;
    QTest::newRow("GET 429 storm with 5xx") << "429*3,500*3" << get << true << 6 << 7 << 7 << K::None;
    // Headers arrived, then the connection broke: retried like any broken GET, never resent by Qt.
    QTest::newRow("GET cut mid-answer") << "midcut*9" << get << false << 3 << 4 << 4 << K::Network;
    QTest::newRow("PUT cut mid-answer not retried") << "midcut*1" << put << true << 1 << 2 << 2 << K::None;
}

void TestApiClient::retries()
{
    QFETCH(QString, faults);
    QFETCH(QByteArray, method);
    QFETCH(bool, ok);
    QFETCH(int, retries);
    QFETCH(int, sent);
    QFETCH(int, onWire);
    QFETCH(Error::Kind, kind);
    ConnectionSettings s = settings();
    s.maxRetries = 3;
    m_client->setSettings(s);
    QVERIFY(m_server->setFaults(faults));
    Request request = Request::get(QStringLiteral("/v1/snippets"));
    if (method == "PUT") {
        request =
            Request::put(QStringLiteral("/v1/snippets"), {{QStringLiteral("name"), QStringLiteral("retry")},
                                                          {QStringLiteral("value"), QStringLiteral("v")}});
    } else if (method == "POST") {
        request = Request::post(
            QStringLiteral("/v1/segments"),
            {{QStringLiteral("segment"), QJsonObject{{QStringLiteral("name"), QStringLiteral("New")}}}});
    }
    const Response r = call(request);
    QCOMPARE(r.ok(), ok);
    QCOMPARE(r.error.kind, kind);
    QCOMPARE(r.retries, retries);
    QCOMPARE(m_client->requestsSent(), quint64(sent));
    QCOMPARE(m_server->requests().size(), onWire);
    QCOMPARE(m_client->log()->entries().size(), 1);
    QCOMPARE(m_client->log()->entries().at(0).retries, retries);
}

void TestApiClient::transferTimeoutAndDeadline()
{
    ConnectionSettings s = settings();
    s.transferTimeoutMs = 300;
    m_client->setSettings(s);
    QVERIFY(m_server->setFaults(QStringLiteral("stall*1")));
    Response r = call(Request::get(QStringLiteral("/v1/snippets")));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.retries, 1);

    // A stalled write is not repeated: the server may have acted on it.
    QVERIFY(m_server->setFaults(QStringLiteral("stall*1")));
    r = call(Request::post(
        QStringLiteral("/v1/segments"),
        {{QStringLiteral("segment"), QJsonObject{{QStringLiteral("name"), QStringLiteral("T")}}}}));
    QCOMPARE(r.error.kind, Error::Kind::Timeout);
    QCOMPARE(r.retries, 0);

    // The overall deadline wins over retries and long transfer timeouts.
    s.transferTimeoutMs = 10000;
    s.deadlineMs = 400;
    m_client->setSettings(s);
    QVERIFY(m_server->setFaults(QStringLiteral("stall*5")));
    QElapsedTimer t;
    t.start();
    r = call(Request::get(QStringLiteral("/v1/snippets")));
    QCOMPARE(r.error.kind, Error::Kind::Timeout);
    QVERIFY(t.elapsed() < 3000);
    QVERIFY(!r.error.message().isEmpty());
}

void TestApiClient::rateLimitWaitHasABudget()
{
    ConnectionSettings s = settings();
    s.rateLimitBudgetMs = 1500; // the sandbox's 429 says Retry-After: 1
    m_client->setSettings(s);
    QVERIFY(m_server->setFaults(QStringLiteral("429*10")));
    const Response r = call(Request::get(QStringLiteral("/v1/snippets")));
    QCOMPARE(r.error.kind, Error::Kind::RateLimited);
    QCOMPARE(r.retries, 1); // one wait of 1 s fits in 1.5 s, a second does not
    QCOMPARE(m_server->requests().size(), 2);
}

void TestApiClient::startWithinExpiresUnsent()
{
    // Something else holds the queue (a 429 pause): a write that must follow its read is not sent late.
    m_client->rateLimiter()->pause(1500);
    Request put = Request::put(QStringLiteral("/v1/snippets"), {{QStringLiteral("name"), QStringLiteral("late")},
                                                                {QStringLiteral("value"), QStringLiteral("v")}});
    put.startWithinMs = 200;
    QElapsedTimer t;
    t.start();
    const Response r = call(put);
    QCOMPARE(r.error.kind, Error::Kind::Cancelled);
    QVERIFY(r.error.expired);
    QVERIFY(t.elapsed() < 1500); // told when it expired, not when the pause ended
    QVERIFY(!r.error.message().isEmpty());
    QCOMPARE(m_server->requests().size(), 0);

    // When the way is clear it simply goes.
    QTRY_COMPARE_WITH_TIMEOUT(m_client->rateLimiter()->pausedForMs(), qint64(0), 5000);
    const Response sent = call(put);
    QVERIFY2(sent.ok(), qPrintable(sent.error.message()));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestApiClient::cutMidAnswerIsNotUnreachable()
{
    ConnectionSettings s = settings();
    s.maxRetries = 0;
    m_client->setSettings(s);
    QVERIFY(m_server->setFaults(QStringLiteral("midcut*1")));
    const Response r = call(Request::get(QStringLiteral("/v1/snippets")));
    QCOMPARE(r.error.kind, Error::Kind::Network);
    QVERIFY(r.error.cutShort);
    QVERIFY2(r.error.message().contains(QLatin1String("broke while")), qPrintable(r.error.message()));
    QVERIFY(!r.error.message().contains(QLatin1String("could not be reached")));

    // Accepted and closed without an answer: reached, so not "could not be reached" either.
    QVERIFY(m_server->setFaults(QStringLiteral("cut*2")));
    const Response closed = call(Request::get(QStringLiteral("/v1/snippets")));
    QCOMPARE(closed.error.kind, Error::Kind::Network);
    QVERIFY(!closed.error.cutShort);
    QVERIFY(closed.error.closedUnanswered);
    QVERIFY2(closed.error.message().contains(QLatin1String("without answering")), qPrintable(closed.error.message()));

    // A refused connection (nothing listens on the port) still reads as unreachable.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 freePort = probe.serverPort();
    probe.close();
    s.baseUrl.setPort(freePort);
    m_client->setSettings(s);
    const Response refused = call(Request::get(QStringLiteral("/v1/snippets")));
    QCOMPARE(refused.error.kind, Error::Kind::Network);
    QVERIFY(!refused.error.cutShort);
    QVERIFY(!refused.error.closedUnanswered);
    QVERIFY2(refused.error.message().contains(QLatin1String("could not be reached")), qPrintable(refused.error.message()));
}

void TestApiClient::oversizedAnswersAreRefusedUnread()
{
    ConnectionSettings s = settings();
    s.maxResponseBytes = 1024 * 1024;
    m_client->setSettings(s);
    QVERIFY(m_server->setFaults(QStringLiteral("huge=3*1")));
    Response r = call(Request::get(QStringLiteral("/v1/snippets")));
    QCOMPARE(r.error.kind, Error::Kind::BadResponse);
    QCOMPARE(r.error.sizeLimit, s.maxResponseBytes);
    QVERIFY(r.body.isEmpty());
    QVERIFY(r.json.isEmpty());
    QCOMPARE(r.retries, 0); // a second attempt would be as large
    QCOMPARE(m_server->requests().size(), 1);
    QVERIFY2(r.error.message().contains(QLatin1String("1 MB")), qPrintable(r.error.message()));
    QVERIFY(m_client->log()->entries().constLast().bytesReceived <= s.maxResponseBytes);

    // Under the cap the same kind of answer is read.
    QVERIFY(m_server->setFaults(QStringLiteral("huge=1*1")));
    s.maxResponseBytes = 4 * 1024 * 1024;
    m_client->setSettings(s);
    r = call(Request::get(QStringLiteral("/v1/snippets")));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.json.value(QLatin1String("snippets")).toArray().size(), 1);
}

void TestApiClient::paging()
{
    QJsonArray all;
    Error error;
    bool done = false;
    m_client->fetchAll(
        Request::get(QStringLiteral("/v1/newsletters")), QStringLiteral("newsletters"), this,
        [&](const QJsonArray &items, const Error &e) {
            all = items;
            error = e;
            done = true;
        },
        5);
    QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
    QVERIFY2(!error.isError(), qPrintable(error.message()));
    QCOMPARE(all.size(), 12);
    QCOMPARE(m_server->requests().size(), 3);
    QVERIFY(m_server->requests().at(1).query.contains(QLatin1String("start=")));
    QSet<int> ids;
    for (const QJsonValue &v : all)
        ids.insert(v.toObject().value(QLatin1String("id")).toInt());
    QCOMPARE(ids.size(), 12);

    // Page by page, as a model's fetchMore does.
    QString next;
    int pages = 0, items = 0;
    do {
        done = false;
        fetchPage(m_client.get(), Request::get(QStringLiteral("/v1/newsletters")),
                  QStringLiteral("newsletters"), next, 4, this,
                  [&](const QJsonArray &page, const QString &cursor, const Error &e) {
                      QVERIFY(!e.isError());
                      items += int(page.size());
                      next = cursor;
                      done = true;
                  });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
        ++pages;
    } while (!next.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(items, 12);

    // A 200 without the list member — an empty body, or {} — is a broken answer, never an empty list.
    for (const char *fault : {"empty*1", "hollow*1"}) {
        QVERIFY(m_server->setFaults(QString::fromLatin1(fault)));
        done = false;
        m_client->fetchAll(Request::get(QStringLiteral("/v1/newsletters")), QStringLiteral("newsletters"), this,
                           [&](const QJsonArray &got, const Error &e) {
                               all = got;
                               error = e;
                               done = true;
                           });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
        QCOMPARE(error.kind, Error::Kind::BadResponse);
        QVERIFY(all.isEmpty());
    }
    QVERIFY(m_server->setFaults(QString()));
}

void TestApiClient::appApi()
{
    AppApi api(m_client.get());
    int pending = 0;
    QStringList failures;
    auto check = [&](const char *what, const Error &e, bool good) {
        if (e.isError() || !good)
            failures.append(QString::fromLatin1(what) + QLatin1String(": ") + e.message());
        --pending;
    };
    pending = 10;
    api.newslettersPage({}, 5, this, [&](const QList<Newsletter> &l, const QString &next, const Error &e) {
        check("page", e, l.size() == 5 && !next.isEmpty());
    });
    api.allNewsletters(this,
                       [&](const QList<Newsletter> &l, const Error &e) { check("all", e, l.size() == 12); });
    api.newsletter(101, this, [&](const Newsletter &n, const Error &e) {
        check("one", e, n.id == 101 && !n.name.isEmpty());
    });
    api.contents(101, this, [&](const QList<Content> &l, const Error &e) {
        check("contents", e, !l.isEmpty() && l.at(0).newsletterId == 101);
    });
    api.content(101, 1001, this,
                [&](const Content &c, const Error &e) { check("content", e, c.id == 1001); });
    api.testGroups(103, this,
                   [&](const QList<TestGroup> &l, const Error &e) { check("groups", e, !l.isEmpty()); });
    api.snippets(this, [&](const QList<Snippet> &l, const Error &e) { check("snippets", e, l.size() == 3); });
    api.segments(this, [&](const QList<Segment> &l, const Error &e) {
        check("segments", e, !l.isEmpty() && l.at(0).isManual());
    });
    api.senderIdentities(
        this, [&](const QList<SenderIdentity> &l, const Error &e) { check("senders", e, l.size() >= 4); });
    api.ipAddresses(this, [&](const QStringList &l, const Error &e) { check("ips", e, l.size() == 2); });
    QVERIFY(QTest::qWaitFor([&] { return pending == 0; }, 10000));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));

    bool done = false;
    api.newsletter(4242, this, [&](const Newsletter &, const Error &e) {
        QCOMPARE(e.kind, Error::Kind::NotFound);
        done = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
}

void TestApiClient::dtoRoundTrip_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("key");
    QTest::newRow("newsletter") << "/v1/newsletters/101"
                                << "newsletter";
    QTest::newRow("newsletters") << "/v1/newsletters"
                                 << "newsletters";
    QTest::newRow("contents") << "/v1/newsletters/101/contents"
                              << "contents";
    QTest::newRow("content") << "/v1/newsletters/101/contents/1001"
                             << "content";
    QTest::newRow("test groups") << "/v1/newsletters/103/test_groups"
                                 << "test_groups";
    QTest::newRow("snippets") << "/v1/snippets"
                              << "snippets";
    QTest::newRow("segments") << "/v1/segments"
                              << "segments";
    QTest::newRow("senders") << "/v1/sender_identities"
                             << "sender_identities";
    QTest::newRow("deliveries") << "/v1/newsletters/102/messages"
                                << "messages";
    QTest::newRow("delivery") << "/v1/messages/kq6-ia1gJF45TeaAgNqQ8OyXYmI0VQ0tbdU%3D"
                              << "message";
    QTest::newRow("archived message")
        << "/v1/messages/iHOhFGzjXv-l-sjsKkwVFUevrNWZ0NcAR0Y%3D/archived_message"
        << "archived_message";
    QTest::newRow("forgotten archived message")
        << "/v1/messages/1HIH2_nd6ZcfN6JGNOwxsKs1aIG-6ZHRAw4%3D/archived_message"
        << "archived_message";
}

void TestApiClient::dtoRoundTrip()
{
    QFETCH(QString, path);
    QFETCH(QString, key);
    const Response r = call(Request::get(path));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    const QJsonValue payload = r.json.value(key);
    const QJsonArray objects = payload.isArray() ? payload.toArray() : QJsonArray{payload};
    QVERIFY(!objects.isEmpty());
    for (const QJsonValue &v : objects) {
        const QJsonObject in = v.toObject();
        QJsonObject out;
        if (key.startsWith(QLatin1String("newsletter")))
            out = Newsletter::fromJson(in).toJson();
        else if (key.startsWith(QLatin1String("content")))
            out = Content::fromJson(in).toJson();
        else if (key == QLatin1String("test_groups"))
            out = TestGroup::fromJson(in).toJson();
        else if (key == QLatin1String("snippets"))
            out = Snippet::fromJson(in).toJson();
        else if (key == QLatin1String("segments"))
            out = Segment::fromJson(in).toJson();
        else if (key.startsWith(QLatin1String("message")))
            out = Delivery::fromJson(in).toJson();
        else if (key == QLatin1String("archived_message"))
            out = ArchivedMessage::fromJson(in).toJson();
        else
            out = SenderIdentity::fromJson(in).toJson();
        // The delivery DTOs keep nulls and nested objects exactly.
        if (key.contains(QLatin1String("message")))
            QCOMPARE(out, in);
        for (auto it = in.begin(); it != in.end(); ++it)
            QVERIFY2(out.contains(it.key()), qPrintable(key + QLatin1Char('.') + it.key()));
    }
}

namespace {

const QString toAda =
    QStringLiteral("iHOhFGzjXv-l-sjsKkwVFUevrNWZ0NcAR0Y="); // fixture ids: see tests/sandbox/data
const QString forgottenOne = QStringLiteral("1HIH2_nd6ZcfN6JGNOwxsKs1aIG-6ZHRAw4=");

struct ArchivedResult
{
    ArchivedMessage message;
    DailyQuota quota;
    Error error;
};

ArchivedResult fetchArchived(Client *client, const QString &id, QObject *context)
{
    ArchivedResult out;
    bool done = false;
    AppApi(client).archivedMessage(id, context,
                                   [&](const ArchivedMessage &m, const DailyQuota &q, const Error &e) {
                                       out = {m, q, e};
                                       done = true;
                                   });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("archivedMessage did not finish");
    return out;
}

} // namespace

void TestApiClient::deliveries()
{
    AppApi api(m_client.get());
    QList<Delivery> all;
    Error error;
    bool done = false;
    api.newsletterDeliveries(102, this, [&](const QList<Delivery> &l, const Error &e) {
        all = l;
        error = e;
        done = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
    QVERIFY2(!error.isError(), qPrintable(error.message()));
    QCOMPARE(all.size(), 7);
    QVERIFY(m_server->requests().constLast().query.contains(QLatin1String("limit=1000")));
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i - 1).created >= all.at(i).created); // newest first
    const auto byCustomer = [&all](const char *id) {
        return *std::find_if(all.cbegin(), all.cend(),
                             [id](const Delivery &d) { return d.customer.id == QLatin1String(id); });
    };
    const Delivery ada = byCustomer("u1");
    QCOMPARE(ada.id, toAda);
    QCOMPARE(ada.newsletterId, std::optional<qint64>(102));
    QCOMPARE(ada.contentId, std::optional<qint64>(1003));
    QCOMPARE(ada.recipient, QStringLiteral("ada@acme.test"));
    QCOMPARE(ada.subject, QStringLiteral("Welcome aboard"));
    QCOMPARE(ada.customer, (CustomerIdentifiers{QStringLiteral("u1"), QStringLiteral("ada@acme.test"),
                                                QStringLiteral("a1b2c3d4e5f6")}));
    QCOMPARE(ada.state(), QStringLiteral("clicked"));
    QCOMPARE(ada.metricTime(QStringLiteral("opened")), std::optional<qint64>(1700000140));
    QCOMPARE(ada.metricTime(QStringLiteral("human_opened")), std::nullopt); // a count, not a time
    QCOMPARE(ada.metrics.value(QStringLiteral("human_opened")), 1);
    QVERIFY(!ada.campaignId && !ada.broadcastId && !ada.actionId); // null or absent
    QVERIFY(ada.failureMessage.isEmpty());
    QCOMPARE(byCustomer("u4").state(), QStringLiteral("bounced"));
    QVERIFY(byCustomer("u4").isFailure());
    QVERIFY(!byCustomer("u4").failureMessage.isEmpty());
    const Delivery noEmail = byCustomer("u6");
    QCOMPARE(noEmail.state(), QStringLiteral("undeliverable"));
    QVERIFY(noEmail.customer.email.isEmpty() && noEmail.recipient.isEmpty());
    QCOMPARE(byCustomer("u3").state(), QStringLiteral("delivered"));

    // Page by page, as a model's fetchMore would.
    QStringList paged;
    QString next;
    int pages = 0;
    do {
        done = false;
        api.newsletterDeliveriesPage(102, next, 3, this,
                                     [&](const QList<Delivery> &page, const QString &cursor, const Error &e) {
                                         QVERIFY(!e.isError());
                                         for (const Delivery &d : page)
                                             paged.append(d.id);
                                         next = cursor;
                                         done = true;
                                     });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
        ++pages;
    } while (!next.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(paged.size(), 7);
    QCOMPARE(paged.first(), all.first().id);

    // One by id (the '=' travels percent-encoded), and the 404s.
    Delivery one;
    done = false;
    api.delivery(toAda, this, [&](const Delivery &d, const Error &e) {
        QVERIFY2(!e.isError(), qPrintable(e.message()));
        one = d;
        done = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
    QCOMPARE(one.toJson(), ada.toJson());
    QList<Error::Kind> kinds;
    api.delivery(QStringLiteral("nope"), this,
                 [&](const Delivery &, const Error &e) { kinds.append(e.kind); });
    api.newsletterDeliveries(999, this,
                             [&](const QList<Delivery> &, const Error &e) { kinds.append(e.kind); });
    QVERIFY(QTest::qWaitFor([&] { return kinds.size() == 2; }, 5000));
    QCOMPARE(kinds, QList<Error::Kind>({Error::Kind::NotFound, Error::Kind::NotFound}));
}

void TestApiClient::archivedMessages()
{
    m_server->setArchivedMessageQuota(3);
    ArchivedResult r = fetchArchived(m_client.get(), toAda, this);
    QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
    QCOMPARE(r.message.id, toAda);
    QCOMPARE(r.message.subject, QStringLiteral("Welcome aboard"));
    QVERIFY(r.message.body.contains(QLatin1String("Welcome, Ada!")));
    QCOMPARE(r.message.from, QStringLiteral("Acme Marketing <news@acme.test>"));
    QCOMPARE(r.message.recipient, QStringLiteral("ada@acme.test"));
    QCOMPARE(r.message.headers, QList<Header>({{QStringLiteral("X-Campaign"), QStringLiteral("n102")}}));
    QCOMPARE(r.quota.limit, 3);
    QCOMPARE(r.quota.remaining, 2);

    r = fetchArchived(m_client.get(), forgottenOne, this);
    QVERIFY(!r.error.isError());
    QVERIFY(r.message.forgotten);
    QVERIFY(r.message.body.isEmpty());
    QCOMPARE(r.quota.remaining, 1);

    r = fetchArchived(m_client.get(), QStringLiteral("nope"), this); // a miss costs one too
    QCOMPARE(r.error.kind, Error::Kind::NotFound);
    QCOMPARE(r.quota.remaining, 0);

    // The client knows the quota is gone and does not ask again today.
    r = fetchArchived(m_client.get(), toAda, this);
    QCOMPARE(r.error.kind, Error::Kind::RateLimited);
    QVERIFY(r.error.dailyQuota);
    QCOMPARE(r.error.message(),
             QStringLiteral("The archived-message quota for today (3) is used up; try again tomorrow."));
    QCOMPARE(r.quota.limit, 3);
    QCOMPARE(r.quota.remaining, 0);
    QCOMPARE(m_server->requests().size(), 3);
}

void TestApiClient::archivedQuotaNotRetried()
{
    m_server->setArchivedMessageQuota(1);
    QVERIFY(!fetchArchived(m_client.get(), toAda, this).error.isError());

    // A second client (another window, a restart) learns it from the server's 429, which has no
    // Retry-After: reported at once, not retried, and what comes next is not held up.
    Client other(settings());
    other.setRetryBaseDelayMs(50);
    m_server->clearRequests();
    const ArchivedResult r = fetchArchived(&other, toAda, this);
    QCOMPARE(r.error.kind, Error::Kind::RateLimited);
    QCOMPARE(r.error.httpStatus, 429);
    QVERIFY(r.error.dailyQuota);
    QVERIFY2(r.error.message().startsWith(
                 QLatin1String("The archived-message quota for today (1) is used up; try again tomorrow.")),
             qPrintable(r.error.message()));
    QCOMPARE(r.quota.limit, 1);
    QCOMPARE(r.quota.remaining, 0);
    QCOMPARE(other.responses429(), quint64(1));
    QCOMPARE(other.requestsSent(), quint64(1)); // no retry
    QCOMPARE(other.log()->entries().constFirst().retries, 0);
    QVERIFY(!other.rateLimiter()->isPaused());
    QCOMPARE(other.queueState().pausedForMs, 0);
    QCOMPARE(other.rateLimiter()->quotaRemaining(QStringLiteral("/v1/messages/x/archived_message")), 0);

    int others = 0;
    for (int i = 0; i < 3; ++i)
        other.send(Request::get(QStringLiteral("/v1/snippets")), this,
                   [&](const Response &x) { others += x.ok(); });
    QVERIFY(QTest::qWaitFor([&] { return others == 3; }, 10000));
    const auto seen = m_server->requests();
    QCOMPARE(seen.size(), 4);
    QCOMPARE(seen.constFirst().status, 429);
    // A pause would hold them for at least a second.
    QVERIFY2(seen.constLast().receivedMs - seen.constFirst().receivedMs < 900,
             qPrintable(QString::number(seen.constLast().receivedMs - seen.constFirst().receivedMs)));
}

void TestApiClient::quotaPolicy_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("remaining");
    QTest::addColumn<bool>("quota");
    const QString archived = QStringLiteral("/v1/messages/abc%3D/archived_message");
    QTest::newRow("archived, counters") << archived << QByteArray() << QByteArray("0") << true;
    QTest::newRow("archived, no counters") << archived << QByteArray() << QByteArray() << true;
    QTest::newRow("archived, per second") << archived << QByteArray("1") << QByteArray("42") << false;
    QTest::newRow("other, no Retry-After")
        << QStringLiteral("/v1/snippets") << QByteArray() << QByteArray() << false;
    QTest::newRow("other, remaining 0")
        << QStringLiteral("/v1/snippets") << QByteArray() << QByteArray("0") << true;
}

void TestApiClient::quotaPolicy()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, remaining);
    QFETCH(bool, quota);
    Response r;
    r.status = 429;
    if (!retryAfter.isEmpty())
        r.headers.insert("retry-after", retryAfter);
    if (!remaining.isEmpty())
        r.headers.insert("x-ratelimit-remaining", remaining);
    QCOMPARE(retry::isQuotaExhausted(Request::get(path), r), quota);
}

void TestApiClient::redirectsNeverLeakKey()
{
    RedirectServer other; // the foreign host: must never see the key
    RedirectServer api;   // plays the API host and redirects
    QVERIFY(other.listen());
    QVERIFY(api.listen());
    api.setRedirect(QStringLiteral("/v1/away"),
                    QStringLiteral("http://127.0.0.1:%1/v1/stolen").arg(other.port()));
    api.setRedirect(QStringLiteral("/v1/moved"), QStringLiteral("/v1/here"));
    ConnectionSettings s = settings();
    s.baseUrl = api.url();
    Client client(s);

    Response r = call(Request::get(QStringLiteral("/v1/away")), &client);
    QCOMPARE(r.error.kind, Error::Kind::Insecure);
    QVERIFY(!r.error.message().isEmpty());
    for (const QByteArray &raw : other.received())
        QVERIFY2(!raw.toLower().contains("authorization") && !raw.contains(ApiKey.toUtf8()), raw.constData());

    // Same origin: followed, and the key goes along.
    r = call(Request::get(QStringLiteral("/v1/moved")), &client);
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.json.value(QLatin1String("path")).toString(), QStringLiteral("/v1/here"));
    QVERIFY(api.received().constLast().contains(QByteArray("Authorization: Bearer " + ApiKey.toUtf8())));
}

void TestApiClient::readOnlyRefusesWrites()
{
    ConnectionSettings s = settings();
    s.readOnly = true;
    m_client->setSettings(s);
    const QJsonObject snippet{{QStringLiteral("name"), QStringLiteral("x")},
                              {QStringLiteral("value"), QStringLiteral("y")}};
    for (const Request &request : {Request::put(QStringLiteral("/v1/snippets"), snippet),
                                   Request::post(QStringLiteral("/v1/snippets"), snippet),
                                   Request::del(QStringLiteral("/v1/snippets/footer"))}) {
        const Response r = call(request);
        QCOMPARE(r.error.kind, Error::Kind::ReadOnly);
        QVERIFY(!r.error.message().isEmpty());
    }
    QVERIFY(call(Request::get(QStringLiteral("/v1/snippets"))).ok());
    const auto seen = m_server->requests();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.at(0).method, QByteArray("GET"));
    QCOMPARE(m_client->requestsSent(), quint64(1));
    QCOMPARE(m_client->log()->entries().size(), 4); // refusals are logged too
}

void TestApiClient::insecureBaseUrlRefused()
{
    ConnectionSettings s = settings();
    s.baseUrl = QUrl(QStringLiteral("http://10.1.2.3:%1").arg(m_server->port()));
    m_client->setSettings(s);
    const Response r = call(Request::get(QStringLiteral("/v1/snippets")));
    QCOMPARE(r.error.kind, Error::Kind::Insecure);
    QVERIFY(r.error.message().contains(QLatin1String("http")));
    QCOMPARE(m_client->requestsSent(), quint64(0));
}

// Without a client there is nothing to ask, and the answer still comes later from the event loop (a
// caller may rely on the call returning first), and never to a context that is gone.
void TestApiClient::appApiAnswersLaterWithoutClient()
{
    cio::api::AppApi api(nullptr);
    QObject context;
    bool answered = false;
    api.snippets(&context, [&](const QList<cio::api::Snippet> &, const Error &error) {
        answered = true;
        QCOMPARE(error.kind, Error::Kind::Cancelled);
    });
    QVERIFY(!answered);
    QTRY_VERIFY_WITH_TIMEOUT(answered, 1000);

    bool gone = false;
    auto *shortLived = new QObject;
    api.deleteSnippet(QStringLiteral("x"), shortLived, [&](const Error &) { gone = true; });
    delete shortLived;
    QTest::qWait(50);
    QVERIFY(!gone);
}

void TestApiClient::contextDestroyedAndCancel()
{
    m_server->setLatencyMs(200);
    int called = 0;
    {
        QObject context;
        m_client->send(Request::get(QStringLiteral("/v1/snippets")), &context,
                       [&](const Response &) { ++called; });
    }
    QTest::qWait(400);
    QCOMPARE(called, 0);

    QList<Error::Kind> kinds;
    for (int i = 0; i < 8; ++i)
        m_client->send(Request::get(QStringLiteral("/v1/snippets")), this,
                       [&](const Response &r) { kinds.append(r.error.kind); });
    QTest::qWait(50);
    m_client->cancelAll();
    QVERIFY(QTest::qWaitFor([&] { return kinds.size() == 8; }, 3000));
    QCOMPARE(kinds.count(Error::Kind::Cancelled), 8);
    QTest::qWait(50);
    QCOMPARE(kinds.size(), 8); // exactly once each
    QCOMPARE(m_client->queueState().inFlight + m_client->queueState().waiting, 0);
}

void TestApiClient::keyNeverLogged()
{
    {
        QMutexLocker lock(&g_logMutex);
        g_messages.clear();
    }
    QVERIFY(m_server->setFaults(QStringLiteral("500*1@/v1/segments,cut*1@/v1/snippets")));
    call(Request::get(QStringLiteral("/v1/segments")));
    call(Request::get(QStringLiteral("/v1/snippets")));
    call(Request::get(QStringLiteral("/v1/newsletters/999")));
    call(Request::put(QStringLiteral("/v1/snippets"), {{QStringLiteral("name"), QStringLiteral("s")},
                                                       {QStringLiteral("value"), QStringLiteral("v")}}));
    ConnectionSettings s = settings();
    s.apiKey = ApiKey + QStringLiteral("-wrong");
    m_client->setSettings(s);
    const Response unauthorized = call(Request::get(QStringLiteral("/v1/newsletters")));
    QCOMPARE(unauthorized.error.kind, Error::Kind::Unauthorized);

    const QString key = ApiKey;
    const auto entries = m_client->log()->entries();
    QCOMPARE(entries.size(), 5);
    for (const auto &e : entries) {
        const QString all = QString::fromLatin1(e.method) + e.path + e.query + e.error +
                            RequestLog::toCurl(e, m_server->url());
        QVERIFY2(!all.contains(key), qPrintable(all));
        QVERIFY(RequestLog::toCurl(e, m_server->url()).contains(QLatin1String("Bearer <redacted>")));
    }
    QVERIFY(!unauthorized.error.message().contains(key) && !unauthorized.error.technical.contains(key));
    QMutexLocker lock(&g_logMutex);
    QVERIFY(!g_messages.isEmpty()); // the debug category really was on
    for (const QString &m : std::as_const(g_messages))
        QVERIFY2(!m.contains(key), qPrintable(m));
}

namespace {

struct DownloadResult
{
    Response response;
    QList<qint64> progress;
};

DownloadResult downloadAndWait(Client *client, const Request &request, const QString &path, QObject *context,
                               std::function<void(quint64)> whileRunning = {})
{
    DownloadResult out;
    bool done = false;
    const quint64 id = client->download(
        request, path, context, [&](qint64 received, qint64) { out.progress << received; },
        [&](const Response &r) {
            out.response = r;
            done = true;
        });
    if (whileRunning)
        whileRunning(id);
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        qWarning("download did not finish");
    return out;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

} // namespace

void TestApiClient::downloadsStreamToAFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("newsletters.json"));
    const Request list = Request::get(QStringLiteral("/v1/newsletters"), QUrlQuery(QStringLiteral("limit=50")));
    const Response inMemory = call(list);
    QVERIFY(inMemory.ok());

    // The same answer, on disk; retried through two 503s like any GET; logged once.
    m_client->log()->clear();
    m_server->setFaults(QStringLiteral("503*2@/v1/newsletters"));
    const DownloadResult got = downloadAndWait(m_client.get(), list, path, this);
    QVERIFY2(got.response.ok(), qPrintable(got.response.error.message()));
    QCOMPARE(got.response.retries, 2);
    QVERIFY(got.response.body.isEmpty());
    QCOMPARE(readFile(path), inMemory.body);
    QVERIFY(!got.progress.isEmpty());
    QCOMPARE(got.progress.last(), qint64(inMemory.body.size()));
    QCOMPARE(m_client->log()->entries().size(), 1);
    QCOMPARE(m_client->log()->entries().first().bytesReceived, qint64(inMemory.body.size()));

    // Larger than any answer the client keeps in memory: send() refuses it, a download streams it.
    ConnectionSettings small = settings();
    small.maxResponseBytes = 1024 * 1024;
    Client capped(small);
    m_server->setFaults(QStringLiteral("huge=3@/v1/newsletters"));
    QCOMPARE(call(list, &capped).error.kind, Error::Kind::BadResponse);
    const DownloadResult huge = downloadAndWait(&capped, list, path, this);
    QVERIFY2(huge.response.ok(), qPrintable(huge.response.error.message()));
    QVERIFY(QFileInfo(path).size() > 3 * 1024 * 1024 - 4096);
    QCOMPARE(huge.progress.last(), QFileInfo(path).size());
}

void TestApiClient::downloadsLeaveNothingWhenTheyFail()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kept.json"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the previous download");
    }
    const Request list = Request::get(QStringLiteral("/v1/newsletters"));

    // A server that keeps failing: the error, and the previous file untouched.
    m_server->setFaults(QStringLiteral("500*20@/v1/newsletters"));
    const DownloadResult failed = downloadAndWait(m_client.get(), list, path, this);
    QCOMPARE(failed.response.error.kind, Error::Kind::Server);
    QCOMPARE(readFile(path), QByteArray("the previous download"));

    // Cancelled while the server says nothing.
    m_server->setFaults(QStringLiteral("stall@/v1/newsletters"));
    const DownloadResult cancelled = downloadAndWait(m_client.get(), list, path, this, [this](quint64 id) {
        QTimer::singleShot(300, m_client.get(), [this, id] { m_client->cancelDownload(id); });
    });
    QCOMPARE(cancelled.response.error.kind, Error::Kind::Cancelled);
    QCOMPARE(readFile(path), QByteArray("the previous download"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList({QStringLiteral("kept.json")}));

    // A file that cannot be written is the disk's problem, named as such, and not retried.
    m_server->setFaults({});
    m_server->clearRequests();
    const DownloadResult unwritable =
        downloadAndWait(m_client.get(), list, dir.filePath(QStringLiteral("no/such/folder/x.json")), this);
    QCOMPARE(unwritable.response.error.kind, Error::Kind::File);
    QVERIFY(unwritable.response.error.message().contains(QLatin1String("no/such/folder")));
    QVERIFY(m_server->requests().size() <= 1);
}

void TestApiClient::downloadsOfSignedLinksCarryNoKey()
{
    // An export's link points at another host (here: a second sandbox). The key stays home, the
    // limiter does not pace it, and the signature in its query appears in no log.
    cio::sandbox::Server other;
    cio::sandbox::Options o;
    o.apiKey = QStringLiteral("another-key");
    o.dataPath = QStringLiteral(CIO_SOURCE_DIR "/tests/sandbox/data");
    o.rateLimit = 0;
    QString error;
    QVERIFY2(other.start(o, &error), qPrintable(error));
    QUrl link = other.url();
    link.setPath(QStringLiteral("/v1/newsletters"));
    link.setQuery(QStringLiteral("X-Signature=s1gn4ture-secret&Expires=99"));
    Request signedGet;
    signedGet.method = "GET";
    signedGet.absoluteUrl = link;

    QTemporaryDir dir;
    m_client->log()->clear();
    {
        QMutexLocker lock(&g_logMutex);
        g_messages.clear();
    }
    const DownloadResult got = downloadAndWait(m_client.get(), signedGet, dir.filePath(QStringLiteral("x")), this);
    QCOMPARE(got.response.error.kind, Error::Kind::Unauthorized); // that host wanted its own key
    QCOMPARE(other.requests().size(), 1);
    QVERIFY(other.requests().first().authorization.isEmpty());
    QCOMPARE(other.requests().first().query, link.query());
    QCOMPARE(m_client->log()->entries().size(), 1);
    const RequestLog::Entry entry = m_client->log()->entries().first();
    QCOMPARE(entry.path, QStringLiteral("/v1/newsletters"));
    QVERIFY(entry.query.isEmpty());
    QCOMPARE(entry.origin.host(), link.host());
    QVERIFY(!RequestLog::toCurl(entry, m_client->settings().effectiveBaseUrl()).contains(QLatin1String("s1gn4ture")));
    QVERIFY(!got.response.error.technical.contains(QLatin1String("s1gn4ture")));
    QMutexLocker lock(&g_logMutex);
    for (const QString &message : std::as_const(g_messages))
        QVERIFY2(!message.contains(QLatin1String("s1gn4ture")), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_api_client.moc"
