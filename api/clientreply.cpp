#include "api/client.h"

#include "api/client_p.h"
#include "api/logging.h"
#include "api/ratelimiter.h"
#include "api/retrypolicy.h"

// The reply side of the client: classifying an attempt's outcome, retries, pauses and deadlines.

namespace cio::api {

void Client::handleReply(const JobPtr &job)
{
    QNetworkReply *reply = job->reply;
    if (!reply)
        return;
    job->reply = nullptr;
    m_inFlight.removeOne(job);
    reply->disconnect(this);
    reply->deleteLater();

    Response r;
    if (reply->isOpen()) { // an aborted reply is closed, and reading it only warns
        if (job->isDownload())
            writeSink(job, reply); // its last bytes; an error answer stays to be read below
        r.body = reply->readAll();
    }
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &pair : pairs)
        r.headers.insert(pair.first.toLower(), pair.second);
    r.error = errorFromReply(reply, r.body, &r.json);
    if (!job->isDownload())
        job->bytesReceived += r.body.size();
    job->lastStatus = r.status;
    if (!job->request.absoluteUrl.isValid())
        m_limiter->noteResponse(job->request.path, r.headers, r.status);

    const QNetworkReply::NetworkError netError = reply->error();
    if (job->tooLarge) { // read no further and never again: the next attempt would be as large
        r.body.clear();
        r.error = Error::make(Error::Kind::BadResponse, {},
                              QStringLiteral("answer larger than %1 bytes").arg(m_settings.maxResponseBytes));
        r.error.httpStatus = r.status;
        r.error.sizeLimit = m_settings.maxResponseBytes;
        return finish(job, r);
    }
    if (job->abort == Job::Abort::Deadline) {
        r.error = Error::make(Error::Kind::Timeout, {},
                              QStringLiteral("deadline of %1 ms exceeded").arg(m_settings.deadlineMs));
        return finish(job, r);
    }
    if (job->isDownload() && !job->sinkError.isEmpty()) { // the disk, not the network: no retry
        commitSink(job, r);
        return finish(job, r);
    }
    if (job->abort == Job::Abort::Cancel)
        return finish(job, Response{r.status, {}, {}, {}, Error::make(Error::Kind::Cancelled), 0});
    if (r.error.kind == Error::Kind::Cancelled) { // not ours, so Qt's transfer timeout fired
        r.error.kind = Error::Kind::Timeout;
        r.error.technical = QStringLiteral("no data for %1 ms").arg(m_settings.transferTimeoutMs);
    }

    if (r.status == 429) {
        ++m_responses429;
        // A daily quota: neither a retry nor a pause of the whole queue would help before tomorrow.
        if (retry::isQuotaExhausted(job->request, r)) {
            r.error.dailyQuota = true;
            r.error.quotaLimit = retry::quotaLimit(r.headers);
            if (r.error.quotaLimit == 0)
                r.error.quotaLimit = qMax(0, m_limiter->quotaLimit(job->request.path));
            return finish(job, r);
        }
        const qint64 retryAfter = retry::retryAfterMs(r.headers);
        m_limiter->pause(retryAfter > 0 ? retryAfter : qMax<qint64>(1000, backoff(job->retries)));
        // The server says it did not process the request, so even a POST may go again.
        if (!scheduleRetry(job, r, true, 0))
            finish(job, r);
        return;
    }
    if (r.error.isError() && retry::isTransient(r, netError) &&
        retry::isSafeToRepeat(job->request, netError) && scheduleRetry(job, r, false, backoff(job->retries)))
        return;
    if (job->isDownload() && r.ok())
        commitSink(job, r);
    finish(job, r);
}

bool Client::scheduleRetry(const JobPtr &job, const Response &response, bool viaPause, qint64 delayMs)
{
    // Two budgets: a count for failures (5xx, broken connections), and time for 429s, which say when
    // to come back, so that a short storm of them is ridden out instead of failing the command.
    if (!viaPause && job->retries - job->rateLimitRetries >= m_settings.maxRetries)
        return false;
    // A write that must follow its read closely is not repeated later: its caller reads again first.
    if (job->request.startWithinMs > 0)
        return false;
    const qint64 remaining = m_settings.deadlineMs - job->elapsed.elapsed();
    const qint64 wait = viaPause ? m_limiter->pausedForMs() : delayMs;
    if (wait >= remaining)
        return false; // would only time out later; report the real cause now
    if (viaPause) {
        if (job->rateLimitPausedMs + wait > m_settings.rateLimitBudgetMs)
            return false;
        job->rateLimitPausedMs += wait;
        ++job->rateLimitRetries;
    }
    ++job->retries;
    qCInfo(lcApi).noquote() << job->request.method << job->request.path << "retry" << job->retries << "in"
                            << wait << "ms after" << response.status << scrub(response.error.technical);
    if (viaPause) { // the limiter's pause does the waiting; go first when it ends
        m_waiting.push_front(job);
        pump();
        return true;
    }
    m_backoff.append(job);
    job->backoff.disconnect(this);
    connect(&job->backoff, &QTimer::timeout, this, [this, weak = std::weak_ptr<Job>(job)] {
        auto j = weak.lock();
        if (!j || !m_backoff.removeOne(j))
            return;
        m_waiting.push_front(j);
        pump();
    });
    job->backoff.start(int(wait));
    updateQueueState();
    return true;
}

qint64 Client::backoff(int retry) const
{
    return retry::backoffMs(retry, m_retryBaseDelayMs);
}

void Client::setRetryBaseDelayMs(int ms)
{
    m_retryBaseDelayMs = qMax(1, ms);
}

void Client::onDeadline(const JobPtr &job)
{
    if (job->done)
        return;
    job->abort = Job::Abort::Deadline;
    if (job->reply)
        return job->reply->abort(); // handleReply() reports the timeout
    Response r;
    r.status = job->lastStatus;
    r.error =
        Error::make(Error::Kind::Timeout, {},
                    QStringLiteral("deadline of %1 ms exceeded while waiting").arg(m_settings.deadlineMs));
    finish(job, r);
}

} // namespace cio::api
