#pragma once

#include "models/workspaces/workspaceprofile.h"

#include <QWidget>

class QFrame;
class QLabel;
class QListWidget;
class QPushButton;

namespace cio::ui {

// First screen when no workspace is open: the way into the demo workspace.
class WelcomePage final : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Shows why the last attempt to open a workspace failed (empty hides it).
    void setError(const QString &message);
    void setBusy(bool busy);
    void setWorkspaces(const QList<models::WorkspaceProfile> &profiles);

signals:
    void openDemoRequested();
    void openWorkspaceRequested(const QString &id);
    void addWorkspaceRequested();

private:
    void setUpControls();
    QFrame *buildCard();
    void buildLayout(QFrame *card);

    QPushButton *m_openDemo;
    QPushButton *m_addWorkspace;
    QLabel *m_workspacesTitle;
    QListWidget *m_workspaces;
    QLabel *m_error;
};

} // namespace cio::ui
