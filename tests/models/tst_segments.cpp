// Segments against the real sandbox on loopback: the App API calls, the list and members models, the CSV
// export, the member import, and batched Track API changes.
#include "api/appapi.h"
#include "api/client.h"
#include "api/ratelimiter.h"
#include "api/requestlog.h"
#include "api/trackapi.h"
#include "models/common/itemroles.h"
#include "models/segments/memberimport.h"
#include "models/segments/membershipbatcher.h"
#include "models/segments/segmentexporter.h"
#include "models/segments/segmentfiltermodel.h"
#include "models/segments/segmentlistmodel.h"
#include "models/segments/segmentmembersmodel.h"
#include "sandbox/datastore.h"
#include "sandbox/sandboxserver.h"
#include "translations/i18n.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using cio::api::Error;
using cio::models::MembershipBatcher;

namespace {
constexpr qint64 BigSegment = 12;       // manual, 25,000 generated members
constexpr qint64 DataDrivenSegment = 1; // "Active in last 30 days", used by campaigns 4 and 17
const QString TrackKey = QStringLiteral("track-secret-4711");
} // namespace

class TestSegments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void membersModelPagesToTheEnd();
    void membersModelIsLazy();
    void listModelCountsLazily();
    void filterBySearchAndType_data();
    void filterBySearchAndType();
    void exportWritesEveryMember();
    void exportQuotesAndCancels();
    void createAndDelete();
    void dataDrivenSegmentsAreNotDeleted();
    void countAndUsedBy();
    void batches2500IdsIn3Requests();
    void failedBatchKeepsTheRest();
    void dataDrivenSegmentRefuses();
    void trackRefusalsAreLocal();
    void emailIdsAddAndRemove();
    void trackCallsGoThroughTheOneHttpStack();
    void importParses_data();
    void importParses();
    void importFiles();

private:
    cio::api::TrackApi *makeTrack(const QString &key = TrackKey, bool readOnly = false);
    qint64 createSegment(const QString &name);
    QList<cio::sandbox::RequestRecord> trackRequests() const;
    qint64 count(qint64 segmentId);

    cio::sandbox::Server m_server;
    std::unique_ptr<cio::api::Client> m_client;
};

void TestSegments::initTestCase()
{
    cio::i18n::installTranslations(); // "1 member", "2 members"
    cio::sandbox::Options options;
    options.rateLimit = 0; // the tests measure requests, not pacing
    options.trackApiKey = TrackKey;
    QString error;
    QVERIFY2(m_server.start(options, &error), qPrintable(error));
    cio::api::ConnectionSettings settings;
    settings.baseUrl = m_server.url();
    settings.apiKey = QStringLiteral("sandbox");
    settings.maxRetries = 0;
    m_client = std::make_unique<cio::api::Client>(settings);
    m_client->rateLimiter()->setLimit(1000);
}

void TestSegments::init()
{
    m_server.setFaults({});
    m_server.clearRequests();
}

cio::api::TrackApi *TestSegments::makeTrack(const QString &key, bool readOnly)
{
    cio::api::TrackSettings settings;
    settings.baseUrl = cio::api::trackBaseUrlFor(cio::api::Region::Us, m_server.url());
    settings.siteId = QStringLiteral("sandbox-site");
    settings.apiKey = key;
    settings.readOnly = readOnly;
    auto *track = new cio::api::TrackApi(settings, this);
    track->setRetryBaseDelayMs(5);
    track->rateLimiter()->setLimit(1000);
    return track;
}

qint64 TestSegments::createSegment(const QString &name)
{
    qint64 id = 0;
    cio::api::AppApi(m_client.get())
        .createSegment(name, QStringLiteral("made by tst_segments"), this,
                       [&](const cio::api::Segment &s, const Error &e) {
                           QVERIFY2(!e.isError(), qPrintable(e.message()));
                           id = s.id;
                       });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(id > 0, 5000); }();
    return id;
}

qint64 TestSegments::count(qint64 segmentId)
{
    qint64 result = -2;
    cio::api::AppApi(m_client.get()).segmentCustomerCount(segmentId, this, [&](qint64 n, const Error &e) {
        result = e.isError() ? -1 : n;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result != -2, 5000); }();
    return result;
}

QList<cio::sandbox::RequestRecord> TestSegments::trackRequests() const
{
    QList<cio::sandbox::RequestRecord> out;
    for (const auto &r : m_server.requests()) {
        if (r.path.startsWith(QLatin1String("/api/v1/")))
            out.append(r);
    }
    return out;
}

void TestSegments::membersModelPagesToTheEnd()
{
    cio::models::SegmentMembersModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setPageSize(1000);
    model.setSegment(BigSegment);
    while (!model.isComplete()) {
        QTRY_VERIFY_WITH_TIMEOUT(model.state() != cio::models::SegmentMembersModel::Loading, 10000);
        QCOMPARE(model.state(), cio::models::SegmentMembersModel::Idle);
        if (model.canFetchMore())
            model.fetchMore();
    }
    QCOMPARE(model.rowCount(), 25000);
    QCOMPARE(model.pagesLoaded(), 25);
    QCOMPARE(inserted.size(), 25);
    QVERIFY(!model.canFetchMore());
    QCOMPARE(model.itemAt(0).id, QStringLiteral("nl-sub-1"));
    QCOMPARE(model.itemAt(24999).id, QStringLiteral("nl-sub-25000"));
    QCOMPARE(model.itemAt(24999).email, QStringLiteral("nl-sub-25000@example.com"));
    // Everyone is there once (by cio_id); one in ten is known by email only, without an id.
    QSet<QString> people;
    int withoutId = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        people.insert(model.itemAt(row).cioId);
        withoutId += model.itemAt(row).id.isEmpty() ? 1 : 0;
    }
    QCOMPARE(people.size(), 25000);
    QCOMPARE(withoutId, 2500);
    QCOMPARE(model.itemAt(6).email, QStringLiteral("nl-sub-7@example.com"));
    QVERIFY(model.itemAt(6).id.isEmpty());
    const QModelIndex first = model.index(0);
    QCOMPARE(first.data().toString(), QStringLiteral("nl-sub-1 · nl-sub-1@example.com"));
    QCOMPARE(first.data(cio::models::SegmentMembersModel::EmailRole).toString(),
             QStringLiteral("nl-sub-1@example.com"));
    QVERIFY(!first.data(cio::models::SegmentMembersModel::CioIdRole).toString().isEmpty());
}

void TestSegments::membersModelIsLazy()
{
    cio::models::SegmentMembersModel model(m_client.get());
    model.setSegment(BigSegment);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 5000);
    QTest::qWait(200);
    QCOMPARE(model.rowCount(), 1000); // one page until a view scrolls on
    QVERIFY(model.canFetchMore());
    int membershipRequests = 0;
    for (const auto &r : m_server.requests())
        membershipRequests += r.path.endsWith(QLatin1String("/membership")) ? 1 : 0;
    QCOMPARE(membershipRequests, 1);

    // Another segment starts over; a late page of the old one is ignored.
    model.fetchMore();
    model.setSegment(8);
    QTRY_VERIFY_WITH_TIMEOUT(model.state() == cio::models::SegmentMembersModel::Idle && model.rowCount() > 0,
                             5000);
    QTest::qWait(100);
    QCOMPARE(model.rowCount(), int(m_server.data().segmentMemberCount(8)));
    QVERIFY(model.isComplete());
}

void TestSegments::listModelCountsLazily()
{
    cio::models::SegmentListModel model(m_client.get());
    QSignalSpy changed(&model, &cio::models::SegmentListModel::countChanged);
    model.reload();
    QTRY_VERIFY_WITH_TIMEOUT(model.state() == cio::models::SegmentListModel::Idle && model.rowCount() > 0,
                             5000);
    QCOMPARE(model.rowCount(),
             int(m_server.data().listSegments().body.value(QLatin1String("segments")).toArray().size()));
    m_server.clearRequests();
    QTest::qWait(100);
    QCOMPARE(m_server.requests().size(), 0); // no count until a row is shown

    const int row = model.indexOf(BigSegment);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, cio::models::SegmentListModel::TypeColumn).data().toString(),
             QStringLiteral("Manual"));
    QCOMPARE(model.index(model.indexOf(DataDrivenSegment), cio::models::SegmentListModel::TypeColumn)
                 .data()
                 .toString(),
             QStringLiteral("Data-driven"));
    // A view painting the Members cell asks for the count.
    QCOMPARE(model.index(row, cio::models::SegmentListModel::MembersColumn).data().toString(),
             QStringLiteral("…"));
    QTRY_VERIFY_WITH_TIMEOUT(model.count(BigSegment).has_value(), 5000);
    QCOMPARE(*model.count(BigSegment), 25000);
    QCOMPARE(model.index(row, cio::models::SegmentListModel::MembersColumn)
                 .data(cio::models::SortRole)
                 .toLongLong(),
             25000);
    QCOMPARE(m_server.requests().size(), 1);
    QCOMPARE(m_server.requests().first().path, QStringLiteral("/v1/segments/12/customer_count"));
    QCOMPARE(changed.size(), 1);

    // Cached: showing it again costs nothing; refreshCount asks again.
    model.index(row, cio::models::SegmentListModel::MembersColumn).data();
    QTest::qWait(50);
    QCOMPARE(m_server.requests().size(), 1);
    model.refreshCount(BigSegment);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 5000);
    QCOMPARE(m_server.requests().size(), 2);

    // A view showing every row gets every count, in one go; reload forgets them.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int r = 0; r < model.rowCount(); ++r)
        model.index(r, cio::models::SegmentListModel::MembersColumn).data();
    QTRY_VERIFY_WITH_TIMEOUT(model.count(8).has_value() && model.count(DataDrivenSegment).has_value(), 5000);
    QCOMPARE(*model.count(8), qint64(m_server.data().segmentMemberCount(8)));
    model.reload();
    QVERIFY(!model.count(8).has_value());
    QTRY_VERIFY_WITH_TIMEOUT(model.state() == cio::models::SegmentListModel::Idle && model.rowCount() > 0,
                             5000);
}

void TestSegments::filterBySearchAndType_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("word in the name") << QStringLiteral("berlin") << QString() << QList<qint64>{9};
    QTest::newRow("two words, any order")
        << QStringLiteral("speaking german") << QString() << QList<qint64>{2};
    QTest::newRow("tag") << QStringLiteral("apac") << QString() << QList<qint64>{17};
    QTest::newRow("id") << QStringLiteral("12") << QStringLiteral("manual") << QList<qint64>{12};
    QTest::newRow("manual with a word")
        << QStringLiteral("club") << QStringLiteral("manual") << QList<qint64>{23};
    QTest::newRow("data-driven only")
        << QStringLiteral("club") << QStringLiteral("dynamic") << QList<qint64>{};
}

void TestSegments::filterBySearchAndType()
{
    QFETCH(QString, search);
    QFETCH(QString, type);
    QFETCH(QList<qint64>, expected);
    cio::models::SegmentListModel model(m_client.get());
    cio::models::SegmentFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QTRY_VERIFY_WITH_TIMEOUT(model.state() == cio::models::SegmentListModel::Idle && model.rowCount() > 0,
                             5000);
    proxy.setSearchText(search);
    proxy.setType(type);
    QList<qint64> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids << proxy.index(row, 0).data(cio::models::IdRole).toLongLong();
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids, expected);
}

void TestSegments::exportWritesEveryMember()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("members.csv"));
    cio::models::SegmentExporter exporter(m_client.get());
    QSignalSpy progress(&exporter, &cio::models::SegmentExporter::progress);
    QSignalSpy finished(&exporter, &cio::models::SegmentExporter::finished);
    exporter.start(BigSegment, path);
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(finished.first().at(2).toLongLong(), 25000);
    // The count first (for the progress bar), then 5 pages of 5,000.
    QCOMPARE(progress.first().at(1).toLongLong(), 25000);
    QCOMPARE(progress.last().at(0).toLongLong(), 25000);
    QCOMPARE(progress.size(), 6);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 25002); // header, 25,000 rows, and the empty piece after the last newline
    QCOMPARE(lines.at(0), QByteArray("id,email,cio_id\r"));
    const QJsonObject member = m_server.data()
                                   .segmentMembership(BigSegment, QUrlQuery(QStringLiteral("limit=1")))
                                   .body.value(QLatin1String("identifiers"))
                                   .toArray()
                                   .first()
                                   .toObject();
    QCOMPARE(lines.at(1), QByteArray("nl-sub-1,nl-sub-1@example.com,") +
                              member.value(QLatin1String("cio_id")).toString().toUtf8() + '\r');
    QVERIFY(lines.at(25000).startsWith("nl-sub-25000,nl-sub-25000@example.com,"));
    QVERIFY(lines.last().isEmpty());
}

void TestSegments::exportQuotesAndCancels()
{
    QCOMPARE(cio::models::SegmentExporter::csvRow({QStringLiteral("a,b"), QString(), QStringLiteral("c\"d")}),
             QByteArray("\"a,b\",,\"c\"\"d\"\r\n"));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cancelled.csv"));
    cio::models::SegmentExporter exporter(m_client.get());
    exporter.setPageSize(1000);
    QSignalSpy finished(&exporter, &cio::models::SegmentExporter::finished);
    connect(&exporter, &cio::models::SegmentExporter::progress, &exporter, [&](qint64 written, qint64) {
        if (written >= 2000)
            exporter.cancel();
    });
    exporter.start(BigSegment, path, 25000);
    QVERIFY(finished.wait(20000));
    QVERIFY(!finished.first().at(0).toBool());
    QVERIFY(finished.first().at(1).toString().contains(QLatin1String("cancelled")));
    QVERIFY2(!QFile::exists(path), "a cancelled export leaves no file behind");

    // A folder that cannot be written is reported at once.
    exporter.start(BigSegment, dir.filePath(QStringLiteral("no/such/folder/x.csv")), 1);
    QCOMPARE(finished.size(), 2);
    QVERIFY(!finished.last().at(0).toBool());
}

void TestSegments::createAndDelete()
{
    const qint64 id = createSegment(QStringLiteral("Spring testers"));
    cio::api::Segment fetched;
    cio::api::AppApi(m_client.get()).segment(id, this, [&](const cio::api::Segment &s, const Error &e) {
        QVERIFY2(!e.isError(), qPrintable(e.message()));
        fetched = s;
    });
    QTRY_COMPARE_WITH_TIMEOUT(fetched.id, id, 5000);
    QCOMPARE(fetched.name, QStringLiteral("Spring testers"));
    QCOMPARE(fetched.description, QStringLiteral("made by tst_segments"));
    QVERIFY(fetched.isManual());
    const QJsonObject body = QJsonDocument::fromJson(m_server.requests().first().body).object();
    QCOMPARE(body.value(QLatin1String("segment")).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("Spring testers"));

    std::optional<Error> deleted;
    cio::api::AppApi(m_client.get()).deleteSegment(fetched, this, [&](const Error &e) { deleted = e; });
    QTRY_VERIFY_WITH_TIMEOUT(deleted.has_value(), 5000);
    QVERIFY2(!deleted->isError(), qPrintable(deleted->message()));
    QVERIFY(m_server.data().segment(id).isEmpty());

    // Deleting again and creating without a name: the server's refusals come back as errors.
    deleted.reset();
    cio::api::AppApi(m_client.get()).deleteSegment(fetched, this, [&](const Error &e) { deleted = e; });
    QTRY_VERIFY_WITH_TIMEOUT(deleted.has_value(), 5000);
    QCOMPARE(deleted->kind, Error::Kind::NotFound);
    std::optional<Error> refused;
    cio::api::AppApi(m_client.get())
        .createSegment(QString(), QString(), this,
                       [&](const cio::api::Segment &, const Error &e) { refused = e; });
    QTRY_VERIFY_WITH_TIMEOUT(refused.has_value(), 5000);
    QCOMPARE(refused->kind, Error::Kind::Rejected);
    QVERIFY(refused->detail.contains(QLatin1String("name")));
}

void TestSegments::dataDrivenSegmentsAreNotDeleted()
{
    // The API deletes only manual segments: the client refuses without a request, the sandbox with 400.
    cio::api::Segment segment;
    cio::api::AppApi(m_client.get())
        .segment(DataDrivenSegment, this, [&](const cio::api::Segment &s, const Error &) { segment = s; });
    QTRY_COMPARE_WITH_TIMEOUT(segment.id, DataDrivenSegment, 5000);
    QVERIFY(!segment.isManual());
    const qsizetype before = m_server.requests().size();
    std::optional<Error> refused;
    cio::api::AppApi(m_client.get()).deleteSegment(segment, this, [&](const Error &e) { refused = e; });
    QTRY_VERIFY_WITH_TIMEOUT(refused.has_value(), 5000);
    QCOMPARE(refused->kind, Error::Kind::Rejected);
    QVERIFY2(refused->message().contains(QLatin1String("data-driven")), qPrintable(refused->message()));
    QCOMPARE(m_server.requests().size(), before);
    const auto answer = m_server.data().deleteSegment(DataDrivenSegment);
    QCOMPARE(answer.status, 400);
    QVERIFY(!m_server.data().segment(DataDrivenSegment).isEmpty());
}

void TestSegments::countAndUsedBy()
{
    QCOMPARE(count(BigSegment), 25000);
    QCOMPARE(count(8), qint64(m_server.data().segmentMemberCount(8)));
    QCOMPARE(count(987654), -1);

    // used_by as the sandbox's data set says: campaigns from the segment, newsletters that target it.
    const QJsonObject expected = m_server.data().segmentUsedBy(DataDrivenSegment).body;
    std::optional<cio::api::SegmentUsage> usage;
    cio::api::AppApi(m_client.get())
        .segmentUsedBy(DataDrivenSegment, this, [&](const cio::api::SegmentUsage &u, const Error &e) {
            QVERIFY2(!e.isError(), qPrintable(e.message()));
            usage = u;
        });
    QTRY_VERIFY_WITH_TIMEOUT(usage.has_value(), 5000);
    QCOMPARE(usage->campaigns, (QList<qint64>{4, 17}));
    QCOMPARE(usage->toJson(), expected.value(QLatin1String("used_by")).toObject());
    QVERIFY(!usage->isEmpty());
    QCOMPARE(cio::api::SegmentUsage::fromJson(usage->toJson()).campaigns, usage->campaigns); // bare form too
}

void TestSegments::batches2500IdsIn3Requests()
{
    const qint64 id = createSegment(QStringLiteral("Batch of 2,500"));
    QStringList ids;
    for (int i = 1; i <= 2500; ++i)
        ids << QStringLiteral("person-%1").arg(i);
    cio::api::TrackApi *track = makeTrack();
    cio::api::RequestLog log;
    track->setRequestLog(&log);
    MembershipBatcher batcher(track);
    QSignalSpy progress(&batcher, &MembershipBatcher::progress);
    QSignalSpy finished(&batcher, &MembershipBatcher::finished);
    m_server.clearRequests();
    batcher.start(id, MembershipBatcher::Action::Add, cio::api::IdType::Id, ids);
    QVERIFY(batcher.isRunning());
    QVERIFY(finished.wait(10000));
    const MembershipBatcher::Summary summary = batcher.summary();
    QVERIFY2(summary.ok(), qPrintable(summary.text()));
    QCOMPARE(summary.sent, 2500);
    QCOMPARE(summary.batches, 3);
    QCOMPARE(summary.text(), QStringLiteral("2500 members added to the segment."));

    const auto requests = trackRequests();
    QCOMPARE(requests.size(), 3);
    QList<int> sizes;
    for (const auto &r : requests) {
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, QStringLiteral("/api/v1/segments/%1/add_customers").arg(id));
        QCOMPARE(r.query, QStringLiteral("id_type=id"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.authorization,
                 QByteArray("Basic ") + QByteArray("sandbox-site:" + TrackKey.toUtf8()).toBase64());
        sizes << int(QJsonDocument::fromJson(r.body).object().value(QLatin1String("ids")).toArray().size());
    }
    QCOMPARE(sizes, (QList<int>{1000, 1000, 500}));
    QCOMPARE(progress.size(), 4);
    QCOMPARE(progress.at(1).at(0).toInt(), 1000);
    QCOMPARE(progress.last().at(0).toInt(), 2500);
    QCOMPARE(count(id), 2500);

    // The request log has the calls, never the key.
    QCOMPARE(log.entries().size(), 3);
    for (const auto &entry : log.entries()) {
        QCOMPARE(entry.status, 200);
        QVERIFY(!entry.path.contains(TrackKey) && !entry.query.contains(TrackKey));
    }

    // And out again, also in three requests.
    m_server.clearRequests();
    batcher.start(id, MembershipBatcher::Action::Remove, cio::api::IdType::Id, ids);
    QVERIFY(finished.wait(10000));
    QVERIFY(batcher.summary().ok());
    QCOMPARE(trackRequests().size(), 3);
    QVERIFY(trackRequests().first().path.endsWith(QLatin1String("/remove_customers")));
    QCOMPARE(count(id), 0);
}

void TestSegments::failedBatchKeepsTheRest()
{
    const qint64 id = createSegment(QStringLiteral("Half sent"));
    QStringList ids;
    for (int i = 1; i <= 2500; ++i)
        ids << QStringLiteral("p%1").arg(i);
    cio::api::TrackApi *track = makeTrack();
    MembershipBatcher batcher(track);
    QSignalSpy finished(&batcher, &MembershipBatcher::finished);
    // The server fails for good after the first batch (more 503s than the client retries).
    const auto c = connect(&m_server, &cio::sandbox::Server::requestHandled, this,
                           [this](const cio::sandbox::RequestRecord &r) {
                               if (r.path.startsWith(QLatin1String("/api/v1/")) && r.status == 200)
                                   m_server.setFaults(QStringLiteral("503*10@/api/v1/segments"));
                           });
    batcher.start(id, MembershipBatcher::Action::Add, cio::api::IdType::Id, ids);
    QVERIFY(finished.wait(10000));
    disconnect(c);
    MembershipBatcher::Summary summary = batcher.summary();
    QVERIFY(!summary.ok());
    QCOMPARE(summary.sent, 1000);
    QCOMPARE(summary.remaining, ids.mid(1000));
    QCOMPARE(summary.error.kind, Error::Kind::Server);
    QVERIFY(summary.retryable());
    QVERIFY2(summary.text().contains(QLatin1String("1000 members added")) &&
                 summary.text().contains(QLatin1String("1500 identifiers not sent yet")),
             qPrintable(summary.text()));
    QCOMPARE(trackRequests().size(), 1 + 4); // the first batch, then one attempt and three retries
    QCOMPARE(count(id), 1000);

    // Retry sends exactly what was left; a 429 on the way is waited out, not a failure.
    m_server.setFaults(QStringLiteral("429*1@/api/v1/segments"));
    m_server.clearRequests();
    batcher.retry();
    QVERIFY(finished.wait(10000));
    summary = batcher.summary();
    QVERIFY2(summary.ok(), qPrintable(summary.text()));
    QCOMPARE(summary.total, 1500);
    QCOMPARE(summary.sent, 1500);
    QCOMPARE(trackRequests().size(), 3);
    QCOMPARE(count(id), 2500);

    // Cancel stops after the batch in flight and keeps the rest.
    batcher.start(id, MembershipBatcher::Action::Remove, cio::api::IdType::Id, ids);
    batcher.cancel();
    QVERIFY(finished.wait(10000));
    QVERIFY(batcher.summary().cancelled);
    QCOMPARE(batcher.summary().remaining.size(), 1500);
    QVERIFY(batcher.summary().text().startsWith(QLatin1String("Stopped")));
}

void TestSegments::dataDrivenSegmentRefuses()
{
    cio::api::TrackApi *track = makeTrack();
    MembershipBatcher batcher(track);
    QSignalSpy finished(&batcher, &MembershipBatcher::finished);
    const qint64 before = count(DataDrivenSegment);
    batcher.start(DataDrivenSegment, MembershipBatcher::Action::Add, cio::api::IdType::Email,
                  {QStringLiteral("anna@example.com"), QStringLiteral("ben@example.com")});
    QVERIFY(finished.wait(10000));
    const MembershipBatcher::Summary summary = batcher.summary();
    QVERIFY(!summary.ok());
    QCOMPARE(summary.error.kind, Error::Kind::Rejected);
    QCOMPARE(summary.error.httpStatus, 400);
    QCOMPARE(summary.remaining.size(), 2);
    QVERIFY(!summary.retryable());
    QVERIFY2(summary.text().contains(QLatin1String("data-driven segment")) &&
                 summary.text().contains(QLatin1String("cannot be added or removed by hand")),
             qPrintable(summary.text()));
    QCOMPARE(trackRequests().size(), 1); // a refusal is not retried
    QCOMPARE(count(DataDrivenSegment), before);
}

void TestSegments::trackRefusalsAreLocal()
{
    const QStringList ids{QStringLiteral("x")};
    const auto run = [&](cio::api::TrackApi *track, const QStringList &list) {
        std::optional<Error> result;
        track->addToSegment(8, cio::api::IdType::Id, list, this, [&](const Error &e) { result = e; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000); }();
        return result.value_or(Error{});
    };
    QCOMPARE(run(makeTrack(TrackKey, true), ids).kind, Error::Kind::ReadOnly);
    QCOMPARE(run(makeTrack(QString()), ids).kind, Error::Kind::Unauthorized);
    QStringList tooMany;
    for (int i = 0; i <= cio::api::TrackApi::MaxIdsPerCall; ++i)
        tooMany << QString::number(i);
    QCOMPARE(run(makeTrack(), tooMany).kind, Error::Kind::Rejected);
    QCOMPARE(trackRequests().size(), 0);

    // Remote plain http is refused before the key could leave; a wrong key is the server's 401.
    cio::api::TrackSettings insecure;
    insecure.baseUrl = QUrl(QStringLiteral("http://track.example.com"));
    insecure.siteId = QStringLiteral("s");
    insecure.apiKey = TrackKey;
    QCOMPARE(run(new cio::api::TrackApi(insecure, this), ids).kind, Error::Kind::Insecure);
    const Error wrong = run(makeTrack(QStringLiteral("wrong-key")), ids);
    QCOMPARE(wrong.kind, Error::Kind::Unauthorized);
    QVERIFY(cio::api::TrackApi::describe(wrong).contains(QLatin1String("Track API site id or key")));
    QVERIFY(!wrong.message().contains(TrackKey));

    QCOMPARE(cio::api::trackBaseUrlFor(cio::api::Region::Eu, {}),
             QUrl(QStringLiteral("https://track-eu.customer.io")));
    QCOMPARE(
        cio::api::trackBaseUrlFor(cio::api::Region::Us, QUrl(QStringLiteral("https://api-eu.customer.io"))),
        QUrl(QStringLiteral("https://track-eu.customer.io")));
    QCOMPARE(cio::api::idTypeFromName(QStringLiteral("cio_id")), cio::api::IdType::CioId);
    QVERIFY(!cio::api::idTypeFromName(QStringLiteral("phone")));
}

void TestSegments::trackCallsGoThroughTheOneHttpStack()
{
    // The Track API's calls are the client's: they land in the App API client's request log (with the
    // Track host and Basic credentials named, never the key), and a 503 is retried there.
    const qint64 id = createSegment(QStringLiteral("One stack"));
    cio::api::TrackApi *track = makeTrack();
    track->setRequestLog(m_client->log());
    m_client->log()->clear();
    m_server.setFaults(QStringLiteral("503*1@/api/v1/segments"));
    std::optional<Error> result;
    track->addToSegment(id, cio::api::IdType::Id, {QStringLiteral("stack-1")}, this,
                        [&](const Error &e) { result = e; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY2(!result->isError(), qPrintable(result->message()));
    const auto entries = m_client->log()->entries();
    QCOMPARE(entries.size(), 1);
    const auto &entry = entries.first();
    QCOMPARE(entry.method, QByteArray("POST"));
    QCOMPARE(entry.path, QStringLiteral("/api/v1/segments/%1/add_customers").arg(id));
    QCOMPARE(entry.query, QStringLiteral("id_type=id"));
    QCOMPARE(entry.retries, 1);
    QCOMPARE(entry.status, 200);
    QVERIFY(entry.basicAuth);
    QCOMPARE(entry.origin, track->settings().effectiveBaseUrl());
    const QString curl = cio::api::RequestLog::toCurl(entry, m_client->settings().effectiveBaseUrl());
    QVERIFY2(curl.contains(QLatin1String("add_customers")) && !curl.contains(TrackKey), qPrintable(curl));
    QCOMPARE(track->requestsSent(), quint64(2));
    QCOMPARE(count(id), 1);
}

void TestSegments::emailIdsAddAndRemove()
{
    const qint64 id = createSegment(QStringLiteral("By email"));
    cio::api::TrackApi *track = makeTrack();
    MembershipBatcher batcher(track);
    QSignalSpy finished(&batcher, &MembershipBatcher::finished);
    batcher.start(id, MembershipBatcher::Action::Add, cio::api::IdType::Email,
                  {QStringLiteral("anna@example.com"), QStringLiteral("ben@example.com")});
    QVERIFY(finished.wait(10000));
    QVERIFY(batcher.summary().ok());
    QCOMPARE(trackRequests().first().query, QStringLiteral("id_type=email"));

    cio::models::SegmentMembersModel model(m_client.get());
    model.setSegment(id);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 5000);
    QCOMPARE(model.itemAt(0).email, QStringLiteral("anna@example.com"));

    batcher.start(id, MembershipBatcher::Action::Remove, cio::api::IdType::Email,
                  {QStringLiteral("ANNA@example.com")});
    QVERIFY(finished.wait(10000));
    QCOMPARE(count(id), 1);
}

void TestSegments::importParses_data()
{
    using Rejected = QList<int>; // line numbers
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<Rejected>("rejected");
    QTest::addColumn<int>("duplicates");
    const int id = int(cio::api::IdType::Id), email = int(cio::api::IdType::Email),
              cioId = int(cio::api::IdType::CioId);
    QTest::newRow("one a line, trimmed, blank lines skipped")
        << QStringLiteral("  u1 \n\nu2\r\n\"u3\"\n") << id << -1
        << QStringList{QStringLiteral("u1"), QStringLiteral("u2"), QStringLiteral("u3")} << Rejected{} << 0;
    QTest::newRow("duplicates left out")
        << QStringLiteral("u1\nu2\nu1\nu2\nu3") << id << -1
        << QStringList{QStringLiteral("u1"), QStringLiteral("u2"), QStringLiteral("u3")} << Rejected{} << 2;
    QTest::newRow("emails: bad lines by number, case-insensitive duplicates")
        << QStringLiteral(
               "anna@example.com\nnot an email\nBen@Example.com\nben@example.com\n@x.org\n<cleo@example.com>")
        << email << -1
        << QStringList{QStringLiteral("anna@example.com"), QStringLiteral("Ben@Example.com"),
                       QStringLiteral("cleo@example.com")}
        << Rejected{2, 5} << 1;
    QTest::newRow("CSV with a header picks the email column")
        << QStringLiteral(
               "id,email,name\n7,anna@example.com,Anna\n8,\"ben@example.com\",\"Smith, Ben\"\n9,,Nobody")
        << email << -1 << QStringList{QStringLiteral("anna@example.com"), QStringLiteral("ben@example.com")}
        << Rejected{4} << 0;
    QTest::newRow("CSV with a header picks the id column")
        << QStringLiteral("email;customer_id\nanna@example.com;7\nben@example.com;8") << id << -1
        << QStringList{QStringLiteral("7"), QStringLiteral("8")} << Rejected{} << 0;
    QTest::newRow("chosen column, short rows rejected")
        << QStringLiteral("a\tb\tc\nd\te\tf\ng") << id << 2
        << QStringList{QStringLiteral("c"), QStringLiteral("f")} << Rejected{3} << 0;
    QTest::newRow("a quoted field across lines keeps the line numbers")
        << QStringLiteral("id,note\n1,\"two\nlines\"\n2,x") << id << -1
        << QStringList{QStringLiteral("1"), QStringLiteral("2")} << Rejected{} << 0;
    QTest::newRow("one pasted line of several addresses")
        << QStringLiteral("anna@example.com, ben@example.com; bad") << email << -1
        << QStringList{QStringLiteral("anna@example.com"), QStringLiteral("ben@example.com")} << Rejected{1}
        << 0;
    QTest::newRow("cio_ids are letters and digits")
        << QStringLiteral("a3000001\nd9c1-06\nFF00") << cioId << -1
        << QStringList{QStringLiteral("a3000001"), QStringLiteral("FF00")} << Rejected{2} << 0;
    QTest::newRow("ids longer than 150 bytes")
        << (QString(151, QLatin1Char('x')) + QStringLiteral("\nok")) << id << -1
        << QStringList{QStringLiteral("ok")} << Rejected{1} << 0;
    QTest::newRow("empty") << QString() << id << -1 << QStringList{} << Rejected{} << 0;
}

void TestSegments::importParses()
{
    QFETCH(QString, text);
    QFETCH(int, type);
    QFETCH(int, column);
    QFETCH(QStringList, ids);
    QFETCH(QList<int>, rejected);
    QFETCH(int, duplicates);
    const auto result = cio::models::MemberImport::parseText(text, cio::api::IdType(type), column);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.ids, ids);
    QList<int> lines;
    for (const auto &r : result.rejected) {
        lines << r.line;
        QVERIFY(!r.reason.isEmpty());
    }
    QCOMPARE(lines, rejected);
    QCOMPARE(result.duplicates, duplicates);
}

void TestSegments::importFiles()
{
    QTemporaryDir dir;
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return f.fileName();
    };
    using cio::models::MemberImport;
    // A good CSV, saved by a spreadsheet with a byte-order mark and CRLF line ends.
    auto good = MemberImport::parseFile(write(QStringLiteral("good.csv"),
                                              "\xEF\xBB\xBF"
                                              "Email,Name\r\nanna@example.com,Anna\r\nbad,B\r\n"),
                                        cio::api::IdType::Email);
    QVERIFY2(good.ok(), qPrintable(good.error));
    QCOMPARE(good.ids, QStringList{QStringLiteral("anna@example.com")});
    QCOMPARE(good.rejected.size(), 1);
    QCOMPARE(good.rejected.first().line, 3);
    QVERIFY(good.headerSkipped);
    QCOMPARE(good.summary(), QStringLiteral("1 identifier · 1 line rejected"));
    // UTF-16 with its byte-order mark is read too.
    QByteArray utf16("\xFF\xFE", 2);
    for (const QChar c : QStringLiteral("u1\nu2\n"))
        utf16.append(char(c.unicode())).append('\0');
    QCOMPARE(MemberImport::parseFile(write(QStringLiteral("utf16.txt"), utf16), cio::api::IdType::Id).ids,
             (QStringList{QStringLiteral("u1"), QStringLiteral("u2")}));

    // Corrupt or unreadable files: a clear error, nothing to send.
    struct Bad
    {
        QString path;
        const char *says;
    };
    const QList<Bad> bad{
        {write(QStringLiteral("book.xlsx"), QByteArray("PK\x03\x04\x00\x00binary", 12)), "not a text file"},
        {write(QStringLiteral("latin1.csv"), "id\nm\xFCller\n"), "not UTF-8"},
        {write(QStringLiteral("open.csv"), "id,note\n1,\"never closed\n2,x\n"), "never closed"},
        {dir.filePath(QStringLiteral("missing.csv")), "cannot be read"},
    };
    for (const Bad &b : bad) {
        const auto result = MemberImport::parseFile(b.path, cio::api::IdType::Id);
        QVERIFY2(!result.ok(), qPrintable(b.path));
        QVERIFY2(result.error.contains(QLatin1String(b.says)), qPrintable(result.error));
        QVERIFY(result.ids.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestSegments)
#include "tst_segments.moc"
