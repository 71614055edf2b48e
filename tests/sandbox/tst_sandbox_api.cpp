// Endpoint behaviour of the in-process sandbox on the fixture data set (tests/sandbox/data).
#include "httptestclient.h"
#include "sandbox/datastore.h"
#include "sandbox/requestutil.h"
#include "sandbox/sandboxserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QUrlQuery>
#include <QTest>

#include <algorithm>
#include <limits>
#include <memory>

using cio::sandbox::ApiResult;
using cio::sandbox::Options;
using cio::sandbox::Server;

class TestSandboxApi : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void authentication_data();
    void authentication();
    void notFound_data();
    void notFound();
    void newsletterPaging_data();
    void newsletterPaging();
    void pagingDefaultsOnlyWhereDeclared();
    void invalidPaging_data();
    void invalidPaging();
    void newsletterShape();
    void contentShape();
    void putContent();
    void putContentRefusals_data();
    void putContentRefusals();
    void languageVariants_data();
    void languageVariants();
    void addTranslation();
    void addTranslationRefusals_data();
    void addTranslationRefusals();
    void testGroups();
    void snippets();
    void snippetValidation_data();
    void snippetValidation();
    void snippetLengths();
    void snippetDelete_data();
    void snippetDelete();
    void segments();
    void membershipPaging_data();
    void membershipPaging();
    void trackApi();
    void senders();
    void directDataAccess();
    void requestLog();
    void messagePaging_data();
    void messagePaging();
    void messageShape();
    void archivedMessage();
    void archivedQuota();
    void demoDeliveries();

private:
    QJsonObject getOk(const QString &path);
    QStringList pageThrough(const QString &path, const QString &listKey, const QString &idKey, int *pages);

    std::unique_ptr<Server> m_server;
    std::unique_ptr<HttpTestClient> m_client;
};

namespace {

QString fixtureDir()
{
    return QStringLiteral(CIO_SOURCE_DIR "/tests/sandbox/data");
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Fixture deliveries (tests/sandbox/data/deliveries.json) by recipient; the ids carry '-', '_' and '='.
const QString toAdaWelcome = QStringLiteral("iHOhFGzjXv-l-sjsKkwVFUevrNWZ0NcAR0Y=");
const QString toBarbaraNoEmail = QStringLiteral("kq6-ia1gJF45TeaAgNqQ8OyXYmI0VQ0tbdU=");
const QString forgottenDigest = QStringLiteral("1HIH2_nd6ZcfN6JGNOwxsKs1aIG-6ZHRAw4=");

QString messagePath(const QString &id, const char *suffix = "")
{
    return QStringLiteral("/v1/messages/") + QString::fromLatin1(QUrl::toPercentEncoding(id)) +
           QLatin1String(suffix);
}

bool hasHeader(const HttpResult &result, const QByteArray &name)
{
    return std::any_of(result.headers.cbegin(), result.headers.cend(),
                       [&name](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

} // namespace

void TestSandboxApi::init()
{
    m_server = std::make_unique<Server>();
    Options options;
    options.dataPath = fixtureDir();
    options.rateLimit = 0;
    QString error;
    QVERIFY2(m_server->start(options, &error), qPrintable(error));
    m_client = std::make_unique<HttpTestClient>(m_server->url());
}

void TestSandboxApi::cleanup()
{
    m_client.reset();
    m_server.reset();
}

QJsonObject TestSandboxApi::getOk(const QString &path)
{
    const HttpResult result = m_client->get(path);
    if (result.status != 200)
        qWarning() << path << result.status << result.body;
    return result.status == 200 ? result.json : QJsonObject();
}

QStringList TestSandboxApi::pageThrough(const QString &path, const QString &listKey, const QString &idKey,
                                        int *pages)
{
    QStringList ids;
    QString next;
    *pages = 0;
    const QChar joiner = path.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?');
    do {
        const QString url = next.isEmpty() ? path : path + joiner + QStringLiteral("start=") + next;
        const HttpResult page = m_client->get(url, 20000);
        if (page.status != 200) {
            qWarning() << url << page.status << page.body.left(300);
            return {};
        }
        ++*pages;
        const QJsonArray items = page.json.value(listKey).toArray();
        for (const QJsonValue &item : items) {
            const QJsonValue id = item.toObject().value(idKey);
            ids.append(id.isString() ? id.toString() : QString::number(id.toInteger()));
        }
        next = page.json.value(QLatin1String("next")).toString();
    } while (!next.isEmpty() && *pages < 1000);
    return ids;
}

void TestSandboxApi::authentication_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::newRow("no header") << QByteArray() << QStringLiteral("/v1/newsletters") << 401;
    QTest::newRow("wrong key") << QByteArray("Bearer nope") << QStringLiteral("/v1/snippets") << 401;
    QTest::newRow("basic on app api")
        << QByteArray("Basic c2FuZGJveA==") << QStringLiteral("/v1/segments") << 401;
    QTest::newRow("right key") << QByteArray("Bearer sandbox") << QStringLiteral("/v1/segments") << 200;
    QTest::newRow("ip addresses need none") << QByteArray() << QStringLiteral("/v1/info/ip_addresses") << 200;
}

void TestSandboxApi::authentication()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, path);
    QFETCH(int, status);
    m_client->setAuthorization(authorization);
    const HttpResult result = m_client->get(path);
    QCOMPARE(result.status, status);
    if (status == 401) {
        QCOMPARE(result.json.value(QLatin1String("errors"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("401"));
        QVERIFY(!result.errorDetail().isEmpty());
    }
}

void TestSandboxApi::notFound_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::newRow("newsletter") << QByteArray("GET") << QStringLiteral("/v1/newsletters/999") << 404;
    QTest::newRow("contents") << QByteArray("GET") << QStringLiteral("/v1/newsletters/999/contents") << 404;
    QTest::newRow("content") << QByteArray("GET") << QStringLiteral("/v1/newsletters/101/contents/9999")
                             << 404;
    QTest::newRow("content of other")
        << QByteArray("GET") << QStringLiteral("/v1/newsletters/101/contents/1003") << 404;
    QTest::newRow("test groups") << QByteArray("GET") << QStringLiteral("/v1/newsletters/999/test_groups")
                                 << 404;
    QTest::newRow("segment") << QByteArray("GET") << QStringLiteral("/v1/segments/999") << 404;
    QTest::newRow("segment count") << QByteArray("GET") << QStringLiteral("/v1/segments/999/customer_count")
                                   << 404;
    QTest::newRow("segment delete") << QByteArray("DELETE") << QStringLiteral("/v1/segments/999") << 404;
    QTest::newRow("sender") << QByteArray("GET") << QStringLiteral("/v1/sender_identities/999") << 404;
    QTest::newRow("sender used_by") << QByteArray("GET")
                                    << QStringLiteral("/v1/sender_identities/999/used_by") << 404;
    QTest::newRow("snippet") << QByteArray("DELETE") << QStringLiteral("/v1/snippets/nope") << 404;
    QTest::newRow("non-numeric id") << QByteArray("GET") << QStringLiteral("/v1/newsletters/abc") << 404;
    QTest::newRow("newsletter messages")
        << QByteArray("GET") << QStringLiteral("/v1/newsletters/999/messages") << 404;
    QTest::newRow("newsletter messages, bad id")
        << QByteArray("GET") << QStringLiteral("/v1/newsletters/abc/messages") << 404;
    QTest::newRow("message") << QByteArray("GET") << QStringLiteral("/v1/messages/nope") << 404;
    QTest::newRow("archived message")
        << QByteArray("GET") << QStringLiteral("/v1/messages/nope/archived_message") << 404;
    QTest::newRow("no endpoint") << QByteArray("GET") << QStringLiteral("/v1/nothing") << 404;
    QTest::newRow("wrong method") << QByteArray("PATCH") << QStringLiteral("/v1/snippets") << 405;
}

void TestSandboxApi::notFound()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    const HttpResult result = m_client->send(method, path);
    QCOMPARE(result.status, status);
    QCOMPARE(result.json.value(QLatin1String("errors"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("status"))
                 .toString(),
             QString::number(status));
    QVERIFY(!result.errorDetail().isEmpty());
}

void TestSandboxApi::newsletterPaging_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("pages");
    QTest::addColumn<QString>("first");
    QTest::newRow("default") << QString() << 1 << QStringLiteral("101");
    QTest::newRow("limit 5") << QStringLiteral("?limit=5") << 3 << QStringLiteral("101");
    QTest::newRow("limit 1 desc") << QStringLiteral("?limit=1&sort=desc") << 12 << QStringLiteral("112");
    QTest::newRow("limit 12") << QStringLiteral("?limit=12&sort=asc") << 1 << QStringLiteral("101");
}

void TestSandboxApi::newsletterPaging()
{
    QFETCH(QString, query);
    QFETCH(int, pages);
    QFETCH(QString, first);
    int seen = 0;
    const QStringList ids = pageThrough(QStringLiteral("/v1/newsletters") + query,
                                        QStringLiteral("newsletters"), QStringLiteral("id"), &seen);
    QCOMPARE(ids.size(), 12);
    QCOMPARE(ids.first(), first);
    QCOMPARE(seen, pages);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 12);
}

void TestSandboxApi::pagingDefaultsOnlyWhereDeclared()
{
    using cio::sandbox::PagePolicy;
    using cio::sandbox::PageRequest;
    cio::sandbox::ApiResult error;
    PageRequest page;
    // Newsletters, senders, a newsletter's messages: the contract states no default and no maximum.
    QVERIFY(cio::sandbox::parsePage(QUrlQuery(), PagePolicy{}, &page, &error));
    QVERIFY(page.limit >= std::numeric_limits<int>::max()); // the whole list
    QVERIFY(cio::sandbox::parsePage(QUrlQuery(QStringLiteral("limit=5000")), PagePolicy{}, &page, &error));
    QCOMPARE(page.limit, 5000); // honoured, not clamped to an invented maximum
    // Membership: default 1000, at most 30000, as declared.
    const PagePolicy membership{1000, 30000};
    QVERIFY(cio::sandbox::parsePage(QUrlQuery(), membership, &page, &error));
    QCOMPARE(page.limit, 1000);
    QVERIFY(!cio::sandbox::parsePage(QUrlQuery(QStringLiteral("limit=30001")), membership, &page, &error));
    QCOMPARE(error.status, 400);
    // Through the API: sender identities without a limit come in one page, without `next`.
    const QJsonObject senders = getOk(QStringLiteral("/v1/sender_identities"));
    QCOMPARE(senders.value(QLatin1String("sender_identities")).toArray().size(), 4);
    QVERIFY(!senders.contains(QLatin1String("next")));
}

void TestSandboxApi::invalidPaging_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("limit text") << QStringLiteral("/v1/newsletters?limit=abc");
    QTest::newRow("limit zero") << QStringLiteral("/v1/newsletters?limit=0");
    QTest::newRow("bad sort") << QStringLiteral("/v1/newsletters?sort=sideways");
    QTest::newRow("bad start") << QStringLiteral("/v1/newsletters?start=garbage");
    QTest::newRow("senders limit") << QStringLiteral("/v1/sender_identities?limit=-1");
    QTest::newRow("membership over max") << QStringLiteral("/v1/segments/8/membership?limit=30001");
    QTest::newRow("membership zero") << QStringLiteral("/v1/segments/8/membership?limit=0");
    QTest::newRow("messages over max") << QStringLiteral("/v1/messages?limit=1001");
    QTest::newRow("messages bad metric") << QStringLiteral("/v1/messages?metric=read");
    QTest::newRow("messages bad type") << QStringLiteral("/v1/messages?type=fax");
    QTest::newRow("messages bad start_ts") << QStringLiteral("/v1/messages?start_ts=yesterday");
    QTest::newRow("newsletter messages zero") << QStringLiteral("/v1/newsletters/102/messages?limit=0");
    QTest::newRow("newsletter messages bad start") << QStringLiteral("/v1/newsletters/102/messages?start=x");
}

void TestSandboxApi::invalidPaging()
{
    QFETCH(QString, path);
    const HttpResult result = m_client->get(path);
    QCOMPARE(result.status, 400);
    QVERIFY(!result.errorDetail().isEmpty());
}

void TestSandboxApi::newsletterShape()
{
    const QJsonObject draft =
        getOk(QStringLiteral("/v1/newsletters/101")).value(QLatin1String("newsletter")).toObject();
    QCOMPARE(draft.value(QLatin1String("name")).toString(), QStringLiteral("Spring Sale"));
    QVERIFY(!draft.contains(QLatin1String("sent_at"))); // omitted, never null
    QCOMPARE(draft.value(QLatin1String("content_ids")).toArray(), QJsonArray({1001, 1002}));
    QCOMPARE(draft.value(QLatin1String("deduplicate_id")).toString(), QStringLiteral("101:1700000010"));
    const QJsonObject sent =
        getOk(QStringLiteral("/v1/newsletters/102")).value(QLatin1String("newsletter")).toObject();
    QCOMPARE(sent.value(QLatin1String("sent_at")).toInteger(), 1700000030);
    QVERIFY(!sent.contains(QLatin1String("subscription_topic_id")));
    const QJsonArray contents =
        getOk(QStringLiteral("/v1/newsletters/103/contents")).value(QLatin1String("contents")).toArray();
    QCOMPARE(contents.size(), 3);
}

void TestSandboxApi::contentShape()
{
    const QJsonObject content =
        getOk(QStringLiteral("/v1/newsletters/101/contents/1001")).value(QLatin1String("content")).toObject();
    QCOMPARE(content.value(QLatin1String("type")).toString(), QStringLiteral("email"));
    QCOMPARE(content.value(QLatin1String("newsletter_id")).toInteger(), 101);
    QCOMPARE(content.value(QLatin1String("language")).toString(), QString());
    QCOMPARE(content.value(QLatin1String("from")).toString(),
             QStringLiteral("Acme Marketing <news@acme.test>"));
    QCOMPARE(content.value(QLatin1String("reply_to_id")).toInteger(), 2);
    QVERIFY(content.value(QLatin1String("headers")).isString());
    const QJsonArray headers =
        QJsonDocument::fromJson(content.value(QLatin1String("headers")).toString().toUtf8()).array();
    QCOMPARE(headers.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("X-Campaign"));
    QVERIFY(!content.contains(QLatin1String("editor")));
    const QJsonObject noReplyTo =
        getOk(QStringLiteral("/v1/newsletters/102/contents/1003")).value(QLatin1String("content")).toObject();
    QVERIFY(noReplyTo.value(QLatin1String("reply_to_id")).isNull());
    QVERIFY(!noReplyTo.contains(QLatin1String("reply_to")));
    QVERIFY(!noReplyTo.contains(QLatin1String("bcc")));
}

void TestSandboxApi::putContent()
{
    const QString path = QStringLiteral("/v1/newsletters/101/contents/1001");
    const QString before = getOk(path)
                               .value(QLatin1String("content"))
                               .toObject()
                               .value(QLatin1String("deduplicate_id"))
                               .toString();
    const HttpResult put = m_client->send("PUT", path,
                                          json({{QStringLiteral("type"), QStringLiteral("email")},
                                                {QStringLiteral("subject"), QStringLiteral("New subject")},
                                                {QStringLiteral("from_id"), 3},
                                                {QStringLiteral("reply_to_id"), QJsonValue::Null}}));
    QCOMPARE(put.status, 200);
    const QJsonObject saved = put.json.value(QLatin1String("content")).toObject();
    QCOMPARE(saved.value(QLatin1String("subject")).toString(), QStringLiteral("New subject"));
    QCOMPARE(saved.value(QLatin1String("from")).toString(),
             QStringLiteral("Acme Promotions <promo@acme.test>"));
    QVERIFY(saved.value(QLatin1String("reply_to_id")).isNull());
    QVERIFY(saved.value(QLatin1String("deduplicate_id")).toString() != before);
    // Persisted for later reads, and only that variant changed.
    QCOMPARE(getOk(path).value(QLatin1String("content")).toObject(), saved);
    const QJsonObject other =
        getOk(QStringLiteral("/v1/newsletters/101/contents/1002")).value(QLatin1String("content")).toObject();
    QCOMPARE(other.value(QLatin1String("deduplicate_id")).toString(), QStringLiteral("1002:1700001002"));
    // A DnD variant still accepts non-body fields.
    const HttpResult dndSubject = m_client->send("PUT", QStringLiteral("/v1/newsletters/104/contents/1007"),
                                                 json({{QStringLiteral("type"), QStringLiteral("email")},
                                                       {QStringLiteral("subject"), QStringLiteral("Fine")}}));
    QCOMPARE(dndSubject.status, 200);
}

void TestSandboxApi::putContentRefusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    const QString p = QStringLiteral("/v1/newsletters/101/contents/1001");
    QTest::newRow("malformed json") << p << QByteArray("{\"subject\": ") << 400;
    QTest::newRow("array body") << p << QByteArray("[1]") << 400;
    QTest::newRow("wrong type") << p << QByteArray("{\"type\":\"push\",\"subject\":\"x\"}") << 400;
    QTest::newRow("subject not string") << p << QByteArray("{\"type\":\"email\",\"subject\":5}") << 400;
    QTest::newRow("unknown sender") << p << QByteArray("{\"type\":\"email\",\"from_id\":77}") << 400;
    QTest::newRow("dnd body") << QStringLiteral("/v1/newsletters/104/contents/1007")
                              << QByteArray("{\"type\":\"email\",\"body\":\"<p>changed</p>\"}") << 400;
    QTest::newRow("unknown content") << QStringLiteral("/v1/newsletters/101/contents/4242")
                                     << QByteArray("{\"type\":\"email\"}") << 404;
}

void TestSandboxApi::putContentRefusals()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const HttpResult result = m_client->send("PUT", path, body);
    QCOMPARE(result.status, status);
    QVERIFY(!result.errorDetail().isEmpty());
    if (path.endsWith(QLatin1String("1007")))
        QVERIFY2(result.errorDetail().contains(QLatin1String("drag-and-drop")),
                 qPrintable(result.errorDetail()));
}

void TestSandboxApi::languageVariants_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("contentId");
    QTest::newRow("de") << QStringLiteral("/v1/newsletters/101/language/de") << 200 << qint64(1002);
    QTest::newRow("missing variant") << QStringLiteral("/v1/newsletters/101/language/es") << 404 << qint64(0);
    QTest::newRow("unknown language")
        << QStringLiteral("/v1/newsletters/101/language/xx") << 400 << qint64(0);
    QTest::newRow("several groups") << QStringLiteral("/v1/newsletters/103/language/fr") << 400 << qint64(0);
    QTest::newRow("unknown newsletter")
        << QStringLiteral("/v1/newsletters/999/language/de") << 404 << qint64(0);
    QTest::newRow("group fr") << QStringLiteral("/v1/newsletters/103/test_group/11/language/fr") << 200
                              << qint64(1006);
    QTest::newRow("group missing") << QStringLiteral("/v1/newsletters/103/test_group/99/language/fr") << 400
                                   << qint64(0);
    QTest::newRow("group no fr") << QStringLiteral("/v1/newsletters/103/test_group/12/language/fr") << 404
                                 << qint64(0);
}

void TestSandboxApi::languageVariants()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(qint64, contentId);
    const HttpResult get = m_client->get(path);
    QCOMPARE(get.status, status);
    if (status != 200)
        return;
    QCOMPARE(get.json.value(QLatin1String("content")).toObject().value(QLatin1String("id")).toInteger(),
             contentId);
    const HttpResult put = m_client->send("PUT", path,
                                          json({{QStringLiteral("type"), QStringLiteral("email")},
                                                {QStringLiteral("preheader_text"), QStringLiteral("Neu")}}));
    QCOMPARE(put.status, 200);
    QCOMPARE(m_server->data().content(contentId).value(QLatin1String("preheader_text")).toString(),
             QStringLiteral("Neu"));
}

void TestSandboxApi::addTranslation()
{
    const HttpResult added = m_client->send("POST", QStringLiteral("/v1/newsletters/101/language"),
                                            json({{QStringLiteral("language"), QStringLiteral("es")},
                                                  {QStringLiteral("subject"), QStringLiteral("Hola")},
                                                  {QStringLiteral("body"), QStringLiteral("<p>Hola</p>")}}));
    QCOMPARE(added.status, 200);
    const QJsonArray ids = added.json.value(QLatin1String("newsletter"))
                               .toObject()
                               .value(QLatin1String("content_ids"))
                               .toArray();
    QCOMPARE(ids.size(), 3);
    const qint64 newId = ids.last().toInteger();
    QVERIFY(newId > 2112);
    const QJsonObject content =
        getOk(QStringLiteral("/v1/newsletters/101/language/es")).value(QLatin1String("content")).toObject();
    QCOMPARE(content.value(QLatin1String("id")).toInteger(), newId);
    QCOMPARE(content.value(QLatin1String("subject")).toString(), QStringLiteral("Hola"));
    QCOMPARE(content.value(QLatin1String("from_id")).toInteger(), 1); // copied from the Default
    QCOMPARE(content.value(QLatin1String("reply_to_id")).toInteger(), 2);

    // {language} alone — the only email request the contract's oneOf admits unambiguously: a copy of
    // the Default, subject, body and preheader included.
    QCOMPARE(m_client
                 ->send("POST", QStringLiteral("/v1/newsletters/101/language"),
                        json({{QStringLiteral("language"), QStringLiteral("it")}}))
                 .status,
             200);
    const QJsonObject copy =
        getOk(QStringLiteral("/v1/newsletters/101/language/it")).value(QLatin1String("content")).toObject();
    const QJsonObject original =
        getOk(QStringLiteral("/v1/newsletters/101/contents/1001")).value(QLatin1String("content")).toObject();
    for (const char *key : {"subject", "body", "preheader_text", "body_plain"})
        QCOMPARE(copy.value(QLatin1String(key)), original.value(QLatin1String(key)));

    const HttpResult inGroup =
        m_client->send("POST", QStringLiteral("/v1/newsletters/103/test_group/12/language"),
                       json({{QStringLiteral("language"), QStringLiteral("fr")},
                             {QStringLiteral("subject"), QStringLiteral("B fr")},
                             {QStringLiteral("body"), QStringLiteral("<p>B fr</p>")}}));
    QCOMPARE(inGroup.status, 200);
    const QJsonArray groups = getOk(QStringLiteral("/v1/newsletters/103/test_groups"))
                                  .value(QLatin1String("test_groups"))
                                  .toArray();
    QCOMPARE(groups.at(1).toObject().value(QLatin1String("content_ids")).toArray().size(), 2);
}

void TestSandboxApi::addTranslationRefusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    const QByteArray fr("{\"language\":\"fr\",\"subject\":\"s\",\"body\":\"b\"}");
    QTest::newRow("sent newsletter") << QStringLiteral("/v1/newsletters/102/language") << fr << 400
                                     << QStringLiteral("already sent");
    QTest::newRow("several groups") << QStringLiteral("/v1/newsletters/103/language") << fr << 400
                                    << QStringLiteral("test group");
    QTest::newRow("dnd") << QStringLiteral("/v1/newsletters/104/language") << fr << 400
                         << QStringLiteral("drag-and-drop");
    QTest::newRow("exists") << QStringLiteral("/v1/newsletters/101/language")
                            << QByteArray("{\"language\":\"de\",\"subject\":\"s\",\"body\":\"b\"}") << 422
                            << QStringLiteral("already exists");
    QTest::newRow("exists in group") << QStringLiteral("/v1/newsletters/103/test_group/11/language") << fr
                                     << 422 << QStringLiteral("already exists");
    QTest::newRow("body not a string") << QStringLiteral("/v1/newsletters/101/language")
                                       << QByteArray("{\"language\":\"fr\",\"body\":5}") << 422
                                       << QStringLiteral("body");
    QTest::newRow("missing language")
        << QStringLiteral("/v1/newsletters/101/language") << QByteArray("{\"subject\":\"s\",\"body\":\"b\"}")
        << 422 << QStringLiteral("language");
    QTest::newRow("malformed") << QStringLiteral("/v1/newsletters/101/language") << QByteArray("{") << 400
                               << QStringLiteral("JSON");
    QTest::newRow("unknown group") << QStringLiteral("/v1/newsletters/103/test_group/5/language") << fr << 400
                                   << QStringLiteral("does not exist");
    QTest::newRow("unknown newsletter")
        << QStringLiteral("/v1/newsletters/5/language") << fr << 404 << QStringLiteral("not found");
}

void TestSandboxApi::addTranslationRefusals()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, detail);
    const HttpResult result = m_client->send("POST", path, body);
    QCOMPARE(result.status, status);
    QVERIFY2(result.errorDetail().contains(detail), qPrintable(result.errorDetail()));
}

void TestSandboxApi::testGroups()
{
    const QJsonArray groups = getOk(QStringLiteral("/v1/newsletters/103/test_groups"))
                                  .value(QLatin1String("test_groups"))
                                  .toArray();
    QCOMPARE(groups.size(), 2);
    const QJsonObject a = groups.at(0).toObject();
    QCOMPARE(a.value(QLatin1String("id")).toInteger(), 11);
    QCOMPARE(a.value(QLatin1String("name")).toString(), QStringLiteral("A"));
    QCOMPARE(a.value(QLatin1String("content_ids")).toArray(),
             QJsonArray({QStringLiteral("1004"), QStringLiteral("1006")}));
    QCOMPARE(getOk(QStringLiteral("/v1/newsletters/101/test_groups"))
                 .value(QLatin1String("test_groups"))
                 .toArray()
                 .size(),
             0);
}

void TestSandboxApi::snippets()
{
    QCOMPARE(getOk(QStringLiteral("/v1/snippets")).value(QLatin1String("snippets")).toArray().size(), 3);
    const HttpResult created =
        m_client->send("PUT", QStringLiteral("/v1/snippets"),
                       json({{QStringLiteral("name"), QStringLiteral("  header  ")},
                             {QStringLiteral("value"), QStringLiteral("<h1>Acme</h1>")}}));
    QCOMPARE(created.status, 200);
    QCOMPARE(created.json.value(QLatin1String("snippet")).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("header"));
    const HttpResult updated =
        m_client->send("PUT", QStringLiteral("/v1/snippets"),
                       json({{QStringLiteral("name"), QStringLiteral("footer")},
                             {QStringLiteral("value"), QStringLiteral("<p>New footer</p>")}}));
    QCOMPARE(updated.status, 200);
    const HttpResult posted =
        m_client->send("POST", QStringLiteral("/v1/snippets"),
                       json({{QStringLiteral("name"), QStringLiteral("legal")},
                             {QStringLiteral("value"), QStringLiteral("Terms apply")}}));
    QCOMPARE(posted.status, 200);
    const QJsonArray all = getOk(QStringLiteral("/v1/snippets")).value(QLatin1String("snippets")).toArray();
    QCOMPARE(all.size(), 5);
    QCOMPARE(m_server->data().snippet(QStringLiteral("footer")).value(QLatin1String("value")).toString(),
             QStringLiteral("<p>New footer</p>"));
}

void TestSandboxApi::snippetValidation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    const QByteArray longName = "{\"name\":\"" + QByteArray(151, 'n') + "\",\"value\":\"v\"}";
    const QByteArray longValue = "{\"name\":\"big\",\"value\":\"" + QByteArray(16001, 'v') + "\"}";
    const QByteArray nestedDot("{\"name\":\"n\",\"value\":\"{{ snippets.footer }}\"}");
    const QByteArray nestedBracket("{\"name\":\"n\",\"value\":\"{{ snippets[\\\"promo code\\\"] }}\"}");
    QTest::newRow("put blank name") << QByteArray("PUT") << QByteArray("{\"name\":\"   \",\"value\":\"v\"}")
                                    << 400;
    QTest::newRow("put long name") << QByteArray("PUT") << longName << 400;
    QTest::newRow("put long value") << QByteArray("PUT") << longValue << 400;
    QTest::newRow("put nested dot") << QByteArray("PUT") << nestedDot << 400;
    QTest::newRow("put nested bracket") << QByteArray("PUT") << nestedBracket << 400;
    QTest::newRow("put malformed") << QByteArray("PUT") << QByteArray("{\"name\":") << 400;
    QTest::newRow("post blank name") << QByteArray("POST") << QByteArray("{\"name\":\"\",\"value\":\"v\"}")
                                     << 422;
    QTest::newRow("post nested") << QByteArray("POST") << nestedDot << 422;
    QTest::newRow("post duplicate") << QByteArray("POST")
                                    << QByteArray("{\"name\":\"footer\",\"value\":\"v\"}") << 422;
    QTest::newRow("post missing value") << QByteArray("POST") << QByteArray("{\"name\":\"x\"}") << 422;
    QTest::newRow("post blank value") << QByteArray("POST") << QByteArray("{\"name\":\"x\",\"value\":\" \"}")
                                      << 422;
    QTest::newRow("put empty value") << QByteArray("PUT") << QByteArray("{\"name\":\"x\",\"value\":\"\"}")
                                     << 400;
    // Characters, not UTF-16 units: 16001 emoji are too long, 16000 are not (see snippetLengths).
    QByteArray emoji;
    for (int i = 0; i < 16001; ++i)
        emoji += "\xF0\x9F\x98\x80";
    QTest::newRow("put 16001 emoji") << QByteArray("PUT") << "{\"name\":\"e\",\"value\":\"" + emoji + "\"}"
                                     << 400;
}

void TestSandboxApi::snippetValidation()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const HttpResult result = m_client->send(method, QStringLiteral("/v1/snippets"), body);
    QCOMPARE(result.status, status);
    QVERIFY(!result.errorDetail().isEmpty());
    if (status == 422) {
        QVERIFY(result.json.value(QLatin1String("errors"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QLatin1String("source"))
                    .toObject()
                    .contains(QLatin1String("pointer")));
    }
    QCOMPARE(m_server->data().snippet(QStringLiteral("footer")).value(QLatin1String("value")).toString(),
             QStringLiteral("<p>Acme Inc, 1 Main St</p>"));
}

void TestSandboxApi::snippetLengths()
{
    QByteArray emoji;
    for (int i = 0; i < 16000; ++i)
        emoji += "\xF0\x9F\x98\x80"; // 32000 UTF-16 units, 16000 characters: within the limit
    const HttpResult result =
        m_client->send("PUT", QStringLiteral("/v1/snippets"), "{\"name\":\"smiles\",\"value\":\"" + emoji + "\"}");
    QCOMPARE(result.status, 200);
    QCOMPARE(m_server->data().snippet(QStringLiteral("smiles")).value(QLatin1String("value")).toString().size(),
             32000);
}

void TestSandboxApi::snippetDelete_data()
{
    QTest::addColumn<QString>("encodedName");
    QTest::addColumn<int>("status");
    QTest::newRow("in use as snippets.footer") << QStringLiteral("footer") << 400;
    QTest::newRow("in use as snippets[\"promo code\"]") << QStringLiteral("promo%20code") << 400;
    QTest::newRow("unused") << QStringLiteral("signature") << 204;
    QTest::newRow("unknown") << QStringLiteral("promo") << 404;
}

void TestSandboxApi::snippetDelete()
{
    QFETCH(QString, encodedName);
    QFETCH(int, status);
    const HttpResult result = m_client->send("DELETE", QStringLiteral("/v1/snippets/") + encodedName);
    QCOMPARE(result.status, status);
    if (status == 204) {
        QVERIFY(result.body.isEmpty());
        QCOMPARE(m_client->send("DELETE", QStringLiteral("/v1/snippets/") + encodedName).status, 404);
    } else {
        QCOMPARE(result.json.value(QLatin1String("errors"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("status"))
                     .toString(),
                 QString::number(status));
    }
}

void TestSandboxApi::segments()
{
    QCOMPARE(getOk(QStringLiteral("/v1/segments")).value(QLatin1String("segments")).toArray().size(), 4);
    const HttpResult created = m_client->send(
        "POST", QStringLiteral("/v1/segments"),
        json({{QStringLiteral("segment"),
               QJsonObject{{QStringLiteral("name"), QStringLiteral("Launch list")},
                           {QStringLiteral("description"), QStringLiteral("for the launch")}}}}));
    QCOMPARE(created.status, 200);
    const QJsonObject segment = created.json.value(QLatin1String("segment")).toObject();
    QCOMPARE(segment.value(QLatin1String("type")).toString(), QStringLiteral("manual"));
    const QString path =
        QStringLiteral("/v1/segments/%1").arg(segment.value(QLatin1String("id")).toInteger());
    QCOMPARE(getOk(path).value(QLatin1String("segment")).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("Launch list"));
    QCOMPARE(getOk(path + QStringLiteral("/customer_count")).value(QLatin1String("count")).toInteger(), 0);
    QCOMPARE(m_client->send("POST", QStringLiteral("/v1/segments"), QByteArray("{}")).status, 400);
    QCOMPARE(m_client->send("POST", QStringLiteral("/v1/segments"), QByteArray("{\"segment\":")).status, 400);
    QCOMPARE(m_client->send("DELETE", path).status, 204);
    QCOMPARE(m_client->get(path).status, 404);

    QCOMPARE(getOk(QStringLiteral("/v1/segments/8/customer_count")).value(QLatin1String("count")).toInteger(),
             25000);
    const QJsonObject usedBy =
        getOk(QStringLiteral("/v1/segments/8/used_by")).value(QLatin1String("used_by")).toObject();
    QCOMPARE(usedBy.value(QLatin1String("campaigns")).toArray().size(), 0);
    QCOMPARE(usedBy.value(QLatin1String("draft_newsletters")).toArray(), QJsonArray({103}));
    QCOMPARE(usedBy.value(QLatin1String("sent_newsletters")).toArray().size(), 8);
    QCOMPARE(getOk(QStringLiteral("/v1/segments/7/used_by"))
                 .value(QLatin1String("used_by"))
                 .toObject()
                 .value(QLatin1String("campaigns"))
                 .toArray(),
             QJsonArray({3, 4}));
}

void TestSandboxApi::membershipPaging_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("members");
    QTest::addColumn<int>("pages");
    QTest::newRow("manual, limit 2") << QStringLiteral("/v1/segments/7/membership?limit=2") << 4 << 2;
    QTest::newRow("generated, limit 30000")
        << QStringLiteral("/v1/segments/8/membership?limit=30000") << 25000 << 1;
    QTest::newRow("generated, limit 1000")
        << QStringLiteral("/v1/segments/8/membership?limit=1000") << 25000 << 25;
    QTest::newRow("generated, default limit") << QStringLiteral("/v1/segments/8/membership") << 25000 << 25;
    QTest::newRow("empty") << QStringLiteral("/v1/segments/10/membership") << 0 << 1;
}

void TestSandboxApi::membershipPaging()
{
    QFETCH(QString, path);
    QFETCH(int, members);
    QFETCH(int, pages);
    int seen = 0;
    // Everyone has a cio_id; not everyone has an id (people known by their address only).
    const QStringList cioIds =
        pageThrough(path, QStringLiteral("identifiers"), QStringLiteral("cio_id"), &seen);
    QCOMPARE(cioIds.size(), members);
    QCOMPARE(seen, pages);
    QCOMPARE(QSet<QString>(cioIds.cbegin(), cioIds.cend()).size(), members);
    if (members == 25000) {
        // The contract's "email or id" branch: all three members, unset ones null; `ids` lists the ids.
        const QJsonObject page = getOk(QStringLiteral("/v1/segments/8/membership?limit=10"));
        const QJsonArray identifiers = page.value(QLatin1String("identifiers")).toArray();
        QCOMPARE(identifiers.size(), 10);
        const QJsonObject first = identifiers.at(0).toObject();
        QCOMPARE(first.value(QLatin1String("id")).toString(), QStringLiteral("user-1"));
        QCOMPARE(first.value(QLatin1String("email")).toString(), QStringLiteral("user-1@example.org"));
        QVERIFY(!first.value(QLatin1String("cio_id")).toString().isEmpty());
        const QJsonObject emailOnly = identifiers.at(6).toObject();
        QVERIFY(emailOnly.contains(QLatin1String("id")) && emailOnly.value(QLatin1String("id")).isNull());
        QCOMPARE(emailOnly.value(QLatin1String("email")).toString(), QStringLiteral("user-7@example.org"));
        QCOMPARE(page.value(QLatin1String("ids")).toArray().size(), 9);
        QVERIFY(!page.value(QLatin1String("ids")).toArray().contains(QJsonValue()));
        for (const QJsonValue &v : identifiers)
            QCOMPARE(v.toObject().keys(), (QStringList{QStringLiteral("cio_id"), QStringLiteral("email"),
                                                       QStringLiteral("id")}));
    }
}

void TestSandboxApi::trackApi()
{
    m_client->setAuthorization("Basic " + QByteArray("sandbox-site:sandbox-track").toBase64());
    const QString add = QStringLiteral("/api/v1/segments/7/add_customers");
    QCOMPARE(m_client->send("POST", add, QByteArray("{\"ids\":[\"u9\",\"u10\",\"u1\"]}")).status, 200);
    QCOMPARE(m_server->data().segmentMemberCount(7), 6);
    QCOMPARE(m_client
                 ->send("POST", QStringLiteral("/api/v1/segments/7/remove_customers"),
                        QByteArray("{\"ids\":[\"u9\"]}"))
                 .status,
             200);
    QCOMPARE(m_server->data().segmentMemberCount(7), 5);

    QJsonArray tooMany;
    for (int i = 0; i < 1001; ++i)
        tooMany.append(QStringLiteral("p%1").arg(i));
    const HttpResult over = m_client->send("POST", add, json({{QStringLiteral("ids"), tooMany}}));
    QCOMPARE(over.status, 400);
    QVERIFY(over.errorDetail().contains(QLatin1String("1000")));
    const HttpResult dynamic = m_client->send("POST", QStringLiteral("/api/v1/segments/8/add_customers"),
                                              QByteArray("{\"ids\":[\"x\"]}"));
    QCOMPARE(dynamic.status, 400);
    QVERIFY(dynamic.errorDetail().contains(QLatin1String("data-driven")));
    QCOMPARE(
        m_client
            ->send("POST", QStringLiteral("/api/v1/segments/999/add_customers"), QByteArray("{\"ids\":[]}"))
            .status,
        404);
    QCOMPARE(m_client->send("POST", add, QByteArray("{\"ids\":")).status, 400);
    m_client->setAuthorization("Bearer sandbox");
    QCOMPARE(m_client->send("POST", add, QByteArray("{\"ids\":[\"u11\"]}")).status, 401);
    QCOMPARE(getOk(QStringLiteral("/v1/segments/7/customer_count")).value(QLatin1String("count")).toInteger(),
             5);
}

void TestSandboxApi::senders()
{
    int pages = 0;
    QCOMPARE(
        pageThrough(QStringLiteral("/v1/sender_identities?limit=2"), QStringLiteral("sender_identities"),
                    QStringLiteral("id"), &pages),
        QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("5")}));
    QCOMPARE(pages, 2);
    QCOMPARE(pageThrough(QStringLiteral("/v1/sender_identities?hidden=true&sort=desc"),
                         QStringLiteral("sender_identities"), QStringLiteral("id"), &pages)
                 .first(),
             QStringLiteral("5"));
    const QJsonObject sender =
        getOk(QStringLiteral("/v1/sender_identities/4")).value(QLatin1String("sender_identity")).toObject();
    QCOMPARE(sender.value(QLatin1String("hidden")).toBool(), true);
    const QJsonObject usedBy = getOk(QStringLiteral("/v1/sender_identities/3/used_by"));
    QCOMPARE(usedBy.value(QLatin1String("draft_newsletters")).toArray(), QJsonArray({105}));
    QCOMPARE(usedBy.value(QLatin1String("sent_newsletters")).toArray().size(), 0);
    QCOMPARE(
        getOk(QStringLiteral("/v1/info/ip_addresses")).value(QLatin1String("ip_addresses")).toArray().size(),
        2);
}

void TestSandboxApi::directDataAccess()
{
    // Another client's edit, made behind the API's back, shows up with a new deduplicate_id.
    const QString path = QStringLiteral("/v1/newsletters/101/contents/1002");
    const QJsonObject before = getOk(path).value(QLatin1String("content")).toObject();
    m_server->data().updateContent(1002, {{QStringLiteral("subject"), QStringLiteral("Edited elsewhere")}});
    const QJsonObject after = getOk(path).value(QLatin1String("content")).toObject();
    QCOMPARE(after.value(QLatin1String("subject")).toString(), QStringLiteral("Edited elsewhere"));
    QVERIFY(after.value(QLatin1String("deduplicate_id")) != before.value(QLatin1String("deduplicate_id")));
}

void TestSandboxApi::requestLog()
{
    QSignalSpy spy(m_server.get(), &Server::requestHandled);
    m_server->clearRequests();
    m_client->get(QStringLiteral("/v1/newsletters?limit=1"));
    m_client->setAuthorization(QByteArray());
    m_client->get(QStringLiteral("/v1/snippets"));
    const auto records = m_server->requests();
    QCOMPARE(records.size(), 2);
    QCOMPARE(spy.size(), 2);
    QCOMPARE(records.at(0).method, QByteArray("GET"));
    QCOMPARE(records.at(0).path, QStringLiteral("/v1/newsletters"));
    QCOMPARE(records.at(0).query, QStringLiteral("limit=1"));
    QCOMPARE(records.at(0).status, 200);
    QCOMPARE(records.at(0).authorization, QByteArray("Bearer sandbox"));
    QCOMPARE(records.at(0).userAgent, QByteArray("cio-sandbox-tests/1"));
    QCOMPARE(records.at(1).status, 401);
    QVERIFY(records.at(1).receivedMs >= records.at(0).receivedMs);
}

void TestSandboxApi::messagePaging_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("messages");
    QTest::addColumn<int>("pages");
    QTest::newRow("newsletter, limit 3") << QStringLiteral("/v1/newsletters/102/messages?limit=3") << 7 << 3;
    QTest::newRow("newsletter, default limit") << QStringLiteral("/v1/newsletters/102/messages") << 7 << 1;
    QTest::newRow("newsletter, over 1000 is clamped")
        << QStringLiteral("/v1/newsletters/102/messages?limit=5000") << 7 << 1;
    QTest::newRow("newsletter, opened, limit 1")
        << QStringLiteral("/v1/newsletters/102/messages?metric=opened&limit=1") << 3 << 3;
    QTest::newRow("sent newsletter without deliveries")
        << QStringLiteral("/v1/newsletters/110/messages") << 0 << 1;
    QTest::newRow("draft") << QStringLiteral("/v1/newsletters/101/messages") << 0 << 1;
    QTest::newRow("all, limit 5") << QStringLiteral("/v1/messages?limit=5") << 12 << 3;
    QTest::newRow("all, limit 1000") << QStringLiteral("/v1/messages?limit=1000") << 12 << 1;
    QTest::newRow("by newsletter, limit 2")
        << QStringLiteral("/v1/messages?newsletter_id=106&limit=2") << 3 << 2;
    QTest::newRow("bounced") << QStringLiteral("/v1/messages?metric=bounced&type=email") << 1 << 1;
    QTest::newRow("time window") << QStringLiteral("/v1/messages?start_ts=1700000100&end_ts=1700000121") << 2
                                 << 1;
    QTest::newRow("campaign (none)") << QStringLiteral("/v1/messages?campaign_id=3") << 0 << 1;
    QTest::newRow("drafts (none)") << QStringLiteral("/v1/messages?drafts=true") << 0 << 1;
}

void TestSandboxApi::messagePaging()
{
    QFETCH(QString, path);
    QFETCH(int, messages);
    QFETCH(int, pages);
    int seen = 0;
    const QStringList ids = pageThrough(path, QStringLiteral("messages"), QStringLiteral("id"), &seen);
    QCOMPARE(ids.size(), messages);
    QCOMPARE(seen, pages);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), messages);
    // Newest first, across pages.
    qint64 previous = std::numeric_limits<qint64>::max();
    for (const QString &id : ids) {
        const qint64 created = m_server->data().delivery(id).value(QLatin1String("created")).toInteger();
        QVERIFY(created <= previous);
        previous = created;
    }
}

void TestSandboxApi::messageShape()
{
    const QJsonObject message = getOk(messagePath(toAdaWelcome)).value(QLatin1String("message")).toObject();
    QCOMPARE(message.value(QLatin1String("id")).toString(), toAdaWelcome);
    QCOMPARE(message.value(QLatin1String("type")).toString(), QStringLiteral("email"));
    QCOMPARE(message.value(QLatin1String("newsletter_id")).toInteger(), 102);
    QCOMPARE(message.value(QLatin1String("content_id")).toInteger(), 1003);
    QCOMPARE(message.value(QLatin1String("recipient")).toString(), QStringLiteral("ada@acme.test"));
    QCOMPARE(message.value(QLatin1String("subject")).toString(), QStringLiteral("Welcome aboard"));
    QCOMPARE(message.value(QLatin1String("customer_id")).toString(), QStringLiteral("u1"));
    const QJsonObject who = message.value(QLatin1String("customer_identifiers")).toObject();
    QCOMPARE(who.value(QLatin1String("email")).toString(), QStringLiteral("ada@acme.test"));
    QCOMPARE(who.value(QLatin1String("cio_id")).toString(), QStringLiteral("a1b2c3d4e5f6"));
    const QJsonObject metrics = message.value(QLatin1String("metrics")).toObject();
    QCOMPARE(metrics.value(QLatin1String("clicked")).toInteger(), 1700000200);
    QCOMPARE(metrics.value(QLatin1String("human_clicked")).toInteger(), 1); // a count
    QCOMPARE(message.value(QLatin1String("deduplicate_id")).toString(),
             toAdaWelcome + QStringLiteral(":1700000200"));
    QVERIFY(message.value(QLatin1String("failure_message")).isNull());
    QVERIFY(message.value(QLatin1String("campaign_id")).isNull());
    QCOMPARE(message.value(QLatin1String("forgotten")).toBool(), false);
    QVERIFY(!message.contains(QLatin1String("action_id"))); // non-nullable in the schema: absent

    // The list carries the same objects, and a last page has no `next`.
    const QJsonObject page = getOk(QStringLiteral("/v1/newsletters/102/messages?limit=50"));
    QVERIFY(!page.contains(QLatin1String("next")));
    const QJsonArray all = page.value(QLatin1String("messages")).toArray();
    QVERIFY(
        std::any_of(all.begin(), all.end(), [&](const QJsonValue &v) { return v.toObject() == message; }));

    const QJsonObject noEmail =
        getOk(messagePath(toBarbaraNoEmail)).value(QLatin1String("message")).toObject();
    QVERIFY(noEmail.value(QLatin1String("customer_identifiers"))
                .toObject()
                .value(QLatin1String("email"))
                .isNull());
    QVERIFY(!noEmail.contains(QLatin1String("recipient")));
    QVERIFY(noEmail.value(QLatin1String("metrics")).toObject().contains(QLatin1String("undeliverable")));
    QVERIFY(!noEmail.value(QLatin1String("failure_message")).toString().isEmpty());
}

void TestSandboxApi::archivedMessage()
{
    const HttpResult result = m_client->get(messagePath(toAdaWelcome, "/archived_message"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("X-RateLimit-Limit"), QByteArray("100"));
    QCOMPARE(result.header("X-RateLimit-Remaining"), QByteArray("99"));
    const QJsonObject archived = result.json.value(QLatin1String("archived_message")).toObject();
    QCOMPARE(archived.value(QLatin1String("id")).toString(), toAdaWelcome);
    QCOMPARE(archived.value(QLatin1String("subject")).toString(), QStringLiteral("Welcome aboard"));
    QVERIFY(archived.value(QLatin1String("body")).toString().contains(QLatin1String("Welcome, Ada!")));
    QCOMPARE(archived.value(QLatin1String("from")).toString(),
             QStringLiteral("Acme Marketing <news@acme.test>"));
    QCOMPARE(archived.value(QLatin1String("recipient")).toString(), QStringLiteral("ada@acme.test"));
    QVERIFY(!archived.contains(QLatin1String("reply_to")));
    QCOMPARE(archived.value(QLatin1String("forgotten")).toBool(), false);
    // Headers travel as a JSON string, as on the variants.
    const QJsonArray headers =
        QJsonDocument::fromJson(archived.value(QLatin1String("headers")).toString().toUtf8()).array();
    QCOMPARE(headers.at(0).toObject().value(QLatin1String("value")).toString(), QStringLiteral("n102"));

    const QJsonObject forgotten = m_client->get(messagePath(forgottenDigest, "/archived_message"))
                                      .json.value(QLatin1String("archived_message"))
                                      .toObject();
    QCOMPARE(forgotten.value(QLatin1String("forgotten")).toBool(), true);
    QVERIFY(!forgotten.contains(QLatin1String("body")));
    QVERIFY(!forgotten.contains(QLatin1String("subject")));
    QCOMPARE(forgotten.value(QLatin1String("reply_to")).toString(),
             QStringLiteral("Acme Support <support@acme.test>"));
}

void TestSandboxApi::archivedQuota()
{
    // The default daily quota, to the last request; a miss costs a request and says so too.
    for (int i = 1; i <= 100; ++i) {
        const HttpResult result = m_client->get(i == 50 ? QStringLiteral("/v1/messages/nope/archived_message")
                                                        : messagePath(toAdaWelcome, "/archived_message"));
        QCOMPARE(result.status, i == 50 ? 404 : 200);
        QCOMPARE(result.header("X-RateLimit-Limit"), QByteArray("100"));
        QCOMPARE(result.header("X-RateLimit-Remaining"), QByteArray::number(100 - i));
    }
    const HttpResult refused = m_client->get(messagePath(toAdaWelcome, "/archived_message"));
    QCOMPARE(refused.status, 429);
    QVERIFY2(!hasHeader(refused, "Retry-After"), "a daily quota has no Retry-After");
    QCOMPARE(refused.header("X-RateLimit-Limit"), QByteArray("100"));
    QCOMPARE(refused.header("X-RateLimit-Remaining"), QByteArray("0"));
    QCOMPARE(refused.json.value(QLatin1String("errors"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("status"))
                 .toString(),
             QStringLiteral("429"));
    QVERIFY(refused.errorDetail().contains(QLatin1String("per day")));
    // Other endpoints are not affected, and the quota belongs to the key.
    QCOMPARE(m_client->get(messagePath(toAdaWelcome)).status, 200);
    const ApiResult otherKey = m_server->data().archivedMessage(toAdaWelcome, "Bearer another-key");
    QCOMPARE(otherKey.status, 200);
    QVERIFY(std::find(otherKey.headers.cbegin(), otherKey.headers.cend(),
                      std::pair(QByteArray("X-RateLimit-Remaining"), QByteArray("99"))) !=
            otherKey.headers.cend());

    // The test knob: a smaller quota, starting afresh.
    m_server->setArchivedMessageQuota(2);
    QCOMPARE(m_client->get(messagePath(toAdaWelcome, "/archived_message")).header("X-RateLimit-Remaining"),
             QByteArray("1"));
    QCOMPARE(m_client->get(messagePath(toAdaWelcome, "/archived_message")).status, 200);
    const HttpResult third = m_client->get(messagePath(toAdaWelcome, "/archived_message"));
    QCOMPARE(third.status, 429);
    QCOMPARE(third.header("X-RateLimit-Limit"), QByteArray("2"));
    QVERIFY(!hasHeader(third, "Retry-After"));

    // A per-second 429 still says when to come back.
    m_server->setRateLimit(1);
    m_server->setArchivedMessageQuota(100);
    m_client->get(messagePath(toAdaWelcome));
    const HttpResult perSecond = m_client->get(messagePath(toAdaWelcome, "/archived_message"));
    QCOMPARE(perSecond.status, 429);
    QCOMPARE(perSecond.header("Retry-After"), QByteArray("1"));
}

void TestSandboxApi::demoDeliveries()
{
    // The built-in demo workspace: every sent newsletter has deliveries, and every archived copy
    // reads like a sent email for its recipient.
    Server demo;
    Options options;
    options.rateLimit = 0;
    options.archivedMessageQuota = 100000;
    QString error;
    QVERIFY2(demo.start(options, &error), qPrintable(error));
    HttpTestClient client(demo.url());

    QHash<QString, QString> firstNames; // sample customer id → first name
    QFile customers(QStringLiteral(":/demo/customers.json"));
    QVERIFY(customers.open(QIODevice::ReadOnly));
    const QJsonArray sets =
        QJsonDocument::fromJson(customers.readAll()).object().value(QLatin1String("sample_sets")).toArray();
    for (const QJsonValue &set : sets) {
        const QJsonObject customer = set.toObject().value(QLatin1String("customer")).toObject();
        firstNames.insert(customer.value(QLatin1String("id")).toString(),
                          customer.value(QLatin1String("first_name")).toString());
    }

    int sent = 0;
    for (qint64 id : demo.data().newsletterIds()) {
        const bool isSent = demo.data().newsletter(id).contains(QLatin1String("sent_at"));
        const HttpResult list = client.get(QStringLiteral("/v1/newsletters/%1/messages?limit=1000").arg(id));
        QCOMPARE(list.status, 200);
        const qsizetype count = list.json.value(QLatin1String("messages")).toArray().size();
        QVERIFY2(isSent ? count >= 6 && count <= 12 : count == 0, qPrintable(QString::number(id)));
        sent += isSent;
    }
    QVERIFY(sent > 30);

    const QStringList ids = demo.data().deliveryIds();
    QVERIFY(ids.size() > 200);
    int greeted = 0;
    for (const QString &id : ids) {
        const QJsonObject stored = demo.data().delivery(id);
        const HttpResult result = client.get(messagePath(id, "/archived_message"));
        QCOMPARE(result.status, 200);
        const QJsonObject archived = result.json.value(QLatin1String("archived_message")).toObject();
        QCOMPARE(archived.value(QLatin1String("recipient")).toString(),
                 stored.value(QLatin1String("recipient")).toString());
        QVERIFY(
            archived.value(QLatin1String("from")).toString().contains(QLatin1String("@northwind.example")));
        if (archived.value(QLatin1String("forgotten")).toBool())
            continue;
        const QString text = archived.value(QLatin1String("subject")).toString() +
                             archived.value(QLatin1String("preheader_text")).toString() +
                             archived.value(QLatin1String("body")).toString();
        QVERIFY2(!text.contains(QLatin1String("{{")) && !text.contains(QLatin1String("{%")), qPrintable(id));
        QVERIFY(text.contains(QLatin1String("https://e.customeriomail.example/unsubscribe/")));
        const QString customerId = stored.value(QLatin1String("customer_identifiers"))
                                       .toObject()
                                       .value(QLatin1String("id"))
                                       .toString();
        const QString variantBody = demo.data()
                                        .content(stored.value(QLatin1String("content_id")).toInteger())
                                        .value(QLatin1String("body"))
                                        .toString();
        if (!firstNames.value(customerId).isEmpty() &&
            variantBody.contains(QLatin1String("customer.first_name"))) {
            QVERIFY2(text.contains(firstNames.value(customerId)), qPrintable(id));
            ++greeted;
        }
    }
    QVERIFY(greeted > 20);
}

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "tst_sandbox_api.moc"
