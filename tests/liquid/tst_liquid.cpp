// Customer.io Liquid as the app renders it: liquidjs with our tags and filters, in V8 (a headless
// QWebEnginePage). Table-driven: LIQUID.md's test vectors and every tag and filter PRODUCT.md lists,
// strict against lax, the snippet rules, and the static analysis the QA checks rely on.
#include "liquid/liquidengine.h"
#include "tests/common/webenginetest.h"

#include <QJsonDocument>
#include <QTest>

using cio::liquid::Analysis;
using cio::liquid::LiquidEngine;
using cio::liquid::RenderResult;

namespace {

cio::liquid::JsonData object(const char *json)
{
    QJsonParseError error;
    const auto data = cio::liquid::JsonData::fromText(QByteArray(json), &error);
    if (!data)
        qFatal("bad test data: %s (%s)", json, qPrintable(error.errorString()));
    return *data;
}

} // namespace

class TestLiquid : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void render_data();
    void render();
    void strictAgainstLax();
    void snippets_data();
    void snippets();
    void errorsCarryTheirPlace();
    void analysis();
    void engineSurvivesBadInput();

private:
    RenderResult run(const QString &text, const cio::liquid::JsonData &data = {}, bool strict = true,
                     const QHash<QString, QString> &snippets = {});
    LiquidEngine *m_engine = nullptr;
};

void TestLiquid::initTestCase()
{
    m_engine = new LiquidEngine(this);
    const RenderResult warmUp = run(QStringLiteral("{{ 1 | plus: 1 }}"));
    QVERIFY2(warmUp.ok, qPrintable(warmUp.errors.value(0).message));
    QCOMPARE(warmUp.output, QStringLiteral("2"));
    qInfo("Liquid engine ready in %lld ms", m_engine->startupMs());
}

RenderResult TestLiquid::run(const QString &text, const cio::liquid::JsonData &data, bool strict,
                             const QHash<QString, QString> &snippets)
{
    LiquidEngine::RenderRequest request;
    request.templateText = text;
    request.data = data;
    request.strict = strict;
    request.snippets = snippets;
    return m_engine->renderAndWait(request);
}

// expected: the output, or "!" and the error kind when the render must fail (strict mode).
void TestLiquid::render_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const char *text, const char *data, const QString &expected) {
        QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(data) << expected;
    };
    // LIQUID.md §5.
    row("v1 default", "Hi {{ customer.first_name | default: \"there\" }}", R"({"customer":{}})",
        QStringLiteral("Hi there"));
    row("v2 value", "Hi {{ customer.first_name | default: \"there\" }}",
        R"({"customer":{"first_name":"Alex"}})", QStringLiteral("Hi Alex"));
    row("v3 if blank",
        "{% if customer.first_name != blank %}Hello {{ customer.first_name }}!{% else %}Hello there!{% endif "
        "%}",
        R"({"customer":{}})", QStringLiteral("Hello there!"));
    row("v4 missing fails", "{{ customer.first_name }}", R"({"customer":{}})",
        QStringLiteral("!UndefinedVariableError"));
    row("v9 layout content", "<body>{{content}}</body>", R"({"content":"Hi"})",
        QStringLiteral("<body>Hi</body>"));
    row("v10 trigger", "{{trigger.headline}}",
        R"({"trigger":{"headline":"Roadrunner spotted in Albuquerque!"}})",
        QStringLiteral("Roadrunner spotted in Albuquerque!"));
    row("v11 trigger date", "{{ trigger.date | date: \"%Y-%m-%d\" }}", R"({"trigger":{"date":1511315635}})",
        QStringLiteral("2017-11-22"));
    row("v12 journey", "{{journey.code}}", R"({"journey":{"code":"SAVE10"}})", QStringLiteral("SAVE10"));
    row("v13 date", "{{ 321436800 | date: \"%A, %B %-d, %Y\" }}", "{}",
        QStringLiteral("Sunday, March 9, 1980"));
    row("v14 date iso", "{{ 1461866400 | date: \"%Y-%m-%dT%H:%M:%SZ\" }}", "{}",
        QStringLiteral("2016-04-28T18:00:00Z"));
    row("v15 date words", "{{ 1483272000 | date: '%H:%M, %a, %b %d, %Y' }}", "{}",
        QStringLiteral("12:00, Sun, Jan 01, 2017"));
    row("v16 date iana", "{{ 1461866400 | date: \"%H:%M\", \"America/New_York\" }}", "{}",
        QStringLiteral("14:00"));
    row("date iana winter", "{{ 1483272000 | date: \"%H:%M %z\", \"Europe/Berlin\" }}", "{}",
        QStringLiteral("13:00 +0100"));
    row("date iana from data", "{{ 1461866400 | date: \"%H:%M\", customer.timezone }}",
        R"({"customer":{"timezone":"Asia/Kolkata"}})", QStringLiteral("23:30"));
    row("date unknown zone", "{{ 1461866400 | date: \"%H:%M\", \"Mars/Olympus\" }}", "{}",
        QStringLiteral("!RenderError"));
    row("v17 date minutes", "{{ 1461866400 | date: \"%H:%M\", 360 }}", "{}", QStringLiteral("12:00"));
    row("v18 add_day", "{{ 1461866400 | add_day: 5 | date: \"%Y-%m-%d\" }}", "{}",
        QStringLiteral("2016-05-03"));
    row("v19 add_month", "{{ 1461866400 | add_month: 1 | date: \"%Y-%m-%d\" }}", "{}",
        QStringLiteral("2016-05-28"));
    row("v20 add_year", "{{ 1461866400 | add_year: 1 | date: \"%Y-%m-%d\" }}", "{}",
        QStringLiteral("2017-04-28"));
    row("v21 subtract_day", "{{ 1461866400 | subtract_day: 28 | date: \"%Y-%m-%d\" }}", "{}",
        QStringLiteral("2016-03-31"));
    row("subtract_month", "{{ 1461866400 | subtract_month: 2 | date: \"%Y-%m-%d\" }}", "{}",
        QStringLiteral("2016-02-28"));
    row("subtract_year", "{{ 1461866400 | subtract_year: 16 | date: \"%Y-%m-%d\" }}", "{}",
        QStringLiteral("2000-04-28"));
    row("add_day string", "{{ t | add_day: 1 | date: \"%d\" }}", R"({"t":"1461866400"})",
        QStringLiteral("29"));
    row("add_day not a date", "{{ \"soon\" | add_day: 1 }}", "{}", QStringLiteral("!RenderError"));
    row("v22 day difference", "{{ 1462298400 | minus: 1461866400 | divided_by: 86400 }}", "{}",
        QStringLiteral("5"));
    row("v23 format_number", "{{ 10000 | format_number }}", "{}", QStringLiteral("10,000"));
    // Plain spaces, as Customer.io prints them (liquid/LIQUID.md, plain-spaces), not Chromium's U+202F.
    row("format_number fr", "{{ 123456.78 | format_number: \"fr\" }}", "{}", QStringLiteral("123 456,78"));
    row("v24 currency", "{{ 1234567.896 | currency }}", "{}", QStringLiteral("$1,234,567.90"));
    row("v25 currency gb", "{{ 1234567.896 | currency: 'en-GB' }}", "{}", QStringLiteral("£1,234,567.90"));
    row("v26 currency eur", "{{ 1234567.896 | currency: 'en', 'EUR' }}", "{}",
        QStringLiteral("€1,234,567.90"));
    row("v27 rounded_currency", "{{ 1234567.896 | rounded_currency: 'en', 'EUR' }}", "{}",
        QStringLiteral("€1,234,568"));
    row("v28 pluralize", "{{ n | pluralize: 'item', 'items' }}", R"({"n":3})", QStringLiteral("3 items"));
    row("pluralize one", "{{ n | pluralize: 'item', 'items' }}", R"({"n":1})", QStringLiteral("1 item"));
    row("v29 md5", "{{ \"Customer.io\" | md5 }}", "{}", QStringLiteral("d52b6a207bf5255c05b1d0056230617e"));
    row("v30 sha1", "{{ \"Customer.io\" | sha1 }}", "{}",
        QStringLiteral("c197ff0ae0a41983362f35ca972c544061c54d4c"));
    row("v31 hmac hex_base64", "{{ \"Customer.io\" | hmac_sha256: \"some_key\" | hex_base64 }}", "{}",
        QStringLiteral("bd23cyOCFrzicxM7w/ahKoJPQd0YTQlFLwXHZZ2ufVc="));
    row("sha256", "{{ \"abc\" | sha256 }}", "{}",
        QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    row("hmac_sha1", "{{ \"what do ya want for nothing?\" | hmac_sha1: \"Jefe\" }}", "{}",
        QStringLiteral("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"));
    row("v32 json_array_uniq", "{{ c | json_array_uniq: 'name' | to_json }}",
        R"({"c":[{"name":"red"},{"name":"blue"},{"name":"red"}]})",
        QStringLiteral(R"([{"name":"red"},{"name":"blue"}])"));
    row("v33 from_json", "{% assign v = s | from_json %}{{ v.number }}",
        R"({"s":"{\"key\":\"value\",\"number\":123}"})", QStringLiteral("123"));
    row("from_json broken", "{% assign v = s | from_json %}{{ v }}", R"({"s":"{oops"})",
        QStringLiteral("!RenderError"));
    row("v34 version probe",
        "{% assign liquid_version = nil | default: \"latest\" %}{% unless liquid_version == \"latest\" %}{% "
        "assign liquid_version = \"legacy\" %}{% endunless %}{{ liquid_version }}",
        "{}", QStringLiteral("latest"));
    row("v35 default null", "{{ product_price | default: 2.99 }}", R"({"product_price":null})",
        QStringLiteral("2.99"));
    row("v36 escape", "{{ \"a b&c\" | escape }}", "{}", QStringLiteral("a b&amp;c"));
    row("v37 times modulo", "{{ 10 | times: 2.0 }}|{{ -7 | modulo: 3 }}", "{}", QStringLiteral("20|2"));
    row("v38 sum", "{{ p | sum: \"t\" }}", R"({"p":[{"t":"1"},{"t":2}]})", QStringLiteral("3"));
    row("v39 objects size", "{% if objects.online_classes.size > 0 %}yes{% endif %}",
        R"({"objects":{"online_classes":[{}]}})", QStringLiteral("yes"));
    row("v40 sentence", "{{ g | split: \",\" | array_to_sentence_string: \"or\" }}",
        R"({"g":"apples,bananas,cherries"})", QStringLiteral("apples, bananas, or cherries"));
    // The rest of PRODUCT.md's filters.
    row("date_to_string", "{{ 1461866400 | date_to_string }}", "{}", QStringLiteral("28 Apr 2016"));
    row("date_to_long_string", "{{ 1461866400 | date_to_long_string }}", "{}",
        QStringLiteral("28 April 2016"));
    row("date_to_rfc822", "{{ 1461866400 | date_to_rfc822 }}", "{}",
        QStringLiteral("Thu, 28 Apr 2016 18:00:00 +0000"));
    row("date_to_xmlschema", "{{ 1461866400 | date_to_xmlschema }}", "{}",
        QStringLiteral("2016-04-28T18:00:00+00:00"));
    row("at_least at_most", "{{ 5 | at_least: 7 }}/{{ 5 | at_most: 3 }}", "{}", QStringLiteral("7/3"));
    row("titlecase", "{{ \"trail days portland\" | titlecase }}", "{}",
        QStringLiteral("Trail Days Portland"));
    row("slugify", "{{ \"Hello World!\" | slugify }}", "{}", QStringLiteral("hello-world"));
    row("base64_encode utf8", "{{ \"é\" | base64_encode }}", "{}", QStringLiteral("w6k="));
    row("base64 round trip", "{{ \"Grüße\" | base64_encode | base64_decode }}", "{}",
        QStringLiteral("Grüße"));
    row("base64_url_safe", "{{ \"?\" | append: \"?>\" | base64_url_safe_encode }}", "{}",
        QStringLiteral("Pz8-"));
    row("url_encode", "{{ \"cool.person@example.com\" | url_encode }}", "{}",
        QStringLiteral("cool.person%40example.com"));
    row("to_json", "{{ customer | to_json }}", R"({"customer":{"a":[1,"x"]}})",
        QStringLiteral(R"({"a":[1,"x"]})"));
    row("where_exp", "{% assign x = p | where_exp: \"i\", \"i.n > 1\" %}{{ x | map: \"k\" | join: \",\" }}",
        R"({"p":[{"k":"a","n":1},{"k":"b","n":2},{"k":"c","n":3}]})", QStringLiteral("b,c"));
    row("group_by",
        "{% assign g = p | group_by: \"k\" %}{% for x in g %}{{ x.name }}={{ x.items.size }};{% endfor %}",
        R"({"p":[{"k":"a"},{"k":"b"},{"k":"a"}]})", QStringLiteral("a=2;b=1;"));
    row("limit where_not", "{{ p | limit: 2 | where_not: \"k\", \"a\" | map: \"k\" | join }}",
        R"({"p":[{"k":"a"},{"k":"b"},{"k":"c"}]})", QStringLiteral("b"));
    row("contains filter", "{{ \"a,b\" | contains: \"b\" }}", "{}", QStringLiteral("true"));
    row("slice numeric string", "{{ \"Customer.io\" | slice: \"-4\", \"3\" }}", "{}", QStringLiteral("r.i"));
    row("unknown filter", "{{ 1 | frobnicate }}", "{}", QStringLiteral("!ParseError"));
    // Customer.io's tags, as recognisable preview placeholders.
    row("unsubscribe_url", "{% unsubscribe_url %}", "{}",
        QStringLiteral("https://cio-preview.invalid/unsubscribe"));
    row("unsubscribe", "{% unsubscribe %}", "{}", QStringLiteral("https://cio-preview.invalid/unsubscribe"));
    row("view_in_browser_url", "{% view_in_browser_url %}", "{}",
        QStringLiteral("https://cio-preview.invalid/deliveries/preview"));
    row("manage_subscription_preferences_url", "{% manage_subscription_preferences_url %}", "{}",
        QStringLiteral("https://cio-preview.invalid/preferences"));
    row("tracking_consent_url", "{% tracking_consent_url %}", "{}",
        QStringLiteral("https://cio-preview.invalid/tracking-consent"));
    row("cio_link quoted", "{% cio_link url:\"https://x.example/a?b=1\" track:false %}", "{}",
        QStringLiteral("https://x.example/a?b=1"));
    row("cio_link bare", "{% cio_link url:https://x.example/a url_params:false %}", "{}",
        QStringLiteral("https://x.example/a"));
    row("cio_link variable", "{% cio_link url:trigger.custom_url %}",
        R"({"trigger":{"custom_url":"https://t.example/x"}})", QStringLiteral("https://t.example/x"));
    row("cio_link_id", "{% cio_link_id %}", "{}", QStringLiteral("preview-link-id"));
    row("generate_uuid", "{% generate_uuid %}", "{}", QStringLiteral("00000000-0000-4000-8000-000000000000"));
    row("random is stable", "{% random 1000 %}={% random 1000 %}", "{}", QStringLiteral("random"));
    row("subscription_topic_name", "{% subscription_topic_name %}", "{}", QStringLiteral("Preview topic"));
    row("render_liquid", "{% render_liquid journey.body %}",
        R"({"journey":{"body":"Hi {{ customer.n }}"},"customer":{"n":"Jo"}})", QStringLiteral("Hi Jo"));
    row("countdown", "{% countdown point:64 fg:000000 bg:f2f6f9 time:\"2022-07-04 12:00:00 (GMT)\" %}", "{}",
        QStringLiteral("countdown"));
    // Namespaces the message type lacks render empty (a newsletter has no event).
    row("absent namespace", "[{{ event.product.name }}]", R"({"customer":{}})", QStringLiteral("[]"));
    row("delivery_id", "{{ delivery_id }}", "{}", QStringLiteral("unsent"));
    row("syntax error", "{% if customer.vip %}VIP", R"({"customer":{"vip":true}})",
        QStringLiteral("!ParseError"));
}

void TestLiquid::render()
{
    QFETCH(QString, text);
    QFETCH(QString, data);
    QFETCH(QString, expected);
    const RenderResult r = run(text, object(data.toUtf8().constData()));
    if (expected.startsWith(QLatin1Char('!'))) {
        QVERIFY2(!r.ok, qPrintable(QStringLiteral("rendered: ") + r.output));
        QVERIFY(!r.errors.isEmpty());
        QCOMPARE(r.errors.first().kind, expected.mid(1));
        QVERIFY(!r.errors.first().message.isEmpty());
        return;
    }
    QVERIFY2(r.ok, qPrintable(r.errors.value(0).toString()));
    if (expected == QLatin1String("random")) {
        // Deterministic per render (stable previews), different between the two calls of one render.
        const QStringList parts = r.output.split(QLatin1Char('='));
        QCOMPARE(parts.size(), 2);
        QVERIFY(parts[0] != parts[1]);
        QCOMPARE(run(text).output, r.output);
        return;
    }
    if (expected == QLatin1String("countdown")) {
        QVERIFY(r.output.startsWith(
            QLatin1String("<img alt=\"countdown\" src=\"https://cio-preview.invalid/countdown?")));
        QVERIFY(r.output.contains(QLatin1String("point=64")));
        return;
    }
    QCOMPARE(r.output, expected);
}

void TestLiquid::strictAgainstLax()
{
    const QString text = QStringLiteral("Hi {{ customer.first_name }}, {{ customer.points }} points");
    const cio::liquid::JsonData data = object(R"({"customer":{"points":12}})");
    const RenderResult strict = run(text, data, true);
    QVERIFY(!strict.ok);
    QCOMPARE(strict.errors.size(), 1);
    QCOMPARE(strict.errors.first().kind, QStringLiteral("UndefinedVariableError"));
    QVERIFY(strict.errors.first().message.contains(QLatin1String("customer.first_name")));
    QVERIFY(strict.errors.first().message.contains(QLatin1String("fail to send")));
    // Strict still hands the preview a lenient rendering to show beside the error.
    QCOMPARE(strict.output, QStringLiteral("Hi , 12 points"));

    const RenderResult lax = run(text, data, false);
    QVERIFY(lax.ok);
    QCOMPARE(lax.output, QStringLiteral("Hi , 12 points"));

    // Every undefined variable is reported, not just the first.
    const RenderResult two = run(QStringLiteral("{{ customer.a }}\n{{ customer.b }}"), {}, true);
    QCOMPARE(two.errors.size(), 2);
    QCOMPARE(two.errors.at(1).line, 2);
    // Guards that Customer.io accepts pass in strict mode.
    QVERIFY(
        run(QStringLiteral("{% if customer.a %}x{% endif %}{{ customer.a | default: 'y' }}"), {}, true).ok);
}

void TestLiquid::snippets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("v5 plain") << QStringLiteral("{{snippets.address}}") << QStringLiteral("1 Main St");
    QTest::newRow("v6 name with spaces")
        << QStringLiteral("{{snippets[\"main address\"]}}") << QStringLiteral("1 Main St, Springfield");
    QTest::newRow("v7 rendered as a template")
        << QStringLiteral("{{snippets.footer}}") << QStringLiteral("ID 42");
    QTest::newRow("v8 JSON snippet loops")
        << QStringLiteral("{% for g in snippets.random_greetings %}{% if g.version == \"2\" "
                          "%}{{g.greeting}}{% endif %}{% endfor %}")
        << QStringLiteral("Hey there!");
    QTest::newRow("in a subject") << QStringLiteral("{{ snippets.brand }}: news")
                                  << QStringLiteral("<b>Northwind</b>: news");
    QTest::newRow("nested refused") << QStringLiteral("{{ snippets.wrapper }}")
                                    << QStringLiteral("!NestedSnippetError");
    QTest::newRow("unknown snippet") << QStringLiteral("x {{ snippets.nope }}")
                                     << QStringLiteral("!UndefinedVariableError");
    QTest::newRow("strict inside snippet")
        << QStringLiteral("{{ snippets.needs_city }}") << QStringLiteral("!UndefinedVariableError");
}

void TestLiquid::snippets()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QHash<QString, QString> snippets{
        {QStringLiteral("address"), QStringLiteral("1 Main St")},
        {QStringLiteral("main address"), QStringLiteral("1 Main St, Springfield")},
        {QStringLiteral("footer"), QStringLiteral("ID {{customer.id}}")},
        {QStringLiteral("brand"), QStringLiteral("<b>Northwind</b>")},
        {QStringLiteral("random_greetings"),
         QStringLiteral(
             R"([{"version":"0","greeting":"How is your day going?"},{"version":"2","greeting":"Hey there!"}])")},
        {QStringLiteral("wrapper"), QStringLiteral("<div>{{ snippets.footer }}</div>")},
        {QStringLiteral("needs_city"), QStringLiteral("{{ customer.city }}")},
    };
    const RenderResult r = run(text, object(R"({"customer":{"id":"42"}})"), true, snippets);
    if (expected.startsWith(QLatin1Char('!'))) {
        QVERIFY2(!r.ok, qPrintable(r.output));
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.first().kind, expected.mid(1));
        // Reported where the message uses the snippet.
        QCOMPARE(r.errors.first().line, 1);
        QVERIFY(r.errors.first().column > 0);
        if (expected == QLatin1String("!NestedSnippetError"))
            QVERIFY(r.errors.first().message.contains(QLatin1String("cannot contain snippets")));
        if (text.contains(QLatin1String("nope")))
            QVERIFY(r.errors.first().message.contains(QLatin1String("“nope”")) ||
                    r.errors.first().message.contains(QLatin1String("\"nope\"")));
        return;
    }
    QVERIFY2(r.ok, qPrintable(r.errors.value(0).toString()));
    QCOMPARE(r.output, expected);
}

void TestLiquid::errorsCarryTheirPlace()
{
    const RenderResult syntax = run(QStringLiteral("line one\nline two {{ customer.name | }}\n"));
    QVERIFY(!syntax.ok);
    QCOMPARE(syntax.errors.first().line, 2);
    QCOMPARE(syntax.errors.first().column, 13); // liquidjs points at the expression inside {{ }}

    const RenderResult unclosed = run(QStringLiteral("<p>\n\n  {% for x in customer.list %}{{ x }}\n</p>"),
                                      object(R"({"customer":{"list":[1]}})"));
    QVERIFY(!unclosed.ok);
    QCOMPARE(unclosed.errors.first().line, 3);
    QVERIFY(unclosed.errors.first().message.contains(QLatin1String("for")));

    const RenderResult undefinedOne =
        run(QStringLiteral("a\nb\n   {{ customer.eemail }}"), object(R"({"customer":{"email":"x"}})"));
    QCOMPARE(undefinedOne.errors.first().line, 3);
    QCOMPARE(undefinedOne.errors.first().column, 7);
    QVERIFY(undefinedOne.errors.first().toString().startsWith(QLatin1String("line 3, column 7: ")));
}

void TestLiquid::analysis()
{
    const QList<Analysis> list = m_engine->analyzeAndWait(
        {QStringLiteral("Hi {{ customer.first_name }}\n{% if event.vip %}{{ snippets.footer }}{% endif %}"
                        "{% assign n = customer.points | plus: 1 %}{{ n }} {{ snippets[\"main address\"] }}"
                        "<a href=\"{% unsubscribe_url %}\">x</a>"),
         QStringLiteral("{% if %}")});
    QCOMPARE(list.size(), 2);
    const Analysis &a = list.first();
    QVERIFY(a.parsed);
    QStringList variables;
    for (const auto &v : a.variables)
        variables.append(v.name);
    variables.sort();
    QCOMPARE(variables, (QStringList{QStringLiteral("customer.first_name"), QStringLiteral("customer.points"),
                                     QStringLiteral("event.vip")}));
    QCOMPARE(a.variables.first().line, 1);
    QStringList snippetNames;
    for (const auto &s : a.snippets)
        snippetNames.append(s.name);
    QCOMPARE(snippetNames, (QStringList{QStringLiteral("footer"), QStringLiteral("main address")}));
    QStringList tags;
    for (const auto &t : a.tags)
        tags.append(t.name);
    QCOMPARE(tags, (QStringList{QStringLiteral("if"), QStringLiteral("endif"), QStringLiteral("assign"),
                                QStringLiteral("unsubscribe_url")}));
    QCOMPARE(a.tags.first().line, 2);

    const Analysis &broken = list.at(1);
    QVERIFY(!broken.parsed);
    QVERIFY(!broken.errors.isEmpty());
    QCOMPARE(broken.errors.first().line, 1);
}

void TestLiquid::engineSurvivesBadInput()
{
    // Text that would break a naive script splice (quotes, backslashes, line separators, a closing
    // script tag) goes through as data and renders as itself.
    const QString nasty = QStringLiteral("\")}); throw 1; //\\ \u2028\u2029 </script> ' ` ${x}");
    const RenderResult r = run(nasty);
    QVERIFY2(r.ok, qPrintable(r.errors.value(0).message));
    QCOMPARE(r.output, nasty);
    // A deeply nested template still answers (with an error or a result), and the engine goes on.
    QString deep;
    for (int i = 0; i < 500; ++i)
        deep += QStringLiteral("{% if true %}");
    const RenderResult deepResult = run(deep);
    QVERIFY(!deepResult.ok);
    QCOMPARE(run(QStringLiteral("{{ 2 | times: 3 }}")).output, QStringLiteral("6"));
}

CIO_WEBENGINE_TEST_MAIN(TestLiquid)

#include "tst_liquid.moc"
