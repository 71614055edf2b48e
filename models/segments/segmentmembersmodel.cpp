#include "models/segments/segmentmembersmodel.h"

#include "api/appapi.h"
#include "models/common/itemroles.h"

namespace cio::models {

SegmentMembersModel::SegmentMembersModel(api::Client *client, QObject *parent)
    : PagedListModel(client, false, parent)
{
    setPageSize(1000);
}

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

void SegmentMembersModel::requestPage(const QString &start, int limit, quint64 ticket)
{
    api::AppApi(client()).segmentMembersPage(
        m_segmentId, start, qBound(1, limit, 30000), this,
        [this, ticket](const QList<api::CustomerIdentifiers> &page, const QString &next, const api::Error &error) {
            finishPage(ticket, int(page.size()), next, error, [this, &page] { m_items.append(page); });
        });
}

void SegmentMembersModel::setSegment(qint64 segmentId)
{
    m_segmentId = segmentId;
    if (segmentId > 0)
        return reload();
    replaceRows([] {}, true);
}

} // namespace cio::models
