#pragma once

#include "api/error.h"
#include "api/region.h"

#include <QCoreApplication>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

namespace cio::api {

class Client;
class RateLimiter;
class RequestLog;

// How the Track API names the people in a request (its `id_type` parameter).
enum class IdType
{
    Id,    // the workspace's own customer id
    Email, // an email address
    CioId, // Customer.io's internal id
};
QString idTypeName(IdType type); // "id", "email", "cio_id"
std::optional<IdType> idTypeFromName(const QString &name);

struct TrackSettings final
{
    Region region = Region::Us;
    QUrl baseUrl;          // empty = the region's Track host
    QString siteId;        // not a secret
    QString apiKey;        // never logged
    bool readOnly = false; // refused locally, nothing leaves
    int transferTimeoutMs = 30000;
    int maxRetries = 3;

    bool isComplete() const { return !siteId.trimmed().isEmpty() && !apiKey.trimmed().isEmpty(); }
    QUrl effectiveBaseUrl() const;
};

// https://track.customer.io or https://track-eu.customer.io (requests carry /api/v1).
QUrl defaultTrackBaseUrl(Region region);
// The Track host that goes with a workspace's App API address: Customer.io's own API hosts (or none)
// map to the region's Track host; any other address (the sandbox serves both APIs) is used as it is.
QUrl trackBaseUrlFor(Region region, const QUrl &appBaseUrl);

// The Track API calls for manual segments (POST /api/v1/segments/{id}/add_customers and
// /remove_customers), with HTTP Basic site id + Track key. One call carries at most MaxIdsPerCall ids.
// Sent through a Client of its own (the same HTTP stack as the App API: its own rate limiter for the
// Track host, retries, deadlines, redaction, and the session's request log). Adding or removing the
// same people twice changes nothing, so a call is repeatable: retried on 429 (after Retry-After), 5xx
// and dropped connections.
class TrackApi final : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxIdsPerCall = 1000;

    explicit TrackApi(const TrackSettings &settings, QObject *parent = nullptr);
    ~TrackApi() override;

    const TrackSettings &settings() const { return m_settings; }
    // Entries for the app's request log (no headers, no bodies); null: the client's own.
    void setRequestLog(RequestLog *log);
    RateLimiter *rateLimiter() const;
    void setRetryBaseDelayMs(int ms);
    quint64 requestsSent() const;

    using Done = std::function<void(const Error &error)>;
    // `done` runs once, later, on the context's thread, and never once the context is gone.
    void addToSegment(qint64 segmentId, IdType type, const QStringList &ids, const QObject *context,
                      Done done);
    void removeFromSegment(qint64 segmentId, IdType type, const QStringList &ids, const QObject *context,
                           Done done);
    // Ends every pending call with Error::Kind::Cancelled.
    void cancelAll();

    // A sentence for a person, with the Track API's own wording for refused credentials.
    static QString describe(const Error &error);

private:
    void change(const char *action, qint64 segmentId, IdType type, const QStringList &ids,
                const QObject *context, Done done);

    TrackSettings m_settings;
    Client *m_client;
};

} // namespace cio::api
