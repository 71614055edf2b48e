#pragma once

#include "api/error.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace cio::api {

// One logical API call as a value. The client adds host, key and headers; callers never do.
struct Request final
{
    QByteArray method; // "GET", "PUT", "POST", "DELETE"
    QString path;      // "/v1/newsletters/12", already percent-encoded where needed
    // Instead of path and query: an absolute address on another host (an export's signed download
    // link). It gets no key, is not paced by the API's limiter, and its query is never logged.
    QUrl absoluteUrl;
    QUrlQuery query;   // values are encoded again on the wire, so '+' in a cursor survives
    QByteArray body;   // JSON, empty for none
    // When > 0: the request goes ahead of the queue, and if it cannot go on the wire within this many
    // milliseconds of send() (rate limit, a pause after 429, full connections) it is not sent at all:
    // the callback gets Error::Kind::Cancelled with Error::expired. For a write that must follow a
    // read closely, so that what was read is still what is overwritten.
    int startWithinMs = 0;
    // A POST whose repetition changes nothing (adding the same people to a segment twice), so it may
    // be retried after an unknown outcome like a PUT.
    bool repeatable = false;

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
