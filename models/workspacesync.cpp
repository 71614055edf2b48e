#include "models/workspacesync.h"

#include "api/appapi.h"
#include "api/client.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSync, "cio.models.sync")

namespace cio::models {

int WorkspaceSnapshot::variantCount() const
{
    int count = 0;
    for (const auto &list : contents)
        count += static_cast<int>(list.size());
    return count;
}

WorkspaceSync::WorkspaceSync(api::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void WorkspaceSync::start()
{
    if (m_running || !m_client)
        return;
    m_running = true;
    m_snapshot = {};
    m_failures.clear();
    m_failedIds.clear();
    m_requestsAtStart = m_client->requestsSent();
    m_429AtStart = m_client->responses429();
    m_timer.start();

    api::AppApi(m_client).allNewsletters(this,
                                         [this](const QList<api::Newsletter> &list, const api::Error &error) {
                                             if (error.isError()) {
                                                 finish(error);
                                                 return;
                                             }
                                             m_snapshot.newsletters = list;
                                             fetchDetails();
                                         });
}

SyncStats WorkspaceSync::stats() const
{
    SyncStats s;
    s.newsletters = static_cast<int>(m_snapshot.newsletters.size());
    s.variants = m_snapshot.variantCount();
    for (const auto &groups : m_snapshot.testGroups)
        s.testGroups += static_cast<int>(groups.size());
    s.failedNewsletters = static_cast<int>(m_failedIds.size());
    if (m_client) {
        s.requests = m_client->requestsSent() - m_requestsAtStart;
        s.responses429 = m_client->responses429() - m_429AtStart;
    }
    s.elapsedMs = m_running ? m_timer.elapsed() : m_elapsedMs;
    return s;
}

void WorkspaceSync::fetchDetails()
{
    m_total = static_cast<int>(m_snapshot.newsletters.size()) * 2;
    m_pending = m_total;
    emit progress(0, m_total);
    if (m_pending == 0) {
        finish({});
        return;
    }
    api::AppApi appApi(m_client);
    for (const api::Newsletter &n : std::as_const(m_snapshot.newsletters)) {
        const qint64 id = n.id;
        appApi.contents(id, this, [this, id](const QList<api::Content> &contents, const api::Error &error) {
            if (!error.isError())
                m_snapshot.contents.insert(id, contents);
            detailDone(id, error);
        });
        appApi.testGroups(id, this, [this, id](const QList<api::TestGroup> &groups, const api::Error &error) {
            if (!error.isError())
                m_snapshot.testGroups.insert(id, groups);
            detailDone(id, error);
        });
    }
}

void WorkspaceSync::detailDone(qint64 newsletterId, const api::Error &error)
{
    if (error.isError() && !m_failedIds.contains(newsletterId)) {
        m_failedIds.insert(newsletterId);
        m_failures.append(tr("Newsletter %1: %2").arg(newsletterId).arg(error.message()));
        qCWarning(lcSync) << "newsletter" << newsletterId << "failed:" << error.message();
    }
    --m_pending;
    emit progress(m_total - m_pending, m_total);
    if (m_pending == 0)
        finish({});
}

void WorkspaceSync::finish(const api::Error &error)
{
    m_elapsedMs = m_timer.elapsed();
    m_running = false;
    emit finished(error);
}

} // namespace cio::models
