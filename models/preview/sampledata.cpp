#include "models/preview/sampledata.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

namespace cio::models {

namespace {

// This file's texts, under one translation context that lupdate reads from the declaration.
struct SampleDataText
{
    Q_DECLARE_TR_FUNCTIONS(cio::models::SampleData)
};

QString setsKey()
{
    return QStringLiteral("sample_sets");
}

// Members of an exported set that describe the set rather than belong to its data.
QString nameKey()
{
    return QStringLiteral("name");
}

QString languageKey()
{
    return QStringLiteral("language");
}

QString defaultKey()
{
    return QStringLiteral("default");
}

// LocalStore binds a null QString as SQL NULL, which the NOT NULL language column refuses; "any
// language" has to reach it as an empty but non-null string.
QString storable(const QString &language)
{
    return language.isNull() ? QStringLiteral("") : language;
}

struct Place
{
    int line = 1;
    int column = 1;
};

// QJsonParseError::offset counts UTF-8 bytes; people count lines and characters.
Place placeOf(const QByteArray &utf8, qsizetype byteOffset)
{
    const QByteArray before = utf8.left(qBound<qsizetype>(0, byteOffset, utf8.size()));
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    Place place;
    place.line = int(before.count('\n')) + 1;
    // Code points, so a character outside the BMP counts once.
    place.column = int(QString::fromUtf8(before.mid(lineStart)).toUcs4().size()) + 1;
    return place;
}

// Qt's parser reports most token errors just past the character it could not use; the user wants to
// be shown that character. At the end of the text, the place to show is after its last character, not
// on the blank lines that may follow.
qsizetype errorByte(const QByteArray &utf8, const QJsonParseError &error)
{
    qsizetype end = utf8.size();
    while (end > 0 && QChar::isSpace(uchar(utf8.at(end - 1))))
        --end;
    if (error.offset >= end)
        return end;
    switch (error.error) {
    case QJsonParseError::UnterminatedObject:
    case QJsonParseError::MissingNameSeparator:
    case QJsonParseError::UnterminatedArray:
    case QJsonParseError::MissingValueSeparator:
    case QJsonParseError::IllegalValue:
    case QJsonParseError::MissingObject:
        return qMax<qsizetype>(0, error.offset - 1);
    default:
        return error.offset;
    }
}

QString describe(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::NoError:
        break;
    case QJsonParseError::UnterminatedObject:
        return SampleDataText::tr("a comma or } is missing");
    case QJsonParseError::MissingNameSeparator:
        return SampleDataText::tr("a colon (:) is missing after the name");
    case QJsonParseError::UnterminatedArray:
        return SampleDataText::tr("a comma or ] is missing");
    case QJsonParseError::MissingValueSeparator:
        return SampleDataText::tr("a comma is missing between two values");
    case QJsonParseError::IllegalValue:
        return SampleDataText::tr("this is not a value (text needs \"double quotes\"; true, false and null are lower case)");
    case QJsonParseError::TerminationByNumber:
        return SampleDataText::tr("the text ends after a number; a } or ] is missing");
    case QJsonParseError::IllegalNumber:
        return SampleDataText::tr("this is not a valid number or value (text needs \"double quotes\")");
    case QJsonParseError::IllegalEscapeSequence:
        return SampleDataText::tr("a backslash starts an unknown escape (use \\n, \\\", \\\\ or \\uXXXX)");
    case QJsonParseError::IllegalUTF8String:
        return SampleDataText::tr("a text contains bytes that are not valid UTF-8");
    case QJsonParseError::UnterminatedString:
        return SampleDataText::tr("a text is not closed: a \" is missing");
    case QJsonParseError::MissingObject:
        return SampleDataText::tr("something is missing after the comma (a trailing comma is not allowed)");
    case QJsonParseError::DeepNesting:
        return SampleDataText::tr("the data is nested too deeply");
    case QJsonParseError::DocumentTooLarge:
        return SampleDataText::tr("the data is too large");
    case QJsonParseError::GarbageAtEnd:
        return SampleDataText::tr("there is more text after the end of the object");
    }
    return SampleDataText::tr("the JSON is not valid");
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Array:
        return SampleDataText::tr("a list ([ … ])");
    case QJsonValue::String:
        return SampleDataText::tr("a text");
    case QJsonValue::Double:
        return SampleDataText::tr("a number");
    case QJsonValue::Bool:
        return SampleDataText::tr("true or false");
    case QJsonValue::Null:
        return SampleDataText::tr("null");
    case QJsonValue::Object:
        return SampleDataText::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return SampleDataText::tr("nothing");
}

// The members Liquid reads as objects must be objects; empty when they are (or are absent).
QString sectionProblem(const QJsonObject &data)
{
    for (const char *section : {"customer", "event", "trigger"}) {
        const QJsonValue value = data.value(QLatin1String(section));
        if (!value.isUndefined() && !value.isObject())
            return SampleDataText::tr("“%1” must be an object in { }, not %2.").arg(QLatin1String(section), typeName(value));
    }
    return {};
}

QString syntaxMessage(const QByteArray &utf8, const QJsonParseError &error, int *line, int *column)
{
    const Place place = placeOf(utf8, errorByte(utf8, error));
    *line = place.line;
    *column = place.column;
    return SampleDataText::tr("Line %1, column %2: %3").arg(place.line).arg(place.column).arg(describe(error.error));
}

} // namespace

std::optional<liquid::JsonData> parseSampleData(const QString &text, SampleDataProblem *problem)
{
    SampleDataProblem found;
    const auto refuse = [&](const QString &message) -> std::optional<liquid::JsonData> {
        found.message = message;
        if (problem)
            *problem = found;
        return std::nullopt;
    };

    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return refuse(SampleDataText::tr("The sample data is empty: write a JSON object such as {\"customer\": {}}."));
    const QByteArray utf8 = text.toUtf8();
    // Qt reports a bare number or text at the top as an unreadable value; the user needs to hear
    // what is wanted instead.
    if (trimmed.front() != QLatin1Char('{') && trimmed.front() != QLatin1Char('[')) {
        qsizetype first = 0;
        while (text.at(first).isSpace())
            ++first;
        const Place place = placeOf(utf8, text.left(first).toUtf8().size());
        found.line = place.line;
        found.column = place.column;
        return refuse(SampleDataText::tr("Line %1, column %2: the sample data must be a JSON object in { }.")
                          .arg(place.line)
                          .arg(place.column));
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError)
        return refuse(syntaxMessage(utf8, error, &found.line, &found.column));
    if (!doc.isObject())
        return refuse(SampleDataText::tr("The sample data must be a JSON object in { }, not a list ([ … ])."));
    if (const QString why = sectionProblem(doc.object()); !why.isEmpty())
        return refuse(why);
    if (problem)
        *problem = SampleDataProblem();
    // The text itself, not the document: Liquid sees the members in the order they were written.
    return liquid::JsonData::fromText(utf8);
}

QList<SampleSet> sampleSetsFromJson(const QByteArray &fileContent, QString *error)
{
    const auto refuse = [error](const QString &why) {
        if (error)
            *error = why;
        return QList<SampleSet>();
    };

    if (fileContent.trimmed().isEmpty())
        return refuse(SampleDataText::tr("The file is empty."));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(fileContent, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        int line = 0;
        int column = 0;
        return refuse(
            SampleDataText::tr("The file is not valid JSON. %1").arg(syntaxMessage(fileContent, parseError, &line, &column)));
    }

    // The sets' texts as well as their values: members keep the order the file gives them.
    QJsonArray list;
    QList<QByteArray> texts;
    if (doc.isArray()) {
        list = doc.array();
        texts = liquid::jsonArrayElements(fileContent);
    } else if (doc.object().contains(setsKey())) {
        const QJsonValue sets = doc.object().value(setsKey());
        if (!sets.isArray())
            return refuse(SampleDataText::tr("“sample_sets” must be a list of sets ([ … ]), not %1.").arg(typeName(sets)));
        list = sets.toArray();
        const auto top = liquid::JsonData::fromText(fileContent);
        for (const liquid::JsonData::Member &member : top ? top->members() : QList<liquid::JsonData::Member>()) {
            if (member.key == setsKey())
                texts = liquid::jsonArrayElements(member.value);
        }
    } else {
        list.append(doc.object());
        texts.append(liquid::compactJson(fileContent));
    }
    if (list.isEmpty())
        return refuse(SampleDataText::tr("The file contains no sample-data sets."));

    // Made-up names must not collide with names the file gives.
    QSet<QString> givenNames;
    for (const QJsonValue &value : std::as_const(list))
        givenNames.insert(value.toObject().value(nameKey()).toString().trimmed());
    int unnamed = 0;
    bool haveDefault = false;

    QList<SampleSet> sets;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonValue value = list.at(i);
        const QString which = SampleDataText::tr("Set %1").arg(i + 1);
        if (!value.isObject())
            return refuse(SampleDataText::tr("%1 is %2, not an object ({ … }).").arg(which, typeName(value)));
        QJsonObject data = value.toObject();
        SampleSet set;

        const QJsonValue name = data.take(nameKey());
        if (name.isString() && !name.toString().trimmed().isEmpty()) {
            set.name = name.toString().trimmed();
        } else if (name.isUndefined() || name.isNull() || name.isString()) {
            do {
                set.name = SampleDataText::tr("Imported %1").arg(++unnamed);
            } while (givenNames.contains(set.name));
        } else {
            return refuse(SampleDataText::tr("%1: its name must be a text, not %2.").arg(which, typeName(name)));
        }

        const QJsonValue language = data.take(languageKey());
        if (!language.isString() && !language.isUndefined() && !language.isNull())
            return refuse(
                SampleDataText::tr("Set “%1”: its language must be a text, not %2.").arg(set.name, typeName(language)));
        set.language = storable(language.toString().trimmed());

        const QJsonValue isDefault = data.take(defaultKey());
        if (!isDefault.isUndefined() && !isDefault.isNull() && !isDefault.isBool())
            return refuse(SampleDataText::tr("Set “%1”: “default” must be true or false.").arg(set.name));
        // One default only: the first set that claims it.
        set.isDefault = isDefault.toBool() && !haveDefault;
        haveDefault = haveDefault || set.isDefault;

        if (const QString why = sectionProblem(data); !why.isEmpty())
            return refuse(SampleDataText::tr("Set “%1”: %2").arg(set.name, why));
        set.data = liquid::JsonData::fromText(texts.value(i))
                       .value_or(liquid::JsonData::fromObject(data))
                       .without(nameKey())
                       .without(languageKey())
                       .without(defaultKey());
        sets.append(set);
    }
    if (error)
        error->clear();
    return sets;
}

QByteArray sampleSetsToJson(const QList<SampleSet> &sets)
{
    // By hand, not through QJsonObject: each set's data keeps its own member order.
    QList<QByteArray> list;
    for (const SampleSet &set : sets) {
        QList<liquid::JsonData::Member> members{{nameKey(), liquid::jsonText(set.name)},
                                                {languageKey(), liquid::jsonText(set.language)}};
        if (set.isDefault)
            members.append({defaultKey(), QByteArrayLiteral("true")});
        for (const liquid::JsonData::Member &member : set.data.members()) {
            if (member.key != nameKey() && member.key != languageKey() && member.key != defaultKey())
                members.append(member);
        }
        list.append(liquid::JsonData::fromMembers(members).compact());
    }
    const liquid::JsonData file =
        liquid::JsonData::fromMembers({{setsKey(), '[' + list.join(',') + ']'}});
    return file.indented().toUtf8() + '\n';
}

int ensureSampleSets(LocalStore *store, const QList<SampleSet> &seed)
{
    if (!store || !store->isOpen() || !store->sampleSets().isEmpty())
        return 0;
    qsizetype defaultIndex = 0;
    for (qsizetype i = 0; i < seed.size(); ++i) {
        if (seed.at(i).isDefault) {
            defaultIndex = i;
            break;
        }
    }
    int added = 0;
    for (qsizetype i = 0; i < seed.size(); ++i) {
        SampleSet set = seed.at(i);
        set.id = 0;
        set.language = storable(set.language);
        set.isDefault = i == defaultIndex;
        if (store->saveSampleSet(set) != 0)
            ++added;
    }
    return added;
}

QList<SampleSet> starterSampleSets()
{
    SampleSet set;
    set.name = SampleDataText::tr("Sample customer");
    set.language = storable(QString()); // any
    set.isDefault = true;
    // Written out so the members come in the order a person would list them (created_at: 2024-01-01).
    set.data = *liquid::JsonData::fromText(QByteArrayLiteral(R"({
    "customer": {
        "id": "sample-1",
        "email": "alex.morgan@example.com",
        "first_name": "Alex",
        "last_name": "Morgan",
        "created_at": 1704067200,
        "plan": "basic",
        "language": "en"
    },
    "event": {},
    "trigger": {}
})"));
    return {set};
}

} // namespace cio::models
