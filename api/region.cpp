#include "api/region.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace cio::api {

namespace {

bool refuse(QString *why, const QString &reason)
{
    if (why)
        *why = reason;
    return false;
}

} // namespace

QUrl defaultBaseUrl(Region r)
{
    return r == Region::Eu ? QUrl(QStringLiteral("https://api-eu.customer.io"))
                           : QUrl(QStringLiteral("https://api.customer.io"));
}

QString regionName(Region r)
{
    return r == Region::Eu ? QStringLiteral("eu") : QStringLiteral("us");
}

std::optional<Region> regionFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("us"))
        return Region::Us;
    if (n == QLatin1String("eu"))
        return Region::Eu;
    return std::nullopt;
}

bool isAllowedBaseUrl(const QUrl &url, QString *why)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return refuse(why, QCoreApplication::translate(
                               "cio::api::Region",
                               "The API address is not a complete URL such as https://api.customer.io."));
    // Credentials in the URL would end up in logs and history; the key travels only as a header.
    if (!url.userInfo().isEmpty())
        return refuse(
            why, QCoreApplication::translate("cio::api::Region",
                                             "The API address must not contain a user name or password."));
    if (url.hasQuery() || url.hasFragment())
        return refuse(why,
                      QCoreApplication::translate("cio::api::Region",
                                                  "The API address must not contain a query or a fragment."));

    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    if (scheme != QLatin1String("http"))
        return refuse(why, QCoreApplication::translate("cio::api::Region",
                                                       "The API address must start with https://."));

    const QString host = url.host().toLower();
    const QHostAddress address(host);
    const bool loopback = host == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
    if (!loopback)
        return refuse(why,
                      QCoreApplication::translate(
                          "cio::api::Region",
                          "Plain http:// is only allowed for this computer (127.0.0.1, ::1 or localhost); "
                          "use https:// so the API key is not sent unencrypted."));
    return true;
}

} // namespace cio::api
