#pragma once

#include "api/dto.h"
#include "models/common/pagedlistmodel.h"

namespace cio::models {

// The people in one segment, page by page from GET /v1/segments/{id}/membership through
// canFetchMore()/fetchMore(), so a segment of tens of thousands scrolls without loading them all.
class SegmentMembersModel final : public PagedListModel
{
    Q_OBJECT

public:
    enum Role
    {
        MemberIdRole = Qt::UserRole + 100, // the customer id (may be empty)
        EmailRole,
        CioIdRole,
    };
    explicit SegmentMembersModel(api::Client *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 1; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // A list: one column.
    using PagedListModel::index;
    QModelIndex index(int row) const { return index(row, 0); }

    // Empties the model and, for an id > 0, fetches the segment's first page.
    void setSegment(qint64 segmentId);
    qint64 segmentId() const { return m_segmentId; }

    const api::CustomerIdentifiers &itemAt(int row) const { return m_items.at(row); }

    // One line for a person: "id · email", or whichever of id, email and cio_id is set.
    static QString displayText(const api::CustomerIdentifiers &member);

private:
    void requestPage(const QString &start, int limit, quint64 ticket) override;
    void clearRows() override { m_items.clear(); }

    QList<api::CustomerIdentifiers> m_items;
    qint64 m_segmentId = 0;
};

} // namespace cio::models
