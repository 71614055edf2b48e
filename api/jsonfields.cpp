#include "api/jsonfields.h"

#include <cmath>

namespace cio::api::json {

std::optional<qint64> toInteger(const QJsonValue &v)
{
    if (v.isDouble()) {
        // A number no qint64 holds is no id, count or time: not an integer at all rather than undefined
        // behaviour on conversion (found by fuzz_dto).
        const double d = v.toDouble();
        if (!std::isfinite(d) || d <= -9.2e18 || d >= 9.2e18)
            return std::nullopt;
        return qint64(d);
    }
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

Reader::Reader(const QJsonObject &object, QSet<QString> *present)
    : m_object(object)
    , m_present(present)
{}

QJsonValue Reader::take(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    if (!v.isUndefined() && m_present)
        m_present->insert(key);
    return v;
}

QJsonValue Reader::value(const QString &key) const
{
    return take(key);
}

QString Reader::string(const QString &key) const
{
    const QJsonValue v = take(key);
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

qint64 Reader::integer(const QString &key) const
{
    return toInteger(take(key)).value_or(0);
}

std::optional<qint64> Reader::optionalInteger(const QString &key) const
{
    return toInteger(take(key));
}

bool Reader::boolean(const QString &key) const
{
    const QJsonValue v = take(key);
    if (v.isString())
        return v.toString().trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    if (v.isDouble())
        return v.toDouble() != 0;
    return v.toBool(false);
}

QList<qint64> Reader::integers(const QString &key) const
{
    QList<qint64> out;
    const QJsonArray a = take(key).toArray();
    for (const QJsonValue &item : a) {
        if (const auto n = toInteger(item))
            out.append(*n);
    }
    return out;
}

QStringList Reader::strings(const QString &key) const
{
    QStringList out;
    const QJsonArray a = take(key).toArray();
    for (const QJsonValue &item : a) {
        if (item.isString())
            out.append(item.toString());
    }
    return out;
}

Writer::Writer(const QSet<QString> &present)
    : m_present(present)
{}

void Writer::string(const QString &key, const QString &value)
{
    if (!value.isEmpty() || had(key))
        m_object.insert(key, value);
}

void Writer::field(const QString &key, const QString &value, Form form)
{
    if (form != Form::NullWhenEmpty)
        string(key, value);
    else if (!value.isEmpty())
        m_object.insert(key, value);
    else if (had(key))
        m_object.insert(key, QJsonValue::Null);
}

void Writer::integer(const QString &key, qint64 value)
{
    if (value != 0 || had(key))
        m_object.insert(key, value);
}

void Writer::optionalInteger(const QString &key, const std::optional<qint64> &value)
{
    if (value)
        m_object.insert(key, *value);
    else if (had(key))
        m_object.insert(key, QJsonValue::Null);
}

void Writer::boolean(const QString &key, bool value)
{
    if (value || had(key))
        m_object.insert(key, value);
}

void Writer::integers(const QString &key, const QList<qint64> &values, bool asStrings)
{
    if (values.isEmpty() && !had(key))
        return;
    QJsonArray a;
    for (qint64 v : values)
        a.append(asStrings ? QJsonValue(QString::number(v)) : QJsonValue(v));
    m_object.insert(key, a);
}

void Writer::strings(const QString &key, const QStringList &values, bool nullWhenEmpty)
{
    if (values.isEmpty() && had(key) && nullWhenEmpty)
        m_object.insert(key, QJsonValue::Null);
    else if (!values.isEmpty() || had(key))
        m_object.insert(key, QJsonArray::fromStringList(values));
}

void Writer::value(const QString &key, const QJsonValue &value)
{
    if (!value.isUndefined())
        m_object.insert(key, value);
}

} // namespace cio::api::json
