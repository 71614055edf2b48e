#pragma once

#include "api/request.h"

#include <QHash>
#include <QNetworkReply>

namespace cio::api::retry {

// When a failed attempt may go again. Kept apart from the queue so the rules read in one place.

// Jittered exponential backoff: base × 2^retry, ±25 % so clients that failed together do not
// retry together, capped at capMs.
qint64 backoffMs(int retry, int baseMs = 500, int capMs = 8000);

// Retry-After as milliseconds (integer seconds, capped at 60 s); -1 when absent or not a number.
qint64 retryAfterMs(const QHash<QByteArray, QByteArray> &headers);

// A 429 without Retry-After but with X-RateLimit-Remaining: 0 is a daily quota: waiting will not help.
bool isQuotaExhausted(const Response &response);
// Same, and on an endpoint with a daily quota (archived messages) a 429 without Retry-After is the
// quota even when the counters are missing: the per-second limit always sends Retry-After.
bool isQuotaExhausted(const Request &request, const Response &response);
// X-RateLimit-Limit, or 0 when absent.
int quotaLimit(const QHash<QByteArray, QByteArray> &headers);

// 500/502/503/504, or a transport failure that may pass (refused, closed, timed out), not DNS.
bool isTransient(const Response &response, QNetworkReply::NetworkError networkError);

// Idempotent methods may repeat after an unknown outcome. A POST may only when it provably never
// reached the server (connection refused); a 429 is handled by the caller, as the server states
// it did not process the request. Note: below us, Qt's HTTP/1.1 layer itself resends a request
// once when the connection closes before any response byte (it assumes a stale keep-alive
// connection); that applies to POST too and cannot be switched off through public API.
bool isSafeToRepeat(const Request &request, QNetworkReply::NetworkError networkError);

} // namespace cio::api::retry
