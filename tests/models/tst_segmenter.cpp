// Splitting fields into translation units and putting them back: what a translator sees (text, paired
// codes, placeholders), what never reaches them, and byte-identical round trips.
#include "models/translation/segmenter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cio::models::translation;
using Kind = Piece::Kind;

namespace {

// A unit's pieces as a compact string: text as is, codes as [ph1], [o2], [c2].
QString shape(const Pieces &pieces)
{
    QString out;
    for (const Piece &p : pieces) {
        switch (p.kind) {
        case Kind::Text:
            out += p.text;
            break;
        case Kind::Placeholder:
            out += QStringLiteral("[ph%1]").arg(p.id);
            break;
        case Kind::Open:
            out += QStringLiteral("[o%1]").arg(p.id);
            break;
        case Kind::Close:
            out += QStringLiteral("[c%1]").arg(p.id);
            break;
        }
    }
    return out;
}

QStringList shapes(const Segmentation &s)
{
    QStringList out;
    for (const Unit &u : s.units)
        out.append(shape(u.pieces));
    return out;
}

Piece text(const QString &t)
{
    return Piece{Kind::Text, t, 0, 0, 0};
}

Piece code(Kind kind, int id)
{
    return Piece{kind, {}, id, 0, 0};
}

} // namespace

class TestSegmenter : public QObject
{
    Q_OBJECT

private slots:
    void inlineMarkupAndLiquidAreCodes();
    void codeNeverReachesTheTranslator();
    void attributesAreUnitsOfTheirOwn();
    void entitiesAndWhiteSpace();
    void tagsThatDoNotPairStayStandalone();
    void translatedUnitsAreWrittenWithTheSourceCodes();
    void codeProblemsAreNamed();
    void plainTextSplitsAtBlankLines();
    void everyDemoFieldRoundTripsExactly();
};

void TestSegmenter::inlineMarkupAndLiquidAreCodes()
{
    const Segmentation s =
        segment(QStringLiteral("<p>Hello <b>world</b>, {{ customer.first_name | default: \"friend\" }}!</p>"),
                FieldFormat::Html);
    QCOMPARE(shapes(s), QStringList{QStringLiteral("Hello [o1]world[c1], [ph2]!")});
    const Unit &u = s.units.first();
    QCOMPARE(u.id, QStringLiteral("u1"));
    QCOMPARE(u.pieces.at(1).text, QStringLiteral("<b>"));
    QCOMPARE(u.pieces.at(3).text, QStringLiteral("</b>"));
    QCOMPARE(u.pieces.at(5).text, QStringLiteral("{{ customer.first_name | default: \"friend\" }}"));
    QCOMPARE(u.plainText(), QStringLiteral("Hello world, !"));
}

void TestSegmenter::codeNeverReachesTheTranslator()
{
    const QString html = QStringLiteral(
        "<!DOCTYPE html><html><head><title>Title</title><style>p{color:red}</style></head><body>\n"
        "<!-- a note for the team -->\n"
        "<!--[if mso]><table><tr><td><![endif]-->\n"
        "<table><tr><td>{{ snippets.header_logo }}</td></tr>\n"
        "{% if customer.plan == \"pro\" %}\n"
        "<tr><td>&nbsp;</td></tr>\n"
        "{% endif %}\n"
        "{% comment %}Do not <b>translate</b> this{% endcomment %}\n"
        "<tr><td><p>Only this</p></td></tr></table>\n"
        "<script>var text = \"not this\";</script>\n"
        "</body></html>");
    const Segmentation s = segment(html, FieldFormat::Html);
    QCOMPARE(shapes(s), QStringList{QStringLiteral("Only this")});
    QCOMPARE(rebuild(s, {}), html);
}

void TestSegmenter::attributesAreUnitsOfTheirOwn()
{
    const QString html =
        QStringLiteral("<p>Click <a href=\"https://x.example/?a=1&amp;b=2\" title=\"Go there\">here</a>"
                       "</p><img src=\"logo.png\" alt='Logo &amp; more'><img alt=\"\" src=x>");
    const Segmentation s = segment(html, FieldFormat::Html);
    QCOMPARE(shapes(s), (QStringList{QStringLiteral("Click [o1]here[c1]"), QStringLiteral("Go there"),
                                     QStringLiteral("Logo & more")}));
    QCOMPARE(s.units.at(1).kind, UnitKind::AttributeTitle);
    QCOMPARE(s.units.at(2).kind, UnitKind::AttributeAlt);

    // The title sits inside a code of the first unit: both translate, each in its place.
    QHash<QString, Pieces> targets;
    targets.insert(QStringLiteral("u1"), {text(QStringLiteral("Klicke ")), code(Kind::Open, 1),
                                          text(QStringLiteral("hier")), code(Kind::Close, 1)});
    targets.insert(QStringLiteral("u2"), {text(QStringLiteral("Geh \"dorthin\""))});
    targets.insert(QStringLiteral("u3"), {text(QStringLiteral("Logo & mehr's"))});
    QCOMPARE(rebuild(s, targets),
             QStringLiteral(
                 "<p>Klicke <a href=\"https://x.example/?a=1&amp;b=2\" title=\"Geh &quot;dorthin&quot;\">"
                 "hier</a></p><img src=\"logo.png\" alt='Logo &amp; mehr&#39;s'><img alt=\"\" src=x>"));
    // Only the title changed: the text unit keeps its bytes around it.
    targets.remove(QStringLiteral("u1"));
    targets.remove(QStringLiteral("u3"));
    QCOMPARE(rebuild(s, targets),
             QStringLiteral(
                 "<p>Click <a href=\"https://x.example/?a=1&amp;b=2\" title=\"Geh &quot;dorthin&quot;\">"
                 "here</a></p><img src=\"logo.png\" alt='Logo &amp; more'><img alt=\"\" src=x>"));
}

void TestSegmenter::entitiesAndWhiteSpace()
{
    const QString html =
        QStringLiteral("<p>Caf&eacute;\n      &amp; &foo; it&#8217;s &#x1F600;&nbsp;now</p>");
    const Segmentation s = segment(html, FieldFormat::Html);
    QCOMPARE(shapes(s), QStringList{QStringLiteral("Café & [ph1] it’s 😀\u00a0now")});
    QCOMPARE(s.units.first().pieces.at(1).text, QStringLiteral("&foo;"));
    // Untouched: the bytes as written, entities and line break included.
    QHash<QString, Pieces> same{{QStringLiteral("u1"), s.units.first().pieces}};
    QCOMPARE(rebuild(s, same), html);
    // Changed: text escaped for HTML, the unknown entity kept as it was.
    QHash<QString, Pieces> changed{{QStringLiteral("u1"),
                                    {text(QStringLiteral("Café <& ")), code(Kind::Placeholder, 1),
                                     text(QStringLiteral("\u00a0jetzt"))}}};
    QCOMPARE(rebuild(s, changed), QStringLiteral("<p>Café &lt;&amp; &foo;&nbsp;jetzt</p>"));
    // A lone ampersand is text.
    QCOMPARE(shapes(segment(QStringLiteral("<p>AT&T & co</p>"), FieldFormat::Html)),
             QStringList{QStringLiteral("AT&T & co")});
}

void TestSegmenter::tagsThatDoNotPairStayStandalone()
{
    QCOMPARE(shapes(segment(QStringLiteral("<p>Hi <b>there<br>you</p>"), FieldFormat::Html)),
             QStringList{QStringLiteral("Hi [ph1]there[ph2]you")});
    // </b> while <i> is open crosses: it stays standalone, and so does its <b>.
    QCOMPARE(shapes(segment(QStringLiteral("<p><b><i>x</b></i> y</p>"), FieldFormat::Html)),
             QStringList{QStringLiteral("[ph1][o2]x[ph3][c2] y")});
    // An inline tag closed in the next block is standalone in both.
    QCOMPARE(shapes(segment(QStringLiteral("<p><span>a</p><p>b</span></p>"), FieldFormat::Html)),
             (QStringList{QStringLiteral("[ph1]a"), QStringLiteral("b[ph1]")}));
}

void TestSegmenter::translatedUnitsAreWrittenWithTheSourceCodes()
{
    const QString html = QStringLiteral("<h1 class=\"t\">Hi {{ customer.first_name }}</h1>\n"
                                        "<p style=\"x\"><b>Bold</b> and <i class=\"y\">italic</i> text</p>");
    const Segmentation s = segment(html, FieldFormat::Html);
    QCOMPARE(shapes(s), (QStringList{QStringLiteral("Hi [ph1]"),
                                     QStringLiteral("[o1]Bold[c1] and [o2]italic[c2] text")}));
    QHash<QString, Pieces> targets;
    // Codes reordered; the target's code texts (empty here) never reach the output.
    targets.insert(QStringLiteral("u2"),
                   {code(Kind::Open, 2), text(QStringLiteral("Kursiv")), code(Kind::Close, 2),
                    text(QStringLiteral(" und ")), code(Kind::Open, 1), text(QStringLiteral("fett")),
                    code(Kind::Close, 1)});
    targets.insert(QStringLiteral("u1"), {text(QStringLiteral("Hallo ")), code(Kind::Placeholder, 1)});
    QCOMPARE(rebuild(s, targets),
             QStringLiteral("<h1 class=\"t\">Hallo {{ customer.first_name }}</h1>\n"
                            "<p style=\"x\"><i class=\"y\">Kursiv</i> und <b>fett</b></p>"));
}

void TestSegmenter::codeProblemsAreNamed()
{
    const Segmentation s = segment(QStringLiteral("<p><b>A</b> {{ x }} <i>B</i></p>"), FieldFormat::Html);
    const Unit &u = s.units.first();
    QCOMPARE(shape(u.pieces), QStringLiteral("[o1]A[c1] [ph2] [o3]B[c3]"));
    QCOMPARE(codeProblem(u, u.pieces), QString());
    const Pieces reordered{code(Kind::Open, 3),        text(QStringLiteral("B")), code(Kind::Close, 3),
                           code(Kind::Placeholder, 2), code(Kind::Open, 1),       text(QStringLiteral("A")),
                           code(Kind::Close, 1)};
    QCOMPARE(codeProblem(u, reordered), QString());

    Pieces missing = u.pieces;
    missing.removeAt(4); // {{ x }}
    QVERIFY2(codeProblem(u, missing).contains(QStringLiteral("{{ x }}")),
             qPrintable(codeProblem(u, missing)));
    QVERIFY(codeProblem(u, missing).contains(QStringLiteral("missing")));

    Pieces twice = u.pieces;
    twice.append(code(Kind::Placeholder, 2));
    QVERIFY(codeProblem(u, twice).contains(QStringLiteral("twice")));

    const Pieces crossed{code(Kind::Open, 1),  code(Kind::Open, 3),  text(QStringLiteral("A")),
                         code(Kind::Close, 1), code(Kind::Close, 3), code(Kind::Placeholder, 2)};
    QVERIFY(codeProblem(u, crossed).contains(QStringLiteral("cross")));

    const Pieces backwards{code(Kind::Close, 1), code(Kind::Open, 1), code(Kind::Placeholder, 2),
                           code(Kind::Open, 3), code(Kind::Close, 3)};
    QVERIFY(codeProblem(u, backwards).contains(QStringLiteral("before it opens")));

    Pieces unknown = u.pieces;
    unknown.append(code(Kind::Placeholder, 9));
    QVERIFY(codeProblem(u, unknown).contains(QStringLiteral("not in the source")));

    Pieces wrongKind = u.pieces;
    wrongKind[4] = code(Kind::Open, 2);
    QVERIFY(!codeProblem(u, wrongKind).isEmpty());
}

void TestSegmenter::plainTextSplitsAtBlankLines()
{
    const QString body = QStringLiteral("Hi {{ customer.first_name }},\nthanks for \"joining\" <us>.\n\n"
                                        "   \n{% if customer.vip %}{{ snippets.vip }}{% endif %}\n\n"
                                        "See you & bye {% comment %}a\n\nb{% endcomment %}\n");
    const Segmentation s = segment(body, FieldFormat::Plain);
    QCOMPARE(shapes(s), (QStringList{QStringLiteral("Hi [ph1],\nthanks for \"joining\" <us>."),
                                     QStringLiteral("See you & bye [ph1]")}));
    QCOMPARE(rebuild(s, {}), body);
    QHash<QString, Pieces> targets{
        {QStringLiteral("u2"), {text(QStringLiteral("Bis bald & tschüss ")), code(Kind::Placeholder, 1)}}};
    QCOMPARE(rebuild(s, targets),
             QStringLiteral("Hi {{ customer.first_name }},\nthanks for \"joining\" <us>.\n\n"
                            "   \n{% if customer.vip %}{{ snippets.vip }}{% endif %}\n\n"
                            "Bis bald & tschüss {% comment %}a\n\nb{% endcomment %}\n"));
    QCOMPARE(shapes(segment(QStringLiteral("{{ event.subject }}"), FieldFormat::Plain)), QStringList());
}

void TestSegmenter::everyDemoFieldRoundTripsExactly()
{
    QFile file(QStringLiteral(CIO_SOURCE_DIR "/resources/demo/newsletters.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray newsletters =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("newsletters")).toArray();
    QVERIFY(newsletters.size() > 10);
    int fields = 0;
    int units = 0;
    for (const QJsonValue &n : newsletters) {
        for (const QJsonValue &c : n.toObject().value(QLatin1String("contents")).toArray()) {
            const QJsonObject content = c.toObject();
            const std::pair<const char *, FieldFormat> names[] = {{"subject", FieldFormat::Plain},
                                                                  {"preheader_text", FieldFormat::Plain},
                                                                  {"body_plain", FieldFormat::Plain},
                                                                  {"body", FieldFormat::Html}};
            for (const auto &[name, format] : names) {
                const QString field = content.value(QLatin1String(name)).toString();
                if (field.isEmpty())
                    continue;
                const Segmentation s = segment(field, format);
                const QString where = QStringLiteral("content %1 %2")
                                          .arg(content.value(QLatin1String("id")).toInteger())
                                          .arg(QLatin1String(name));
                QVERIFY2(rebuild(s, {}) == field, qPrintable(where));
                QHash<QString, Pieces> same;
                for (const Unit &u : s.units) {
                    same.insert(u.id, u.pieces);
                    QVERIFY2(codeProblem(u, u.pieces).isEmpty(), qPrintable(where + QLatin1Char(' ') + u.id));
                    QVERIFY2(!u.plainText().trimmed().isEmpty(), qPrintable(where + QLatin1Char(' ') + u.id));
                    // No markup or Liquid ever shows as text.
                    QVERIFY2(!u.plainText().contains(QLatin1String("{{")) &&
                                 !u.plainText().contains(QLatin1String("{%")),
                             qPrintable(where + QLatin1Char(' ') + u.id + QLatin1Char(' ') + u.plainText()));
                    if (format == FieldFormat::Html)
                        QVERIFY2(
                            !u.plainText().contains(QLatin1Char('<')),
                            qPrintable(where + QLatin1Char(' ') + u.id + QLatin1Char(' ') + u.plainText()));
                }
                QVERIFY2(rebuild(s, same) == field, qPrintable(where));
                ++fields;
                units += int(s.units.size());
            }
        }
    }
    QVERIFY(fields > 100);
    QVERIFY(units > fields);
    qInfo("%d fields, %d units", fields, units);
}

QTEST_GUILESS_MAIN(TestSegmenter)
#include "tst_segmenter.moc"
