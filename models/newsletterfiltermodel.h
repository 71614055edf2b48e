#pragma once

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
    Status status() const { return m_status; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
    Status m_status = Status::Any;
};

} // namespace cio::models
