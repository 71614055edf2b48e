#include "models/store/storesync.h"

#include <QSet>

#include "api/appapi.h"
#include "api/client.h"
#include "models/snippets/snippetservice.h"
#include "models/store/localstore.h"
#include "models/store/localstore_p.h"

namespace cio::models {

StoreSync::StoreSync(api::Client *client, LocalStore *store, QObject *parent)
    : StoreSync(client, store, nullptr, parent)
{}

StoreSync::StoreSync(api::Client *client, LocalStore *store, SnippetService *snippets, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_snippets(snippets ? snippets : new SnippetService(client, store, this))
{}

void StoreSync::start()
{
    run(false);
}

void StoreSync::startFull()
{
    run(true);
}

void StoreSync::run(bool full)
{
    if (m_running || !m_client || !m_store)
        return;
    m_running = true;
    m_pending.clear();
    m_failures.clear();
    m_fetched.clear();
    m_done = m_total = 0;
    m_refusedRemovals = 0;
    // Snippets first: one request, and the preview and QA resolve snippets from the store.
    // Through the snippets service, so a page asking at the same time shares the one request.
    m_snippets->refresh(this, [this, full](const SnippetService::ListAnswer &answer) {
        if (answer.error.isError())
            m_failures.append(tr("Snippets: %1").arg(answer.error.message()));
        else if (!answer.storeError.isEmpty())
            m_failures.append(tr("Snippets: the local store could not be written: %1").arg(answer.storeError));
        fetchNewsletters(full);
    });
}

void StoreSync::fetchNewsletters(bool full)
{
    if (!m_client)
        return finish({});
    api::AppApi(m_client).allNewsletters(
        this, [this, full](const QList<api::Newsletter> &list, const api::Error &error) {
            if (error.isError())
                return finish(error);
            listFetched(list, full);
        });
}

void StoreSync::listFetched(const QList<api::Newsletter> &list, bool full)
{
    // A newsletter without a usable id cannot be stored or fetched: the list is broken, take nothing.
    for (const api::Newsletter &n : list) {
        if (n.id <= 0) {
            api::Error e = api::Error::make(api::Error::Kind::BadResponse, {},
                                            QStringLiteral("a newsletter in the list has no valid id"));
            return finish(e);
        }
    }
    // One suspicious answer never empties the local copy: a list that lacks much of what is stored
    // here stops the sync before anything is written.
    if (m_store && !m_allowRemovals) {
        QSet<qint64> missing = m_store->newsletterIds();
        const qsizetype stored = missing.size();
        for (const api::Newsletter &n : list)
            missing.remove(n.id);
        if (missing.size() > 3 && missing.size() * 10 > stored) {
            m_refusedRemovals = int(missing.size());
            api::Error e = api::Error::make(
                api::Error::Kind::BadResponse,
                tr("The workspace's newsletter list lacks %1 of the %2 newsletters stored here, so nothing was "
                   "removed or changed. If they were deleted in Customer.io, sync again allowing removals "
                   "(cio-studio-cli sync --allow-removals).")
                    .arg(missing.size())
                    .arg(stored),
                QStringLiteral("%1 of %2 stored newsletters missing from the list").arg(missing.size()).arg(stored));
            return finish(e);
        }
    }
    // Storing the list first marks the details of every changed newsletter stale, so a detail fetch
    // that fails now is retried by the next sync.
    if (!m_store || !m_store->storeNewsletterList(list)) {
        m_failures.append(
            tr("The local store could not be written: %1").arg(m_store ? m_store->lastError() : QString()));
        return finish({});
    }
    emit listStored();
    const QHash<qint64, qint64> current = m_store->detailVersions();
    for (const api::Newsletter &n : list) {
        const auto it = current.constFind(n.id);
        if (full || it == current.cend() || *it != n.updated)
            m_pending.insert(n.id, Pending{n, {}, {}, 0, false, false, {}});
    }
    m_total = static_cast<int>(m_pending.size()) * 2;
    qCDebug(lcStore) << "newsletters:" << list.size() << "to fetch:" << m_pending.size();
    emit progress(0, m_total);
    if (m_pending.isEmpty())
        return finish({});

    m_queue = m_pending.keys();
    for (int i = 0; i < m_concurrency; ++i)
        fetchNext();
}

void StoreSync::fetchNext()
{
    // Only a few newsletters at a time: a background sync must never fill the client's queue, or
    // whatever the user does next would wait behind every remaining newsletter of the workspace.
    if (m_queue.isEmpty() || !m_client)
        return;
    const qint64 id = m_queue.takeFirst();
    api::AppApi appApi(m_client);
    appApi.contents(id, this, [this, id](const QList<api::Content> &contents, const api::Error &error) {
        if (!error.isError())
            m_pending[id].contents = contents;
        answered(id, error);
    });
    appApi.testGroups(id, this, [this, id](const QList<api::TestGroup> &groups, const api::Error &error) {
        if (!error.isError())
            m_pending[id].groups = groups;
        answered(id, error);
    });
}

void StoreSync::answered(qint64 newsletterId, const api::Error &error)
{
    Pending &p = m_pending[newsletterId];
    ++p.answers;
    if (error.isError() && !p.failed) {
        p.failed = true;
        p.error = error;
    }
    if (p.answers < 2) {
        emit progress(++m_done, m_total);
        return;
    }
    if (p.failed) {
        using K = api::Error::Kind;
        const K kind = p.error.kind;
        const bool mayPass = kind == K::RateLimited || kind == K::Server || kind == K::Network || kind == K::Timeout;
        if (mayPass && !p.retried && !p.error.dailyQuota) {
            // Once more, after the others: a passing storm should not cost the user a newsletter.
            qCInfo(lcStore) << "newsletter" << newsletterId << "failed, trying again later:" << p.error.message();
            p = Pending{p.newsletter, {}, {}, 0, false, true, {}};
            m_queue.append(newsletterId);
            m_total += 2;
        } else {
            m_failures.append(tr("Newsletter %1: %2").arg(newsletterId).arg(p.error.message()));
            qCWarning(lcStore) << "newsletter" << newsletterId << "failed:" << p.error.message();
        }
    } else if (m_store && m_store->storeNewsletterDetail(p.newsletter, p.contents, p.groups)) {
        // Stored as soon as both halves are in, so an interrupted sync keeps what it got.
        m_fetched.append(newsletterId);
    } else {
        m_failures.append(tr("Newsletter %1: the local store could not be written: %2")
                              .arg(newsletterId)
                              .arg(m_store ? m_store->lastError() : QString()));
    }
    fetchNext();
    emit progress(++m_done, m_total);
    if (m_done == m_total)
        finish({});
}

void StoreSync::finish(const api::Error &error)
{
    if (!error.isError() && m_failures.isEmpty() && m_store)
        m_store->markSynced();
    m_pending.clear();
    m_queue.clear();
    m_running = false;
    emit finished(error, static_cast<int>(m_fetched.size()));
}

} // namespace cio::models
