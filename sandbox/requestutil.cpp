#include "requestutil.h"

#include <limits>

#include <QJsonDocument>
#include <QJsonParseError>

namespace cio::sandbox {

namespace {
const QByteArray cursorTag = QByteArrayLiteral("cio-sandbox:");
} // namespace

bool parseJsonObject(const QByteArray &body, QJsonObject *object, ApiResult *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = ApiResult::error(400, QStringLiteral("request body is not valid JSON: %1 at offset %2")
                                           .arg(parseError.errorString())
                                           .arg(parseError.offset));
        return false;
    }
    if (!document.isObject()) {
        *error = ApiResult::error(400, QStringLiteral("request body must be a JSON object"));
        return false;
    }
    *object = document.object();
    return true;
}

bool parsePage(const QUrlQuery &query, const PagePolicy &policy, PageRequest *page, ApiResult *error)
{
    page->offset = 0;
    page->limit = policy.defaultLimit > 0 ? policy.defaultLimit : std::numeric_limits<qsizetype>::max() / 2;
    const QString limitText = query.queryItemValue(QStringLiteral("limit"));
    if (!limitText.isEmpty()) {
        bool ok = false;
        const qlonglong limit = limitText.toLongLong(&ok);
        if (!ok || limit < 1) {
            *error = ApiResult::error(400, QStringLiteral("limit must be a positive integer"));
            return false;
        }
        if (policy.maxLimit > 0 && limit > policy.maxLimit) {
            *error = ApiResult::error(
                400, QStringLiteral("limit must not be greater than %1").arg(policy.maxLimit));
            return false;
        }
        page->limit = qsizetype(limit);
    }
    const QString start = query.queryItemValue(QStringLiteral("start"), QUrl::FullyDecoded);
    if (!start.isEmpty()) {
        const QByteArray raw = QByteArray::fromBase64(start.toLatin1(), QByteArray::Base64UrlEncoding |
                                                                            QByteArray::OmitTrailingEquals);
        bool ok = raw.startsWith(cursorTag);
        const qlonglong offset = ok ? raw.mid(cursorTag.size()).toLongLong(&ok) : -1;
        if (!ok || offset < 0) {
            *error = ApiResult::error(400, QStringLiteral("start is not a token returned as next"));
            return false;
        }
        page->offset = offset;
    }
    return true;
}

QString pageCursor(qsizetype offset)
{
    const QByteArray raw = cursorTag + QByteArray::number(qlonglong(offset));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace cio::sandbox
