#pragma once

#include "api/error.h"
#include "api/request.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <functional>

namespace cio::api {

class Client;

// The cursor for the next page, read defensively: the vendor schema declares `next` as a string on
// some list operations and omits it on others, so accept a string, a number, or nothing.
// Empty means this was the last page.
QString nextCursor(const QJsonObject &page);

// The request for one page: `first` plus start=<cursor> (when not empty) and limit=<n> (when > 0).
Request pageRequest(const Request &first, const QString &start, int limit);

// The one rule for walking a cursor-paged list (../shared/api/NOTES.md, "Pagination"), used by every
// caller that pages (Client::fetchAll, the paged list models, the CLI, exports): ask with start = the
// previous page's `next`, and the list ends when `next` is absent or empty. A page may be empty and
// still carry a cursor. A server that hands out a cursor it gave before, more than MaxPages pages, or
// MaxEmptyPages empty pages in a row does not end: that is a broken answer, reported as one, never a
// silent stop that would pass a partial list off as the whole.
class PageCursor final
{
public:
    static constexpr int MaxPages = 100000;
    static constexpr int MaxEmptyPages = 50;

    // The cursor to ask with next; empty for the first page.
    const QString &start() const { return m_start; }
    bool atEnd() const { return m_atEnd; }
    int pages() const { return m_pages; }

    // Takes one page's answer (how many items it held and its `next`). Returns a BadResponse when the
    // paging would not end; then atEnd() is true.
    Error advance(int itemCount, const QString &next);
    // Back to the first page.
    void reset() { *this = PageCursor(); }

private:
    QString m_start;
    QSet<QString> m_seen;
    int m_pages = 0;
    int m_emptyInARow = 0;
    bool m_atEnd = false;
};

using PageCallback = std::function<void(const QJsonArray &items, const QString &next, const Error &error)>;

// Fetches one page (for models' fetchMore). `itemsKey` names the array in the envelope, e.g.
// "newsletters"; a response without that array is a BadResponse. An empty `next` means the end.
void fetchPage(Client *client, const Request &request, const QString &itemsKey, const QString &start,
               int limit, const QObject *context, PageCallback callback);

} // namespace cio::api
