// The Snippets page: layout, the editor's state and the preview (lists: snippetspagelists.cpp).
// The writes (save, delete, rename) are in snippetspageactions.cpp.
#include "ui/snippets/snippetspage.h"

#include "models/common/theme.h"
#include "models/snippets/snippetservice.h"
#include "models/store/localstore.h"
#include "models/workspacesession.h"
#include "ui/common/codeeditor.h"
#include "ui/common/editorframe.h"
#include "ui/common/listpageframe.h"
#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/preview/previewview.h"
#include "ui/preview/variantpreview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cio::ui {

SnippetsPage::SnippetsPage(models::WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_store(session->store())
    , m_list(new QTreeWidget(this))
    , m_listFrame(new ListPageFrame(m_list, this))
    , m_search(m_listFrame->search())
    , m_new(new QPushButton(tr("New Snippet"), this))
    , m_editorFrame(new EditorFrame(this))
    , m_name(new QLineEdit(this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_rename(new QPushButton(tr("Rename…"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_findUsages(new QPushButton(tr("Find Usages"), this))
    , m_message(m_editorFrame->message())
    , m_editor(new CodeEditor(this))
    , m_liquidProblems(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_preview(new VariantPreview(session, this))
    , m_usagesView(new QTreeWidget(this))
{
    m_refreshTimer = new QTimer(this);
    m_draftTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(300);
    setObjectName(QStringLiteral("snippetsPage"));
    buildList();
    buildEditor();
    // The list with its search and New on the left, the snippet in its editor frame on the right.
    m_listFrame->setDetailPane(m_editorFrame, 0, 1);
    m_listFrame->splitter()->setSizes({330, 1000});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_listFrame);
    connectEditor();
    if (m_store) {
        connect(m_store, &models::LocalStore::snippetsChanged, this, &SnippetsPage::refreshList);
        connect(m_store, &models::LocalStore::dataChanged, m_refreshTimer, qOverload<>(&QTimer::start));
        connect(m_refreshTimer, &QTimer::timeout, this, &SnippetsPage::refreshList);
    }

    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(150); // as the variant editor's drafts: every keystroke within 150 ms
    connect(m_draftTimer, &QTimer::timeout, this, &SnippetsPage::writeDraft);

    refreshList(); // shows the first snippet, once there is one
    restoreNewSnippetDraft();
    updateActions();
    reload();
}

void SnippetsPage::buildList()
{
    m_search->setObjectName(QStringLiteral("snippetSearch"));
    m_search->setPlaceholderText(tr("Search names and values"));
    m_list->setObjectName(QStringLiteral("snippetList"));
    m_list->setColumnCount(ListColumnCount);
    m_list->setHeaderLabels({tr("Name"), tr("Used in"), tr("Updated")});
    m_list->setAlternatingRowColors(false);
    m_list->sortByColumn(NameColumn, Qt::AscendingOrder);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(UsedColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(UpdatedColumn, QHeaderView::ResizeToContents);
    m_new->setObjectName(QStringLiteral("newSnippet"));
    m_listFrame->hideReloadButton(); // the list follows the local store, which the sync keeps current
    m_listFrame->addAction(m_new);
    m_listFrame->setEmptyTexts({{}, {}, tr("No snippet matches “%1”."),
                                tr("This workspace has no snippets yet. Create one with New Snippet.")});
}

void SnippetsPage::buildEditor()
{
    m_editorFrame->modifiedMarker()->setObjectName(QStringLiteral("snippetModified"));
    m_editorFrame->readOnlyNote()->setObjectName(QStringLiteral("snippetsReadOnly"));
    m_name->setObjectName(QStringLiteral("snippetName"));
    m_name->setPlaceholderText(tr("e.g. footer or “spring promo banner”"));
    m_save->setObjectName(QStringLiteral("saveSnippet"));
    m_save->setDefault(true);
    m_revert->setObjectName(QStringLiteral("revertSnippet"));
    m_rename->setObjectName(QStringLiteral("renameSnippet"));
    m_delete->setObjectName(QStringLiteral("deleteSnippet"));
    m_findUsages->setObjectName(QStringLiteral("findUsages"));
    m_findUsages->setToolTip(tr("Every variant of the local copy whose subject, preheader or body uses this "
                                "snippet"));
    for (QPushButton *button : {m_findUsages, m_rename, m_delete, m_revert, m_save})
        m_editorFrame->addButton(button);
    m_message->setObjectName(QStringLiteral("snippetMessage"));
    m_editor->setObjectName(QStringLiteral("snippetEditor"));
    m_liquidProblems->setObjectName(QStringLiteral("snippetLiquidProblems"));
    m_liquidProblems->setWordWrap(true);
    m_liquidProblems->setTextFormat(Qt::PlainText);
    m_liquidProblems->setPalette(theme::withTextColour(m_liquidProblems->palette(), theme::Role::ErrorText));
    m_liquidProblems->setVisible(false);
    m_preview->view()->setWidthPreset(PreviewView::Width::Free);
    m_usagesView->setObjectName(QStringLiteral("snippetUsages"));
    m_usagesView->setColumnCount(UsageColumnCount);
    m_usagesView->setHeaderLabels({tr("Newsletter"), tr("Variant"), tr("Field"), tr("Line")});
    m_usagesView->setRootIsDecorated(false);
    m_usagesView->setUniformRowHeights(true);
    m_usagesView->header()->setSectionResizeMode(NewsletterColumn, QHeaderView::Stretch);
    m_usagesView->header()->setStretchLastSection(false);
    m_usagesView->setToolTip(tr("Double-click a usage to open the variant"));
    m_tabs->setObjectName(QStringLiteral("snippetTabs"));
    m_tabs->addTab(m_preview, tr("Preview"));
    m_tabs->addTab(m_usagesView, tr("Usages"));

    auto *nameRow = new QHBoxLayout;
    auto *nameLabel = new QLabel(tr("&Name:"), m_editorFrame);
    nameLabel->setBuddy(m_name);
    nameRow->addWidget(nameLabel);
    nameRow->addWidget(m_name, 1);
    auto *editorPane = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(new QLabel(tr("Value (HTML, text or Liquid; no snippets inside):"), editorPane));
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_liquidProblems);
    auto *work = new QSplitter(Qt::Horizontal, this);
    work->setObjectName(QStringLiteral("snippetWorkSplitter"));
    work->addWidget(editorPane);
    work->addWidget(m_tabs);
    work->setStretchFactor(0, 1);
    work->setStretchFactor(1, 1);
    work->setSizes({560, 560}); // the tab widget's size hint would take two thirds
    m_editorFrame->addContent(nameRow);
    m_editorFrame->addContent(work, 1);
}

void SnippetsPage::connectEditor()
{
    connect(m_editorFrame, &EditorFrame::saveRequested, this, &SnippetsPage::save);
    connect(m_search, &QLineEdit::textChanged, this, &SnippetsPage::applySearch);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &SnippetsPage::currentItemChanged);
    connect(m_new, &QPushButton::clicked, this, &SnippetsPage::newSnippet);
    connect(m_save, &QPushButton::clicked, this, &SnippetsPage::save);
    connect(m_revert, &QPushButton::clicked, this, &SnippetsPage::revert);
    connect(m_rename, &QPushButton::clicked, this, &SnippetsPage::renameSnippet);
    connect(m_delete, &QPushButton::clicked, this, &SnippetsPage::deleteSnippet);
    connect(m_findUsages, &QPushButton::clicked, this, &SnippetsPage::findUsages);
    connect(m_editor, &CodeEditor::textChanged, this, &SnippetsPage::editorChanged);
    connect(m_name, &QLineEdit::textChanged, this, &SnippetsPage::editorChanged);
    connect(m_usagesView, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const qint64 contentId = item->data(0, ContentIdRole).toLongLong();
        if (contentId)
            emit variantRequested(item->data(0, NewsletterIdRole).toLongLong(), contentId);
    });
    connect(m_preview, &VariantPreview::rendered, this, [this](const QList<PreviewProblem> &problems) {
        QStringList lines;
        for (const PreviewProblem &p : problems) {
            if (p.field == QLatin1String("body"))
                lines << p.error.toString();
        }
        m_liquidProblems->setText(tr("With the chosen sample data: %1").arg(lines.join(QLatin1String("; "))));
        m_liquidProblems->setVisible(!lines.isEmpty());
    });
    connect(m_message, &MessageWidget::actionTriggered, this, [this] {
        if (m_retry)
            m_retry();
    });
}

SnippetsPage::~SnippetsPage()
{
    // The last keystrokes before the window closed (or the workspace changed) are not lost.
    if (m_draftTimer->isActive())
        writeDraft();
}

void SnippetsPage::reload()
{
    if (!m_store)
        return;
    m_session->snippets()->refresh(this, [this](const models::SnippetService::ListAnswer &answer) {
        if (answer.error.isError()) {
            m_retry = [this] { reload(); };
            m_message->showMessage(
                tr("The snippets could not be refreshed: %1 The list shows the copy kept on "
                   "this computer.")
                    .arg(answer.error.message()),
                MessageWidget::Type::Warning, tr("Try again"));
        }
        // Stored by the service; the list follows through snippetsChanged.
    });
}

void SnippetsPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_editorFrame->setReadOnlyNote(readOnly ? tr("This workspace is read-only: snippets can be viewed, previewed "
                                                 "and searched, but not created, changed, renamed or deleted.")
                                            : QString());
    updateActions();
}

bool SnippetsPage::isModified() const
{
    if (m_isNew)
        return !m_name->text().trimmed().isEmpty() || !m_editor->text().isEmpty();
    return !m_loadedName.isEmpty() && m_editor->text() != m_loadedValue;
}

bool SnippetsPage::confirmDiscard()
{
    if (!isModified())
        return true;
    const QString name = m_isNew ? m_name->text().trimmed() : m_loadedName;
    const bool discard =
        MessageBox::question(this, tr("Unsaved Snippet"),
                             name.isEmpty() ? tr("Discard the new snippet you started?")
                                            : tr("Discard your unsaved changes to “%1”?").arg(name),
                             QMessageBox::Discard | QMessageBox::Cancel,
                             QMessageBox::Cancel) == QMessageBox::Discard;
    if (discard)
        discardDraft();
    return discard;
}

void SnippetsPage::currentItemChanged(QTreeWidgetItem *current, QTreeWidgetItem *previous)
{
    if (m_changingSelection || !current)
        return;
    if (current->text(NameColumn) == m_loadedName && !m_isNew)
        return;
    if (!confirmDiscard()) {
        // Keep the user's text: go back to the snippet being edited.
        m_changingSelection = true;
        m_list->setCurrentItem(previous);
        m_changingSelection = false;
        return;
    }
    const QString name = current->text(NameColumn);
    const QList<api::Snippet> snippets = m_store ? m_store->snippets() : QList<api::Snippet>{};
    for (const api::Snippet &s : snippets) {
        if (s.name == name)
            return showSnippet(s);
    }
}

bool SnippetsPage::selectSnippet(const QString &name)
{
    QTreeWidgetItem *item = itemFor(name);
    if (!item)
        return false;
    m_list->setCurrentItem(item);
    return m_loadedName == name && !m_isNew;
}

void SnippetsPage::showSnippet(const api::Snippet &snippet)
{
    m_isNew = false;
    m_loadedName = snippet.name;
    m_loadedValue = snippet.value;
    m_changingSelection = true;
    m_name->setText(snippet.name);
    m_editor->setText(snippet.value);
    m_changingSelection = false;
    m_message->hideMessage();
    restoreDraft();
    refreshUsages();
    updatePreview();
    updateActions();
}

void SnippetsPage::newSnippet()
{
    if (m_busy || !confirmDiscard())
        return;
    m_isNew = true;
    m_loadedName.clear();
    m_loadedValue.clear();
    m_changingSelection = true;
    m_list->setCurrentItem(nullptr);
    m_list->clearSelection();
    m_name->clear();
    m_editor->clear();
    m_changingSelection = false;
    m_message->hideMessage();
    refreshUsages();
    m_tabs->setCurrentWidget(m_preview);
    updatePreview();
    updateActions();
    m_name->setFocus();
}

void SnippetsPage::revert()
{
    if (m_busy || !isModified() || !confirmDiscard())
        return;
    if (m_isNew) {
        m_changingSelection = true;
        m_name->clear();
        m_editor->clear();
        m_changingSelection = false;
    } else {
        m_editor->setText(m_loadedValue);
    }
    m_draftTimer->stop();
    discardDraft();
    m_message->hideMessage();
    updateActions();
}

void SnippetsPage::editorChanged()
{
    if (m_changingSelection)
        return;
    updatePreview();
    updateActions();
    if (!m_draftTimer->isActive()) // not restarted: typing on without a pause is kept too
        m_draftTimer->start();
}

void SnippetsPage::updatePreview()
{
    // The subject line of the preview names the snippet; {% raw %} keeps the name itself from being Liquid.
    const QString name = m_isNew ? m_name->text().trimmed() : m_loadedName;
    const QString title = name.isEmpty() ? tr("New snippet") : tr("Snippet “%1”").arg(name);
    m_preview->setTexts(QStringLiteral("{% raw %}") + title + QStringLiteral("{% endraw %}"), QString(),
                        m_editor->text(), false);
}

void SnippetsPage::setBusy(bool busy)
{
    m_busy = busy;
    updateActions();
    emit busyChanged(busy);
}

void SnippetsPage::updateActions()
{
    const bool modified = isModified();
    const bool existing = !m_isNew && !m_loadedName.isEmpty();
    const bool canWrite = !m_readOnly && !m_busy && m_store;
    m_editorFrame->setTitle(m_isNew ? tr("New snippet") : m_loadedName.isEmpty() ? tr("Snippets") : m_loadedName);
    m_editorFrame->setModified(modified);
    m_new->setEnabled(canWrite);
    m_save->setEnabled(canWrite && modified);
    m_revert->setEnabled(!m_busy && modified);
    m_rename->setEnabled(canWrite && existing);
    m_delete->setEnabled(canWrite && existing);
    m_findUsages->setEnabled(existing);
    m_name->setReadOnly(!m_isNew || m_readOnly);
    m_editor->setReadOnly(m_readOnly || m_busy || (!m_isNew && m_loadedName.isEmpty()));
    const QString why = m_readOnly ? tr("This workspace is read-only.") : QString();
    m_new->setToolTip(why.isEmpty() ? tr("Start a new snippet") : why);
    m_save->setToolTip(why.isEmpty() ? tr("Save the snippet to the workspace (Ctrl+S)") : why);
    m_rename->setToolTip(
        why.isEmpty() ? tr("Give the snippet a new name and rewrite the variants that use it") : why);
    m_delete->setToolTip(why.isEmpty() ? tr("Delete the snippet from the workspace") : why);
    m_name->setToolTip(!m_isNew && !m_readOnly ? tr("To change the name, use Rename…") : why);
}

} // namespace cio::ui
