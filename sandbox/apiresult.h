#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace cio::sandbox {

// What a route handler answers; HttpFrontend turns it into bytes on the wire.
struct ApiResult
{
    int status = 200;
    QJsonObject body;
    bool hasBody = true; // false for 204 and other empty answers

    static ApiResult ok(const QJsonObject &body);
    static ApiResult noContent();
    // The App API's generic error shape: {"errors":[{"detail":...,"status":"<code>"}]}.
    static ApiResult error(int status, const QString &detail);
    // Same, with a JSON pointer to the offending member (snippet 422s carry one).
    static ApiResult fieldError(int status, const QString &detail, const QString &pointer);

    bool isSuccess() const { return status >= 200 && status < 300; }
};

} // namespace cio::sandbox
