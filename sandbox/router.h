#pragma once

#include "apiresult.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrlQuery>

#include <functional>

namespace cio::sandbox {

// The parts of an HTTP request a route handler may look at.
struct ApiRequest
{
    QByteArray method;
    QStringList params; // the {} segments of the matched pattern, percent-decoded
    QUrlQuery query;
    QByteArray body;
    QByteArray authorization; // the raw header: per-key quotas count by it
};

// Which credential a route expects.
enum class RouteAuth
{
    AppApi,
    TrackApi,
    None
};

// A tiny path router: patterns like "/v1/newsletters/{}/contents/{}", matched segment by segment
// on the encoded path so that an escaped "/" inside a snippet name stays one segment.
class Router final
{
public:
    using Handler = std::function<ApiResult(const ApiRequest &)>;

    struct Route
    {
        QByteArray method;
        QStringList segments; // "{}" marks a parameter
        RouteAuth auth = RouteAuth::AppApi;
        Handler handler;
    };

    struct Match
    {
        const Route *route = nullptr;
        bool pathKnown = false; // some route has this path, maybe for another method
        QStringList params;
    };

    void add(const QByteArray &method, const QString &pattern, Handler handler,
             RouteAuth auth = RouteAuth::AppApi);
    Match match(const QByteArray &method, const QString &encodedPath) const;

private:
    QList<Route> m_routes;
};

} // namespace cio::sandbox
