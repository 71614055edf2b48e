#pragma once

#include "api/error.h"
#include "api/paging.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <functional>

namespace cio::api {
class Client;
}

namespace cio::models {

// The base of every list the app fills from the API. canFetchMore()/fetchMore() walk a cursor-paged
// list under api::PageCursor's one stop rule (an unpaged list is a single page); one state (idle,
// loading, failed) and one last error, so every list page shows loading, failure and emptiness alike.
// A subclass holds its rows, asks for a page in requestPage() and hands the answer to finishPage().
class PagedListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum State
    {
        Idle,
        Loading,
        Failed
    };
    Q_ENUM(State)

    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

    // Drops every row and fetches the first page again.
    void reload();
    // Keeps fetching pages until the whole list is loaded (a search wants every row).
    void fetchAll();

    State state() const { return m_state; }
    bool isComplete() const { return m_complete; }
    api::Error lastError() const { return m_lastError; }
    int pagesLoaded() const { return m_cursor.pages(); }
    void setPageSize(int size) { m_pageSize = size; }
    int pageSize() const { return m_pageSize; }

signals:
    void stateChanged(cio::models::PagedListModel::State state);
    void loadFailed(const cio::api::Error &error);

protected:
    // fetchOnFirstView: a view showing the model asks for the first page (canFetchMore() is true from
    // the start); otherwise nothing is asked until reload().
    PagedListModel(api::Client *client, bool fetchOnFirstView, QObject *parent);

    api::Client *client() const;

    // Asks for the page that starts at `start` (empty: the first) with at most `limit` items (0: the
    // server's default), and answers through finishPage() with the same ticket.
    virtual void requestPage(const QString &start, int limit, quint64 ticket) = 0;
    // Forgets every row; runs between beginResetModel() and endResetModel().
    virtual void clearRows() = 0;

    // One page's answer. A stale ticket (a reload came between) is ignored; an error, or paging that
    // would not end, fails the model with nothing added; otherwise `append` adds the page's `count`
    // rows at the end, inside beginInsertRows()/endInsertRows().
    void finishPage(quint64 ticket, int count, const QString &next, const api::Error &error,
                    const std::function<void()> &append);
    // Rows that came from elsewhere (the local store) replace everything, no page pending: `fill`
    // runs inside a model reset. `complete` says whether fetchMore() has anything left to ask.
    void replaceRows(const std::function<void()> &fill, bool complete, State state = Idle);
    void setState(State state);

private:
    QPointer<QObject> m_client; // an api::Client (QPointer wants the whole type)
    api::PageCursor m_cursor;
    bool m_complete = false;
    bool m_fetchAll = false;
    int m_pageSize = 0;
    quint64 m_ticket = 0; // a reload makes the answers to older requests stale
    State m_state = Idle;
    api::Error m_lastError;
};

} // namespace cio::models
