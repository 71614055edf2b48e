// VariantSaver and VariantAddress against the real sandbox on loopback (built-in demo data set).
#include "api/appapi.h"
#include "api/client.h"
#include "models/variants/variantaddress.h"
#include "models/variants/variantsaver.h"
#include "sandbox/datastore.h"
#include "sandbox/sandboxserver.h"
#include "tests/common/sandboxsettings.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using cio::api::Content;
using cio::api::TestGroup;
using cio::models::MemorySaveJournal;
using cio::models::SaveRequest;
using cio::models::SaveResult;
using cio::models::VariantAddress;
using cio::models::VariantSaver;
using Kind = VariantAddress::Kind;
using Status = SaveResult::Status;

Q_DECLARE_METATYPE(VariantAddress::Kind)

namespace {

// A journal that cannot write (a full disk, a locked database).
class BrokenJournal final : public cio::models::SaveJournal
{
public:
    qint64 keepSnapshot(qint64, const Content &) override { return 0; }
    std::optional<Content> latestSnapshot(qint64) const override { return std::nullopt; }
    void dropSnapshot(qint64) override {}
};

struct Newsletter
{
    qint64 id = 0;
    QList<Content> contents;
    QList<TestGroup> groups;

    const Content *variant(const QString &language, const QString &groupName = {}) const
    {
        for (const Content &c : contents) {
            if (c.language != language)
                continue;
            for (const TestGroup &g : groups) {
                if ((groupName.isEmpty() || g.name == groupName) && g.contentIds.contains(c.id))
                    return &c;
            }
            if (groups.isEmpty())
                return &c;
        }
        return nullptr;
    }
    qint64 groupId(const QString &name) const
    {
        for (const TestGroup &g : groups) {
            if (g.name == name)
                return g.id;
        }
        return -1;
    }
};

} // namespace

class TestVariantSaver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void parseAddress_data();
    void parseAddress();
    void addressPaths();
    void savesThroughEachEndpoint_data();
    void savesThroughEachEndpoint();
    void sendsOnlyChangedFields();
    void detectsConflictAndForceOverwrites();
    void conflictInTheSameSecondIsFound();
    void recognisesOwnEarlierSave();
    void refusesRedactedUrls_data();
    void refusesRedactedUrls();
    void redactedOutsideUrlsIsFine();
    void snapshotBeforePutAndUndo();
    void noSnapshotNoSave();
    void serverRefusalDropsSnapshot();
    void readOnlyWorkspaceSendsNothing();
    void saveAllUnder429Storm();
    void writeRacingTheSaveIsReportedAndKept();

private:
    cio::api::Response call(const cio::api::Request &request);
    Content read(const VariantAddress &address);
    SaveResult saveNow(VariantSaver &saver, const SaveRequest &request);
    SaveRequest editOf(const VariantAddress &address, const QJsonObject &changes);
    QList<cio::sandbox::RequestRecord> writes() const;
    const Newsletter &newsletter(const QString &which) const;

    cio::sandbox::Server m_server;
    std::unique_ptr<cio::api::Client> m_client;
    MemorySaveJournal m_journal;
    Newsletter m_single; // one test group, html variants, a "de" translation
    Newsletter m_ab;     // A/B test groups, html variants, ≥12 variants, "de" in each arm
};

void TestVariantSaver::initTestCase()
{
    QString error;
    const auto started = cio::test::startUnpacedSandbox(m_server, &error);
    QVERIFY2(started, qPrintable(error));
    cio::api::ConnectionSettings settings = *started;
    m_client = std::make_unique<cio::api::Client>(settings);
    m_client->setRetryBaseDelayMs(20);

    // Pick the newsletters through the API, as the app sees them.
    QList<cio::api::Newsletter> all;
    bool listed = false;
    cio::api::AppApi(m_client.get())
        .allNewsletters(this, [&](const QList<cio::api::Newsletter> &list, const cio::api::Error &e) {
            QVERIFY2(!e.isError(), qPrintable(e.message()));
            all = list;
            listed = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(listed, 10000);
    QVERIFY(all.size() >= 40);
    for (const cio::api::Newsletter &n : std::as_const(all)) {
        if (m_single.id && m_ab.id)
            break;
        const bool allHtml = std::all_of(n.contentIds.cbegin(), n.contentIds.cend(), [this](qint64 id) {
            return m_server.data().content(id).value(QLatin1String("editor")).toString() ==
                   QLatin1String("html");
        });
        if (!allHtml || n.contentIds.size() < 2)
            continue;
        Newsletter candidate;
        candidate.id = n.id;
        int answers = 0;
        cio::api::AppApi(m_client.get())
            .contents(n.id, this, [&](const QList<Content> &list, const cio::api::Error &) {
                candidate.contents = list;
                ++answers;
            });
        cio::api::AppApi(m_client.get())
            .testGroups(n.id, this, [&](const QList<TestGroup> &list, const cio::api::Error &) {
                candidate.groups = list;
                ++answers;
            });
        QTRY_COMPARE_WITH_TIMEOUT(answers, 2, 10000);
        if (!m_single.id && candidate.groups.size() <= 1 && candidate.variant(QStringLiteral("de")) &&
            candidate.variant(QString()))
            m_single = candidate;
        if (!m_ab.id && candidate.groups.size() >= 2 && candidate.contents.size() >= 12 &&
            candidate.variant(QStringLiteral("de"), QStringLiteral("A")) &&
            candidate.variant(QStringLiteral("de"), QStringLiteral("B")))
            m_ab = candidate;
    }
    QVERIFY2(m_single.id && m_ab.id, "the demo data set has both kinds of newsletter");
}

void TestVariantSaver::init()
{
    m_server.clearRequests();
}

const Newsletter &TestVariantSaver::newsletter(const QString &which) const
{
    return which == QLatin1String("ab") ? m_ab : m_single;
}

cio::api::Response TestVariantSaver::call(const cio::api::Request &request)
{
    std::optional<cio::api::Response> out;
    m_client->send(request, this, [&out](const cio::api::Response &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 20000))
        return {};
    return *out;
}

Content TestVariantSaver::read(const VariantAddress &address)
{
    return Content::fromJson(
        call(cio::api::Request::get(address.path())).json.value(QLatin1String("content")).toObject());
}

SaveResult TestVariantSaver::saveNow(VariantSaver &saver, const SaveRequest &request)
{
    std::optional<SaveResult> out;
    saver.save(request, this, [&out](const SaveResult &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 20000)) {
        SaveResult timedOut;
        timedOut.message = QStringLiteral("no answer within 20 s");
        return timedOut;
    }
    return *out;
}

SaveRequest TestVariantSaver::editOf(const VariantAddress &address, const QJsonObject &changes)
{
    SaveRequest request;
    request.address = address;
    request.base = read(address);
    request.changes = changes;
    return request;
}

QList<cio::sandbox::RequestRecord> TestVariantSaver::writes() const
{
    QList<cio::sandbox::RequestRecord> out;
    for (const cio::sandbox::RequestRecord &r : m_server.requests()) {
        if (r.method != "GET")
            out.append(r);
    }
    return out;
}

void TestVariantSaver::parseAddress_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("group"); // name; its id is expected in testGroupId

    const Content *abDefault = m_ab.variant(QString(), QStringLiteral("B"));
    QVERIFY(abDefault);
    const QString groupA = QString::number(m_ab.groupId(QStringLiteral("A")));
    const QString ab = QStringLiteral("ab"), single = QStringLiteral("single");
    QTest::newRow("content id") << ab << QString::number(abDefault->id) << true << Kind::Content << QString()
                                << QString();
    QTest::newRow("language") << single << QStringLiteral("de") << true << Kind::Language
                              << QStringLiteral("de") << QString();
    QTest::newRow("language, other case")
        << single << QStringLiteral("DE") << true << Kind::Language << QStringLiteral("de") << QString();
    QTest::newRow("default") << single << QStringLiteral("default") << true << Kind::Content << QString()
                             << QString();
    QTest::newRow("group name") << ab << QStringLiteral("A:de") << true << Kind::TestGroupLanguage
                                << QStringLiteral("de") << QStringLiteral("A");
    QTest::newRow("group id") << ab << groupA + QStringLiteral(":de") << true << Kind::TestGroupLanguage
                              << QStringLiteral("de") << QStringLiteral("A");
    QTest::newRow("group default") << ab << QStringLiteral("B:default") << true << Kind::Content << QString()
                                   << QString();
    QTest::newRow("unknown language")
        << single << QStringLiteral("xx") << false << Kind::Content << QString() << QString();
    QTest::newRow("unknown group") << ab << QStringLiteral("Z:de") << false << Kind::Content << QString()
                                   << QString();
    QTest::newRow("unknown language in group")
        << ab << QStringLiteral("A:xx") << false << Kind::Content << QString() << QString();
    QTest::newRow("language of an A/B test")
        << ab << QStringLiteral("de") << false << Kind::Content << QString() << QString();
    QTest::newRow("default of an A/B test")
        << ab << QStringLiteral("default") << false << Kind::Content << QString() << QString();
    QTest::newRow("unknown content id")
        << single << QStringLiteral("999999") << false << Kind::Content << QString() << QString();
    QTest::newRow("empty") << single << QStringLiteral(" ") << false << Kind::Content << QString()
                           << QString();
}

void TestVariantSaver::parseAddress()
{
    QFETCH(QString, which);
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(Kind, kind);
    QFETCH(QString, language);
    QFETCH(QString, group);
    const Newsletter &n = newsletter(which);
    QString error;
    const auto address = VariantAddress::parse(text, n.id, n.contents, n.groups, &error);
    QCOMPARE(address.has_value(), valid);
    if (!valid) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(address->kind, kind);
    QCOMPARE(address->newsletterId, n.id);
    QCOMPARE(address->language, language);
    QVERIFY(address->contentId > 0);
    QVERIFY(address->isValid());
    if (!group.isEmpty())
        QCOMPARE(address->testGroupId, QString::number(n.groupId(group)));
    // What the address reaches is the variant the text named.
    const Content reached = read(*address);
    QCOMPARE(reached.id, address->contentId);
    QCOMPARE(reached.language, language);
}

void TestVariantSaver::addressPaths()
{
    VariantAddress a;
    a.newsletterId = 12;
    a.contentId = 34;
    QCOMPARE(a.path(), QStringLiteral("/v1/newsletters/12/contents/34"));
    a.kind = Kind::Language;
    a.language = QStringLiteral("zh Hans/x");
    QCOMPARE(a.path(), QStringLiteral("/v1/newsletters/12/language/zh%20Hans%2Fx"));
    a.kind = Kind::TestGroupLanguage;
    a.testGroupId = QStringLiteral("7");
    a.language = QStringLiteral("pt-BR");
    QCOMPARE(a.path(), QStringLiteral("/v1/newsletters/12/test_group/7/language/pt-BR"));

    // forVariant: the natural address for each kind of variant.
    const Content *single = m_single.variant(QStringLiteral("de"));
    QCOMPARE(VariantAddress::forVariant(*single, m_single.groups).kind, Kind::Language);
    QCOMPARE(VariantAddress::forVariant(*m_single.variant(QString()), m_single.groups).kind, Kind::Content);
    const VariantAddress ab =
        VariantAddress::forVariant(*m_ab.variant(QStringLiteral("de"), QStringLiteral("B")), m_ab.groups);
    QCOMPARE(ab.kind, Kind::TestGroupLanguage);
    QCOMPARE(ab.testGroupId, QString::number(m_ab.groupId(QStringLiteral("B"))));
    QCOMPARE(VariantAddress::forVariant(*m_ab.variant(QString(), QStringLiteral("A")), m_ab.groups).kind,
             Kind::Content);
}

void TestVariantSaver::savesThroughEachEndpoint_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("group");
    QTest::addColumn<Kind>("kind");
    QTest::newRow("contents/{id}") << QStringLiteral("ab") << QString() << QStringLiteral("A")
                                   << Kind::Content;
    QTest::newRow("language/{lang}") << QStringLiteral("single") << QStringLiteral("de") << QString()
                                     << Kind::Language;
    QTest::newRow("test_group/{tg}/language/{lang}")
        << QStringLiteral("ab") << QStringLiteral("de") << QStringLiteral("B") << Kind::TestGroupLanguage;
}

void TestVariantSaver::savesThroughEachEndpoint()
{
    QFETCH(QString, which);
    QFETCH(QString, language);
    QFETCH(QString, group);
    QFETCH(Kind, kind);
    const Newsletter &n = newsletter(which);
    const Content *variant = n.variant(language, group);
    QVERIFY(variant);
    const VariantAddress address = VariantAddress::forVariant(*variant, n.groups);
    QCOMPARE(address.kind, kind);

    VariantSaver saver(m_client.get(), &m_journal);
    const QString subject =
        QStringLiteral("Saved through %1 ✓").arg(QString::fromLatin1(QTest::currentDataTag()));
    const SaveResult result = saveNow(saver, editOf(address, {{QStringLiteral("subject"), subject}}));
    QVERIFY2(result.status == Status::Saved, qPrintable(result.message));
    QCOMPARE(result.contentId, variant->id);
    QCOMPARE(result.saved.subject, subject);

    // The PUT went through the variant's own address; the sandbox holds the new subject.
    const auto puts = writes();
    QCOMPARE(puts.size(), 1);
    QCOMPARE(puts.first().method, QByteArray("PUT"));
    QCOMPARE(puts.first().path, address.path());
    VariantAddress byId;
    byId.newsletterId = n.id;
    byId.contentId = variant->id;
    QCOMPARE(read(byId).subject, subject);
}

void TestVariantSaver::sendsOnlyChangedFields()
{
    const Content *variant = m_single.variant(QString());
    const VariantAddress address = VariantAddress::forVariant(*variant, m_single.groups);
    VariantSaver saver(m_client.get(), &m_journal);
    const QJsonObject changes{{QStringLiteral("subject"), QStringLiteral("Only this")},
                              {QStringLiteral("preheader_text"), QStringLiteral("and this")}};
    const SaveResult result = saveNow(saver, editOf(address, changes));
    QVERIFY2(result.status == Status::Saved, qPrintable(result.message));

    const auto puts = writes();
    QCOMPARE(puts.size(), 1);
    const QJsonObject body = QJsonDocument::fromJson(puts.first().body).object();
    QStringList keys = body.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("preheader_text"), QStringLiteral("subject"),
                                QStringLiteral("type")}));
    QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("email"));
    QCOMPARE(body.value(QLatin1String("subject")).toString(), QStringLiteral("Only this"));
    // The rest of the variant is as it was.
    const Content after = read(address);
    QCOMPARE(after.body, variant->body);
    QCOMPARE(after.fromId, variant->fromId);
}

void TestVariantSaver::detectsConflictAndForceOverwrites()
{
    const Content *variant = m_ab.variant(QStringLiteral("de"), QStringLiteral("A"));
    const VariantAddress address = VariantAddress::forVariant(*variant, m_ab.groups);
    VariantSaver saver(m_client.get(), &m_journal);
    SaveRequest request = editOf(address, {{QStringLiteral("subject"), QStringLiteral("Mine")}});

    // Another client saves between our load and our save.
    m_server.data().updateContent(variant->id, {{QStringLiteral("subject"), QStringLiteral("Theirs")}});
    m_server.clearRequests();
    const int snapshots = m_journal.count();
    const SaveResult conflict = saveNow(saver, request);
    QVERIFY2(conflict.status == Status::Conflict, qPrintable(conflict.message));
    QCOMPARE(conflict.server.subject, QStringLiteral("Theirs"));
    QVERIFY(!request.base.deduplicateId.isEmpty());
    QVERIFY(conflict.server.deduplicateId != request.base.deduplicateId);
    QVERIFY(conflict.message.contains(QLatin1String("Subject"))); // the field's name for people
    QVERIFY(writes().isEmpty());
    QCOMPARE(m_journal.count(), snapshots);
    QCOMPARE(read(address).subject, QStringLiteral("Theirs"));

    request.force = true;
    const SaveResult forced = saveNow(saver, request);
    QVERIFY2(forced.status == Status::Saved, qPrintable(forced.message));
    QCOMPARE(read(address).subject, QStringLiteral("Mine"));
    // Forcing still kept their version, so it can be brought back.
    QCOMPARE(m_journal.latestSnapshot(variant->id)->subject, QStringLiteral("Theirs"));
}

// Customer.io's change markers (updated, deduplicate_id) count seconds: another client's save in the
// same second as the version the edit started from leaves them as they were. The fields still differ,
// and that is a conflict, not a silent overwrite.
void TestVariantSaver::conflictInTheSameSecondIsFound()
{
    const Content *variant = m_ab.variant(QStringLiteral("fr"), QStringLiteral("A"));
    const VariantAddress address = VariantAddress::forVariant(*variant, m_ab.groups);
    VariantSaver saver(m_client.get(), &m_journal);
    SaveRequest request = editOf(address, {{QStringLiteral("subject"), QStringLiteral("Mine, same second")}});
    m_server.data().updateContent(variant->id,
                                  {{QStringLiteral("subject"), QStringLiteral("Theirs, same second")}});
    const Content server = read(address);
    request.base.updated = server.updated;
    request.base.deduplicateId = server.deduplicateId;
    m_server.clearRequests();
    const SaveResult result = saveNow(saver, request);
    QVERIFY2(result.status == Status::Conflict, qPrintable(result.message));
    QVERIFY(writes().isEmpty());
    QCOMPARE(read(address).subject, QStringLiteral("Theirs, same second"));
}

// A crash after the PUT left the draft with its old base: the server now holds exactly the draft's
// changes and nothing else moved, so saving again is not a conflict (and sends nothing). A colleague's
// change to another field on top still is one.
void TestVariantSaver::recognisesOwnEarlierSave()
{
    const Content *variant = m_ab.variant(QStringLiteral("fr"), QStringLiteral("A"));
    QVERIFY(variant);
    const VariantAddress address = VariantAddress::forVariant(*variant, m_ab.groups);
    VariantSaver saver(m_client.get(), &m_journal);
    const QJsonObject mine{{QStringLiteral("subject"), QStringLiteral("Déjà envoyé")},
                           {QStringLiteral("preheader_text"), QStringLiteral("par nous")}};
    const SaveRequest request = editOf(address, mine);
    m_server.data().updateContent(variant->id, mine); // our earlier PUT, whose answer never arrived
    m_server.clearRequests();
    const SaveResult again = saveNow(saver, request);
    QVERIFY2(again.status == Status::Saved, qPrintable(again.message));
    QVERIFY(writes().isEmpty());
    QCOMPARE(again.saved.subject, QStringLiteral("Déjà envoyé"));

    // Ours plus someone else's change to the body: a conflict, named for people.
    const SaveRequest stale = editOf(address, {{QStringLiteral("subject"), QStringLiteral("Encore")}});
    m_server.data().updateContent(variant->id, {{QStringLiteral("subject"), QStringLiteral("Encore")},
                                                {QStringLiteral("preheader_text"), QStringLiteral("autre")}});
    const SaveResult conflict = saveNow(saver, stale);
    QVERIFY2(conflict.status == Status::Conflict, qPrintable(conflict.message));
    QVERIFY2(conflict.message.contains(QLatin1String("Preheader")), qPrintable(conflict.message));
    QVERIFY(!conflict.message.contains(QLatin1String("preheader_text")));
}

void TestVariantSaver::refusesRedactedUrls_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("where");
    QTest::newRow("href") << QStringLiteral("body")
                          << QStringLiteral(
                                 "<p>Hi</p>\n<a href=\"https://x.example/p?token=[redacted]&a=1\">go</a>")
                          << QStringLiteral("body, line 2: https://x.example/p?token=[redacted]&a=1");
    QTest::newRow("src, single quotes")
        << QStringLiteral("body_amp") << QStringLiteral("<img src='/img/[redacted].png'>")
        << QStringLiteral("body_amp, line 1: /img/[redacted].png");
    QTest::newRow("bare url") << QStringLiteral("body_plain")
                              << QStringLiteral("Hello\n\nOpen https://x.example/u/[REDACTED]/view now")
                              << QStringLiteral("body_plain, line 3: https://x.example/u/[REDACTED]/view");
    QTest::newRow("percent-encoded") << QStringLiteral("body")
                                     << QStringLiteral(
                                            "<a href=\"https://x.example/?t=%5Bredacted%5D\">x</a>")
                                     << QStringLiteral("body, line 1: https://x.example/?t=%5Bredacted%5D");
}

void TestVariantSaver::refusesRedactedUrls()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, where);
    const VariantAddress address =
        VariantAddress::forVariant(*m_single.variant(QStringLiteral("de")), m_single.groups);
    SaveRequest request = editOf(address, {{field, text}, {QStringLiteral("subject"), QStringLiteral("x")}});
    m_server.clearRequests();
    VariantSaver saver(m_client.get(), &m_journal);
    const SaveResult result = saveNow(saver, request);
    QCOMPARE(result.status, Status::Refused);
    QVERIFY2(result.message.contains(where), qPrintable(result.message));
    QVERIFY(m_server.requests().isEmpty()); // not even the re-read
}

void TestVariantSaver::redactedOutsideUrlsIsFine()
{
    QVERIFY(VariantSaver::redactedUrls({{QStringLiteral("body"), QStringLiteral("<p>Code: [redacted]</p>")},
                                        {QStringLiteral("subject"), QStringLiteral("https://a/[redacted]")}})
                .isEmpty());
    const QStringList two = VariantSaver::redactedUrls(
        {{QStringLiteral("body"), QStringLiteral("<a href=\"https://a/[redacted]\">https://a/[redacted]</a>\n"
                                                 "<img src=\"https://b/[redacted]\">")}});
    QCOMPARE(two.size(), 3);
}

void TestVariantSaver::snapshotBeforePutAndUndo()
{
    const Content *variant = m_ab.variant(QStringLiteral("de"), QStringLiteral("B"));
    const VariantAddress address = VariantAddress::forVariant(*variant, m_ab.groups);
    MemorySaveJournal journal;
    VariantSaver saver(m_client.get(), &journal);
    const SaveRequest request = editOf(address, {{QStringLiteral("subject"), QStringLiteral("Oops")}});
    const QString before = request.base.subject;
    QVERIFY(before != QLatin1String("Oops"));

    const SaveResult saved = saveNow(saver, request);
    QVERIFY2(saved.status == Status::Saved, qPrintable(saved.message));
    QVERIFY(saved.snapshotId > 0);
    QCOMPARE(journal.count(), 1);
    const auto snapshot = journal.latestSnapshot(variant->id);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->subject, before);
    QCOMPARE(snapshot->deduplicateId, request.base.deduplicateId);

    std::optional<SaveResult> undone;
    saver.undoLastSave(address, saved.saved, this, [&undone](const SaveResult &r) { undone = r; });
    QTRY_VERIFY_WITH_TIMEOUT(undone.has_value(), 20000);
    QVERIFY2(undone->status == Status::Saved, qPrintable(undone->message));
    QCOMPARE(read(address).subject, before);
    const QJsonObject undoBody = QJsonDocument::fromJson(writes().last().body).object();
    QCOMPARE(undoBody.keys(), (QStringList{QStringLiteral("subject"), QStringLiteral("type")}));

    // Undo checks for conflicts too: an edit by someone else since is not overwritten.
    const Content afterUndo = undone->saved;
    m_server.data().updateContent(variant->id,
                                  {{QStringLiteral("preheader_text"), QStringLiteral("Theirs")}});
    undone.reset();
    saver.undoLastSave(address, afterUndo, this, [&undone](const SaveResult &r) { undone = r; });
    QTRY_VERIFY_WITH_TIMEOUT(undone.has_value(), 20000);
    QVERIFY2(undone->status == Status::Conflict, qPrintable(undone->message));
    QCOMPARE(read(address).preheaderText, QStringLiteral("Theirs"));
}

void TestVariantSaver::noSnapshotNoSave()
{
    const VariantAddress address = VariantAddress::forVariant(*m_single.variant(QString()), m_single.groups);
    BrokenJournal journal;
    VariantSaver saver(m_client.get(), &journal);
    const SaveResult result =
        saveNow(saver, editOf(address, {{QStringLiteral("subject"), QStringLiteral("Never")}}));
    QCOMPARE(result.status, Status::Failed);
    QVERIFY2(result.message.contains(QLatin1String("could not keep a local copy")),
             qPrintable(result.message));
    QVERIFY(writes().isEmpty());
    QVERIFY(read(address).subject != QLatin1String("Never"));
}

void TestVariantSaver::serverRefusalDropsSnapshot()
{
    // A drag-and-drop variant: the API refuses body changes (400).
    qint64 dnd = 0;
    for (qint64 id = 1; id < 5000 && !dnd; ++id) {
        if (m_server.data().content(id).value(QLatin1String("editor")).toString() == QLatin1String("dnd"))
            dnd = id;
    }
    QVERIFY(dnd);
    VariantAddress address;
    address.newsletterId = m_server.data().content(dnd).value(QLatin1String("newsletter_id")).toInteger();
    address.contentId = dnd;
    MemorySaveJournal journal;
    VariantSaver saver(m_client.get(), &journal);
    const SaveResult result =
        saveNow(saver, editOf(address, {{QStringLiteral("body"), QStringLiteral("<p>new</p>")}}));
    QCOMPARE(result.status, Status::Failed);
    QCOMPARE(result.error.httpStatus, 400);
    QVERIFY2(result.message.contains(QLatin1String("drag-and-drop")), qPrintable(result.message));
    QCOMPARE(journal.count(), 0); // the server still holds that version: nothing to undo
}

void TestVariantSaver::readOnlyWorkspaceSendsNothing()
{
    const VariantAddress address = VariantAddress::forVariant(*m_single.variant(QString()), m_single.groups);
    const SaveRequest request = editOf(address, {{QStringLiteral("subject"), QStringLiteral("Nope")}});
    cio::api::ConnectionSettings settings = m_client->settings();
    settings.readOnly = true;
    cio::api::Client readOnly(settings);
    m_server.clearRequests();
    VariantSaver saver(&readOnly, &m_journal);
    const SaveResult result = saveNow(saver, request);
    QCOMPARE(result.status, Status::Refused);
    QCOMPARE(result.error.kind, cio::api::Error::Kind::ReadOnly);
    QVERIFY2(result.message.contains(QLatin1String("read-only")), qPrintable(result.message));
    QVERIFY(m_server.requests().isEmpty());
}

void TestVariantSaver::saveAllUnder429Storm()
{
    QList<SaveRequest> requests;
    for (const Content &c : std::as_const(m_ab.contents)) {
        const VariantAddress address = VariantAddress::forVariant(c, m_ab.groups);
        requests.append(editOf(address, {{QStringLiteral("subject"), QStringLiteral("Batch %1").arg(c.id)}}));
    }
    QVERIFY(requests.size() >= 12);

    m_server.setRateLimit(10);
    QVERIFY(m_server.setFaults(QStringLiteral("429*30")));
    const auto restore = qScopeGuard([this] {
        m_server.setFaults(QString());
        m_server.setRateLimit(0);
    });
    const quint64 before429 = m_client->responses429();
    MemorySaveJournal journal;
    VariantSaver saver(m_client.get(), &journal);
    QSignalSpy progress(&saver, &VariantSaver::progress);
    std::optional<QList<SaveResult>> results;
    saver.saveAll(requests, this, [&results](const QList<SaveResult> &r) { results = r; });
    QTRY_VERIFY_WITH_TIMEOUT(results.has_value(), 40000);

    QVERIFY(m_client->responses429() > before429); // the storm did hit
    QCOMPARE(results->size(), requests.size());
    for (int i = 0; i < requests.size(); ++i) {
        const SaveResult &r = results->at(i);
        QVERIFY2(r.status == Status::Saved, qPrintable(QStringLiteral("%1: %2").arg(i).arg(r.message)));
        QCOMPARE(r.contentId, requests.at(i).base.id);
    }
    QCOMPARE(progress.size(), requests.size() + 1);
    QCOMPARE(progress.last().at(0).toInt(), int(requests.size()));
    m_server.setFaults(QString());
    for (const SaveRequest &request : std::as_const(requests))
        QCOMPARE(read(request.address).subject, QStringLiteral("Batch %1").arg(request.base.id));
}

// Someone else's write lands while our PUT is under way (the App API has no If-Match): the save still
// succeeds, but the read-back shows the variant is not what we sent on top of what we read, so the user
// is told which fields, and what we sent is kept so that nothing typed is lost.
void TestVariantSaver::writeRacingTheSaveIsReportedAndKept()
{
    const Content *variant = m_single.variant(QStringLiteral("de"));
    QVERIFY(variant);
    const VariantAddress address = VariantAddress::forVariant(*variant, m_single.groups);
    MemorySaveJournal journal;
    VariantSaver saver(m_client.get(), &journal);
    const SaveRequest request = editOf(address, {{QStringLiteral("subject"), QStringLiteral("Meins")}});
    // Answers on this path come late, so there is time to write between the PUT and its read-back.
    QVERIFY(m_server.setFaults(QStringLiteral("latency=400@%1").arg(address.path())));
    const auto restore = qScopeGuard([this] { m_server.setFaults(QString()); });
    std::optional<SaveResult> out;
    saver.save(request, this, [&out](const SaveResult &r) { out = r; });
    QTRY_COMPARE_WITH_TIMEOUT(m_server.data().content(variant->id).value(QLatin1String("subject")).toString(),
                              QStringLiteral("Meins"), 10000);
    m_server.data().updateContent(variant->id, {{QStringLiteral("preheader_text"), QStringLiteral("Ihres")}});
    QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 10000);

    QVERIFY2(out->status == Status::Saved, qPrintable(out->message));
    QCOMPARE(out->raceFields, QStringList{QStringLiteral("preheader_text")});
    QCOMPARE(out->saved.preheaderText, QStringLiteral("Ihres")); // what the server holds now
    QCOMPARE(out->sent.subject, QStringLiteral("Meins"));
    QCOMPARE(out->sent.preheaderText, request.base.preheaderText);
    QVERIFY2(out->message.contains(QLatin1String("Preheader")), qPrintable(out->message));
    // What we sent is the latest snapshot: Undo Last Save puts it back.
    QCOMPARE(journal.latestSnapshot(variant->id)->preheaderText, request.base.preheaderText);
    QCOMPARE(journal.latestSnapshot(variant->id)->subject, QStringLiteral("Meins"));

    // Without anyone else, the same save reads back clean.
    m_server.setFaults(QString());
    const SaveResult clean =
        saveNow(saver, editOf(address, {{QStringLiteral("subject"), QStringLiteral("Wieder meins")}}));
    QVERIFY2(clean.status == Status::Saved, qPrintable(clean.message));
    QVERIFY(clean.raceFields.isEmpty());
}

QTEST_GUILESS_MAIN(TestVariantSaver)
#include "tst_variantsaver.moc"
