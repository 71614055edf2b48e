#include "ui/sections.h"

#include "models/workspacesession.h"
#include "ui/mainwindow.h"
#include "ui/newsletters/newsletterssection.h"
#include "ui/segments/segmentspage.h"
#include "ui/snippets/snippetspage.h"

namespace cio::ui {

QList<Section> Sections::all()
{
    return {
        {QStringLiteral("newsletters"), tr("Newsletters"),
         tr("Newsletters (one-time sends) with their languages and A/B variants"),
         QStyle::SP_FileDialogDetailedView,
         [](models::WorkspaceSession *session, MainWindow *window, QWidget *parent) -> QWidget * {
             auto *section = new NewslettersSection(session, parent);
             QObject::connect(section, &NewslettersSection::variantActivated, window,
                              &MainWindow::variantActivated);
             return section;
         }},
        {QStringLiteral("snippets"), tr("Snippets"),
         tr("Reusable texts that messages include with {{ snippets.name }}"), QStyle::SP_FileIcon,
         [](models::WorkspaceSession *session, MainWindow *window, QWidget *parent) -> QWidget * {
             // A usage opens its variant in the editor.
             auto *page = new SnippetsPage(session, parent);
             page->setReadOnly(session->isReadOnly());
             QObject::connect(page, &SnippetsPage::variantRequested, window, &MainWindow::openVariant);
             return page;
         }},
        {QStringLiteral("segments"), tr("Segments"), tr("Groups of people: who a message goes to"),
         QStyle::SP_DirIcon,
         [](models::WorkspaceSession *session, MainWindow *, QWidget *parent) -> QWidget * {
             auto *page = new SegmentsPage(session, parent);
             page->setReadOnly(session->isReadOnly());
             return page;
         }},
    };
}

} // namespace cio::ui
