#include "api/client.h"

#include "api/client_p.h"
#include "api/logging.h"
#include "api/networkaccessmanager.h"
#include "api/ratelimiter.h"
#include "api/requestlog.h"

#include <QMetaObject>
#include <QNetworkReply>
#include <QSettings>

#include <chrono>

namespace cio::api {

QUrl ConnectionSettings::effectiveBaseUrl() const
{
    return baseUrl.isEmpty() ? defaultBaseUrl(region) : baseUrl;
}

void ConnectionSettings::applyUserLimits()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("network"));
    const auto read = [&settings](const char *key, int min, int max) {
        bool ok = false;
        const int value = settings.value(QLatin1String(key)).toInt(&ok);
        return ok && value >= min && value <= max ? value : -1;
    };
    if (const int s = read("transferTimeoutSeconds", 1, 3600); s > 0)
        transferTimeoutMs = s * 1000;
    if (const int mb = read("maxResponseMB", 1, 64 * 1024); mb > 0)
        maxResponseBytes = qint64(mb) * 1024 * 1024;
    if (const int s = read("rateLimitWaitSeconds", 1, 3600); s > 0) {
        rateLimitBudgetMs = s * 1000;
        deadlineMs = qMax(deadlineMs, rateLimitBudgetMs + 60000);
    }
}

bool QueueState::operator==(const QueueState &o) const
{
    return inFlight == o.inFlight && waiting == o.waiting && retrying == o.retrying &&
           pausedForMs == o.pausedForMs;
}

Client::Client(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent), m_nam(new NetworkAccessManager(this)), m_ownLog(new RequestLog(this)),
      m_limiter(new RateLimiter(this)), m_pumpTimer(new QTimer(this))
{
    m_log = m_ownLog;
    m_pumpTimer->setSingleShot(true);
    m_pumpTimer->setTimerType(Qt::PreciseTimer);
    connect(m_pumpTimer, &QTimer::timeout, this, &Client::pump);
    connect(m_limiter, &RateLimiter::pausedChanged, this, [this](qint64 pausedForMs) {
        updateQueueState();
        pump();
        // Tell the status bar when the pause is over, even if nothing is waiting by then.
        if (pausedForMs > 0)
            QTimer::singleShot(int(pausedForMs) + 1, this, &Client::updateQueueState);
    });
    setSettings(settings);
}

Client::~Client()
{
    // Replies are children of the manager; drop our handlers first so nothing runs half-destroyed.
    for (const JobPtr &job : std::as_const(m_inFlight)) {
        if (job->reply)
            job->reply->disconnect(this);
    }
}

void Client::setSettings(const ConnectionSettings &settings)
{
    m_settings = settings;
    m_nam->setBaseUrl(settings.effectiveBaseUrl());
    if (settings.auth == ConnectionSettings::Auth::Basic)
        m_nam->setBasicCredentials(settings.basicUser, settings.apiKey);
    else
        m_nam->setApiKey(settings.apiKey);
}

void Client::shareRequestLog(RequestLog *log)
{
    if (m_log != m_ownLog)
        disconnect(m_log, &QObject::destroyed, this, nullptr);
    m_log = log ? log : m_ownLog;
    if (m_log != m_ownLog)
        connect(m_log, &QObject::destroyed, this, [this] { m_log = m_ownLog; });
}

void Client::setMaxInFlight(int count)
{
    m_maxInFlight = qMax(1, count);
    pump();
}

QueueState Client::queueState() const
{
    QueueState s;
    s.inFlight = int(m_inFlight.size());
    s.waiting = int(m_waiting.size());
    auto count = [&s](const JobPtr &j) { s.retrying += j->retries > 0 ? 1 : 0; };
    std::for_each(m_waiting.begin(), m_waiting.end(), count);
    std::for_each(m_inFlight.begin(), m_inFlight.end(), count);
    std::for_each(m_backoff.begin(), m_backoff.end(), count);
    s.pausedForMs = m_limiter->pausedForMs();
    return s;
}

void Client::updateQueueState()
{
    const QueueState s = queueState();
    if (s == m_state)
        return;
    m_state = s;
    emit queueStateChanged(s);
}

void Client::send(const Request &request, const QObject *context, Callback callback)
{
    enqueue(makeJob(request, context, std::move(callback)));
}

Client::JobPtr Client::makeJob(const Request &request, const QObject *context, Callback callback)
{
    auto job = std::make_shared<Job>();
    job->request = request;
    job->encodedQuery = request.absoluteUrl.isValid() ? QString() : request.encodedQuery();
    job->context = const_cast<QObject *>(context ? context : this);
    job->callback = std::move(callback);
    job->elapsed.start();
    return job;
}

void Client::enqueue(const JobPtr &job)
{
    const Request &request = job->request;

    // Local refusals: nothing goes on the wire, the caller still hears back once.
    QString why;
    // A signed link has a query (its signature); what must be safe is where it goes.
    const QUrl target = request.absoluteUrl.isValid()
                            ? request.absoluteUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
                            : m_settings.effectiveBaseUrl();
    if (!isAllowedBaseUrl(target, &why))
        return finish(job, Response{0, {}, {}, {}, Error::make(Error::Kind::Insecure, why), 0});
    if (m_settings.readOnly && request.method != "GET" && request.method != "HEAD")
        return finish(job, Response{0, {}, {}, {}, Error::make(Error::Kind::ReadOnly), 0});
    const Error quota = request.absoluteUrl.isValid() ? Error() : m_limiter->refusal(request.method, request.path);
    if (quota.isError())
        return finish(job, Response{0, {}, {}, {}, quota, 0});

    job->deadline.setSingleShot(true);
    job->deadline.setInterval(qMax(1, m_settings.deadlineMs));
    connect(&job->deadline, &QTimer::timeout, this, [this, weak = std::weak_ptr<Job>(job)] {
        if (auto j = weak.lock())
            onDeadline(j);
    });
    if (!job->isDownload()) // a large file takes what it takes; a stalled one trips the transfer timeout
        job->deadline.start();
    job->backoff.setSingleShot(true);
    if (request.startWithinMs > 0)
        m_waiting.push_front(job);
    else
        m_waiting.push_back(job);
    pump();
}

void Client::pump()
{
    qint64 nextWake = -1;
    for (auto it = m_waiting.begin(); it != m_waiting.end() && m_inFlight.size() < m_maxInFlight;) {
        const JobPtr job = *it;
        if (job->abort != Job::Abort::None) { // cancelAll() is about to report it
            ++it;
            continue;
        }
        if (!job->context) { // nobody left to tell; don't spend the rate budget on it
            it = m_waiting.erase(it);
            forget(job);
            continue;
        }
        if (job->request.startWithinMs > 0 && job->retries == 0 &&
            job->elapsed.elapsed() > job->request.startWithinMs) {
            it = m_waiting.erase(it);
            Error expired = Error::make(Error::Kind::Cancelled, {},
                                        QStringLiteral("not started within %1 ms").arg(job->request.startWithinMs));
            expired.expired = true;
            finish(job, Response{0, {}, {}, {}, expired, 0});
            return; // finish() pumps again
        }
        // A signed link on another host is not this API's: its limiter does not pace it.
        qint64 wait = job->request.absoluteUrl.isValid() ? 0 : m_limiter->tryAcquire(job->request.method, job->request.path);
        if (wait > 0) {
            if (job->request.startWithinMs > 0 && job->retries == 0) // wake up to expire it on time
                wait = qMin<qint64>(wait, qMax<qint64>(1, job->request.startWithinMs + 1 - job->elapsed.elapsed()));
            if (job->blockedSince < 0)
                job->blockedSince = job->elapsed.elapsed();
            nextWake = nextWake < 0 ? wait : qMin(nextWake, wait);
            ++it;
            continue;
        }
        it = m_waiting.erase(it);
        start(job);
    }
    if (nextWake >= 0 && (!m_pumpTimer->isActive() || m_pumpTimer->remainingTime() > nextWake))
        m_pumpTimer->start(int(qMin<qint64>(nextWake, 60000)));
    updateQueueState();
}

void Client::start(const JobPtr &job)
{
    if (job->blockedSince >= 0) {
        job->rateLimitWaitMs += job->elapsed.elapsed() - job->blockedSince;
        job->blockedSince = -1;
    }
    // A relative URL: the manager's createRequest() resolves it and applies the policy (an absolute
    // one to another origin gets no key).
    QUrl relative;
    relative.setPath(job->request.path, QUrl::TolerantMode);
    if (!job->encodedQuery.isEmpty())
        relative.setQuery(job->encodedQuery, QUrl::TolerantMode);
    QNetworkRequest req(job->request.absoluteUrl.isValid() ? job->request.absoluteUrl : relative);
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    req.setTransferTimeout(std::chrono::milliseconds(qMax(1, m_settings.transferTimeoutMs)));
#else
    req.setTransferTimeout(qMax(1, m_settings.transferTimeoutMs));
#endif

    if (job->isDownload() && !openSink(job))
        return finish(job, Response{0, {}, {}, {}, Error::make(Error::Kind::File, job->sinkError), 0});

    const QByteArray &method = job->request.method;
    QNetworkReply *reply = nullptr;
    if (method == "GET")
        reply = m_nam->get(req);
    else if (method == "DELETE" && job->request.body.isEmpty())
        reply = m_nam->deleteResource(req);
    else if (method == "PUT")
        reply = m_nam->put(req, job->request.body);
    else if (method == "POST")
        reply = m_nam->post(req, job->request.body);
    else
        reply = m_nam->sendCustomRequest(req, method, job->request.body);

    job->reply = reply;
    if (job->isDownload())
        startSink(job, reply);
    else if (m_settings.maxResponseBytes > 0) {
        // Refuse an oversized answer as soon as it announces itself or grows past the cap, so that
        // memory stays bounded whatever the server sends.
        const qint64 cap = m_settings.maxResponseBytes;
        const auto refuse = [job, reply] {
            if (job->tooLarge)
                return;
            job->tooLarge = true;
            reply->abort(); // finished() follows; handleReply() reports it
        };
        connect(reply, &QNetworkReply::metaDataChanged, this, [reply, cap, refuse] {
            bool ok = false;
            const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
            if (ok && announced > cap)
                refuse();
        });
        connect(reply, &QNetworkReply::downloadProgress, this, [cap, refuse](qint64 received, qint64) {
            if (received > cap)
                refuse();
        });
    }
    job->bytesSent += job->request.body.size();
    ++m_requestsSent;
    m_inFlight.append(job);
    connect(reply, &QNetworkReply::finished, this, [this, job] { handleReply(job); });
    qCDebug(lcApi).noquote() << method << job->logPath() << "attempt" << job->retries + 1;
}

void Client::cancelAll()
{
    QList<JobPtr> all(m_waiting.begin(), m_waiting.end());
    all += m_inFlight;
    all += m_backoff;
    // Mark everything first so that finishing one does not let pump() start another.
    for (const JobPtr &job : std::as_const(all))
        job->abort = Job::Abort::Cancel;
    for (const JobPtr &job : std::as_const(all)) {
        if (job->reply)
            job->reply->abort();
        else
            finish(job, Response{0, {}, {}, {}, Error::make(Error::Kind::Cancelled), 0});
    }
}

void Client::forget(const JobPtr &job)
{
    job->done = true;
    job->sink.reset(); // uncommitted: a failed or cancelled download leaves no file
    job->deadline.stop();
    job->backoff.stop();
    m_inFlight.removeOne(job);
    m_backoff.removeOne(job);
    const auto it = std::find(m_waiting.begin(), m_waiting.end(), job);
    if (it != m_waiting.end())
        m_waiting.erase(it);
}

void Client::finish(const JobPtr &job, Response response)
{
    if (job->done)
        return;
    forget(job);
    if (job->blockedSince >= 0)
        job->rateLimitWaitMs += job->elapsed.elapsed() - job->blockedSince;
    response.retries = job->retries;
    if (job->request.absoluteUrl.isValid()) { // Qt's error texts quote the whole URL, signature and all
        const QUrl &url = job->request.absoluteUrl;
        for (const QString &query : {url.query(QUrl::FullyEncoded), url.query(QUrl::FullyDecoded)}) {
            if (!query.isEmpty())
                response.error.technical.replace(query, QStringLiteral("<redacted>"));
        }
    }
    response.error.technical = scrub(response.error.technical);

    RequestLog::Entry e;
    e.started = job->started;
    e.method = job->request.method;
    e.path = job->logPath();
    e.query = job->encodedQuery; // empty for a signed link: its query is its signature
    e.status = response.status;
    e.durationMs = job->elapsed.elapsed();
    e.retries = job->retries;
    e.bytesSent = job->bytesSent;
    e.bytesReceived = job->bytesReceived;
    e.rateLimitWaitMs = job->rateLimitWaitMs;
    e.error = scrub(response.error.message());
    if (job->request.absoluteUrl.isValid()) { // another host: name it, without the signed query
        e.origin = job->request.absoluteUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                                                     QUrl::RemoveUserInfo);
    } else if (m_settings.auth == ConnectionSettings::Auth::Basic) { // the Track API: name its host
        e.origin = m_settings.effectiveBaseUrl();
        e.basicAuth = true;
    }
    m_log->add(e);
    if (response.error.isError() && response.error.kind != Error::Kind::Cancelled)
        qCWarning(lcApi).noquote() << e.method << e.path << "failed:" << e.error << response.error.technical;

    // Always queued: callers never re-enter the client from inside send(), and Qt drops the call
    // when the context is destroyed before it runs.
    if (QObject *context = job->context.data()) {
        QMetaObject::invokeMethod(
            context, [cb = std::move(job->callback), response] { cb(response); }, Qt::QueuedConnection);
    }
    updateQueueState();
    pump();
}

QString Client::scrub(const QString &text) const
{
    QString out = RequestLog::redact(text);
    const QString key = m_settings.apiKey.trimmed();
    if (key.size() >= 4)
        out.replace(key, QStringLiteral("<redacted>"));
    return out;
}

} // namespace cio::api
