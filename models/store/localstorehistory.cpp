// Earlier versions of variants and "still current" marks: what the outdated dialog and the newsletter list's
// translation progress read besides the synced variants (see localstore.h).
#include "models/store/localstore.h"

#include "models/store/localstore_p.h"

#include <QDateTime>
#include <QSet>
#include <QSqlDatabase>

#include <algorithm>

namespace cio::models {

using store::fromText;
using store::run;
using store::toText;

namespace {

// SQLite allows 999 host parameters in older builds; ids go in chunks well below that.
constexpr int IdChunk = 500;

QString placeholders(qsizetype count)
{
    QString list = QStringLiteral("?");
    for (qsizetype i = 1; i < count; ++i)
        list += QLatin1String(",?");
    return list;
}

// Runs `sql` (with one "%1" for the id list) for every chunk of ids and hands each row to `row`.
// Past this many ids, one pass over the whole (small) table beats hundreds of chunked lookups.
constexpr int WholeTableFrom = 4000;

template <typename Row>
bool forEachChunk(const QSqlDatabase &db, const QString &sql, const QList<qint64> &ids, Row row)
{
    if (ids.size() >= WholeTableFrom && sql.contains(QLatin1String(" WHERE content_id IN (%1)"))) {
        const QSet<qint64> wanted(ids.cbegin(), ids.cend());
        QString whole = sql;
        whole.replace(QLatin1String(" WHERE content_id IN (%1)"), QString());
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!run(query, whole))
            return false;
        while (query.next()) {
            if (wanted.contains(query.value(0).toLongLong()))
                row(query);
        }
        return true;
    }
    for (qsizetype start = 0; start < ids.size(); start += IdChunk) {
        const QList<qint64> chunk = ids.mid(start, IdChunk);
        QVariantList values;
        for (qint64 id : chunk)
            values.append(id);
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!run(query, sql.arg(placeholders(chunk.size())), values))
            return false;
        while (query.next())
            row(query);
    }
    return true;
}

} // namespace

bool LocalStore::keepEarlierVersion(const api::Content &content)
{
    QSqlQuery query(database());
    if (!run(query, QStringLiteral("SELECT json FROM contents WHERE id = ?"), {content.id}))
        return false;
    if (!query.next())
        return true; // a new variant has no earlier version
    const QString previousText = query.value(0).toString();
    if (previousText == toText(content.toJson()))
        return true; // the common case of a sync: nothing changed, nothing to parse
    const api::Content previous = api::Content::fromJson(fromText(previousText));
    query.finish();
    const qint64 previousTime = VariantMatrix::changeTime(previous);
    // Kept for changed texts (what the outdated dialog shows) and for other changes too: a save of
    // the recipient alone must not look like a new translation, and that takes knowing the texts were
    // the same before it.
    if (VariantMatrix::sameTexts(previous, content) && previousTime == VariantMatrix::changeTime(content))
        return true;
    if (!run(query,
             QStringLiteral("SELECT json FROM content_history WHERE content_id = ? ORDER BY id DESC LIMIT 1"),
             {content.id}))
        return false;
    const bool known = query.next() && fromText(query.value(0)) == previous.toJson();
    query.finish();
    if (known)
        return true;
    return run(query,
               QStringLiteral("INSERT INTO content_history(content_id, changed_at, json) VALUES(?, ?, ?)"),
               {content.id, previousTime, toText(previous.toJson())}) &&
           run(query,
               QStringLiteral(
                   "DELETE FROM content_history WHERE content_id = ? AND id NOT IN (SELECT id FROM "
                   "content_history WHERE content_id = ? ORDER BY id DESC LIMIT ?)"),
               {content.id, content.id, MaxHistoryPerVariant});
}

QList<ContentVersion> LocalStore::contentHistory(qint64 contentId) const
{
    QList<ContentVersion> list;
    QSqlQuery query(database());
    if (!run(query,
             QStringLiteral("SELECT changed_at, json FROM content_history WHERE content_id = ? "
                            "ORDER BY changed_at DESC, id DESC"),
             {contentId}))
        return list;
    while (query.next())
        list.append(
            {contentId, query.value(0).toLongLong(), api::Content::fromJson(fromText(query.value(1)))});
    return list;
}

std::optional<api::Content> LocalStore::versionAt(qint64 contentId, qint64 at) const
{
    if (const auto current = content(contentId); current && VariantMatrix::changeTime(*current) <= at)
        return current;
    // The newest earlier version that was already there at `at`.
    for (const ContentVersion &v : contentHistory(contentId)) {
        if (v.changedAt <= at)
            return v.content;
    }
    return std::nullopt;
}

TextTimes LocalStore::textTimes(const QList<api::Content> &contents) const
{
    TextTimes times;
    QList<qint64> ids;
    for (const api::Content &c : contents)
        ids.append(c.id);
    // Earlier versions from the history and from the snapshots taken before saves.
    QHash<qint64, QList<api::Content>> earlier;
    const auto collect = [&earlier](const QSqlQuery &q) {
        earlier[q.value(0).toLongLong()].append(api::Content::fromJson(fromText(q.value(1))));
    };
    forEachChunk(database(),
                 QStringLiteral("SELECT content_id, json FROM content_history WHERE content_id IN (%1)"), ids,
                 collect);
    forEachChunk(database(),
                 QStringLiteral("SELECT content_id, json FROM snapshots WHERE content_id IN (%1)"), ids,
                 collect);
    for (const api::Content &c : contents) {
        qint64 since = VariantMatrix::changeTime(c);
        QList<api::Content> versions = earlier.value(c.id);
        std::sort(versions.begin(), versions.end(), [](const api::Content &a, const api::Content &b) {
            return VariantMatrix::changeTime(a) > VariantMatrix::changeTime(b);
        });
        // Back through the versions with the same texts: the oldest of them is when the texts changed.
        for (const api::Content &v : std::as_const(versions)) {
            const qint64 t = VariantMatrix::changeTime(v);
            if (t <= 0 || t > since)
                continue;
            if (!VariantMatrix::sameTexts(v, c))
                break;
            since = t;
        }
        if (since > 0)
            times.textsChangedAt.insert(c.id, since);
    }
    forEachChunk(database(),
                 QStringLiteral("SELECT content_id, default_changed_at FROM translation_marks "
                                "WHERE content_id IN (%1)"),
                 ids, [&times](const QSqlQuery &q) {
                     times.markedCurrentFor.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
                 });
    return times;
}

bool LocalStore::markStillCurrent(qint64 contentId, qint64 defaultChangedAt)
{
    const bool ok = transaction(tr("Marking variant %1 as still current").arg(contentId), [&] {
        QSqlQuery query(database());
        return run(query,
                   QStringLiteral("INSERT OR REPLACE INTO translation_marks(content_id, default_changed_at, "
                                  "marked_at) VALUES(?, ?, ?)"),
                   {contentId, defaultChangedAt, QDateTime::currentSecsSinceEpoch()});
    });
    if (ok)
        emit dataChanged();
    return ok;
}

QHash<qint64, LocalStore::TranslationProgress>
LocalStore::translationProgress(const QList<qint64> &newsletterIds) const
{
    QHash<qint64, QList<api::Content>> contents;
    QHash<qint64, QList<api::TestGroup>> groups;
    // Only the fields the statuses need, picked by SQLite's JSON reader: parsing every variant's whole JSON
    // (bodies included) into a DTO made the list's filter take seconds for 10,000 newsletters.
    forEachChunk(
        database(),
        QStringLiteral("SELECT c.newsletter_id, c.id, j.key, j.value FROM contents c, json_each(c.json) j "
                       "WHERE c.newsletter_id IN (%1) AND j.key IN ('language', 'subject', "
                       "'preheader_text', 'body', 'deduplicate_id', 'updated') "
                       "ORDER BY c.newsletter_id, c.position, c.id"),
        newsletterIds, [&contents](const QSqlQuery &q) {
            QList<api::Content> &list = contents[q.value(0).toLongLong()];
            const qint64 id = q.value(1).toLongLong();
            if (list.isEmpty() || list.last().id != id) {
                list.append(api::Content{});
                list.last().id = id;
            }
            api::Content &c = list.last();
            const QString key = q.value(2).toString();
            if (key == QLatin1String("language"))
                c.language = q.value(3).toString();
            else if (key == QLatin1String("subject"))
                c.subject = q.value(3).toString();
            else if (key == QLatin1String("preheader_text"))
                c.preheaderText = q.value(3).toString();
            else if (key == QLatin1String("body"))
                c.body = q.value(3).toString();
            else if (key == QLatin1String("deduplicate_id"))
                c.deduplicateId = q.value(3).toString();
            else if (key == QLatin1String("updated"))
                c.updated = q.value(3).toLongLong();
        });
    forEachChunk(database(),
                 QStringLiteral("SELECT newsletter_id, json FROM test_groups WHERE newsletter_id IN (%1) "
                                "ORDER BY newsletter_id, position"),
                 newsletterIds, [&groups](const QSqlQuery &q) {
                     groups[q.value(0).toLongLong()].append(api::TestGroup::fromJson(fromText(q.value(1))));
                 });
    QList<api::Content> all;
    for (const QList<api::Content> &list : std::as_const(contents))
        all += list;
    const TextTimes times = textTimes(all);

    QHash<qint64, TranslationProgress> result;
    for (auto it = contents.cbegin(); it != contents.cend(); ++it) {
        const VariantMatrix matrix = VariantMatrix::build(it.value(), groups.value(it.key()), {}, times);
        TranslationProgress p;
        for (int row = 0; row < matrix.rowCount(); ++row) {
            for (int column = 1; column < matrix.columnCount(); ++column) {
                ++p.translations;
                switch (matrix.cell(row, column).status) {
                case CellStatus::Missing:
                    ++p.missing;
                    break;
                case CellStatus::Untranslated:
                    ++p.untranslated;
                    break;
                case CellStatus::Outdated:
                    ++p.outdated;
                    break;
                default:
                    ++p.current;
                    break;
                }
            }
        }
        result.insert(it.key(), p);
    }
    return result;
}

} // namespace cio::models
