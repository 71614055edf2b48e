// Opening, schema and transactions of the local store. The workspace tables live in
// localstoreworkspace.cpp, the full-text index in localstoresearch.cpp, drafts and snapshots in
// localstoredrafts.cpp.
#include "models/store/localstore.h"

#include "models/store/localstore_p.h"
#include "models/workspaces/workspacerepository.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>

#include <atomic>

Q_LOGGING_CATEGORY(lcStore, "cio.models.store")

namespace cio::models {

namespace {

// Version 1. A later version appends its migration in createSchema(); never edit these.
const char *const schemaV1[] = {
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)",
    // details_updated: the newsletter `updated` its variants and test groups were fetched at;
    // NULL when they are missing or stale.
    "CREATE TABLE newsletters(id INTEGER PRIMARY KEY, updated INTEGER NOT NULL, "
    "details_updated INTEGER, json TEXT NOT NULL)",
    "CREATE TABLE contents(id INTEGER PRIMARY KEY, newsletter_id INTEGER NOT NULL, "
    "position INTEGER NOT NULL, language TEXT, updated INTEGER NOT NULL, json TEXT NOT NULL)",
    "CREATE INDEX contents_by_newsletter ON contents(newsletter_id, position)",
    "CREATE TABLE test_groups(id INTEGER NOT NULL, newsletter_id INTEGER NOT NULL, "
    "position INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY(newsletter_id, id))",
    // rowid = content id. remove_diacritics 2 lets "zewnatrz" find "zewnątrz".
    "CREATE VIRTUAL TABLE content_fts USING fts5(name, subject, preheader, body, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    // Drafts and snapshots deliberately do not reference the synced tables: a sync that replaces or
    // drops a variant must never take the user's work with it.
    "CREATE TABLE drafts(content_id INTEGER PRIMARY KEY, newsletter_id INTEGER NOT NULL, "
    "fields TEXT NOT NULL, base TEXT NOT NULL, saved_at INTEGER NOT NULL)",
    "CREATE INDEX drafts_by_newsletter ON drafts(newsletter_id)",
    "CREATE TABLE snapshots(id INTEGER PRIMARY KEY AUTOINCREMENT, content_id INTEGER NOT NULL, "
    "newsletter_id INTEGER NOT NULL, json TEXT NOT NULL, taken_at INTEGER NOT NULL)",
    "CREATE INDEX snapshots_by_content ON snapshots(content_id, id)",
};

// Version 2: the full-text index carries each variant's newsletter id (no join with the large contents
// rows while searching) and prefix indexes for 2 and 3 characters (search-as-you-type starts at 2).
const char *const schemaV2[] = {
    "DROP TABLE content_fts",
    "CREATE VIRTUAL TABLE content_fts USING fts5(name, subject, preheader, body, newsletter_id UNINDEXED, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
};

// Version 3: the workspace's snippets (Liquid resolves them locally) and the sample-data sets that the
// preview and the QA checks render with.
const char *const schemaV3[] = {
    "CREATE TABLE snippets(name TEXT PRIMARY KEY, json TEXT NOT NULL)",
    "CREATE TABLE sample_sets(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, "
    "language TEXT NOT NULL DEFAULT '', data TEXT NOT NULL, is_default INTEGER NOT NULL DEFAULT 0)",
};

// Version 4: unsaved snippet edits, so a crash or a kill loses nothing typed in the snippets page.
const char *const schemaV4[] = {
    "CREATE TABLE snippet_drafts(key TEXT PRIMARY KEY, name TEXT NOT NULL, value TEXT NOT NULL, "
    "saved_at INTEGER NOT NULL)",
};

// Version 5: archived copies of deliveries (the API allows 100 reads a day, so each is fetched once),
// earlier texts of variants (to show what changed in a Default since a translation was saved), and
// translations a user marked as still current after their Default changed.
const char *const schemaV5[] = {
    "CREATE TABLE archived_messages(delivery_id TEXT PRIMARY KEY, json TEXT NOT NULL, "
    "fetched_at INTEGER NOT NULL)",
    "CREATE TABLE content_history(id INTEGER PRIMARY KEY AUTOINCREMENT, content_id INTEGER NOT NULL, "
    "changed_at INTEGER NOT NULL, json TEXT NOT NULL)",
    "CREATE INDEX content_history_by_content ON content_history(content_id, changed_at)",
    "CREATE TABLE translation_marks(content_id INTEGER PRIMARY KEY, default_changed_at INTEGER NOT NULL, "
    "marked_at INTEGER NOT NULL)",
};

} // namespace

LocalStore::LocalStore(QObject *parent)
    : QObject(parent)
{}

LocalStore::~LocalStore()
{
    close();
}

QString LocalStore::pathFor(const QString &profileId)
{
    return WorkspaceRepository::dataDirectory(profileId) + QLatin1String("/workspace.sqlite");
}

QString LocalStore::pathForBaseUrl(const QUrl &baseUrl)
{
    const int port = baseUrl.port(baseUrl.scheme() == QLatin1String("http") ? 80 : 443);
    return pathFor(QLatin1String("url-") + baseUrl.host().toLower() + QLatin1Char('-') +
                   QString::number(port));
}

QString LocalStore::demoPath()
{
    return pathFor(QStringLiteral("demo"));
}

bool LocalStore::open(const QString &path, QString *error)
{
    close();
    const auto refuse = [&](const QString &why) {
        close();
        m_lastError = why;
        if (error)
            *error = why;
        qCWarning(lcStore) << "cannot open" << path << ':' << why;
        return false;
    };
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return refuse(tr("The folder %1 could not be created.").arg(QDir::toNativeSeparators(folder)));

    static std::atomic<int> counter{0};
    m_connection = QStringLiteral("cio-store-%1").arg(++counter);
    QString openError;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        // The GUI and the CLI may have the same store open; wait for the other's write instead of failing.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            openError = db.lastError().text();
    }
    if (!openError.isEmpty())
        return refuse(openError);
    m_path = path;

    QSqlQuery query(database());
    // WAL lets drafts be written while the UI reads. With WAL, synchronous=NORMAL keeps every commit
    // through a killed process; only a power loss may cost the last few.
    if (!store::run(query, QStringLiteral("PRAGMA journal_mode=WAL")) ||
        !store::run(query, QStringLiteral("PRAGMA synchronous=NORMAL")))
        return refuse(query.lastError().text());
    query.finish();
    QString schemaError;
    if (!createSchema(&schemaError))
        return refuse(schemaError);
    m_lastError.clear();
    return true;
}

bool LocalStore::createSchema(QString *error)
{
    int version = 0;
    {
        QSqlQuery query(database());
        if (!store::run(query, QStringLiteral(
                                   "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)")) ||
            !store::run(query, QStringLiteral("SELECT max(version) FROM schema_version"))) {
            *error = query.lastError().text();
            return false;
        }
        if (query.next())
            version = query.value(0).toInt();
    }
    if (version > SchemaVersion) {
        // Opening it could damage data a newer cio-studio relies on.
        *error =
            tr("This local store was written by a newer version of cio-studio (schema %1).").arg(version);
        return false;
    }
    if (version == SchemaVersion)
        return true;
    const bool ok = transaction(tr("Creating the local store"), [this, version] {
        QSqlQuery query(database());
        if (version < 1) {
            for (const char *sql : schemaV1) {
                if (!store::run(query, QString::fromLatin1(sql)))
                    return false;
            }
        }
        if (version < 2) {
            for (const char *sql : schemaV2) {
                if (!store::run(query, QString::fromLatin1(sql)))
                    return false;
            }
            if (version >= 1 && !reindexAll())
                return false;
        }
        if (version < 3) {
            for (const char *sql : schemaV3) {
                if (!store::run(query, QString::fromLatin1(sql)))
                    return false;
            }
        }
        if (version < 4) {
            for (const char *sql : schemaV4) {
                if (!store::run(query, QString::fromLatin1(sql)))
                    return false;
            }
        }
        if (version < 5) {
            for (const char *sql : schemaV5) {
                if (!store::run(query, QString::fromLatin1(sql)))
                    return false;
            }
        }
        return store::run(query, QStringLiteral("DELETE FROM schema_version")) &&
               store::run(query, QStringLiteral("INSERT INTO schema_version(version) VALUES(?)"),
                          {SchemaVersion});
    });
    if (!ok)
        *error = m_lastError;
    return ok;
}

void LocalStore::close()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
    m_path.clear();
}

bool LocalStore::isOpen() const
{
    return !m_connection.isEmpty() && database().isOpen();
}

QSqlDatabase LocalStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool LocalStore::fail(const QString &what, const QString &why) const
{
    m_lastError = why.isEmpty() ? what : what + QLatin1String(": ") + why;
    qCWarning(lcStore).noquote() << m_lastError;
    return false;
}

bool LocalStore::transaction(const QString &what, const std::function<bool()> &work)
{
    if (!isOpen())
        return fail(what, tr("the local store is not open"));
    QSqlDatabase db = database();
    if (!db.transaction())
        return fail(what, db.lastError().text());
    store::setStatementError({});
    if (!work()) {
        QString why = db.lastError().text();
        if (why.trimmed().isEmpty())
            why = store::statementError();
        db.rollback();
        return fail(what, why.trimmed().isEmpty() ? tr("rolled back") : why);
    }
    if (!db.commit()) {
        const QString why = db.lastError().text();
        db.rollback();
        return fail(what, why);
    }
    return true;
}

bool LocalStore::markSynced(const QDateTime &at)
{
    QSqlQuery query(database());
    if (!store::run(query, QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('last_synced', ?)"),
                    {QString::number(at.toMSecsSinceEpoch())}))
        return fail(tr("Recording the sync time"), query.lastError().text());
    return true;
}

QStringList LocalStore::languages() const
{
    QStringList result;
    QSqlQuery query(database());
    if (!store::run(query, QStringLiteral("SELECT DISTINCT language FROM contents WHERE language <> '' "
                                          "ORDER BY language")))
        return result;
    while (query.next())
        result.append(query.value(0).toString());
    return result;
}

int LocalStore::variantCount() const
{
    QSqlQuery query(database());
    return store::run(query, QStringLiteral("SELECT count(*) FROM contents")) && query.next()
               ? query.value(0).toInt()
               : 0;
}

int LocalStore::testGroupCount() const
{
    QSqlQuery query(database());
    return store::run(query, QStringLiteral("SELECT count(*) FROM test_groups")) && query.next()
               ? query.value(0).toInt()
               : 0;
}

bool LocalStore::setBodyLocked(qint64 contentId, const QString &reason)
{
    QSqlQuery query(database());
    return store::run(query, QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"),
                      {QStringLiteral("body_locked:%1").arg(contentId), reason});
}

QString LocalStore::bodyLockedReason(qint64 contentId) const
{
    QSqlQuery query(database());
    if (!store::run(query, QStringLiteral("SELECT value FROM meta WHERE key = ?"),
                    {QStringLiteral("body_locked:%1").arg(contentId)}) ||
        !query.next())
        return {};
    return query.value(0).toString();
}

QDateTime LocalStore::lastSynced() const
{
    QSqlQuery query(database());
    if (!store::run(query, QStringLiteral("SELECT value FROM meta WHERE key = 'last_synced'")) ||
        !query.next())
        return {};
    return QDateTime::fromMSecsSinceEpoch(query.value(0).toString().toLongLong()).toUTC();
}

} // namespace cio::models
