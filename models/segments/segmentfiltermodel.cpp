#include "models/segments/segmentfiltermodel.h"

#include "models/common/itemroles.h"

namespace cio::models {

SegmentFilterModel::SegmentFilterModel(QObject *parent)
    : SearchFilterModel(parent)
{}

void SegmentFilterModel::setType(const QString &type)
{
    if (type != m_type)
        changeFilter([&] { m_type = type; });
}

bool SegmentFilterModel::acceptsRow(const QModelIndex &index) const
{
    if (m_type.isEmpty())
        return true;
    // The API says "dynamic" for data-driven segments; anything but "manual" counts as such.
    const bool manual = index.data(KindRole).toString() == QLatin1String("manual");
    return manual == (m_type == QLatin1String("manual"));
}

} // namespace cio::models
