#include "models/common/pagedlistmodel.h"

#include "api/client.h"

namespace cio::models {

PagedListModel::PagedListModel(api::Client *client, bool fetchOnFirstView, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_complete(!fetchOnFirstView)
{}

api::Client *PagedListModel::client() const
{
    return static_cast<api::Client *>(m_client.data());
}

bool PagedListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete && m_state != Loading;
}

void PagedListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    setState(Loading);
    requestPage(m_cursor.start(), m_pageSize, m_ticket);
}

void PagedListModel::reload()
{
    beginResetModel();
    ++m_ticket;
    clearRows();
    m_cursor.reset();
    m_complete = false;
    m_fetchAll = false;
    m_lastError = {};
    m_state = Idle;
    endResetModel();
    emit stateChanged(m_state);
    fetchMore();
}

void PagedListModel::fetchAll()
{
    m_fetchAll = true;
    fetchMore();
}

void PagedListModel::finishPage(quint64 ticket, int count, const QString &next, const api::Error &error,
                                const std::function<void()> &append)
{
    if (ticket != m_ticket)
        return;
    api::Error failure = error;
    if (!failure.isError())
        failure = m_cursor.advance(count, next);
    if (failure.isError()) {
        m_lastError = failure;
        m_complete = m_cursor.atEnd(); // a failed page may be asked again; a broken cursor may not
        setState(Failed);
        emit loadFailed(failure);
        return;
    }
    m_complete = m_cursor.atEnd();
    if (count > 0) {
        const int first = rowCount();
        beginInsertRows({}, first, first + count - 1);
        append();
        endInsertRows();
    }
    setState(Idle);
    if (m_fetchAll && !m_complete)
        fetchMore();
}

void PagedListModel::replaceRows(const std::function<void()> &fill, bool complete, State state)
{
    beginResetModel();
    ++m_ticket;
    clearRows();
    fill();
    m_cursor.reset();
    m_complete = complete;
    m_lastError = {};
    m_state = state;
    endResetModel();
    emit stateChanged(m_state);
}

void PagedListModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace cio::models
