// NewsletterPage: Translations → Export to XLIFF… / Import from XLIFF… (the workflow is
// models/translation/exchange; this is its window).
#include "ui/newsletters/newsletterpage.h"

#include "models/store/localstore.h"
#include "models/variants/variantmatrixmodel.h"
#include "models/variants/variantsaver.h"
#include "ui/common/messagewidget.h"
#include "ui/translation/translationexportdialog.h"
#include "ui/translation/translationimportdialog.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>

namespace cio::ui {

using namespace models::translation;

namespace {

const QString FolderKey = QStringLiteral("translations/folder");

QString lastFolder()
{
    return QSettings().value(FolderKey, QDir::homePath()).toString();
}

} // namespace

void NewsletterPage::exportTranslations()
{
    const models::VariantMatrix &matrix = m_matrixModel->matrix();
    ExportOptions options;
    options.newsletterId = m_newsletter.id;
    options.newsletterName = m_newsletter.name;
    TranslationExportDialog dialog(matrix, options, lastFolder(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings().setValue(FolderKey, dialog.folder());
    const ExportResult result =
        saveExport(dialog.documents(), dialog.format(), dialog.folder(), matrix.rowCount() > 1);
    if (!result.error.isEmpty()) {
        m_message->showMessage(tr("Export stopped: %1").arg(result.error), MessageWidget::Type::Error);
        return;
    }
    m_message->showMessage(tr("Exported %n file(s) to %1.", nullptr, int(result.files.size()))
                               .arg(QDir::toNativeSeparators(dialog.folder())),
                           MessageWidget::Type::Information);
}

void NewsletterPage::importTranslations()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import Translations"), lastFolder(),
                                                            tr("Translation files (*.xlf *.xliff *.csv);;All files (*)"));
    if (!paths.isEmpty())
        importTranslationFiles(paths);
}

bool NewsletterPage::importTranslationFiles(const QStringList &paths)
{
    if (m_readOnly) {
        m_message->showMessage(tr("This workspace is read-only: nothing can be imported into it."),
                               MessageWidget::Type::Warning);
        return false;
    }
    const LoadResult loaded = loadImportFiles(paths);
    if (!loaded.error.isEmpty()) {
        m_message->showMessage(tr("Nothing was imported. %1").arg(loaded.error), MessageWidget::Type::Error);
        return false;
    }
    QList<TranslationImportDialog::Entry> entries;
    for (const LoadedFile &f : loaded.files) {
        const ImportPlan plan = planImport(f.file, m_matrixModel->matrix(), m_newsletter.id);
        if (!plan.variant) {
            m_message->showMessage(
                tr("Nothing was imported. %1: %2").arg(QFileInfo(f.path).fileName(), plan.error),
                MessageWidget::Type::Error);
            return false;
        }
        entries.append(
            {QFileInfo(f.path).fileName(), *plan.variant, m_drafts.contains(plan.variant->current.id)});
    }
    TranslationImportDialog dialog(entries, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QList<ImportedVariant> chosen = dialog.chosen();
    if (chosen.isEmpty())
        return false;
    pushTranslations(chosen);
    return true;
}

// One rate-limited batch through the editor's saves; what is not saved stays as a draft, so nothing of the
// file is lost.
void NewsletterPage::pushTranslations(const QList<ImportedVariant> &variants)
{
    const QList<models::SaveRequest> requests = saveRequests(variants, m_groups);
    if (requests.isEmpty())
        return;
    m_translations->setEnabled(false);
    m_progress->setRange(0, int(requests.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_saver->saveAll(requests, this, [this, requests](const QList<models::SaveResult> &results) {
        m_progress->setVisible(false);
        m_translations->setEnabled(true);
        int saved = 0;
        QStringList problems;
        for (int i = 0; i < results.size() && i < requests.size(); ++i) {
            const models::SaveResult &r = results.at(i);
            if (r.isSaved()) {
                ++saved;
                if (m_store)
                    m_store->storeContent(r.saved);
                continue;
            }
            problems << tr("%1: %2").arg(requests.at(i).address.describe(), r.message);
            if (m_store) {
                models::Draft draft;
                draft.contentId = requests.at(i).base.id;
                draft.newsletterId = m_newsletter.id;
                draft.fields = requests.at(i).changes;
                draft.base = requests.at(i).base;
                draft.savedAt = QDateTime::currentDateTimeUtc();
                m_store->saveDraft(draft);
            }
        }
        reload();
        if (problems.isEmpty())
            m_message->showMessage(tr("Pushed %n translation(s).", nullptr, saved),
                                   MessageWidget::Type::Information);
        else
            m_message->showMessage(tr("Pushed %1 of %2. Not pushed (kept as drafts): %3")
                                       .arg(saved)
                                       .arg(results.size())
                                       .arg(problems.join(QStringLiteral("; "))),
                                   MessageWidget::Type::Warning);
    });
}

} // namespace cio::ui
