#include "models/segments/segmentlistmodel.h"

#include "api/appapi.h"
#include "models/common/itemroles.h"

#include <QLocale>
#include <QTimer>

namespace cio::models {

QString segmentNameProblem(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return SegmentListModel::tr("A segment needs a name.");
    const qsizetype length = trimmed.toUcs4().size();
    if (length > MaxSegmentNameLength)
        return SegmentListModel::tr("The name is %1 characters long; a segment's name has at most %2.")
            .arg(length)
            .arg(MaxSegmentNameLength);
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return SegmentListModel::tr("A segment's name is one line of text, without line breaks or control "
                                        "characters.");
    }
    return {};
}

SegmentListModel::SegmentListModel(api::Client *client, QObject *parent)
    : PagedListModel(client, false, parent)
    , m_wantedTimer(new QTimer(this))
{
    m_wantedTimer->setSingleShot(true);
    m_wantedTimer->setInterval(0);
    connect(m_wantedTimer, &QTimer::timeout, this, &SegmentListModel::fetchWanted);
}

int SegmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int SegmentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SegmentListModel::typeText(const api::Segment &segment)
{
    return segment.isManual() ? tr("Manual") : tr("Data-driven");
}

QString SegmentListModel::stateText(const api::Segment &segment)
{
    const QString &s = segment.state;
    if (s == QLatin1String("finished") || s.isEmpty())
        return tr("Ready");
    if (s.endsWith(QLatin1String("_queued")))
        return tr("Queued to build");
    if (segment.progress)
        return tr("Building (%1 %)").arg(*segment.progress);
    return tr("Building");
}

QVariant SegmentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::Segment &s = m_items.at(index.row());
    const Count c = m_counts.value(s.id);

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return s.name;
        case TypeColumn:
            return typeText(s);
        case StateColumn:
            return stateText(s);
        case MembersColumn:
            if (c.value >= 0)
                return QLocale().toString(c.value);
            if (!c.loading && !c.error.isError()) { // a view shows this row: fetch its count soon
                m_wanted.insert(s.id);
                if (!m_wantedTimer->isActive())
                    m_wantedTimer->start();
            }
            return c.error.isError() ? tr("—") : tr("…");
        case IdColumn:
            return s.id;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == MembersColumn && c.error.isError())
            return tr("The count could not be fetched: %1").arg(c.error.message());
        if (index.column() == NameColumn && !s.description.isEmpty())
            return s.description;
        if (index.column() == TypeColumn)
            return s.isManual() ? tr("People are added and removed by hand or through the API.")
                                : tr("Customer.io keeps the members in step with the segment's conditions.");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == MembersColumn || index.column() == IdColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case IdRole:
        return s.id;
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return s.name.toCaseFolded();
        case TypeColumn:
            return typeText(s);
        case StateColumn:
            return stateText(s);
        case MembersColumn:
            return c.value;
        case IdColumn:
            return s.id;
        }
        break;
    case SearchTextRole:
        return QString(s.name + QLatin1Char('\n') + s.description + QLatin1Char('\n') +
                       QString::number(s.id) + QLatin1Char('\n') + s.tags.join(QLatin1Char('\n')));
    case KindRole:
        return s.type;
    }
    return {};
}

QVariant SegmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case StateColumn:
        return tr("State");
    case MembersColumn:
        return tr("Members");
    case IdColumn:
        return tr("Id");
    }
    return {};
}

void SegmentListModel::requestPage(const QString &, int, quint64 ticket)
{
    api::AppApi(client()).segments(this, [this, ticket](const QList<api::Segment> &segments, const api::Error &error) {
        finishPage(ticket, int(segments.size()), QString(), error, [this, &segments] { m_items = segments; });
    });
}

void SegmentListModel::clearRows()
{
    ++m_generation;
    m_items.clear();
    m_counts.clear();
    m_wanted.clear();
}

void SegmentListModel::requestCount(int row)
{
    if (row < 0 || row >= m_items.size())
        return;
    const qint64 id = m_items.at(row).id;
    const Count c = m_counts.value(id);
    if (c.value < 0 && !c.loading)
        fetchCount(id);
}

void SegmentListModel::refreshCount(qint64 id)
{
    if (m_counts.value(id).loading)
        return;
    fetchCount(id);
}

std::optional<qint64> SegmentListModel::count(qint64 id) const
{
    const auto it = m_counts.constFind(id);
    return it != m_counts.cend() && it->value >= 0 ? std::optional<qint64>(it->value) : std::nullopt;
}

void SegmentListModel::fetchWanted()
{
    const QSet<qint64> wanted = std::exchange(m_wanted, {});
    for (qint64 id : wanted) {
        const Count c = m_counts.value(id);
        if (indexOf(id) >= 0 && c.value < 0 && !c.loading && !c.error.isError())
            fetchCount(id);
    }
}

void SegmentListModel::fetchCount(qint64 id)
{
    Count &c = m_counts[id];
    c.loading = true;
    c.error = {};
    const quint64 generation = m_generation;
    api::AppApi(client()).segmentCustomerCount(id, this,
                                               [this, id, generation](qint64 count, const api::Error &error) {
                                                   if (generation != m_generation)
                                                       return;
                                                   Count &entry = m_counts[id];
                                                   entry.loading = false;
                                                   entry.error = error;
                                                   if (!error.isError())
                                                       entry.value = count;
                                                   emitCountChanged(id);
                                               });
}

void SegmentListModel::emitCountChanged(qint64 id)
{
    const int row = indexOf(id);
    if (row >= 0)
        emit dataChanged(index(row, MembersColumn), index(row, MembersColumn));
    emit countChanged(id);
}

void SegmentListModel::addSegment(const api::Segment &segment)
{
    const int existing = indexOf(segment.id);
    if (existing >= 0) {
        m_items[existing] = segment;
        emit dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
        return;
    }
    const int row = int(m_items.size());
    beginInsertRows({}, row, row);
    m_items.append(segment);
    endInsertRows();
}

void SegmentListModel::removeSegment(qint64 id)
{
    const int row = indexOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    m_counts.remove(id);
    endRemoveRows();
}

const api::Segment &SegmentListModel::itemAt(int row) const
{
    return m_items.at(row);
}

int SegmentListModel::indexOf(qint64 id) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == id)
            return row;
    }
    return -1;
}

} // namespace cio::models
