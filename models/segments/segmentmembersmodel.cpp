#include "models/segments/segmentmembersmodel.h"

#include "api/appapi.h"
#include "api/client.h"
#include "models/common/itemroles.h"

namespace cio::models {

SegmentMembersModel::SegmentMembersModel(api::Client *client, QObject *parent)
    : QAbstractListModel(parent)
    , m_client(client)
{}

int SegmentMembersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QString SegmentMembersModel::displayText(const api::CustomerIdentifiers &member)
{
    if (!member.id.isEmpty() && !member.email.isEmpty() && member.id != member.email)
        return member.id + QStringLiteral(" · ") + member.email;
    if (!member.id.isEmpty())
        return member.id;
    return member.email.isEmpty() ? member.cioId : member.email;
}

QVariant SegmentMembersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::CustomerIdentifiers &m = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(m);
    case Qt::ToolTipRole:
        return tr("id: %1\nemail: %2\ncio_id: %3")
            .arg(m.id.isEmpty() ? tr("(none)") : m.id, m.email.isEmpty() ? tr("(none)") : m.email, m.cioId);
    case MemberIdRole:
        return m.id;
    case EmailRole:
        return m.email;
    case CioIdRole:
        return m.cioId;
    case SearchTextRole:
        return QString(m.id + QLatin1Char('\n') + m.email + QLatin1Char('\n') + m.cioId);
    }
    return {};
}

bool SegmentMembersModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete && m_state != Loading && m_client;
}

void SegmentMembersModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    setState(Loading);
    const quint64 generation = m_generation;
    api::AppApi(m_client).segmentMembersPage(
        m_segmentId, m_nextCursor, m_pageSize, this,
        [this, generation](const QList<api::CustomerIdentifiers> &page, const QString &next,
                           const api::Error &error) {
            if (generation != m_generation)
                return;
            if (error.isError()) {
                m_lastError = error;
                setState(Failed);
                emit loadFailed(error);
                return;
            }
            // A cursor that does not move would page forever.
            m_complete = next.isEmpty() || next == m_nextCursor || page.isEmpty();
            m_nextCursor = next;
            ++m_pages;
            if (!page.isEmpty()) {
                beginInsertRows({}, int(m_items.size()), int(m_items.size() + page.size() - 1));
                m_items.append(page);
                endInsertRows();
            }
            setState(Idle);
        });
}

void SegmentMembersModel::setSegment(qint64 segmentId)
{
    beginResetModel();
    ++m_generation;
    m_segmentId = segmentId;
    m_items.clear();
    m_nextCursor.clear();
    m_complete = segmentId <= 0;
    m_pages = 0;
    m_lastError = {};
    m_state = Idle;
    endResetModel();
    emit stateChanged(m_state);
    fetchMore();
}

void SegmentMembersModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace cio::models
