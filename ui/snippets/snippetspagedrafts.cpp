// SnippetsPage: unsaved edits kept in the local store, so a crash or a kill loses nothing typed.
#include "ui/snippets/snippetspage.h"

#include "models/store/localstore.h"
#include "ui/common/codeeditor.h"
#include "ui/common/messagewidget.h"

#include <QLineEdit>
#include <QLocale>
#include <QTimer>

namespace cio::ui {

QString SnippetsPage::draftKey() const
{
    return m_isNew ? QString() : m_loadedName;
}

void SnippetsPage::writeDraft()
{
    m_draftTimer->stop();
    if (!m_store || m_readOnly)
        return;
    if (!isModified()) {
        m_store->discardSnippetDraft(draftKey());
        return;
    }
    m_store->saveSnippetDraft({draftKey(), m_name->text(), m_editor->text(), {}});
}

void SnippetsPage::discardDraft()
{
    if (m_store)
        m_store->discardSnippetDraft(draftKey());
}

void SnippetsPage::restoreDraft()
{
    if (!m_store || m_readOnly || m_isNew)
        return;
    const auto draft = m_store->snippetDraft(m_loadedName);
    if (!draft || draft->value == m_loadedValue)
        return;
    m_editor->setText(draft->value); // a change like any other: marked modified, saved or reverted
    m_message->showMessage(
        tr("Your unsaved changes to “%1” from %2 were restored. Save them, or Revert.")
            .arg(m_loadedName, QLocale().toString(draft->savedAt.toLocalTime(), QLocale::ShortFormat)),
        MessageWidget::Type::Information);
}

void SnippetsPage::restoreNewSnippetDraft()
{
    if (!m_store || m_readOnly)
        return;
    const auto draft = m_store->snippetDraft(QString());
    if (!draft || (draft->name.isEmpty() && draft->value.isEmpty()))
        return;
    newSnippet();
    m_name->setText(draft->name);
    m_editor->setText(draft->value);
    m_message->showMessage(
        tr("The new snippet you started on %1 was restored. Save it, or Revert to discard it.")
            .arg(QLocale().toString(draft->savedAt.toLocalTime(), QLocale::ShortFormat)),
        MessageWidget::Type::Information);
}

} // namespace cio::ui
