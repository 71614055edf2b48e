#pragma once

#include "api/error.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

namespace cio::api {

// One logical API call as a value. The client adds host, key and headers; callers never do.
struct Request final
{
    QByteArray method; // "GET", "PUT", "POST", "DELETE"
    QString path;      // "/v1/newsletters/12", already percent-encoded where needed
    QUrlQuery query;   // values are encoded again on the wire, so '+' in a cursor survives
    QByteArray body;   // JSON, empty for none

    // Safe to repeat after an unknown outcome (RFC 9110 9.2.2).
    bool idempotent() const;

    static Request get(const QString &path, const QUrlQuery &query = {});
    static Request put(const QString &path, const QJsonObject &body);
    static Request post(const QString &path, const QJsonObject &body);
    static Request del(const QString &path);

    // Path segment helper: percent-encodes everything but unreserved characters ("a b/c" → "a%20b%2Fc").
    static QString encodeSegment(const QString &segment);
    // The query as it goes on the wire (keys and values fully percent-encoded), without '?'.
    QString encodedQuery() const;
};

struct Response final
{
    int status = 0;
    QByteArray body;
    QJsonObject json;                      // parsed when the body is a JSON object
    QHash<QByteArray, QByteArray> headers; // lower-case names
    Error error;
    int retries = 0;

    bool ok() const { return !error.isError(); }
};

} // namespace cio::api
