#include "ui/preview/previewview.h"

#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/preview/previewpage.h"
#include "liquid/previewprofile.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineSettings>
#include <QWebEngineView>

namespace cio::ui {

namespace {

constexpr int DesktopWidth = 600;
constexpr int PhoneWidth = 375;
constexpr qreal ZoomStep = 0.1;
constexpr qreal MinZoom = 0.3;
constexpr qreal MaxZoom = 3.0;

QToolButton *toggle(const QString &text, const QString &tip, bool checked, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setCheckable(true);
    button->setChecked(checked);
    button->setAutoRaise(true);
    return button;
}

} // namespace

PreviewView::PreviewView(liquid::PreviewProfile *profile, QWidget *parent)
    : QWidget(parent)
    , m_toolBar(new QWidget(this))
    , m_toolLayout(new QHBoxLayout(m_toolBar))
    , m_widthBox(new QComboBox(m_toolBar))
    , m_darkButton(
          toggle(tr("Dark"), tr("Preview as a client that prefers a dark colour scheme"), false, m_toolBar))
    , m_imagesButton(toggle(tr("Images"), tr("Show images"), true, m_toolBar))
    , m_remoteButton(toggle(tr("Remote"),
                            tr("Load remote images, fonts and stylesheets for this preview (the servers "
                               "see the request)"),
                            false, m_toolBar))
    , m_zoomOut(new QToolButton(m_toolBar))
    , m_zoomIn(new QToolButton(m_toolBar))
    , m_zoomLabel(new QLabel(m_toolBar))
    , m_subject(new QLabel(this))
    , m_preheader(new QLabel(this))
    , m_linkBar(new MessageWidget(this))
    , m_blockedBar(new MessageWidget(this))
    , m_leftOutBar(new MessageWidget(this))
    , m_placeholder(new QLabel(tr("Starting the preview…"), this))
    , m_stage(new QWidget(this))
    , m_stageLayout(new QHBoxLayout(m_stage))
{
    m_profile = profile;
    Q_ASSERT(profile);
    setObjectName(QStringLiteral("previewView"));
    buildToolBar();
    buildHeader();
    buildStage();
    buildLayout();
    connectControls();
    setZoom(1.0);
}

// Width, dark, images, remote and zoom.
void PreviewView::buildToolBar()
{
    m_widthBox->setObjectName(QStringLiteral("previewWidth"));
    m_widthBox->addItem(tr("Desktop %1").arg(DesktopWidth), QVariant::fromValue(Width::Desktop));
    m_widthBox->addItem(tr("Phone %1").arg(PhoneWidth), QVariant::fromValue(Width::Phone));
    m_widthBox->addItem(tr("Fit"), QVariant::fromValue(Width::Free));
    m_widthBox->setToolTip(tr("Width of the recipient's screen"));
    m_darkButton->setObjectName(QStringLiteral("previewDark"));
    m_imagesButton->setObjectName(QStringLiteral("previewImages"));
    m_remoteButton->setObjectName(QStringLiteral("previewRemote"));
    m_zoomOut->setText(QStringLiteral("−"));
    m_zoomOut->setToolTip(tr("Zoom out"));
    m_zoomOut->setAutoRaise(true);
    m_zoomIn->setText(QStringLiteral("+"));
    m_zoomIn->setToolTip(tr("Zoom in"));
    m_zoomIn->setAutoRaise(true);
    m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("300 %")));
    m_zoomLabel->setAlignment(Qt::AlignCenter);

    m_toolLayout->setContentsMargins(0, 0, 0, 0);
    m_toolLayout->addWidget(m_widthBox);
    m_toolLayout->addWidget(m_darkButton);
    m_toolLayout->addWidget(m_imagesButton);
    m_toolLayout->addWidget(m_remoteButton);
    m_toolLayout->addWidget(m_zoomOut);
    m_toolLayout->addWidget(m_zoomLabel);
    m_toolLayout->addWidget(m_zoomIn);
    m_toolLayout->addStretch(1);
}

// Subject and preheader as a recipient's inbox shows them.
void PreviewView::buildHeader()
{
    m_subject->setObjectName(QStringLiteral("previewSubject"));
    m_subject->setTextFormat(Qt::PlainText); // a subject line is never HTML
    m_subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_subject->font();
    bold.setBold(true);
    m_subject->setFont(bold);
    m_subject->setWordWrap(true);
    m_preheader->setObjectName(QStringLiteral("previewPreheader"));
    m_preheader->setTextFormat(Qt::PlainText);
    m_preheader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preheader->setForegroundRole(QPalette::PlaceholderText);
    m_preheader->setWordWrap(true);
}

// The notices, and the stage where the body appears once WebEngine starts.
void PreviewView::buildStage()
{
    m_linkBar->setObjectName(QStringLiteral("previewLinkBar"));
    m_blockedBar->setObjectName(QStringLiteral("previewBlockedBar"));
    m_leftOutBar->setObjectName(QStringLiteral("previewLeftOutBar"));
    m_placeholder->setObjectName(QStringLiteral("previewPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_stageLayout->setContentsMargins(0, 0, 0, 0);
    m_stageLayout->addWidget(m_placeholder, 1);
}

void PreviewView::buildLayout()
{
    // A narrow pane (a laptop screen, three panes side by side) scrolls the tool bar and a 600 px email
    // sideways instead of forcing the whole window wider than the screen.
    auto *toolScroll = new QScrollArea(this);
    toolScroll->setObjectName(QStringLiteral("previewToolScroll"));
    toolScroll->setWidget(m_toolBar);
    toolScroll->setWidgetResizable(true);
    toolScroll->setFrameShape(QFrame::NoFrame);
    toolScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    toolScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    toolScroll->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    toolScroll->setFixedHeight(m_toolBar->sizeHint().height() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) +
                               2);
    auto *stageScroll = new QScrollArea(this);
    stageScroll->setObjectName(QStringLiteral("previewStageScroll"));
    stageScroll->setWidget(m_stage);
    stageScroll->setWidgetResizable(true);
    stageScroll->setFrameShape(QFrame::NoFrame);
    stageScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    stageScroll->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Expanding);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolScroll);
    layout->addWidget(m_subject);
    layout->addWidget(m_preheader);
    layout->addWidget(m_linkBar);
    layout->addWidget(m_blockedBar);
    layout->addWidget(m_leftOutBar);
    layout->addWidget(stageScroll, 1);
}

void PreviewView::connectControls()
{
    connect(m_widthBox, &QComboBox::activated, this,
            [this](int index) { setWidthPreset(m_widthBox->itemData(index).value<Width>()); });
    connect(m_darkButton, &QToolButton::toggled, this, &PreviewView::setDarkMode);
    connect(m_imagesButton, &QToolButton::toggled, this, &PreviewView::setImagesEnabled);
    connect(m_remoteButton, &QToolButton::toggled, this, &PreviewView::setRemoteContentAllowed);
    connect(m_zoomOut, &QToolButton::clicked, this, [this] { setZoom(m_zoom - ZoomStep); });
    connect(m_zoomIn, &QToolButton::clicked, this, [this] { setZoom(m_zoom + ZoomStep); });
    connect(m_linkBar, &MessageWidget::actionTriggered, this, [this] {
        if (m_lastLink.isValid())
            QDesktopServices::openUrl(m_lastLink);
    });
    connect(m_blockedBar, &MessageWidget::actionTriggered, this, [this] { setRemoteContentAllowed(true); });
}

PreviewView::~PreviewView()
{
    if (m_profile)
        m_profile->withdraw(this);
    // The page must go before the view that shows it.
    if (m_view)
        m_view->setPage(nullptr);
    delete m_page;
}

void PreviewView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    ensureView();
}

void PreviewView::ensureView()
{
    if (m_view)
        return;
    liquid::PreviewProfile *profile = m_profile;
    m_view = new QWebEngineView(m_stage);
    m_view->setObjectName(QStringLiteral("previewWebView"));
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_page = new PreviewPage(profile->profile(), this);
    m_policy = new RemoteContentPolicy(m_page);
    m_policy->setRemoteAllowed(m_remoteAllowed);
    m_page->setUrlRequestInterceptor(m_policy);
    m_page->settings()->setAttribute(QWebEngineSettings::AutoLoadImages, m_images);
    m_view->setPage(m_page);
    m_view->setZoomFactor(m_zoom);
    // Not loadFinished: a navigation the page refuses (a clicked link, a frame) finishes as a failed load
    // too, while the email stays as it was.
    connect(m_page, &QWebEnginePage::loadingChanged, this, &PreviewView::loadingChanged);
    // Queued: the question about a link must not open inside WebEngine's navigation callback.
    connect(m_page, &PreviewPage::linkActivated, this, &PreviewView::linkClicked, Qt::QueuedConnection);
    connect(m_policy, &RemoteContentPolicy::blocked, this, [this] {
        ++m_blocked;
        updateBlockedBar();
    });
    m_stageLayout->addWidget(m_view);
    applyWidth();
    if (m_hasEmail)
        load();
}

void PreviewView::showEmail(const QString &subject, const QString &preheader, const QString &body,
                            bool bodyIsText)
{
    m_subject->setText(subject.isEmpty() ? tr("(no subject)") : subject);
    m_subject->setVisible(true);
    m_preheader->setText(preheader);
    m_preheader->setVisible(!preheader.isEmpty());
    m_body = body;
    m_bodyIsText = bodyIsText;
    m_hasEmail = true;
    if (m_view)
        load();
}

void PreviewView::showMessage(const QString &text)
{
    m_hasEmail = false;
    m_leftOutBar->hideMessage();
    m_subject->setVisible(false);
    m_preheader->setVisible(false);
    m_placeholder->setText(text);
    m_placeholder->setVisible(true);
    if (m_view)
        m_view->setVisible(false);
}

void PreviewView::load()
{
    if (!m_page || !m_hasEmail || !m_profile)
        return;
    // Kept across the reload, so typing does not throw the reader back to the top.
    if (!m_restoreScroll)
        m_scroll = m_page->scrollPosition();
    m_restoreScroll = true;
    m_blocked = 0;
    updateBlockedBar();
    QList<LeftOut> leftOut;
    const QString html =
        m_bodyIsText ? plainTextDocument(m_body, m_options) : previewDocument(m_body, m_options, &leftOut);
    updateLeftOutBar(leftOut);
    m_documentUrl = m_profile->publish(this, html.toUtf8());
    m_page->setUrl(m_documentUrl);
}

void PreviewView::loadingChanged(const QWebEngineLoadingInfo &info)
{
    // Only the document we published decides: a refused link or frame stops its own navigation, and a
    // document replaced by a newer one stops too; neither touches what is shown.
    if (info.url() != m_documentUrl)
        return;
    switch (info.status()) {
    case QWebEngineLoadingInfo::LoadStartedStatus:
        break;
    case QWebEngineLoadingInfo::LoadSucceededStatus:
        loaded(true);
        break;
    case QWebEngineLoadingInfo::LoadStoppedStatus:
    case QWebEngineLoadingInfo::LoadFailedStatus:
        loaded(false);
        break;
    }
}

void PreviewView::loaded(bool ok)
{
    m_placeholder->setVisible(!ok);
    if (!ok)
        m_placeholder->setText(tr("The preview could not be shown."));
    m_view->setVisible(ok);
    if (ok && m_restoreScroll && !m_scroll.isNull()) {
        // Our own world: the email's scripts stay off.
        m_page->runJavaScript(QStringLiteral("window.scrollTo(%1, %2)").arg(m_scroll.x()).arg(m_scroll.y()),
                              QWebEngineScript::ApplicationWorld);
    }
    m_restoreScroll = false;
    emit documentLoaded(ok);
}

void PreviewView::linkClicked(const QUrl &url)
{
    m_lastLink = url;
    emit linkActivated(url);
    const QString shown = url.toDisplayString();
    if (url.host().endsWith(QLatin1String(".invalid"))) {
        m_linkBar->showMessage(
            tr("This link is a Customer.io placeholder (%1); each recipient gets their own.").arg(shown),
            MessageWidget::Type::Information);
        return;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http") &&
        scheme != QLatin1String("mailto")) {
        m_linkBar->showMessage(tr("The link to %1 was not opened: the preview opens only web and email links "
                                  "(http, https, mailto).")
                                   .arg(shown),
                               MessageWidget::Type::Warning);
        return;
    }
    // The full address, so a look-alike text cannot hide where the link really goes.
    const QString full = url.toString(QUrl::FullyEncoded);
    const QMessageBox::StandardButton answer =
        MessageBox::question(this, tr("Open Link"), tr("Open this link in your browser?\n\n%1").arg(full),
                             QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Open && QDesktopServices::openUrl(url)) {
        m_linkBar->showMessage(tr("Opened %1 in your browser.").arg(shown), MessageWidget::Type::Information);
        return;
    }
    m_linkBar->showMessage(tr("Link to %1 (not opened)").arg(shown), MessageWidget::Type::Information,
                           tr("Open in Browser"));
}

void PreviewView::updateLeftOutBar(const QList<LeftOut> &leftOut)
{
    m_leftOut.clear();
    QStringList frames, objects;
    for (const LeftOut &item : leftOut) {
        QStringList &list = item.kind == LeftOut::Kind::Frame ? frames : objects;
        list.append(item.url);
    }
    const auto describe = [](const QString &counted, const QStringList &urls) {
        QStringList named;
        for (const QString &url : urls) {
            if (!url.isEmpty() && !named.contains(url))
                named.append(url);
        }
        return named.isEmpty()
                   ? counted
                   : counted + QStringLiteral(" (") + named.join(QStringLiteral(", ")) + QLatin1Char(')');
    };
    if (!frames.isEmpty())
        m_leftOut.append(describe(tr("%n iframe(s)", nullptr, int(frames.size())), frames));
    if (!objects.isEmpty())
        m_leftOut.append(describe(tr("%n embedded object(s)", nullptr, int(objects.size())), objects));
    if (m_leftOut.isEmpty()) {
        m_leftOutBar->hideMessage();
        return;
    }
    m_leftOutBar->showMessage(tr("Left out of the preview: %1. Mail clients do not show frames or embedded "
                                 "objects; a dashed box marks each place.")
                                  .arg(m_leftOut.join(QStringLiteral(", "))),
                              MessageWidget::Type::Information);
}

void PreviewView::updateBlockedBar()
{
    if (m_blocked == 0 || m_remoteAllowed) {
        m_blockedBar->hideMessage();
        return;
    }
    if (m_compact)
        return; // a grid of previews has one switch for all of them
    m_blockedBar->showMessage(
        tr("Blocked remote requests: %1. Images, fonts and tracking pixels load only when "
           "you allow them for this preview.")
            .arg(m_blocked),
        MessageWidget::Type::Information, tr("Load Remote Content"));
}

void PreviewView::setWidthPreset(Width width)
{
    m_width = width;
    m_widthBox->setCurrentIndex(m_widthBox->findData(QVariant::fromValue(width)));
    applyWidth();
    emit settingsChanged();
}

void PreviewView::applyWidth()
{
    if (!m_view)
        return;
    const int base = m_width == Width::Desktop ? DesktopWidth : m_width == Width::Phone ? PhoneWidth : 0;
    m_stageLayout->setAlignment(m_view, base ? Qt::AlignHCenter : Qt::Alignment());
    if (base) {
        // The email's CSS pixels times the zoom, plus room for the scroll bar.
        m_view->setFixedWidth(qRound(base * m_zoom) + style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    } else {
        m_view->setMinimumWidth(0);
        m_view->setMaximumWidth(QWIDGETSIZE_MAX);
    }
}

void PreviewView::setDarkMode(bool dark)
{
    if (m_options.dark == dark)
        return;
    m_options.dark = dark;
    m_darkButton->setChecked(dark);
    load();
    emit settingsChanged();
}

void PreviewView::setImagesEnabled(bool enabled)
{
    if (m_images == enabled)
        return;
    m_images = enabled;
    m_imagesButton->setChecked(enabled);
    if (m_page)
        m_page->settings()->setAttribute(QWebEngineSettings::AutoLoadImages, enabled);
    load();
    emit settingsChanged();
}

void PreviewView::setRemoteContentAllowed(bool allowed)
{
    if (m_remoteAllowed == allowed)
        return;
    m_remoteAllowed = allowed;
    m_remoteButton->setChecked(allowed);
    if (m_policy)
        m_policy->setRemoteAllowed(allowed);
    load();
    emit settingsChanged();
}

void PreviewView::resetRemoteContent()
{
    m_blockedBar->hideMessage();
    if (!m_remoteAllowed)
        return;
    m_remoteAllowed = false;
    const QSignalBlocker blocker(m_remoteButton);
    m_remoteButton->setChecked(false);
    if (m_policy)
        m_policy->setRemoteAllowed(false);
    load(); // what is shown now loaded remote content: show it without
}

bool PreviewView::remoteContentAllowed() const
{
    return m_remoteAllowed;
}

void PreviewView::setZoom(qreal factor)
{
    m_zoom = qBound(MinZoom, factor, MaxZoom);
    m_zoomLabel->setText(tr("%1 %").arg(qRound(m_zoom * 100)));
    m_zoomOut->setEnabled(m_zoom > MinZoom + 0.001);
    m_zoomIn->setEnabled(m_zoom < MaxZoom - 0.001);
    if (m_view)
        m_view->setZoomFactor(m_zoom);
    applyWidth();
    emit settingsChanged();
}

void PreviewView::setToolBarVisible(bool visible)
{
    m_toolBar->setVisible(visible);
    // The tool bar sits in a scroll area (viewport → area): hide that too, or it keeps its room.
    if (QWidget *viewport = m_toolBar->parentWidget()) {
        if (auto *area = qobject_cast<QScrollArea *>(viewport->parentWidget()))
            area->setVisible(visible);
    }
    m_compact = !visible;
    updateBlockedBar();
}

void PreviewView::addToolWidget(QWidget *widget)
{
    m_toolLayout->addWidget(widget);
}

QString PreviewView::subjectText() const
{
    return m_subject->text();
}

QString PreviewView::preheaderText() const
{
    return m_preheader->text();
}

} // namespace cio::ui
