#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace cio::api::json {

// Lenient readers for the DTOs. The vendor schemas under-declare nulls and mix types (ids as
// strings, booleans as strings), so a wrong type or null counts as "no value" instead of failing,
// and numbers are accepted in string form. Every key seen is recorded in *present.
// How a field is written (reading accepts every form).
enum class Form
{
    Plain,
    IdsAsStrings, // an id list written as strings (the contract's form for test groups' content ids)
    NullWhenEmpty // a string or list that is "…|null": an empty one the source had goes back as null
};

// A DTO names its fields once, in a function template called with a Reader (which fills them) or a
// Writer (which writes them): `io.field(key, member)` for each, with the member's own type choosing
// how it is read or written.
class Reader final
{
public:
    Reader(const QJsonObject &object, QSet<QString> *present);

    void field(const QString &key, QString &out, Form = Form::Plain) const { out = string(key); }
    void field(const QString &key, qint64 &out, Form = Form::Plain) const { out = integer(key); }
    void field(const QString &key, std::optional<qint64> &out, Form = Form::Plain) const
    {
        out = optionalInteger(key);
    }
    void field(const QString &key, bool &out, Form = Form::Plain) const { out = boolean(key); }
    void field(const QString &key, QList<qint64> &out, Form = Form::Plain) const { out = integers(key); }
    void field(const QString &key, QStringList &out, Form = Form::Plain) const { out = strings(key); }

    QString string(const QString &key) const;
    qint64 integer(const QString &key) const;
    std::optional<qint64> optionalInteger(const QString &key) const;
    bool boolean(const QString &key) const;
    QList<qint64> integers(const QString &key) const;
    QStringList strings(const QString &key) const;
    QJsonValue value(const QString &key) const;

private:
    QJsonValue take(const QString &key) const;

    const QJsonObject &m_object;
    QSet<QString> *m_present;
};

// Writes a field when it has a value or when the source object had the key, so fromJson → toJson
// keeps the object's shape while a freshly built DTO emits only what was set.
class Writer final
{
public:
    explicit Writer(const QSet<QString> &present);

    void field(const QString &key, const QString &value, Form form = Form::Plain);
    void field(const QString &key, qint64 value, Form = Form::Plain) { integer(key, value); }
    void field(const QString &key, const std::optional<qint64> &value, Form = Form::Plain)
    {
        optionalInteger(key, value);
    }
    void field(const QString &key, bool value, Form = Form::Plain) { boolean(key, value); }
    void field(const QString &key, const QList<qint64> &values, Form form = Form::Plain)
    {
        integers(key, values, form == Form::IdsAsStrings);
    }
    void field(const QString &key, const QStringList &values, Form form = Form::Plain)
    {
        strings(key, values, form == Form::NullWhenEmpty);
    }

    void string(const QString &key, const QString &value);
    void integer(const QString &key, qint64 value);
    void optionalInteger(const QString &key, const std::optional<qint64> &value); // null if seen as null
    void boolean(const QString &key, bool value);
    void integers(const QString &key, const QList<qint64> &values, bool asStrings = false);
    // nullWhenEmpty: for array|null fields, an empty list the source had is written as null.
    void strings(const QString &key, const QStringList &values, bool nullWhenEmpty = false);
    void value(const QString &key, const QJsonValue &value);

    QJsonObject result() const { return m_object; }

private:
    bool had(const QString &key) const { return m_present.contains(key); }

    const QSet<QString> &m_present;
    QJsonObject m_object;
};

std::optional<qint64> toInteger(const QJsonValue &v);

} // namespace cio::api::json
