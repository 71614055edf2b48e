#pragma once

#include "api/dto.h"
#include "api/error.h"
#include "models/snippets/snippetusages.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace cio::models {
class LocalStore;
class WorkspaceSession;
} // namespace cio::models

namespace cio::ui {

class CodeEditor;
class EditorFrame;
class ListPageFrame;
class MessageWidget;
class SnippetImpactDialog;
class SnippetRenameDialog;
class VariantPreview;

// The workspace's snippets: a searchable list (name and value), the selected snippet's value in the
// code editor beside a live preview rendered with the sample data, the variants that use it, and the
// writes — New, Save (PUT /v1/snippets, after validation, the Liquid parse and, for a used snippet, the
// impact preview), Rename (new snippet, references rewritten through the safe save, old one deleted)
// and Delete (after a confirmation that lists the usages). What the user typed stays in the editor
// until it is saved or deliberately discarded.
class SnippetsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit SnippetsPage(models::WorkspaceSession *session, QWidget *parent = nullptr);
    ~SnippetsPage() override;

    // Fetches the snippets into the local store (the list shows the stored ones at once); shares the
    // request with a sync that asks at the same time.
    void reload();
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // Shows a snippet; false when it is unknown or the user kept unsaved changes of another one.
    bool selectSnippet(const QString &name);
    QString currentName() const { return m_loadedName; } // empty for a new, unsaved snippet
    bool isNew() const { return m_isNew; }
    bool isModified() const;

    // The actions, as the buttons run them.
    void newSnippet();
    void save();
    void revert();
    void deleteSnippet();
    void renameSnippet();
    void findUsages();

    QTreeWidget *list() const { return m_list; }
    QLineEdit *searchField() const { return m_search; }
    QLineEdit *nameField() const { return m_name; }
    CodeEditor *editor() const { return m_editor; }
    VariantPreview *preview() const { return m_preview; }
    QTreeWidget *usagesView() const { return m_usagesView; }
    QTabWidget *tabs() const { return m_tabs; }
    MessageWidget *messageWidget() const { return m_message; }
    QList<models::SnippetUsage> usages() const { return m_usages; }
    bool isBusy() const { return m_busy; }

signals:
    void variantRequested(qint64 newsletterId, qint64 contentId);
    void snippetSaved(const QString &name);
    void snippetDeleted(const QString &name);
    void snippetRenamed(const QString &oldName, const QString &newName);
    void busyChanged(bool busy); // a write is on its way; the page's own results follow in its banner

private:
    enum ListColumn
    {
        NameColumn,
        UsedColumn,
        UpdatedColumn,
        ListColumnCount
    };
    enum UsageColumn
    {
        NewsletterColumn,
        VariantColumn,
        FieldColumn,
        LineColumn,
        UsageColumnCount
    };
    static constexpr int NewsletterIdRole = Qt::UserRole;
    static constexpr int ContentIdRole = Qt::UserRole + 1;
    static constexpr int ValueRole = Qt::UserRole + 2;

    // snippetspage.cpp
    void buildList();
    void buildEditor();
    void connectEditor();
    void currentItemChanged(QTreeWidgetItem *current, QTreeWidgetItem *previous);
    void showSnippet(const api::Snippet &snippet);
    void editorChanged();
    void updateActions();
    void updatePreview();
    void setBusy(bool busy);
    bool confirmDiscard();
    // snippetspagedrafts.cpp: what is typed survives a crash (a draft per snippet in the local store).
    void writeDraft();             // the current edit as a draft, or none when nothing is changed
    void discardDraft();           // the current snippet's draft, after a save or a deliberate discard
    void restoreDraft();           // after showing a snippet: its unsaved edit, if one was kept
    void restoreNewSnippetDraft(); // at start: a new snippet that was never saved
    QString draftKey() const;

    // snippetspagelists.cpp
    void refreshList();
    void applySearch();
    void refreshUsages();
    QTreeWidgetItem *itemFor(const QString &name) const;

    // snippetspageactions.cpp
    bool validate(QString *name, QString *value);
    void checkLiquidThenSave(const QString &name, const QString &value);
    // Saves through models::SnippetSaver; asks when the snippet changed or went meanwhile. `recreate`:
    // create it again after it was deleted.
    void put(const QString &name, const QString &value, bool recreate = false);
    void putFinished(const QString &name, const api::Snippet &saved, const api::Error &error);
    void deleteFinished(const QString &name, const api::Error &error);
    void runRename(SnippetRenameDialog *dialog);
    void showProblem(const QString &message, int line, int column);

    models::WorkspaceSession *m_session; // outlives the page
    QPointer<models::LocalStore> m_store;
    bool m_readOnly = false;
    bool m_busy = false;
    bool m_isNew = false;
    QString m_loadedName;
    QString m_loadedValue;
    QHash<QString, QList<models::SnippetUsage>> m_allUsages;
    QList<models::SnippetUsage> m_usages;
    bool m_changingSelection = false;
    std::function<void()> m_retry; // what the banner's "Try again" does
    QTimer *m_refreshTimer;        // the usages follow a sync's many store changes once, at its end
    QTimer *m_draftTimer;          // unsaved edits reach the local store a moment after the last keystroke

    QTreeWidget *m_list;
    ListPageFrame *m_listFrame;
    QLineEdit *m_search;
    QPushButton *m_new;
    EditorFrame *m_editorFrame;
    QLineEdit *m_name;
    QPushButton *m_save;
    QPushButton *m_revert;
    QPushButton *m_rename;
    QPushButton *m_delete;
    QPushButton *m_findUsages;
    MessageWidget *m_message;
    CodeEditor *m_editor;
    QLabel *m_liquidProblems;
    QTabWidget *m_tabs;
    VariantPreview *m_preview;
    QTreeWidget *m_usagesView;
};

} // namespace cio::ui
