#pragma once

#include "api/dto.h"
#include "models/snippets/snippetservice.h"

#include <QDialog>
#include <QJsonObject>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTextBrowser;

namespace cio::models {
class LocalStore;
}

namespace cio::ui {

// One variant whose references a rename rewrites: the stored version the review showed (the base of
// the safe save) and the changed fields with their new text (API names).
using SnippetRewrite = models::SnippetRewrite;

// Renaming a snippet, step one: the new name (validated as it is typed) and every rewritten reference
// of the affected variants, line by line as a diff, for review. Accepting it says "go"; the owner
// then creates the new snippet, saves the variants and deletes the old one.
class SnippetRenameDialog final : public QDialog
{
    Q_OBJECT

public:
    SnippetRenameDialog(models::LocalStore *store, const QString &oldName, const QString &value,
                        QWidget *parent = nullptr);

    QString oldName() const { return m_oldName; }
    QString newName() const; // trimmed, as the API will keep it
    // The new name is a snippet with this value already: an earlier rename that stopped half-way.
    bool continuesEarlierRename() const { return m_continues; }
    QList<SnippetRewrite> rewrites() const { return m_rewrites; }
    QLineEdit *nameEdit() const { return m_name; }
    QTextBrowser *review() const { return m_review; }
    QPushButton *renameButton() const;
    QString problem() const; // why the name cannot be used; empty when it can

private:
    void update();

    QPointer<models::LocalStore> m_store;
    QString m_oldName, m_value;
    QList<SnippetRewrite> m_rewrites;
    bool m_continues = false;

    QLineEdit *m_name;
    QLabel *m_problem;
    QLabel *m_summary;
    QTextBrowser *m_review;
    QDialogButtonBox *m_buttons;
};

} // namespace cio::ui
