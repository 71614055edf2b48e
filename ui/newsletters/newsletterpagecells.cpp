// The variant matrix's cells: opening, the context menu, missing cells, why outdated, the next cell
// needing work, the language picker and the legend (the rest of the page is in newsletterpage.cpp).
#include "ui/newsletters/newsletterpage.h"

#include "models/store/localstore.h"
#include "models/variants/variantmatrixmodel.h"
#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/newsletters/outdateddialog.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPixmap>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace cio::ui {

void NewsletterPage::activateCell(const QModelIndex &index)
{
    // Copies: whoever receives the signal may change the drafts, which rebuilds the matrix.
    const models::MatrixCell cell = m_matrixModel->cellAt(index);
    if (!cell.content) {
        offerMissing(index.row(), index.column());
        return;
    }
    const api::Content variant = *cell.content;
    const api::Content defaultVariant =
        m_matrixModel->matrix().defaultOf(index.row()).value_or(api::Content{});
    const QList<api::TestGroup> groups = m_groups;
    emit variantActivated(variant, defaultVariant, groups);
}

void NewsletterPage::showCellMenu(const QPoint &pos)
{
    const QModelIndex index = m_matrix->indexAt(pos);
    if (!index.isValid())
        return;
    const int row = index.row();
    const int column = index.column();
    const models::MatrixCell cell = m_matrixModel->cellAt(index);
    QMenu menu(this);
    if (cell.content) {
        menu.addAction(tr("Open in Editor"), this, [this, index] { activateCell(index); });
    } else if (column > 0) {
        const QString language = m_matrixModel->matrix().languages().value(column);
        QAction *add = menu.addAction(tr("Add %1…").arg(languageLabel(language)), this,
                                      [this, row, column] { offerMissing(row, column); });
        add->setEnabled(!m_readOnly && !m_newsletter.isSent());
    }
    if (cell.status == models::CellStatus::Outdated) {
        menu.addAction(tr("Why Outdated…"), this, [this, row, column] { showWhyOutdated(row, column); });
        QAction *mark = menu.addAction(tr("Mark as Still Current"), this,
                                       [this, row, column] { markStillCurrent(row, column); });
        mark->setEnabled(!m_readOnly && m_store);
    }
    if (menu.isEmpty())
        return;
    m_matrix->setCurrentIndex(index);
    menu.exec(m_matrix->viewport()->mapToGlobal(pos));
}

QString NewsletterPage::languageLabel(const QString &code)
{
    if (code.isEmpty())
        return tr("Default");
    const QLocale locale(code);
    if (locale.language() == QLocale::C)
        return code;
    const QString native = locale.nativeLanguageName();
    const QString english = QLocale::languageToString(locale.language());
    if (native.isEmpty() || native.compare(english, Qt::CaseInsensitive) == 0)
        return tr("%1 (%2)").arg(english, code);
    return tr("%1 — %2 (%3)").arg(native, english, code);
}

QStringList NewsletterPage::offeredLanguages() const
{
    const QStringList present = m_matrixModel->matrix().languages();
    QStringList workspace;
    if (m_store) {
        for (const QString &code : m_store->languages()) {
            if (!present.contains(code))
                workspace << code;
        }
    }
    QStringList others;
    for (const char *code :
         {"ar", "cs", "da", "de", "el",    "es", "fi", "fr", "he", "hu", "id", "it", "ja",      "ko",
          "nb", "nl", "pl", "pt", "pt-BR", "ro", "ru", "sv", "th", "tr", "uk", "vi", "zh-Hans", "zh-Hant"}) {
        const QString c = QString::fromLatin1(code);
        if (!present.contains(c) && !workspace.contains(c))
            others << c;
    }
    if (workspace.isEmpty())
        return others;
    return workspace + QStringList{QString()} + others;
}

void NewsletterPage::chooseLanguage()
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("addLanguageDialog"));
    dialog.setWindowTitle(tr("Add Language"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *label =
        new QLabel(tr("Language of the new translation. It starts as a copy of the Default in every "
                      "test group; the workspace's languages come first. You can also type a "
                      "language code."),
                   &dialog);
    label->setWordWrap(true);
    auto *combo = new QComboBox(&dialog);
    combo->setObjectName(QStringLiteral("languageChoice"));
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    for (const QString &code : offeredLanguages()) {
        if (code.isEmpty())
            combo->insertSeparator(combo->count());
        else
            combo->addItem(languageLabel(code), code);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    layout->addWidget(label);
    layout->addWidget(combo);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.resize(460, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted)
        return;
    // A chosen entry carries its code; typed text is taken as a code.
    const QString typed = combo->currentText().trimmed();
    const int chosen = combo->findText(typed);
    const QString code = chosen >= 0 ? combo->itemData(chosen).toString() : typed;
    if (!code.isEmpty())
        addLanguage(code);
}

void NewsletterPage::offerMissing(int row, int column)
{
    const models::VariantMatrix matrix = m_matrixModel->matrix();
    if (row < 0 || row >= matrix.rowCount() || column <= 0 || column >= matrix.columnCount() ||
        matrix.cell(row, column).content)
        return;
    const QString language = languageLabel(matrix.languages().at(column));
    if (m_readOnly) {
        m_message->showMessage(tr("This workspace is read-only, so %1 cannot be added.").arg(language),
                               MessageWidget::Type::Information);
        return;
    }
    if (m_newsletter.isSent()) {
        m_message->showMessage(
            tr("This newsletter was already sent, so %1 cannot be added to it.").arg(language),
            MessageWidget::Type::Information);
        return;
    }
    const QString group = m_groups.size() > 1 ? matrix.rowLabel(row) : tr("this newsletter");
    const auto answer =
        MessageBox::question(this, tr("Add Language"),
                             tr("Add %1 to %2? It starts as a copy of that group's Default, so it shows as "
                                "untranslated until you translate it.")
                                 .arg(language, group),
                             QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes)
        addLanguage(matrix.languages().at(column), {row});
}

std::optional<OutdatedDialog::Facts> NewsletterPage::outdatedFacts(const models::VariantMatrix &matrix,
                                                                   int row, int column) const
{
    if (row < 0 || row >= matrix.rowCount() || column < 0 || column >= matrix.columnCount())
        return std::nullopt;
    const models::MatrixCell cell = matrix.cell(row, column);
    const auto defaultVariant = matrix.defaultOf(row);
    if (cell.status != models::CellStatus::Outdated || !cell.content || !defaultVariant)
        return std::nullopt;
    OutdatedDialog::Facts facts;
    facts.languageName = languageLabel(cell.content->language);
    facts.groupName = m_groups.size() > 1 ? matrix.rowLabel(row) : QString();
    facts.translationSavedAt = cell.textsChangedAt;
    facts.defaultChangedAt = cell.defaultChangedAt;
    facts.defaultNow = *defaultVariant;
    facts.markedCurrentFor = m_times.markedCurrentFor.value(cell.content->id);
    // What changed since the translation was saved, or since the change it was last marked current for.
    if (m_store)
        facts.defaultThen =
            m_store->versionAt(defaultVariant->id, std::max(cell.textsChangedAt, facts.markedCurrentFor));
    facts.readOnly = m_readOnly || !m_store;
    return facts;
}

OutdatedDialog *NewsletterPage::showWhyOutdated(int row, int column)
{
    const models::VariantMatrix matrix = m_matrixModel->matrix();
    const auto facts = outdatedFacts(matrix, row, column);
    if (!facts)
        return nullptr;
    const models::MatrixCell cell = matrix.cell(row, column);
    auto *dialog = new OutdatedDialog(*facts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 contentId = cell.content->id;
    const qint64 defaultChangedAt = cell.defaultChangedAt;
    connect(dialog, &OutdatedDialog::markStillCurrentRequested, this, [this, contentId, defaultChangedAt] {
        if (m_store && m_store->markStillCurrent(contentId, defaultChangedAt))
            refreshDrafts();
    });
    connect(dialog, &OutdatedDialog::openTranslationRequested, this,
            [this, contentId] { openVariant(contentId); });
    dialog->open();
    return dialog;
}

bool NewsletterPage::markStillCurrent(int row, int column)
{
    const models::VariantMatrix matrix = m_matrixModel->matrix();
    if (!m_store || m_readOnly || row < 0 || row >= matrix.rowCount() || column < 0 ||
        column >= matrix.columnCount())
        return false;
    const models::MatrixCell cell = matrix.cell(row, column);
    if (cell.status != models::CellStatus::Outdated || !cell.content)
        return false;
    if (!m_store->markStillCurrent(cell.content->id, cell.defaultChangedAt))
        return false;
    refreshDrafts();
    return true;
}

bool NewsletterPage::openNextWork()
{
    const models::VariantMatrix matrix = m_matrixModel->matrix();
    const int columns = matrix.columnCount();
    const int total = matrix.rowCount() * columns;
    const QModelIndex current = m_matrix->currentIndex();
    const int start = current.isValid() ? current.row() * columns + current.column() : -1;
    for (int step = 1; step <= total; ++step) {
        const int k = (start + step) % total;
        const int row = k / columns;
        const int column = k % columns;
        const models::CellStatus status = matrix.cell(row, column).status;
        const bool work = status == models::CellStatus::Untranslated ||
                          status == models::CellStatus::Outdated || status == models::CellStatus::Draft ||
                          (status == models::CellStatus::Missing && column > 0);
        if (!work)
            continue;
        const QModelIndex index = m_matrixModel->index(row, column);
        m_matrix->setCurrentIndex(index);
        activateCell(index);
        return true;
    }
    m_message->showMessage(tr("Every translation of this newsletter is up to date."),
                           MessageWidget::Type::Information);
    return false;
}

QWidget *NewsletterPage::buildLegend()
{
    auto *legend = new QWidget(this);
    legend->setObjectName(QStringLiteral("matrixLegend"));
    auto *layout = new QHBoxLayout(legend);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    const QList<std::pair<models::CellStatus, QString>> entries{
        {models::CellStatus::Saved, tr("Translated and up to date")},
        {models::CellStatus::Outdated, tr("The Default changed after this translation was saved")},
        {models::CellStatus::Untranslated, tr("Identical to the Default")},
        {models::CellStatus::Missing, tr("No variant in this language; double-click to add it")},
        {models::CellStatus::Draft, tr("Edited here, not saved yet")},
    };
    for (const auto &[status, text] : entries) {
        auto *icon = new QLabel(legend);
        icon->setPixmap(QPixmap::fromImage(models::VariantMatrixModel::statusIcon(status)));
        layout->addWidget(icon);
        icon->setToolTip(text);
        auto *label = new QLabel(models::VariantMatrix::statusName(status), legend);
        label->setToolTip(text);
        layout->addWidget(label);
        layout->addSpacing(8);
    }
    auto *qa = new QLabel(tr("✖ QA errors  ⚠ warnings"), legend);
    qa->setToolTip(tr("Hover a cell for details; right-click an outdated one to see why"));
    layout->addWidget(qa);
    layout->addStretch(1);
    return legend;
}

} // namespace cio::ui
