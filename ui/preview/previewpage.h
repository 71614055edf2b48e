#pragma once

#include <QUrl>
#include <QWebEnginePage>
#include <QWebEngineUrlRequestInterceptor>

namespace cio::ui {

// Decides what a previewed email may fetch: its own document always; remote images, fonts and
// stylesheets only after the user allowed them for this preview; never anything else. Counts what it
// blocked so the preview can say so.
class RemoteContentPolicy final : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT

public:
    explicit RemoteContentPolicy(QObject *parent = nullptr);

    void setRemoteAllowed(bool allowed) { m_allowed = allowed; }
    bool isRemoteAllowed() const { return m_allowed; }
    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

signals:
    void blocked(const QUrl &url);

private:
    bool m_allowed = false;
};

// The page that shows a rendered email: it loads only our own document, refuses every navigation, and
// hands links the user clicks to the application (linkActivated) instead of following them.
class PreviewPage final : public QWebEnginePage
{
    Q_OBJECT

public:
    PreviewPage(QWebEngineProfile *profile, QObject *parent = nullptr);

signals:
    void linkActivated(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &, int,
                                  const QString &) override
    {}
};

} // namespace cio::ui
