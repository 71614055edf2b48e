#include "api/retrypolicy.h"

#include "api/ratelimiter.h"

#include <QRandomGenerator>

namespace cio::api::retry {

qint64 backoffMs(int retry, int baseMs, int capMs)
{
    const qint64 base = qMin<qint64>(capMs, qint64(baseMs) << qBound(0, retry, 16));
    const double jitter = 0.75 + 0.5 * QRandomGenerator::global()->generateDouble();
    return qMin<qint64>(capMs, qint64(double(base) * jitter));
}

qint64 retryAfterMs(const QHash<QByteArray, QByteArray> &headers)
{
    bool ok = false;
    const int seconds = headers.value(QByteArrayLiteral("retry-after")).trimmed().toInt(&ok);
    if (!ok || seconds < 0)
        return -1;
    return qMin(seconds, 60) * 1000LL;
}

bool isQuotaExhausted(const Response &response)
{
    return response.status == 429 && retryAfterMs(response.headers) < 0 &&
           response.headers.value(QByteArrayLiteral("x-ratelimit-remaining")).trimmed() == "0";
}

bool isQuotaExhausted(const Request &request, const Response &response)
{
    return isQuotaExhausted(response) || (response.status == 429 && retryAfterMs(response.headers) < 0 &&
                                          RateLimiter::hasDailyQuota(request.path));
}

int quotaLimit(const QHash<QByteArray, QByteArray> &headers)
{
    bool ok = false;
    const int limit = headers.value(QByteArrayLiteral("x-ratelimit-limit")).trimmed().toInt(&ok);
    return ok && limit > 0 ? limit : 0;
}

bool isTransient(const Response &response, QNetworkReply::NetworkError networkError)
{
    switch (response.status) {
    case 500:
    case 502:
    case 503:
    case 504:
        return true;
    default:
        break;
    }
    if (response.status != 0 && response.error.kind != Error::Kind::Network)
        return false;
    return response.error.kind == Error::Kind::Timeout ||
           (response.error.kind == Error::Kind::Network && networkError != QNetworkReply::HostNotFoundError);
}

bool isSafeToRepeat(const Request &request, QNetworkReply::NetworkError networkError)
{
    return request.idempotent() || networkError == QNetworkReply::ConnectionRefusedError;
}

} // namespace cio::api::retry
