#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

class QJsonParseError;

namespace cio::liquid {

// A JSON object kept as its text, so its members stay in the order they were written. QJsonObject
// sorts its keys, and Liquid must see data in its own order: `{{ x | json }}`, `to_json` and
// `{% for pair in object %}` print members as the data lists them. Sample data, imported sets and
// everything else that reaches the renderer travels as a JsonData; object() is for reading values
// where order does not matter.
class JsonData final
{
public:
    struct Member
    {
        QString key;
        QByteArray value; // the member's value as compact JSON text
        // The key as the text spells it (quotes and escapes: "k\u00e9y"), so that members put back
        // together read as they were written; empty for members made in code.
        QByteArray spelling;
    };

    JsonData(); // {}

    // The text must hold one JSON object; anything else (a list, a number, broken JSON) gives nullopt.
    static std::optional<JsonData> fromText(const QByteArray &utf8, QJsonParseError *error = nullptr);
    // For data made in code, which has no order of its own: members in QJsonObject's (sorted) order.
    static JsonData fromObject(const QJsonObject &object);
    static JsonData fromMembers(const QList<Member> &members);

    // The text as it was given (whitespace and all), for showing and storing.
    QByteArray text() const { return m_text; }
    // Without whitespace outside strings; what the renderer gets and what equality compares.
    QByteArray compact() const;
    // Four-space indented, members in their order.
    QString indented() const;

    QList<Member> members() const;
    QJsonObject object() const; // member order is lost
    bool isEmpty() const;
    bool contains(const QString &key) const;
    QJsonValue value(const QString &key) const;

    // A copy with `key` set to `jsonValue` (compact JSON text) in its place, or appended when new.
    JsonData with(const QString &key, const QByteArray &jsonValue) const;
    JsonData without(const QString &key) const;

    bool operator==(const JsonData &other) const { return compact() == other.compact(); }
    bool operator!=(const JsonData &other) const { return !(*this == other); }

private:
    explicit JsonData(QByteArray text)
        : m_text(std::move(text))
    {}
    QByteArray m_text;
};

// `value` as compact JSON text (a string, number, object…), for JsonData::with().
QByteArray jsonText(const QJsonValue &value);
// Valid JSON text without whitespace outside its strings; the order of everything is kept.
QByteArray compactJson(const QByteArray &utf8);
// The elements of a JSON list (valid JSON text of an array) as compact texts, in order.
QList<QByteArray> jsonArrayElements(const QByteArray &utf8);

} // namespace cio::liquid

Q_DECLARE_METATYPE(cio::liquid::JsonData)
