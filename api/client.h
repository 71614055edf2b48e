#pragma once

#include "api/queuestate.h"
#include "api/region.h"
#include "api/request.h"

#include <QJsonArray>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <deque>
#include <functional>
#include <memory>

class QNetworkReply;

namespace cio::api {

class NetworkAccessManager;
class RateLimiter;
class RequestLog;

struct ConnectionSettings final
{
    // How requests are signed: the App API's bearer key, or the Track API's HTTP Basic site id + key.
    enum class Auth
    {
        Bearer,
        Basic
    };

    Region region = Region::Us;
    QUrl baseUrl;                  // empty = defaultBaseUrl(region)
    QString apiKey;                // never logged
    Auth auth = Auth::Bearer;
    QString basicUser;             // with Auth::Basic: the Track site id (not a secret)
    bool readOnly = false;         // any non-GET is refused locally (Error::Kind::ReadOnly); nothing leaves
    int transferTimeoutMs = 30000; // no bytes for this long → Timeout
    int deadlineMs = 120000;       // per logical request, retries and waits included
    int maxRetries = 4;            // for 5xx and broken connections; 429s have their own budget
    int rateLimitBudgetMs = 60000; // time one request may spend waiting out 429s (Retry-After)
    qint64 maxResponseBytes = 64LL * 1024 * 1024; // a larger answer is refused unread; 0 = no cap

    QUrl effectiveBaseUrl() const;
    // Applies the user's network limits from the settings (group "network": transferTimeoutSeconds,
    // maxResponseMB, rateLimitWaitSeconds), where set and sensible.
    void applyUserLimits();
};

// The one HTTP stack: a queue in front of one NetworkAccessManager, paced by the RateLimiter, with
// retries, timeouts, redaction and a request log. A workspace has one for the App API and one for the
// Track API (TrackApi sends through its own Client signed with HTTP Basic), so each host has its own
// limiter and both write to the session's one request log. Lives in one thread; call it from there.
class Client final : public QObject
{
    Q_OBJECT

public:
    explicit Client(const ConnectionSettings &settings, QObject *parent = nullptr);
    ~Client() override;

    void setSettings(const ConnectionSettings &settings);
    const ConnectionSettings &settings() const { return m_settings; }

    using Callback = std::function<void(const Response &)>;
    // Queues the request. The callback runs exactly once (also for local refusals and cancellation),
    // always later from the event loop, on the context's thread, and never once the context is gone.
    // A null context ties the callback to the client itself.
    void send(const Request &request, const QObject *context, Callback callback);

    // Follows start/limit/next to the end and hands over all items of `itemsKey` (e.g. "newsletters").
    // pageLimit is the `limit` sent with each page; 0 leaves the server default.
    void fetchAll(const Request &first, const QString &itemsKey, const QObject *context,
                  std::function<void(const QJsonArray &items, const Error &error)> done, int pageLimit = 0);

    // Streams a GET to `filePath` instead of into memory: queued, paced (for a path of this API),
    // retried and logged like send(); an absoluteUrl goes to its host without the key. `progress`
    // reports bytes as they arrive (total -1 while unknown). The file appears only once complete: a
    // failed or cancelled download leaves nothing behind and the previous file as it was. The
    // callback's Response has no body. Returns an id for cancelDownload().
    using Progress = std::function<void(qint64 received, qint64 total)>;
    quint64 download(const Request &request, const QString &filePath, const QObject *context, Progress progress,
                     Callback callback);
    // Ends that download with Error::Kind::Cancelled; nothing happens for an id that has finished.
    void cancelDownload(quint64 id);

    // Aborts everything; each pending callback receives Error::Kind::Cancelled.
    void cancelAll();

    RequestLog *log() const { return m_log; }
    // Entries go to `log` (owned elsewhere, e.g. the App API client's) instead of this client's own.
    void shareRequestLog(RequestLog *log);
    RateLimiter *rateLimiter() const { return m_limiter; }
    QueueState queueState() const;
    quint64 requestsSent() const { return m_requestsSent; } // on the wire, retries included
    quint64 responses429() const { return m_responses429; }

    // Parallel connections; HTTP/1.1 hosts get 6 from Qt, so more would queue invisibly inside
    // Qt and defeat the limiter's idea of when a request really starts.
    int maxInFlight() const { return m_maxInFlight; }
    void setMaxInFlight(int count);
    // Base of the exponential retry backoff (default 500 ms); tests shorten it.
    void setRetryBaseDelayMs(int ms);

signals:
    void queueStateChanged(const cio::api::QueueState &state);

private:
    struct Job;
    using JobPtr = std::shared_ptr<Job>;

    void pump();
    JobPtr makeJob(const Request &request, const QObject *context, Callback callback);
    void enqueue(const JobPtr &job);
    void start(const JobPtr &job);
    bool openSink(const JobPtr &job);
    void startSink(const JobPtr &job, QNetworkReply *reply);
    bool writeSink(const JobPtr &job, QNetworkReply *reply); // false when the file refused the bytes
    bool commitSink(const JobPtr &job, Response &response);
    void handleReply(const JobPtr &job);
    bool scheduleRetry(const JobPtr &job, const Response &response, bool viaPause, qint64 delayMs);
    void onDeadline(const JobPtr &job);
    void finish(const JobPtr &job, Response response);
    void forget(const JobPtr &job);
    void updateQueueState();
    qint64 backoff(int retry) const;
    QString scrub(const QString &text) const;

    ConnectionSettings m_settings;
    NetworkAccessManager *m_nam = nullptr;
    RequestLog *m_ownLog = nullptr;
    RequestLog *m_log = nullptr; // m_ownLog, or a shared one while it lives
    RateLimiter *m_limiter = nullptr;
    QTimer *m_pumpTimer = nullptr;
    std::deque<JobPtr> m_waiting;
    QList<JobPtr> m_inFlight;
    QList<JobPtr> m_backoff;
    QueueState m_state;
    int m_maxInFlight = 6;
    int m_retryBaseDelayMs = 500;
    quint64 m_requestsSent = 0;
    quint64 m_responses429 = 0;
    quint64 m_lastDownloadId = 0;
};

} // namespace cio::api
