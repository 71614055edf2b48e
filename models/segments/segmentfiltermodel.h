#pragma once

#include "models/common/searchfiltermodel.h"

namespace cio::models {

// Search and type filter over SegmentListModel. Every word of the search must appear in the name,
// description, id or tags (case-insensitive); the type is "manual", "dynamic" or empty for both.
class SegmentFilterModel final : public SearchFilterModel
{
    Q_OBJECT

public:
    explicit SegmentFilterModel(QObject *parent = nullptr);

    void setType(const QString &type);
    QString type() const { return m_type; }

protected:
    bool acceptsRow(const QModelIndex &index) const override;

private:
    QString m_type;
};

} // namespace cio::models
