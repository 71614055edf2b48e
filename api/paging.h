#pragma once

#include "api/error.h"
#include "api/request.h"

#include <QJsonArray>
#include <QJsonObject>
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

using PageCallback = std::function<void(const QJsonArray &items, const QString &next, const Error &error)>;

// Fetches one page (for models' fetchMore). `itemsKey` names the array in the envelope, e.g.
// "newsletters"; a response without that array is a BadResponse. An empty `next` means the end.
void fetchPage(Client *client, const Request &request, const QString &itemsKey, const QString &start,
               int limit, const QObject *context, PageCallback callback);

} // namespace cio::api
