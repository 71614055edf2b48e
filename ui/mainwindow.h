#pragma once

#include "api/dto.h"
#include "models/workspaceprofile.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QListWidget;
class QMenu;
class QToolButton;
class QStackedWidget;

namespace cio::api {
class Client;
struct QueueState;
} // namespace cio::api

namespace cio::models {
class LocalStore;
class StoreSync;
class WorkspaceRepository;
} // namespace cio::models

namespace cio::ui {

class NewsletterListPage;
class NewsletterPage;
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

    // Shows the workspace. The client stays owned by the caller and must outlive the window's use of it.
    // store: the workspace's local store for drafts and snapshots (may be null: then nothing is kept
    // locally).
    void openWorkspace(const models::WorkspaceProfile &profile, api::Client *client,
                       models::LocalStore *store = nullptr);
    void showWelcome(const QString &error = {});
    // Shows one newsletter's page (header and variant matrix).
    void openNewsletter(qint64 id);
    // Opens the newsletter's page, then the variant's editor.
    void openVariant(qint64 newsletterId, qint64 contentId);
    // Where the segments page finds the workspace's Track key (set by the app before a workspace opens).
    void setWorkspaceRepository(models::WorkspaceRepository *repository) { m_repository = repository; }
    // The saved workspaces, for the switcher and the welcome page.
    void setWorkspaces(const QList<models::WorkspaceProfile> &profiles);
    const models::WorkspaceProfile &currentProfile() const { return m_profile; }
    bool hasWorkspace() const;

    WelcomePage *welcomePage() const { return m_welcome; }
    NewsletterListPage *newsletterPage() const { return m_newsletters; }
    NewsletterPage *newsletterDetailPage() const { return m_newsletterDetail; }
    VariantEditor *variantEditor() const { return m_editor; }
    SnippetsPage *snippetsPage() const { return m_snippets; }
    SegmentsPage *segmentsPage() const { return m_segments; }
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
    void loadCompletionWords(api::Client *client);
    void startBackgroundSync(api::Client *client, models::LocalStore *store);

    models::WorkspaceProfile m_profile;
    QPointer<api::Client> m_client;
    QStackedWidget *m_rootStack;
    WelcomePage *m_welcome;
    QWidget *m_workspaceView;
    QToolButton *m_switcher;
    QMenu *m_switcherMenu;
    QLabel *m_readOnlyBadge;
    QList<models::WorkspaceProfile> m_profiles;
    QListWidget *m_sidebar;
    QStackedWidget *m_sections;
    NewsletterListPage *m_newsletters = nullptr;
    NewsletterPage *m_newsletterDetail = nullptr;
    VariantEditor *m_editor = nullptr;
    SnippetsPage *m_snippets = nullptr;
    SegmentsPage *m_segments = nullptr;
    models::WorkspaceRepository *m_repository = nullptr;
    QPointer<models::LocalStore> m_store;
    MessageWidget *m_draftsBanner = nullptr;
    models::StoreSync *m_sync = nullptr;
    RequestLogDock *m_logDock;
    QLabel *m_queueLabel;
};

} // namespace cio::ui
