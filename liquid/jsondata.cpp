#include "liquid/jsondata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QUtf8StringView>

namespace cio::liquid {

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Past the string that starts at `i` (on its opening quote).
qsizetype stringEnd(const QByteArray &s, qsizetype i)
{
    for (++i; i < s.size(); ++i) {
        if (s.at(i) == '\\')
            ++i;
        else if (s.at(i) == '"')
            return i + 1;
    }
    return s.size();
}

// Past the value that starts at `i` in compact text.
qsizetype valueEnd(const QByteArray &s, qsizetype i)
{
    if (i >= s.size())
        return i;
    if (s.at(i) == '"')
        return stringEnd(s, i);
    if (s.at(i) == '{' || s.at(i) == '[') {
        int depth = 0;
        while (i < s.size()) {
            const char c = s.at(i);
            if (c == '"') {
                i = stringEnd(s, i);
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return i + 1;
            ++i;
        }
        return i;
    }
    while (i < s.size() && s.at(i) != ',' && s.at(i) != '}' && s.at(i) != ']')
        ++i;
    return i;
}

QString decodeKey(const QByteArray &quoted)
{
    return QJsonDocument::fromJson('[' + quoted + ']').array().at(0).toString();
}

QByteArray quoteKey(const QString &key)
{
    QByteArray array = QJsonDocument(QJsonArray{key}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

JsonData::JsonData()
    : m_text(QByteArrayLiteral("{}"))
{}

std::optional<JsonData> JsonData::fromText(const QByteArray &utf8, QJsonParseError *error)
{
    QJsonParseError parseError;
    // Qt's parser lets bytes that are not UTF-8 through inside strings; kept as text, they would turn
    // into U+FFFD on the way to the editor and break an escape next to them (found by fuzz_jsondata).
    if (!QUtf8StringView(utf8).isValidUtf8()) {
        parseError.error = QJsonParseError::IllegalUTF8String;
        parseError.offset = 0;
        if (error)
            *error = parseError;
        return std::nullopt;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &parseError);
    if (error)
        *error = parseError;
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return JsonData(utf8);
}

JsonData JsonData::fromObject(const QJsonObject &object)
{
    return JsonData(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

JsonData JsonData::fromMembers(const QList<Member> &members)
{
    QByteArray text("{");
    for (const Member &member : members) {
        if (text.size() > 1)
            text += ',';
        // A member read from a text keeps its key's spelling unless the key was changed since.
        const bool spelled = !member.spelling.isEmpty() && decodeKey(member.spelling) == member.key;
        text += (spelled ? member.spelling : quoteKey(member.key)) + ':' +
                (member.value.isEmpty() ? QByteArrayLiteral("null") : member.value);
    }
    text += '}';
    return JsonData(text);
}

QByteArray JsonData::compact() const
{
    return compactJson(m_text);
}

QString JsonData::indented() const
{
    const QByteArray s = compact();
    QByteArray out;
    int depth = 0;
    const auto newline = [&] { out += '\n' + QByteArray(depth * 4, ' '); };
    for (qsizetype i = 0; i < s.size();) {
        const char c = s.at(i);
        if (c == '"') {
            const qsizetype end = stringEnd(s, i);
            out += s.mid(i, end - i);
            i = end;
            continue;
        }
        if ((c == '{' || c == '[') && i + 1 < s.size() && (s.at(i + 1) == '}' || s.at(i + 1) == ']')) {
            out += s.mid(i, 2); // {} and [] stay together
            i += 2;
            continue;
        }
        if (c == '{' || c == '[') {
            out += c;
            ++depth;
            newline();
        } else if (c == '}' || c == ']') {
            --depth;
            newline();
            out += c;
        } else if (c == ',') {
            out += c;
            newline();
        } else if (c == ':') {
            out += ": ";
        } else {
            out += c;
        }
        ++i;
    }
    return QString::fromUtf8(out);
}

QList<JsonData::Member> JsonData::members() const
{
    QList<Member> list;
    const QByteArray s = compact();
    qsizetype i = 1; // past {
    while (i < s.size() && s.at(i) == '"') {
        const qsizetype keyEnd = stringEnd(s, i);
        const QByteArray spelling = s.mid(i, keyEnd - i);
        i = keyEnd + 1; // past :
        const qsizetype end = valueEnd(s, i);
        list.append({decodeKey(spelling), s.mid(i, end - i), spelling});
        i = end;
        if (i < s.size() && s.at(i) == ',')
            ++i;
    }
    return list;
}

QJsonObject JsonData::object() const
{
    return QJsonDocument::fromJson(m_text).object();
}

bool JsonData::isEmpty() const
{
    return compact() == "{}";
}

bool JsonData::contains(const QString &key) const
{
    for (const Member &member : members()) {
        if (member.key == key)
            return true;
    }
    return false;
}

QJsonValue JsonData::value(const QString &key) const
{
    return object().value(key);
}

JsonData JsonData::with(const QString &key, const QByteArray &jsonValue) const
{
    QList<Member> list = members();
    bool replaced = false;
    for (Member &member : list) {
        if (member.key == key) {
            member.value = jsonValue;
            replaced = true;
        }
    }
    if (!replaced)
        list.append({key, jsonValue});
    return fromMembers(list);
}

JsonData JsonData::without(const QString &key) const
{
    QList<Member> list = members();
    list.removeIf([&key](const Member &member) { return member.key == key; });
    return fromMembers(list);
}

QByteArray compactJson(const QByteArray &utf8)
{
    QByteArray out;
    out.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size();) {
        const char c = utf8.at(i);
        if (c == '"') {
            const qsizetype end = stringEnd(utf8, i);
            out += utf8.mid(i, end - i);
            i = end;
        } else {
            if (!isJsonSpace(c))
                out += c;
            ++i;
        }
    }
    return out;
}

QList<QByteArray> jsonArrayElements(const QByteArray &utf8)
{
    QList<QByteArray> list;
    const QByteArray s = compactJson(utf8);
    if (!s.startsWith('['))
        return list;
    qsizetype i = 1;
    while (i < s.size() && s.at(i) != ']') {
        const qsizetype end = valueEnd(s, i);
        // Text that is not a JSON list (a stray '}' where a value should be) ends the reading here
        // instead of looping on the same place (found by fuzz_jsondata).
        if (end <= i)
            return {};
        list.append(s.mid(i, end - i));
        i = end;
        if (i < s.size() && s.at(i) == ',')
            ++i;
    }
    return list;
}

QByteArray jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace cio::liquid
