#pragma once

#include "models/workspaces/workspaceprofile.h"
#include "models/workspacesession.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace cio::api {
class Client;
class CredentialStore;
} // namespace cio::api
namespace cio::models {
class ConnectionTester;
class LocalStore;
class WorkspaceRepository;
} // namespace cio::models
namespace cio::ui {
class MainWindow;
class WorkspaceDialog;
} // namespace cio::ui

namespace cio::app {

class DemoSandbox;

// Wires the GUI together: command-line options, the main window, saved workspaces and their keys,
// the demo sandbox and the API client of the open workspace.
class Studio final : public QObject
{
    Q_OBJECT

public:
    explicit Studio(QObject *parent = nullptr);
    ~Studio() override;

    // Parses the options (arguments as QCoreApplication::arguments() gives them) and shows the window.
    // Returns false with a message when the options are wrong.
    bool start(const QStringList &arguments, QString *error = nullptr);

    ui::MainWindow *mainWindow() const { return m_window.get(); }
    // The open workspace (null before one is open), its client and its local store.
    models::WorkspaceSession *session() const { return m_session; }
    api::Client *client() const;
    models::LocalStore *store() const;
    models::WorkspaceRepository *workspaces() const { return m_workspaces; }
    models::ConnectionTester *connectionTester() const { return m_tester; }
    // The dialog currently open for adding or editing a workspace, if any (tests drive it).
    ui::WorkspaceDialog *workspaceDialog() const;

    void openDemo();
    void openWorkspace(const QString &id);
    void addWorkspace();
    void editWorkspace(const QString &id, const QString &problem = {});
    void removeWorkspace(const QString &id);

signals:
    void workspaceOpened(const cio::models::WorkspaceProfile &profile);

private:
    void showWorkspace(const models::WorkspaceProfile &profile, const QString &apiKey);
    void runDialog(const models::WorkspaceProfile &profile, const QString &problem);
    void saveFromDialog(bool sessionOnly);
    void refreshWorkspaceList();
    void scheduleScreenshot(const QString &path);

    std::unique_ptr<ui::MainWindow> m_window;
    api::CredentialStore *m_credentials;
    models::WorkspaceRepository *m_workspaces;
    models::ConnectionTester *m_tester;
    QPointer<ui::WorkspaceDialog> m_dialog;
    DemoSandbox *m_demo = nullptr;
    QPointer<models::WorkspaceSession> m_session;
};

} // namespace cio::app
