// Word-level diff: tokens, the LCS over them, and the HTML the outdated and conflict dialogs show.
#include "models/common/worddiff.h"

#include <QTest>

using cio::models::DiffSegment;
using cio::models::WordDiff;
using Kind = cio::models::DiffSegment::Kind;

namespace {

// "=same -old +new" shorthand, so a failing case prints readably.
QString describe(const WordDiff &diff)
{
    QStringList parts;
    for (const DiffSegment &s : diff) {
        const char *mark = s.kind == Kind::Equal ? "=" : s.kind == Kind::Deleted ? "-" : "+";
        parts << QLatin1String(mark) + s.text;
    }
    return parts.join(QLatin1Char('|'));
}

} // namespace

class TestWordDiff : public QObject
{
    Q_OBJECT

private slots:
    void tokens_data();
    void tokens();
    void diff_data();
    void diff();
    void diffRebuildsBothTexts_data();
    void diffRebuildsBothTexts();
    void html();
    void longTextsWithOneChange();
};

void TestWordDiff::tokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("words and spaces")
        << QStringLiteral("Hello  world")
        << QStringList{QStringLiteral("Hello"), QStringLiteral("  "), QStringLiteral("world")};
    QTest::newRow("punctuation alone")
        << QStringLiteral("Hi, you!")
        << QStringList{QStringLiteral("Hi"), QStringLiteral(","), QStringLiteral(" "), QStringLiteral("you"),
                       QStringLiteral("!")};
    QTest::newRow("accents and digits")
        << QStringLiteral("Größe 42")
        << QStringList{QStringLiteral("Größe"), QStringLiteral(" "), QStringLiteral("42")};
    QTest::newRow("html tags") << QStringLiteral("<p>Hi</p>")
                               << QStringList{QStringLiteral("<"),  QStringLiteral("p"), QStringLiteral(">"),
                                              QStringLiteral("Hi"), QStringLiteral("<"), QStringLiteral("/"),
                                              QStringLiteral("p"),  QStringLiteral(">")};
}

void TestWordDiff::tokens()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(cio::models::diffTokens(text), expected);
    QCOMPARE(cio::models::diffTokens(text).join(QString()), text);
}

void TestWordDiff::diff_data()
{
    QTest::addColumn<QString>("oldText");
    QTest::addColumn<QString>("newText");
    QTest::addColumn<QString>("expected");
    QTest::newRow("same") << QStringLiteral("Spring sale") << QStringLiteral("Spring sale")
                          << QStringLiteral("=Spring sale");
    QTest::newRow("both empty") << QString() << QString() << QString();
    QTest::newRow("from nothing") << QString() << QStringLiteral("New") << QStringLiteral("+New");
    QTest::newRow("to nothing") << QStringLiteral("Old") << QString() << QStringLiteral("-Old");
    QTest::newRow("one word replaced")
        << QStringLiteral("Spring sale today") << QStringLiteral("Summer sale today")
        << QStringLiteral("-Spring|+Summer|= sale today");
    QTest::newRow("word inserted") << QStringLiteral("Big sale") << QStringLiteral("Big summer sale")
                                   << QStringLiteral("=Big |+summer |=sale");
    QTest::newRow("word deleted") << QStringLiteral("Our big summer sale")
                                  << QStringLiteral("Our summer sale")
                                  << QStringLiteral("=Our |-big |=summer sale");
    QTest::newRow("punctuation only") << QStringLiteral("Hello, world") << QStringLiteral("Hello world!")
                                      << QStringLiteral("=Hello|-,|= world|+!");
    QTest::newRow("phrase replaced, spaces do not split it")
        << QStringLiteral("Black Friday early access") << QStringLiteral("Brand new words")
        << QStringLiteral("-Black Friday early access|+Brand new words");
    QTest::newRow("two changes") << QStringLiteral("a b c d e") << QStringLiteral("a X c d Y")
                                 << QStringLiteral("=a |-b|+X|= c d |-e|+Y");
}

void TestWordDiff::diff()
{
    QFETCH(QString, oldText);
    QFETCH(QString, newText);
    QFETCH(QString, expected);
    QCOMPARE(describe(cio::models::wordDiff(oldText, newText)), expected);
}

void TestWordDiff::diffRebuildsBothTexts_data()
{
    QTest::addColumn<QString>("oldText");
    QTest::addColumn<QString>("newText");
    QTest::newRow("html") << QStringLiteral("<p>Hello {{ customer.name }}, our sale starts now.</p>")
                          << QStringLiteral(
                                 "<p>Hi {{ customer.first_name }}! Our big sale starts today.</p>");
    QTest::newRow("lines") << QStringLiteral("one\ntwo\nthree") << QStringLiteral("one\n2\nthree\nfour");
    QTest::newRow("disjoint") << QStringLiteral("abc def") << QStringLiteral("xyz");
}

// Whatever the alignment, the equal and deleted parts give the old text, the equal and inserted the new.
void TestWordDiff::diffRebuildsBothTexts()
{
    QFETCH(QString, oldText);
    QFETCH(QString, newText);
    const WordDiff diff = cio::models::wordDiff(oldText, newText);
    QString rebuiltOld;
    QString rebuiltNew;
    for (const DiffSegment &s : diff) {
        if (s.kind != Kind::Inserted)
            rebuiltOld += s.text;
        if (s.kind != Kind::Deleted)
            rebuiltNew += s.text;
    }
    QCOMPARE(rebuiltOld, oldText);
    QCOMPARE(rebuiltNew, newText);
    QVERIFY(!cio::models::isUnchanged(diff));
    for (int i = 1; i < diff.size(); ++i)
        QVERIFY2(diff.at(i).kind != diff.at(i - 1).kind, qPrintable(describe(diff)));
}

void TestWordDiff::html()
{
    const QString html = cio::models::wordDiffToHtml(
        cio::models::wordDiff(QStringLiteral("a <b> old\nx"), QStringLiteral("a <b> new\nx")));
    QVERIFY2(html.contains(QLatin1String("line-through\">old</span>")), qPrintable(html));
    QVERIFY2(html.contains(QLatin1String("underline\">new</span>")), qPrintable(html));
    QVERIFY2(html.startsWith(QLatin1String("a &lt;b&gt; ")), qPrintable(html)); // escaped, not markup
    QVERIFY(html.contains(QLatin1String("<br>x")));
    QVERIFY(cio::models::isUnchanged(cio::models::wordDiff(QStringLiteral("same"), QStringLiteral("same"))));
}

void TestWordDiff::longTextsWithOneChange()
{
    // A typical newsletter body: a few thousand tokens with one change in the middle.
    QString oldText;
    for (int i = 0; i < 3000; ++i)
        oldText += QStringLiteral("word%1 ").arg(i);
    QString newText = oldText;
    newText.replace(QLatin1String("word1500 "), QLatin1String("changed "));
    const WordDiff diff = cio::models::wordDiff(oldText, newText); // common prefix/suffix: no LCS table
    QCOMPARE(diff.size(), 4);
    QCOMPARE(diff.at(1).text, QStringLiteral("word1500"));
    QCOMPARE(diff.at(2).text, QStringLiteral("changed"));
}

QTEST_GUILESS_MAIN(TestWordDiff)
#include "tst_worddiff.moc"
