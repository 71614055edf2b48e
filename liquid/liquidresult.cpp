#include "liquid/liquidresult.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace cio::liquid {

namespace {

template <typename T> QList<T> listFromJson(const QJsonValue &value)
{
    QList<T> list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array)
        list.append(T::fromJson(item.toObject()));
    return list;
}

} // namespace

LiquidError LiquidError::fromJson(const QJsonObject &o)
{
    return {o.value(QLatin1String("kind")).toString(), o.value(QLatin1String("message")).toString(),
            o.value(QLatin1String("line")).toInt(), o.value(QLatin1String("column")).toInt()};
}

QString LiquidError::toString() const
{
    if (line <= 0)
        return message;
    return QCoreApplication::translate("cio::liquid::LiquidError", "line %1, column %2: %3")
        .arg(line)
        .arg(column)
        .arg(message);
}

Reference Reference::fromJson(const QJsonObject &o)
{
    return {o.value(QLatin1String("name")).toString(), o.value(QLatin1String("line")).toInt(),
            o.value(QLatin1String("column")).toInt()};
}

Analysis Analysis::fromJson(const QJsonObject &o)
{
    Analysis a;
    a.parsed = o.value(QLatin1String("ok")).toBool();
    a.errors = listFromJson<LiquidError>(o.value(QLatin1String("errors")));
    a.variables = listFromJson<Reference>(o.value(QLatin1String("variables")));
    a.tags = listFromJson<Reference>(o.value(QLatin1String("tags")));
    a.snippets = listFromJson<Reference>(o.value(QLatin1String("snippets")));
    return a;
}

RenderResult RenderResult::fromJson(const QJsonObject &o)
{
    RenderResult r;
    r.ok = o.value(QLatin1String("ok")).toBool();
    r.output = o.value(QLatin1String("output")).toString();
    r.errors = listFromJson<LiquidError>(o.value(QLatin1String("errors")));
    r.renderMs = o.value(QLatin1String("ms")).toDouble();
    return r;
}

RenderResult RenderResult::failure(const QString &message)
{
    RenderResult r;
    r.errors.append({QStringLiteral("EngineError"), message, 0, 0});
    return r;
}

} // namespace cio::liquid
