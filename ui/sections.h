#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStyle>

#include <functional>

class QWidget;

namespace cio::models {
class WorkspaceSession;
}

namespace cio::ui {

class MainWindow;

// One entry of the sidebar: what it says, and the page it makes for an open workspace. The window makes
// every section's page when a workspace opens and deletes them when it closes.
struct Section final
{
    QString id; // object name of the page, stable for tests and settings
    QString title;
    QString toolTip;
    QStyle::StandardPixmap icon;
    // Makes the page for the session (which outlives it); `window` for hooks into other sections.
    std::function<QWidget *(models::WorkspaceSession *session, MainWindow *window, QWidget *parent)> create;
};

// The sections of the sidebar, in order. Adding a section is one entry here (see ARCHITECTURE.md).
class Sections final
{
    Q_DECLARE_TR_FUNCTIONS(cio::ui::Sections)

public:
    static QList<Section> all();
};

} // namespace cio::ui
