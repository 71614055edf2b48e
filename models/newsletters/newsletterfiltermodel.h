#pragma once

#include "models/common/searchfiltermodel.h"

#include <QSet>

namespace cio::models {

// Search, sent/draft, type and "needs translation work" filter over NewsletterListModel. The search matches
// every word (case-insensitive) against name, id and tags, so "spring de" finds "Spring sale" tagged "de".
class NewsletterFilterModel final : public SearchFilterModel
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

    void setStatus(Status status);
    // Newsletters that match the search inside their variants (full-text search in the local store);
    // they are shown even when name, id and tags do not match.
    void setContentMatches(const QSet<qint64> &ids);
    // Only newsletters of this type (email, push, …); empty = every type.
    void setType(const QString &type);
    Status status() const { return m_status; }
    // Only newsletters with outdated, missing or untranslated translations
    // (NewsletterListModel::NeedsWorkRole).
    void setNeedsWork(bool needsWork);
    bool needsWork() const { return m_needsWork; }

protected:
    bool acceptsRow(const QModelIndex &index) const override;
    bool matchesOtherwise(const QModelIndex &index) const override;

private:
    Status m_status = Status::Any;
    QSet<qint64> m_contentMatches;
    QString m_type;
    bool m_needsWork = false;
};

} // namespace cio::models
