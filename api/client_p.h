#pragma once

// Private to the client's sources: the state of one queued request.

#include "api/client.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

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
};

} // namespace cio::api
