#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace cio::models {

// Search and type filter over SegmentListModel. Every word of the search must appear in the name,
// description, id or tags (case-insensitive); the type is "manual", "dynamic" or empty for both.
class SegmentFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SegmentFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_words.join(QLatin1Char(' ')); }
    void setType(const QString &type);
    QString type() const { return m_type; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    template <class Change> void changeFilter(Change change);

    QStringList m_words;
    QString m_type;
};

} // namespace cio::models
