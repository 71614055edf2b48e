#pragma once

#include "ui/preview/previewdocument.h"

#include <QPointF>
#include <QPointer>
#include <QUrl>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QToolButton;
class QWebEngineLoadingInfo;
class QWebEngineView;

namespace cio::liquid {
class PreviewProfile;
}

namespace cio::ui {

class MessageWidget;
class PreviewPage;
class RemoteContentPolicy;

// Shows a rendered email as a recipient would see it: subject and preheader as text, the body in a
// Chromium view at a chosen width (desktop 600 px, phone 375 px, or the pane's), light or dark,
// images on or off, zoomed. Remote content stays blocked until the user allows it for this preview;
// scripts never run; frames, objects and embeds are left out (a placeholder box shows where, a notice
// what); a clicked link never replaces the email: after a question that shows its full address, a web or
// mail link opens in the system browser, any other kind is refused with a note.
//
// WebEngine is created the first time the view is shown. Updates keep the scroll position.
class PreviewView final : public QWidget
{
    Q_OBJECT

public:
    enum class Width
    {
        Desktop,
        Phone,
        Free
    };
    Q_ENUM(Width)

    // profile: the workspace's (WorkspaceSession::previewProfile()); it must outlive the view.
    explicit PreviewView(liquid::PreviewProfile *profile, QWidget *parent = nullptr);
    ~PreviewView() override;

    // The rendered parts. bodyIsText: a plain-text body (shown as text, never as HTML).
    void showEmail(const QString &subject, const QString &preheader, const QString &body,
                   bool bodyIsText = false);
    void showMessage(const QString &text); // instead of an email (nothing to show, renderer failed, …)

    void setWidthPreset(Width width);
    Width widthPreset() const { return m_width; }
    void setDarkMode(bool dark);
    bool darkMode() const { return m_options.dark; }
    void setImagesEnabled(bool enabled);
    bool imagesEnabled() const { return m_images; }
    void setRemoteContentAllowed(bool allowed);
    bool remoteContentAllowed() const;
    // Something else is previewed now (another variant, or the same one opened again): remote content
    // is blocked again and the notice offers it again. Unlike setRemoteContentAllowed(false) this is
    // not a setting that owners mirror (no settingsChanged).
    void resetRemoteContent();
    void setZoom(qreal factor);
    qreal zoom() const { return m_zoom; }
    // A compact view for grids: no toolbar (and no blocked-content notice) of its own.
    void setToolBarVisible(bool visible);
    // Widgets of the owner (sample data, strict/lax) at the toolbar's end.
    void addToolWidget(QWidget *widget);

    QString subjectText() const;
    QString preheaderText() const;
    QWebEngineView *webView() const { return m_view; } // nullptr until first shown
    PreviewPage *page() const { return m_page; }
    int blockedRequests() const { return m_blocked; }
    QUrl lastLink() const { return m_lastLink; }
    QStringList leftOut() const { return m_leftOut; } // what the shown email had that is not previewed

signals:
    void documentLoaded(bool ok);
    void linkActivated(const QUrl &url);
    void settingsChanged(); // width, dark, images, remote, zoom: owners mirror them across views

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildToolBar();
    void buildHeader();
    void buildStage();
    void buildLayout();
    void connectControls();
    void ensureView();
    void load();
    void applyWidth();
    void loadingChanged(const QWebEngineLoadingInfo &info);
    void loaded(bool ok);
    void linkClicked(const QUrl &url);
    void updateBlockedBar();
    void updateLeftOutBar(const QList<LeftOut> &leftOut);

    Width m_width = Width::Desktop;
    PreviewOptions m_options;
    bool m_images = true;
    bool m_remoteAllowed = false;
    bool m_compact = false;
    qreal m_zoom = 1.0;
    int m_blocked = 0;
    QUrl m_lastLink;
    QUrl m_documentUrl; // the document published last: only its loading counts
    QStringList m_leftOut;

    QString m_body;
    bool m_bodyIsText = false;
    bool m_hasEmail = false;
    QPointF m_scroll;
    bool m_restoreScroll = false;

    QWidget *m_toolBar;
    QHBoxLayout *m_toolLayout;
    QComboBox *m_widthBox;
    QToolButton *m_darkButton;
    QToolButton *m_imagesButton;
    QToolButton *m_remoteButton;
    QToolButton *m_zoomOut;
    QToolButton *m_zoomIn;
    QLabel *m_zoomLabel;
    QLabel *m_subject;
    QLabel *m_preheader;
    MessageWidget *m_linkBar;
    MessageWidget *m_blockedBar;
    MessageWidget *m_leftOutBar;
    QLabel *m_placeholder;
    QWidget *m_stage;
    QHBoxLayout *m_stageLayout;
    QWebEngineView *m_view = nullptr;
    PreviewPage *m_page = nullptr;
    RemoteContentPolicy *m_policy = nullptr;
    QPointer<liquid::PreviewProfile> m_profile;
};

} // namespace cio::ui
