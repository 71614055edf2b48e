#pragma once

// Private to the client's sources: the state of one queued request.

#include "api/client.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>

#include <memory>

namespace cio::api {

// One logical request from send() to its callback, across retries.
struct Client::Job
{
    Request request;
    QString encodedQuery;
    QPointer<QObject> context;
    Callback callback;
    QDateTime started = QDateTime::currentDateTimeUtc();
    QElapsedTimer elapsed;
    QTimer deadline;
    QTimer backoff;
    QPointer<QNetworkReply> reply;
    int retries = 0;          // attempts after the first, for any reason
    int rateLimitRetries = 0; // of those, after a 429
    qint64 rateLimitPausedMs = 0;
    bool tooLarge = false; // aborted because the answer outgrew maxResponseBytes
    int lastStatus = 0;
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    qint64 rateLimitWaitMs = 0;
    qint64 blockedSince = -1; // elapsed() when the limiter first held it back
    enum class Abort
    {
        None,
        Deadline,
        Cancel
    } abort = Abort::None;
    bool done = false;

    // A download: where the body goes (a new QSaveFile per attempt), and who hears of its progress.
    quint64 downloadId = 0;
    QString sinkPath;
    std::unique_ptr<QSaveFile> sink;
    Progress progress;
    QString sinkError; // why writing the file failed, when it did

    bool isDownload() const { return !sinkPath.isEmpty(); }
    // The path the limiter and the log know the request by (a signed link: its path only).
    QString logPath() const { return request.absoluteUrl.isValid() ? request.absoluteUrl.path() : request.path; }
};

} // namespace cio::api
