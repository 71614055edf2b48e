#include "api/client.h"

#include "api/client_p.h"

#include <QNetworkReply>

// The client's downloads: a GET whose body streams into a file instead of memory (exports, archived
// copies), with progress, cancellation, and a file that appears only when whole.

namespace cio::api {

namespace {

QString fileProblem(const QString &path, const QSaveFile &file)
{
    return QStringLiteral("%1: %2").arg(path, file.errorString());
}

bool isSuccess(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return status >= 200 && status < 300;
}

} // namespace

quint64 Client::download(const Request &request, const QString &filePath, const QObject *context,
                         Progress progress, Callback callback)
{
    Request get = request;
    get.method = "GET";
    get.body.clear();
    const JobPtr job = makeJob(get, context, std::move(callback));
    job->downloadId = ++m_lastDownloadId;
    job->sinkPath = filePath;
    job->progress = std::move(progress);
    enqueue(job);
    return job->downloadId;
}

void Client::cancelDownload(quint64 id)
{
    QList<JobPtr> all(m_waiting.begin(), m_waiting.end());
    all += m_inFlight;
    all += m_backoff;
    for (const JobPtr &job : std::as_const(all)) {
        if (job->downloadId != id || job->done)
            continue;
        job->abort = Job::Abort::Cancel;
        if (job->reply)
            job->reply->abort(); // handleReply() reports the cancellation
        else
            finish(job, Response{0, {}, {}, {}, Error::make(Error::Kind::Cancelled), 0});
        return;
    }
}

bool Client::openSink(const JobPtr &job)
{
    // Each attempt writes a file of its own; the previous attempt's, uncommitted, is discarded.
    job->sink = std::make_unique<QSaveFile>(job->sinkPath);
    job->sinkError.clear();
    if (job->sink->open(QIODevice::WriteOnly))
        return true;
    job->sinkError = fileProblem(job->sinkPath, *job->sink);
    job->sink.reset();
    return false;
}

void Client::startSink(const JobPtr &job, QNetworkReply *reply)
{
    connect(reply, &QIODevice::readyRead, this, [job, reply] {
        // An error answer stays in the reply, to be read as one.
        if (!job->sink || !isSuccess(reply) || !job->sinkError.isEmpty())
            return;
        const QByteArray chunk = reply->readAll();
        job->bytesReceived += chunk.size();
        if (job->sink->write(chunk) != chunk.size()) {
            job->sinkError = fileProblem(job->sinkPath, *job->sink);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [job, reply](qint64 received, qint64 total) {
        if (job->progress && job->context && isSuccess(reply))
            job->progress(received, total > 0 ? total : -1);
    });
}

bool Client::writeSink(const JobPtr &job, QNetworkReply *reply)
{
    // An error answer stays in the reply, to be read as one; so does anything after a failed write.
    if (!job->sink || !isSuccess(reply) || !job->sinkError.isEmpty())
        return true;
    const QByteArray chunk = reply->readAll();
    job->bytesReceived += chunk.size();
    if (job->sink->write(chunk) == chunk.size())
        return true;
    job->sinkError = fileProblem(job->sinkPath, *job->sink);
    return false;
}

bool Client::commitSink(const JobPtr &job, Response &response)
{
    QString why = job->sinkError;
    if (why.isEmpty() && job->sink && !job->sink->commit())
        why = fileProblem(job->sinkPath, *job->sink);
    job->sink.reset();
    if (why.isEmpty())
        return true;
    response.error = Error::make(Error::Kind::File, why);
    return false;
}

} // namespace cio::api
