#include "router.h"

#include <QUrl>

namespace cio::sandbox {

namespace {

QStringList splitPath(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

} // namespace

void Router::add(const QByteArray &method, const QString &pattern, Handler handler, RouteAuth auth)
{
    m_routes.append(Route{method, splitPath(pattern), auth, std::move(handler)});
}

Router::Match Router::match(const QByteArray &method, const QString &encodedPath) const
{
    const QStringList segments = splitPath(encodedPath);
    Match result;
    for (const Route &route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        QStringList params;
        bool same = true;
        for (qsizetype i = 0; i < segments.size() && same; ++i) {
            if (route.segments.at(i) == QLatin1String("{}"))
                params.append(QUrl::fromPercentEncoding(segments.at(i).toUtf8()));
            else
                same = route.segments.at(i) == segments.at(i);
        }
        if (!same)
            continue;
        result.pathKnown = true;
        if (route.method == method) {
            result.route = &route;
            result.params = params;
            return result;
        }
    }
    return result;
}

} // namespace cio::sandbox
