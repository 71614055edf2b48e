#pragma once

#include "api/dto.h"

#include <QStackedWidget>

namespace cio::models {
class WorkspaceSession;
}

namespace cio::ui {

class NewsletterListPage;
class NewsletterPage;
class VariantEditor;

// The Newsletters section: the list, one newsletter's page in front of it when opened, and the variant
// editor in front of that. Back and Close step out again; the editor's completion follows the
// workspace's snippets as the store has them.
class NewslettersSection final : public QStackedWidget
{
    Q_OBJECT

public:
    explicit NewslettersSection(models::WorkspaceSession *session, QWidget *parent = nullptr);

    NewsletterListPage *listPage() const { return m_list; }
    NewsletterPage *newsletterPage() const { return m_page; }
    VariantEditor *editor() const { return m_editor; }

    // Shows one newsletter's page (header and variant matrix).
    void openNewsletter(qint64 id);
    // Opens the newsletter's page, then, once it has the variants, the variant's editor.
    void openVariant(qint64 newsletterId, qint64 contentId);

signals:
    void variantActivated(const cio::api::Content &variant, const cio::api::Content &defaultVariant,
                          const QList<cio::api::TestGroup> &groups);

private:
    void connectPages();
    void updateCompletionWords();

    models::WorkspaceSession *m_session; // outlives the section
    NewsletterListPage *m_list;
    NewsletterPage *m_page;
    VariantEditor *m_editor;
};

} // namespace cio::ui
