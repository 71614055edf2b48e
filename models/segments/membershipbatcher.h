#pragma once

#include "api/error.h"
#include "api/trackapi.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace cio::models {

// Adds people to or removes them from a manual segment through the Track API, in batches of at most
// 1,000 ids, one batch at a time (the TrackApi paces them). A failed batch stops the run and keeps it
// and every later id in Summary::remaining, so retry() continues exactly where it stopped.
class MembershipBatcher final : public QObject
{
    Q_OBJECT

public:
    enum class Action
    {
        Add,
        Remove
    };
    struct Summary
    {
        Action action = Action::Add;
        qint64 segmentId = 0;
        int total = 0;   // ids of this run (a retry: the ids that were left)
        int sent = 0;    // ids of the batches the server accepted
        int batches = 0; // batches the server accepted
        QStringList remaining;
        api::Error error;
        bool cancelled = false;

        bool ok() const { return remaining.isEmpty() && !error.isError() && !cancelled; }
        // Whether sending the rest again may work: after a pause or a passing failure, not after a
        // refusal (a data-driven segment, a wrong key, …).
        bool retryable() const;
        // What happened, in a sentence or two for a person.
        QString text() const;
    };

    explicit MembershipBatcher(api::TrackApi *track, QObject *parent = nullptr);

    void setBatchSize(int size) { m_batchSize = qBound(1, size, int(api::TrackApi::MaxIdsPerCall)); }
    int batchSize() const { return m_batchSize; }

    void start(qint64 segmentId, Action action, api::IdType type, const QStringList &ids);
    // Sends Summary::remaining of the last run again.
    void retry();
    // Stops after the batch in flight (its outcome still counts).
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_running; }
    const Summary &summary() const { return m_summary; }

    // Plain words for a Track refusal, with the data-driven case named as such.
    static QString explain(const api::Error &error);

signals:
    void progress(int sent, int total);
    void finished(const cio::models::MembershipBatcher::Summary &summary);

private:
    void sendNext();

    QPointer<api::TrackApi> m_track;
    api::IdType m_type = api::IdType::Id;
    Summary m_summary;
    int m_batchSize = api::TrackApi::MaxIdsPerCall;
    bool m_running = false;
    bool m_cancel = false;
};

} // namespace cio::models
