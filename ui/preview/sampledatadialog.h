#pragma once

#include "models/store/localstore.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace cio::ui {

class CodeEditor;
class EditorFrame;
class MessageWidget;

// The workspace's sample-data sets: a list to pick from and an editor for the picked set's name,
// language and JSON. Edits stay in the dialog until saved; text that is not valid sample data is
// never saved, and never dropped without the user saying so.
class SampleDataDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SampleDataDialog(models::LocalStore *store, QWidget *parent = nullptr);

    void selectSet(qint64 id);
    qint64 currentSetId() const; // 0 when a new set is not saved yet, or nothing is selected

    // What Import… and Export… do after asking for the file; false with a message shown on failure.
    bool importFile(const QString &path);
    bool exportFile(const QString &path);

    void reject() override; // asks about unsaved changes first

private:
    QWidget *buildListPane(QPushButton *importButton); // the sets and the buttons that act on them
    QWidget *buildEditorPane();                        // the picked set's name, language and JSON
    // The message line, both panes side by side, and Close (returned for the caller to connect).
    QDialogButtonBox *buildLayout(QWidget *left, QWidget *right);
    void connectSignals(QPushButton *importButton, QDialogButtonBox *buttons);
    void showDefaultSet();
    // Refills the list from the store (plus the unsaved new set) and selects `selectId` (0 = the new
    // set, -1 = nothing) without signalling a selection change.
    void reloadList(qint64 selectId);
    void showSet(const models::SampleSet &set, bool isNew);
    void clearEditor();
    void currentItemChanged(QListWidgetItem *current, QListWidgetItem *previous);
    // Saves or discards unsaved changes as the user chooses; false when the user cancelled or the
    // save failed, and the edit must stay on screen.
    bool settleChanges();
    bool save();
    void startNew(const models::SampleSet &templateSet, const QString &text);
    void newSet();
    void duplicateSet();
    void deleteSet();
    void makeDefault();
    void chooseImportFile();
    void chooseExportFile();
    void formatJson();
    void storeChanged();
    void updateState();
    bool isModified() const;
    qint64 shownId() const; // as reloadList() takes it
    QString languageText() const;
    QString uniqueName(const QString &wanted) const;
    void fillLanguages(const QString &current);

    QPointer<models::LocalStore> m_store;
    models::SampleSet m_edit; // the set being edited, as stored (id 0 while new)
    bool m_editing = false;   // false when no set is shown
    bool m_isNew = false;
    bool m_writing = false; // our own store writes: their change signal is handled by the writer

    MessageWidget *m_message;
    EditorFrame *m_editor = nullptr;
    QListWidget *m_list;
    QLineEdit *m_name;
    QComboBox *m_language;
    CodeEditor *m_json;
    QLabel *m_problem;
    QPushButton *m_format;
    QPushButton *m_save;
    QPushButton *m_new;
    QPushButton *m_duplicate;
    QPushButton *m_delete;
    QPushButton *m_default;
    QPushButton *m_export;
    int m_errorMarker = -1;
};

} // namespace cio::ui
