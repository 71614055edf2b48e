#include "apiresult.h"

#include <QJsonArray>

namespace cio::sandbox {

ApiResult ApiResult::ok(const QJsonObject &body)
{
    ApiResult result;
    result.body = body;
    return result;
}

ApiResult ApiResult::noContent()
{
    ApiResult result;
    result.status = 204;
    result.hasBody = false;
    return result;
}

ApiResult ApiResult::error(int status, const QString &detail)
{
    return fieldError(status, detail, QString());
}

ApiResult ApiResult::fieldError(int status, const QString &detail, const QString &pointer)
{
    QJsonObject entry{{QStringLiteral("detail"), detail},
                      {QStringLiteral("status"), QString::number(status)}};
    if (!pointer.isEmpty())
        entry.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("pointer"), pointer}});
    ApiResult result;
    result.status = status;
    result.body = QJsonObject{{QStringLiteral("errors"), QJsonArray{entry}}};
    return result;
}

} // namespace cio::sandbox
