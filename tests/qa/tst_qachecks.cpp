// The quality checks (PRODUCT.md, "Quality checks") and the HTML scanner under them. The Liquid analysis
// is written by hand here: these tests need no engine.
#include "qa/htmlscanner.h"
#include "qa/qachecks.h"

#include <QTest>

using cio::liquid::Analysis;
using cio::liquid::LiquidError;
using cio::liquid::Reference;
using cio::qa::Finding;
using cio::qa::Level;
using cio::qa::VariantText;

Q_DECLARE_METATYPE(cio::liquid::Reference)

namespace cio::qa {

// Readable QCOMPARE failures.
char *toString(const Finding &f)
{
    return qstrdup(QStringLiteral("%1 %2 %3:%4:%5 %6")
                       .arg(levelName(f.level), f.check, f.field)
                       .arg(f.line)
                       .arg(f.column)
                       .arg(f.message)
                       .toUtf8()
                       .constData());
}

} // namespace cio::qa

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

Finding finding(Level level, const char *check, const char *field, int line, int column, const char *message)
{
    return {level, s(check), s(field), line, column, s(message)};
}

Reference ref(const char *name, int line = 1, int column = 1)
{
    return {s(name), line, column};
}

Analysis analysis(const QList<Reference> &variables, const QList<Reference> &tags = {},
                  const QList<Reference> &snippets = {})
{
    Analysis a;
    a.variables = variables;
    a.tags = tags;
    a.snippets = snippets;
    return a;
}

Analysis broken(const QList<LiquidError> &errors)
{
    Analysis a;
    a.parsed = false;
    a.errors = errors;
    return a;
}

QList<Finding> ofCheck(const QList<Finding> &findings, const char *check)
{
    QList<Finding> result;
    for (const Finding &f : findings) {
        if (f.check == QLatin1String(check))
            result.append(f);
    }
    return result;
}

const char *const DefaultBody =
    "<!DOCTYPE html>\n"
    "<html><body>\n"
    "<table role=\"presentation\"><tr><td>\n"
    "<p>Hello {{ customer.first_name | default: \"there\" }},\n"
    "<p>Our <a href=\"https://example.com/sale?u={{ customer.id }}\">sale</a> starts.\n"
    "</td></tr></table>\n"
    "{{ snippets.footer }}\n"
    "<a href=\"{% unsubscribe_url %}\">Unsubscribe</a>\n"
    "</body></html>\n";

const char *const GermanBody =
    "<!DOCTYPE html>\n"
    "<html><body>\n"
    "<table role=\"presentation\"><tr><td>\n"
    "<p>Hallo {{ customer.first_name | default: \"du\" }},\n"
    "<p>Unser <a href=\"https://example.com/sale?u={{ customer.id }}\">Angebot</a>.\n"
    "</td></tr></table>\n"
    "{{ snippets.footer }}\n"
    "<a href=\"{% unsubscribe_url %}\">Abmelden</a>\n"
    "</body></html>\n";

Analysis bodyAnalysis(int idColumn)
{
    return analysis({ref("customer.first_name", 4, 10), ref("customer.id", 5, idColumn)},
                    {ref("unsubscribe_url", 8, 10)}, {ref("footer", 7, 4)});
}

VariantText defaultVariant()
{
    VariantText v;
    v.fields = {{s("subject"), s("Spring sale, {{ customer.first_name }}")},
                {s("preheader"), s("Everything 20% off")},
                {s("body"), s(DefaultBody)}};
    v.analysis = {{s("subject"), analysis({ref("customer.first_name", 1, 14)})},
                  {s("preheader"), analysis({})},
                  {s("body"), bodyAnalysis(50)}};
    return v;
}

VariantText german()
{
    VariantText v;
    v.language = s("de");
    v.fields = {{s("subject"), s("Frühjahrsangebot, {{ customer.first_name }}")},
                {s("preheader"), s("Alles 20 % günstiger")},
                {s("body"), s(GermanBody)}};
    v.analysis = {{s("subject"), analysis({ref("customer.first_name", 1, 19)})},
                  {s("preheader"), analysis({})},
                  {s("body"), bodyAnalysis(52)}};
    return v;
}

QList<Finding> checkGerman(const VariantText &translation, const char *check)
{
    const VariantText base = defaultVariant();
    return ofCheck(cio::qa::checkVariant(translation, &base), check);
}

VariantText bodyOnly(const QString &body)
{
    VariantText v;
    v.fields = {{s("body"), body}};
    return v;
}

QString describe(const cio::qa::html::Tag &tag)
{
    return (tag.alternative ? s("~") : QString()) + (tag.end ? s("</") : s("<")) + tag.name +
           (tag.selfClosing ? s("/>") : s(">")) + QStringLiteral("@%1:%2").arg(tag.line).arg(tag.column);
}

} // namespace

class TestQaChecks : public QObject
{
    Q_OBJECT

private slots:
    void levelsAndCounts();
    void cleanVariantsPass();
    void liquidSyntax();
    void variables_data();
    void variables();
    void tags_data();
    void tags();
    void snippets_data();
    void snippets();
    void links_data();
    void links();
    void unsubscribe_data();
    void unsubscribe();
    void html_data();
    void html();
    void redacted_data();
    void redacted();
    void lengths_data();
    void lengths();
    void emptySubject();
    void untranslated_data();
    void untranslated();
    void findingsAreSorted();

    void scannerTags_data();
    void scannerTags();
    void scannerAttributes();
    void scannerLinks_data();
    void scannerLinks();
    void balance_data();
    void balance();
};

void TestQaChecks::levelsAndCounts()
{
    QCOMPARE(cio::qa::levelName(Level::Error), s("error"));
    QCOMPARE(cio::qa::levelName(Level::Warning), s("warning"));
    QCOMPARE(cio::qa::levelName(Level::Info), s("info"));
    const QList<Finding> findings = {finding(Level::Error, "html", "body", 1, 1, "a"),
                                     finding(Level::Warning, "links", "body", 2, 1, "b"),
                                     finding(Level::Error, "tags", "body", 0, 0, "c"),
                                     finding(Level::Info, "preheader-length", "preheader", 0, 0, "d")};
    QCOMPARE(cio::qa::errorCount(findings), 2);
    QCOMPARE(cio::qa::warningCount(findings), 1);
    QCOMPARE(cio::qa::errorCount({}), 0);
}

void TestQaChecks::cleanVariantsPass()
{
    const VariantText base = defaultVariant();
    QCOMPARE(cio::qa::checkVariant(base, nullptr), QList<Finding>());
    QCOMPARE(cio::qa::checkVariant(german(), &base), QList<Finding>());
}

void TestQaChecks::liquidSyntax()
{
    VariantText translation = german();
    translation.analysis[s("body")] =
        broken({{s("ParseError"), s("The tag {% if %} is never closed with {% endif %}"), 3, 7},
                {s("TokenizationError"), s("{{ is never closed"), 9, 2}});
    translation.analysis[s("preheader")] = broken({});
    const QList<Finding> expected = {
        finding(Level::Error, "liquid-syntax", "preheader", 0, 0, "The Liquid here does not parse"),
        finding(Level::Error, "liquid-syntax", "body", 3, 7,
                "The tag {% if %} is never closed with {% endif %}"),
        finding(Level::Error, "liquid-syntax", "body", 9, 2, "{{ is never closed")};
    QCOMPARE(checkGerman(translation, "liquid-syntax"), expected);
    // A field that does not parse is not compared with the Default.
    QCOMPARE(checkGerman(translation, "variables"), QList<Finding>());
    QCOMPARE(checkGerman(german(), "liquid-syntax"), QList<Finding>());
}

void TestQaChecks::variables_data()
{
    QTest::addColumn<Analysis>("body");
    QTest::addColumn<QList<Finding>>("expected");
    QTest::newRow("same variables, used twice")
        << analysis({ref("customer.id", 5, 52), ref("customer.first_name", 4, 10), ref("customer.id", 9, 1)},
                    {ref("unsubscribe_url", 8, 10)}, {ref("footer", 7, 4)})
        << QList<Finding>();
    QTest::newRow("drops a variable")
        << analysis({ref("customer.id", 5, 52)}, {ref("unsubscribe_url", 8, 10)}, {ref("footer", 7, 4)})
        << QList<Finding>{finding(Level::Error, "variables", "body", 0, 0,
                                  "Drops {{ customer.first_name }}, which the Default uses")};
    QTest::newRow("misspells a variable")
        << analysis({ref("customer.frist_name", 4, 12), ref("customer.id", 5, 52)},
                    {ref("unsubscribe_url", 8, 10)}, {ref("footer", 7, 4)})
        << QList<Finding>{finding(Level::Error, "variables", "body", 0, 0,
                                  "Drops {{ customer.first_name }}, which the Default uses"),
                          finding(Level::Error, "variables", "body", 4, 12,
                                  "Uses {{ customer.frist_name }}, which the Default does not")};
}

void TestQaChecks::variables()
{
    QFETCH(Analysis, body);
    QFETCH(QList<Finding>, expected);
    VariantText translation = german();
    translation.analysis[s("body")] = body;
    QCOMPARE(checkGerman(translation, "variables"), expected);

    // Without an analysis on either side there is nothing to compare.
    translation.analysis.remove(s("body"));
    QCOMPARE(checkGerman(translation, "variables"), QList<Finding>());
}

void TestQaChecks::tags_data()
{
    QTest::addColumn<QList<Reference>>("tags");
    QTest::addColumn<QList<Finding>>("expected");
    const QList<Reference> base = {ref("if", 2, 1), ref("cio_link", 3, 1), ref("cio_link", 4, 1),
                                   ref("endif", 5, 1), ref("unsubscribe_url", 8, 10)};
    QTest::newRow("same tags") << base << QList<Finding>();
    QTest::newRow("Liquid's own tags do not count")
        << QList<Reference>{ref("cio_link", 3, 1), ref("for", 3, 9), ref("cio_link", 4, 1),
                            ref("endfor", 4, 9), ref("unsubscribe_url", 8, 10)}
        << QList<Finding>();
    QTest::newRow("drops a tag") << QList<Reference>{ref("cio_link", 3, 1), ref("cio_link", 4, 1)}
                                 << QList<Finding>{
                                        finding(Level::Error, "tags", "body", 0, 0,
                                                "Drops {% unsubscribe_url %}, which the Default uses")};
    QTest::newRow("uses a tag fewer times")
        << QList<Reference>{ref("cio_link", 3, 1), ref("unsubscribe_url", 8, 10)}
        << QList<Finding>{
               finding(Level::Error, "tags", "body", 0, 0,
                       "Uses {% cio_link %} a different number of times: 1 here, 2 in the Default")};
    QTest::newRow("uses a tag more often")
        << QList<Reference>{ref("cio_link", 3, 1), ref("cio_link", 4, 1), ref("cio_link", 6, 3),
                            ref("unsubscribe_url", 8, 10)}
        << QList<Finding>{
               finding(Level::Error, "tags", "body", 6, 3,
                       "Uses {% cio_link %} a different number of times: 3 here, 2 in the Default")};
    QTest::newRow("adds a tag") << base + QList<Reference>{ref("random", 7, 5), ref("random", 9, 5)}
                                << QList<Finding>{finding(Level::Error, "tags", "body", 7, 5,
                                                          "Uses {% random %}, which the Default does not")};
}

void TestQaChecks::tags()
{
    QFETCH(QList<Reference>, tags);
    QFETCH(QList<Finding>, expected);
    VariantText base = defaultVariant();
    base.analysis[s("body")].tags = {ref("if", 2, 1), ref("cio_link", 3, 1), ref("cio_link", 4, 1),
                                     ref("endif", 5, 1), ref("unsubscribe_url", 8, 10)};
    VariantText translation = german();
    translation.analysis[s("body")].tags = tags;
    QCOMPARE(ofCheck(cio::qa::checkVariant(translation, &base), "tags"), expected);
}

void TestQaChecks::snippets_data()
{
    QTest::addColumn<QList<Reference>>("snippets");
    QTest::addColumn<QList<Finding>>("expected");
    QTest::newRow("same snippet twice")
        << QList<Reference>{ref("footer", 7, 4), ref("footer", 9, 1)} << QList<Finding>();
    QTest::newRow("drops a snippet") << QList<Reference>()
                                     << QList<Finding>{
                                            finding(Level::Error, "snippets", "body", 0, 0,
                                                    "Drops the snippet \"footer\", which the Default uses")};
    QTest::newRow("another snippet")
        << QList<Reference>{ref("footer de", 7, 4)}
        << QList<Finding>{finding(Level::Error, "snippets", "body", 0, 0,
                                  "Drops the snippet \"footer\", which the Default uses"),
                          finding(Level::Error, "snippets", "body", 7, 4,
                                  "Uses the snippet \"footer de\", which the Default does not")};
    QTest::newRow("a snippet chosen by a variable")
        << QList<Reference>{ref("footer", 7, 4), ref("", 8, 2)}
        << QList<Finding>{finding(Level::Error, "snippets", "body", 8, 2,
                                  "Uses a snippet chosen by a variable, which the Default does not")};
}

void TestQaChecks::snippets()
{
    QFETCH(QList<Reference>, snippets);
    QFETCH(QList<Finding>, expected);
    VariantText translation = german();
    translation.analysis[s("body")].snippets = snippets;
    QCOMPARE(checkGerman(translation, "snippets"), expected);
}

void TestQaChecks::links_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("defaultText");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<Finding>>("expected");
    const QString two = s("<a href=\"https://example.com/a?u={{ customer.id }}\">A</a>\n"
                          "<a href=\"https://example.com/b\">B</a>");
    QTest::newRow("same links") << s("body") << two << s("<p>Übersetzt</p>") + two << QList<Finding>();
    QTest::newRow("changes a link") << s("body") << two
                                    << s("<a href=\"https://example.com/a?u={{ customer.id }}\">A</a>\n"
                                         "<a  href=\"https://example.de/b\">B</a>")
                                    << QList<Finding>{finding(
                                           Level::Warning, "links", "body", 2, 11,
                                           "Links to \"https://example.de/b\" where the Default links to "
                                           "\"https://example.com/b\"")};
    QTest::newRow("Liquid in a target counts as written")
        << s("body") << two
        << s("<a href=\"https://example.com/a?u={{ customer.email }}\">A</a>\n"
             "<a href=\"https://example.com/b\">B</a>")
        << QList<Finding>{
               finding(Level::Warning, "links", "body", 1, 10,
                       "Links to \"https://example.com/a?u={{ customer.email }}\" where the Default links "
                       "to \"https://example.com/a?u={{ customer.id }}\"")};
    QTest::newRow("drops a link") << s("body") << two << s("<a href=\"https://example.com/b\">B</a>")
                                  << QList<Finding>{finding(Level::Error, "links", "body", 0, 0,
                                                            "Has 1 links where the Default has 2")};
    QTest::newRow("AMP body too") << s("body_amp") << two
                                  << two + s("<a href=\"https://example.com/c\">C</a>")
                                  << QList<Finding>{finding(Level::Error, "links", "body_amp", 0, 0,
                                                            "Has 3 links where the Default has 2")};
    QTest::newRow("links nowhere") << s("body") << s("<a href=\"#\">A</a><a href=\" \">B</a>")
                                   << s("<a href=\"#\">A</a>\n<a href=\" \">B</a>")
                                   << QList<Finding>{finding(Level::Warning, "links", "body", 1, 10,
                                                             "This link goes nowhere: its target is \"#\""),
                                                     finding(Level::Warning, "links", "body", 2, 10,
                                                             "This link has no target")};
}

void TestQaChecks::links()
{
    QFETCH(QString, field);
    QFETCH(QString, defaultText);
    QFETCH(QString, text);
    QFETCH(QList<Finding>, expected);
    VariantText base;
    base.fields = {{field, defaultText}};
    VariantText translation;
    translation.language = s("fr");
    translation.fields = {{field, text}};
    QCOMPARE(ofCheck(cio::qa::checkVariant(translation, &base), "links"), expected);
}

void TestQaChecks::unsubscribe_data()
{
    QTest::addColumn<QString>("defaultBody");
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("withAnalysis");
    QTest::addColumn<QString>("expected"); // the message, or empty for none
    const QString with = s("<a href=\"{% unsubscribe_url %}\">Unsubscribe</a>");
    const QString without = s("<p>Hallo</p>");
    QTest::newRow("kept") << with << with << true << QString();
    QTest::newRow("kept, no analysis")
        << with << s("<a href=\"{%- unsubscribe_url -%}\">x</a>") << false << QString();
    QTest::newRow("preferences link")
        << with << s("<a href=\"{% manage_subscription_preferences_url %}\">x</a>") << false << QString();
    QTest::newRow("the block tag") << with << s("{% unsubscribe %}Abmelden{% endunsubscribe %}") << false
                                   << QString();
    QTest::newRow("lost by the translation")
        << with << without << true
        << s("The translation lost the unsubscribe link the Default has: add "
             "{% unsubscribe_url %} back");
    QTest::newRow("lost, no analysis") << with << without << false
                                       << s("The translation lost the unsubscribe link the Default has: add "
                                            "{% unsubscribe_url %} back");
    QTest::newRow("only mentioned in text")
        << with << s("<p>unsubscribe_url</p>") << false
        << s("The translation lost the unsubscribe link the Default has: add "
             "{% unsubscribe_url %} back");
    QTest::newRow("the Default has none either")
        << without << without << true << s("No unsubscribe link: add {% unsubscribe_url %}");
    QTest::newRow("empty body") << with << s(" \n") << true << QString();
}

void TestQaChecks::unsubscribe()
{
    QFETCH(QString, defaultBody);
    QFETCH(QString, body);
    QFETCH(bool, withAnalysis);
    QFETCH(QString, expected);
    const auto variant = [withAnalysis](const QString &text) {
        VariantText v = bodyOnly(text);
        if (withAnalysis && text.contains(s("unsubscribe_url")))
            v.analysis[s("body")] = analysis({}, {ref("unsubscribe_url", 1, 10)});
        else if (withAnalysis)
            v.analysis[s("body")] = analysis({});
        return v;
    };
    const VariantText base = variant(defaultBody);
    VariantText translation = variant(body);
    translation.language = s("es");
    const QList<Finding> findings = ofCheck(cio::qa::checkVariant(translation, &base), "unsubscribe");
    if (expected.isEmpty()) {
        QCOMPARE(findings, QList<Finding>());
    } else {
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0], (Finding{Level::Error, s("unsubscribe"), s("body"), 0, 0, expected}));
    }
    // The Default is checked too, on its own.
    const bool defaultHasOne = defaultBody.contains(s("unsubscribe_url"));
    QCOMPARE(ofCheck(cio::qa::checkVariant(base, nullptr), "unsubscribe").size(), defaultHasOne ? 0 : 1);
}

void TestQaChecks::html_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QList<Finding>>("expected");
    QTest::newRow("balanced") << s(GermanBody) << QList<Finding>();
    QTest::newRow("unclosed table")
        << s("<p>Hallo\n<table><tr><td>x</td></tr>\n<a href=\"{% unsubscribe_url %}\">x</a>")
        << QList<Finding>{
               finding(Level::Error, "html", "body", 2, 1, "<table> opened on line 2 is never closed")};
    QTest::newRow("stray end tag") << s("<div>x</div>\n  </div>")
                                   << QList<Finding>{finding(Level::Error, "html", "body", 2, 3,
                                                             "</div> on line 2 closes nothing")};
    QTest::newRow("misnested") << s("<p><b>fett\n<i>kursiv</b></i>")
                               << QList<Finding>{finding(Level::Error, "html", "body", 2, 10,
                                                         "</b> on line 2 closes <i> opened on line 2 first")};
}

void TestQaChecks::html()
{
    QFETCH(QString, body);
    QFETCH(QList<Finding>, expected);
    const VariantText base = defaultVariant();
    VariantText translation = german();
    translation.fields[s("body")] = body;
    translation.analysis.remove(s("body"));
    QCOMPARE(ofCheck(cio::qa::checkVariant(translation, &base), "html"), expected);

    // body_amp is checked the same way.
    translation.fields[s("body_amp")] = translation.fields.take(s("body"));
    QList<Finding> ampExpected = expected;
    for (Finding &f : ampExpected)
        f.field = s("body_amp");
    QCOMPARE(ofCheck(cio::qa::checkVariant(translation, &base), "html"), ampExpected);
}

void TestQaChecks::redacted_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<Finding>>("expected");
    QTest::newRow("no marker") << s("body") << s("<a href=\"https://example.com/x\">x</a>")
                               << QList<Finding>();
    QTest::newRow("marker as text, not in a URL")
        << s("subject") << s("Your [redacted] offer") << QList<Finding>();
    QTest::newRow("in an href")
        << s("body") << s("<p>Hi</p>\n<a class=\"b\" href=\"{{ customer.url }}?t=[REDACTED]\">x</a>")
        << QList<Finding>{finding(Level::Error, "redacted", "body", 2, 41,
                                  "The address \"{{ customer.url }}?t=[REDACTED]\" still holds a [redacted] "
                                  "placeholder: put the real value back")};
    QTest::newRow("in an img src, URL-encoded")
        << s("body") << s("<img src='https://cdn.example.com/%5Bredacted%5D.png'>")
        << QList<Finding>{
               finding(Level::Error, "redacted", "body", 1, 35,
                       "The address \"https://cdn.example.com/%5Bredacted%5D.png\" still holds a [redacted] "
                       "placeholder: put the real value back")};
    QTest::newRow("in a bare URL of the plain body")
        << s("body_plain") << s("Shop now:\n  https://example.com/[redacted]/sale")
        << QList<Finding>{
               finding(Level::Error, "redacted", "body_plain", 2, 23,
                       "The address \"https://example.com/[redacted]/sale\" still holds a [redacted] "
                       "placeholder: put the real value back")};
    QTest::newRow("outside the href")
        << s("body") << s("<a href=\"https://example.com\">[redacted]</a>") << QList<Finding>();
}

void TestQaChecks::redacted()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QList<Finding>, expected);
    VariantText variant;
    variant.fields = {{field, text}};
    QCOMPARE(ofCheck(cio::qa::checkVariant(variant, nullptr), "redacted"), expected);
}

void TestQaChecks::lengths_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("preheader");
    QTest::addColumn<QList<Finding>>("expected");
    const QString ten = s("abcdefghij");
    QTest::newRow("at the limits") << ten << ten + ten << QList<Finding>();
    // Ten characters, eleven QChars: the emoji is a surrogate pair.
    QTest::newRow("emoji count once") << s("Sale 😀 now") << ten << QList<Finding>();
    QTest::newRow("subject too long")
        << ten + s("!") << ten
        << QList<Finding>{finding(Level::Warning, "subject-length", "subject", 0, 0,
                                  "The subject is 11 characters long; phones may cut off anything past 10")};
    QTest::newRow("preheader too long")
        << ten << ten + ten + s("ü")
        << QList<Finding>{
               finding(Level::Warning, "preheader-length", "preheader", 0, 0,
                       "The preheader is 21 characters long; inboxes may cut off anything past 20")};
    QTest::newRow("preheader empty")
        << ten << s(" ")
        << QList<Finding>{finding(Level::Info, "preheader-length", "preheader", 0, 0,
                                  "The preheader is empty; the Default's is \"Everything 20% off\"")};
}

void TestQaChecks::lengths()
{
    QFETCH(QString, subject);
    QFETCH(QString, preheader);
    QFETCH(QList<Finding>, expected);
    const VariantText base = defaultVariant();
    VariantText translation = german();
    translation.fields[s("subject")] = subject;
    translation.fields[s("preheader")] = preheader;
    translation.analysis.remove(s("subject"));
    const cio::qa::Limits limits{10, 20};
    QList<Finding> findings = cio::qa::checkVariant(translation, &base, limits);
    findings = ofCheck(findings, "subject-length") + ofCheck(findings, "preheader-length");
    QCOMPARE(findings, expected);
}

void TestQaChecks::emptySubject()
{
    const VariantText base = defaultVariant();
    VariantText translation = german();
    translation.fields[s("subject")] = s(" \n");
    translation.analysis.remove(s("subject"));
    const QList<Finding> findings = ofCheck(cio::qa::checkVariant(translation, &base), "subject-empty");
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().level, Level::Error);
    QCOMPARE(findings.first().field, s("subject"));
    // Push, SMS and the other channels have no subject to miss.
    translation.email = false;
    QVERIFY(ofCheck(cio::qa::checkVariant(translation, &base), "subject-empty").isEmpty());
}

void TestQaChecks::untranslated_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("preheader");
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("expected");
    const VariantText base = defaultVariant();
    const QString subject = base.fields.value(s("subject"));
    const QString preheader = base.fields.value(s("preheader"));
    QTest::newRow("identical") << subject << preheader << s(DefaultBody) << true;
    QTest::newRow("subject translated") << s("Frühjahr") << preheader << s(DefaultBody) << false;
    QTest::newRow("body translated") << subject << preheader << s(GermanBody) << false;
}

void TestQaChecks::untranslated()
{
    QFETCH(QString, subject);
    QFETCH(QString, preheader);
    QFETCH(QString, body);
    QFETCH(bool, expected);
    const VariantText base = defaultVariant();
    VariantText translation = german();
    translation.fields = {{s("subject"), subject}, {s("preheader"), preheader}, {s("body"), body}};
    const QList<Finding> findings = ofCheck(cio::qa::checkVariant(translation, &base), "untranslated");
    QCOMPARE(findings, expected ? QList<Finding>{finding(Level::Warning, "untranslated", "subject", 0, 0,
                                                         "Identical to the Default: not translated yet")}
                                : QList<Finding>());
    // The Default is never untranslated, and neither are two empty variants.
    QCOMPARE(ofCheck(cio::qa::checkVariant(base, nullptr), "untranslated"), QList<Finding>());
    VariantText empty;
    QCOMPARE(ofCheck(cio::qa::checkVariant(empty, &empty), "untranslated"), QList<Finding>());
    VariantText otherEmpty;
    otherEmpty.language = s("de");
    QCOMPARE(ofCheck(cio::qa::checkVariant(otherEmpty, &empty), "untranslated"), QList<Finding>());
}

void TestQaChecks::findingsAreSorted()
{
    VariantText variant;
    variant.fields = {{s("reply_to"), s("https://x.example/[redacted]")},
                      {s("body_plain"), s("https://x.example/[redacted]")},
                      {s("body"), s("<div>\n</div></div>\n</span>")},
                      {s("subject"), s("A very long subject line that goes on")}};
    variant.analysis = {
        {s("body"), broken({{s("ParseError"), s("bad"), 3, 1}, {s("ParseError"), s("bad"), 1, 5}})}};
    QStringList order;
    for (const Finding &f : cio::qa::checkVariant(variant, nullptr, {10, 10}))
        order << QStringLiteral("%1:%2:%3:%4").arg(f.field).arg(f.line).arg(f.column).arg(f.check);
    QCOMPARE(order,
             (QStringList{s("subject:0:0:subject-length"), s("body:0:0:unsubscribe"),
                          s("body:1:5:liquid-syntax"), s("body:2:7:html"), s("body:3:1:liquid-syntax"),
                          s("body:3:1:html"), s("body_plain:1:19:redacted"), s("reply_to:1:19:redacted")}));
}

void TestQaChecks::scannerTags_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("tags and places") << s("<p>a\n  <BR/><Td class=x>b</TD>")
                                     << QStringList{s("<p>@1:1"), s("<br/>@2:3"), s("<td>@2:8"),
                                                    s("</td>@2:21")};
    QTest::newRow("columns count QChars") << s("é😀<b>") << QStringList{s("<b>@1:4")};
    QTest::newRow("Liquid is opaque in text")
        << s("{% if a < b %}<b>{% endif %}{{ \"<i>\" }}{{ unterminated <u>")
        << QStringList{s("<b>@1:15"), s("<u>@1:56")};
    QTest::newRow("'>' inside Liquid in an attribute")
        << s("<a href=\"{{ url | default: \"a>b\" }}\" title='{% if x > 1 %}many{% endif %}'>x</a>")
        << QStringList{s("<a>@1:1"), s("</a>@1:77")};
    QTest::newRow("Liquid between attributes")
        << s("<td {% if wide %}width=\"600\"{% endif %}>") << QStringList{s("<td>@1:1")};
    QTest::newRow("comments with tags inside")
        << s("<!-- <table> <a href=\"x\"> -->\n<p>\n<!--[if mso]><td><![endif]-->")
        << QStringList{s("<p>@2:1")};
    QTest::newRow("doctype, CDATA, processing instruction")
        << s("<!DOCTYPE html><?xml version=\"1.0\"?><![CDATA[<b>]]><i>") << QStringList{s("<i>@1:52")};
    QTest::newRow("style with '<' inside")
        << s("<style>td < p { color: red } a>b {}</style><p>")
        << QStringList{s("<style>@1:1"), s("</style>@1:36"), s("<p>@1:44")};
    QTest::newRow("script with markup inside")
        << s("<script>var s = '<div>';</SCRIPT><hr>")
        << QStringList{s("<script>@1:1"), s("</script>@1:25"), s("<hr>@1:34")};
    QTest::newRow("text that only looks like markup") << s("a < b, 1<2, <3, </ >, x<") << QStringList();
    QTest::newRow("a tag the text ends in") << s("<p>x<a href=\"y") << QStringList{s("<p>@1:1")};
    QTest::newRow("Liquid comment") << s("{% comment %}<div>{% endcomment %}<p>")
                                    << QStringList{s("<p>@1:35")};
    QTest::newRow("alternative branches") << s("{% if vip %}<b>{% elsif x %}<i>{% else %}<u>{% endif %}"
                                               "{% case c %}{% when 1 %}<s>{% when 2 %}<q>{% endcase %}<hr>")
                                          << QStringList{s("<b>@1:13"), s("~<i>@1:29"), s("~<u>@1:42"),
                                                         s("<s>@1:80"), s("~<q>@1:95"), s("<hr>@1:111")};
}

void TestQaChecks::scannerTags()
{
    QFETCH(QString, body);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const cio::qa::html::Tag &tag : cio::qa::html::tags(body))
        actual << describe(tag);
    QCOMPARE(actual, expected);
}

void TestQaChecks::scannerAttributes()
{
    const QList<cio::qa::html::Tag> tags =
        cio::qa::html::tags(s("<A HREF=\"{{ customer.url }}?a={% cio_link_id %}\"\n  data-x='1' checked "
                              "width=600 title=\"{{ \"a\" }}\">"));
    QCOMPARE(tags.size(), 1);
    const QList<cio::qa::html::Attribute> &attributes = tags[0].attributes;
    QCOMPARE(attributes.size(), 5);
    QCOMPARE(attributes[0].name, s("href"));
    QCOMPARE(attributes[0].value, s("{{ customer.url }}?a={% cio_link_id %}"));
    QCOMPARE(std::pair(attributes[0].line, attributes[0].column), std::pair(1, 10));
    QCOMPARE(attributes[0].offset, qsizetype(9));
    QCOMPARE(attributes[1].value, s("1"));
    QCOMPARE(std::pair(attributes[1].line, attributes[1].column), std::pair(2, 11));
    QCOMPARE(attributes[2].name, s("checked"));
    QCOMPARE(attributes[2].value, QString());
    QCOMPARE(attributes[3].value, s("600"));
    QCOMPARE(attributes[4].value, s("{{ \"a\" }}"));
    QVERIFY(tags[0].attribute(s("checked")));
    QVERIFY(!tags[0].attribute(s("alt")));
}

void TestQaChecks::scannerLinks_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("none") << s("<p>No links</p><a name=\"top\"></a>") << QStringList();
    QTest::newRow("Liquid inside the target")
        << s("<a href=\"{{ customer.url }}?a={% cio_link_id %}\">x</a>")
        << QStringList{s("{{ customer.url }}?a={% cio_link_id %}@1:10")};
    QTest::newRow("in order, area too")
        << s("<p><a class=b href='https://a.example'>a</a>\n<map><area shape=rect "
             "href=https://b.example></map>\n"
             "<!-- <a href=\"https://hidden.example\"> --><a href>c</a>")
        << QStringList{s("https://a.example@1:21"), s("https://b.example@2:28"), s("@3:46")};
    QTest::newRow("only the first href counts") << s("<a href=\"1\" href=\"2\">") << QStringList{s("1@1:10")};
}

void TestQaChecks::scannerLinks()
{
    QFETCH(QString, body);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const cio::qa::html::Link &link : cio::qa::html::links(body))
        actual << QStringLiteral("%1@%2:%3").arg(link.target).arg(link.line).arg(link.column);
    QCOMPARE(actual, expected);
}

void TestQaChecks::balance_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("balanced") << s("<div><p>a</p><b><i>b</i></b></div>") << QStringList();
    QTest::newRow("omitted </p>, </li>, </td>, </tr>")
        << s("<html><head><title>t</title><body><p>a<p>b<ul><li>a<li>b<ul><li>c</ul><li>d</ul>"
             "<table><tr><td>1<td>2<tr><td><p>3</table><dl><dt>a<dd>b</dl><select><option>1<option>2</"
             "select>")
        << QStringList();
    QTest::newRow("void and self-closing")
        << s("<br><img src=x></img><hr/><meta charset=utf-8><div/><br></br>") << QStringList();
    QTest::newRow("a table inside a paragraph")
        << s("<p><table><tr><td>x</td></tr></table></p>") << QStringList();
    QTest::newRow("unclosed table") << s("<div>\n<table><tr><td>x\n</div>")
                                    << QStringList{s("2:1 <table> opened on line 2 is never closed")};
    QTest::newRow("stray end tag") << s("<div>x</div>\n</div>")
                                   << QStringList{s("2:1 </div> on line 2 closes nothing")};
    QTest::newRow("stray end tag of an optional one")
        << s("<ul><li>a<li>b</li></li></ul>\n</p>")
        << QStringList{s("1:20 </li> on line 1 closes nothing"), s("2:1 </p> on line 2 closes nothing")};
    QTest::newRow("misnested") << s("<p>\n<i>a <b>b</i> c</b>")
                               << QStringList{s("2:10 </i> on line 2 closes <b> opened on line 2 first")};
    QTest::newRow("unclosed inside a cell") << s("<table><tr>\n<td><div>x</td></tr>\n</table>")
                                            << QStringList{s("2:5 <div> opened on line 2 is never closed")};
    QTest::newRow("unclosed at the end")
        << s("<div><b>x</div>") << QStringList{s("1:6 <b> opened on line 1 is never closed")};
    QTest::newRow("Liquid branches with two versions of a start tag")
        << s("{% if vip %}<div class=\"vip\">{% else %}<div>{% endif %}x</div>") << QStringList();
    QTest::newRow("end tags in comments and styles do not count")
        << s("<style>p > </div> {}</style><!-- </table> --><p>x</p>") << QStringList();
}

void TestQaChecks::balance()
{
    QFETCH(QString, body);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const cio::qa::html::Problem &problem : cio::qa::html::balanceProblems(body))
        actual << QStringLiteral("%1:%2 %3").arg(problem.line).arg(problem.column).arg(problem.message);
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(TestQaChecks)
#include "tst_qachecks.moc"
