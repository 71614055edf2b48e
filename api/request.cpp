#include "api/request.h"

#include <QJsonDocument>
#include <QStringList>
#include <QUrl>

namespace cio::api {

namespace {

Request make(const char *method, const QString &path, const QJsonObject *body)
{
    Request r;
    r.method = method;
    r.path = path;
    if (body)
        r.body = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    return r;
}

} // namespace

bool Request::idempotent() const
{
    return repeatable || method == "GET" || method == "PUT" || method == "DELETE" || method == "HEAD";
}

Request Request::get(const QString &path, const QUrlQuery &query)
{
    Request r = make("GET", path, nullptr);
    r.query = query;
    return r;
}

Request Request::put(const QString &path, const QJsonObject &body)
{
    return make("PUT", path, &body);
}

Request Request::post(const QString &path, const QJsonObject &body)
{
    return make("POST", path, &body);
}

Request Request::del(const QString &path)
{
    return make("DELETE", path, nullptr);
}

QString Request::encodeSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

QString Request::encodedQuery() const
{
    // QUrlQuery leaves '+' and some delimiters alone; servers read '+' as a space, which would
    // corrupt opaque cursors. Decode fully, then encode everything outside the unreserved set.
    QStringList parts;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        parts.append(QString::fromLatin1(QUrl::toPercentEncoding(item.first)) + QLatin1Char('=') +
                     QString::fromLatin1(QUrl::toPercentEncoding(item.second)));
    }
    return parts.join(QLatin1Char('&'));
}

} // namespace cio::api
