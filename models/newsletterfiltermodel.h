#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

namespace cio::models {

// Search and sent/draft filter over NewsletterListModel. The search matches every word
// (case-insensitive) against name, id and tags, so "spring de" finds "Spring sale" tagged "de".
class NewsletterFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Status
    {
        Any,
        Sent,
        Draft
    };

    explicit NewsletterFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_words.join(QLatin1Char(' ')); }
    void setStatus(Status status);
    // Newsletters that match the search inside their variants (full-text search in the local store);
    // they are shown even when name, id and tags do not match.
    void setContentMatches(const QSet<qint64> &ids);
    // Only newsletters of this type (email, push, …); empty = every type.
    void setType(const QString &type);
    Status status() const { return m_status; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    template <class Change> void changeFilter(Change change);

    QStringList m_words;
    Status m_status = Status::Any;
    QSet<qint64> m_contentMatches;
    QString m_type;
};

} // namespace cio::models
