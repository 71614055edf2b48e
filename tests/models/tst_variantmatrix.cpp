// Variant matrix statuses (missing, untranslated, outdated, draft, saved) and the matrix model.
#include "models/store/localstore.h"
#include "models/variants/variantmatrix.h"
#include "models/variants/variantmatrixmodel.h"
#include "tests/common/testhome.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QTest>

using cio::api::Content;
using cio::api::TestGroup;
using cio::models::CellStatus;
using cio::models::VariantMatrix;

namespace {

Content variant(qint64 id, const QString &language, const QString &subject, qint64 updated,
                const QString &body = QStringLiteral("<p>Hello</p>"))
{
    Content c;
    c.id = id;
    c.language = language;
    c.subject = subject;
    c.preheaderText = subject + QLatin1String(" preheader");
    c.body = body;
    c.updated = updated;
    return c;
}

TestGroup group(qint64 id, const QString &name, QList<qint64> contentIds)
{
    TestGroup g;
    g.id = id;
    g.name = name;
    g.contentIds = contentIds;
    return g;
}

} // namespace

Q_DECLARE_METATYPE(CellStatus)

class TestVariantMatrix : public QObject
{
    Q_OBJECT

private slots:
    void statuses_data();
    void statuses();
    void abTestRowsAndMissingCells();
    void modelIsConsistent();
    void outdatedFromDeduplicateId();
    void unrelatedSaveKeepsOutdated();
    void storeKeepsDefaultsEarlierText();
    void markStillCurrentUntilDefaultChanges();
    void translationProgressPerNewsletter();
    void modelShowsCompactStatus();
    void progressOfManyNewsletters();
};

void TestVariantMatrix::statuses_data()
{
    QTest::addColumn<Content>("translation");
    QTest::addColumn<bool>("draft");
    QTest::addColumn<CellStatus>("expected");
    const Content base = variant(1, QString(), QStringLiteral("Spring sale"), 2000);
    QTest::newRow("translated, newer than default")
        << variant(2, QStringLiteral("de"), QStringLiteral("Frühjahrsangebote"), 2500,
                   QStringLiteral("<p>Hallo</p>"))
        << false << CellStatus::Saved;
    QTest::newRow("identical to default")
        << variant(2, QStringLiteral("de"), base.subject, 2500) << false << CellStatus::Untranslated;
    QTest::newRow("default changed after translation")
        << variant(2, QStringLiteral("de"), QStringLiteral("Frühjahrsangebote"), 1500,
                   QStringLiteral("<p>Hallo</p>"))
        << false << CellStatus::Outdated;
    QTest::newRow("draft wins over outdated")
        << variant(2, QStringLiteral("de"), QStringLiteral("Frühjahrsangebote"), 1500,
                   QStringLiteral("<p>Hallo</p>"))
        << true << CellStatus::Draft;
    Content sameSubjectOtherBody =
        variant(2, QStringLiteral("de"), base.subject, 2500, QStringLiteral("<p>Hallo</p>"));
    QTest::newRow("same subject, translated body") << sameSubjectOtherBody << false << CellStatus::Saved;
}

void TestVariantMatrix::statuses()
{
    QFETCH(Content, translation);
    QFETCH(bool, draft);
    QFETCH(CellStatus, expected);
    const Content base = variant(1, QString(), QStringLiteral("Spring sale"), 2000);
    const VariantMatrix m =
        VariantMatrix::build({base, translation}, {}, draft ? QSet<qint64>{2} : QSet<qint64>{});
    QCOMPARE(m.rowCount(), 1);
    QCOMPARE(m.languages(), (QStringList{QString(), QStringLiteral("de")}));
    QCOMPARE(m.cell(0, 0).status, CellStatus::Default);
    QCOMPARE(m.cell(0, 1).status, expected);
    QCOMPARE(m.cell(0, 1).content->id, qint64(2));
}

void TestVariantMatrix::abTestRowsAndMissingCells()
{
    // Group A has Default, de, fr; group B has Default and de only (fr missing), and B's de is a copy.
    const QList<Content> contents{
        variant(10, QString(), QStringLiteral("A subject"), 100),
        variant(11, QStringLiteral("de"), QStringLiteral("A Betreff"), 200, QStringLiteral("<p>A de</p>")),
        variant(12, QStringLiteral("fr"), QStringLiteral("A objet"), 50, QStringLiteral("<p>A fr</p>")),
        variant(20, QString(), QStringLiteral("B subject 🚀"), 100),
        variant(21, QStringLiteral("de"), QStringLiteral("B subject 🚀"), 200),
    };
    const VariantMatrix m = VariantMatrix::build(
        contents, {group(1, QStringLiteral("A"), {10, 11, 12}), group(2, QStringLiteral("B"), {20, 21})});
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(m.languages(), (QStringList{QString(), QStringLiteral("de"), QStringLiteral("fr")}));
    QCOMPARE(m.rowLabel(0), QStringLiteral("Group A"));
    QCOMPARE(m.cell(0, 1).status, CellStatus::Saved);
    QCOMPARE(m.cell(0, 2).status, CellStatus::Outdated);
    QCOMPARE(m.cell(1, 1).status, CellStatus::Untranslated);
    QCOMPARE(m.cell(1, 2).status, CellStatus::Missing);
    QVERIFY(!m.cell(1, 2).content);
    QCOMPARE(m.counts(2).missing, 1);
    QCOMPARE(m.counts(2).outdated, 1);
    QCOMPARE(m.counts(1).untranslated, 1);
    QCOMPARE(m.defaultOf(1)->id, qint64(20));
}

void TestVariantMatrix::modelIsConsistent()
{
    cio::models::VariantMatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<Content> contents{variant(1, QString(), QStringLiteral("x"), 1),
                                  variant(2, QStringLiteral("ja"), QStringLiteral("x"), 2)};
    model.setMatrix(VariantMatrix::build(contents, {}));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("untranslated"));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Default"));
    QVERIFY(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("untranslated: 1")));
}

void TestVariantMatrix::outdatedFromDeduplicateId()
{
    // As the API answers: no `updated` on variants, the change time inside deduplicate_id.
    Content base = variant(1, QString(), QStringLiteral("Sale"), 0);
    base.deduplicateId = QStringLiteral("1:1700000500");
    Content de =
        variant(2, QStringLiteral("de"), QStringLiteral("Angebote"), 0, QStringLiteral("<p>Hallo</p>"));
    de.deduplicateId = QStringLiteral("2:1700000100");
    QCOMPARE(VariantMatrix::build({base, de}, {}).cell(0, 1).status, CellStatus::Outdated);
    de.deduplicateId = QStringLiteral("2:1700000900");
    QCOMPARE(VariantMatrix::build({base, de}, {}).cell(0, 1).status, CellStatus::Saved);
}

namespace {

cio::api::Newsletter newsletter(qint64 id, const QList<qint64> &contentIds)
{
    cio::api::Newsletter n;
    n.id = id;
    n.name = QStringLiteral("Newsletter %1").arg(id);
    n.updated = 1;
    n.contentIds = contentIds;
    return n;
}

// A Default and a German translation as the API sends them: change times only in deduplicate_id.
Content apiVariant(qint64 id, const QString &language, const QString &subject, qint64 changedAt)
{
    Content c = variant(id, language, subject, 0, QStringLiteral("<p>%1</p>").arg(subject));
    c.newsletterId = 7;
    c.deduplicateId = QStringLiteral("%1:%2").arg(id).arg(changedAt);
    return c;
}

void openStore(cio::models::LocalStore &store, const QString &name)
{
    QString error;
    QVERIFY2(store.open(cio::test::freshStorePath(QStringLiteral("variantmatrix"), name), &error),
             qPrintable(error));
}

VariantMatrix matrixOf(const cio::models::LocalStore &store, qint64 newsletterId)
{
    const QList<Content> contents = store.contents(newsletterId);
    return VariantMatrix::build(contents, store.testGroups(newsletterId), {}, store.textTimes(contents));
}

} // namespace

// The defect: saving only a translation's recipient moved its change time past the Default's, and the
// cell turned "saved" though its texts were never brought up to date.
void TestVariantMatrix::unrelatedSaveKeepsOutdated()
{
    cio::models::LocalStore store;
    openStore(store, QStringLiteral("unrelated.sqlite"));
    const Content base = apiVariant(1, QString(), QStringLiteral("Spring sale"), 1000);
    const Content de = apiVariant(2, QStringLiteral("de"), QStringLiteral("Frühjahrsangebote"), 1500);
    QVERIFY(store.storeNewsletterDetail(newsletter(7, {1, 2}), {base, de}, {}));
    QCOMPARE(matrixOf(store, 7).cell(0, 1).status, CellStatus::Saved);

    Content changedBase = apiVariant(1, QString(), QStringLiteral("Summer sale"), 2000);
    QVERIFY(store.storeContent(changedBase));
    QCOMPARE(matrixOf(store, 7).cell(0, 1).status, CellStatus::Outdated);

    Content recipientOnly = de;
    recipientOnly.recipient = QStringLiteral("{{ customer.work_email }}");
    recipientOnly.deduplicateId = QStringLiteral("2:2500");
    QVERIFY(store.storeContent(recipientOnly));
    // By the variant's own change time it would now look saved; by its texts it is still outdated.
    QCOMPARE(VariantMatrix::build(store.contents(7), {}).cell(0, 1).status, CellStatus::Saved);
    const VariantMatrix after = matrixOf(store, 7);
    QCOMPARE(after.cell(0, 1).status, CellStatus::Outdated);
    QCOMPARE(after.cell(0, 1).textsChangedAt, qint64(1500));
    QCOMPARE(after.cell(0, 1).defaultChangedAt, qint64(2000));

    // Translating the texts does bring it up to date.
    Content translated = recipientOnly;
    translated.subject = QStringLiteral("Sommerangebote");
    translated.deduplicateId = QStringLiteral("2:2600");
    QVERIFY(store.storeContent(translated));
    QCOMPARE(matrixOf(store, 7).cell(0, 1).status, CellStatus::Saved);
}

void TestVariantMatrix::storeKeepsDefaultsEarlierText()
{
    cio::models::LocalStore store;
    openStore(store, QStringLiteral("history.sqlite"));
    const Content base = apiVariant(1, QString(), QStringLiteral("Spring sale"), 1000);
    const Content de = apiVariant(2, QStringLiteral("de"), QStringLiteral("Frühjahrsangebote"), 1500);
    QVERIFY(store.storeNewsletterDetail(newsletter(7, {1, 2}), {base, de}, {}));
    QVERIFY(store.contentHistory(1).isEmpty());
    // The same data again (a reload) keeps no history.
    QVERIFY(store.storeNewsletterDetail(newsletter(7, {1, 2}), {base, de}, {}));
    QVERIFY(store.contentHistory(1).isEmpty());

    // A sync brings the changed Default: the earlier version goes to the history.
    QVERIFY(store.storeNewsletterDetail(
        newsletter(7, {1, 2}), {apiVariant(1, QString(), QStringLiteral("Summer sale"), 2000), de}, {}));
    const QList<cio::models::ContentVersion> history = store.contentHistory(1);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().changedAt, qint64(1000));
    QCOMPARE(history.first().content.subject, QStringLiteral("Spring sale"));
    // What the Default said when the translation was saved, and now.
    QCOMPARE(store.versionAt(1, 1500)->subject, QStringLiteral("Spring sale"));
    QCOMPARE(store.versionAt(1, 2100)->subject, QStringLiteral("Summer sale"));
    QVERIFY(!store.versionAt(1, 900)); // before anything this computer saw
    QVERIFY(store.contentHistory(2).isEmpty());
}

void TestVariantMatrix::markStillCurrentUntilDefaultChanges()
{
    cio::models::LocalStore store;
    openStore(store, QStringLiteral("marks.sqlite"));
    const Content de = apiVariant(2, QStringLiteral("de"), QStringLiteral("Frühjahrsangebote"), 1500);
    QVERIFY(store.storeNewsletterDetail(
        newsletter(7, {1, 2}), {apiVariant(1, QString(), QStringLiteral("Summer sale"), 2000), de}, {}));
    QCOMPARE(matrixOf(store, 7).cell(0, 1).status, CellStatus::Outdated);
    QVERIFY(store.markStillCurrent(2, 2000));
    QCOMPARE(matrixOf(store, 7).cell(0, 1).status, CellStatus::Saved);
    QVERIFY(store.storeContent(apiVariant(1, QString(), QStringLiteral("Autumn sale"), 3000)));
    QCOMPARE(matrixOf(store, 7).cell(0, 1).status, CellStatus::Outdated);
}

void TestVariantMatrix::translationProgressPerNewsletter()
{
    cio::models::LocalStore store;
    openStore(store, QStringLiteral("progress.sqlite"));
    // Newsletter 7: de outdated, fr current, it untranslated. Newsletter 8: A/B, fr missing in group B.
    QVERIFY(
        store.storeNewsletterDetail(newsletter(7, {1, 2, 3, 4}),
                                    {apiVariant(1, QString(), QStringLiteral("Sale"), 2000),
                                     apiVariant(2, QStringLiteral("de"), QStringLiteral("Angebote"), 1500),
                                     apiVariant(3, QStringLiteral("fr"), QStringLiteral("Soldes"), 2500),
                                     apiVariant(4, QStringLiteral("it"), QStringLiteral("Sale"), 2500)},
                                    {}));
    QVERIFY(store.storeNewsletterDetail(
        newsletter(8, {10, 11, 20}),
        {apiVariant(10, QString(), QStringLiteral("A"), 100),
         apiVariant(11, QStringLiteral("fr"), QStringLiteral("Af"), 200),
         apiVariant(20, QString(), QStringLiteral("B"), 100)},
        {group(1, QStringLiteral("A"), {10, 11}), group(2, QStringLiteral("B"), {20})}));
    const auto progress = store.translationProgress({7, 8, 9});
    QCOMPARE(progress.size(), 2); // 9 has nothing stored
    const auto seven = progress.value(7);
    QCOMPARE(seven.translations, 3);
    QCOMPARE(seven.current, 1);
    QCOMPARE(seven.outdated, 1);
    QCOMPARE(seven.untranslated, 1);
    QCOMPARE(seven.missing, 0);
    QVERIFY(seven.needsWork());
    const auto eight = progress.value(8);
    QCOMPARE(eight.translations, 2);
    QCOMPARE(eight.current, 1);
    QCOMPARE(eight.missing, 1);
}

// Cells show an icon and a short word; the QA counts are a compact badge, the full story is the tooltip.
void TestVariantMatrix::modelShowsCompactStatus()
{
    cio::models::VariantMatrixModel model;
    const Content base = variant(1, QString(), QStringLiteral("Spring sale"), 2000);
    const Content de =
        variant(2, QStringLiteral("de"), QStringLiteral("Angebote"), 1500, QStringLiteral("<p>x</p>"));
    model.setMatrix(VariantMatrix::build({base, de}, {}));
    model.setQaCount(2, {2, 1});
    const QModelIndex cell = model.index(0, 1);
    QCOMPARE(cell.data().toString(), QStringLiteral("outdated ✖2 ⚠1"));
    QVERIFY(cell.data(Qt::DecorationRole).isValid());
    const QString tip = cell.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("2 error")) && tip.contains(QLatin1String("1 warning")),
             qPrintable(tip));
    QVERIFY2(tip.contains(QLatin1String("The Default changed")), qPrintable(tip));
    QVERIFY(model.index(0, 0).data(Qt::DecorationRole).isValid());
}

// The newsletter list asks for a chunk of rows at a time; the filter asks for all. With 10,000 newsletters
// of 8 variants a chunk must stay well below a frame's worth of waiting and the whole list a few seconds.
void TestVariantMatrix::progressOfManyNewsletters()
{
    cio::models::LocalStore store;
    openStore(store, QStringLiteral("many.sqlite"));
    constexpr int Newsletters = 10000;
    cio::models::WorkspaceSnapshot snapshot;
    const QString body =
        QStringLiteral("<p>%1</p>").arg(QStringLiteral("A typical paragraph of text. ").repeated(40));
    const QStringList languages{QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es"),
                                QStringLiteral("it"), QStringLiteral("nl"), QStringLiteral("ja"),
                                QStringLiteral("pt")};
    for (int n = 1; n <= Newsletters; ++n) {
        QList<qint64> ids;
        QList<Content> contents;
        for (int v = 0; v <= languages.size(); ++v) {
            const qint64 id = qint64(n) * 10 + v;
            Content c =
                apiVariant(id, v == 0 ? QString() : languages.at(v - 1),
                           v == 0 ? QStringLiteral("Subject %1").arg(n) : QStringLiteral("Betreff %1").arg(v),
                           1000 + (v == 3 ? 0 : 2000));
            c.newsletterId = n;
            c.body = body + QString::number(v);
            contents << c;
            ids << id;
        }
        snapshot.newsletters << newsletter(n, ids);
        snapshot.contents.insert(n, contents);
        snapshot.testGroups.insert(n, {});
    }
    QVERIFY(store.storeSnapshot(snapshot));
    QList<qint64> chunk;
    for (qint64 n = 5000; n < 5200; ++n)
        chunk << n;
    QElapsedTimer timer;
    timer.start();
    const auto some = store.translationProgress(chunk);
    const qint64 chunkMs = timer.elapsed();
    QCOMPARE(some.size(), 200);
    QCOMPARE(some.value(5000).translations, 7);
    QCOMPARE(some.value(5000).outdated, 1);
    QCOMPARE(some.value(5000).current, 6);
    QList<qint64> all;
    for (qint64 n = 1; n <= Newsletters; ++n)
        all << n;
    timer.restart();
    const auto every = store.translationProgress(all);
    const qint64 allMs = timer.elapsed();
    QCOMPARE(every.size(), Newsletters);
    // Figures only: speed is judged by benchmarks against a floor, never by a timed unit test (the
    // sanitizer run and a loaded machine are several times slower).
    qInfo("translation progress: 200 newsletters in %lld ms, %d in %lld ms", chunkMs, Newsletters, allMs);
}

QTEST_GUILESS_MAIN(TestVariantMatrix)
#include "tst_variantmatrix.moc"
