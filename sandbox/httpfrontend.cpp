#include "httpfrontend.h"

#include "datastore.h"
#include "faultinjector.h"
#include "routes.h"
#include "sandboxlog.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

namespace cio::sandbox {

namespace {

const QString controlPrefix = QStringLiteral("/__sandbox/");

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return QByteArray();
}

QByteArray methodName(const QHttpServerRequest &request)
{
    const QMetaEnum meta = QMetaEnum::fromType<QHttpServerRequest::Method>();
    return QByteArray(meta.valueToKey(int(request.method()))).toUpper();
}

QByteArray jsonBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

// One request's way back to the client, kept alive by whoever may still answer it.
struct HttpFrontend::Reply
{
    std::unique_ptr<QHttpServerResponder> responder;
    QPointer<QTcpSocket> socket;
    RequestRecord record;
    bool done = false;

    bool connected() const
    {
        return responder && socket && socket->state() == QAbstractSocket::ConnectedState;
    }

    ~Reply()
    {
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
        // Since 6.5 a responder reports its destruction to the connection's stream object;
        // when the client is gone that object may be too, so leak the (small) responder instead.
        if (!socket)
            (void)responder.release();
#endif
    }
};

HttpFrontend::HttpFrontend(DataStore &data, FaultInjector &faults, const Options &options, QObject *parent)
    : QAbstractHttpServer(parent), m_data(data), m_faults(faults), m_options(options),
      m_rateLimit(options.rateLimit), m_latencyMs(options.latencyMs)
{
    m_clock.start();
    registerRoutes(m_router, m_data);
}

HttpFrontend::~HttpFrontend() = default;

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    auto reply = std::make_shared<Reply>();
    reply->responder = std::make_unique<QHttpServerResponder>(std::move(responder));
    // The responder no longer exposes its socket; find it by the client's port (needed for cut).
    const auto sockets = findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        if (socket->peerPort() == request.remotePort() && socket->peerAddress() == request.remoteAddress())
            reply->socket = socket;
    }
    process(request, reply);
    return true;
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
void HttpFrontend::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
#else
void HttpFrontend::missingHandler(const QHttpServerRequest &, QHttpServerResponder &&responder)
#endif
{
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}
#else
bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto reply = std::make_shared<Reply>();
    reply->responder = std::make_unique<QHttpServerResponder>(makeResponder(request, socket));
    reply->socket = socket;
    process(request, reply);
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}
#endif

void HttpFrontend::process(const QHttpServerRequest &request, const ReplyPtr &reply)
{
    const QUrl url = request.url();
    RequestRecord &record = reply->record;
    record.receivedMs = m_clock.elapsed();
    record.method = methodName(request);
    record.path = url.path();
    record.query = url.query();
    record.authorization = headerValue(request, QByteArrayLiteral("Authorization"));
    record.userAgent = headerValue(request, QByteArrayLiteral("User-Agent"));
    record.body = request.body();

    if (record.path.startsWith(controlPrefix)) {
        handleControl(request, reply);
        return;
    }

    m_stalled.removeIf([](const ReplyPtr &stalled) { return !stalled->socket; });
    const FaultInjector::Decision fault = m_faults.next(record.path);
    const int delay = m_latencyMs + fault.latencyMs;
    switch (fault.kind) {
    case FaultInjector::Kind::Stall:
        m_stalled.append(reply);
        finish(reply, 0);
        return;
    case FaultInjector::Kind::Cut:
        finish(reply, 0);
        // Abort from the event loop, after the server is done with this socket's read handler.
        QTimer::singleShot(delay, this, [reply] {
            if (reply->socket)
                reply->socket->abort();
        });
        return;
    case FaultInjector::Kind::Malformed:
        respond(reply, 200, QByteArrayLiteral("{\"errors\":[{\"detail\":\"trunc"), true, {}, delay);
        return;
    case FaultInjector::Kind::Empty:
        respond(reply, 200, QByteArray(), true, {}, delay);
        return;
    case FaultInjector::Kind::Hollow:
        respond(reply, 200, QByteArrayLiteral("{}"), true, {}, delay);
        return;
    case FaultInjector::Kind::MidCut:
        // Headers that promise a body, half of it, then the connection goes: written on the socket
        // itself, since the responder only sends whole answers.
        finish(reply, 200);
        QTimer::singleShot(delay, this, [reply] {
            if (!reply->socket)
                return;
            const QByteArray body = QByteArrayLiteral("{\"snippets\":[{\"name\":\"cut\",\"value\":\"");
            reply->socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                 QByteArray::number(body.size() * 2) + "\r\n\r\n" + body);
            reply->socket->flush();
            QTimer::singleShot(50, reply->socket, [socket = reply->socket] {
                if (socket)
                    socket->abort();
            });
        });
        return;
    case FaultInjector::Kind::Huge: {
        // Valid JSON of the size asked for, in the shape of a snippet list.
        const qsizetype size = qsizetype(fault.megabytes) * 1024 * 1024;
        QByteArray body;
        body.reserve(size + 64);
        body += "{\"snippets\":[{\"name\":\"huge\",\"value\":\"";
        body += QByteArray(size, 'x');
        body += "\"}]}";
        respond(reply, 200, body, true, {}, delay);
        return;
    }
    case FaultInjector::Kind::Status: {
        ApiResult injected =
            ApiResult::error(fault.status, fault.status == 429 ? QStringLiteral("rate limited to 10 requests per 1s")
                                                               : QStringLiteral("injected fault %1").arg(fault.status));
        if (request.url().path().endsWith(QLatin1String("/archived_message")))
            injected.headers = m_data.archivedQuotaHeaders(reply->record.authorization);
        respond(reply, injected, delay);
        return;
    }
    case FaultInjector::Kind::None:
    case FaultInjector::Kind::Latency:
        break;
    }
    respond(reply, dispatch(request, reply), delay);
}

ApiResult HttpFrontend::dispatch(const QHttpServerRequest &request, const ReplyPtr &reply)
{
    const QUrl url = request.url();
    const Router::Match match = m_router.match(reply->record.method, url.path(QUrl::FullyEncoded));
    if (!match.route) {
        return match.pathKnown
                   ? ApiResult::error(405, QStringLiteral("method %1 is not allowed on %2")
                                               .arg(QString::fromLatin1(reply->record.method), url.path()))
                   : ApiResult::error(404, QStringLiteral("no endpoint %1").arg(url.path()));
    }
    if (!authorized(match.route->auth, reply->record.authorization)) {
        return ApiResult::error(
            401, match.route->auth == RouteAuth::TrackApi
                     ? QStringLiteral("Unauthorized: send HTTP Basic site id and Track API key")
                     : QStringLiteral("Unauthorized: send Authorization: Bearer <App API key>"));
    }
    if (match.route->auth != RouteAuth::TrackApi && !admitForRateLimit()) {
        ApiResult limited =
            ApiResult::error(429, QStringLiteral("rate limited to %1 requests per 1s").arg(m_rateLimit));
        if (url.path().endsWith(QLatin1String("/archived_message")))
            limited.headers = m_data.archivedQuotaHeaders(reply->record.authorization);
        return limited;
    }
    ApiRequest apiRequest{reply->record.method, match.params, QUrlQuery(url), request.body(),
                          reply->record.authorization};
    return match.route->handler(apiRequest);
}

bool HttpFrontend::authorized(RouteAuth auth, const QByteArray &header) const
{
    switch (auth) {
    case RouteAuth::None:
        return true;
    case RouteAuth::AppApi:
        return header == QByteArrayLiteral("Bearer ") + m_options.apiKey.toUtf8();
    case RouteAuth::TrackApi:
        return header ==
               QByteArrayLiteral("Basic ") +
                   (m_options.trackSiteId + QLatin1Char(':') + m_options.trackApiKey).toUtf8().toBase64();
    }
    return false;
}

bool HttpFrontend::admitForRateLimit()
{
    if (m_rateLimit <= 0)
        return true;
    const qint64 now = m_clock.elapsed();
    m_accepted.removeIf([now](qint64 at) { return now - at >= 1000; });
    if (m_accepted.size() >= m_rateLimit)
        return false;
    m_accepted.append(now);
    return true;
}

void HttpFrontend::respond(const ReplyPtr &reply, const ApiResult &result, int delayMs)
{
    QList<std::pair<QByteArray, QByteArray>> headers = result.headers;
    if (result.status == 429 && result.retryAfterSeconds > 0)
        headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(result.retryAfterSeconds)});
    respond(reply, result.status, result.hasBody ? jsonBytes(result.body) : QByteArray(), result.hasBody,
            headers, delayMs);
}

void HttpFrontend::respond(const ReplyPtr &reply, int status, const QByteArray &body, bool json,
                           const QList<std::pair<QByteArray, QByteArray>> &headers, int delayMs)
{
    const auto send = [this, reply, status, body, json, headers] {
        finish(reply, status);
        if (!reply->connected())
            return;
        const auto code = static_cast<QHttpServerResponder::StatusCode>(status);
        QHttpServerResponder &responder = *reply->responder;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
        QHttpHeaders all;
        if (json)
            all.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
        for (const auto &[name, value] : headers)
            all.append(name, value);
        responder.write(body, all, code);
#else
        // write(body, HeaderList, status) only takes a braced list; this is what it does inside.
        responder.writeStatusLine(code);
        if (json)
            responder.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
        for (const auto &[name, value] : headers)
            responder.writeHeader(name, value);
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
        responder.writeBody(body);
#endif
    };
    if (delayMs > 0)
        QTimer::singleShot(delayMs, this, send);
    else
        send();
}

void HttpFrontend::finish(const ReplyPtr &reply, int status)
{
    if (reply->done)
        return;
    reply->done = true;
    reply->record.status = status;
    m_log.append(reply->record);
    qCDebug(lcSandbox).noquote() << reply->record.method << reply->record.path << status;
    emit requestLogged(reply->record);
}

void HttpFrontend::handleControl(const QHttpServerRequest &request, const ReplyPtr &reply)
{
    // A test hook, never reachable from another machine even when the API is.
    if (!request.remoteAddress().isLoopback()) {
        respond(reply, ApiResult::error(403, QStringLiteral("control endpoints are loopback-only")), 0);
        return;
    }
    const QString what = reply->record.path.mid(controlPrefix.size());
    const QByteArray &method = reply->record.method;
    ApiResult result = ApiResult::error(404, QStringLiteral("unknown control endpoint"));
    if (what == QLatin1String("requests") && method == "GET") {
        QJsonArray items;
        for (const RequestRecord &record : std::as_const(m_log)) {
            items.append(
                QJsonObject{{QStringLiteral("received_ms"), record.receivedMs},
                            {QStringLiteral("method"), QString::fromLatin1(record.method)},
                            {QStringLiteral("path"), record.path},
                            {QStringLiteral("query"), record.query},
                            {QStringLiteral("status"), record.status},
                            {QStringLiteral("authorization"), QString::fromUtf8(record.authorization)},
                            {QStringLiteral("user_agent"), QString::fromUtf8(record.userAgent)}});
        }
        result = ApiResult::ok({{QStringLiteral("requests"), items}});
    } else if (what == QLatin1String("requests") && method == "DELETE") {
        m_log.clear();
        result = ApiResult::noContent();
    } else if (what == QLatin1String("faults") && (method == "POST" || method == "PUT")) {
        QString error;
        result = m_faults.setSpec(QString::fromUtf8(request.body()), &error)
                     ? ApiResult::ok({{QStringLiteral("faults"), m_faults.spec()}})
                     : ApiResult::error(400, error);
    } else if (what == QLatin1String("faults") && method == "GET") {
        result = ApiResult::ok({{QStringLiteral("faults"), m_faults.spec()}});
    }
    // Control requests stay out of the request log so tests see only API traffic.
    reply->done = true;
    respond(reply, result, 0);
}

} // namespace cio::sandbox
