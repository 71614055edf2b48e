#pragma once

#include "api/dto.h"
#include "models/common/pagedlistmodel.h"

#include <QHash>
#include <QSet>

#include <optional>

class QTimer;

namespace cio::models {

// The longest segment name the app and the CLI send.
constexpr int MaxSegmentNameLength = 255;
// Why a name cannot be a segment's (empty, longer than MaxSegmentNameLength characters, line breaks or
// other control characters), for people; empty when it can. The app's dialog and the CLI both ask.
QString segmentNameProblem(const QString &name);

// The workspace's segments (GET /v1/segments, one response: a list of one page). Member counts cost a request each, so
// they are fetched only for rows a view shows (asking for the Members column's DisplayRole schedules
// the fetch), kept until reload(), and refreshed one by one with refreshCount().
class SegmentListModel final : public PagedListModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        TypeColumn,
        StateColumn,
        MembersColumn,
        IdColumn,
        ColumnCount
    };
    explicit SegmentListModel(api::Client *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // reload() fetches the list again and forgets every count.
    // Fetches the row's count unless it is known or on its way.
    void requestCount(int row);
    // Forgets the segment's count and fetches it again.
    void refreshCount(qint64 id);
    std::optional<qint64> count(qint64 id) const;
    // Why the last count request failed (no error while unknown or known).
    api::Error countError(qint64 id) const { return m_counts.value(id).error; }

    // After a create or delete, without a round trip.
    void addSegment(const api::Segment &segment);
    void removeSegment(qint64 id);

    const api::Segment &itemAt(int row) const;
    int indexOf(qint64 id) const;

    // Display text of a segment's type and build state (also for the detail pane).
    static QString typeText(const api::Segment &segment);
    static QString stateText(const api::Segment &segment);

signals:
    void countChanged(qint64 id);

private:
    struct Count
    {
        qint64 value = -1;
        bool loading = false;
        api::Error error;
    };

    void requestPage(const QString &start, int limit, quint64 ticket) override;
    void clearRows() override;
    void fetchCount(qint64 id);
    void fetchWanted();
    void emitCountChanged(qint64 id);

    QList<api::Segment> m_items;
    QHash<qint64, Count> m_counts;
    // Rows a view asked about from the const data(); fetched on the next turn of the event loop.
    mutable QSet<qint64> m_wanted;
    QTimer *m_wantedTimer;
    quint64 m_generation = 0; // counts asked for before a reload no longer apply
};

} // namespace cio::models
