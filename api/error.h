#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QNetworkReply>
#include <QString>

namespace cio::api {

// The outcome of one API call as a value. Non-UI layers pass it on; the UI picks the surface.
struct Error final
{
    Q_DECLARE_TR_FUNCTIONS(cio::api::Error)

public:
    enum class Kind
    {
        None,
        Network,      // no connection, connection refused/closed, DNS
        Timeout,      // transfer timeout or the overall deadline
        Tls,          // certificate or handshake failure (never ignored)
        Unauthorized, // 401
        Forbidden,    // 403
        NotFound,     // 404
        RateLimited,  // 429, or refused locally because a quota is used up
        Rejected,     // any other 4xx
        Server,       // 5xx
        BadResponse,  // unparsable body or not the documented shape
        ReadOnly,     // refused locally: the workspace is read-only
        Cancelled,
        Insecure, // base URL or redirect refused so the key cannot leak
        File,     // a download could not be written to its file on this computer
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString detail;    // the server's own words (errors[].detail / meta.error), joined
    QString technical; // transport error string etc., for the log; never shown alone
    // RateLimited by a daily quota (archived messages are the only one in the contract): waiting
    // a moment will not help, only tomorrow will. quotaLimit is its size when the server said it.
    bool dailyQuota = false;
    int quotaLimit = 0;
    // BadResponse because the answer outgrew ConnectionSettings::maxResponseBytes (this many bytes).
    qint64 sizeLimit = 0;
    // Network, but the server had begun to answer (a status arrived) when the connection broke: it
    // was reached, and a change sent may have been made.
    bool cutShort = false;
    // Network: the server accepted the connection and closed it without answering. It was reached, and
    // a change sent may have been made.
    bool closedUnanswered = false;
    // Cancelled because the request could not start within Request::startWithinMs; nothing was sent.
    bool expired = false;

    bool isError() const { return kind != Kind::None; }
    // The one place that turns an error into a sentence for a person (translated).
    QString message() const;

    static Error make(Kind kind, const QString &detail = {}, const QString &technical = {});
};

// Extracts the human-readable text from any of the error body shapes in NOTES.md:
// {"errors":[{"detail"}]}, {"meta":{"error"}}, problem+json {"title","detail"}, {"error"}, {"message"}.
QString errorDetailFromJson(const QJsonObject &body);
QString errorDetailFromBody(const QByteArray &body);

// The single mapping from what the transport reported, the HTTP status and the body to an Error.
// Checked in order: HTTP status when there is one, transport error, then the body must be a JSON
// object (an empty body is fine). *json receives the parsed object when given.
Error errorFromReply(QNetworkReply::NetworkError networkError, const QString &errorString, int httpStatus,
                     const QByteArray &body, QJsonObject *json = nullptr);
Error errorFromReply(QNetworkReply *reply, const QByteArray &body, QJsonObject *json = nullptr);

} // namespace cio::api
