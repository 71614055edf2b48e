#include "models/newsletterfiltermodel.h"

#include "models/itemroles.h"

namespace cio::models {

NewsletterFilterModel::NewsletterFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

void NewsletterFilterModel::setSearchText(const QString &text)
{
    const QStringList words = text.simplified().toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
#if QT_VERSION >= QT_VERSION_CHECK(6, 9, 0)
    beginFilterChange();
    m_words = words;
    endFilterChange(QSortFilterProxyModel::Direction::Rows);
#else
    m_words = words;
    invalidateFilter();
#endif
}

void NewsletterFilterModel::setStatus(Status status)
{
    if (status == m_status)
        return;
#if QT_VERSION >= QT_VERSION_CHECK(6, 9, 0)
    beginFilterChange();
    m_status = status;
    endFilterChange(QSortFilterProxyModel::Direction::Rows);
#else
    m_status = status;
    invalidateFilter();
#endif
}

void NewsletterFilterModel::setContentMatches(const QSet<qint64> &ids)
{
    if (ids == m_contentMatches)
        return;
#if QT_VERSION >= QT_VERSION_CHECK(6, 9, 0)
    beginFilterChange();
    m_contentMatches = ids;
    endFilterChange(QSortFilterProxyModel::Direction::Rows);
#else
    m_contentMatches = ids;
    invalidateFilter();
#endif
}

bool NewsletterFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_status != Status::Any) {
        const bool sent = index.data(StateRole).toBool();
        if (sent != (m_status == Status::Sent))
            return false;
    }
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
