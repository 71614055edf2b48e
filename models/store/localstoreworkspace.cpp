// The synced workspace: newsletters, variants and test groups, each kept as the JSON of its DTO.
#include "models/store/localstore.h"

#include "models/store/localstore_p.h"

#include <QSqlDatabase>

namespace cio::models {

using store::fromText;
using store::run;
using store::toText;

bool LocalStore::storeSnapshot(const WorkspaceSnapshot &snapshot)
{
    const bool ok = transaction(tr("Saving the synced workspace"), [&] {
        QSet<qint64> gone = newsletterIds();
        for (const api::Newsletter &n : snapshot.newsletters) {
            gone.remove(n.id);
            if (!writeNewsletter(n))
                return false;
            const bool complete = snapshot.contents.contains(n.id) && snapshot.testGroups.contains(n.id);
            // Half a newsletter would look complete in the editor; keep the old details, marked stale.
            if (complete
                    ? !replaceDetails(n.id, snapshot.contents.value(n.id), snapshot.testGroups.value(n.id)) ||
                          !setDetailsVersion(n.id, n.updated)
                    : !setDetailsVersion(n.id, QVariant()))
                return false;
        }
        for (qint64 id : std::as_const(gone)) {
            if (!removeNewsletter(id))
                return false;
        }
        return markSynced();
    });
    if (ok)
        emit dataChanged();
    return ok;
}

bool LocalStore::storeNewsletterDetail(const api::Newsletter &n, const QList<api::Content> &contents,
                                       const QList<api::TestGroup> &groups)
{
    const bool ok = transaction(tr("Saving newsletter %1").arg(n.id), [&] {
        return writeNewsletter(n) && replaceDetails(n.id, contents, groups) &&
               setDetailsVersion(n.id, n.updated);
    });
    if (ok)
        emit dataChanged();
    return ok;
}

bool LocalStore::storeContent(const api::Content &content)
{
    const bool ok = transaction(tr("Saving variant %1").arg(content.id), [&] {
        QSqlQuery query(database());
        if (!run(query, QStringLiteral("SELECT newsletter_id, position FROM contents WHERE id = ?"),
                 {content.id}))
            return false;
        qint64 newsletterId = content.newsletterId;
        int position = 0;
        if (query.next()) {
            if (newsletterId == 0) // a response without newsletter_id still belongs where it was
                newsletterId = query.value(0).toLongLong();
            position = query.value(1).toInt();
        } else {
            if (!run(query,
                     QStringLiteral(
                         "SELECT coalesce(max(position) + 1, 0) FROM contents WHERE newsletter_id = ?"),
                     {newsletterId}) ||
                !query.next())
                return false;
            position = query.value(0).toInt();
        }
        query.finish();
        if (newsletterId == 0 || content.id == 0)
            return false;
        return keepEarlierVersion(content) && writeContent(content, newsletterId, position) &&
               indexContent(content, newsletterId);
    });
    if (ok)
        emit dataChanged();
    return ok;
}

bool LocalStore::storeNewsletterList(const QList<api::Newsletter> &newsletters)
{
    const bool ok = transaction(tr("Saving the newsletter list"), [&] {
        QSet<qint64> gone = newsletterIds();
        for (const api::Newsletter &n : newsletters) {
            gone.remove(n.id);
            if (!writeNewsletter(n))
                return false;
        }
        for (qint64 id : std::as_const(gone)) {
            if (!removeNewsletter(id))
                return false;
        }
        return true;
    });
    if (ok)
        emit dataChanged();
    return ok;
}

QHash<qint64, qint64> LocalStore::detailVersions() const
{
    QHash<qint64, qint64> versions;
    QSqlQuery query(database());
    if (run(query, QStringLiteral(
                       "SELECT id, details_updated FROM newsletters WHERE details_updated IS NOT NULL"))) {
        while (query.next())
            versions.insert(query.value(0).toLongLong(), query.value(1).toLongLong());
    }
    return versions;
}

QList<api::Newsletter> LocalStore::newsletters() const
{
    QList<api::Newsletter> list;
    QSqlQuery query(database());
    if (run(query, QStringLiteral("SELECT json FROM newsletters ORDER BY id"))) {
        while (query.next())
            list.append(api::Newsletter::fromJson(fromText(query.value(0))));
    }
    return list;
}

std::optional<api::Newsletter> LocalStore::newsletter(qint64 id) const
{
    QSqlQuery query(database());
    if (!run(query, QStringLiteral("SELECT json FROM newsletters WHERE id = ?"), {id}) || !query.next())
        return std::nullopt;
    return api::Newsletter::fromJson(fromText(query.value(0)));
}

QList<api::Content> LocalStore::contents(qint64 newsletterId) const
{
    QList<api::Content> list;
    QSqlQuery query(database());
    if (run(query, QStringLiteral("SELECT json FROM contents WHERE newsletter_id = ? ORDER BY position, id"),
            {newsletterId})) {
        while (query.next())
            list.append(api::Content::fromJson(fromText(query.value(0))));
    }
    return list;
}

std::optional<api::Content> LocalStore::content(qint64 contentId) const
{
    QSqlQuery query(database());
    if (!run(query, QStringLiteral("SELECT json FROM contents WHERE id = ?"), {contentId}) || !query.next())
        return std::nullopt;
    return api::Content::fromJson(fromText(query.value(0)));
}

QList<api::TestGroup> LocalStore::testGroups(qint64 newsletterId) const
{
    QList<api::TestGroup> list;
    QSqlQuery query(database());
    if (run(query, QStringLiteral("SELECT json FROM test_groups WHERE newsletter_id = ? ORDER BY position"),
            {newsletterId})) {
        while (query.next())
            list.append(api::TestGroup::fromJson(fromText(query.value(0))));
    }
    return list;
}

// ---- helpers, called inside transaction() ----

bool LocalStore::writeNewsletter(const api::Newsletter &n)
{
    QSqlQuery query(database());
    return run(
        query,
        // Any change to the newsletter (its `updated`, content_ids, …) makes its stored details stale.
        QStringLiteral("INSERT INTO newsletters(id, updated, json) VALUES(?, ?, ?) "
                       "ON CONFLICT(id) DO UPDATE SET updated = excluded.updated, json = excluded.json, "
                       "details_updated = CASE WHEN json = excluded.json THEN details_updated END"),
        {n.id, n.updated, toText(n.toJson())});
}

bool LocalStore::setDetailsVersion(qint64 newsletterId, const QVariant &updated)
{
    QSqlQuery query(database());
    return run(query, QStringLiteral("UPDATE newsletters SET details_updated = ? WHERE id = ?"),
               {updated, newsletterId});
}

bool LocalStore::replaceDetails(qint64 newsletterId, const QList<api::Content> &contents,
                                const QList<api::TestGroup> &groups)
{
    // The versions about to be replaced go to the history first (what changed in a Default since…).
    for (const api::Content &c : contents) {
        if (!keepEarlierVersion(c))
            return false;
    }
    QSqlQuery query(database());
    if (!unindexNewsletter(newsletterId) ||
        !run(query, QStringLiteral("DELETE FROM contents WHERE newsletter_id = ?"), {newsletterId}) ||
        !run(query, QStringLiteral("DELETE FROM test_groups WHERE newsletter_id = ?"), {newsletterId}))
        return false;
    for (int i = 0; i < contents.size(); ++i) {
        if (!writeContent(contents[i], newsletterId, i) || !indexContent(contents[i], newsletterId))
            return false;
    }
    for (int i = 0; i < groups.size(); ++i) {
        if (!run(query,
                 QStringLiteral("INSERT OR REPLACE INTO test_groups(id, newsletter_id, position, json) "
                                "VALUES(?, ?, ?, ?)"),
                 {groups[i].id, newsletterId, i, toText(groups[i].toJson())}))
            return false;
    }
    return true;
}

bool LocalStore::writeContent(const api::Content &content, qint64 newsletterId, int position)
{
    QSqlQuery query(database());
    return run(
        query,
        QStringLiteral(
            "INSERT OR REPLACE INTO contents(id, newsletter_id, position, language, updated, json) "
            "VALUES(?, ?, ?, ?, ?, ?)"),
        {content.id, newsletterId, position, content.language, content.updated, toText(content.toJson())});
}

bool LocalStore::removeNewsletter(qint64 id)
{
    QSqlQuery query(database());
    return unindexNewsletter(id) &&
           run(query, QStringLiteral("DELETE FROM contents WHERE newsletter_id = ?"), {id}) &&
           run(query, QStringLiteral("DELETE FROM test_groups WHERE newsletter_id = ?"), {id}) &&
           run(query, QStringLiteral("DELETE FROM newsletters WHERE id = ?"), {id});
}

QSet<qint64> LocalStore::newsletterIds() const
{
    QSet<qint64> ids;
    QSqlQuery query(database());
    if (run(query, QStringLiteral("SELECT id FROM newsletters"))) {
        while (query.next())
            ids.insert(query.value(0).toLongLong());
    }
    return ids;
}

} // namespace cio::models
