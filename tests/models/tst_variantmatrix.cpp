// Variant matrix statuses (missing, untranslated, outdated, draft, saved) and the matrix model.
#include "models/variantmatrix.h"
#include "models/variantmatrixmodel.h"

#include <QAbstractItemModelTester>
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

QTEST_GUILESS_MAIN(TestVariantMatrix)
#include "tst_variantmatrix.moc"
