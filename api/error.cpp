#include "api/error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

namespace cio::api {

namespace {

// Transport-level failures (no usable HTTP status).
Error::Kind kindForNetworkError(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::NoError:
        return Error::Kind::None;
    case QNetworkReply::TimeoutError:
        return Error::Kind::Timeout;
    case QNetworkReply::OperationCanceledError:
        return Error::Kind::Cancelled;
    case QNetworkReply::SslHandshakeFailedError:
        return Error::Kind::Tls;
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        return Error::Kind::Insecure;
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return Error::Kind::BadResponse;
    default:
        return Error::Kind::Network;
    }
}

Error::Kind kindForStatus(int status)
{
    if (status >= 200 && status < 300)
        return Error::Kind::None;
    switch (status) {
    case 401:
        return Error::Kind::Unauthorized;
    case 403:
        return Error::Kind::Forbidden;
    case 404:
        return Error::Kind::NotFound;
    case 429:
        return Error::Kind::RateLimited;
    default:
        break;
    }
    if (status >= 400 && status < 500)
        return Error::Kind::Rejected;
    if (status >= 500)
        return Error::Kind::Server;
    return Error::Kind::BadResponse; // 1xx/3xx reaching us means a redirect we refused to follow
}

void appendString(QStringList &out, const QJsonValue &v)
{
    const QString s = v.toString().trimmed();
    if (!s.isEmpty() && !out.contains(s))
        out.append(s);
}

} // namespace

Error Error::make(Kind kind, const QString &detail, const QString &technical)
{
    Error e;
    e.kind = kind;
    e.detail = detail;
    e.technical = technical;
    return e;
}

QString Error::message() const
{
    QString text;
    const QString status = QString::number(httpStatus);
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        text = cutShort ? tr("The connection broke while Customer.io's answer was arriving, so nothing was taken "
                             "from it. A change you sent may have been made: reload before trying again.")
               : closedUnanswered
                   ? tr("The Customer.io API closed the connection without answering. A change you sent may "
                        "have been made: reload before trying again. If it keeps happening, check the API "
                        "address in the workspace settings.")
                   : tr("The Customer.io API could not be reached. Check the network connection.");
        break;
    case Kind::Timeout:
        text = tr("The Customer.io API did not answer in time. Try again later.");
        break;
    case Kind::Tls:
        text = tr("A secure connection to the API could not be established (certificate or TLS error).");
        break;
    case Kind::Unauthorized:
        text = tr("The API key was refused (401). Check the key and the region in the workspace settings.");
        break;
    case Kind::Forbidden:
        text = tr("The API key is not allowed to do this (403). Ask an admin of the Customer.io account for "
                  "an App API key with access to this, and enter it in the workspace settings.");
        break;
    case Kind::NotFound:
        text = tr("Customer.io does not have this item (404): it may have been deleted or moved. Go back and "
                  "reload the list to see what is there now.");
        break;
    case Kind::RateLimited:
        if (dailyQuota && quotaLimit > 0)
            text = tr("The archived-message quota for today (%1) is used up; try again tomorrow.")
                       .arg(quotaLimit);
        else if (dailyQuota)
            text = tr("The archived-message quota for today is used up; try again tomorrow.");
        else
            text = httpStatus
                       ? tr("The API rate limit was reached (429). Try again in a moment.")
                       : tr("The API usage limit for this kind of request is used up. Try again later.");
        break;
    case Kind::Rejected:
        // Refused here, before anything was sent: the reason is all there is to say.
        if (httpStatus == 0 && !detail.isEmpty())
            return tr("Not sent: %1 Nothing was changed.").arg(detail);
        // The server's explanation is the useful part; without one, say what is still possible.
        if (detail.isEmpty())
            return tr("Customer.io refused the request without saying why (%1); nothing was changed. Check "
                      "the values you entered and try again; View → Request Log shows the exchange.")
                .arg(status);
        return tr("Customer.io refused the request (%1): %2. Nothing was changed; correct what it names and "
                  "try again.")
            .arg(status, detail);
    case Kind::Server:
        text = tr("The Customer.io API had a problem (%1). Try again later.").arg(status);
        break;
    case Kind::BadResponse:
        if (sizeLimit > 0) {
            text = tr("Customer.io's answer was larger than the limit of %1 MB, so it was not read and nothing "
                      "was taken from it. If the workspace really holds this much, raise the limit "
                      "(--max-response-mb, or network/maxResponseMB in the settings; see the README).")
                       .arg(qMax<qint64>(1, sizeLimit / (1024 * 1024)));
            break;
        }
        text = tr("The API sent a response that cio-studio does not understand, so nothing was taken from it. "
                  "Try again; if it keeps happening, check the API address in the workspace settings.");
        break;
    case Kind::ReadOnly:
        text = tr("This workspace is read-only, so the change was not sent.");
        break;
    case Kind::Cancelled:
        text = expired ? tr("The request was not sent: it could not go out in time, so what it was based on "
                            "may be out of date.")
                       : tr("The request was cancelled.");
        break;
    case Kind::Insecure:
        text = tr("The request was not sent because the API address is not safe for the key.");
        break;
    case Kind::File:
        // The detail names the file and why; nothing else was changed.
        return detail.isEmpty() ? tr("The download could not be saved to a file.")
                                : tr("The download could not be saved: %1").arg(detail);
    }
    if (!detail.isEmpty())
        text += QLatin1Char(' ') + tr("Details: %1").arg(detail);
    return text;
}

QString errorDetailFromJson(const QJsonObject &body)
{
    QStringList parts;
    const QJsonValue errors = body.value(QLatin1String("errors"));
    if (errors.isArray()) {
        for (const QJsonValue &item : errors.toArray()) {
            if (item.isString()) {
                appendString(parts, item);
                continue;
            }
            const QJsonObject o = item.toObject();
            appendString(parts, o.value(QLatin1String("detail")));
            if (!o.contains(QLatin1String("detail")))
                appendString(parts, o.value(QLatin1String("title")));
        }
    }
    // Transactional sends: {"meta":{"error":"..."}}.
    appendString(parts, body.value(QLatin1String("meta")).toObject().value(QLatin1String("error")));
    if (parts.isEmpty()) {
        // problem+json (proxies, the mock) and ad-hoc shapes.
        appendString(parts, body.value(QLatin1String("detail")));
        if (parts.isEmpty())
            appendString(parts, body.value(QLatin1String("title")));
        appendString(parts, body.value(QLatin1String("error")));
        appendString(parts, body.value(QLatin1String("message")));
    }
    return parts.join(QLatin1String("; "));
}

QString errorDetailFromBody(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.isObject() ? errorDetailFromJson(doc.object()) : QString();
}

Error errorFromReply(QNetworkReply::NetworkError networkError, const QString &errorString, int httpStatus,
                     const QByteArray &body, QJsonObject *json)
{
    Error e;
    e.httpStatus = httpStatus;
    if (httpStatus > 0) {
        // A status means the exchange completed; Qt also sets an error for 4xx/5xx, which the status
        // describes better. A transport error after a 2xx header (body cut) still counts.
        e.kind = kindForStatus(httpStatus);
        // Also a 3xx with a transport error: that is a redirect Qt refused (other origin, loop).
        const bool redirect = httpStatus >= 300 && httpStatus < 400;
        if ((e.kind == Error::Kind::None || redirect) && networkError != QNetworkReply::NoError)
            e.kind = kindForNetworkError(networkError);
    } else {
        e.kind = kindForNetworkError(networkError);
        if (e.kind == Error::Kind::None)
            e.kind = Error::Kind::BadResponse; // finished without error and without a status
    }
    if (networkError != QNetworkReply::NoError)
        e.technical = errorString;
    e.cutShort = httpStatus > 0 && e.kind == Error::Kind::Network;
    e.closedUnanswered = httpStatus == 0 && networkError == QNetworkReply::RemoteHostClosedError;

    if (body.trimmed().isEmpty())
        return e;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (doc.isObject()) {
        if (json)
            *json = doc.object();
        if (e.isError())
            e.detail = errorDetailFromJson(doc.object());
    } else if (!e.isError()) {
        e.kind = Error::Kind::BadResponse;
        e.technical = doc.isNull() ? QStringLiteral("JSON parse error at %1: %2")
                                         .arg(parseError.offset)
                                         .arg(parseError.errorString())
                                   : QStringLiteral("response is not a JSON object");
    }
    return e;
}

Error errorFromReply(QNetworkReply *reply, const QByteArray &body, QJsonObject *json)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return errorFromReply(reply->error(), reply->errorString(), status, body, json);
}

} // namespace cio::api
