#include "models/workspaces/connectiontester.h"

#include "api/client.h"

#include <QPointer>

namespace cio::models {

namespace {

api::Region otherRegion(api::Region region)
{
    return region == api::Region::Us ? api::Region::Eu : api::Region::Us;
}

ConnectionVerdict verdictFor(const api::Error &error)
{
    ConnectionVerdict v;
    v.error = error;
    switch (error.kind) {
    case api::Error::Kind::None:
        v.outcome = ConnectionVerdict::Outcome::Ok;
        break;
    case api::Error::Kind::Unauthorized:
    case api::Error::Kind::Forbidden:
        v.outcome = ConnectionVerdict::Outcome::WrongKey;
        break;
    case api::Error::Kind::Network:
    case api::Error::Kind::Timeout:
        v.outcome = ConnectionVerdict::Outcome::NoNetwork;
        break;
    case api::Error::Kind::Tls:
        v.outcome = ConnectionVerdict::Outcome::Tls;
        break;
    case api::Error::Kind::RateLimited:
        v.outcome = ConnectionVerdict::Outcome::RateLimited;
        break;
    default:
        v.outcome = ConnectionVerdict::Outcome::Failed;
        break;
    }
    return v;
}

} // namespace

QString ConnectionVerdict::message() const
{
    switch (outcome) {
    case Outcome::Ok:
        return tr("Connected: the key works.");
    case Outcome::WrongKey:
        return tr(
            "The API key was refused. Check that you copied the whole App API key (not a Track API key) "
            "from Account settings → API credentials.");
    case Outcome::WrongRegion:
        return tr("The key belongs to a workspace in the %1 region. Switch the region to %1?")
            .arg(api::regionName(suggestedRegion).toUpper());
    case Outcome::NoNetwork:
        return tr("The API could not be reached. Check the network connection (and any proxy), then try "
                  "again. "
                  "(%1)")
            .arg(error.message());
    case Outcome::Tls:
        return tr("The secure connection to the API failed, so the key was not sent. The network may be "
                  "intercepting encrypted traffic. (%1)")
            .arg(error.message());
    case Outcome::RateLimited:
        return tr(
            "The API is rate limiting this workspace right now. The key may well be fine; try again in a "
            "moment.");
    case Outcome::Failed:
        return error.message();
    }
    return {};
}

ConnectionTester::ConnectionTester(QObject *parent)
    : QObject(parent)
{}

void ConnectionTester::setRegionHost(api::Region region, const QUrl &baseUrl)
{
    m_hosts.insert(int(region), baseUrl);
}

QUrl ConnectionTester::regionHost(api::Region region) const
{
    return m_hosts.value(int(region), api::defaultBaseUrl(region));
}

void ConnectionTester::test(api::Region region, const QUrl &baseUrl, const QString &apiKey,
                            const QObject *context, std::function<void(const ConnectionVerdict &)> done)
{
    QPointer<QObject> guard(const_cast<QObject *>(context));
    const bool explicitHost = !baseUrl.isEmpty();
    const QUrl host = explicitHost ? baseUrl : regionHost(region);
    probe(host, apiKey, [=](const api::Error &error) {
        if (!guard)
            return;
        ConnectionVerdict verdict = verdictFor(error);
        // A key is only ever valid in one region; an explicit host has no "other region" to try.
        if (verdict.outcome != ConnectionVerdict::Outcome::WrongKey || explicitHost) {
            done(verdict);
            return;
        }
        const api::Region other = otherRegion(region);
        probe(regionHost(other), apiKey, [=](const api::Error &otherError) {
            if (!guard)
                return;
            ConnectionVerdict v = verdict;
            if (!otherError.isError()) {
                v.outcome = ConnectionVerdict::Outcome::WrongRegion;
                v.suggestedRegion = other;
            }
            done(v);
        });
    });
}

void ConnectionTester::probe(const QUrl &baseUrl, const QString &apiKey,
                             std::function<void(const api::Error &)> done)
{
    api::ConnectionSettings settings;
    settings.baseUrl = baseUrl;
    settings.apiKey = apiKey;
    settings.maxRetries = 0; // a verdict now beats a success later
    settings.deadlineMs = 20000;
    auto *client = new api::Client(settings, this);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    client->send(api::Request::get(QStringLiteral("/v1/sender_identities"), query), this,
                 [client, done](const api::Response &response) {
                     client->deleteLater();
                     done(response.error);
                 });
}

} // namespace cio::models
