#pragma once

#include "api/dto.h"
#include "api/queuestate.h"
#include "models/workspaces/workspaceprofile.h"

#include <QMainWindow>
#include <QPointer>
#include <QStackedWidget>

class QLabel;
class QListWidget;
class QMenu;
class QToolButton;


namespace cio::models {
class LocalStore;
class WorkspaceSession;
} // namespace cio::models

namespace cio::ui {

class NewsletterListPage;
class NewsletterPage;
class NewslettersSection;
class SegmentsPage;
class SnippetsPage;
class VariantEditor;
class MessageWidget;
class RequestLogDock;
class WelcomePage;

// The main window: the welcome page until a workspace is open, then the section sidebar,
// the section pages, the request queue in the status bar and the request log dock.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the workspace of the session, which stays owned by the caller and must outlive the window's
    // use of it (the next openWorkspace(), or the window's end).
    void openWorkspace(models::WorkspaceSession *session);
    void showWelcome(const QString &error = {});
    // Lets go of the workspace: its pages are deleted (deferred, so delete the session after this) and
    // the welcome page shows.
    void closeWorkspace();
    // Shows one newsletter's page (header and variant matrix).
    void openNewsletter(qint64 id);
    // Opens the newsletter's page, then the variant's editor.
    void openVariant(qint64 newsletterId, qint64 contentId);
    // The saved workspaces, for the switcher and the welcome page.
    void setWorkspaces(const QList<models::WorkspaceProfile> &profiles);
    const models::WorkspaceProfile &currentProfile() const { return m_profile; }
    bool hasWorkspace() const;

    WelcomePage *welcomePage() const { return m_welcome; }
    // The open workspace's pages (null without one).
    NewsletterListPage *newsletterPage() const;
    NewsletterPage *newsletterDetailPage() const;
    VariantEditor *variantEditor() const;
    SnippetsPage *snippetsPage() const;
    SegmentsPage *segmentsPage() const;
    QListWidget *sidebar() const { return m_sidebar; }

signals:
    void openDemoRequested();
    void openWorkspaceRequested(const QString &id);
    void addWorkspaceRequested();
    void editWorkspaceRequested(const QString &id);
    void removeWorkspaceRequested(const QString &id);
    void variantActivated(const cio::api::Content &variant, const cio::api::Content &defaultVariant,
                          const QList<cio::api::TestGroup> &groups);

protected:
    // Keeps the editor's last keystrokes, says that drafts are kept, and remembers the geometry.
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void updateQueueState(const api::QueueState &state);
    void updateWorkspaceBadge();
    void rebuildSwitcherMenu();
    void clearSections();
    void startBackgroundSync();

    models::WorkspaceProfile m_profile;
    QPointer<models::WorkspaceSession> m_session;
    QStackedWidget *m_rootStack;
    WelcomePage *m_welcome;
    QWidget *m_workspaceView;
    QToolButton *m_switcher;
    QMenu *m_switcherMenu;
    QLabel *m_readOnlyBadge;
    QList<models::WorkspaceProfile> m_profiles;
    QListWidget *m_sidebar;
    QStackedWidget *m_sections;
    // The page of the section of that type, if the open workspace has one.
    template<class Page> Page *section() const
    {
        for (int i = 0; i < m_sections->count(); ++i) {
            if (auto *page = qobject_cast<Page *>(m_sections->widget(i)))
                return page;
        }
        return nullptr;
    }
    // Makes the pages of the registered sections (ui/sections.cpp) for the session, and their sidebar items.
    void buildSections(models::WorkspaceSession *session);
    void showDraftsBanner();
    QPointer<models::LocalStore> m_store;
    MessageWidget *m_draftsBanner = nullptr;
    RequestLogDock *m_logDock;
    QLabel *m_queueLabel;
};

} // namespace cio::ui
