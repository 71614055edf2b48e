#pragma once

#include "api/dto.h"
#include "api/error.h"

#include <QAbstractListModel>
#include <QPointer>

namespace cio::api {
class Client;
}

namespace cio::models {

// The people in one segment, page by page from GET /v1/segments/{id}/membership through
// canFetchMore()/fetchMore(), so a segment of tens of thousands scrolls without loading them all.
class SegmentMembersModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        MemberIdRole = Qt::UserRole + 100, // the customer id (may be empty)
        EmailRole,
        CioIdRole,
    };
    enum State
    {
        Idle,
        Loading,
        Failed
    };

    explicit SegmentMembersModel(api::Client *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

    // Empties the model and, for an id > 0, fetches the segment's first page.
    void setSegment(qint64 segmentId);
    qint64 segmentId() const { return m_segmentId; }
    void reload() { setSegment(m_segmentId); }

    void setPageSize(int size) { m_pageSize = qBound(1, size, 30000); }
    int pageSize() const { return m_pageSize; }

    const api::CustomerIdentifiers &itemAt(int row) const { return m_items.at(row); }
    bool isComplete() const { return m_complete; }
    State state() const { return m_state; }
    api::Error lastError() const { return m_lastError; }
    int pagesLoaded() const { return m_pages; }

    // One line for a person: "id · email", or whichever of id, email and cio_id is set.
    static QString displayText(const api::CustomerIdentifiers &member);

signals:
    void stateChanged(cio::models::SegmentMembersModel::State state);
    void loadFailed(const cio::api::Error &error);

private:
    void setState(State state);

    QPointer<api::Client> m_client;
    QList<api::CustomerIdentifiers> m_items;
    qint64 m_segmentId = 0;
    QString m_nextCursor;
    bool m_complete = true;
    int m_pageSize = 1000;
    int m_pages = 0;
    quint64 m_generation = 0;
    State m_state = Idle;
    api::Error m_lastError;
};

} // namespace cio::models
