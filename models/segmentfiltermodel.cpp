#include "models/segmentfiltermodel.h"

#include "models/itemroles.h"

namespace cio::models {

SegmentFilterModel::SegmentFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

template <class Change> void SegmentFilterModel::changeFilter(Change change)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 9, 0)
    beginFilterChange();
    change();
    endFilterChange(QSortFilterProxyModel::Direction::Rows);
#else
    change();
    invalidateFilter();
#endif
}

void SegmentFilterModel::setSearchText(const QString &text)
{
    const QStringList words = text.simplified().toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words != m_words)
        changeFilter([&] { m_words = words; });
}

void SegmentFilterModel::setType(const QString &type)
{
    if (type != m_type)
        changeFilter([&] { m_type = type; });
}

bool SegmentFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_type.isEmpty()) {
        // The API says "dynamic" for data-driven segments; anything but "manual" counts as such.
        const bool manual = index.data(KindRole).toString() == QLatin1String("manual");
        if (manual != (m_type == QLatin1String("manual")))
            return false;
    }
    const QString haystack = index.data(SearchTextRole).toString().toCaseFolded();
    for (const QString &word : m_words) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}

} // namespace cio::models
