// Snippet usages in the local store, reference rewriting for a rename, and the checks before a save.
#include "models/snippets/snippetusages.h"
#include "models/store/localstore.h"
#include "tests/common/testhome.h"

#include <QDir>
#include <QFile>
#include <QTest>

using cio::models::LocalStore;
using cio::models::SnippetUsage;

namespace {

QString tempPath(const QString &name)
{
    return cio::test::freshStorePath(QStringLiteral("snippetusages"), name);
}

cio::api::Content variant(qint64 id, qint64 newsletterId, const QString &language, const QJsonObject &fields)
{
    QJsonObject o = fields;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("newsletter_id"), newsletterId);
    o.insert(QStringLiteral("language"), language);
    o.insert(QStringLiteral("type"), QStringLiteral("email"));
    return cio::api::Content::fromJson(o);
}

cio::api::Newsletter newsletter(qint64 id, const QString &name, const QList<qint64> &contentIds)
{
    QJsonArray ids;
    for (qint64 c : contentIds)
        ids.append(c);
    return cio::api::Newsletter::fromJson({{QStringLiteral("id"), id},
                                           {QStringLiteral("name"), name},
                                           {QStringLiteral("updated"), 1700000000},
                                           {QStringLiteral("content_ids"), ids}});
}

cio::api::TestGroup group(qint64 id, const QString &name, const QList<qint64> &contentIds)
{
    QJsonArray ids;
    for (qint64 c : contentIds)
        ids.append(QString::number(c));
    return cio::api::TestGroup::fromJson(
        {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("content_ids"), ids}});
}

QString usageKey(const SnippetUsage &u)
{
    return QStringLiteral("%1/%2/%3/%4:%5:%6")
        .arg(u.newsletterId)
        .arg(u.contentId)
        .arg(u.testGroup, u.field)
        .arg(u.line)
        .arg(u.column);
}

} // namespace

class TestSnippetUsages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void references_data();
    void references();
    void usagesInEveryFieldAndBothSyntaxes();
    void noUsagesOfSimilarNames();
    void rename_data();
    void rename();
    void renameVariantFields();
    void nameValidation_data();
    void nameValidation();
    void valueValidation_data();
    void valueValidation();
    void descriptions();

private:
    LocalStore m_store;
};

void TestSnippetUsages::initTestCase()
{
    QString error;
    QVERIFY2(m_store.open(tempPath(QStringLiteral("usages.sqlite")), &error), qPrintable(error));

    // Newsletter 1: an A/B test (groups A and B), references in every field and both syntaxes.
    const QList<cio::api::Content> first{
        variant(
            101, 1, QString(),
            {{QStringLiteral("subject"), QStringLiteral("Hi {{snippets.footer}}")},
             {QStringLiteral("preheader_text"), QStringLiteral("{{ snippets[\"footer\"] }}")},
             {QStringLiteral("body"),
              QStringLiteral("<p>one</p>\n<p>two</p>\n  {{ snippets . footer | upcase }}\n")},
             {QStringLiteral("body_amp"), QStringLiteral("{% if snippets['footer'] != blank %}x{% endif %}")},
             {QStringLiteral("body_plain"), QStringLiteral("{{-snippets.footer-}}")}}),
        variant(102, 1, QStringLiteral("de"),
                {{QStringLiteral("subject"), QStringLiteral("Hallo")},
                 {QStringLiteral("body"),
                  QStringLiteral("{{ snippets.footer_de }}\n{{ snippets[\"promo code\"] }}")}}),
        variant(103, 1, QString(),
                {{QStringLiteral("body"), QStringLiteral("B arm {{ snippets.footer }}")}})};
    QVERIFY(m_store.storeNewsletterDetail(
        newsletter(1, QStringLiteral("Spring sale"), {101, 102, 103}), first,
        {group(11, QStringLiteral("A"), {101, 102}), group(12, QStringLiteral("B"), {103})}));
    // Newsletter 2: no test; things that look like references but are not.
    const QList<cio::api::Content> second{variant(
        201, 2, QStringLiteral("fr"),
        {{QStringLiteral("subject"), QStringLiteral("snippets.footer outside Liquid")},
         {QStringLiteral("body"),
          QStringLiteral("{% raw %}{{ snippets.footer }}{% endraw %}\n{{ customer.snippets.footer }}\n"
                         "{{ snippets.footers }}{{ snippets.footer-de }}{{ mysnippets.footer }}\n"
                         "{{ snippets[name] }}\n{{ snippets.footer }}")}})};
    QVERIFY(m_store.storeNewsletterDetail(newsletter(2, QStringLiteral("Lettre"), {201}), second, {}));
    QVERIFY(m_store.storeSnippets(
        {cio::api::Snippet::fromJson({{QStringLiteral("name"), QStringLiteral("footer")},
                                      {QStringLiteral("value"), QStringLiteral("x")}}),
         cio::api::Snippet::fromJson({{QStringLiteral("name"), QStringLiteral("footer_de")},
                                      {QStringLiteral("value"), QStringLiteral("y")}})}));
}

void TestSnippetUsages::references_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("firstPlace"); // "line:column" of the first reference

    QTest::newRow("dot") << QStringLiteral("{{ snippets.footer }}") << QStringList{QStringLiteral("footer")}
                         << QStringLiteral("1:4");
    QTest::newRow("no spaces") << QStringLiteral("a\n{{snippets.footer}}")
                               << QStringList{QStringLiteral("footer")} << QStringLiteral("2:3");
    QTest::newRow("spaces around the dot") << QStringLiteral("{{ snippets . footer }}")
                                           << QStringList{QStringLiteral("footer")} << QStringLiteral("1:4");
    QTest::newRow("double quotes") << QStringLiteral("{{ snippets[ \"promo code\" ] }}")
                                   << QStringList{QStringLiteral("promo code")} << QStringLiteral("1:4");
    QTest::newRow("single quotes") << QStringLiteral("{% assign x = snippets['a b'] %}")
                                   << QStringList{QStringLiteral("a b")} << QStringLiteral("1:15");
    QTest::newRow("dash in an identifier")
        << QStringLiteral("{{ snippets.footer-de }}") << QStringList{QStringLiteral("footer-de")}
        << QStringLiteral("1:4");
    QTest::newRow("filters and several")
        << QStringLiteral("{{ snippets.a | upcase }} and {{ snippets.b }}")
        << QStringList{QStringLiteral("a"), QStringLiteral("b")} << QStringLiteral("1:4");
    QTest::newRow("outside Liquid") << QStringLiteral("snippets.footer") << QStringList{} << QString();
    QTest::newRow("raw") << QStringLiteral("{% raw %}{{ snippets.footer }}{% endraw %}") << QStringList{}
                         << QString();
    QTest::newRow("by a variable") << QStringLiteral("{{ snippets[name] }}") << QStringList{} << QString();
    QTest::newRow("a customer attribute")
        << QStringLiteral("{{ customer.snippets.footer }}") << QStringList{} << QString();
}

void TestSnippetUsages::references()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    QFETCH(QString, firstPlace);
    const QList<cio::models::SnippetReference> refs = cio::models::findSnippetReferences(text);
    QStringList found;
    for (const auto &r : refs)
        found << r.name;
    QCOMPARE(found, names);
    if (!refs.isEmpty())
        QCOMPARE(QStringLiteral("%1:%2").arg(refs.first().line).arg(refs.first().column), firstPlace);
}

void TestSnippetUsages::usagesInEveryFieldAndBothSyntaxes()
{
    const QList<SnippetUsage> usages = cio::models::findSnippetUsages(m_store, QStringLiteral("footer"));
    QStringList keys;
    for (const SnippetUsage &u : usages)
        keys << usageKey(u);
    QCOMPARE(keys,
             (QStringList{QStringLiteral("1/101/A/subject:1:6"), QStringLiteral("1/101/A/preheader_text:1:4"),
                          QStringLiteral("1/101/A/body:3:6"), QStringLiteral("1/101/A/body_amp:1:7"),
                          QStringLiteral("1/101/A/body_plain:1:4"), QStringLiteral("1/103/B/body:1:10"),
                          QStringLiteral("2/201//body:5:4")}));
    QCOMPARE(usages.first().newsletterName, QStringLiteral("Spring sale"));
    QCOMPARE(usages.last().language, QStringLiteral("fr"));
    QVERIFY(usages.last().testGroup.isEmpty()); // a newsletter without a test has no group to name

    const QList<SnippetUsage> spaced = cio::models::findSnippetUsages(m_store, QStringLiteral("promo code"));
    QCOMPARE(spaced.size(), 1);
    QCOMPARE(spaced.first().contentId, 102);
    QCOMPARE(spaced.first().line, 2);
    const auto all = cio::models::findAllSnippetUsages(m_store);
    QCOMPARE(all.value(QStringLiteral("footer")).size(), usages.size());
}

void TestSnippetUsages::noUsagesOfSimilarNames()
{
    const QList<SnippetUsage> de = cio::models::findSnippetUsages(m_store, QStringLiteral("footer_de"));
    QCOMPARE(de.size(), 1);
    QCOMPARE(de.first().contentId, 102);
    QCOMPARE(cio::models::findSnippetUsages(m_store, QStringLiteral("foot")).size(), 0);
    QCOMPARE(cio::models::findSnippetUsages(m_store, QStringLiteral("footers")).size(), 1);
    QCOMPARE(cio::models::findSnippetUsages(m_store, QStringLiteral("footer-de")).size(), 1);
    QCOMPARE(cio::models::findSnippetUsages(m_store, QStringLiteral("Footer")).size(), 0);
    QCOMPARE(cio::models::findSnippetUsages(m_store, QStringLiteral("nothing")).size(), 0);
}

void TestSnippetUsages::rename_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("oldName");
    QTest::addColumn<QString>("newName");
    QTest::addColumn<QString>("expected");

    const QString old = QStringLiteral("old");
    QTest::newRow("filter kept") << QStringLiteral("{{ snippets.old | upcase }}") << old
                                 << QStringLiteral("new") << QStringLiteral("{{ snippets.new | upcase }}");
    QTest::newRow("no spaces") << QStringLiteral("{{snippets.old}}") << old << QStringLiteral("new")
                               << QStringLiteral("{{snippets.new}}");
    QTest::newRow("to a name with spaces")
        << QStringLiteral("{{ snippets.old | upcase }}") << old << QStringLiteral("new name")
        << QStringLiteral("{{ snippets[\"new name\"] | upcase }}");
    QTest::newRow("from a name with spaces")
        << QStringLiteral("{{ snippets[\"old name\"] }}") << QStringLiteral("old name")
        << QStringLiteral("new name") << QStringLiteral("{{ snippets[\"new name\"] }}");
    QTest::newRow("single quotes kept")
        << QStringLiteral("{{ snippets[ 'old' ] | default: \"x\" }}") << old << QStringLiteral("new")
        << QStringLiteral("{{ snippets[ 'new' ] | default: \"x\" }}");
    QTest::newRow("quote in the new name")
        << QStringLiteral("{{ snippets[\"old\"] }}") << old << QStringLiteral("say \"hi\"")
        << QStringLiteral("{{ snippets['say \"hi\"'] }}");
    QTest::newRow("every occurrence, tags too")
        << QStringLiteral("{% if snippets.old != blank %}\n  {{ snippets.old }}\n{% endif %}") << old
        << QStringLiteral("footer_v2")
        << QStringLiteral("{% if snippets.footer_v2 != blank %}\n  {{ snippets.footer_v2 }}\n{% endif %}");
    QTest::newRow("similar names untouched")
        << QStringLiteral("{{ snippets.old_de }}{{ snippets.old }}{{ snippets.older }}") << old
        << QStringLiteral("new")
        << QStringLiteral("{{ snippets.old_de }}{{ snippets.new }}{{ snippets.older }}");
    QTest::newRow("outside Liquid and raw untouched")
        << QStringLiteral("snippets.old {% raw %}{{ snippets.old }}{% endraw %} {{ snippets.old }}") << old
        << QStringLiteral("new")
        << QStringLiteral("snippets.old {% raw %}{{ snippets.old }}{% endraw %} {{ snippets.new }}");
    QTest::newRow("dot with spaces") << QStringLiteral("{{ snippets . old }}") << old << QStringLiteral("a.b")
                                     << QStringLiteral("{{ snippets[\"a.b\"] }}");
}

void TestSnippetUsages::rename()
{
    QFETCH(QString, text);
    QFETCH(QString, oldName);
    QFETCH(QString, newName);
    QFETCH(QString, expected);
    const QString renamed = cio::models::renameSnippetReferences(text, oldName, newName);
    QCOMPARE(renamed, expected);
    // What was renamed is found under the new name, as often as under the old one before.
    const auto count = [](const QString &t, const QString &name) {
        int n = 0;
        for (const auto &r : cio::models::findSnippetReferences(t))
            n += r.name == name ? 1 : 0;
        return n;
    };
    QCOMPARE(count(renamed, newName), count(text, oldName) + (oldName == newName ? 0 : count(text, newName)));
}

void TestSnippetUsages::renameVariantFields()
{
    const auto content = m_store.content(101);
    QVERIFY(content);
    const QJsonObject changes = cio::models::renameSnippetInVariant(*content, QStringLiteral("footer"),
                                                                    QStringLiteral("site footer"));
    QStringList keys = changes.keys();
    keys.sort();
    QCOMPARE(keys,
             (QStringList{QStringLiteral("body"), QStringLiteral("body_amp"), QStringLiteral("body_plain"),
                          QStringLiteral("preheader_text"), QStringLiteral("subject")}));
    QCOMPARE(changes.value(QLatin1String("subject")).toString(),
             QStringLiteral("Hi {{snippets[\"site footer\"]}}"));
    QCOMPARE(changes.value(QLatin1String("body")).toString(),
             QStringLiteral("<p>one</p>\n<p>two</p>\n  {{ snippets[\"site footer\"] | upcase }}\n"));
    const auto german = m_store.content(102);
    QVERIFY(cio::models::renameSnippetInVariant(*german, QStringLiteral("footer"), QStringLiteral("x"))
                .isEmpty());
}

void TestSnippetUsages::nameValidation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("self");
    QTest::addColumn<QString>("problem"); // a word of the message; empty: valid

    QTest::newRow("plain") << QStringLiteral("header") << QString() << QString();
    QTest::newRow("with spaces") << QStringLiteral("spring promo banner") << QString() << QString();
    QTest::newRow("empty") << QString() << QString() << QStringLiteral("name");
    QTest::newRow("blank") << QStringLiteral("   ") << QString() << QStringLiteral("name");
    QTest::newRow("150 characters") << QString(150, QLatin1Char('n')) << QString() << QString();
    QTest::newRow("151 characters") << QString(151, QLatin1Char('n')) << QString() << QStringLiteral("150");
    QTest::newRow("trimmed to 150") << QStringLiteral("  ") + QString(150, QLatin1Char('n')) << QString()
                                    << QString();
    QTest::newRow("taken") << QStringLiteral("footer") << QString() << QStringLiteral("exists already");
    QTest::newRow("taken, trimmed") << QStringLiteral(" footer_de ") << QString()
                                    << QStringLiteral("exists already");
    QTest::newRow("itself") << QStringLiteral("footer") << QStringLiteral("footer") << QString();
    QTest::newRow("line break") << QStringLiteral("foo\nbar") << QString() << QStringLiteral("line breaks");
    QTest::newRow("both quotes") << QStringLiteral("it's \"x\"") << QString() << QStringLiteral("both");
    QTest::newRow("one kind of quote") << QStringLiteral("it's") << QString() << QString();
}

void TestSnippetUsages::nameValidation()
{
    QFETCH(QString, name);
    QFETCH(QString, self);
    QFETCH(QString, problem);
    const cio::models::SnippetProblem p = cio::models::validateSnippetName(m_store, name, self);
    QCOMPARE(p.isProblem(), !problem.isEmpty());
    QVERIFY2(p.message.contains(problem), qPrintable(p.message));
}

void TestSnippetUsages::valueValidation_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("html and Liquid") << QStringLiteral(
                                            "<p>Hi {{ customer.first_name | default: \"there\" }}</p>")
                                     << QString() << 0 << 0;
    QTest::newRow("16000 characters") << QString(16000, QLatin1Char('x')) << QString() << 0 << 0;
    QTest::newRow("16001 characters")
        << QString(16001, QLatin1Char('x')) << QStringLiteral("16000") << 0 << 0;
    QTest::newRow("empty") << QString() << QStringLiteral("value") << 0 << 0;
    // Characters, not UTF-16 units: 16000 emoji are 32000 units and still within the limit.
    QString emoji;
    for (int i = 0; i < 16000; ++i)
        emoji += QStringLiteral("\U0001F600");
    QTest::newRow("16000 emoji") << emoji << QString() << 0 << 0;
    QTest::newRow("16001 emoji") << emoji + QStringLiteral("\U0001F600") << QStringLiteral("16001 characters")
                                 << 0 << 0;
    QTest::newRow("nested, dot") << QStringLiteral("<p>\n  {{ snippets.footer }}</p>")
                                 << QStringLiteral("“footer”") << 2 << 6;
    QTest::newRow("nested, brackets")
        << QStringLiteral("{{ snippets[\"promo code\"] }}") << QStringLiteral("“promo code”") << 1 << 4;
    QTest::newRow("nested, by a variable")
        << QStringLiteral("{{ snippets[name] }}") << QStringLiteral("another snippet") << 1 << 4;
    QTest::newRow("a customer attribute") << QStringLiteral("{{ customer.snippets }}") << QString() << 0 << 0;
}

void TestSnippetUsages::valueValidation()
{
    QFETCH(QString, value);
    QFETCH(QString, problem);
    QFETCH(int, line);
    QFETCH(int, column);
    const cio::models::SnippetProblem p = cio::models::validateSnippetValue(value);
    QCOMPARE(p.isProblem(), !problem.isEmpty());
    QVERIFY2(p.message.contains(problem), qPrintable(p.message));
    QCOMPARE(p.line, line);
    QCOMPARE(p.column, column);
}

void TestSnippetUsages::descriptions()
{
    const QList<SnippetUsage> usages = cio::models::findSnippetUsages(m_store, QStringLiteral("footer"));
    QCOMPARE(cio::models::describeSnippetUsage(usages.at(2)),
             QStringLiteral("“Spring sale” (1), test group A, Default: body, line 3"));
    const QString summary = cio::models::summarizeSnippetUsages(usages, 3);
    QCOMPARE(summary.count(QLatin1Char('\n')), 3);
    QVERIFY2(summary.endsWith(QLatin1String("and 4 more")), qPrintable(summary));
    QCOMPARE(cio::models::snippetReferenceFor(QStringLiteral("footer")), QStringLiteral("snippets.footer"));
    QCOMPARE(cio::models::snippetReferenceFor(QStringLiteral("a b")), QStringLiteral("snippets[\"a b\"]"));
}

QTEST_GUILESS_MAIN(TestSnippetUsages)
#include "tst_snippetusages.moc"
