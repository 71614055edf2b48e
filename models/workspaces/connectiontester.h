#pragma once

#include "api/error.h"
#include "api/region.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QUrl>

#include <functional>

namespace cio::models {

// The verdict of "Test connection", told apart the way a person needs it.
struct ConnectionVerdict final
{
    Q_DECLARE_TR_FUNCTIONS(cio::models::ConnectionVerdict)

public:
    enum class Outcome
    {
        Ok,
        WrongKey,
        WrongRegion,
        NoNetwork,
        Tls,
        RateLimited,
        Failed
    };
    Outcome outcome = Outcome::Failed;
    api::Region suggestedRegion = api::Region::Us; // with WrongRegion: where the key works
    api::Error error;                              // what the tested host answered

    bool ok() const { return outcome == Outcome::Ok; }
    QString message() const;
};

// Checks an App API key with one cheap call. On a 401 from a region's default host it asks the other
// region's host too, because a valid key used against the wrong region is refused the same way.
class ConnectionTester final : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionTester(QObject *parent = nullptr);

    // Hosts standing in for the regions (tests point them at local sandboxes).
    void setRegionHost(api::Region region, const QUrl &baseUrl);
    QUrl regionHost(api::Region region) const;

    // baseUrl empty = the region's host. The key is used for these calls only and not kept.
    void test(api::Region region, const QUrl &baseUrl, const QString &apiKey, const QObject *context,
              std::function<void(const ConnectionVerdict &)> done);

private:
    void probe(const QUrl &baseUrl, const QString &apiKey, std::function<void(const api::Error &)> done);

    QHash<int, QUrl> m_hosts;
};

} // namespace cio::models
