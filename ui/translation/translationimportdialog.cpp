#include "ui/translation/translationimportdialog.h"

#include "models/common/worddiff.h"
#include "models/variants/variantsaver.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cio::ui {

using models::translation::ImportedVariant;

TranslationImportDialog::TranslationImportDialog(const QList<Entry> &entries, QWidget *parent)
    : QDialog(parent)
    , m_entries(entries)
    , m_list(new QTreeWidget(this))
    , m_details(new QTextBrowser(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("translationImportDialog"));
    setWindowTitle(tr("Import Translations"));
    m_list->setObjectName(QStringLiteral("importList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Language"), tr("Test group"), tr("Translated"), tr("Changes"), tr("File")});
    for (const Entry &e : entries) {
        const ImportedVariant &v = e.variant;
        QStringList fields;
        for (auto it = v.changes.constBegin(); it != v.changes.constEnd(); ++it)
            fields.append(models::VariantSaver::fieldLabel(it.key()));
        auto *item = new QTreeWidgetItem(
            m_list, {v.language, v.groupLabel, tr("%1 of %2").arg(v.unitsTranslated).arg(v.units),
                     fields.isEmpty() ? tr("none") : fields.join(QLatin1String(", ")), e.fileName});
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, fields.isEmpty() ? Qt::Unchecked : Qt::Checked);
        if (fields.isEmpty())
            item->setFlags(item->flags() & ~Qt::ItemIsUserCheckable);
    }
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_details->setObjectName(QStringLiteral("importDetails"));
    m_details->setOpenLinks(false);
    auto *push = m_buttons->addButton(tr("Push"), QDialogButtonBox::AcceptRole);
    push->setObjectName(QStringLiteral("pushTranslations"));
    buildLayout();
    connect(m_list, &QTreeWidget::currentItemChanged, this, &TranslationImportDialog::showDetails);
    connect(m_list, &QTreeWidget::itemChanged, this, &TranslationImportDialog::updateButton);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButton();
    resize(900, 640);
}

void TranslationImportDialog::buildLayout()
{
    auto *intro =
        new QLabel(tr("Every unit of these files was checked. Review what changes, untick what you do "
                      "not want, then push: the variants are saved like the editor saves them."),
                   this);
    intro->setWordWrap(true);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_buttons);
}

void TranslationImportDialog::showDetails()
{
    const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
    if (row < 0 || row >= m_entries.size()) {
        m_details->clear();
        return;
    }
    const Entry &e = m_entries.at(row);
    QString html;
    QStringList notes = e.variant.notes;
    if (e.hasDraft)
        notes.append(
            tr("This variant has an unsaved draft on this computer; pushing saves the imported text, and "
               "the draft stays for you to look at."));
    for (const QString &note : std::as_const(notes))
        html += QStringLiteral("<p><i>%1</i></p>").arg(note.toHtmlEscaped());
    if (e.variant.changes.isEmpty())
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("The workspace already has this translation: nothing changes."));
    for (auto it = e.variant.changes.constBegin(); it != e.variant.changes.constEnd(); ++it) {
        const QString now = models::translation::fieldText(e.variant.current, it.key());
        html += QStringLiteral("<h3>%1</h3><div style=\"white-space:pre-wrap\">%2</div>")
                    .arg(models::VariantSaver::fieldLabel(it.key()).toHtmlEscaped(),
                         models::wordDiffToHtml(models::wordDiff(now, it.value().toString())));
    }
    m_details->setHtml(html);
}

QList<ImportedVariant> TranslationImportDialog::chosen() const
{
    QList<ImportedVariant> out;
    for (int i = 0; i < m_list->topLevelItemCount() && i < m_entries.size(); ++i) {
        if (m_list->topLevelItem(i)->checkState(0) == Qt::Checked &&
            !m_entries.at(i).variant.changes.isEmpty())
            out.append(m_entries.at(i).variant);
    }
    return out;
}

void TranslationImportDialog::updateButton()
{
    const int count = int(chosen().size());
    for (QAbstractButton *b : m_buttons->buttons()) {
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole) {
            b->setEnabled(count > 0);
            b->setText(count > 0 ? tr("Push %n Variant(s)", nullptr, count) : tr("Push"));
        }
    }
}

} // namespace cio::ui
