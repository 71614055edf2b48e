#pragma once

#include "api/dto.h"
#include "api/error.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace cio::api {
class Client;
}

namespace cio::models {

// Everything a sync brought back, in memory. The local store (SQLite) builds on this later.
struct WorkspaceSnapshot final
{
    QList<api::Newsletter> newsletters;
    QHash<qint64, QList<api::Content>> contents;     // by newsletter id
    QHash<qint64, QList<api::TestGroup>> testGroups; // by newsletter id
    int variantCount() const;
};

struct SyncStats final
{
    int newsletters = 0;
    int variants = 0;
    int testGroups = 0;
    int failedNewsletters = 0;
    quint64 requests = 0; // requests that went on the wire, retries included
    quint64 responses429 = 0;
    qint64 elapsedMs = 0;
};

// Fetches newsletters with all their variants and test groups. All requests are queued at
// once; the client's rate limiter paces them, so the sync runs as fast as the limit allows.
class WorkspaceSync final : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceSync(api::Client *client, QObject *parent = nullptr);

    void start();
    bool isRunning() const { return m_running; }
    const WorkspaceSnapshot &snapshot() const { return m_snapshot; }
    SyncStats stats() const;
    // Per-newsletter failures, in the user's terms ("Newsletter 12: …").
    QStringList failures() const { return m_failures; }

signals:
    void progress(int done, int total);
    // error is set when the newsletter list itself could not be fetched.
    void finished(const cio::api::Error &error);

private:
    void fetchDetails();
    void detailDone(qint64 newsletterId, const api::Error &error);
    void finish(const api::Error &error);

    QPointer<api::Client> m_client;
    WorkspaceSnapshot m_snapshot;
    QStringList m_failures;
    QSet<qint64> m_failedIds;
    QElapsedTimer m_timer;
    quint64 m_requestsAtStart = 0;
    quint64 m_429AtStart = 0;
    qint64 m_elapsedMs = 0;
    int m_pending = 0;
    int m_total = 0;
    bool m_running = false;
};

} // namespace cio::models
