#pragma once

#include "api/dto.h"
#include "api/error.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace cio::api {
class Client;
}

namespace cio::models {

class LocalStore;
class SnippetService;

// Fills a LocalStore from the API: the snippets, the newsletter list, then the variants and test groups of
// every newsletter whose stored details are missing or stale. A newsletter's details count as current while
// its JSON in the list (its `updated`, content_ids, …) is unchanged.
//
// The API (and the sandbox) does not move a newsletter's `updated` when one of its variants is saved, so
// an edit made elsewhere to an existing variant is not seen by start(); startFull() refetches everything.
// Nothing depends on this for safety: a save re-reads the variant first (PRODUCT.md).
// All requests are queued at once; the client's rate limiter paces them.
class StoreSync final : public QObject
{
    Q_OBJECT

public:
    StoreSync(api::Client *client, LocalStore *store, QObject *parent = nullptr);
    // snippets: the session's snippets service, whose one request the sync shares with the Snippets page.
    StoreSync(api::Client *client, LocalStore *store, SnippetService *snippets, QObject *parent = nullptr);

    void start();     // details of new and changed newsletters only
    void startFull(); // details of every newsletter
    bool isRunning() const { return m_running; }
    // A newsletter list that lacks more than a small share of what is stored (more than 3, and more than
    // a tenth) is not trusted: nothing is written or removed and the sync fails with the reason, unless
    // removals are allowed (the user confirmed that they were deleted in Customer.io).
    void setAllowRemovals(bool allow) { m_allowRemovals = allow; }
    // The last sync stopped because the list lacks many stored newsletters (this many): with
    // setAllowRemovals(true) the next one removes them from the local copy.
    int refusedRemovals() const { return m_refusedRemovals; }
    // Per-newsletter and local-store failures of the last run, in the user's terms.
    QStringList failures() const { return m_failures; }
    // Ids of the newsletters whose details the last run fetched and stored.
    QList<qint64> fetchedIds() const { return m_fetched; }

signals:
    // The newsletter list is in the store (the details follow).
    void listStored();
    void progress(int done, int total);
    // error: the newsletter list itself could not be fetched. A store that could not be written shows
    // up in failures() (api::Error has no kind for local storage).
    void finished(const cio::api::Error &error, int newslettersFetched);

private:
    struct Pending
    {
        api::Newsletter newsletter;
        QList<api::Content> contents;
        QList<api::TestGroup> groups;
        int answers = 0;
        bool failed = false;
        bool retried = false; // a second round after a failure that may pass (429, 5xx, network)
        api::Error error;     // the first failure of this round
    };

    void run(bool full);
    void fetchNewsletters(bool full);
    void listFetched(const QList<api::Newsletter> &list, bool full);
    void answered(qint64 newsletterId, const api::Error &error);
    void fetchNext();
    void finish(const api::Error &error);

    QPointer<api::Client> m_client;
    QPointer<LocalStore> m_store;
    SnippetService *m_snippets;
    QHash<qint64, Pending> m_pending;
    QList<qint64> m_queue; // newsletters whose details are not requested yet
    int m_concurrency = 3; // newsletters in flight (two requests each)
    QStringList m_failures;
    QList<qint64> m_fetched;
    int m_done = 0;
    int m_total = 0;
    bool m_running = false;
    bool m_allowRemovals = false;
    int m_refusedRemovals = 0;
};

} // namespace cio::models
