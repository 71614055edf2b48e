// The Liquid differential suite: every case in differential.json, each with its expected output and
// where that expectation comes from (stock liquidjs for standard Liquid, Customer.io's documentation
// for its own tags and filters, or one of our decisions listed in liquid/LIQUID.md), rendered through
// the path the preview uses (LiquidEngine::renderMany, data as its own JSON text).
// check-differential.mjs separately proves the "liquidjs" expectations against stock liquidjs.
#include "liquid/jsondata.h"
#include "liquid/liquidengine.h"
#include "tests/common/webenginetest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QEventLoop>
#include <QSet>
#include <QTest>
#include <QTimer>

using cio::liquid::JsonData;
using cio::liquid::LiquidEngine;
using cio::liquid::RenderResult;

namespace {

struct Case
{
    QString name;
    QString templateText;
    JsonData data;
    QHash<QString, QString> snippets;
    bool strict = true;
    std::optional<QString> expected;
    std::optional<QString> error;
    std::optional<QString> contains;
    QString source;
};

QList<Case> loadCases(QString *problem)
{
    QFile file(QStringLiteral(CIO_SOURCE_DIR "/tests/liquid/differential.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = file.errorString();
        return {};
    }
    const QByteArray text = file.readAll();
    const auto top = JsonData::fromText(text);
    if (!top) {
        *problem = QStringLiteral("differential.json is not a JSON object");
        return {};
    }
    QList<Case> cases;
    for (const JsonData::Member &member : top->members()) {
        if (member.key != QLatin1String("cases"))
            continue;
        // Each case's data as its own text: QJsonObject would sort its members.
        for (const QByteArray &caseText : cio::liquid::jsonArrayElements(member.value)) {
            const auto entry = JsonData::fromText(caseText);
            if (!entry) {
                *problem = QStringLiteral("a case is not an object: %1").arg(QString::fromUtf8(caseText.left(80)));
                return {};
            }
            Case c;
            const QJsonObject o = entry->object();
            c.name = o.value(QLatin1String("name")).toString();
            c.templateText = o.value(QLatin1String("template")).toString();
            c.strict = o.value(QLatin1String("strict")).toBool(true);
            c.source = o.value(QLatin1String("source")).toString();
            if (o.contains(QLatin1String("expected")))
                c.expected = o.value(QLatin1String("expected")).toString();
            if (o.contains(QLatin1String("error")))
                c.error = o.value(QLatin1String("error")).toString();
            if (o.contains(QLatin1String("contains")))
                c.contains = o.value(QLatin1String("contains")).toString();
            const QJsonObject snippets = o.value(QLatin1String("snippets")).toObject();
            for (auto it = snippets.begin(); it != snippets.end(); ++it)
                c.snippets.insert(it.key(), it.value().toString());
            for (const JsonData::Member &field : entry->members()) {
                if (field.key == QLatin1String("data"))
                    c.data = JsonData::fromText(field.value).value_or(JsonData());
            }
            cases.append(c);
        }
    }
    return cases;
}

QString visible(const QString &s)
{
    QString out;
    for (const QChar ch : s) {
        if (ch.unicode() < 0x20 || (ch.unicode() >= 0x7f && ch.unicode() < 0xa0) || ch == QChar(0x202f) ||
            ch == QChar(0x00a0))
            out += QStringLiteral("\\u%1").arg(ch.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    return out;
}

} // namespace

class TestLiquidDifferential : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cases_data();
    void cases();
    void coverage();

private:
    QList<Case> m_cases;
    QList<RenderResult> m_results;
};

void TestLiquidDifferential::initTestCase()
{
    QString problem;
    m_cases = loadCases(&problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(m_cases.size() >= 150, qPrintable(QStringLiteral("only %1 cases").arg(m_cases.size())));

    // All of them in one round trip, as the all-languages grid and the QA checks send theirs.
    QList<LiquidEngine::RenderRequest> requests;
    for (const Case &c : std::as_const(m_cases))
        requests.append({c.templateText, c.data, c.snippets, c.strict});
    QEventLoop loop;
    bool answered = false;
    LiquidEngine engine;
    engine.renderMany(requests, this, [&](const QList<RenderResult> &results) {
        m_results = results;
        answered = true;
        loop.quit();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    if (!answered)
        loop.exec();
    QVERIFY2(answered, "the Liquid engine did not answer");
    QCOMPARE(m_results.size(), m_cases.size());
}

void TestLiquidDifferential::cases_data()
{
    QTest::addColumn<int>("index");
    QSet<QString> names;
    for (int i = 0; i < m_cases.size(); ++i) {
        const Case &c = m_cases.at(i);
        QVERIFY2(!names.contains(c.name), qPrintable(QStringLiteral("duplicate case name %1").arg(c.name)));
        names.insert(c.name);
        QTest::newRow(qPrintable(c.name)) << i;
    }
}

void TestLiquidDifferential::cases()
{
    QFETCH(int, index);
    const Case &c = m_cases.at(index);
    const RenderResult &r = m_results.at(index);
    QStringList errors;
    for (const auto &e : r.errors)
        errors.append(e.message);
    const QString why = QStringLiteral("[%1] template %2\n  output: \"%3\"\n  errors: %4")
                            .arg(c.source, visible(c.templateText), visible(r.output), errors.join(QLatin1String(" | ")));
    if (c.error) {
        QVERIFY2(!r.ok, qPrintable(QStringLiteral("expected an error containing \"%1\"; %2").arg(*c.error, why)));
        QVERIFY2(errors.join(QLatin1Char('\n')).contains(*c.error),
                 qPrintable(QStringLiteral("expected an error containing \"%1\"; %2").arg(*c.error, why)));
        return;
    }
    QVERIFY2(r.ok, qPrintable(why));
    if (c.contains) {
        QVERIFY2(r.output.contains(*c.contains),
                 qPrintable(QStringLiteral("expected output containing \"%1\"; %2").arg(*c.contains, why)));
        return;
    }
    QVERIFY2(c.expected.has_value(), qPrintable(QStringLiteral("case %1 states no expectation").arg(c.name)));
    QVERIFY2(r.output == *c.expected,
             qPrintable(QStringLiteral("expected \"%1\"; %2").arg(visible(*c.expected), why)));
}

void TestLiquidDifferential::coverage()
{
    // Where the expectations come from; every case names one of the three kinds of source.
    QMap<QString, int> bySource;
    for (const Case &c : std::as_const(m_cases)) {
        const QString kind = c.source.section(QLatin1Char(':'), 0, 0);
        QVERIFY2(kind == QLatin1String("liquidjs") || kind == QLatin1String("doc") || kind == QLatin1String("decision"),
                 qPrintable(QStringLiteral("case %1: unknown source \"%2\"").arg(c.name, c.source)));
        ++bySource[kind];
    }
    qInfo("%lld cases: %d from liquidjs, %d from Customer.io's documentation, %d from our decisions",
          qlonglong(m_cases.size()), bySource.value(QStringLiteral("liquidjs")),
          bySource.value(QStringLiteral("doc")), bySource.value(QStringLiteral("decision")));
    QVERIFY(bySource.value(QStringLiteral("liquidjs")) > 0);
    QVERIFY(bySource.value(QStringLiteral("doc")) > 0);
    QVERIFY(bySource.value(QStringLiteral("decision")) > 0);
}

CIO_WEBENGINE_TEST_MAIN(TestLiquidDifferential)

#include "tst_liquid_differential.moc"
