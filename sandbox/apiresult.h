#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace cio::sandbox {

// What a route handler answers; HttpFrontend turns it into bytes on the wire.
struct ApiResult
{
    int status = 200;
    QJsonObject body;
    bool hasBody = true; // false for 204 and other empty answers
    // Sent besides Content-Type, e.g. the archived-message quota counters.
    QList<std::pair<QByteArray, QByteArray>> headers;
    // Retry-After on a 429. 0 leaves it out: a used-up daily quota, where waiting a second won't help.
    int retryAfterSeconds = 1;

    static ApiResult ok(const QJsonObject &body);
    static ApiResult noContent();
    // The App API's generic error shape: {"errors":[{"detail":...,"status":"<code>"}]}.
    static ApiResult error(int status, const QString &detail);
    // Same, with a JSON pointer to the offending member (snippet 422s carry one).
    static ApiResult fieldError(int status, const QString &detail, const QString &pointer);

    bool isSuccess() const { return status >= 200 && status < 300; }
};

} // namespace cio::sandbox
