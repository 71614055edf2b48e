#include "ui/mainwindow.h"

#include "models/common/theme.h"
#include "models/newsletters/newsletterlistmodel.h"
#include "models/store/localstore.h"
#include "models/store/storesync.h"
#include "models/workspacesession.h"
#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/common/windowgeometry.h"
#include "ui/editor/varianteditor.h"
#include "ui/newsletters/newsletterlistpage.h"
#include "ui/newsletters/newsletterpage.h"
#include "ui/newsletters/newsletterssection.h"
#include "ui/requestlogdock.h"
#include "ui/sections.h"
#include "ui/segments/segmentspage.h"
#include "ui/snippets/snippetspage.h"
#include "ui/workspaces/welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace cio::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_rootStack(new QStackedWidget(this))
    , m_welcome(new WelcomePage(this))
    , m_workspaceView(new QWidget(this))
    , m_switcher(new QToolButton(this))
    , m_switcherMenu(new QMenu(this))
    , m_readOnlyBadge(new QLabel(this))
    , m_sidebar(new QListWidget(this))
    , m_sections(new QStackedWidget(this))
    , m_logDock(new RequestLogDock(this))
    , m_queueLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("cio-studio"));
    restoreWindowGeometry(this, QStringLiteral("mainWindow"), QSize(1180, 760));

    m_switcher->setObjectName(QStringLiteral("workspaceSwitcher"));
    m_switcher->setPopupMode(QToolButton::InstantPopup);
    m_switcher->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_switcher->setAutoRaise(true);
    m_switcher->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_switcher->setMenu(m_switcherMenu);
    m_readOnlyBadge->setObjectName(QStringLiteral("readOnlyBadge"));
    m_readOnlyBadge->setText(tr("READ-ONLY — changes are disabled"));
    m_readOnlyBadge->setStyleSheet(QStringLiteral("#readOnlyBadge{") +
                                   theme::bannerStyleSheet(theme::BannerKind::Warning) +
                                   QStringLiteral("padding:2px 6px;}"));
    QFont badgeFont = m_readOnlyBadge->font();
    badgeFont.setBold(true);
    m_readOnlyBadge->setFont(badgeFont);
    m_readOnlyBadge->setToolTip(tr("This workspace is read-only: nothing can be saved, created or deleted."));
    m_readOnlyBadge->hide();

    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setMaximumWidth(220);
    m_sidebar->setMinimumWidth(150);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setIconSize(QSize(18, 18));

    auto *sidebarColumn = new QWidget(this);
    auto *sidebarLayout = new QVBoxLayout(sidebarColumn);
    sidebarLayout->setContentsMargins(0, 0, 0, 0);
    sidebarLayout->addWidget(m_switcher);
    sidebarLayout->addWidget(m_readOnlyBadge);
    sidebarLayout->addWidget(m_sidebar, 1);

    m_draftsBanner = new MessageWidget(this);
    m_draftsBanner->setObjectName(QStringLiteral("draftsBanner"));
    auto *sectionsColumn = new QWidget(this);
    auto *sectionsLayout = new QVBoxLayout(sectionsColumn);
    sectionsLayout->setContentsMargins(0, 0, 0, 0);
    sectionsLayout->addWidget(m_draftsBanner);
    sectionsLayout->addWidget(m_sections, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(sidebarColumn);
    splitter->addWidget(sectionsColumn);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({190, 990});
    auto *viewLayout = new QHBoxLayout(m_workspaceView);
    viewLayout->setContentsMargins(0, 0, 0, 0);
    viewLayout->addWidget(splitter);

    m_rootStack->addWidget(m_welcome);
    m_rootStack->addWidget(m_workspaceView);
    setCentralWidget(m_rootStack);

    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    m_logDock->hide();

    m_queueLabel->setObjectName(QStringLiteral("queueState"));
    statusBar()->addPermanentWidget(m_queueLabel);

    connect(m_welcome, &WelcomePage::openDemoRequested, this, &MainWindow::openDemoRequested);
    connect(m_welcome, &WelcomePage::openWorkspaceRequested, this, &MainWindow::openWorkspaceRequested);
    connect(m_welcome, &WelcomePage::addWorkspaceRequested, this, &MainWindow::addWorkspaceRequested);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_sections, &QStackedWidget::setCurrentIndex);

    buildMenus();
    showWelcome();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *addWorkspace = file->addAction(tr("&Add Workspace…"));
    connect(addWorkspace, &QAction::triggered, this, &MainWindow::addWorkspaceRequested);
    QAction *openDemo = file->addAction(tr("Open &Demo Workspace"));
    connect(openDemo, &QAction::triggered, this, &MainWindow::openDemoRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *toggleLog = m_logDock->toggleViewAction();
    toggleLog->setText(tr("&Request Log"));
    toggleLog->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    view->addAction(toggleLog);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About cio-studio"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About cio-studio"),
                           tr("<h3>cio-studio %1</h3><p>A desktop studio for the content of Customer.io "
                              "workspaces.</p><p>Built with Qt %2.</p>")
                               .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
}

void MainWindow::setWorkspaces(const QList<models::WorkspaceProfile> &profiles)
{
    m_profiles = profiles;
    m_welcome->setWorkspaces(profiles);
    rebuildSwitcherMenu();
}

void MainWindow::startBackgroundSync()
{
    models::StoreSync *sync = m_session->sync();
    const QPointer<models::LocalStore> store = m_session->store();
    if (!sync || !store)
        return;
    // The list shows the last synced state at once; this brings the store (and so the list and the
    // full-text search) up to date behind it. The session owns the sync: it ends with the workspace.
    const QPointer<models::StoreSync> guard(sync);
    connect(sync, &models::StoreSync::listStored, this, [this] {
        if (NewsletterListPage *list = newsletterPage())
            list->reloadFromStore(true);
    });
    connect(sync, &models::StoreSync::progress, this, [this](int done, int total) {
        statusBar()->showMessage(tr("Syncing the workspace: %1 of %2…").arg(done).arg(total));
    });
    connect(sync, &models::StoreSync::finished, this, [this, store, guard](const api::Error &error, int fetched) {
        if (!guard || !store)
            return;
        NewsletterListPage *list = newsletterPage();
        if (error.isError() && list && list->model()->rowCount() == 0)
            list->reload(); // the sync brought no list: the page asks itself and says why not
        if (error.isError() && guard->refusedRemovals() > 0) {
            // Nothing was removed: the user decides whether those newsletters are really gone.
            statusBar()->showMessage(error.message());
            const int missing = guard->refusedRemovals();
            const auto answer = MessageBox::question(
                this, tr("Newsletters Missing From Customer.io"),
                tr("Customer.io's list of newsletters lacks %n newsletter(s) that this computer's copy holds, "
                   "so the sync changed nothing.\n\nIf they were deleted in Customer.io, remove them from the "
                   "local copy too (their unsaved drafts stay). If this is unexpected — another workspace's key, "
                   "a server problem — keep them and check the workspace settings.",
                   nullptr, missing),
                QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
            if (answer == QMessageBox::Discard && guard) {
                guard->setAllowRemovals(true);
                guard->startFull();
            }
            return;
        }
        if (error.isError()) {
            const QDateTime last = store->lastSynced();
            statusBar()->showMessage(
                last.isValid()
                    ? tr("Offline: showing the copy synced %1. %2")
                          .arg(QLocale().toString(last.toLocalTime(), QLocale::ShortFormat), error.message())
                    : tr("The workspace could not be synced: %1").arg(error.message()));
            return;
        }
        statusBar()->showMessage(tr("Workspace synced (%n newsletter(s) refreshed).", nullptr, fetched),
                                 5000);
        if (list)
            list->reloadFromStore();
    });
    sync->start();
}

NewsletterListPage *MainWindow::newsletterPage() const
{
    const auto *newsletters = section<NewslettersSection>();
    return newsletters ? newsletters->listPage() : nullptr;
}

NewsletterPage *MainWindow::newsletterDetailPage() const
{
    const auto *newsletters = section<NewslettersSection>();
    return newsletters ? newsletters->newsletterPage() : nullptr;
}

VariantEditor *MainWindow::variantEditor() const
{
    const auto *newsletters = section<NewslettersSection>();
    return newsletters ? newsletters->editor() : nullptr;
}

SnippetsPage *MainWindow::snippetsPage() const
{
    return section<SnippetsPage>();
}

SegmentsPage *MainWindow::segmentsPage() const
{
    return section<SegmentsPage>();
}

void MainWindow::openVariant(qint64 newsletterId, qint64 contentId)
{
    if (auto *newsletters = section<NewslettersSection>()) {
        m_sidebar->setCurrentRow(m_sections->indexOf(newsletters));
        newsletters->openVariant(newsletterId, contentId);
    }
}

void MainWindow::openNewsletter(qint64 id)
{
    if (auto *newsletters = section<NewslettersSection>()) {
        m_sidebar->setCurrentRow(m_sections->indexOf(newsletters));
        newsletters->openNewsletter(id);
    }
}

bool MainWindow::hasWorkspace() const
{
    return m_session != nullptr;
}

void MainWindow::rebuildSwitcherMenu()
{
    m_switcherMenu->clear();
    for (const models::WorkspaceProfile &p : std::as_const(m_profiles)) {
        const QString where = p.baseUrl.isEmpty() ? api::regionName(p.region).toUpper() : p.baseUrl.host();
        QAction *a = m_switcherMenu->addAction(p.readOnly ? tr("%1 (%2, read-only)").arg(p.name, where)
                                                          : tr("%1 (%2)").arg(p.name, where));
        a->setCheckable(true);
        a->setChecked(m_session && !m_profile.demo && p.id == m_profile.id);
        const QString id = p.id;
        connect(a, &QAction::triggered, this, [this, id] { emit openWorkspaceRequested(id); });
    }
    QAction *demo = m_switcherMenu->addAction(tr("Demo workspace"));
    demo->setCheckable(true);
    demo->setChecked(m_session && m_profile.demo);
    connect(demo, &QAction::triggered, this, &MainWindow::openDemoRequested);
    m_switcherMenu->addSeparator();
    QAction *add = m_switcherMenu->addAction(tr("Add Workspace…"));
    connect(add, &QAction::triggered, this, &MainWindow::addWorkspaceRequested);
    const bool editable = m_session && !m_profile.demo;
    QAction *edit = m_switcherMenu->addAction(tr("Edit This Workspace…"));
    edit->setEnabled(editable);
    connect(edit, &QAction::triggered, this, [this] { emit editWorkspaceRequested(m_profile.id); });
    QAction *remove = m_switcherMenu->addAction(tr("Remove This Workspace…"));
    remove->setEnabled(editable);
    connect(remove, &QAction::triggered, this, [this] { emit removeWorkspaceRequested(m_profile.id); });
}

void MainWindow::clearSections()
{
    while (m_sections->count() > 0) {
        QWidget *page = m_sections->widget(0);
        m_sections->removeWidget(page);
        page->deleteLater();
    }
    m_sidebar->clear();
}

void MainWindow::closeWorkspace()
{
    if (VariantEditor *editor = variantEditor())
        editor->writeDraftNow();
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    clearSections();
    m_session = nullptr;
    m_store = nullptr;
    m_logDock->setLog(nullptr, {});
    showWelcome();
    rebuildSwitcherMenu();
}

void MainWindow::showWelcome(const QString &error)
{
    m_welcome->setBusy(false);
    m_welcome->setError(error);
    m_rootStack->setCurrentWidget(m_welcome);
    setWindowTitle(tr("cio-studio"));
}

void MainWindow::openWorkspace(models::WorkspaceSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    const models::WorkspaceProfile profile = session->profile();
    models::LocalStore *store = session->store();
    m_profile = profile;
    m_session = session;
    m_store = store;

    // Sections are rebuilt for each workspace so no state leaks from one to the next.
    clearSections();
    buildSections(session);
    showDraftsBanner();

    m_logDock->setLog(session->requestLog(), profile.effectiveBaseUrl());
    connect(session, &models::WorkspaceSession::queueStateChanged, this, &MainWindow::updateQueueState);
    updateQueueState(session->queueState());
    updateWorkspaceBadge();
    setWindowTitle(tr("%1 — cio-studio").arg(profile.name));
    m_rootStack->setCurrentWidget(m_workspaceView);
    // With a sync, its one list request fills the store and so the list; without, the list asks itself.
    if (session->sync())
        newsletterPage()->reloadForSync();
    else
        newsletterPage()->reload();
    startBackgroundSync();
}

void MainWindow::buildSections(models::WorkspaceSession *session)
{
    for (const Section &section : Sections::all()) {
        QWidget *page = section.create(session, this, m_sections);
        m_sections->addWidget(page);
        auto *item = new QListWidgetItem(style()->standardIcon(section.icon), section.title, m_sidebar);
        item->setToolTip(section.toolTip);
        item->setData(Qt::UserRole, section.id);
    }
    m_sidebar->setCurrentRow(0);
}

void MainWindow::showDraftsBanner()
{
    // Work that was not saved last time (a crash, a kill, a lost network) is offered back first. The banner
    // follows the drafts (Save All empties it) and goes once a newsletter is open: its page shows them.
    // Guarded: an editor being destroyed with the window still writes its draft.
    NewsletterPage *page = newsletterDetailPage();
    const QPointer<MessageWidget> banner = m_draftsBanner;
    const QPointer<models::LocalStore> draftStore = m_store;
    const auto updateDraftsBanner = [this, banner, draftStore] {
        if (!banner)
            return;
        QList<models::Draft> drafts;
        for (const models::Draft &d : draftStore ? draftStore->drafts() : QList<models::Draft>{}) {
            const auto current = draftStore->content(d.contentId);
            if (!current || !models::draftAlreadySaved(d.fields, *current))
                drafts.append(d); // not the leftover of a save
        }
        if (drafts.isEmpty() || banner->property("dismissed").toBool()) {
            banner->hideMessage();
            return;
        }
        const qint64 newest = drafts.first().newsletterId;
        banner->showMessage(tr("You have %n unsaved draft(s) from an earlier session, kept on this "
                               "computer. Open the newsletter with the newest one to review and save it.",
                               nullptr, int(drafts.size())),
                            MessageWidget::Type::Warning, tr("Open Newsletter %1").arg(newest));
        disconnect(banner, &MessageWidget::actionTriggered, nullptr, nullptr);
        connect(banner, &MessageWidget::actionTriggered, this, [this, newest] { openNewsletter(newest); });
    };
    m_draftsBanner->setProperty("dismissed", false);
    updateDraftsBanner();
    if (!page)
        return;
    // This workspace's page is the context: the connections end with it.
    connect(page, &NewsletterPage::loaded, m_draftsBanner, [banner] {
        banner->setProperty("dismissed", true);
        banner->hideMessage();
    });
    if (m_store)
        connect(m_store, &models::LocalStore::draftsChanged, page, updateDraftsBanner);
}

void MainWindow::updateWorkspaceBadge()
{
    QPixmap dot(14, 14);
    dot.fill(Qt::transparent);
    {
        QPainter painter(&dot);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(theme::workspaceColour(m_profile.colour));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(1, 1, 12, 12);
    }
    m_switcher->setIcon(QIcon(dot));
    // A custom API address (a proxy, a test server) is named by its host, never as a region it may not be.
    const QString where = m_profile.demo              ? tr("Local sandbox")
                          : !m_profile.baseUrl.isEmpty() ? m_profile.baseUrl.host()
                                                         : tr("%1 region").arg(api::regionName(m_profile.region).toUpper());
    m_switcher->setText(m_profile.name + QLatin1Char('\n') + where);
    m_switcher->setToolTip(tr("%1 — %2\nClick to switch, add or edit workspaces.")
                               .arg(m_profile.name, m_profile.effectiveBaseUrl().toDisplayString()));
    m_readOnlyBadge->setVisible(m_profile.readOnly);
    rebuildSwitcherMenu();
}

void MainWindow::updateQueueState(const api::QueueState &state)
{
    QStringList parts;
    if (state.inFlight > 0)
        parts << tr("%n request(s) in flight", nullptr, state.inFlight);
    if (state.waiting > 0)
        parts << tr("%n waiting for the rate limit", nullptr, state.waiting);
    if (state.retrying > 0)
        parts << tr("%n retrying", nullptr, state.retrying);
    if (state.pausedForMs > 0)
        parts << tr("paused %1 s by the server's rate limit").arg((state.pausedForMs + 999) / 1000);
    m_queueLabel->setText(parts.isEmpty() ? tr("Idle") : parts.join(QStringLiteral(" · ")));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (VariantEditor *editor = variantEditor())
        editor->writeDraftNow();
    const int drafts = m_store ? int(m_store->drafts().size()) : 0;
    if (drafts > 0) {
        const auto answer = MessageBox::question(
            this, tr("Quit cio-studio"),
            tr("%n unsaved draft(s) will be kept on this computer and offered back the next time you open "
               "“%1”. They are not in Customer.io until you save them.",
               nullptr, drafts)
                .arg(m_profile.name),
            QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Ok,
            {{QMessageBox::Ok, tr("Quit and Keep Drafts")}});
        if (answer != QMessageBox::Ok) {
            event->ignore();
            return;
        }
    }
    saveWindowGeometry(this, QStringLiteral("mainWindow"));
    QMainWindow::closeEvent(event);
}

} // namespace cio::ui
