// The real client against the real sandbox on loopback: pacing, 429 pauses, retries, timeouts,
// paging, error mapping, redirects, read-only mode, redaction and DTO round trips.
#include "api/appapi.h"
#include "api/client.h"
#include "api/paging.h"
#include "api/ratelimiter.h"
#include "api/requestlog.h"
#include "sandbox/sandboxserver.h"

#include "redirectserver.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>

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
    void paging();
    void appApi();
    void dtoRoundTrip_data();
    void dtoRoundTrip();
    void redirectsNeverLeakKey();
    void readOnlyRefusesWrites();
    void insecureBaseUrlRefused();
    void contextDestroyedAndCancel();
    void keyNeverLogged();

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
        else
            out = SenderIdentity::fromJson(in).toJson();
        for (auto it = in.begin(); it != in.end(); ++it)
            QVERIFY2(out.contains(it.key()), qPrintable(key + QLatin1Char('.') + it.key()));
    }
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

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_api_client.moc"
