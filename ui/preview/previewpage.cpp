#include "ui/preview/previewpage.h"

#include "liquid/webengine.h"
#include "models/common/theme.h"

#include <QTimer>

namespace cio::ui {

namespace {

bool isOwnDocument(const QUrl &url)
{
    const QString scheme = url.scheme();
    return scheme == QLatin1String(webengine::PreviewScheme) || scheme == QLatin1String("data") ||
           scheme == QLatin1String("about");
}

// target="_blank" links ask for a new window: this throwaway page reports where the link went and
// refuses to go there.
class LinkCatcher final : public QWebEnginePage
{
public:
    LinkCatcher(QWebEngineProfile *profile, PreviewPage *origin)
        : QWebEnginePage(profile, origin)
        , m_origin(origin)
    {}

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType, bool) override
    {
        if (!url.isEmpty() && url.scheme() != QLatin1String("about"))
            emit m_origin->linkActivated(url);
        QTimer::singleShot(0, this, &QObject::deleteLater);
        return false;
    }

private:
    PreviewPage *m_origin;
};

} // namespace

RemoteContentPolicy::RemoteContentPolicy(QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
{}

void RemoteContentPolicy::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QUrl url = info.requestUrl();
    if (isOwnDocument(url))
        return;
    switch (info.resourceType()) {
    case QWebEngineUrlRequestInfo::ResourceTypeImage:
    case QWebEngineUrlRequestInfo::ResourceTypeFontResource:
    case QWebEngineUrlRequestInfo::ResourceTypeStylesheet:
    case QWebEngineUrlRequestInfo::ResourceTypeMedia:
    case QWebEngineUrlRequestInfo::ResourceTypeFavicon:
        if (m_allowed && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
            return;
        break;
    default:
        // Scripts, frames, prefetches, pings, beacons, navigations to elsewhere: never.
        break;
    }
    info.block(true);
    emit blocked(url);
}

PreviewPage::PreviewPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{
    // Behind an email that sets no background: white, as a light mail client shows it.
    setBackgroundColor(theme::colour(theme::Role::PreviewPageBackground, theme::Scheme::Light));
}

bool PreviewPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (type == NavigationTypeLinkClicked) {
        emit linkActivated(url);
        return false;
    }
    // Only the documents the preview itself loads; no redirects, form posts, meta refreshes or frames
    // going elsewhere.
    return isMainFrame && isOwnDocument(url) && type != NavigationTypeFormSubmitted;
}

QWebEnginePage *PreviewPage::createWindow(WebWindowType)
{
    return new LinkCatcher(profile(), this);
}

} // namespace cio::ui
