// The fault matrix: every kind of bad answer the sandbox can give, against what users do that reads or
// writes — a full sync into the local store, a variant save, a snippet save, a segment's members — and
// for each, whether it ended clean (done right, or refused with an error and nothing changed) or lost
// or corrupted something. It prints its table; a single "lost" fails the test.
#include "api/appapi.h"
#include "api/client.h"
#include "api/ratelimiter.h"
#include "models/store/localstore.h"
#include "models/store/storesync.h"
#include "models/variants/variantaddress.h"
#include "models/variants/variantsaver.h"
#include "sandbox/datastore.h"
#include "sandbox/sandboxserver.h"
#include "tests/common/sandboxsettings.h"

#include <QDir>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QTest>

#include <optional>

using cio::api::Content;
using cio::models::LocalStore;

namespace {

enum class Outcome
{
    Done,    // the operation succeeded and the result is right
    Refused, // an error was reported and nothing was changed
    Lost     // data lost, corrupted, or a wrong result reported as success
};

QString name(Outcome o)
{
    switch (o) {
    case Outcome::Done:
        return QStringLiteral("done");
    case Outcome::Refused:
        return QStringLiteral("error");
    case Outcome::Lost:
        return QStringLiteral("LOST");
    }
    return {};
}

} // namespace

class TestFaultMatrix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyFaultEveryScenario();

private:
    template <class Predicate> bool waitFor(Predicate p, int ms = 60000) { return QTest::qWaitFor(p, ms); }
    Outcome sync(const QString &fault);
    Outcome saveVariant(const QString &fault, int round);
    Outcome saveSnippet(const QString &fault, int round);
    Outcome segmentMembers(const QString &fault);

    cio::sandbox::Server m_server;
    std::unique_ptr<cio::api::Client> m_client;
    LocalStore m_store;
    cio::models::MemorySaveJournal m_journal;
    cio::models::VariantAddress m_address;
    qint64 m_manualSegment = 0;
    int m_storedVariants = 0;
};

void TestFaultMatrix::initTestCase()
{
    // Every fault is expected here: the table is the report, not hundreds of warnings before it.
    QLoggingCategory::setFilterRules(QStringLiteral("cio.*=false"));
    QString error;
    const auto started = cio::test::startUnpacedSandbox(m_server, &error);
    QVERIFY2(started, qPrintable(error));
    cio::api::ConnectionSettings settings = *started;
    settings.transferTimeoutMs = 1500; // a stall costs this
    settings.deadlineMs = 20000;
    settings.maxResponseBytes = 8 * 1024 * 1024;
    m_client = std::make_unique<cio::api::Client>(settings);
    m_client->setRetryBaseDelayMs(10);
    m_client->rateLimiter()->setLimit(1000);

    const QString dir =
        qEnvironmentVariable("CIO_TEST_TMP", QDir::tempPath()) + QStringLiteral("/fault-matrix");
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    QVERIFY2(m_store.open(dir + QStringLiteral("/store.sqlite"), &error), qPrintable(error));
    cio::models::StoreSync sync(m_client.get(), &m_store);
    bool finished = false;
    connect(&sync, &cio::models::StoreSync::finished, this, [&](const cio::api::Error &e, int) {
        QVERIFY2(!e.isError(), qPrintable(e.message()));
        finished = true;
    });
    sync.startFull();
    QVERIFY(waitFor([&] { return finished; }));
    m_storedVariants = m_store.variantCount();
    QCOMPARE(m_storedVariants, 330);

    // A variant to save (an HTML one, so every field can change) and a manual segment with members.
    for (const cio::api::Newsletter &n : m_store.newsletters()) {
        const QList<Content> contents = m_store.contents(n.id);
        for (const Content &c : contents) {
            if (!m_address.isValid() && c.isEmail() &&
                m_server.data().content(c.id).value(QLatin1String("editor")).toString() ==
                    QLatin1String("html"))
                m_address = cio::models::VariantAddress::forVariant(c, m_store.testGroups(n.id));
        }
    }
    QVERIFY(m_address.isValid());
    bool listed = false;
    cio::api::AppApi(m_client.get())
        .segments(this, [&](const QList<cio::api::Segment> &list, const cio::api::Error &e) {
            QVERIFY(!e.isError());
            for (const cio::api::Segment &s : list) {
                if (s.isManual() && !m_manualSegment)
                    m_manualSegment = s.id;
            }
            listed = true;
        });
    QVERIFY(waitFor([&] { return listed; }));
    QVERIFY(m_manualSegment);
}

Outcome TestFaultMatrix::sync(const QString &fault)
{
    // Up to date first (the saves below change the server), then what the store holds, to compare.
    {
        cio::models::StoreSync clean(m_client.get(), &m_store);
        bool finished = false;
        connect(&clean, &cio::models::StoreSync::finished, this,
                [&](const cio::api::Error &, int) { finished = true; });
        clean.startFull();
        if (!waitFor([&] { return finished; }) || !clean.failures().isEmpty())
            return Outcome::Lost;
    }
    QHash<qint64, QByteArray> before;
    for (const cio::api::Newsletter &n : m_store.newsletters()) {
        QByteArray all;
        for (const Content &c : m_store.contents(n.id))
            all += QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact);
        before.insert(n.id, all);
    }
    m_server.setFaults(fault);
    cio::models::StoreSync sync(m_client.get(), &m_store);
    std::optional<cio::api::Error> result;
    connect(&sync, &cio::models::StoreSync::finished, this,
            [&](const cio::api::Error &e, int) { result = e; });
    sync.startFull();
    if (!waitFor([&] { return result.has_value(); }))
        return Outcome::Lost;
    m_server.setFaults(QString());
    // Nothing stored may differ from the server (which did not change), and nothing may be missing.
    if (m_store.variantCount() != m_storedVariants || m_store.newsletters().size() != before.size())
        return Outcome::Lost;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        QByteArray all;
        for (const Content &c : m_store.contents(it.key()))
            all += QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact);
        if (all != it.value())
            return Outcome::Lost;
    }
    return result->isError() || !sync.failures().isEmpty() ? Outcome::Refused : Outcome::Done;
}

Outcome TestFaultMatrix::saveVariant(const QString &fault, int round)
{
    const QJsonObject old = m_server.data().content(m_address.contentId);
    cio::models::SaveRequest request;
    request.address = m_address;
    // The version the edit starts from, read as the app reads it.
    std::optional<cio::api::Response> read;
    m_client->send(cio::api::Request::get(m_address.path()), this,
                   [&](const cio::api::Response &r) { read = r; });
    if (!waitFor([&] { return read.has_value(); }) || !read->ok())
        return Outcome::Lost;
    request.base = Content::fromJson(read->json.value(QLatin1String("content")).toObject());
    const QString subject = QStringLiteral("Fault round %1").arg(round);
    const QString body =
        old.value(QLatin1String("body")).toString() + QStringLiteral("<!-- %1 -->").arg(round);
    request.changes = {{QStringLiteral("subject"), subject}, {QStringLiteral("body"), body}};
    cio::models::VariantSaver saver(m_client.get(), &m_journal);
    m_server.setFaults(fault);
    std::optional<cio::models::SaveResult> result;
    saver.save(request, this, [&](const cio::models::SaveResult &r) { result = r; });
    if (!waitFor([&] { return result.has_value(); }))
        return Outcome::Lost;
    m_server.setFaults(QString());
    const QJsonObject now = m_server.data().content(m_address.contentId);
    const bool isOld = now.value(QLatin1String("subject")) == old.value(QLatin1String("subject")) &&
                       now.value(QLatin1String("body")) == old.value(QLatin1String("body"));
    const bool isNew = now.value(QLatin1String("subject")).toString() == subject &&
                       now.value(QLatin1String("body")).toString() == body;
    if (!isOld && !isNew)
        return Outcome::Lost; // a mix, or something else
    if (result->isSaved())
        return isNew && result->saved.subject == subject ? Outcome::Done : Outcome::Lost;
    // Not saved: the edit is still the caller's (the editor keeps it as a draft); the server may have
    // taken it anyway when the answer was lost, which the next save recognises as its own.
    return Outcome::Refused;
}

Outcome TestFaultMatrix::saveSnippet(const QString &fault, int round)
{
    const QString name = QStringLiteral("fault_matrix");
    const QString old = m_server.data().snippet(name).value(QLatin1String("value")).toString();
    const QString value = QStringLiteral("<p>Round %1</p>").arg(round);
    m_server.setFaults(fault);
    std::optional<cio::api::Error> result;
    cio::api::Snippet saved;
    cio::api::AppApi(m_client.get())
        .putSnippet(name, value, this, [&](const cio::api::Snippet &s, const cio::api::Error &e) {
            saved = s;
            result = e;
        });
    if (!waitFor([&] { return result.has_value(); }))
        return Outcome::Lost;
    m_server.setFaults(QString());
    const QString now = m_server.data().snippet(name).value(QLatin1String("value")).toString();
    if (now != old && now != value)
        return Outcome::Lost;
    if (!result->isError())
        return now == value && saved.value == value ? Outcome::Done : Outcome::Lost;
    return Outcome::Refused;
}

Outcome TestFaultMatrix::segmentMembers(const QString &fault)
{
    const auto read = [this](QList<cio::api::CustomerIdentifiers> *members) {
        std::optional<cio::api::Error> result;
        cio::api::AppApi(m_client.get())
            .allSegmentMembers(
                m_manualSegment, this,
                [&](const QList<cio::api::CustomerIdentifiers> &list, const cio::api::Error &e) {
                    *members = list;
                    result = e;
                },
                7); // small pages: several requests, so a fault can land in the middle
        return waitFor([&] { return result.has_value(); }) ? result : std::nullopt;
    };
    QList<cio::api::CustomerIdentifiers> truth;
    if (const auto clean = read(&truth); !clean || clean->isError())
        return Outcome::Lost;
    m_server.setFaults(fault);
    QList<cio::api::CustomerIdentifiers> members;
    const auto result = read(&members);
    m_server.setFaults(QString());
    if (!result)
        return Outcome::Lost;
    if (result->isError())
        return members.isEmpty() ? Outcome::Refused : Outcome::Lost;
    return members == truth ? Outcome::Done : Outcome::Lost; // a short list reported as whole is wrong
}

void TestFaultMatrix::everyFaultEveryScenario()
{
    const QStringList faults{
        QStringLiteral("500*2"),      QStringLiteral("503*9"),    QStringLiteral("503:0.3"),
        QStringLiteral("429*6"),      QStringLiteral("stall*1"),  QStringLiteral("cut*3"),
        QStringLiteral("midcut*1"),   QStringLiteral("midcut*9"), QStringLiteral("malformed*1"),
        QStringLiteral("empty*1"),    QStringLiteral("hollow*1"), QStringLiteral("huge=16*1"),
        QStringLiteral("latency=300")};
    const QStringList scenarios{QStringLiteral("sync"), QStringLiteral("variant save"),
                                QStringLiteral("snippet save"), QStringLiteral("segment members")};
    m_server.data().setSnippet(QStringLiteral("fault_matrix"), QStringLiteral("<p>Start</p>"));
    int tried = 0, clean = 0, lost = 0, round = 0;
    QStringList table{QStringLiteral("%1 %2 %3 %4 %5")
                          .arg(QStringLiteral("fault"), -14)
                          .arg(scenarios[0], -8)
                          .arg(scenarios[1], -13)
                          .arg(scenarios[2], -13)
                          .arg(scenarios[3])};
    for (const QString &fault : faults) {
        QStringList row{QStringLiteral("%1").arg(fault, -14)};
        const QList<Outcome> outcomes{sync(fault), saveVariant(fault, ++round), saveSnippet(fault, ++round),
                                      segmentMembers(fault)};
        for (int i = 0; i < outcomes.size(); ++i) {
            ++tried;
            (outcomes[i] == Outcome::Lost ? lost : clean) += 1;
            row << QStringLiteral("%1").arg(name(outcomes[i]), i == 0 ? -8 : -13);
        }
        table << row.join(QLatin1Char(' ')).trimmed();
    }
    qInfo().noquote()
        << QStringLiteral("fault matrix (done = right result, error = refused, nothing changed):\n") +
               table.join(QLatin1Char('\n')) +
               QStringLiteral("\ntried %1 / clean %2 / lost %3").arg(tried).arg(clean).arg(lost);
    QCOMPARE(lost, 0);
}

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
