#include "models/newsletters/newsletterfiltermodel.h"

#include "models/common/itemroles.h"
#include "models/newsletters/newsletterlistmodel.h"

namespace cio::models {

NewsletterFilterModel::NewsletterFilterModel(QObject *parent)
    : SearchFilterModel(parent)
{}

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

void NewsletterFilterModel::setNeedsWork(bool needsWork)
{
    if (needsWork != m_needsWork)
        changeFilter([&] { m_needsWork = needsWork; });
}

bool NewsletterFilterModel::acceptsRow(const QModelIndex &index) const
{
    if (m_needsWork && !index.data(NewsletterListModel::NeedsWorkRole).toBool())
        return false;
    if (m_status != Status::Any) {
        const bool sent = index.data(StateRole).toBool();
        if (sent != (m_status == Status::Sent))
            return false;
    }
    return m_type.isEmpty() || index.data(KindRole).toString() == m_type;
}

bool NewsletterFilterModel::matchesOtherwise(const QModelIndex &index) const
{
    return m_contentMatches.contains(index.data(IdRole).toLongLong());
}

} // namespace cio::models
