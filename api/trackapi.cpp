#include "api/trackapi.h"

#include "api/client.h"
#include "api/ratelimiter.h"

#include <QJsonArray>
#include <QJsonObject>

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

namespace {

ConnectionSettings clientSettings(const TrackSettings &track)
{
    ConnectionSettings c;
    c.region = track.region;
    c.baseUrl = track.effectiveBaseUrl();
    c.apiKey = track.apiKey;
    c.auth = ConnectionSettings::Auth::Basic;
    c.basicUser = track.siteId;
    c.readOnly = track.readOnly;
    c.transferTimeoutMs = track.transferTimeoutMs;
    c.maxRetries = track.maxRetries;
    return c;
}

// Nothing was sent; the caller still hears back once, later, as from the client.
void refuseLater(const QObject *context, TrackApi::Done done, const Error &error)
{
    QMetaObject::invokeMethod(
        const_cast<QObject *>(context), [done = std::move(done), error] { done(error); }, Qt::QueuedConnection);
}

} // namespace

TrackApi::TrackApi(const TrackSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_client(new Client(clientSettings(settings), this))
{
    // The Track API has none of the App API's per-endpoint rules; 10 calls a second is plenty.
    m_client->rateLimiter()->clearRules();
    m_client->rateLimiter()->setLimit(10, 1000);
}

TrackApi::~TrackApi() = default;

void TrackApi::setRequestLog(RequestLog *log)
{
    m_client->shareRequestLog(log);
}

RateLimiter *TrackApi::rateLimiter() const
{
    return m_client->rateLimiter();
}

void TrackApi::setRetryBaseDelayMs(int ms)
{
    m_client->setRetryBaseDelayMs(ms);
}

quint64 TrackApi::requestsSent() const
{
    return m_client->requestsSent();
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
    const QObject *target = context ? context : this;
    // Refused here, before anything leaves (a read-only workspace and an insecure host are the
    // client's own refusals, also local).
    if (!m_settings.readOnly) {
        if (!m_settings.isComplete())
            return refuseLater(target, std::move(done),
                               Error::make(Error::Kind::Unauthorized, tr("No Track API site id and key are set.")));
        QString why;
        if (isAllowedBaseUrl(m_settings.effectiveBaseUrl(), &why) && ids.size() > MaxIdsPerCall)
            return refuseLater(
                target, std::move(done),
                Error::make(Error::Kind::Rejected,
                            tr("At most %1 people can be sent in one Track API call.").arg(MaxIdsPerCall)));
    }
    Request request = Request::post(QStringLiteral("/api/v1/segments/%1/").arg(segmentId) + QLatin1String(action),
                                    QJsonObject{{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}});
    request.query.addQueryItem(QStringLiteral("id_type"), idTypeName(type));
    request.repeatable = true;
    m_client->send(request, target, [done = std::move(done)](const Response &response) { done(response.error); });
}

void TrackApi::cancelAll()
{
    m_client->cancelAll();
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
