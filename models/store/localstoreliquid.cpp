// What Liquid needs from the local store: the workspace's snippets and the sample-data sets.
#include "models/store/localstore.h"

#include "models/store/localstore_p.h"

#include <QSqlDatabase>

namespace cio::models {

using store::fromText;
using store::run;
using store::toText;

bool LocalStore::storeSnippets(const QList<api::Snippet> &snippets)
{
    const bool ok = transaction(tr("Storing the snippets"), [&] {
        QSqlQuery query(database());
        if (!run(query, QStringLiteral("DELETE FROM snippets")))
            return false;
        for (const api::Snippet &snippet : snippets) {
            if (!run(query, QStringLiteral("INSERT OR REPLACE INTO snippets(name, json) VALUES(?, ?)"),
                     {snippet.name, toText(snippet.toJson())}))
                return false;
        }
        return true;
    });
    if (ok)
        emit snippetsChanged();
    return ok;
}

bool LocalStore::storeSnippet(const api::Snippet &snippet)
{
    QSqlQuery query(database());
    if (!run(query, QStringLiteral("INSERT OR REPLACE INTO snippets(name, json) VALUES(?, ?)"),
             {snippet.name, toText(snippet.toJson())}))
        return fail(tr("Storing snippet “%1”").arg(snippet.name), query.lastError().text());
    emit snippetsChanged();
    return true;
}

bool LocalStore::removeSnippet(const QString &name)
{
    QSqlQuery query(database());
    if (!run(query, QStringLiteral("DELETE FROM snippets WHERE name = ?"), {name}))
        return fail(tr("Removing snippet “%1”").arg(name), query.lastError().text());
    emit snippetsChanged();
    return true;
}

QList<api::Snippet> LocalStore::snippets() const
{
    QList<api::Snippet> result;
    QSqlQuery query(database());
    if (!run(query, QStringLiteral("SELECT json FROM snippets ORDER BY name")))
        return result;
    while (query.next())
        result.append(api::Snippet::fromJson(fromText(query.value(0))));
    return result;
}

QHash<QString, QString> LocalStore::snippetValues() const
{
    QHash<QString, QString> result;
    const QList<api::Snippet> all = snippets();
    for (const api::Snippet &snippet : all)
        result.insert(snippet.name, snippet.value);
    return result;
}

bool LocalStore::saveSnippetDraft(const SnippetDraft &draft)
{
    const QDateTime savedAt = draft.savedAt.isValid() ? draft.savedAt : QDateTime::currentDateTimeUtc();
    QSqlQuery query(database());
    if (!run(query,
             QStringLiteral(
                 "INSERT OR REPLACE INTO snippet_drafts(key, name, value, saved_at) VALUES(?, ?, ?, ?)"),
             {draft.key.isNull() ? QStringLiteral("") : draft.key,
              draft.name.isNull() ? QStringLiteral("") : draft.name,
              draft.value.isNull() ? QStringLiteral("") : draft.value, savedAt.toMSecsSinceEpoch()}))
        return fail(tr("Keeping your unsaved snippet"), query.lastError().text());
    return true;
}

std::optional<SnippetDraft> LocalStore::snippetDraft(const QString &key) const
{
    QSqlQuery query(database());
    if (!run(query, QStringLiteral("SELECT name, value, saved_at FROM snippet_drafts WHERE key = ?"),
             {key.isNull() ? QStringLiteral("") : key}) ||
        !query.next())
        return std::nullopt;
    return SnippetDraft{key, query.value(0).toString(), query.value(1).toString(),
                        QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong()).toUTC()};
}

bool LocalStore::discardSnippetDraft(const QString &key)
{
    QSqlQuery query(database());
    if (!run(query, QStringLiteral("DELETE FROM snippet_drafts WHERE key = ?"),
             {key.isNull() ? QStringLiteral("") : key}))
        return fail(tr("Discarding an unsaved snippet"), query.lastError().text());
    return true;
}

QList<SampleSet> LocalStore::sampleSets() const
{
    QList<SampleSet> result;
    QSqlQuery query(database());
    if (!run(query, QStringLiteral("SELECT id, name, language, data, is_default FROM sample_sets "
                                   "ORDER BY name COLLATE NOCASE")))
        return result;
    while (query.next()) {
        SampleSet set;
        set.id = query.value(0).toLongLong();
        set.name = query.value(1).toString();
        set.language = query.value(2).toString();
        set.data = liquid::JsonData::fromText(query.value(3).toString().toUtf8()).value_or(liquid::JsonData());
        set.isDefault = query.value(4).toBool();
        result.append(set);
    }
    return result;
}

std::optional<SampleSet> LocalStore::defaultSampleSet() const
{
    const QList<SampleSet> all = sampleSets();
    for (const SampleSet &set : all) {
        if (set.isDefault)
            return set;
    }
    if (!all.isEmpty())
        return all.first();
    return std::nullopt;
}

qint64 LocalStore::saveSampleSet(const SampleSet &set)
{
    if (set.name.trimmed().isEmpty()) {
        fail(tr("Saving a sample-data set"), tr("the set has no name"));
        return 0;
    }
    qint64 id = set.id;
    {
        QSqlQuery query(database());
        if (run(query, QStringLiteral("SELECT id FROM sample_sets WHERE name = ? AND id != ?"),
                {set.name, id}) &&
            query.next()) {
            fail(tr("Saving sample data “%1”").arg(set.name), tr("another set has that name"));
            return 0;
        }
    }
    const bool ok = transaction(tr("Saving sample data “%1”").arg(set.name), [&] {
        QSqlQuery query(database());
        if (!run(query, QStringLiteral("SELECT count(*) FROM sample_sets")) || !query.next())
            return false;
        const bool first = query.value(0).toInt() == 0 && id == 0;
        const bool makeDefault = set.isDefault || first;
        if (makeDefault && !run(query, QStringLiteral("UPDATE sample_sets SET is_default = 0")))
            return false;
        // A null QString would bind NULL, which the column refuses.
        const QString language = set.language.isEmpty() ? QStringLiteral("") : set.language;
        if (id == 0) {
            if (!run(query,
                     QStringLiteral("INSERT INTO sample_sets(name, language, data, is_default) "
                                    "VALUES(?, ?, ?, ?)"),
                     {set.name, language, QString::fromUtf8(set.data.text()), makeDefault ? 1 : 0}))
                return false;
            id = query.lastInsertId().toLongLong();
            return id > 0;
        }
        if (!run(query,
                 QStringLiteral("UPDATE sample_sets SET name = ?, language = ?, data = ?, "
                                "is_default = ? WHERE id = ?"),
                 {set.name, language, QString::fromUtf8(set.data.text()), makeDefault ? 1 : 0, id}))
            return false;
        if (query.numRowsAffected() == 0) {
            // Deleted meanwhile (another window): saying "saved" would lose the text.
            store::setStatementError(tr("the set no longer exists; save it as a new set"));
            return false;
        }
        // Some set stays the default: unmarking the default leaves it marked.
        return run(query,
                   QStringLiteral("UPDATE sample_sets SET is_default = 1 WHERE id = ? AND NOT EXISTS "
                                  "(SELECT 1 FROM sample_sets WHERE is_default = 1)"),
                   {id});
    });
    if (!ok)
        return 0;
    emit sampleSetsChanged();
    return id;
}

bool LocalStore::removeSampleSet(qint64 id)
{
    const bool ok = transaction(tr("Removing a sample-data set"), [&] {
        QSqlQuery query(database());
        if (!run(query, QStringLiteral("DELETE FROM sample_sets WHERE id = ?"), {id}))
            return false;
        // Some set stays the default while any is left.
        return run(query, QStringLiteral("UPDATE sample_sets SET is_default = 1 WHERE id = "
                                         "(SELECT min(id) FROM sample_sets) AND NOT EXISTS "
                                         "(SELECT 1 FROM sample_sets WHERE is_default = 1)"));
    });
    if (ok)
        emit sampleSetsChanged();
    return ok;
}

} // namespace cio::models
