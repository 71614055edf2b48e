#pragma once

#include "models/translation/exchange.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace cio::models {
class VariantMatrix;
}

namespace cio::ui {

// Export Translations…: which target languages, which XLIFF version, which folder; a summary of what the
// files will hold (units translated, to review, to translate) before anything is written.
class TranslationExportDialog final : public QDialog
{
    Q_OBJECT

public:
    TranslationExportDialog(const models::VariantMatrix &matrix,
                            const models::translation::ExportOptions &options, const QString &folder,
                            QWidget *parent = nullptr);

    QStringList languages() const;
    models::translation::ExchangeFormat format() const;
    QString folder() const;
    // What would be written with the current choices.
    QList<models::translation::ExportDocument> documents() const;

private:
    void buildLayout();
    void chooseFolder();
    void updateSummary();

    const models::VariantMatrix &m_matrix; // the page's, which outlives this modal dialog
    models::translation::ExportOptions m_options;
    QListWidget *m_languages;
    QComboBox *m_version;
    QLineEdit *m_folder;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
};

} // namespace cio::ui
