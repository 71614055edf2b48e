#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace cio::models {

// The search every list shares: each word of the search text must appear (case-insensitive) in the
// row's SearchTextRole. Subclasses add their own filters in acceptsRow() and change them through
// changeFilter(), which re-filters the way the running Qt version wants.
class SearchFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SearchFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_words.join(QLatin1Char(' ')); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const final;
    // The subclass's own filters; the row's column-0 index. Rows it refuses never reach the search.
    virtual bool acceptsRow(const QModelIndex &index) const;
    // A row the search accepts whatever its text (full-text matches found elsewhere).
    virtual bool matchesOtherwise(const QModelIndex &index) const;
    bool hasSearch() const { return !m_words.isEmpty(); }

    template <class Change> void changeFilter(Change change)
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

private:
    QStringList m_words;
};

} // namespace cio::models
