// Drafts (the user's unsaved edits) and snapshots (the server's version kept before a save).
#include "models/store/localstore.h"

#include "models/store/localstore_p.h"

#include <QSqlDatabase>

namespace cio::models {

using store::fromText;
using store::run;
using store::toText;

namespace {

QDateTime fromMSecs(const QVariant &value)
{
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong()).toUTC();
}

} // namespace

bool LocalStore::saveDraft(const Draft &draft)
{
    const qint64 newsletterId = draft.newsletterId ? draft.newsletterId : draft.base.newsletterId;
    if (draft.contentId <= 0)
        return fail(tr("Saving a draft"), tr("the draft names no variant"));
    const QDateTime savedAt = draft.savedAt.isValid() ? draft.savedAt : QDateTime::currentDateTimeUtc();
    QSqlQuery query(database());
    // No explicit transaction: in autocommit mode this one statement is committed (and in the WAL)
    // when exec() returns, which is what lets a draft survive a crash right after.
    if (!run(
            query,
            QStringLiteral("INSERT OR REPLACE INTO drafts(content_id, newsletter_id, fields, base, saved_at) "
                           "VALUES(?, ?, ?, ?, ?)"),
            {draft.contentId, newsletterId, toText(draft.fields), toText(draft.base.toJson()),
             savedAt.toMSecsSinceEpoch()}))
        return fail(tr("Saving the draft of variant %1").arg(draft.contentId), query.lastError().text());
    emit draftsChanged(draft.contentId);
    return true;
}

std::optional<Draft> LocalStore::draft(qint64 contentId) const
{
    const QList<Draft> found = queryDrafts(QStringLiteral("WHERE content_id = ?"), contentId);
    return found.isEmpty() ? std::nullopt : std::optional<Draft>(found.first());
}

QList<Draft> LocalStore::drafts() const
{
    return queryDrafts({}, 0);
}

QList<Draft> LocalStore::drafts(qint64 newsletterId) const
{
    return queryDrafts(QStringLiteral("WHERE newsletter_id = ?"), newsletterId);
}

bool LocalStore::discardDraft(qint64 contentId)
{
    QSqlQuery query(database());
    if (!run(query, QStringLiteral("DELETE FROM drafts WHERE content_id = ?"), {contentId}))
        return fail(tr("Discarding the draft of variant %1").arg(contentId), query.lastError().text());
    if (query.numRowsAffected() > 0)
        emit draftsChanged(contentId);
    return true;
}

QList<Draft> LocalStore::queryDrafts(const QString &where, qint64 value) const
{
    QList<Draft> list;
    QSqlQuery query(database());
    const QString sql =
        QLatin1String("SELECT content_id, newsletter_id, fields, base, saved_at FROM drafts ") + where +
        QLatin1String(" ORDER BY saved_at DESC, content_id");
    if (!run(query, sql, where.isEmpty() ? QVariantList() : QVariantList{value}))
        return list;
    while (query.next()) {
        Draft d;
        d.contentId = query.value(0).toLongLong();
        d.newsletterId = query.value(1).toLongLong();
        d.fields = fromText(query.value(2));
        d.base = api::Content::fromJson(fromText(query.value(3)));
        d.savedAt = fromMSecs(query.value(4));
        list.append(d);
    }
    return list;
}

qint64 LocalStore::keepSnapshot(qint64 newsletterId, const api::Content &serverVersion)
{
    if (serverVersion.id <= 0) {
        fail(tr("Keeping a snapshot"), tr("the variant has no id"));
        return 0;
    }
    qint64 id = 0;
    const bool ok = transaction(tr("Keeping a snapshot of variant %1").arg(serverVersion.id), [&] {
        QSqlQuery query(database());
        if (!run(query,
                 QStringLiteral(
                     "INSERT INTO snapshots(content_id, newsletter_id, json, taken_at) VALUES(?, ?, ?, ?)"),
                 {serverVersion.id, newsletterId ? newsletterId : serverVersion.newsletterId,
                  toText(serverVersion.toJson()), QDateTime::currentMSecsSinceEpoch()}))
            return false;
        id = query.lastInsertId().toLongLong();
        // Older ones go: undo needs the last few saves, not the whole history.
        return run(query,
                   QStringLiteral("DELETE FROM snapshots WHERE content_id = ? AND id NOT IN "
                                  "(SELECT id FROM snapshots WHERE content_id = ? ORDER BY id DESC LIMIT ?)"),
                   {serverVersion.id, serverVersion.id, MaxSnapshotsPerVariant});
    });
    return ok ? id : 0;
}

std::optional<api::Content> LocalStore::latestSnapshot(qint64 contentId) const
{
    QSqlQuery query(database());
    if (!run(query,
             QStringLiteral("SELECT json FROM snapshots WHERE content_id = ? ORDER BY id DESC LIMIT 1"),
             {contentId}) ||
        !query.next())
        return std::nullopt;
    return api::Content::fromJson(fromText(query.value(0)));
}

void LocalStore::dropSnapshot(qint64 snapshotId)
{
    QSqlQuery query(database());
    if (!run(query, QStringLiteral("DELETE FROM snapshots WHERE id = ?"), {snapshotId}))
        fail(tr("Dropping snapshot %1").arg(snapshotId), query.lastError().text());
}

QList<Snapshot> LocalStore::snapshots(qint64 contentId) const
{
    QList<Snapshot> list;
    QSqlQuery query(database());
    if (!run(query,
             QStringLiteral("SELECT id, content_id, newsletter_id, json, taken_at FROM snapshots "
                            "WHERE content_id = ? ORDER BY id DESC"),
             {contentId}))
        return list;
    while (query.next()) {
        Snapshot s;
        s.id = query.value(0).toLongLong();
        s.contentId = query.value(1).toLongLong();
        s.newsletterId = query.value(2).toLongLong();
        s.content = api::Content::fromJson(fromText(query.value(3)));
        s.takenAt = fromMSecs(query.value(4));
        list.append(s);
    }
    return list;
}

} // namespace cio::models
