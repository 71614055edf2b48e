// LocalStore and StoreSync: the sync against the real sandbox, full-text search, drafts that survive a
// killed process, snapshots, and several stores in one process.
#include "api/appapi.h"
#include "api/client.h"
#include "api/ratelimiter.h"
#include "models/store/localstore.h"
#include "models/store/storesync.h"
#include "models/store/workspacesnapshot.h"
#include "sandbox/datastore.h"
#include "sandbox/sandboxserver.h"
#include "tests/common/testhome.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <optional>

using cio::models::Draft;
using cio::models::LocalStore;
using cio::models::StoreSync;
using cio::models::WorkspaceSnapshot;

namespace {

const char writerVariable[] = "CIO_DRAFT_WRITER";

QByteArray text(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString tempPath(const QString &name)
{
    return cio::test::freshStorePath(QStringLiteral("localstore"), name);
}

Draft makeDraft(qint64 contentId, qint64 newsletterId, const QString &subject)
{
    Draft d;
    d.contentId = contentId;
    d.newsletterId = newsletterId;
    d.fields = {{QStringLiteral("subject"), subject}};
    d.base = cio::api::Content::fromJson(
        {{QStringLiteral("id"), contentId},
         {QStringLiteral("newsletter_id"), newsletterId},
         {QStringLiteral("language"), QStringLiteral("de")},
         {QStringLiteral("subject"), QStringLiteral("server")},
         {QStringLiteral("updated"), 1700000000},
         {QStringLiteral("deduplicate_id"), QStringLiteral("%1:1700000000").arg(contentId)}});
    return d;
}

// The child side of draftsSurviveKill: writes drafts until it is killed, reporting each committed one.
int writeDraftsUntilKilled(const QString &path)
{
    LocalStore store;
    QString error;
    if (!store.open(path, &error)) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(error));
        return 3;
    }
    const QString filler(2000, QLatin1Char('x')); // big enough that the WAL grows and checkpoints happen
    for (qint64 i = 1; i <= 20000; ++i) {         // bounded in case the parent is gone
        Draft d = makeDraft(i, 7, QStringLiteral("draft %1").arg(i));
        d.fields.insert(QStringLiteral("body"), filler);
        if (!store.saveDraft(d))
            return 4;
        std::printf("%lld\n", static_cast<long long>(i));
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void syncRoundTripAndIncrementalSync();
    void brokenOrShortListsNeverEmptyTheStore();
    void syncTriesFailedNewslettersAgain();
    void backgroundSyncLeavesRoomForTheUser();
    void storeSnapshotKeepsDrafts();
    void search_data();
    void search();
    void migratesSchema1Index();
    void drafts();
    void draftsSurviveKill();
    void snapshots();
    void twoStoresAtOnce();
    void refusesNewerSchema();
    void cliDraftsList();

private:
    std::unique_ptr<cio::api::Client> makeClient(const cio::sandbox::Server &server);
    WorkspaceSnapshot fetchReference(cio::api::Client *client);
    int runSync(StoreSync &sync, bool full);
    void compareNewsletter(const LocalStore &store, const WorkspaceSnapshot &reference, qint64 id);

    cio::sandbox::Server m_server; // left unchanged; tests that edit data start their own
    WorkspaceSnapshot m_reference;
};

void TestLocalStore::initTestCase()
{
    cio::sandbox::Options options;
    options.rateLimit = 0;
    QString error;
    QVERIFY2(m_server.start(options, &error), qPrintable(error));
    auto client = makeClient(m_server);
    m_reference = fetchReference(client.get());
    QCOMPARE(m_reference.newsletters.size(), 46);
    QCOMPARE(m_reference.variantCount(), 330);
}

std::unique_ptr<cio::api::Client> TestLocalStore::makeClient(const cio::sandbox::Server &server)
{
    cio::api::ConnectionSettings settings;
    settings.baseUrl = server.url();
    settings.apiKey = QStringLiteral("sandbox");
    settings.maxRetries = 0;
    auto client = std::make_unique<cio::api::Client>(settings);
    client->rateLimiter()->setLimit(1000); // the sandbox has no limit here; keep the test fast
    return client;
}

WorkspaceSnapshot TestLocalStore::fetchReference(cio::api::Client *client)
{
    // Straight from the API, independent of the sync engine under test.
    WorkspaceSnapshot snapshot;
    cio::api::AppApi appApi(client);
    bool listed = false;
    appApi.allNewsletters(this, [&](const QList<cio::api::Newsletter> &list, const cio::api::Error &e) {
        QVERIFY2(!e.isError(), qPrintable(e.message()));
        snapshot.newsletters = list;
        listed = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(listed, 15000); }();
    int pending = int(snapshot.newsletters.size()) * 2;
    for (const cio::api::Newsletter &n : std::as_const(snapshot.newsletters)) {
        const qint64 id = n.id;
        appApi.contents(id, this, [&, id](const QList<cio::api::Content> &list, const cio::api::Error &e) {
            QVERIFY2(!e.isError(), qPrintable(e.message()));
            snapshot.contents.insert(id, list);
            --pending;
        });
        appApi.testGroups(id, this,
                          [&, id](const QList<cio::api::TestGroup> &list, const cio::api::Error &e) {
                              QVERIFY2(!e.isError(), qPrintable(e.message()));
                              snapshot.testGroups.insert(id, list);
                              --pending;
                          });
    }
    [&] { QTRY_VERIFY_WITH_TIMEOUT(pending == 0, 30000); }();
    return snapshot;
}

int TestLocalStore::runSync(StoreSync &sync, bool full)
{
    int fetched = -1;
    const auto connection =
        connect(&sync, &StoreSync::finished, this, [&](const cio::api::Error &e, int count) {
            QVERIFY2(!e.isError(), qPrintable(e.message()));
            fetched = count;
        });
    full ? sync.startFull() : sync.start();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(fetched >= 0, 15000); }();
    disconnect(connection);
    [&] { QVERIFY2(sync.failures().isEmpty(), qPrintable(sync.failures().join(QLatin1Char('\n')))); }();
    return fetched;
}

void TestLocalStore::compareNewsletter(const LocalStore &store, const WorkspaceSnapshot &reference, qint64 id)
{
    const auto n = std::find_if(reference.newsletters.cbegin(), reference.newsletters.cend(),
                                [id](const cio::api::Newsletter &x) { return x.id == id; });
    QVERIFY(n != reference.newsletters.cend());
    const auto stored = store.newsletter(id);
    QVERIFY(stored);
    QCOMPARE(text(stored->toJson()), text(n->toJson()));

    const QList<cio::api::Content> expected = reference.contents.value(id);
    const QList<cio::api::Content> contents = store.contents(id);
    QCOMPARE(contents.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(text(contents[i].toJson()), text(expected[i].toJson()));
        const auto one = store.content(expected[i].id);
        QVERIFY(one);
        QCOMPARE(text(one->toJson()), text(expected[i].toJson()));
    }
    const QList<cio::api::TestGroup> groups = store.testGroups(id);
    const QList<cio::api::TestGroup> expectedGroups = reference.testGroups.value(id);
    QCOMPARE(groups.size(), expectedGroups.size());
    for (int i = 0; i < groups.size(); ++i)
        QCOMPARE(text(groups[i].toJson()), text(expectedGroups[i].toJson()));
}

void TestLocalStore::brokenOrShortListsNeverEmptyTheStore()
{
    cio::sandbox::Server server;
    cio::sandbox::Options options;
    options.rateLimit = 0;
    QVERIFY(server.start(options));
    auto client = makeClient(server);
    LocalStore store;
    QString error;
    QVERIFY2(store.open(tempPath(QStringLiteral("short-lists.sqlite")), &error), qPrintable(error));
    StoreSync sync(client.get(), &store);
    QCOMPARE(runSync(sync, false), 46);
    const int variants = store.variantCount();

    // A 200 with an empty body, or with {}, is a broken answer, not "no newsletters".
    for (const QString &fault : {QStringLiteral("empty@/v1/newsletters"), QStringLiteral("hollow@/v1/newsletters")}) {
        QVERIFY(server.setFaults(fault));
        std::optional<cio::api::Error> failed;
        const auto connection = connect(&sync, &StoreSync::finished, this,
                                        [&](const cio::api::Error &e, int) { failed = e; });
        sync.startFull();
        QTRY_VERIFY_WITH_TIMEOUT(failed.has_value(), 15000);
        disconnect(connection);
        QCOMPARE(failed->kind, cio::api::Error::Kind::BadResponse);
        QCOMPARE(store.newsletters().size(), 46);
        QCOMPARE(store.variantCount(), variants);
    }
    QVERIFY(server.setFaults(QString()));

    // A well-formed list that lacks most of what is stored (another workspace's, a server gone wrong):
    // nothing is removed unless removals are allowed.
    cio::sandbox::Server other;
    cio::sandbox::Options small;
    small.rateLimit = 0;
    small.dataPath = QStringLiteral(CIO_SOURCE_DIR "/tests/sandbox/data");
    QVERIFY(other.start(small));
    auto otherClient = makeClient(other);
    StoreSync shortSync(otherClient.get(), &store);
    std::optional<cio::api::Error> refused;
    auto connection = connect(&shortSync, &StoreSync::finished, this,
                              [&](const cio::api::Error &e, int) { refused = e; });
    shortSync.startFull();
    QTRY_VERIFY_WITH_TIMEOUT(refused.has_value(), 15000);
    disconnect(connection);
    QVERIFY(refused->isError());
    QVERIFY2(refused->message().contains(QLatin1String("of the 46 newsletters stored here")),
             qPrintable(refused->message()));
    QCOMPARE(shortSync.refusedRemovals(), 45); // what the app offers to remove (one id is in both)
    QCOMPARE(store.newsletters().size(), 46);
    QCOMPARE(store.variantCount(), variants);
    shortSync.setAllowRemovals(true);
    QCOMPARE(runSync(shortSync, true), 12);
    QCOMPARE(store.newsletters().size(), 12);
}

// A newsletter whose details failed with something that may pass (503 here, with the client's own
// retries off) is fetched once more after the others before the sync reports it.
void TestLocalStore::syncTriesFailedNewslettersAgain()
{
    cio::sandbox::Server server;
    cio::sandbox::Options options;
    options.rateLimit = 0;
    QVERIFY(server.start(options));
    auto client = makeClient(server);
    LocalStore store;
    QString error;
    QVERIFY2(store.open(tempPath(QStringLiteral("sync-again.sqlite")), &error), qPrintable(error));
    StoreSync sync(client.get(), &store);
    QVERIFY(server.setFaults(QStringLiteral("503*8@/v1/newsletters/")));
    QCOMPARE(runSync(sync, true), 46); // and no failures (runSync checks)
    QCOMPARE(store.variantCount(), m_reference.variantCount());
    int failed = 0;
    for (const auto &r : server.requests())
        failed += r.status == 503 ? 1 : 0;
    QCOMPARE(failed, 8);

    // A newsletter that keeps failing is reported after its second round, and the rest is stored.
    const qint64 id = m_reference.newsletters.at(5).id;
    QVERIFY(server.setFaults(QStringLiteral("503@/v1/newsletters/%1/").arg(id)));
    server.clearRequests();
    std::optional<cio::api::Error> finished;
    const auto connection = connect(&sync, &StoreSync::finished, this,
                                    [&](const cio::api::Error &e, int) { finished = e; });
    sync.startFull();
    QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 15000);
    disconnect(connection);
    QCOMPARE(sync.failures().size(), 1);
    QVERIFY2(sync.failures().first().contains(QString::number(id)), qPrintable(sync.failures().first()));
    QCOMPARE(sync.fetchedIds().size(), 45);
    int attempts = 0;
    for (const auto &r : server.requests())
        attempts += r.path == QStringLiteral("/v1/newsletters/%1/contents").arg(id) ? 1 : 0;
    QCOMPARE(attempts, 2); // two rounds
    server.setFaults(QString());
}

void TestLocalStore::syncRoundTripAndIncrementalSync()
{
    cio::sandbox::Server server; // this test edits the data
    cio::sandbox::Options options;
    options.rateLimit = 0;
    QVERIFY(server.start(options));
    auto client = makeClient(server);
    LocalStore store;
    QString error;
    QVERIFY2(store.open(tempPath(QStringLiteral("sync.sqlite")), &error), qPrintable(error));
    StoreSync sync(client.get(), &store);

    // First sync: everything, equal to what the API returns.
    QCOMPARE(runSync(sync, false), 46);
    QVERIFY(store.lastSynced().isValid());
    QCOMPARE(store.newsletters().size(), 46);
    int variants = 0;
    for (const auto &n : std::as_const(m_reference.newsletters)) {
        compareNewsletter(store, m_reference, n.id);
        if (QTest::currentTestFailed())
            return;
        variants += static_cast<int>(store.contents(n.id).size());
    }
    QCOMPARE(variants, 330);

    // Another client adds a translation to one newsletter (which moves its `updated`) and edits a
    // variant of another (which does not).
    qint64 changed = 0;
    const QStringList languages = server.data().languages();
    for (qint64 id : server.data().newsletterIds()) {
        for (const QString &language : languages) {
            const QJsonObject body{{QStringLiteral("language"), language},
                                   {QStringLiteral("subject"), QStringLiteral("Neu")},
                                   {QStringLiteral("body"), QStringLiteral("<p>Hallo</p>")}};
            if (server.data().addLanguage(id, {}, QJsonDocument(body).toJson()).isSuccess()) {
                changed = id;
                break;
            }
        }
        if (changed)
            break;
    }
    QVERIFY2(changed, "some draft newsletter accepts a new translation");
    const auto edited =
        std::find_if(m_reference.newsletters.cbegin(), m_reference.newsletters.cend(),
                     [changed](const auto &n) { return n.id != changed && !n.contentIds.isEmpty(); });
    const qint64 editedContent = edited->contentIds.first();
    const QString oldSubject = store.content(editedContent)->subject;
    server.data().updateContent(editedContent, {{QStringLiteral("subject"), QStringLiteral("x")}});

    // Second sync: only the newsletter whose `updated` moved.
    server.clearRequests();
    QCOMPARE(runSync(sync, false), 1);
    QCOMPARE(sync.fetchedIds(), QList<qint64>{changed});
    int detailRequests = 0;
    for (const auto &r : server.requests()) {
        if (r.path.endsWith(QLatin1String("/contents")) || r.path.endsWith(QLatin1String("/test_groups"))) {
            ++detailRequests;
            QVERIFY2(r.path.contains(QString::number(changed)), qPrintable(r.path));
        }
    }
    QCOMPARE(detailRequests, 2);
    const WorkspaceSnapshot after = fetchReference(client.get());
    compareNewsletter(store, after, changed);
    QCOMPARE(store.contents(changed).size(), after.contents.value(changed).size());
    // Documented limit: a variant edit leaves the newsletter's `updated`, so start() does not see it.
    QCOMPARE(store.content(editedContent)->subject, oldSubject);

    // startFull() refetches everything and the store equals the API again.
    QCOMPARE(runSync(sync, true), 46);
    for (const auto &n : std::as_const(after.newsletters)) {
        compareNewsletter(store, after, n.id);
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(store.content(editedContent)->subject, QStringLiteral("x"));

    // Nothing changed: only the snippets (for Liquid) and the list are read.
    server.clearRequests();
    QCOMPARE(runSync(sync, false), 0);
    for (const auto &r : server.requests())
        QVERIFY2(r.path.endsWith(QLatin1String("/newsletters")) ||
                     r.path.endsWith(QLatin1String("/snippets")),
                 qPrintable(r.path));
    // The snippets are the workspace's, for the preview and the QA checks to resolve locally.
    QEventLoop loop;
    QList<cio::api::Snippet> reference;
    cio::api::AppApi(client.get())
        .snippets(&loop, [&](const QList<cio::api::Snippet> &list, const cio::api::Error &) {
            reference = list;
            loop.quit();
        });
    loop.exec();
    QVERIFY(!reference.isEmpty());
    QCOMPARE(store.snippets().size(), reference.size());
    QCOMPARE(store.snippetValues().value(reference.first().name), reference.first().value);
}

void TestLocalStore::storeSnapshotKeepsDrafts()
{
    LocalStore store;
    QVERIFY(store.open(tempPath(QStringLiteral("snapshot.sqlite"))));
    const qint64 contentId = m_reference.contents.value(m_reference.newsletters.first().id).first().id;
    QVERIFY(
        store.saveDraft(makeDraft(contentId, m_reference.newsletters.first().id, QStringLiteral("mine"))));
    QSignalSpy changed(&store, &LocalStore::dataChanged);
    QVERIFY(store.storeSnapshot(m_reference));
    QCOMPARE(changed.count(), 1);
    for (const auto &n : std::as_const(m_reference.newsletters))
        compareNewsletter(store, m_reference, n.id);
    QCOMPARE(store.detailVersions().size(), 46);

    // A sync that no longer lists the newsletter drops it, never the user's draft.
    WorkspaceSnapshot smaller = m_reference;
    smaller.newsletters.removeFirst();
    QVERIFY(store.storeSnapshot(smaller));
    QCOMPARE(store.newsletters().size(), 45);
    QVERIFY(!store.content(contentId));
    QCOMPARE(store.draft(contentId)->fields.value(QLatin1String("subject")).toString(),
             QStringLiteral("mine"));
    QVERIFY(store.search(QStringLiteral("zewnatrz")).contains(113)); // the index follows
}

void TestLocalStore::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QList<qint64>>("expected");
    // Each word occurs in one German or Polish body only.
    QTest::newRow("german word") << QStringLiteral("Außenschicht") << QList<qint64>{147};
    QTest::newRow("upper case") << QStringLiteral("AUßENSCHICHT") << QList<qint64>{147};
    QTest::newRow("prefix of last word") << QStringLiteral("Außensch") << QList<qint64>{147};
    QTest::newRow("without diacritics") << QStringLiteral("zewnatrz") << QList<qint64>{113};
    QTest::newRow("upper case with diacritics") << QStringLiteral("ZEWNĄTRZ") << QList<qint64>{113};
    QTest::newRow("words are ANDed") << QStringLiteral("zewnątrz Außenschicht") << QList<qint64>{};
    QTest::newRow("operators are text") << QStringLiteral("zewnątrz OR \"Außenschicht") << QList<qint64>{};
    QTest::newRow("quotes are text") << QStringLiteral("\"zewnątrz\"") << QList<qint64>{113};
    QTest::newRow("lone punctuation is ignored") << QStringLiteral("zewnątrz ( -") << QList<qint64>{113};
    QTest::newRow("punctuation only") << QStringLiteral("* - \"") << QList<qint64>{};
    QTest::newRow("markup is not indexed") << QStringLiteral("<td>") << QList<qint64>{};
    QTest::newRow("one-letter last word waits") << QStringLiteral("zewnątrz q") << QList<qint64>{113};
    QTest::newRow("one letter alone searches nothing") << QStringLiteral("z") << QList<qint64>{};
}

void TestLocalStore::search()
{
    QFETCH(QString, query);
    QFETCH(QList<qint64>, expected);
    LocalStore store;
    QVERIFY(store.open(tempPath(QStringLiteral("search.sqlite"))));
    QVERIFY(store.storeSnapshot(m_reference));
    QCOMPARE(store.search(query), expected);
}

void TestLocalStore::backgroundSyncLeavesRoomForTheUser()
{
    // With the real 10/s limit, a full sync of the demo workspace must never queue more than a few
    // requests, so a request the user makes meanwhile is answered within about a second.
    cio::sandbox::Server server;
    cio::sandbox::Options options;
    QVERIFY(server.start(options));
    auto client = makeClient(server);
    client->rateLimiter()->setLimit(10); // the real API's limit, as the app uses it
    LocalStore store;
    QVERIFY(store.open(tempPath(QStringLiteral("room.sqlite"))));
    StoreSync sync(client.get(), &store);
    QSignalSpy finished(&sync, &StoreSync::finished);
    int maxWaiting = 0;
    QTimer probe;
    connect(&probe, &QTimer::timeout, this,
            [&] { maxWaiting = std::max(maxWaiting, client->queueState().waiting); });
    probe.start(20);
    sync.startFull();
    QTest::qWait(1500);
    QElapsedTimer timer;
    timer.start();
    bool answered = false;
    client->send(cio::api::Request::get(QStringLiteral("/v1/snippets")), this,
                 [&](const cio::api::Response &) { answered = true; });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
    const qint64 waitedMs = timer.elapsed();
    QVERIFY(finished.wait(30000));
    // Three newsletters in flight are six requests, plus the user's own one.
    QVERIFY2(maxWaiting <= 7, qPrintable(QStringLiteral("%1 requests waited at once").arg(maxWaiting)));
    // About 0.7 s at 10 requests/s behind six; a loaded machine gets slack (without the window: ~8 s).
    QVERIFY2(waitedMs < 3000, qPrintable(QStringLiteral("the user's request took %1 ms").arg(waitedMs)));
}

void TestLocalStore::migratesSchema1Index()
{
    // A store written by schema 1 (index without newsletter ids): opening it rebuilds the index.
    const QString path = tempPath(QStringLiteral("schema1.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema1"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE schema_version(version INTEGER NOT NULL)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version VALUES(1)")));
        QVERIFY(q.exec(
            QStringLiteral("CREATE TABLE contents(id INTEGER PRIMARY KEY, newsletter_id INTEGER NOT NULL, "
                           "position INTEGER NOT NULL, language TEXT, updated INTEGER NOT NULL, "
                           "json TEXT NOT NULL)")));
        QVERIFY(q.exec(
            QStringLiteral("CREATE VIRTUAL TABLE content_fts USING fts5(name, subject, preheader, body)")));
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO contents VALUES(501, 42, 0, 'de', 0, ?)")));
        q.addBindValue(QStringLiteral(
            R"({"id":501,"language":"de","subject":"Winterjacke","body":"<p>Daunenfüllung</p>"})"));
        QVERIFY(q.exec());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema1"));
    LocalStore store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QCOMPARE(store.search(QStringLiteral("daunenf")), QList<qint64>{42});
    QCOMPARE(store.search(QStringLiteral("winterjacke")), QList<qint64>{42});
}

void TestLocalStore::drafts()
{
    LocalStore store;
    QVERIFY(store.open(tempPath(QStringLiteral("drafts.sqlite"))));
    QSignalSpy changed(&store, &LocalStore::draftsChanged);
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1700000000).toUTC();
    Draft a = makeDraft(11, 1, QStringLiteral("a"));
    a.savedAt = t0;
    Draft b = makeDraft(12, 1, QStringLiteral("b"));
    b.savedAt = t0.addSecs(5);
    Draft c = makeDraft(21, 2, QStringLiteral("c"));
    c.savedAt = t0.addSecs(2);
    c.fields.insert(QStringLiteral("reply_to_id"), QJsonValue::Null);
    QVERIFY(store.saveDraft(a) && store.saveDraft(b) && store.saveDraft(c));
    QCOMPARE(changed.count(), 3);

    const auto one = store.draft(21);
    QVERIFY(one);
    QCOMPARE(one->newsletterId, qint64(2));
    QCOMPARE(text(one->fields), text(c.fields));
    QCOMPARE(text(one->base.toJson()), text(c.base.toJson()));
    QCOMPARE(one->savedAt, c.savedAt);
    QCOMPARE(one->savedAt.timeSpec(), Qt::UTC);

    QList<qint64> order;
    for (const Draft &d : store.drafts())
        order << d.contentId;
    QCOMPARE(order, (QList<qint64>{12, 21, 11}));
    QCOMPARE(store.drafts(1).size(), 2);

    // A newer write replaces the draft; no savedAt means now.
    a.savedAt = {};
    a.fields.insert(QStringLiteral("subject"), QStringLiteral("a2"));
    QVERIFY(store.saveDraft(a));
    QCOMPARE(store.drafts().first().contentId, qint64(11));
    QCOMPARE(store.draft(11)->fields.value(QLatin1String("subject")).toString(), QStringLiteral("a2"));

    QVERIFY(store.discardDraft(11));
    QVERIFY(!store.draft(11));
    QCOMPARE(changed.last().first().toLongLong(), qint64(11));
    QCOMPARE(store.drafts().size(), 2);
    QVERIFY(!store.saveDraft(Draft{})); // names no variant
}

void TestLocalStore::draftsSurviveKill()
{
    const QString path = tempPath(QStringLiteral("killed.sqlite"));
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(writerVariable), path);
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY2(child.waitForStarted(5000), qPrintable(child.errorString()));
    QByteArray out;
    while (out.count('\n') < 200) {
        QVERIFY2(child.waitForReadyRead(10000), child.readAllStandardError().constData());
        out += child.readAllStandardOutput();
    }
    child.kill(); // SIGKILL: no destructors, no checkpoint, mid-write
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    out += child.readAllStandardOutput();

    QList<qint64> reported;
    const QList<QByteArray> lines = out.left(out.lastIndexOf('\n')).split('\n');
    for (const QByteArray &line : lines)
        reported << line.toLongLong();
    QVERIFY(reported.size() >= 200);

    LocalStore store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    for (qint64 id : std::as_const(reported)) {
        const auto d = store.draft(id);
        QVERIFY2(d, qPrintable(QStringLiteral("draft %1 was reported committed but is missing").arg(id)));
        QCOMPARE(d->fields.value(QLatin1String("subject")).toString(), QStringLiteral("draft %1").arg(id));
    }
    QVERIFY(store.drafts().size() >= reported.size());
    QVERIFY(store.saveDraft(makeDraft(reported.last() + 1, 7, QStringLiteral("after")))); // still writable
}

void TestLocalStore::snapshots()
{
    LocalStore store;
    QVERIFY(store.open(tempPath(QStringLiteral("snapshots.sqlite"))));
    cio::models::SaveJournal &journal = store;
    QVERIFY(!journal.latestSnapshot(5));
    cio::api::Content content = makeDraft(5, 3, {}).base;
    QList<qint64> ids;
    for (int i = 1; i <= 25; ++i) {
        content.subject = QStringLiteral("v%1").arg(i);
        ids << journal.keepSnapshot(3, content);
        QVERIFY(ids.last() > 0);
    }
    QVERIFY(journal.keepSnapshot(3, makeDraft(6, 3, {}).base) > 0); // another variant keeps its own
    QCOMPARE(journal.latestSnapshot(5)->subject, QStringLiteral("v25"));

    const auto list = store.snapshots(5);
    QCOMPARE(list.size(), LocalStore::MaxSnapshotsPerVariant);
    for (int i = 0; i < list.size(); ++i) {
        QCOMPARE(list[i].id, ids[24 - i]);
        QCOMPARE(list[i].content.subject, QStringLiteral("v%1").arg(25 - i));
        QCOMPARE(list[i].contentId, qint64(5));
        QCOMPARE(list[i].newsletterId, qint64(3));
        QVERIFY(list[i].takenAt.isValid());
    }
    QCOMPARE(text(list.first().content.toJson()), text(content.toJson()));
    QCOMPARE(store.snapshots(6).size(), 1);

    journal.dropSnapshot(ids.last());
    QCOMPARE(journal.latestSnapshot(5)->subject, QStringLiteral("v24"));
    QCOMPARE(store.snapshots(5).size(), 19);
    QCOMPARE(journal.keepSnapshot(3, cio::api::Content{}),
             qint64(0)); // no variant id: the save must not go ahead
}

void TestLocalStore::twoStoresAtOnce()
{
    LocalStore first, second;
    const QString firstPath = tempPath(QStringLiteral("first.sqlite"));
    QVERIFY(first.open(firstPath));
    QVERIFY(second.open(tempPath(QStringLiteral("second.sqlite"))));
    QVERIFY(first.saveDraft(makeDraft(1, 1, QStringLiteral("one"))));
    QVERIFY(second.saveDraft(makeDraft(2, 1, QStringLiteral("two"))));
    QVERIFY(second.storeSnapshot(m_reference));
    QCOMPARE(first.drafts().size(), 1);
    QCOMPARE(second.drafts().size(), 1);
    QVERIFY(first.draft(1) && !first.draft(2));
    QVERIFY(second.draft(2) && !second.draft(1));
    QVERIFY(first.newsletters().isEmpty());
    QCOMPARE(second.newsletters().size(), 46);

    first.close();
    QVERIFY(!first.isOpen());
    QVERIFY(second.isOpen());
    QCOMPARE(second.drafts().size(), 1);
    QVERIFY(first.open(firstPath));
    QVERIFY(first.draft(1));
}

void TestLocalStore::refusesNewerSchema()
{
    const QString path = tempPath(QStringLiteral("newer.sqlite"));
    {
        LocalStore store;
        QVERIFY(store.open(path));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    LocalStore store;
    QString error;
    QVERIFY(!store.open(path, &error));
    QVERIFY2(error.contains(QLatin1String("newer")), qPrintable(error));
    QVERIFY(!store.isOpen());
}

void TestLocalStore::cliDraftsList()
{
    const QString cli = qEnvironmentVariable("CIO_CLI_BIN");
    if (cli.isEmpty() || !QFile::exists(cli))
        QSKIP("cio-studio-cli is not built");
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(LocalStore::demoPath() + QLatin1String(suffix));
    {
        LocalStore store;
        QVERIFY(store.open(LocalStore::demoPath()));
        QVERIFY(store.saveDraft(makeDraft(4242, 77, QStringLiteral("Grüße"))));
    }
    QProcess process;
    process.start(cli, {QStringLiteral("--demo"), QStringLiteral("drafts"), QStringLiteral("list"),
                        QStringLiteral("--json")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    const QJsonArray drafts = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
    QCOMPARE(drafts.size(), 1);
    const QJsonObject d = drafts.first().toObject();
    QCOMPARE(d.value(QLatin1String("content_id")).toInteger(), qint64(4242));
    QCOMPARE(d.value(QLatin1String("newsletter_id")).toInteger(), qint64(77));
    QCOMPARE(d.value(QLatin1String("language")).toString(), QStringLiteral("de"));
    QCOMPARE(d.value(QLatin1String("fields")).toObject().value(QLatin1String("subject")).toString(),
             QStringLiteral("Grüße"));

    process.start(cli, {QStringLiteral("--demo"), QStringLiteral("drafts"), QStringLiteral("list")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    const QString textOut = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(textOut.contains(QLatin1String("4242")) && textOut.contains(QLatin1String("subject")),
             qPrintable(textOut));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Re-run as the draft writer of draftsSurviveKill (see there), not as a test.
    if (qEnvironmentVariableIsSet(writerVariable))
        return writeDraftsUntilKilled(qEnvironmentVariable(writerVariable));
    TestLocalStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_localstore.moc"
