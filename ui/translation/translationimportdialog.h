#pragma once

#include "models/translation/exchange.h"

#include <QDialog>

class QDialogButtonBox;
class QTextBrowser;
class QTreeWidget;

namespace cio::ui {

// Import Translations…, the review before anything is pushed: per file the language, how much is
// translated and which fields change; the selected one's changes as a word diff against the current
// translation, with the notes (markup placed into the Default's, an unsaved draft of the variant). The
// user pushes all, some or none.
class TranslationImportDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Entry
    {
        QString fileName;
        models::translation::ImportedVariant variant;
        bool hasDraft = false; // the variant has an unsaved draft on this computer
    };

    explicit TranslationImportDialog(const QList<Entry> &entries, QWidget *parent = nullptr);

    // The checked variants that change something.
    QList<models::translation::ImportedVariant> chosen() const;
    QTreeWidget *list() const { return m_list; }
    QTextBrowser *details() const { return m_details; }

private:
    void buildLayout();
    void showDetails();
    void updateButton();

    QList<Entry> m_entries;
    QTreeWidget *m_list;
    QTextBrowser *m_details;
    QDialogButtonBox *m_buttons;
};

} // namespace cio::ui
