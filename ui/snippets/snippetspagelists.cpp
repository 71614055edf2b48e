// The Snippets page's lists: the snippets with their search, and the usages of the one shown.
#include "ui/snippets/snippetspage.h"

#include "models/store/localstore.h"
#include "models/variants/variantmatrixmodel.h"
#include "ui/preview/variantpreview.h"

#include <QDateTime>
#include <QLineEdit>
#include <QLocale>
#include <QSet>
#include <QTabWidget>
#include <QTreeWidget>

namespace cio::ui {

namespace {

QString fieldTitle(const QString &field)
{
    if (field == QLatin1String("subject"))
        return SnippetsPage::tr("Subject");
    if (field == QLatin1String("preheader_text"))
        return SnippetsPage::tr("Preheader");
    if (field == QLatin1String("body"))
        return SnippetsPage::tr("Body");
    if (field == QLatin1String("body_amp"))
        return SnippetsPage::tr("AMP body");
    return SnippetsPage::tr("Plain-text body");
}

int variantCount(const QList<models::SnippetUsage> &usages)
{
    QSet<qint64> ids;
    for (const models::SnippetUsage &u : usages)
        ids.insert(u.contentId);
    return int(ids.size());
}

} // namespace

QTreeWidgetItem *SnippetsPage::itemFor(const QString &name) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->text(NameColumn) == name)
            return m_list->topLevelItem(i);
    }
    return nullptr;
}

void SnippetsPage::refreshList()
{
    if (!m_store)
        return;
    m_allUsages = models::findAllSnippetUsages(*m_store);
    const QList<api::Snippet> snippets = m_store->snippets();
    m_changingSelection = true;
    m_list->setSortingEnabled(false);
    m_list->clear();
    for (const api::Snippet &s : snippets) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, s.name);
        item->setData(NameColumn, ValueRole, s.value);
        item->setToolTip(NameColumn, s.value.left(300));
        const int used = variantCount(m_allUsages.value(s.name));
        item->setData(UsedColumn, Qt::DisplayRole, used);
        item->setToolTip(UsedColumn, tr("Used by %n variant(s) of the local copy", nullptr, used));
        item->setTextAlignment(UsedColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (s.updatedAt > 0)
            item->setText(UpdatedColumn, QLocale().toString(QDateTime::fromSecsSinceEpoch(s.updatedAt).date(),
                                                            QLocale::ShortFormat));
    }
    m_list->setSortingEnabled(true);
    if (QTreeWidgetItem *current = m_isNew ? nullptr : itemFor(m_loadedName))
        m_list->setCurrentItem(current);
    else
        m_list->setCurrentItem(nullptr);
    m_changingSelection = false;
    applySearch();
    refreshUsages();
    if (!m_isNew && m_loadedName.isEmpty() && m_list->topLevelItemCount() > 0) {
        m_list->setCurrentItem(m_list->topLevelItem(0)); // nothing shown yet (first open, first sync)
        return;
    }
    // A sync brought a newer value of the snippet shown: show it, unless the user is changing it.
    for (const api::Snippet &s : snippets) {
        if (!m_isNew && s.name == m_loadedName && s.value != m_loadedValue && !isModified())
            showSnippet(s);
    }
}

void SnippetsPage::applySearch()
{
    const QStringList words = m_search->text().simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const QString name = item->text(NameColumn);
        const QString value = item->data(NameColumn, ValueRole).toString();
        bool match = true;
        for (const QString &word : words)
            match = match &&
                    (name.contains(word, Qt::CaseInsensitive) || value.contains(word, Qt::CaseInsensitive));
        item->setHidden(!match);
    }
}

void SnippetsPage::refreshUsages()
{
    m_usages = m_isNew ? QList<models::SnippetUsage>{} : m_allUsages.value(m_loadedName);
    m_usagesView->clear();
    for (const models::SnippetUsage &u : std::as_const(m_usages)) {
        auto *item = new QTreeWidgetItem(m_usagesView);
        item->setText(NewsletterColumn, tr("%1 (%2)").arg(u.newsletterName).arg(u.newsletterId));
        QString variant = models::VariantMatrixModel::languageName(u.language);
        if (!u.testGroup.isEmpty())
            variant = tr("%1, test group %2").arg(variant, u.testGroup);
        item->setText(VariantColumn, variant);
        item->setText(FieldColumn, fieldTitle(u.field));
        item->setText(LineColumn, QString::number(u.line));
        item->setData(0, NewsletterIdRole, u.newsletterId);
        item->setData(0, ContentIdRole, u.contentId);
        item->setToolTip(NewsletterColumn,
                         tr("Content %1, line %2, column %3: double-click to open the variant")
                             .arg(u.contentId)
                             .arg(u.line)
                             .arg(u.column));
    }
    if (m_usages.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_usagesView);
        item->setText(NewsletterColumn, m_isNew ? tr("A new snippet is not used yet.")
                                                : tr("No variant in the local copy uses this snippet."));
        item->setFlags(Qt::NoItemFlags);
    }
    for (int column = VariantColumn; column < UsageColumnCount; ++column)
        m_usagesView->resizeColumnToContents(column);
    m_tabs->setTabText(m_tabs->indexOf(m_usagesView),
                       m_usages.isEmpty() ? tr("Usages") : tr("Usages (%1)").arg(m_usages.size()));
}

void SnippetsPage::findUsages()
{
    if (m_store)
        m_allUsages = models::findAllSnippetUsages(*m_store);
    refreshUsages();
    m_tabs->setCurrentWidget(m_usagesView);
}

} // namespace cio::ui
