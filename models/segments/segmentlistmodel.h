#pragma once

#include "api/dto.h"
#include "api/error.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <optional>

class QTimer;

namespace cio::api {
class Client;
}

namespace cio::models {

// The longest segment name the app and the CLI send.
constexpr int MaxSegmentNameLength = 255;
// Why a name cannot be a segment's (empty, longer than MaxSegmentNameLength characters, line breaks or
// other control characters), for people; empty when it can. The app's dialog and the CLI both ask.
QString segmentNameProblem(const QString &name);

// The workspace's segments (GET /v1/segments, one response). Member counts cost a request each, so
// they are fetched only for rows a view shows (asking for the Members column's DisplayRole schedules
// the fetch), kept until reload(), and refreshed one by one with refreshCount().
class SegmentListModel final : public QAbstractTableModel
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
    enum State
    {
        Idle,
        Loading,
        Failed
    };

    explicit SegmentListModel(api::Client *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Fetches the list again and forgets every count.
    void reload();
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
    State state() const { return m_state; }
    api::Error lastError() const { return m_lastError; }

    // Display text of a segment's type and build state (also for the detail pane).
    static QString typeText(const api::Segment &segment);
    static QString stateText(const api::Segment &segment);

signals:
    void stateChanged(cio::models::SegmentListModel::State state);
    void loadFailed(const cio::api::Error &error);
    void countChanged(qint64 id);

private:
    struct Count
    {
        qint64 value = -1;
        bool loading = false;
        api::Error error;
    };

    void setState(State state);
    void fetchCount(qint64 id);
    void fetchWanted();
    void emitCountChanged(qint64 id);

    QPointer<api::Client> m_client;
    QList<api::Segment> m_items;
    QHash<qint64, Count> m_counts;
    // Rows a view asked about from the const data(); fetched on the next turn of the event loop.
    mutable QSet<qint64> m_wanted;
    QTimer *m_wantedTimer;
    quint64 m_generation = 0;
    State m_state = Idle;
    api::Error m_lastError;
};

} // namespace cio::models
