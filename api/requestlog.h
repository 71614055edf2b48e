#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

namespace cio::api {

// What the request-log dock shows: one entry per logical request (retries folded in).
// Entries hold no headers and no body, so the API key has nowhere to hide.
class RequestLog final : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        QDateTime started; // UTC
        QByteArray method;
        QString path;
        QString query;         // encoded, without '?'
        int status = 0;        // last HTTP status, 0 when none arrived
        qint64 durationMs = 0; // from queueing to the callback, waits and retries included
        int retries = 0;
        qint64 bytesSent = 0;     // request bodies, all attempts
        qint64 bytesReceived = 0; // response bodies, all attempts
        qint64 rateLimitWaitMs = 0;
        QString error; // Error::message(), empty on success
        // Another API than the App API (the Track API): its address, and HTTP Basic instead of a bearer.
        QUrl origin;
        bool basicAuth = false;
    };

    explicit RequestLog(QObject *parent = nullptr);

    void add(const Entry &entry);
    QList<Entry> entries() const { return m_entries; }
    void clear();

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);

    // A command line that repeats the request; the key is always a placeholder.
    static QString toCurl(const Entry &e, const QUrl &baseUrl);
    // Blanks bearer tokens, basic credentials and user:password@ in URLs.
    static QString redact(QString text);

signals:
    void entryAdded(const cio::api::RequestLog::Entry &entry);
    void cleared();

private:
    QList<Entry> m_entries;
    int m_capacity = 5000;
};

} // namespace cio::api
