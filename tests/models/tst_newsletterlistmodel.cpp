// NewsletterListModel and NewsletterFilterModel against the real sandbox on loopback.
#include "api/client.h"
#include "models/common/itemroles.h"
#include "models/newsletters/newsletterfiltermodel.h"
#include "models/newsletters/newsletterlistmodel.h"
#include "sandbox/sandboxserver.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using cio::models::NewsletterFilterModel;
using cio::models::NewsletterListModel;

class TestNewsletterListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pagesToTheEnd();
    void reloadStartsOver();
    void wrongKeyReportsFailure();
    void filterBySearchAndStatus_data();
    void filterBySearchAndStatus();

private:
    std::unique_ptr<cio::api::Client> makeClient(const QString &key = QStringLiteral("sandbox"));
    void loadAll(NewsletterListModel &model);

    cio::sandbox::Server m_server;
    QJsonArray m_expected; // the sandbox's newsletters as the API lists them
};

void TestNewsletterListModel::initTestCase()
{
    cio::sandbox::Options options;
    options.rateLimit = 0;
    QString error;
    QVERIFY2(m_server.start(options, &error), qPrintable(error));

    // The expectation comes from the API itself, page by page, independent of the model.
    auto client = makeClient();
    bool done = false;
    client->fetchAll(cio::api::Request::get(QStringLiteral("/v1/newsletters")), QStringLiteral("newsletters"),
                     this, [&](const QJsonArray &items, const cio::api::Error &e) {
                         QVERIFY2(!e.isError(), qPrintable(e.message()));
                         m_expected = items;
                         done = true;
                     });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QVERIFY2(m_expected.size() >= 40, "the demo data set has at least 40 newsletters");
}

std::unique_ptr<cio::api::Client> TestNewsletterListModel::makeClient(const QString &key)
{
    cio::api::ConnectionSettings settings;
    settings.baseUrl = m_server.url();
    settings.apiKey = key;
    settings.maxRetries = 0;
    return std::make_unique<cio::api::Client>(settings);
}

void TestNewsletterListModel::loadAll(NewsletterListModel &model)
{
    // The model tester may already have asked for the first page; go on from wherever it is.
    while (!model.isComplete()) {
        if (model.canFetchMore())
            model.fetchMore();
        QTRY_VERIFY_WITH_TIMEOUT(model.state() != NewsletterListModel::Loading, 10000);
        QCOMPARE(model.state(), NewsletterListModel::Idle);
    }
}

void TestNewsletterListModel::pagesToTheEnd()
{
    auto client = makeClient();
    NewsletterListModel model(client.get());
    model.setPageSize(7);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    QVERIFY(!model.isComplete());
    loadAll(model);

    QVERIFY(model.isComplete());
    QCOMPARE(model.rowCount(), m_expected.size());
    // ceil(n / 7) pages, each one insert.
    QCOMPARE(inserted.count(), int((m_expected.size() + 6) / 7));
    for (const QJsonValue &v : std::as_const(m_expected)) {
        const QJsonObject o = v.toObject();
        const int row = model.indexOf(o.value(QLatin1String("id")).toInteger());
        QVERIFY2(row >= 0, "every newsletter of the API is in the model");
        QCOMPARE(model.itemAt(row).name, o.value(QLatin1String("name")).toString());
        QCOMPARE(model.index(row, NewsletterListModel::NameColumn).data().toString(),
                 o.value(QLatin1String("name")).toString());
        QCOMPARE(model.index(row, NewsletterListModel::IdColumn).data(cio::models::IdRole).toLongLong(),
                 o.value(QLatin1String("id")).toInteger());
        const bool sent = o.contains(QLatin1String("sent_at"));
        QCOMPARE(model.index(row, NewsletterListModel::StatusColumn)
                     .data()
                     .toString()
                     .startsWith(QLatin1String("Sent")),
                 sent);
    }
    QVERIFY(!model.canFetchMore());
}

void TestNewsletterListModel::reloadStartsOver()
{
    auto client = makeClient();
    NewsletterListModel model(client.get());
    model.setPageSize(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    loadAll(model);
    QCOMPARE(model.rowCount(), m_expected.size());

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.reload();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 10, 10000);
    model.fetchAll();
    QTRY_VERIFY_WITH_TIMEOUT(model.isComplete(), 10000);
    QCOMPARE(model.rowCount(), m_expected.size());
}

void TestNewsletterListModel::wrongKeyReportsFailure()
{
    auto client = makeClient(QStringLiteral("not-the-key"));
    NewsletterListModel model(client.get());
    QSignalSpy failed(&model, &NewsletterListModel::loadFailed);
    model.fetchMore();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(model.state(), NewsletterListModel::Failed);
    QCOMPARE(model.lastError().kind, cio::api::Error::Kind::Unauthorized);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.lastError().message().isEmpty());
}

void TestNewsletterListModel::filterBySearchAndStatus_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("status");
    QTest::newRow("everything") << QString() << int(NewsletterFilterModel::Status::Any);
    QTest::newRow("sent only") << QString() << int(NewsletterFilterModel::Status::Sent);
    QTest::newRow("drafts only") << QString() << int(NewsletterFilterModel::Status::Draft);
    QTest::newRow("first word of a name")
        << QStringLiteral("FIRST_NAME_WORD") << int(NewsletterFilterModel::Status::Any);
    QTest::newRow("an id") << QStringLiteral("FIRST_ID") << int(NewsletterFilterModel::Status::Any);
    QTest::newRow("a tag") << QStringLiteral("FIRST_TAG") << int(NewsletterFilterModel::Status::Any);
    QTest::newRow("no match") << QStringLiteral("zzqx-no-such-newsletter")
                              << int(NewsletterFilterModel::Status::Any);
}

void TestNewsletterListModel::filterBySearchAndStatus()
{
    QFETCH(QString, search);
    QFETCH(int, status);

    const QJsonObject first = m_expected.first().toObject();
    search.replace(QLatin1String("FIRST_NAME_WORD"),
                   first.value(QLatin1String("name")).toString().section(QLatin1Char(' '), 0, 0));
    search.replace(QLatin1String("FIRST_ID"), QString::number(first.value(QLatin1String("id")).toInteger()));
    QString tag;
    for (const QJsonValue &v : std::as_const(m_expected)) {
        const QJsonArray tags = v.toObject().value(QLatin1String("tags")).toArray();
        if (!tags.isEmpty()) {
            tag = tags.first().toString();
            break;
        }
    }
    search.replace(QLatin1String("FIRST_TAG"), tag);

    // What the filter should keep, computed straight from the API's JSON.
    const QStringList words = search.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    int expected = 0;
    for (const QJsonValue &v : std::as_const(m_expected)) {
        const QJsonObject o = v.toObject();
        const bool sent = o.contains(QLatin1String("sent_at"));
        if (status == int(NewsletterFilterModel::Status::Sent) && !sent)
            continue;
        if (status == int(NewsletterFilterModel::Status::Draft) && sent)
            continue;
        QStringList fields{o.value(QLatin1String("name")).toString(),
                           QString::number(o.value(QLatin1String("id")).toInteger())};
        for (const QJsonValue &t : o.value(QLatin1String("tags")).toArray())
            fields << t.toString();
        const QString haystack = fields.join(QLatin1Char('\n')).toCaseFolded();
        bool all = true;
        for (const QString &w : words)
            all = all && haystack.contains(w);
        expected += all ? 1 : 0;
    }

    auto client = makeClient();
    NewsletterListModel model(client.get());
    NewsletterFilterModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    loadAll(model);
    proxy.setSearchText(search);
    proxy.setStatus(NewsletterFilterModel::Status(status));
    QCOMPARE(proxy.rowCount(), expected);
    // Every demo newsletter is an email: filtering by type keeps them all, another type none.
    proxy.setType(QStringLiteral("email"));
    QCOMPARE(proxy.rowCount(), expected);
    proxy.setType(QStringLiteral("push"));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setType(QString());
    QCOMPARE(proxy.rowCount(), expected);
    if (search.startsWith(QLatin1String("zzqx")))
        QCOMPARE(expected, 0);
    else
        QVERIFY(expected > 0);
}

QTEST_GUILESS_MAIN(TestNewsletterListModel)
#include "tst_newsletterlistmodel.moc"
