#pragma once

#include "liquid/jsondata.h"

#include "api/dto.h"
#include "models/store/savejournal.h"
#include "models/store/workspacesnapshot.h"
#include "models/variants/variantmatrix.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

class QSqlDatabase;
class QVariant;

namespace cio::models {

// A variant's unsaved edit.
struct Draft final
{
    qint64 contentId = 0;
    qint64 newsletterId = 0;
    QJsonObject fields; // only the edited fields, API names (subject, body, reply_to_id, …)
    api::Content
        base; // the server version the edit started from; its updated/deduplicateId are the conflict check
    QDateTime savedAt; // when the draft was last written (UTC)
};

// The server's version of a variant, kept before a save overwrote it.
struct Snapshot final
{
    qint64 id = 0;
    qint64 contentId = 0;
    qint64 newsletterId = 0;
    api::Content content;
    QDateTime takenAt; // UTC
};

// An earlier version of a variant, kept when a sync or a save replaced it (content_history).
struct ContentVersion final
{
    qint64 contentId = 0;
    qint64 changedAt = 0; // when this version was last changed (unix seconds, VariantMatrix::changeTime)
    api::Content content;
};

// A named set of sample data for the Liquid preview and the QA checks: a JSON object with `customer`,
// `event` and `trigger` members (and anything else a template reads at the top level).
struct SampleSet final
{
    qint64 id = 0; // 0 until stored
    QString name;
    QString language; // the language it suits best, empty for any
    liquid::JsonData data; // in the order it was written
    bool isDefault = false;
};

// A snippet's unsaved edit. key: the stored snippet it changes, empty for a new one.
struct SnippetDraft final
{
    QString key;
    QString name; // as typed (a new snippet's name, or a changed one)
    QString value;
    QDateTime savedAt; // UTC
};

// One workspace's local data in SQLite (WAL): the synced newsletters, variants and test groups with a
// full-text index, the user's drafts and the snapshots taken before saves. DTOs are kept as their own
// JSON so nothing the API sent is lost. Use it from the thread that opened it.
class LocalStore final : public QObject, public SaveJournal
{
    Q_OBJECT

public:
    static constexpr int SchemaVersion = 5;
    static constexpr int MaxSnapshotsPerVariant = 20;

    explicit LocalStore(QObject *parent = nullptr);
    ~LocalStore() override;

    // WorkspaceRepository::dataDirectory(profileId) + "/workspace.sqlite".
    static QString pathFor(const QString &profileId);
    // For connections without a saved workspace (--base-url or the environment key in the CLI): a store
    // named after the API host and port, pathFor("url-<host>-<port>").
    static QString pathForBaseUrl(const QUrl &baseUrl);
    // The demo workspace (which has no profile id): pathFor("demo").
    static QString demoPath();

    // Creates the folder and the schema when needed. Refuses a file written by a newer schema version.
    bool open(const QString &path, QString *error = nullptr);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }

    // ---- Synced workspace (localstoreworkspace.cpp) ----
    // Replaces newsletters, variants and test groups. Newsletters whose details are missing from the
    // snapshot (a failed fetch) keep their old details, marked stale so the next sync fetches them.
    bool storeSnapshot(const WorkspaceSnapshot &snapshot);
    // Replaces one newsletter with its variants and test groups; its details count as current for
    // its `updated`.
    bool storeNewsletterDetail(const api::Newsletter &n, const QList<api::Content> &contents,
                               const QList<api::TestGroup> &groups);
    bool storeContent(const api::Content &content); // one variant after a save/reload
    // Replaces the newsletter list; newsletters no longer listed go with their variants and groups.
    // The details of the others stay; those of a newsletter whose JSON changed are marked stale.
    bool storeNewsletterList(const QList<api::Newsletter> &newsletters);
    // Newsletter id → the newsletter `updated` its stored details were fetched at (complete ones only).
    QHash<qint64, qint64> detailVersions() const;
    bool markSynced(const QDateTime &at = QDateTime::currentDateTimeUtc());

    QList<api::Newsletter> newsletters() const;
    std::optional<api::Newsletter> newsletter(qint64 id) const;
    QList<api::Content> contents(qint64 newsletterId) const;
    std::optional<api::Content> content(qint64 contentId) const;
    QList<api::TestGroup> testGroups(qint64 newsletterId) const;
    QDateTime lastSynced() const;
    // Every language code the stored variants use (the workspace's languages), sorted.
    QStringList languages() const;
    int variantCount() const;
    QSet<qint64> newsletterIds() const; // of the stored newsletters
    int testGroupCount() const;
    // The API gives no sign that a body was built with the drag-and-drop editor or Design Studio; it
    // refuses to change it. The editor records that refusal here and opens the body read-only next time.
    bool setBodyLocked(qint64 contentId, const QString &reason);
    QString bodyLockedReason(qint64 contentId) const;

    // Snippets, as the last sync found them (Liquid resolves snippets from here).
    bool storeSnippets(const QList<api::Snippet> &snippets); // replaces every stored snippet
    bool storeSnippet(const api::Snippet &snippet);          // one created or changed snippet
    bool removeSnippet(const QString &name);
    QList<api::Snippet> snippets() const; // by name
    QHash<QString, QString> snippetValues() const;

    // Unsaved snippet edits, each written at once (autocommit) like a variant's draft.
    bool saveSnippetDraft(const SnippetDraft &draft);
    std::optional<SnippetDraft> snippetDraft(const QString &key) const;
    bool discardSnippetDraft(const QString &key);

    // Sample-data sets. saveSampleSet() inserts (id 0) or updates and returns the id, 0 on failure; a set
    // saved as the default takes that mark from every other set. The first set stored becomes default.
    QList<SampleSet> sampleSets() const; // by name
    std::optional<SampleSet> defaultSampleSet() const;
    qint64 saveSampleSet(const SampleSet &set);
    bool removeSampleSet(qint64 id);

    // Full-text search over name, subject, preheader and body of every variant (localstoresearch.cpp).
    // Words are ANDed, the last one matches as a prefix; returns newsletter ids, best first.
    QList<qint64> search(const QString &text, int limit = 500) const;

    // ---- Archived copies of deliveries (localstorearchive.cpp) ----
    // What Customer.io sent never changes and the API allows 100 archived-message reads a day, so a
    // copy fetched once is kept (forgotten ones too: asking again would only spend the quota).
    bool storeArchivedMessage(const QString &deliveryId, const api::ArchivedMessage &message,
                              const QDateTime &fetchedAt = {}); // invalid: now
    std::optional<api::ArchivedMessage> archivedMessage(const QString &deliveryId,
                                                        QDateTime *fetchedAt = nullptr) const; // UTC
    int archivedMessageCount() const;

    // ---- Drafts (localstoredrafts.cpp); each write is its own committed transaction ----
    bool saveDraft(const Draft &draft);
    std::optional<Draft> draft(qint64 contentId) const;
    QList<Draft> drafts() const; // newest first
    QList<Draft> drafts(qint64 newsletterId) const;
    bool discardDraft(qint64 contentId);

    // ---- SaveJournal and snapshots (localstoredrafts.cpp) ----
    qint64 keepSnapshot(qint64 newsletterId, const api::Content &serverVersion) override;
    std::optional<api::Content> latestSnapshot(qint64 contentId) const override;
    void dropSnapshot(qint64 snapshotId) override;
    QList<Snapshot> snapshots(qint64 contentId) const; // newest first, at most MaxSnapshotsPerVariant

    // ---- Earlier texts and "still current" marks (localstorehistory.cpp) ----
    // A variant's replaced versions are kept (at most MaxHistoryPerVariant each) whenever a sync or a save
    // changes it, so the outdated dialog can show what changed in a Default since a translation was saved.
    static constexpr int MaxHistoryPerVariant = 30;
    QList<ContentVersion> contentHistory(qint64 contentId) const; // newest first
    // The version of a variant whose texts were current at `at` (unix seconds), from the history or the
    // stored variant; nullopt when this computer never saw the texts of that time.
    std::optional<api::Content> versionAt(qint64 contentId, qint64 at) const;
    // When each variant's texts last changed: an unrelated change (recipient, sender) does not count.
    // Built from the history and the snapshots; variants without either keep their own change time.
    TextTimes textTimes(const QList<api::Content> &contents) const;
    // Records that a translation is still current for its Default as changed at `defaultChangedAt`.
    bool markStillCurrent(qint64 contentId, qint64 defaultChangedAt);
    // Per newsletter: how many cells of its variant matrix are current, outdated, missing, untranslated
    // (same rules as the matrix), from the stored variants and test groups. One query for all `ids`.
    struct TranslationProgress
    {
        int translations = 0; // cells that are not the Default
        int current = 0;
        int outdated = 0;
        int missing = 0;
        int untranslated = 0;
        bool needsWork() const { return outdated + missing + untranslated > 0; }
    };
    QHash<qint64, TranslationProgress> translationProgress(const QList<qint64> &newsletterIds) const;

signals:
    void draftsChanged(qint64 contentId);
    void snippetsChanged();
    void sampleSetsChanged();
    void dataChanged(); // after storeSnapshot/storeNewsletterDetail/storeContent/storeNewsletterList

private:
    QSqlDatabase database() const;
    bool createSchema(QString *error);
    bool fail(const QString &what, const QString &why) const;
    // Helpers for use inside transaction() (localstoreworkspace.cpp).
    bool writeNewsletter(const api::Newsletter &n); // a changed newsletter's details become stale
    bool setDetailsVersion(qint64 newsletterId, const QVariant &updated); // null = details stale
    bool replaceDetails(qint64 newsletterId, const QList<api::Content> &contents,
                        const QList<api::TestGroup> &groups);
    bool writeContent(const api::Content &content, qint64 newsletterId, int position);
    // Keeps the stored version of content.id in content_history when `content` differs from it
    // (localstorehistory.cpp). Call before the stored row is replaced or deleted.
    bool keepEarlierVersion(const api::Content &content);
    bool removeNewsletter(qint64 id);
    // Runs `work` in one transaction; rolls back when it returns false.
    bool transaction(const QString &what, const std::function<bool()> &work);
    QList<Draft> queryDrafts(const QString &where, qint64 value) const;
    // Keeps the full-text index of one variant in step with its row (localstoresearch.cpp).
    bool indexContent(const api::Content &content, qint64 newsletterId);
    bool reindexAll(); // rebuilds the full-text index from the stored variants (schema migration)
    bool unindexNewsletter(qint64 newsletterId);

    QString m_connection; // unique per instance, so several stores can be open in one process
    QString m_path;
    mutable QString m_lastError;
};

} // namespace cio::models
