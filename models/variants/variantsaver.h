#pragma once

#include "api/dto.h"
#include "api/error.h"
#include "models/store/savejournal.h"
#include "models/variants/variantaddress.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace cio::api {
class Client;
}

namespace cio::models {

struct SaveRequest final
{
    VariantAddress address;
    api::Content base;   // the version the edit started from
    QJsonObject changes; // only the edited fields, API names (subject, preheader_text, body, body_amp,
                         // body_plain, from_id, reply_to_id, recipient)
    bool force = false;  // overwrite even if the server changed meanwhile
};

struct SaveResult final
{
    enum class Status
    {
        Saved,
        Conflict,
        Refused,
        Failed,
        NothingToSave
    };
    Status status = Status::Failed;
    qint64 contentId = 0;
    api::Content saved;    // Saved: the server's answer
    api::Content server;   // Conflict: the server's current version (to show beside the user's)
    qint64 snapshotId = 0; // the snapshot kept before the PUT
    // Saved, but the variant read back right after the PUT is not exactly what was sent on top of the
    // version it replaced: someone else's write landed at the same moment. These fields differ; `saved`
    // is what the server holds now, `sent` what this save sent (kept as a snapshot: undo puts it back).
    QStringList raceFields;
    api::Content sent;
    api::Error error;
    QString message; // for a person

    bool isSaved() const { return status == Status::Saved; }
};

// Saves edited variants without losing anyone's work (PRODUCT.md "Safety of the user's work"):
// nothing with "[redacted]" in a URL leaves, a variant changed by someone else since the edit
// started is not overwritten (unless forced), and the server's version is kept in the journal
// before every PUT so the save can be undone.
class VariantSaver final : public QObject
{
    Q_OBJECT

public:
    VariantSaver(api::Client *client, SaveJournal *journal, QObject *parent = nullptr);

    // 1) refuse locally (Refused) a body/body_amp/body_plain that contains "[redacted]" in a URL;
    // 2) re-read the variant through the same address and compare `updated` and `deduplicate_id`
    //    with `base`; different → Conflict with `server` (unless force);
    // 3) keep a snapshot of the server version — none kept → Failed, nothing sent;
    // 4) PUT only the changed fields plus "type":"email" through address.path(), ahead of the queue: if
    //    it cannot go out within PutWindowMs of the read (rate limit, 429 pause), it is not sent and
    //    the save starts over from 2) — the App API has no If-Match, so the window is kept narrow;
    // 5) read the variant back: Saved with what the server holds; if that is not what was sent on top
    //    of the version read in 2), raceFields name the difference and `sent` is kept as a snapshot.
    // A read-only workspace is Refused before anything is sent.
    void save(const SaveRequest &request, const QObject *context,
              std::function<void(const SaveResult &)> done);
    // All at once through the client's queue (which respects the rate limit); results in request
    // order; progress(done, total). A save the server turned away with 429 (or 5xx) is tried again.
    void saveAll(const QList<SaveRequest> &requests, const QObject *context,
                 std::function<void(const QList<SaveResult> &)> done);
    // PUTs the latest snapshot's fields back, with the same conflict check against `current` (the
    // version saved last). The undo keeps its own snapshot first, so undoing twice redoes.
    void undoLastSave(const VariantAddress &address, const api::Content &current, const QObject *context,
                      std::function<void(const SaveResult &)> done);

    // Where `[redacted]` sits inside a URL of the changed body fields ("body, line 12: https://…"); empty
    // when nowhere.
    static QStringList redactedUrls(const QJsonObject &changes);
    // The editable fields (API names) in which two versions differ, plus "updated" when that differs.
    static QStringList differingFields(const api::Content &a, const api::Content &b);
    // A field's name for people ("Subject", "Preheader", "HTML body"…), never the API's key.
    static QString fieldLabel(const QString &key);
    static QStringList fieldLabels(const QStringList &keys);
    // The editable fields of `c` in API form (subject, preheader_text, body, …).
    static QJsonObject editableFields(const api::Content &c);

    // How soon after the re-read the PUT must go on the wire.
    static constexpr int PutWindowMs = 250;

signals:
    void progress(int done, int total);

private:
    struct Attempt;
    void runAttempt(const std::shared_ptr<Attempt> &attempt);
    void afterRead(const std::shared_ptr<Attempt> &attempt, const api::Content &server);
    void afterPut(const std::shared_ptr<Attempt> &attempt, const api::Content &before, SaveResult result);
    void finishAttempt(const std::shared_ptr<Attempt> &attempt, SaveResult result);

    QPointer<api::Client> m_client;
    SaveJournal *m_journal = nullptr;
};

// A journal that lives as long as the process (tests, and the CLI until the local store exists).
class MemorySaveJournal final : public SaveJournal
{
public:
    qint64 keepSnapshot(qint64 newsletterId, const api::Content &serverVersion) override;
    std::optional<api::Content> latestSnapshot(qint64 contentId) const override;
    void dropSnapshot(qint64 snapshotId) override;
    int count() const { return int(m_snapshots.size()); }

private:
    struct Entry
    {
        qint64 id = 0;
        api::Content content;
    };
    QList<Entry> m_snapshots; // oldest first
    qint64 m_nextId = 1;
};

} // namespace cio::models
