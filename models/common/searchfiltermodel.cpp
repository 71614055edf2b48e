#include "models/common/searchfiltermodel.h"

#include "models/common/itemroles.h"

namespace cio::models {

SearchFilterModel::SearchFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

void SearchFilterModel::setSearchText(const QString &text)
{
    const QStringList words = text.simplified().toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words != m_words)
        changeFilter([&] { m_words = words; });
}

bool SearchFilterModel::acceptsRow(const QModelIndex &) const
{
    return true;
}

bool SearchFilterModel::matchesOtherwise(const QModelIndex &) const
{
    return false;
}

bool SearchFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!acceptsRow(index))
        return false;
    if (m_words.isEmpty() || matchesOtherwise(index))
        return true;
    const QString haystack = index.data(SearchTextRole).toString().toCaseFolded();
    for (const QString &word : m_words) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}

} // namespace cio::models
