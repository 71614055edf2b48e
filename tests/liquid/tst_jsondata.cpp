// JsonData: a JSON object that keeps its members in the order they were written, because Liquid must
// see data in its own order and QJsonObject sorts keys.
#include "liquid/jsondata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using cio::liquid::JsonData;

class TestJsonData : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheOrderItWasWrittenIn();
    void refusesWhatIsNotAnObject();
    void membersAndEdits();
    void indentedKeepsOrderAndStrings();
    void arrayElements();
    void equalityIgnoresLayoutNotOrder();
};

void TestJsonData::keepsTheOrderItWasWrittenIn()
{
    const QByteArray text = R"({ "zeta": 1, "alpha": {"y": [3, {"b": 1, "a": 2}], "x": null}, "mid": "m" })";
    const auto data = JsonData::fromText(text);
    QVERIFY(data);
    QCOMPARE(data->text(), text);
    QCOMPARE(data->compact(), QByteArray(R"({"zeta":1,"alpha":{"y":[3,{"b":1,"a":2}],"x":null},"mid":"m"})"));
    const QList<JsonData::Member> members = data->members();
    QCOMPARE(members.size(), 3);
    QCOMPARE(members.at(0).key, QStringLiteral("zeta"));
    QCOMPARE(members.at(1).key, QStringLiteral("alpha"));
    QCOMPARE(members.at(1).value, QByteArray(R"({"y":[3,{"b":1,"a":2}],"x":null})"));
    QCOMPARE(members.at(2).key, QStringLiteral("mid"));
    // QJsonObject would have sorted them: the reason this class exists.
    QCOMPARE(QJsonDocument(data->object()).toJson(QJsonDocument::Compact).left(8), QByteArray(R"({"alpha")"));
    // The values read back the same.
    QCOMPARE(data->value(QStringLiteral("mid")).toString(), QStringLiteral("m"));
    QVERIFY(data->contains(QStringLiteral("zeta")));
    QVERIFY(!data->contains(QStringLiteral("y")));
}

void TestJsonData::refusesWhatIsNotAnObject()
{
    QVERIFY(!JsonData::fromText("[1, 2]"));
    QVERIFY(!JsonData::fromText("42"));
    QVERIFY(!JsonData::fromText(R"({"a": )"));
    QVERIFY(!JsonData::fromText(""));
    QJsonParseError error;
    QVERIFY(!JsonData::fromText(R"({"a" 1})", &error));
    QVERIFY(error.error != QJsonParseError::NoError);
    QVERIFY(JsonData().isEmpty());
    QCOMPARE(JsonData().compact(), QByteArray("{}"));
}

void TestJsonData::membersAndEdits()
{
    // Keys with quotes, escapes and non-ASCII text; strings holding braces, commas and colons.
    const QByteArray text = R"({"na\"me": "a,b:{c}", "ünï": "x\\\"y", "list": ["}", "]"]})";
    const auto data = JsonData::fromText(text);
    QVERIFY(data);
    const QList<JsonData::Member> members = data->members();
    QCOMPARE(members.size(), 3);
    QCOMPARE(members.at(0).key, QStringLiteral("na\"me"));
    QCOMPARE(members.at(0).value, QByteArray(R"("a,b:{c}")"));
    QCOMPARE(members.at(1).key, QStringLiteral("ünï"));
    QCOMPARE(members.at(2).value, QByteArray(R"(["}","]"])"));

    const JsonData replaced = data->with(QStringLiteral("ünï"), cio::liquid::jsonText(QStringLiteral("new")));
    QCOMPARE(replaced.members().at(1).key, QStringLiteral("ünï")); // in its place
    QCOMPARE(replaced.value(QStringLiteral("ünï")).toString(), QStringLiteral("new"));
    const JsonData appended = replaced.with(QStringLiteral("added"), "true");
    QCOMPARE(appended.members().last().key, QStringLiteral("added"));
    const JsonData removed = appended.without(QStringLiteral("na\"me"));
    QCOMPARE(removed.members().size(), 3);
    QCOMPARE(removed.members().first().key, QStringLiteral("ünï"));
    QVERIFY(JsonData::fromText(removed.compact())); // still valid JSON

    // Editing one member leaves the others as written: a key spelled with escapes keeps its spelling,
    // so data that was only put back together is still equal to what was read (found by fuzz_jsondata).
    const auto escaped = JsonData::fromText(R"({"k\u00e9y": 1, "b": 2})");
    QVERIFY(escaped);
    QCOMPARE(JsonData::fromMembers(escaped->members()), *escaped);
    QCOMPARE(escaped->without(QStringLiteral("none")), *escaped);
    QVERIFY(escaped->with(QStringLiteral("b"), "3").compact().startsWith(R"({"k\u00e9y":1)"));
}

void TestJsonData::indentedKeepsOrderAndStrings()
{
    const auto data = JsonData::fromText(R"({"b":{"d":[],"c":{}},"a":[1,"x, y: {z}"]})");
    QVERIFY(data);
    const QString expected = QStringLiteral("{\n"
                                            "    \"b\": {\n"
                                            "        \"d\": [],\n"
                                            "        \"c\": {}\n"
                                            "    },\n"
                                            "    \"a\": [\n"
                                            "        1,\n"
                                            "        \"x, y: {z}\"\n"
                                            "    ]\n"
                                            "}");
    QCOMPARE(data->indented(), expected);
    QCOMPARE(JsonData::fromText(expected.toUtf8())->compact(), data->compact());
}

void TestJsonData::arrayElements()
{
    // Bytes that are not UTF-8 are refused, not kept to turn into U+FFFD later (found by fuzz_jsondata).
    QVERIFY(!JsonData::fromText("{\"w\": \"\\\xd7u2028\"}"));

    const QList<QByteArray> elements =
        cio::liquid::jsonArrayElements(R"([ {"z": 1, "a": 2}, "s,]", [1, [2]], 3.5, null ])");
    QCOMPARE(elements.size(), 5);
    QCOMPARE(elements.at(0), QByteArray(R"({"z":1,"a":2})"));
    QCOMPARE(elements.at(1), QByteArray(R"("s,]")"));
    QCOMPARE(elements.at(2), QByteArray("[1,[2]]"));
    QCOMPARE(elements.at(3), QByteArray("3.5"));
    QCOMPARE(elements.at(4), QByteArray("null"));
    QVERIFY(cio::liquid::jsonArrayElements("[]").isEmpty());
    QVERIFY(cio::liquid::jsonArrayElements(R"({"a": 1})").isEmpty());
    // Not a list: read nothing, and come back (this looped for ever, found by fuzz_jsondata).
    QVERIFY(cio::liquid::jsonArrayElements(R"([1, {"a": 2}}, 3])").isEmpty());
}

void TestJsonData::equalityIgnoresLayoutNotOrder()
{
    QCOMPARE(*JsonData::fromText("{ \"a\" : 1 ,\n \"b\": \"x y\" }"), *JsonData::fromText(R"({"a":1,"b":"x y"})"));
    QVERIFY(*JsonData::fromText(R"({"a":1,"b":2})") != *JsonData::fromText(R"({"b":2,"a":1})"));
    QVERIFY(*JsonData::fromText(R"({"a":"x y"})") != *JsonData::fromText(R"({"a":"xy"})"));
    QCOMPARE(JsonData::fromMembers({{QStringLiteral("k"), "1"}, {QStringLiteral("j"), "[]"}}).compact(),
             QByteArray(R"({"k":1,"j":[]})"));
}

QTEST_GUILESS_MAIN(TestJsonData)

#include "tst_jsondata.moc"
