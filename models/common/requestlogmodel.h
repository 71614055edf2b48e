#pragma once

#include "api/requestlog.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace cio::models {

// The request log as a table for the log dock: newest last, bounded like the log itself.
// Entries never hold the API key (the log redacts before it stores).
class RequestLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        MethodColumn,
        PathColumn,
        StatusColumn,
        DurationColumn,
        RetriesColumn,
        BytesColumn,
        WaitColumn,
        ColumnCount
    };

    explicit RequestLogModel(QObject *parent = nullptr);

    // Shows this log's entries (or none with nullptr) and follows new ones.
    void setLog(api::RequestLog *log);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const api::RequestLog::Entry &itemAt(int row) const;
    // The row as a curl command against baseUrl, without the key.
    QString curlAt(int row, const QUrl &baseUrl) const;
    void setMaximumRows(int rows) { m_maxRows = rows; }

private:
    void append(const api::RequestLog::Entry &entry);

    QPointer<api::RequestLog> m_log;
    QList<api::RequestLog::Entry> m_entries;
    QMetaObject::Connection m_connection;
    int m_maxRows = 5000;
};

} // namespace cio::models
