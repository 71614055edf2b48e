#include "models/newsletters/newsletterlistmodel.h"

#include "api/appapi.h"
#include "api/client.h"
#include "models/common/itemroles.h"
#include "models/store/localstore.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace cio::models {

namespace {

QString formatTimestamp(qint64 secs)
{
    if (secs <= 0)
        return {};
    // Short date in the user's locale, minutes only: the list needs to scan, not to be exact.
    const QDateTime when = QDateTime::fromSecsSinceEpoch(secs);
    return QLocale().toString(when.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           when.time().toString(QStringLiteral("HH:mm"));
}

} // namespace

NewsletterListModel::NewsletterListModel(api::Client *client, QObject *parent)
    : PagedListModel(client, true, parent)
{
    setPageSize(100);
}

int NewsletterListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int NewsletterListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NewsletterListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::Newsletter &n = m_items.at(index.row());

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return n.name;
        case IdColumn:
            return n.id;
        case TagsColumn:
            return n.tags.join(QLatin1String(", "));
        case UpdatedColumn:
            return formatTimestamp(n.updated);
        case StatusColumn:
            return n.isSent() ? tr("Sent %1").arg(formatTimestamp(n.sentAt.value_or(0))) : tr("Draft");
        case TranslationsColumn:
            if (const auto p = progressAt(index.row()))
                return progressText(*p);
            return QString();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TranslationsColumn) {
            const auto p = progressAt(index.row());
            if (!p)
                return tr("Not synced to this computer yet");
            return tr("Translations (language × test group): %1 current, %2 outdated, %3 missing, "
                      "%4 untranslated")
                .arg(p->current)
                .arg(p->outdated)
                .arg(p->missing)
                .arg(p->untranslated);
        }
        if (index.column() == NameColumn)
            return tr("%1 (id %2, %n variant(s))", nullptr, static_cast<int>(n.contentIds.size()))
                .arg(n.name)
                .arg(n.id);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case IdRole:
        return n.id;
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return n.name.toCaseFolded();
        case IdColumn:
            return n.id;
        case TagsColumn:
            return n.tags.join(QLatin1Char(',')).toCaseFolded();
        case UpdatedColumn:
            return n.updated;
        case StatusColumn:
            return n.sentAt.value_or(0);
        case TranslationsColumn: {
            // Most work first when sorted descending; unknown last.
            const auto p = progressAt(index.row());
            return p ? p->outdated + p->missing + p->untranslated : -1;
        }
        }
        break;
    case NeedsWorkRole:
        if (const auto p = progressAt(index.row()))
            return p->needsWork();
        return {};
    case SearchTextRole:
        return QString(n.name + QLatin1Char('\n') + QString::number(n.id) + QLatin1Char('\n') +
                       n.tags.join(QLatin1Char('\n')));
    case StateRole:
        return n.isSent();
    case KindRole:
        return n.type;
    }
    return {};
}

QVariant NewsletterListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case IdColumn:
        return tr("Id");
    case TagsColumn:
        return tr("Tags");
    case UpdatedColumn:
        return tr("Updated");
    case StatusColumn:
        return tr("Status");
    case TranslationsColumn:
        return tr("Translations");
    }
    return {};
}

void NewsletterListModel::setStore(LocalStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_progress.clear();
    if (m_store) {
        connect(m_store, &LocalStore::dataChanged, this, [this] {
            m_progress.clear();
            if (!m_items.isEmpty())
                emit dataChanged(index(0, TranslationsColumn), index(rowCount() - 1, TranslationsColumn));
        });
    }
    if (!m_items.isEmpty())
        emit dataChanged(index(0, TranslationsColumn), index(rowCount() - 1, TranslationsColumn));
}

std::optional<LocalStore::TranslationProgress> NewsletterListModel::progressAt(int row) const
{
    if (!m_store || row < 0 || row >= m_items.size())
        return std::nullopt;
    const qint64 id = m_items.at(row).id;
    auto it = m_progress.constFind(id);
    if (it == m_progress.cend()) {
        // One query for a chunk of rows from here: views ask row by row, and the filter goes through
        // them all in order, so a chunk is what is asked for next.
        constexpr int Chunk = 200;
        QList<qint64> ids;
        for (int r = std::max(0, row - 20); r < m_items.size() && ids.size() < Chunk; ++r) {
            if (!m_progress.contains(m_items.at(r).id))
                ids.append(m_items.at(r).id);
        }
        const auto computed = m_store->translationProgress(ids);
        for (qint64 other : std::as_const(ids))
            m_progress.insert(other, computed.value(other));
        it = m_progress.constFind(id);
    }
    if (it->translations == 0)
        return std::nullopt;
    return *it;
}

void NewsletterListModel::prefetchProgress()
{
    if (!m_store)
        return;
    QList<qint64> ids;
    for (const api::Newsletter &n : std::as_const(m_items)) {
        if (!m_progress.contains(n.id))
            ids.append(n.id);
    }
    if (ids.isEmpty())
        return;
    const auto computed = m_store->translationProgress(ids);
    for (qint64 id : std::as_const(ids))
        m_progress.insert(id, computed.value(id));
}

QString NewsletterListModel::progressText(const LocalStore::TranslationProgress &p)
{
    QString text = tr("%1/%2 current").arg(p.current).arg(p.translations);
    if (p.outdated > 0)
        text += tr(" · %1 outdated").arg(p.outdated);
    if (p.missing > 0)
        text += tr(" · %1 missing").arg(p.missing);
    if (p.untranslated > 0)
        text += tr(" · %1 untranslated").arg(p.untranslated);
    return text;
}

void NewsletterListModel::requestPage(const QString &start, int limit, quint64 ticket)
{
    api::AppApi(client()).newslettersPage(
        start, limit, this,
        [this, ticket](const QList<api::Newsletter> &page, const QString &next, const api::Error &error) {
            finishPage(ticket, int(page.size()), next, error, [this, &page] { m_items.append(page); });
        });
}

bool NewsletterListModel::loadFromStore(const LocalStore &store, bool acceptEmpty)
{
    QList<api::Newsletter> items = store.newsletters();
    if (items.isEmpty() && !acceptEmpty)
        return false;
    replaceRows([this, &items] { m_items = std::move(items); }, true);
    return true;
}

void NewsletterListModel::waitForStore()
{
    // Nothing for fetchMore() to ask: another fetch (the sync's) fills the store.
    replaceRows([] {}, true, Loading);
}

const api::Newsletter &NewsletterListModel::itemAt(int row) const
{
    return m_items.at(row);
}

int NewsletterListModel::indexOf(qint64 id) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == id)
            return row;
    }
    return -1;
}

} // namespace cio::models
