// Pure unit tests of the API layer: no network. Error mapping, base-URL policy, redaction and curl
// text, query encoding, cursors, DTO round trips on the contract's own examples, and the limiter
// driven by a fake clock.
#include "api/dto.h"
#include "api/error.h"
#include "api/paging.h"
#include "api/ratelimiter.h"
#include "api/region.h"
#include "api/request.h"
#include "api/requestlog.h"
#include "api/retrypolicy.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace cio::api;

Q_DECLARE_METATYPE(cio::api::Error::Kind)

namespace {

QJsonObject contract()
{
    static QJsonObject doc = [] {
        QFile f(QStringLiteral(CIO_SOURCE_DIR "/tests/contract/customerio-app-openapi.subset.json"));
        if (!f.open(QIODevice::ReadOnly))
            return QJsonObject();
        return QJsonDocument::fromJson(f.readAll()).object();
    }();
    return doc;
}

// The 200 schema of GET <path>, descended through `properties.<envelope>` (and `items` for lists).
QJsonObject itemSchema(const QString &path, const QString &envelope)
{
    const QJsonObject schema =
        contract()[QLatin1String("paths")][path][QLatin1String("get")][QLatin1String("responses")]
                  [QLatin1String("200")][QLatin1String("content")][QLatin1String("application/json")]
                  [QLatin1String("schema")]
                      .toObject();
    QJsonObject s = schema[QLatin1String("properties")][envelope].toObject();
    if (s.contains(QLatin1String("items")))
        s = s[QLatin1String("items")].toObject();
    return s;
}

// An object example: the schema's own example when it has one, else one built from the properties'.
QJsonObject exampleFor(const QString &path, const QString &envelope)
{
    const QJsonObject s = itemSchema(path, envelope);
    if (s[QLatin1String("example")].isObject())
        return s[QLatin1String("example")].toObject();
    QJsonObject out;
    const QJsonObject props = s[QLatin1String("properties")].toObject();
    for (auto it = props.begin(); it != props.end(); ++it) {
        const QJsonObject p = it.value().toObject();
        if (p.contains(QLatin1String("example")))
            out.insert(it.key(), p[QLatin1String("example")]);
    }
    return out;
}

} // namespace

class TestApiUnit final : public QObject
{
    Q_OBJECT

private slots:
    void regions();
    void baseUrlPolicy_data();
    void baseUrlPolicy();
    void errorMapping_data();
    void errorMapping();
    void errorMessages();
    void redaction_data();
    void redaction();
    void curlText();
    void logCapacity();
    void queryEncoding();
    void cursors_data();
    void cursors();
    void dtoRoundTrip_data();
    void dtoRoundTrip();
    void dtoNulls();
    void contentHeadersAndUpdate();
    void limiterBurstAndWindow();
    void limiterPause();
    void limiterTriggerRule();
    void limiterArchivedQuota();
    void retryPolicy();
};

void TestApiUnit::regions()
{
    QCOMPARE(defaultBaseUrl(Region::Us), QUrl(QStringLiteral("https://api.customer.io")));
    QCOMPARE(defaultBaseUrl(Region::Eu), QUrl(QStringLiteral("https://api-eu.customer.io")));
    QCOMPARE(regionName(Region::Eu), QStringLiteral("eu"));
    QCOMPARE(regionFromName(QStringLiteral(" US ")), std::optional<Region>(Region::Us));
    QCOMPARE(regionFromName(QStringLiteral("eu")), std::optional<Region>(Region::Eu));
    QVERIFY(!regionFromName(QStringLiteral("apac")));
}

void TestApiUnit::baseUrlPolicy_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("us") << "https://api.customer.io" << true;
    QTest::newRow("https any host") << "https://example.com:8443/prefix" << true;
    QTest::newRow("loopback v4") << "http://127.0.0.1:4010" << true;
    QTest::newRow("loopback 127/8") << "http://127.1.2.3" << true;
    QTest::newRow("loopback v6") << "http://[::1]:8080" << true;
    QTest::newRow("localhost") << "http://LOCALHOST:1234" << true;
    QTest::newRow("http remote") << "http://api.customer.io" << false;
    QTest::newRow("http lan") << "http://192.168.1.5" << false;
    QTest::newRow("localhost lookalike") << "http://localhost.evil.com" << false;
    QTest::newRow("ftp") << "ftp://api.customer.io" << false;
    QTest::newRow("userinfo") << "https://user:pw@api.customer.io" << false;
    QTest::newRow("relative") << "/v1" << false;
    QTest::newRow("empty") << "" << false;
}

void TestApiUnit::baseUrlPolicy()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QString why;
    QCOMPARE(isAllowedBaseUrl(QUrl(url), &why), allowed);
    QCOMPARE(why.isEmpty(), allowed);
}

void TestApiUnit::errorMapping_data()
{
    QTest::addColumn<int>("netError");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("detail");
    using K = Error::Kind;
    const int none = QNetworkReply::NoError;
    QTest::newRow("200 object") << none << 200 << QByteArray(R"({"a":1})") << K::None << "";
    QTest::newRow("204 empty") << none << 204 << QByteArray() << K::None << "";
    QTest::newRow("200 not json") << none << 200 << QByteArray("<html>") << K::BadResponse << "";
    QTest::newRow("200 array") << none << 200 << QByteArray("[1]") << K::BadResponse << "";
    QTest::newRow("401 no body") << int(QNetworkReply::AuthenticationRequiredError) << 401 << QByteArray()
                                 << K::Unauthorized << "";
    QTest::newRow("403") << int(QNetworkReply::ContentAccessDenied) << 403 << QByteArray() << K::Forbidden
                         << "";
    QTest::newRow("404") << int(QNetworkReply::ContentNotFoundError) << 404 << QByteArray("not json")
                         << K::NotFound << "";
    QTest::newRow("429 generic")
        << int(QNetworkReply::UnknownContentError) << 429
        << QByteArray(R"({"errors":[{"detail":"rate limited to 10 requests per 1s","status":"429"}]})")
        << K::RateLimited << "rate limited to 10 requests per 1s";
    QTest::newRow("422 two errors")
        << int(QNetworkReply::UnknownContentError) << 422
        << QByteArray(
               R"({"errors":[{"detail":"name is blank","source":{"pointer":"/name"},"status":"422"},{"detail":"value too long","status":"422"}]})")
        << K::Rejected << "name is blank; value too long";
    QTest::newRow("400 meta.error") << int(QNetworkReply::ProtocolInvalidOperationError) << 400
                                    << QByteArray(R"({"meta":{"error":"to is required"}})") << K::Rejected
                                    << "to is required";
    QTest::newRow("problem+json")
        << int(QNetworkReply::UnknownContentError) << 401
        << QByteArray(R"({"type":"x","title":"Invalid security scheme used","status":401})")
        << K::Unauthorized << "Invalid security scheme used";
    QTest::newRow("500") << int(QNetworkReply::InternalServerError) << 500 << QByteArray() << K::Server << "";
    QTest::newRow("503") << int(QNetworkReply::ServiceUnavailableError) << 503 << QByteArray() << K::Server
                         << "";
    QTest::newRow("refused") << int(QNetworkReply::ConnectionRefusedError) << 0 << QByteArray() << K::Network
                             << "";
    QTest::newRow("closed") << int(QNetworkReply::RemoteHostClosedError) << 0 << QByteArray() << K::Network
                            << "";
    QTest::newRow("cut after 200") << int(QNetworkReply::RemoteHostClosedError) << 200
                                   << QByteArray(R"({"a")") << K::Network << "";
    QTest::newRow("timeout") << int(QNetworkReply::TimeoutError) << 0 << QByteArray() << K::Timeout << "";
    QTest::newRow("tls") << int(QNetworkReply::SslHandshakeFailedError) << 0 << QByteArray() << K::Tls << "";
    QTest::newRow("redirect") << int(QNetworkReply::InsecureRedirectError) << 0 << QByteArray() << K::Insecure
                              << "";
    QTest::newRow("cross-origin 302")
        << int(QNetworkReply::InsecureRedirectError) << 302 << QByteArray() << K::Insecure << "";
    QTest::newRow("302 left over") << none << 302 << QByteArray() << K::BadResponse << "";
}

void TestApiUnit::errorMapping()
{
    QFETCH(int, netError);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, detail);
    QJsonObject json;
    const Error e = errorFromReply(QNetworkReply::NetworkError(netError), QStringLiteral("transport says"),
                                   status, body, &json);
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.detail, detail);
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.isError(), kind != Error::Kind::None);
    if (kind != Error::Kind::None)
        QVERIFY(!e.message().isEmpty());
}

void TestApiUnit::errorMessages()
{
    Error e = errorFromReply(QNetworkReply::AuthenticationRequiredError, {}, 401, {});
    QVERIFY(e.message().contains(QLatin1String("401")));
    QVERIFY(e.message().contains(QLatin1String("key")));
    e = errorFromReply(QNetworkReply::ProtocolInvalidOperationError, {}, 400,
                       R"({"errors":[{"detail":"subject can't be blank","status":"400"}]})");
    QVERIFY2(e.message().contains(QLatin1String("subject can't be blank")), qPrintable(e.message()));
    QVERIFY(e.message().contains(QLatin1String("400")));
    QVERIFY(Error().message().isEmpty());
    QVERIFY(!Error::make(Error::Kind::ReadOnly).message().isEmpty());
}

void TestApiUnit::redaction_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("secret");
    QTest::newRow("bearer") << "Authorization: Bearer abc123XYZ"
                            << "abc123XYZ";
    QTest::newRow("bearer lower") << "authorization: bearer s3cr3t-key, next"
                                  << "s3cr3t-key";
    QTest::newRow("quoted") << "-H 'Authorization: Bearer tok_9'"
                            << "tok_9";
    QTest::newRow("basic") << "Authorization: Basic dXNlcjpwYXNz"
                           << "dXNlcjpwYXNz";
    QTest::newRow("userinfo") << "GET https://site:trackkey@track.customer.io/api"
                              << "trackkey";
    QTest::newRow("service account") << "token sa_live_ABCdef123 used"
                                     << "sa_live_ABCdef123";
}

void TestApiUnit::redaction()
{
    QFETCH(QString, text);
    QFETCH(QString, secret);
    const QString out = RequestLog::redact(text);
    QVERIFY2(!out.contains(secret), qPrintable(out));
    QVERIFY(out.contains(QLatin1String("<redacted>")));
    QCOMPARE(RequestLog::redact(out), out); // idempotent
    const QString hint = QStringLiteral("send Authorization: Bearer <App API key>");
    QCOMPARE(RequestLog::redact(hint), hint); // placeholders in server messages stay readable
}

void TestApiUnit::curlText()
{
    RequestLog::Entry e;
    e.method = "PUT";
    e.path = QStringLiteral("/v1/snippets/it%27s");
    e.query = QStringLiteral("start=a%2Bb&limit=5");
    const QString curl = RequestLog::toCurl(e, QUrl(QStringLiteral("https://api-eu.customer.io")));
    QVERIFY2(curl.startsWith(QLatin1String(
                 "curl -X PUT 'https://api-eu.customer.io/v1/snippets/it%27s?start=a%2Bb&limit=5'")),
             qPrintable(curl));
    QVERIFY(curl.contains(QLatin1String("-H 'Authorization: Bearer <redacted>'")));
    QVERIFY(curl.contains(QLatin1String("Content-Type: application/json")));
    e.method = "GET";
    e.query.clear();
    QVERIFY(RequestLog::toCurl(e, QUrl(QStringLiteral("http://127.0.0.1:99")))
                .startsWith(QLatin1String("curl 'http://127.0.0.1:99/v1/")));
    // A Track API call: its own host and HTTP Basic, whatever the App API's address.
    RequestLog::Entry track;
    track.method = "POST";
    track.path = QStringLiteral("/api/v1/segments/8/add_customers");
    track.origin = QUrl(QStringLiteral("https://track-eu.customer.io"));
    track.basicAuth = true;
    const QString trackCurl = RequestLog::toCurl(track, QUrl(QStringLiteral("https://api-eu.customer.io")));
    QVERIFY2(trackCurl.startsWith(QLatin1String(
                 "curl -X POST 'https://track-eu.customer.io/api/v1/segments/8/add_customers'")),
             qPrintable(trackCurl));
    QVERIFY(trackCurl.contains(QLatin1String("-u '<site id>:<redacted>'")));
    QVERIFY(!trackCurl.contains(QLatin1String("Bearer")));
}

void TestApiUnit::logCapacity()
{
    RequestLog log;
    log.setCapacity(50);
    for (int i = 0; i < 200; ++i) {
        RequestLog::Entry e;
        e.retries = i;
        log.add(e);
    }
    QVERIFY(log.entries().size() <= 50);
    QCOMPARE(log.entries().constLast().retries, 199);
}

void TestApiUnit::queryEncoding()
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("start"), QStringLiteral("a+b/c=d"));
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("10"));
    QCOMPARE(Request::get(QStringLiteral("/v1/x"), q).encodedQuery(),
             QStringLiteral("start=a%2Bb%2Fc%3Dd&limit=10"));
    const Request paged = pageRequest(Request::get(QStringLiteral("/v1/x")), QStringLiteral("x+y %z"), 5);
    QCOMPARE(paged.encodedQuery(), QStringLiteral("start=x%2By%20%25z&limit=5"));
    QCOMPARE(Request::encodeSegment(QStringLiteral("a b/c")), QStringLiteral("a%20b%2Fc"));
    QVERIFY(Request::get(QStringLiteral("/")).idempotent());
    QVERIFY(Request::put(QStringLiteral("/"), {}).idempotent());
    QVERIFY(Request::del(QStringLiteral("/")).idempotent());
    QVERIFY(!Request::post(QStringLiteral("/"), {}).idempotent());
    QCOMPARE(Request::post(QStringLiteral("/"), QJsonObject{{QStringLiteral("a"), 1}}).body,
             QByteArray(R"({"a":1})"));
}

void TestApiUnit::cursors_data()
{
    QTest::addColumn<QByteArray>("page");
    QTest::addColumn<QString>("next");
    QTest::newRow("string") << QByteArray(R"({"next":"abc"})") << "abc";
    QTest::newRow("empty") << QByteArray(R"({"next":""})") << "";
    QTest::newRow("number") << QByteArray(R"({"next":120})") << "120";
    QTest::newRow("null") << QByteArray(R"({"next":null})") << "";
    QTest::newRow("absent") << QByteArray(R"({"items":[]})") << "";
    QTest::newRow("object") << QByteArray(R"({"next":{}})") << "";
}

void TestApiUnit::cursors()
{
    QFETCH(QByteArray, page);
    QFETCH(QString, next);
    QCOMPARE(nextCursor(QJsonDocument::fromJson(page).object()), next);
}

void TestApiUnit::dtoRoundTrip_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonObject>("source");
    QTest::newRow("newsletter") << "newsletter"
                                << exampleFor(QStringLiteral("/v1/newsletters"),
                                              QStringLiteral("newsletters"));
    QTest::newRow("content") << "content"
                             << exampleFor(
                                    QStringLiteral("/v1/newsletters/{newsletter_id}/contents/{content_id}"),
                                    QStringLiteral("content"));
    QTest::newRow("snippet") << "snippet"
                             << exampleFor(QStringLiteral("/v1/snippets"), QStringLiteral("snippets"));
    QTest::newRow("segment") << "segment"
                             << exampleFor(QStringLiteral("/v1/segments"), QStringLiteral("segments"));
    QTest::newRow("sender") << "sender"
                            << exampleFor(QStringLiteral("/v1/sender_identities"),
                                          QStringLiteral("sender_identities"));
    QTest::newRow("test group") << "testgroup"
                                << QJsonObject{{QStringLiteral("content_ids"),
                                                QJsonArray{QStringLiteral("25"), QStringLiteral("26")}},
                                               {QStringLiteral("id"), 0},
                                               {QStringLiteral("label"), QStringLiteral("test 1")},
                                               {QStringLiteral("name"), QStringLiteral("A")},
                                               {QStringLiteral("winner"), false}};
}

void TestApiUnit::dtoRoundTrip()
{
    QFETCH(QString, type);
    QFETCH(QJsonObject, source);
    QVERIFY2(source.size() >= 3, "contract example not found");
    QJsonObject out;
    if (type == QLatin1String("newsletter"))
        out = Newsletter::fromJson(source).toJson();
    else if (type == QLatin1String("content"))
        out = Content::fromJson(source).toJson();
    else if (type == QLatin1String("snippet"))
        out = Snippet::fromJson(source).toJson();
    else if (type == QLatin1String("segment"))
        out = Segment::fromJson(source).toJson();
    else if (type == QLatin1String("sender"))
        out = SenderIdentity::fromJson(source).toJson();
    else
        out = TestGroup::fromJson(source).toJson();
    for (auto it = source.begin(); it != source.end(); ++it) {
        QVERIFY2(out.contains(it.key()), qPrintable(it.key()));
        if (it.key() != QLatin1String("fake_bcc"))
            QCOMPARE(out.value(it.key()), it.value());
    }
    QCOMPARE(out.size(), source.size());
}

void TestApiUnit::dtoNulls()
{
    const auto n = Newsletter::fromJson(
        QJsonDocument::fromJson(
            R"({"id":"7","name":null,"sent_at":null,"content_ids":[1,"2",null],"tags":null,"created":1.7e9})")
            .object());
    QCOMPARE(n.id, 7);
    QVERIFY(n.name.isEmpty());
    QVERIFY(!n.sentAt);
    QVERIFY(!n.isSent());
    QCOMPARE(n.contentIds, (QList<qint64>{1, 2}));
    QCOMPARE(n.created, qint64(1700000000));
    QVERIFY(n.toJson().value(QLatin1String("sent_at")).isNull());
    const Newsletter fresh;
    QVERIFY(fresh.toJson().isEmpty()); // nothing set, nothing written
    Segment s = Segment::fromJson(QJsonDocument::fromJson(R"({"type":"manual","progress":40})").object());
    QVERIFY(s.isManual());
    QCOMPARE(s.progress, std::optional<int>(40));
    const auto groups = listFromJson<TestGroup>(
        QJsonDocument::fromJson(R"([{"id":1,"content_ids":[25,"26"]}, 3, {"id":2,"winner":"true"}])")
            .array());
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups.at(0).contentIds, (QList<qint64>{25, 26}));
    QVERIFY(groups.at(1).winner);

    // An id no 64-bit integer holds is no id (converting it was undefined behaviour; found by fuzz_dto).
    const auto huge = Segment::fromJson(QJsonDocument::fromJson(R"({"id":1.7e101,"type":"manual"})").object());
    QCOMPARE(huge.id, 0);
    QVERIFY(!missingRequired(huge).isEmpty());
}

void TestApiUnit::contentHeadersAndUpdate()
{
    const auto fromString = Content::fromJson(
        QJsonDocument::fromJson(
            R"({"id":3,"newsletter_id":9,"headers":"[{\"name\":\"X-A\",\"value\":\"1\"}]","reply_to_id":null})")
            .object());
    QCOMPARE(fromString.headers, (QList<Header>{{QStringLiteral("X-A"), QStringLiteral("1")}}));
    const auto fromArray =
        Content::fromJson(QJsonDocument::fromJson(R"({"headers":[{"name":"X-B","value":"2"}]})").object());
    QCOMPARE(fromArray.headers.value(0).name, QStringLiteral("X-B"));
    QVERIFY(
        Content::fromJson(QJsonDocument::fromJson(R"({"headers":"not json"})").object()).headers.isEmpty());

    Content c = fromString;
    c.subject = QStringLiteral("Bonjour");
    c.bodyAmp = QStringLiteral("<amp>");
    const QJsonObject update = c.toUpdate(
        {QStringLiteral("subject"), QStringLiteral("bodyAmp"), QStringLiteral("reply_to_id")});
    QCOMPARE(update.value(QLatin1String("type")).toString(), QStringLiteral("email"));
    QCOMPARE(update.value(QLatin1String("subject")).toString(), QStringLiteral("Bonjour"));
    QCOMPARE(update.value(QLatin1String("body_amp")).toString(), QStringLiteral("<amp>"));
    QVERIFY(update.value(QLatin1String("reply_to_id")).isNull());
    QCOMPARE(update.size(), 4);

    // Each channel sends its own type and only what that branch of the PUT's oneOf declares.
    const QSet<QString> all{QStringLiteral("subject"), QStringLiteral("body"), QStringLiteral("preheader_text")};
    c.body = QStringLiteral("Hej");
    c.type = QStringLiteral("push");
    QCOMPARE(c.toUpdate(all), (QJsonObject{{QStringLiteral("type"), QStringLiteral("push")},
                                           {QStringLiteral("subject"), QStringLiteral("Bonjour")},
                                           {QStringLiteral("body"), QStringLiteral("Hej")}}));
    c.type = QStringLiteral("twilio");
    QCOMPARE(c.toUpdate(all), (QJsonObject{{QStringLiteral("type"), QStringLiteral("twilio")},
                                           {QStringLiteral("body"), QStringLiteral("Hej")}}));
    c.type = QStringLiteral("in_app");
    QCOMPARE(c.toUpdate(all), (QJsonObject{{QStringLiteral("type"), QStringLiteral("in_app")}}));
    QVERIFY(Content::editableFields(QStringLiteral("inbox")).isEmpty());
    c.type.clear(); // the server did not say: an email variant
    QCOMPARE(c.channel(), QStringLiteral("email"));
}

void TestApiUnit::limiterBurstAndWindow()
{
    RateLimiter limiter;
    qint64 now = 1000;
    limiter.setClock([&now] { return now; });
    limiter.setLimit(10, 1000, 40);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(limiter.tryAcquire("GET", QStringLiteral("/v1/a")), 0); // burst of 10
    QCOMPARE(limiter.tryAcquire("GET", QStringLiteral("/v1/a")), 1040);
    now += 500;
    QCOMPARE(limiter.delayFor("GET", QStringLiteral("/v1/a")), 540);
    now += 540;
    QCOMPARE(limiter.tryAcquire("GET", QStringLiteral("/v1/a")), 0);

    // Simulate a steady stream: never more than 10 starts in any 1040 ms window.
    QList<qint64> starts;
    for (int i = 0; i < 300; ++i) {
        const qint64 wait = limiter.tryAcquire("GET", QStringLiteral("/v1/b"));
        if (wait > 0) {
            now += wait;
            continue;
        }
        starts.append(now);
        now += (i * 7) % 13; // uneven arrivals
    }
    for (int i = 10; i < starts.size(); ++i)
        QVERIFY2(starts.at(i) - starts.at(i - 10) >= 1040, qPrintable(QString::number(i)));
}

void TestApiUnit::limiterPause()
{
    RateLimiter limiter;
    qint64 now = 0;
    limiter.setClock([&now] { return now; });
    QSignalSpy spy(&limiter, &RateLimiter::pausedChanged);
    limiter.pause(2000);
    QCOMPARE(spy.size(), 1);
    QVERIFY(limiter.isPaused());
    QCOMPARE(limiter.tryAcquire("GET", QStringLiteral("/v1/a")), 2000);
    limiter.pause(500); // never shortens
    QCOMPARE(limiter.pausedForMs(), 2000);
    now = 2000;
    QVERIFY(!limiter.isPaused());
    QCOMPARE(limiter.tryAcquire("GET", QStringLiteral("/v1/a")), 0);
}

void TestApiUnit::limiterTriggerRule()
{
    RateLimiter limiter;
    qint64 now = 0;
    limiter.setClock([&now] { return now; });
    const QString b7 = QStringLiteral("/v1/campaigns/7/triggers");
    const QString b8 = QStringLiteral("/v1/campaigns/8/triggers");
    QCOMPARE(limiter.tryAcquire("POST", b7), 0);
    QVERIFY(limiter.tryAcquire("POST", b7) >= 10000);
    // One limit for the whole workspace: another broadcast waits just as long.
    QVERIFY(limiter.tryAcquire("POST", b8) >= 10000);
    QCOMPARE(limiter.tryAcquire("GET", b7), 0); // POST only
    now = 10040;
    QCOMPARE(limiter.tryAcquire("POST", b8), 0);
    QVERIFY(limiter.tryAcquire("POST", b7) >= 10000);
    now = 20080;
    QCOMPARE(limiter.tryAcquire("POST", b7), 0);
}

void TestApiUnit::limiterArchivedQuota()
{
    RateLimiter limiter;
    const QString path = QStringLiteral("/v1/messages/abc/archived_message");
    QVERIFY(!limiter.refusal("GET", path).isError());
    limiter.noteResponse(path, {{"x-ratelimit-limit", "100"}, {"x-ratelimit-remaining", "1"}});
    QCOMPARE(limiter.quotaRemaining(path), 1);
    QVERIFY(!limiter.refusal("GET", path).isError());
    limiter.noteResponse(path, {{"x-ratelimit-remaining", "0"}});
    const Error e = limiter.refusal("GET", path);
    QCOMPARE(e.kind, Error::Kind::RateLimited);
    QVERIFY(!e.message().isEmpty());
    QVERIFY(!limiter.refusal("GET", QStringLiteral("/v1/messages/abc")).isError());
}

void TestApiUnit::retryPolicy()
{
    for (int i = 0; i < 200; ++i) {
        const int n = i % 8;
        const qint64 nominal = qMin<qint64>(8000, 500LL << n);
        const qint64 b = retry::backoffMs(n);
        QVERIFY(b >= nominal * 3 / 4 - 1);
        QVERIFY(b <= qMin<qint64>(8000, nominal * 5 / 4 + 1));
    }
    QCOMPARE(retry::retryAfterMs({{"retry-after", "3"}}), 3000);
    QCOMPARE(retry::retryAfterMs({{"retry-after", "600"}}), 60000); // capped
    QCOMPARE(retry::retryAfterMs({}), -1);
    QCOMPARE(retry::retryAfterMs({{"retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"}}), -1);

    Response quota;
    quota.status = 429;
    quota.headers = {{"x-ratelimit-remaining", "0"}};
    QVERIFY(retry::isQuotaExhausted(quota));
    quota.headers.insert("retry-after", "1");
    QVERIFY(!retry::isQuotaExhausted(quota));

    Response r;
    r.status = 503;
    r.error = Error::make(Error::Kind::Server);
    QVERIFY(retry::isTransient(r, QNetworkReply::ServiceUnavailableError));
    r.status = 501;
    QVERIFY(!retry::isTransient(r, QNetworkReply::OperationNotImplementedError));
    r.status = 0;
    r.error = Error::make(Error::Kind::Network);
    QVERIFY(retry::isTransient(r, QNetworkReply::RemoteHostClosedError));
    QVERIFY(!retry::isTransient(r, QNetworkReply::HostNotFoundError));
    r.error = Error::make(Error::Kind::Tls);
    QVERIFY(!retry::isTransient(r, QNetworkReply::SslHandshakeFailedError));

    const Request post = Request::post(QStringLiteral("/v1/segments"), {});
    QVERIFY(!retry::isSafeToRepeat(post, QNetworkReply::RemoteHostClosedError));
    QVERIFY(retry::isSafeToRepeat(post, QNetworkReply::ConnectionRefusedError));
    QVERIFY(retry::isSafeToRepeat(Request::put(QStringLiteral("/v1/snippets"), {}),
                                  QNetworkReply::RemoteHostClosedError));
}

QTEST_GUILESS_MAIN(TestApiUnit)
#include "tst_api_unit.moc"
