#pragma once

#include "apiresult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace cio::sandbox {

// Parses a request body that must be a JSON object; a 400 in *error otherwise.
bool parseJsonObject(const QByteArray &body, QJsonObject *object, ApiResult *error);

// start/limit paging with an opaque cursor, shared by every paged endpoint.
struct PageRequest
{
    qsizetype offset = 0;
    qsizetype limit = 0;
};

struct PagePolicy
{
    qsizetype defaultLimit = 50;
    qsizetype maxLimit = 100;
    bool rejectOverMax = false; // true where the contract declares a maximum; else clamp
};

bool parsePage(const QUrlQuery &query, const PagePolicy &policy, PageRequest *page, ApiResult *error);
// The `next` token for a page starting at `offset`.
QString pageCursor(qsizetype offset);

} // namespace cio::sandbox
