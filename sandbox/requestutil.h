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

// Only what the contract declares: a default and a maximum where it states them (membership 1000 /
// 30000, messages 50 / 1000). Where it states none, no limit means the whole list in one page and any
// limit is honoured, so the sandbox never invents a page size a client could come to rely on.
struct PagePolicy
{
    qsizetype defaultLimit = 0; // 0: none declared (the whole list)
    qsizetype maxLimit = 0;     // 0: none declared; otherwise a larger limit is refused (400)
};

bool parsePage(const QUrlQuery &query, const PagePolicy &policy, PageRequest *page, ApiResult *error);
// The `next` token for a page starting at `offset`.
QString pageCursor(qsizetype offset);

} // namespace cio::sandbox
