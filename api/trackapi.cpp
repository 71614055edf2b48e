#include "api/trackapi.h"

#include "api/logging.h"
#include "api/networkaccessmanager.h"
#include "api/ratelimiter.h"
#include "api/requestlog.h"
#include "api/retrypolicy.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

#include <chrono>

namespace cio::api {

namespace {

bool isCustomerIoApiHost(const QUrl &url)
{
    const QString host = url.host().toLower();
    return host == QLatin1String("api.customer.io") || host == QLatin1String("api-eu.customer.io");
}

} // namespace

QString idTypeName(IdType type)
{
    switch (type) {
    case IdType::Id:
        break;
    case IdType::Email:
        return QStringLiteral("email");
    case IdType::CioId:
        return QStringLiteral("cio_id");
    }
    return QStringLiteral("id");
}

std::optional<IdType> idTypeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("id"))
        return IdType::Id;
    if (n == QLatin1String("email"))
        return IdType::Email;
    if (n == QLatin1String("cio_id"))
        return IdType::CioId;
    return std::nullopt;
}

QUrl TrackSettings::effectiveBaseUrl() const
{
    return baseUrl.isEmpty() ? defaultTrackBaseUrl(region) : baseUrl;
}

QUrl defaultTrackBaseUrl(Region region)
{
    return region == Region::Eu ? QUrl(QStringLiteral("https://track-eu.customer.io"))
                                : QUrl(QStringLiteral("https://track.customer.io"));
}

QUrl trackBaseUrlFor(Region region, const QUrl &appBaseUrl)
{
    if (appBaseUrl.isEmpty() || isCustomerIoApiHost(appBaseUrl))
        return defaultTrackBaseUrl(
            appBaseUrl.host().toLower().startsWith(QLatin1String("api-eu.")) ? Region::Eu : region);
    return appBaseUrl;
}

// One logical call from change() to its callback, across retries.
struct TrackApi::Call
{
    QString path;
    QString query;
    QByteArray body;
    QPointer<QObject> context;
    Done done;
    QDateTime started = QDateTime::currentDateTimeUtc();
    QElapsedTimer elapsed;
    QTimer timer; // waits for the rate limit or a retry
    QPointer<QNetworkReply> reply;
    int retries = 0;
    qint64 bytesReceived = 0;
    qint64 rateLimitWaitMs = 0;
    bool finished = false;
};

TrackApi::TrackApi(const TrackSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_nam(new QNetworkAccessManager(this))
    , m_limiter(new RateLimiter(this))
{
    // Credentials go only to the Track host itself: never along a redirect elsewhere.
    m_nam->setAutoDeleteReplies(false);
    m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    m_limiter->clearRules();
    m_limiter->setLimit(10, 1000);
}

TrackApi::~TrackApi()
{
    for (const CallPtr &call : std::as_const(m_calls)) {
        call->finished = true;
        if (call->reply) {
            call->reply->disconnect(this);
            call->reply->abort();
            call->reply->deleteLater();
        }
    }
}

void TrackApi::setRequestLog(RequestLog *log)
{
    m_log = log;
}

void TrackApi::addToSegment(qint64 segmentId, IdType type, const QStringList &ids, const QObject *context,
                            Done done)
{
    change("add_customers", segmentId, type, ids, context, std::move(done));
}

void TrackApi::removeFromSegment(qint64 segmentId, IdType type, const QStringList &ids,
                                 const QObject *context, Done done)
{
    change("remove_customers", segmentId, type, ids, context, std::move(done));
}

void TrackApi::change(const char *action, qint64 segmentId, IdType type, const QStringList &ids,
                      const QObject *context, Done done)
{
    auto call = std::make_shared<Call>();
    call->path = QStringLiteral("/api/v1/segments/%1/").arg(segmentId) + QLatin1String(action);
    call->query = QStringLiteral("id_type=") + idTypeName(type);
    call->body = QJsonDocument(QJsonObject{{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}})
                     .toJson(QJsonDocument::Compact);
    call->context = const_cast<QObject *>(context ? context : this);
    call->done = std::move(done);
    call->elapsed.start();
    call->timer.setSingleShot(true);
    connect(&call->timer, &QTimer::timeout, this, [this, weak = std::weak_ptr<Call>(call)] {
        if (auto c = weak.lock())
            attempt(c);
    });
    m_calls.append(call);

    // Local refusals: nothing leaves the computer, the caller still hears back once, later.
    QString why;
    if (m_settings.readOnly)
        return finish(call, Error::make(Error::Kind::ReadOnly), 0);
    if (!m_settings.isComplete())
        return finish(call,
                      Error::make(Error::Kind::Unauthorized, tr("No Track API site id and key are set.")), 0);
    if (!isAllowedBaseUrl(m_settings.effectiveBaseUrl(), &why))
        return finish(call, Error::make(Error::Kind::Insecure, why), 0);
    if (ids.size() > MaxIdsPerCall)
        return finish(
            call,
            Error::make(Error::Kind::Rejected,
                        tr("At most %1 people can be sent in one Track API call.").arg(MaxIdsPerCall)),
            0);
    attempt(call);
}

void TrackApi::attempt(const CallPtr &call)
{
    if (call->finished)
        return;
    if (!call->context)
        return finish(call, Error::make(Error::Kind::Cancelled), 0);
    const qint64 wait = m_limiter->tryAcquire("POST", call->path);
    if (wait > 0) {
        call->rateLimitWaitMs += wait;
        call->timer.start(int(qMin<qint64>(wait, 60000)));
        return;
    }
    QUrl url = m_settings.effectiveBaseUrl();
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + call->path, QUrl::TolerantMode);
    url.setQuery(call->query, QUrl::TolerantMode);

    QNetworkRequest request(url);
    const QByteArray credentials =
        (m_settings.siteId.trimmed() + QLatin1Char(':') + m_settings.apiKey.trimmed()).toUtf8().toBase64();
    request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Basic ") + credentials);
    request.setRawHeader(QByteArrayLiteral("User-Agent"), NetworkAccessManager::userAgent());
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    request.setTransferTimeout(std::chrono::milliseconds(qMax(1, m_settings.transferTimeoutMs)));
#else
    request.setTransferTimeout(qMax(1, m_settings.transferTimeoutMs));
#endif
    QNetworkReply *reply = m_nam->post(request, call->body);
    call->reply = reply;
    ++m_requestsSent;
    qCDebug(lcApi).noquote() << "POST" << call->path << "attempt" << call->retries + 1;
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { handle(call, reply); });
}

void TrackApi::handle(const CallPtr &call, QNetworkReply *reply)
{
    reply->disconnect(this);
    reply->deleteLater();
    call->reply = nullptr;
    if (call->finished)
        return;
    Response r;
    if (reply->isOpen())
        r.body = reply->readAll();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &pair : pairs)
        r.headers.insert(pair.first.toLower(), pair.second);
    r.error = errorFromReply(reply, r.body);
    call->bytesReceived += r.body.size();
    if (r.error.kind == Error::Kind::Cancelled) { // not cancelAll(): Qt's transfer timeout
        r.error.kind = Error::Kind::Timeout;
        r.error.technical = QStringLiteral("no data for %1 ms").arg(m_settings.transferTimeoutMs);
    }
    if (r.ok())
        return finish(call, {}, r.status);

    qint64 delay = -1;
    if (r.status == 429) {
        const qint64 retryAfter = retry::retryAfterMs(r.headers);
        delay = retryAfter > 0 ? retryAfter
                               : qMax<qint64>(1000, retry::backoffMs(call->retries, m_retryBaseDelayMs));
        m_limiter->pause(delay);
    } else if (retry::isTransient(r, reply->error())) {
        delay = retry::backoffMs(call->retries, m_retryBaseDelayMs);
    }
    if (delay >= 0 && call->retries < m_settings.maxRetries) {
        ++call->retries;
        qCInfo(lcApi).noquote() << "POST" << call->path << "retry" << call->retries << "in" << delay
                                << "ms after" << r.status << scrub(r.error.technical);
        call->timer.start(int(delay));
        return;
    }
    finish(call, r.error, r.status);
}

void TrackApi::finish(const CallPtr &call, Error error, int status)
{
    if (call->finished)
        return;
    call->finished = true;
    call->timer.stop();
    m_calls.removeOne(call);
    error.technical = scrub(error.technical);
    if (m_log) {
        RequestLog::Entry e;
        e.started = call->started;
        e.method = "POST";
        e.path = call->path;
        e.query = call->query;
        e.status = status;
        e.durationMs = call->elapsed.elapsed();
        e.retries = call->retries;
        e.bytesSent = call->body.size() * (call->retries + 1);
        e.bytesReceived = call->bytesReceived;
        e.rateLimitWaitMs = call->rateLimitWaitMs;
        e.error = scrub(describe(error));
        e.origin = m_settings.effectiveBaseUrl();
        e.basicAuth = true;
        m_log->add(e);
    }
    if (error.isError() && error.kind != Error::Kind::Cancelled)
        qCWarning(lcApi).noquote() << "POST" << call->path << "failed:" << scrub(describe(error))
                                   << error.technical;
    if (QObject *context = call->context.data()) {
        QMetaObject::invokeMethod(
            context, [done = std::move(call->done), error] { done(error); }, Qt::QueuedConnection);
    }
}

void TrackApi::cancelAll()
{
    const QList<CallPtr> calls = m_calls;
    for (const CallPtr &call : calls) {
        if (call->reply) {
            QNetworkReply *reply = call->reply;
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
            call->reply = nullptr;
        }
        finish(call, Error::make(Error::Kind::Cancelled), 0);
    }
}

QString TrackApi::scrub(const QString &text) const
{
    QString out = RequestLog::redact(text);
    const QString key = m_settings.apiKey.trimmed();
    if (key.size() >= 4)
        out.replace(key, QStringLiteral("<redacted>"));
    return out;
}

QString TrackApi::describe(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Unauthorized:
        if (error.httpStatus == 0) // refused locally
            return tr("Adding or removing people needs the workspace's Track API site id and key (workspace "
                      "settings).");
        return tr("The Track API site id or key was refused (401). Check them in the workspace settings.");
    case Error::Kind::Forbidden:
        return tr("The Track API key is not allowed to change segments (403).");
    case Error::Kind::Network:
        return tr("The Customer.io Track API could not be reached. Check the network connection.");
    case Error::Kind::NotFound:
        // The Track API answers 404 for a wrong site id or host as well as for a missing segment: name
        // both rather than the App API's "it may have been deleted".
        return tr("The Track API did not find this segment (404). Check the Track site id and region in the "
                  "workspace settings; if they are right, reload the segments to see whether it still "
                  "exists.");
    default:
        return error.message();
    }
}

} // namespace cio::api
