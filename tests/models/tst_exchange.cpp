// The translation exchange workflow: what an export of a newsletter holds, what importing a file back
// changes, the files it refuses (each naming the unit), and an untouched round trip over every demo
// newsletter that changes nothing.
#include "models/translation/csvexchange.h"
#include "models/translation/exchange.h"
#include "models/variants/variantmatrix.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cio;
using namespace cio::models::translation;
using Kind = Piece::Kind;

namespace {

api::Content content(qint64 id, const QString &language, const QString &subject, const QString &body,
                     qint64 updated = 1000)
{
    api::Content c;
    c.id = id;
    c.newsletterId = 7;
    c.language = language;
    c.subject = subject;
    c.body = body;
    c.updated = updated;
    return c;
}

const QString defaultBody =
    QStringLiteral("<html><head><title>x</title></head><body>\n<h1>Spring <b>sale</b></h1>\n"
                   "<p>Hi {{ customer.first_name }}, <a href=\"https://x.example/en\">shop now</a>.</p>\n"
                   "<img src=\"a.png\" alt=\"Tents\"></body></html>");
const QString germanBody = QStringLiteral(
    "<html><head><title>x</title></head><body>\n<h1>Frühlings<b>verkauf</b></h1>\n"
    "<p>Hallo {{ customer.first_name }}, <a href=\"https://x.example/de\">jetzt shoppen</a>.</p>\n"
    "<img src=\"a.png\" alt=\"Zelte\"></body></html>");

models::VariantMatrix sampleMatrix(const QString &german = germanBody, qint64 germanUpdated = 2000)
{
    return models::VariantMatrix::build(
        {content(70, QString(), QStringLiteral("Spring sale"), defaultBody, 1000),
         content(71, QStringLiteral("de"), QStringLiteral("Frühlingsverkauf"), german, germanUpdated),
         content(72, QStringLiteral("fr"), QStringLiteral("Spring sale"), defaultBody, 1000)},
        {});
}

QString targetText(const ExchangeFile &file, const QString &unitId)
{
    const ExchangeUnit *u = file.unit(unitId);
    if (!u || !u->target)
        return QStringLiteral("(none)");
    QString text;
    for (const Piece &p : *u->target)
        text += p.isCode() ? QStringLiteral("[%1]").arg(p.id) : p.text;
    return text;
}

// The file a translator sends back: every unit's target set by `translate`.
ExchangeFile translated(ExchangeFile file, const std::function<void(ExchangeUnit &)> &translate)
{
    for (ExchangeUnit &u : file.units)
        translate(u);
    return file;
}

} // namespace

class TestExchange : public QObject
{
    Q_OBJECT

private slots:
    void exportPrefillsWhatLinesUp();
    void importRebuildsOnTheTranslationsOwnMarkup();
    void importIntoDifferentMarkupUsesTheDefaults();
    void importRefusesBadFiles();
    void untouchedRoundTripOverTheDemoChangesNothing();
    void csvForSpreadsheets();
};

void TestExchange::exportPrefillsWhatLinesUp()
{
    const QList<ExportDocument> docs =
        exportDocuments(sampleMatrix(), {7, QStringLiteral("Spring"), {}, QStringLiteral("en")});
    QCOMPARE(docs.size(), 2);
    const ExportDocument &de = docs.at(0);
    QCOMPARE(de.language, QStringLiteral("de"));
    QCOMPARE(de.contentId, qint64(71));
    QCOMPARE(de.file.original, QStringLiteral("customerio:newsletters/7/contents/70"));
    QCOMPARE(de.file.targetLanguage, QStringLiteral("de"));
    QCOMPARE(de.fileName(ExchangeFormat::Xliff20, false), QStringLiteral("newsletter-7-de.xlf"));
    QCOMPARE(de.fileName(ExchangeFormat::Csv, true), QStringLiteral("newsletter-7-content-70-de.csv"));
    // subject, h1, p, alt
    QCOMPARE(de.file.units.size(), 4);
    QCOMPARE(targetText(de.file, QStringLiteral("subject.u1")), QStringLiteral("Frühlingsverkauf"));
    QCOMPARE(targetText(de.file, QStringLiteral("body.u1")), QStringLiteral("Frühlings[1]verkauf[1]"));
    QCOMPARE(targetText(de.file, QStringLiteral("body.u2")),
             QStringLiteral("Hallo [1], [2]jetzt shoppen[2]."));
    QCOMPARE(targetText(de.file, QStringLiteral("body.u3")), QStringLiteral("Zelte"));
    QCOMPARE(de.translated, 4);
    QCOMPARE(de.file.unit(QStringLiteral("body.u3"))->notes.first(),
             QStringLiteral("HTML body: the alternative text of an image"));
    // fr is identical to the Default: untranslated, nothing pre-filled.
    const ExportDocument &fr = docs.at(1);
    QCOMPARE(fr.untranslated, 4);
    QCOMPARE(targetText(fr.file, QStringLiteral("body.u2")), QStringLiteral("(none)"));
    // Only the languages asked for.
    QCOMPARE(exportDocuments(sampleMatrix(), {7, {}, {QStringLiteral("fr")}, QStringLiteral("en")}).size(),
             1);
    // The Default changed after the translation: pre-filled, marked for review.
    const QList<ExportDocument> outdated =
        exportDocuments(sampleMatrix(germanBody, 500), {7, {}, {QStringLiteral("de")}, QStringLiteral("en")});
    QCOMPARE(outdated.first().needsReview, 4);
    QCOMPARE(outdated.first().file.unit(QStringLiteral("body.u1"))->state, TargetState::NeedsReview);
    // And the whole thing is valid XLIFF that reads back unit for unit.
    const XliffRead read = readXliff(writeXliff(de.file, XliffVersion::V2_0));
    QVERIFY2(read.file, qPrintable(read.error));
    QCOMPARE(targetText(*read.file, QStringLiteral("body.u2")),
             QStringLiteral("Hallo [1], [2]jetzt shoppen[2]."));
}

void TestExchange::importRebuildsOnTheTranslationsOwnMarkup()
{
    const models::VariantMatrix matrix = sampleMatrix();
    const ExchangeFile exported =
        exportDocuments(matrix, {7, {}, {QStringLiteral("de")}, QStringLiteral("en")}).first().file;
    // Untouched: nothing changes.
    ImportPlan plan = planImport(exported, matrix, 7);
    QVERIFY2(plan.variant, qPrintable(plan.error));
    QVERIFY(plan.variant->changes.isEmpty());
    QCOMPARE(plan.variant->units, 4);
    QCOMPARE(plan.variant->unitsTranslated, 4);

    // One unit changed: only the body changes, the German link (its own markup) kept.
    const ExchangeFile edited = translated(exported, [](ExchangeUnit &u) {
        if (u.id == QLatin1String("body.u2"))
            u.target = Pieces{
                Piece{Kind::Text, QStringLiteral("Servus "), 0, 0, 0}, Piece{Kind::Placeholder, {}, 1, 0, 0},
                Piece{Kind::Text, QStringLiteral("! "), 0, 0, 0},      Piece{Kind::Open, {}, 2, 0, 0},
                Piece{Kind::Text, QStringLiteral("Los"), 0, 0, 0},     Piece{Kind::Close, {}, 2, 0, 0}};
    });
    plan = planImport(edited, matrix, 7);
    QVERIFY2(plan.variant, qPrintable(plan.error));
    QCOMPARE(plan.variant->changes.keys(), QStringList{QStringLiteral("body")});
    QCOMPARE(
        plan.variant->changes.value(QLatin1String("body")).toString(),
        QString(germanBody)
            .replace(
                QStringLiteral(
                    "Hallo {{ customer.first_name }}, <a href=\"https://x.example/de\">jetzt shoppen</a>."),
                QStringLiteral(
                    "Servus {{ customer.first_name }}! <a href=\"https://x.example/de\">Los</a>")));
    QVERIFY(plan.variant->notes.isEmpty());
    // The save it makes: the German variant, from its current version, only the body.
    const QList<models::SaveRequest> saves = saveRequests({*plan.variant}, {});
    QCOMPARE(saves.size(), 1);
    QCOMPARE(saves.first().base.id, qint64(71));
    QCOMPARE(saves.first().changes.keys(), QStringList{QStringLiteral("body")});
    QCOMPARE(saves.first().address.language, QStringLiteral("de"));
}

void TestExchange::importIntoDifferentMarkupUsesTheDefaults()
{
    // The French variant is the Default's text (untranslated): its units line up, so its own markup is used.
    // A German variant with other markup: the Default's markup, said so.
    const QString otherMarkup = QStringLiteral("<p>Ganz anders</p>");
    const models::VariantMatrix matrix = sampleMatrix(otherMarkup);
    const QList<ExportDocument> docs =
        exportDocuments(matrix, {7, {}, {QStringLiteral("de")}, QStringLiteral("en")});
    QCOMPARE(targetText(docs.first().file, QStringLiteral("body.u1")), QStringLiteral("(none)"));
    QVERIFY(docs.first().file.notes.join(QLatin1Char('\n')).contains(QStringLiteral("markup differs")));
    const ExchangeFile back = translated(docs.first().file, [](ExchangeUnit &u) {
        Pieces t = u.source;
        for (Piece &p : t) {
            if (!p.isCode())
                p.text = p.text.toUpper();
        }
        u.target = t;
    });
    const ImportPlan plan = planImport(back, matrix, 7);
    QVERIFY2(plan.variant, qPrintable(plan.error));
    QCOMPARE(
        plan.variant->changes.value(QLatin1String("body")).toString(),
        QStringLiteral("<html><head><title>x</title></head><body>\n<h1>SPRING <b>SALE</b></h1>\n"
                       "<p>HI {{ customer.first_name }}, <a href=\"https://x.example/en\">SHOP NOW</a>.</p>\n"
                       "<img src=\"a.png\" alt=\"TENTS\"></body></html>"));
    QVERIFY(plan.variant->notes.join(QLatin1Char('\n'))
                .contains(QStringLiteral("placed into the Default's markup")));
}

void TestExchange::importRefusesBadFiles()
{
    const models::VariantMatrix matrix = sampleMatrix();
    const ExchangeFile good =
        exportDocuments(matrix, {7, {}, {QStringLiteral("de")}, QStringLiteral("en")}).first().file;
    const auto error = [&](const ExchangeFile &file, qint64 newsletter = 7) {
        const ImportPlan plan = planImport(file, matrix, newsletter);
        return plan.variant ? QStringLiteral("(accepted)") : plan.error;
    };
    QVERIFY(error(good, 8).contains(QStringLiteral("for newsletter 7, not 8")));
    ExchangeFile foreign = good;
    foreign.original = QStringLiteral("something.html");
    QVERIFY(error(foreign).contains(QStringLiteral("not exported by cio-studio")));
    ExchangeFile otherDefault = good;
    otherDefault.original = QStringLiteral("customerio:newsletters/7/contents/99");
    QVERIFY(error(otherDefault).contains(QStringLiteral("content 99")));
    ExchangeFile italian = good;
    italian.targetLanguage = QStringLiteral("it");
    QVERIFY2(error(italian).contains(QStringLiteral("has no it variant")), qPrintable(error(italian)));
    ExchangeFile missing = good;
    missing.units.removeAt(2);
    QVERIFY2(error(missing).contains(QStringLiteral("“body.u2” is missing")), qPrintable(error(missing)));
    ExchangeFile added = good;
    added.units.append(added.units.first());
    added.units.last().id = QStringLiteral("body.u9");
    QVERIFY2(error(added).contains(QStringLiteral("“body.u9” is not in")), qPrintable(error(added)));
    ExchangeFile changedSource = good;
    changedSource.units[1].source.first().text = QStringLiteral("Summer ");
    QVERIFY2(error(changedSource).contains(QStringLiteral("The Default changed since")),
             qPrintable(error(changedSource)));
    QVERIFY(error(changedSource).contains(QStringLiteral("body.u1")));
    ExchangeFile lostCode = good;
    lostCode.units[2].target->removeAt(1); // the {{ customer.first_name }} placeholder
    QVERIFY2(error(lostCode).contains(QStringLiteral("Unit “body.u2”: code 1")), qPrintable(error(lostCode)));
    ExchangeFile typedLiquid = good;
    (*typedLiquid.units[1].target)[0].text = QStringLiteral("{{ evil }}");
    QVERIFY2(error(typedLiquid).contains(QStringLiteral("types Liquid as text")),
             qPrintable(error(typedLiquid)));
    ExchangeFile noLanguage = good;
    noLanguage.targetLanguage.clear();
    QVERIFY(error(noLanguage).contains(QStringLiteral("no target language")));
    // A language spelled with an underscore or another case is the same language.
    ExchangeFile spelled = good;
    spelled.targetLanguage = QStringLiteral("DE");
    QCOMPARE(error(spelled), QStringLiteral("(accepted)"));
}

void TestExchange::untouchedRoundTripOverTheDemoChangesNothing()
{
    QFile demo(QStringLiteral(CIO_SOURCE_DIR "/resources/demo/newsletters.json"));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    const QJsonArray newsletters =
        QJsonDocument::fromJson(demo.readAll()).object().value(QLatin1String("newsletters")).toArray();
    int documents = 0;
    int prefilled = 0;
    for (const QJsonValue &value : newsletters) {
        const QJsonObject n = value.toObject();
        QList<api::Content> contents;
        for (const QJsonValue &c : n.value(QLatin1String("contents")).toArray()) {
            api::Content content = api::Content::fromJson(c.toObject());
            content.newsletterId = n.value(QLatin1String("id")).toInteger();
            contents.append(content);
        }
        QList<api::TestGroup> groups;
        for (const QJsonValue &g : n.value(QLatin1String("test_groups")).toArray())
            groups.append(api::TestGroup::fromJson(g.toObject()));
        const models::VariantMatrix matrix = models::VariantMatrix::build(contents, groups);
        const qint64 id = n.value(QLatin1String("id")).toInteger();
        for (const ExportDocument &doc : exportDocuments(
                 matrix, {id, n.value(QLatin1String("name")).toString(), {}, QStringLiteral("en")})) {
            if (!doc.contentId || doc.file.units.isEmpty())
                continue;
            for (const ExchangeFormat format :
                 {ExchangeFormat::Xliff20, ExchangeFormat::Xliff12, ExchangeFormat::Csv}) {
                const XliffRead read = format == ExchangeFormat::Csv
                                           ? readCsv(QString::fromUtf8(writeCsv(doc.file)))
                                           : readXliff(writeXliff(doc.file, format == ExchangeFormat::Xliff12
                                                                                ? XliffVersion::V1_2
                                                                                : XliffVersion::V2_0));
                QVERIFY2(read.file, qPrintable(read.error));
                const ImportPlan plan = planImport(*read.file, matrix, id);
                const QString where =
                    QStringLiteral("newsletter %1 %2 %3").arg(id).arg(doc.language, doc.groupLabel);
                QVERIFY2(plan.variant, qPrintable(where + QLatin1Char(' ') + plan.error));
                QVERIFY2(plan.variant->changes.isEmpty(),
                         qPrintable(where + QLatin1Char(' ') +
                                    plan.variant->changes.keys().join(QLatin1Char(','))));
            }
            ++documents;
            prefilled += doc.translated + doc.needsReview;
        }
    }
    QVERIFY(documents > 100);
    QVERIFY(prefilled > 1000);
    qInfo("%d documents, %d pre-filled units", documents, prefilled);
}

// CSV as a spreadsheet user edits it: markup and Liquid written out, the target typed in (the state left
// as it was), saved with ';' and CRLF as spreadsheet programs do in some locales.
void TestExchange::csvForSpreadsheets()
{
    const models::VariantMatrix matrix = sampleMatrix();
    const ExchangeFile exported =
        exportDocuments(matrix, {7, {}, {QStringLiteral("de")}, QStringLiteral("en")}).first().file;
    const QByteArray csv = writeCsv(exported);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF#original,customerio:newsletters/7/contents/70\r\n"));
    QVERIFY2(
        csv.contains(
            "body.u2,HTML body,\"Hi {{ customer.first_name }}, <a href=\"\"https://x.example/en\"\">shop "
            "now</a>.\",\"Hallo {{ customer.first_name }}, <a href=\"\"https://x.example/de\"\">jetzt "
            "shoppen</a>.\",translated,\r\n"),
        csv.constData());
    // Untouched: nothing changes.
    XliffRead read = readCsv(QString::fromUtf8(csv));
    QVERIFY2(read.file, qPrintable(read.error));
    ImportPlan plan = planImport(*read.file, matrix, 7);
    QVERIFY2(plan.variant, qPrintable(plan.error));
    QVERIFY(plan.variant->changes.isEmpty());

    // Edited in a spreadsheet: the link text changed, the rest kept; saved with ';'.
    QString edited = QString::fromUtf8(csv);
    edited.replace(QStringLiteral("jetzt shoppen</a>.\",translated"),
                   QStringLiteral("los geht's</a>!\",translated"));
    const QStringList lines = edited.split(QStringLiteral("\r\n"));
    QStringList semicolons;
    for (QString line : lines) {
        // Commas between fields become ';' (fields holding commas are quoted: keep those).
        QString out;
        bool quoted = false;
        for (const QChar c : line) {
            if (c == QLatin1Char('"'))
                quoted = !quoted;
            out += (c == QLatin1Char(',') && !quoted) ? QLatin1Char(';') : c;
        }
        semicolons.append(out);
    }
    read = readCsv(semicolons.join(QStringLiteral("\r\n")));
    QVERIFY2(read.file, qPrintable(read.error));
    plan = planImport(*read.file, matrix, 7);
    QVERIFY2(plan.variant, qPrintable(plan.error));
    QCOMPARE(plan.variant->changes.keys(), QStringList{QStringLiteral("body")});
    QVERIFY(plan.variant->changes.value(QLatin1String("body"))
                .toString()
                .contains(QStringLiteral("<a href=\"https://x.example/de\">los geht's</a>!</p>")));

    // A placeholder deleted in the sheet, Liquid typed anew, an unclosed quote: refused.
    QString lost = QString::fromUtf8(csv);
    lost.replace(QStringLiteral("\"Hallo {{ customer.first_name }}, <a"), QStringLiteral("\"Hallo, <a"));
    plan = planImport(*readCsv(lost).file, matrix, 7);
    QVERIFY2(plan.error.contains(QStringLiteral("is missing")), qPrintable(plan.error));
    QString typed = QString::fromUtf8(csv);
    typed.replace(QStringLiteral("\"Hallo {{ customer.first_name }}, <a"),
                  QStringLiteral("\"Hallo {{ customer.last_name }}, <a"));
    plan = planImport(*readCsv(typed).file, matrix, 7);
    QVERIFY2(!plan.variant, "Liquid typed in a cell must be refused");
    QVERIFY(readCsv(QStringLiteral("#original,x\r\nid,context,source,target\r\nbody.u1,\"open"))
                .error.contains(QStringLiteral("never closed")));
    QVERIFY(
        readCsv(QStringLiteral("a,b,c\r\n1,2,3")).error.contains(QStringLiteral("not a translation file")));
}

QTEST_GUILESS_MAIN(TestExchange)
#include "tst_exchange.moc"
