#pragma once

#include "models/workspaceprofile.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace cio::api {
class Client;
struct QueueState;
} // namespace cio::api

namespace cio::ui {

class NewsletterListPage;
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
    void openWorkspace(const models::WorkspaceProfile &profile, api::Client *client);
    void showWelcome(const QString &error = {});

    WelcomePage *welcomePage() const { return m_welcome; }
    NewsletterListPage *newsletterPage() const { return m_newsletters; }
    QListWidget *sidebar() const { return m_sidebar; }

signals:
    void openDemoRequested();

private:
    void buildMenus();
    void updateQueueState(const api::QueueState &state);
    void updateWorkspaceBadge();

    models::WorkspaceProfile m_profile;
    QPointer<api::Client> m_client;
    QStackedWidget *m_rootStack;
    WelcomePage *m_welcome;
    QWidget *m_workspaceView;
    QLabel *m_workspaceBadge;
    QListWidget *m_sidebar;
    QStackedWidget *m_sections;
    NewsletterListPage *m_newsletters = nullptr;
    RequestLogDock *m_logDock;
    QLabel *m_queueLabel;
};

} // namespace cio::ui
