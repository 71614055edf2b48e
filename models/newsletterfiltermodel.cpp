#include "models/newsletterfiltermodel.h"

#include "models/itemroles.h"

namespace cio::models {

NewsletterFilterModel::NewsletterFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

template <class Change> void NewsletterFilterModel::changeFilter(Change change)
{
    // Qt 6.9 wants the change bracketed; older versions only re-filter afterwards.
#if QT_VERSION >= QT_VERSION_CHECK(6, 9, 0)
    beginFilterChange();
    change();
    endFilterChange(QSortFilterProxyModel::Direction::Rows);
#else
    change();
    invalidateFilter();
#endif
}

void NewsletterFilterModel::setSearchText(const QString &text)
{
    const QStringList words = text.simplified().toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    changeFilter([&] { m_words = words; });
}

void NewsletterFilterModel::setStatus(Status status)
{
    if (status == m_status)
        return;
    changeFilter([&] { m_status = status; });
}

void NewsletterFilterModel::setContentMatches(const QSet<qint64> &ids)
{
    if (ids == m_contentMatches)
        return;
    changeFilter([&] { m_contentMatches = ids; });
}

void NewsletterFilterModel::setType(const QString &type)
{
    if (type != m_type)
        changeFilter([&] { m_type = type; });
}

bool NewsletterFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_status != Status::Any) {
        const bool sent = index.data(StateRole).toBool();
        if (sent != (m_status == Status::Sent))
            return false;
    }
    if (!m_type.isEmpty() && index.data(KindRole).toString() != m_type)
        return false;
    if (m_words.isEmpty())
        return true;
    if (m_contentMatches.contains(index.data(IdRole).toLongLong()))
        return true;
    const QString haystack = index.data(SearchTextRole).toString().toCaseFolded();
    for (const QString &word : m_words) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}

} // namespace cio::models
