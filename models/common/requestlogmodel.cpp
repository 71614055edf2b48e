#include "models/common/requestlogmodel.h"

#include "models/common/itemroles.h"

#include <QLocale>

namespace cio::models {

RequestLogModel::RequestLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RequestLogModel::setLog(api::RequestLog *log)
{
    disconnect(m_connection);
    beginResetModel();
    m_log = log;
    m_entries = log ? log->entries() : QList<api::RequestLog::Entry>{};
    if (m_entries.size() > m_maxRows)
        m_entries = m_entries.mid(m_entries.size() - m_maxRows);
    endResetModel();
    if (log)
        m_connection = connect(log, &api::RequestLog::entryAdded, this, &RequestLogModel::append);
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::RequestLog::Entry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return e.started.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case MethodColumn:
            return QString::fromLatin1(e.method);
        case PathColumn:
            return e.query.isEmpty() ? e.path : QString(e.path + QLatin1Char('?') + e.query);
        case StatusColumn:
            return e.status > 0 ? QString::number(e.status) : e.error;
        case DurationColumn:
            return tr("%1 ms").arg(e.durationMs);
        case RetriesColumn:
            return e.retries;
        case BytesColumn:
            return QLocale().formattedDataSize(e.bytesReceived);
        case WaitColumn:
            return e.rateLimitWaitMs > 0 ? tr("%1 ms").arg(e.rateLimitWaitMs) : QString();
        }
    } else if (role == Qt::ToolTipRole && index.column() == StatusColumn && !e.error.isEmpty()) {
        return e.error;
    } else if (role == SortRole) {
        switch (index.column()) {
        case TimeColumn:
            return e.started;
        case StatusColumn:
            return e.status;
        case DurationColumn:
            return e.durationMs;
        case RetriesColumn:
            return e.retries;
        case BytesColumn:
            return e.bytesReceived;
        case WaitColumn:
            return e.rateLimitWaitMs;
        default:
            return data(index, Qt::DisplayRole);
        }
    } else if (role == StateRole) {
        return e.status >= 400 || e.status == 0 ? 1 : 0;
    }
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case RetriesColumn:
        return tr("Retries");
    case BytesColumn:
        return tr("Received");
    case WaitColumn:
        return tr("Rate-limit wait");
    }
    return {};
}

const api::RequestLog::Entry &RequestLogModel::itemAt(int row) const
{
    return m_entries.at(row);
}

void RequestLogModel::append(const api::RequestLog::Entry &entry)
{
    if (m_entries.size() >= m_maxRows) {
        beginRemoveRows({}, 0, 0);
        m_entries.removeFirst();
        endRemoveRows();
    }
    const int row = static_cast<int>(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
}

QString RequestLogModel::curlAt(int row, const QUrl &baseUrl) const
{
    return api::RequestLog::toCurl(itemAt(row), baseUrl);
}

} // namespace cio::models
