#include "ui/translation/translationexportdialog.h"

#include "models/variants/variantmatrix.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cio::ui {

using namespace models::translation;

TranslationExportDialog::TranslationExportDialog(const models::VariantMatrix &matrix,
                                                 const ExportOptions &options, const QString &folder,
                                                 QWidget *parent)
    : QDialog(parent)
    , m_matrix(matrix)
    , m_options(options)
    , m_languages(new QListWidget(this))
    , m_version(new QComboBox(this))
    , m_folder(new QLineEdit(folder, this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("translationExportDialog"));
    setWindowTitle(tr("Export Translations"));
    m_languages->setObjectName(QStringLiteral("exportLanguages"));
    for (int column = 1; column < matrix.columnCount(); ++column) {
        auto *item = new QListWidgetItem(matrix.languages().at(column), m_languages);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_version->setObjectName(QStringLiteral("exportVersion"));
    m_version->addItem(tr("XLIFF 2.0"), QVariant::fromValue(int(ExchangeFormat::Xliff20)));
    m_version->addItem(tr("XLIFF 1.2 (for tools that read only 1.2)"),
                       QVariant::fromValue(int(ExchangeFormat::Xliff12)));
    m_version->addItem(tr("CSV for spreadsheets (UTF-8)"), QVariant::fromValue(int(ExchangeFormat::Csv)));
    m_folder->setObjectName(QStringLiteral("exportFolder"));
    m_summary->setObjectName(QStringLiteral("exportSummary"));
    m_summary->setWordWrap(true);
    auto *exportButton = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    buildLayout();
    connect(m_languages, &QListWidget::itemChanged, this, &TranslationExportDialog::updateSummary);
    connect(m_folder, &QLineEdit::textChanged, this, &TranslationExportDialog::updateSummary);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateSummary();
}

void TranslationExportDialog::buildLayout()
{
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &TranslationExportDialog::chooseFolder);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Languages:"), m_languages);
    form->addRow(tr("&Format:"), m_version);
    auto *folderLabel = new QLabel(tr("F&older:"), this);
    folderLabel->setBuddy(m_folder); // a row holding a layout gets no buddy by itself
    form->addRow(folderLabel, folderRow);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("One file per language (and A/B test group), for the translator's own tool. "
                                "Markup and Liquid travel as protected codes; current translations are "
                                "filled in, outdated ones marked for review."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
}

void TranslationExportDialog::chooseFolder()
{
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Export to Folder"), m_folder->text());
    if (!chosen.isEmpty())
        m_folder->setText(chosen);
}

QStringList TranslationExportDialog::languages() const
{
    QStringList out;
    for (int i = 0; i < m_languages->count(); ++i) {
        if (m_languages->item(i)->checkState() == Qt::Checked)
            out.append(m_languages->item(i)->text());
    }
    return out;
}

ExchangeFormat TranslationExportDialog::format() const
{
    return ExchangeFormat(m_version->currentData().toInt());
}

QString TranslationExportDialog::folder() const
{
    return m_folder->text().trimmed();
}

QList<ExportDocument> TranslationExportDialog::documents() const
{
    ExportOptions options = m_options;
    options.languages = languages();
    if (options.languages.isEmpty())
        return {};
    return exportDocuments(m_matrix, options);
}

void TranslationExportDialog::updateSummary()
{
    const QList<ExportDocument> docs = documents();
    int files = 0;
    int translated = 0;
    int review = 0;
    int open = 0;
    for (const ExportDocument &d : docs) {
        files += d.file.units.isEmpty() ? 0 : 1;
        translated += d.translated;
        review += d.needsReview;
        open += d.untranslated;
    }
    const bool folderOk = !folder().isEmpty() && QFileInfo(folder()).isDir();
    if (files == 0)
        m_summary->setText(tr("Choose at least one language."));
    else if (!folderOk)
        m_summary->setText(tr("Choose a folder that exists."));
    else
        m_summary->setText(
            tr("%n file(s): %1 units translated, %2 to review, %3 to translate.", nullptr, files)
                .arg(translated)
                .arg(review)
                .arg(open));
    for (QAbstractButton *b : m_buttons->buttons()) {
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(files > 0 && folderOk);
    }
}

} // namespace cio::ui
