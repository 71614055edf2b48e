#include "models/variants/variantsaver.h"

#include "api/client.h"
#include "api/request.h"

#include <QLoggingCategory>

#include <memory>

Q_LOGGING_CATEGORY(lcSave, "cio.models.save")

namespace cio::models {

namespace {

// A save the server turned away unprocessed (429, 5xx, a dropped connection) starts over from the
// re-read; the client has already retried each request a few times by then.
constexpr int MaxAttempts = 6;

const char *const EditableKeys[] = {"subject",    "preheader_text", "body",        "body_amp",
                                    "body_plain", "from_id",        "reply_to_id", "recipient"};

bool isEditableKey(const QString &key)
{
    for (const char *k : EditableKeys) {
        if (key == QLatin1String(k))
            return true;
    }
    return false;
}

bool worthAnotherAttempt(const api::Error &error)
{
    using K = api::Error::Kind;
    return error.kind == K::RateLimited || error.kind == K::Server || error.kind == K::Network;
}

// The request never changed anything on the server: a 4xx answer (429 included).
bool definitelyNotApplied(const api::Error &error)
{
    return error.httpStatus >= 400 && error.httpStatus < 500;
}

bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toInteger() == b.toInteger() && a.toDouble() == b.toDouble();
    return a == b;
}

// After a retry the variant may already carry our own change (the first PUT did arrive).
bool carriesChanges(const api::Content &server, const QJsonObject &changes)
{
    const QJsonObject fields = VariantSaver::editableFields(server);
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (!sameValue(fields.value(it.key()), it.value()))
            return false;
    }
    return true;
}

} // namespace

struct VariantSaver::Attempt
{
    SaveRequest request;
    QPointer<QObject> context;
    std::function<void(const SaveResult &)> done;
    int tries = 0;
    int expiredPuts = 0; // PUTs not sent because they could not follow the read closely enough
    bool putFailed = false; // a PUT of an earlier try may have arrived after all
    qint64 snapshotId = 0;
};

VariantSaver::VariantSaver(api::Client *client, SaveJournal *journal, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
{}

void VariantSaver::save(const SaveRequest &request, const QObject *context,
                        std::function<void(const SaveResult &)> done)
{
    auto attempt = std::make_shared<Attempt>();
    attempt->request = request;
    attempt->context = const_cast<QObject *>(context ? context : this);
    attempt->done = std::move(done);

    SaveResult result;
    result.contentId = request.base.id ? request.base.id : request.address.contentId;
    QStringList unknown;
    for (auto it = request.changes.begin(); it != request.changes.end(); ++it) {
        if (!isEditableKey(it.key()))
            unknown << it.key();
    }
    const QStringList redacted = redactedUrls(request.changes);

    if (!m_client || !m_journal) {
        result.error = api::Error::make(api::Error::Kind::Cancelled);
        result.message = tr("Nothing was saved: there is no connection to the workspace.");
    } else if (request.changes.isEmpty()) {
        result.status = SaveResult::Status::NothingToSave;
        result.message = tr("Nothing to save: no field was changed.");
    } else if (!unknown.isEmpty()) {
        result.status = SaveResult::Status::Refused;
        result.message = tr("Nothing was saved: %1 cannot be changed through the API.")
                             .arg(unknown.join(QLatin1String(", ")));
    } else if (m_client->settings().readOnly) {
        result.status = SaveResult::Status::Refused;
        result.error = api::Error::make(api::Error::Kind::ReadOnly);
        result.message = result.error.message() + QLatin1Char(' ') +
                         tr("Turn off “read-only” in the workspace's settings to save changes.");
    } else if (!redacted.isEmpty()) {
        result.status = SaveResult::Status::Refused;
        result.message = tr("Nothing was saved: “[redacted]” is still part of a link, which would send "
                            "readers to a broken address. Put the real value back or remove the link:\n%1")
                             .arg(redacted.join(QLatin1Char('\n')));
    } else if (!request.address.isValid()) {
        result.message = tr("Nothing was saved: the variant's address is incomplete (%1).")
                             .arg(request.address.describe());
    } else {
        runAttempt(attempt);
        return;
    }
    qCInfo(lcSave).noquote() << "not saving" << request.address.describe() << ':' << result.message;
    finishAttempt(attempt, result);
}

void VariantSaver::runAttempt(const std::shared_ptr<Attempt> &attempt)
{
    ++attempt->tries;
    m_client->send(api::Request::get(attempt->request.address.path()), this,
                   [this, attempt](const api::Response &r) {
                       const QJsonValue content = r.json.value(QLatin1String("content"));
                       if (r.ok() && content.isObject())
                           return afterRead(attempt, api::Content::fromJson(content.toObject()));
                       SaveResult result;
                       result.contentId = attempt->request.base.id;
                       result.error = r.ok() ? api::Error::make(api::Error::Kind::BadResponse, {},
                                                                QStringLiteral("no \"content\" object"))
                                             : r.error;
                       if (worthAnotherAttempt(result.error) && attempt->tries < MaxAttempts)
                           return runAttempt(attempt);
                       result.message = tr("Nothing was saved: the variant could not be read back first (%1)")
                                            .arg(result.error.message());
                       finishAttempt(attempt, result);
                   });
}

void VariantSaver::afterRead(const std::shared_ptr<Attempt> &attempt, const api::Content &server)
{
    const SaveRequest &request = attempt->request;
    const api::Content &base = request.base;
    SaveResult result;
    result.contentId = server.id;

    const bool otherVariant = base.id != 0 && server.id != base.id;
    // deduplicate_id ("<id>:<unix>") and `updated` mark changes, but only to the second: two saves in
    // the same second leave them as they were, so the fields are compared as well.
    QStringList differing = differingFields(base, server);
    differing.removeAll(QStringLiteral("updated"));
    const bool changed = base.updated != server.updated || base.deduplicateId != server.deduplicateId ||
                         !differing.isEmpty();
    bool onlyOurs = !differing.isEmpty();
    for (const QString &field : std::as_const(differing))
        onlyOurs = onlyOurs && request.changes.contains(field);
    const bool ownEarlierSave = changed && onlyOurs && carriesChanges(server, request.changes);
    if (ownEarlierSave && !otherVariant) {
        // Our earlier PUT went through although its answer was lost — in this run, or in one that was
        // interrupted (a crash, a lost connection) before it could record the save. The server already
        // holds exactly this edit and nothing else changed: it is saved, not a conflict.
        result.status = SaveResult::Status::Saved;
        result.saved = server;
        result.snapshotId = attempt->snapshotId;
        result.message = tr("Saved %1.").arg(request.address.describe());
        return finishAttempt(attempt, result);
    }
    if (otherVariant || (changed && !request.force)) {
        result.status = SaveResult::Status::Conflict;
        result.server = server;
        const QStringList fields = fieldLabels(differing);
        result.message =
            otherVariant
                ? tr("Nothing was saved: %1 is now variant %2, not the variant %3 the edit started from.")
                      .arg(request.address.describe())
                      .arg(server.id)
                      .arg(base.id)
                : tr("Nothing was saved: someone else changed %1 after your edit started (%2). Compare "
                     "both versions and choose which to keep.")
                      .arg(request.address.describe(),
                           fields.isEmpty() ? tr("its update time changed")
                                            : tr("changed: %1").arg(fields.join(QLatin1String(", "))));
        return finishAttempt(attempt, result);
    }

    // Only what the variant's channel takes, sent with that channel's type (the PUT's discriminator):
    // a push or SMS variant has no subject line or preheader to change, in-app content nothing at all.
    const QStringList channelFields = api::Content::editableFields(server.channel());
    QStringList notForChannel;
    for (auto it = request.changes.begin(); it != request.changes.end(); ++it) {
        if (!channelFields.contains(it.key()))
            notForChannel << it.key();
    }
    if (!notForChannel.isEmpty()) {
        result.status = SaveResult::Status::Refused;
        result.message =
            channelFields.isEmpty()
                ? tr("Nothing was saved: %1 is a %2 variant, which the API cannot change. Edit it in "
                     "Customer.io.")
                      .arg(request.address.describe(), server.channel())
                : tr("Nothing was saved: %1 is a %2 variant, which has no %3 (the API changes only %4).")
                      .arg(request.address.describe(), server.channel(),
                           notForChannel.join(QLatin1String(", ")), channelFields.join(QLatin1String(", ")));
        return finishAttempt(attempt, result);
    }

    const qint64 snapshotId = m_journal->keepSnapshot(request.address.newsletterId, server);
    if (snapshotId == 0) {
        result.message = tr("Nothing was saved: could not keep a local copy of the server's version "
                            "first, so the save could not be undone. Check the free disk space.");
        return finishAttempt(attempt, result);
    }
    attempt->snapshotId = snapshotId;

    QJsonObject body = request.changes;
    body.insert(QStringLiteral("type"), server.channel());
    qCDebug(lcSave).noquote() << "PUT" << request.address.path() << request.changes.keys();
    api::Request put = api::Request::put(request.address.path(), body);
    put.startWithinMs = PutWindowMs;
    m_client->send(put, this, [this, attempt, snapshotId, server](const api::Response &r) {
        SaveResult out;
        out.contentId = server.id;
        out.snapshotId = snapshotId;
        const QJsonValue content = r.json.value(QLatin1String("content"));
        if (r.ok() && content.isObject()) {
            out.status = SaveResult::Status::Saved;
            out.saved = api::Content::fromJson(content.toObject());
            return afterPut(attempt, server, out);
        }
        out.error = r.ok() ? api::Error::make(api::Error::Kind::BadResponse, {},
                                              QStringLiteral("no \"content\" object"))
                           : r.error;
        if (out.error.expired || definitelyNotApplied(out.error)) {
            m_journal->dropSnapshot(snapshotId); // the server still holds exactly that version
            out.snapshotId = 0;
            attempt->snapshotId = 0;
        }
        // Not sent in time: read again and go on from what the server holds by then.
        if (out.error.expired && ++attempt->expiredPuts < 50) {
            --attempt->tries;
            return runAttempt(attempt);
        }
        if (worthAnotherAttempt(out.error) && attempt->tries < MaxAttempts) {
            attempt->putFailed = attempt->putFailed || !definitelyNotApplied(out.error);
            return runAttempt(attempt);
        }
        out.message =
            tr("The server did not save %1: %2").arg(attempt->request.address.describe(), out.error.message());
        finishAttempt(attempt, out);
    });
}

void VariantSaver::afterPut(const std::shared_ptr<Attempt> &attempt, const api::Content &before,
                            SaveResult result)
{
    // What the variant should be now: the version the PUT replaced with our fields on top.
    QJsonObject expected = editableFields(before);
    const QJsonObject &changes = attempt->request.changes;
    for (auto it = changes.begin(); it != changes.end(); ++it)
        expected.insert(it.key(), it.value());
    const auto differences = [expected](const api::Content &now) {
        const QJsonObject fields = editableFields(now);
        QStringList out;
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            if (!sameValue(fields.value(it.key()), it.value()))
                out << it.key();
        }
        return out;
    };
    result.message = tr("Saved %1.").arg(attempt->request.address.describe());
    // Read it back: a write by someone else just before or after ours shows as a difference here.
    m_client->send(
        api::Request::get(attempt->request.address.path()), this,
        [this, attempt, result, expected, differences, before](const api::Response &r) mutable {
            const QJsonValue content = r.json.value(QLatin1String("content"));
            const api::Content now =
                r.ok() && content.isObject() ? api::Content::fromJson(content.toObject()) : result.saved;
            if (!r.ok() || !content.isObject())
                qCInfo(lcSave).noquote() << "could not read back" << attempt->request.address.describe() << ':'
                                         << r.error.message();
            QStringList raced = differences(now);
            if (raced.isEmpty() && now.id == result.saved.id) {
                result.saved = now;
                return finishAttempt(attempt, result);
            }
            if (raced.isEmpty()) // the PUT's own answer already differs
                raced = differences(result.saved);
            result.saved = now;
            if (raced.isEmpty())
                return finishAttempt(attempt, result);
            // Keep what was sent, so nothing typed is lost: Undo Last Save puts it back.
            api::Content sent = before;
            QJsonObject json = before.toJson();
            for (auto it = expected.begin(); it != expected.end(); ++it)
                json.insert(it.key(), it.value());
            sent = api::Content::fromJson(json);
            result.sent = sent;
            result.raceFields = raced;
            const qint64 kept = m_journal->keepSnapshot(attempt->request.address.newsletterId, sent);
            if (kept)
                result.snapshotId = kept;
            result.message =
                tr("Saved %1, but Customer.io now holds something else in %2: someone else saved at the same "
                   "moment. Your version is kept: “Undo Last Save” puts it back.")
                    .arg(attempt->request.address.describe(), fieldLabels(raced).join(QLatin1String(", ")));
            finishAttempt(attempt, result);
        });
}

void VariantSaver::finishAttempt(const std::shared_ptr<Attempt> &attempt, SaveResult result)
{
    if (result.status == SaveResult::Status::Saved)
        qCInfo(lcSave).noquote() << "saved" << attempt->request.address.describe() << "snapshot"
                                 << result.snapshotId;
    else if (result.status != SaveResult::Status::NothingToSave)
        qCInfo(lcSave).noquote() << "not saved" << attempt->request.address.describe() << ':'
                                 << result.message;
    // Always from the event loop, and never once the context is gone.
    if (QObject *context = attempt->context.data()) {
        QMetaObject::invokeMethod(
            context, [done = attempt->done, result] { done(result); }, Qt::QueuedConnection);
    }
}

void VariantSaver::saveAll(const QList<SaveRequest> &requests, const QObject *context,
                           std::function<void(const QList<SaveResult> &)> done)
{
    struct Batch
    {
        QList<SaveResult> results;
        int finished = 0;
    };
    auto batch = std::make_shared<Batch>();
    batch->results.resize(requests.size());
    const int total = int(requests.size());
    QPointer<QObject> receiver = const_cast<QObject *>(context ? context : this);
    const auto deliver = [receiver, batch, done] {
        if (QObject *target = receiver.data())
            QMetaObject::invokeMethod(
                target, [done, batch] { done(batch->results); }, Qt::QueuedConnection);
    };
    emit progress(0, total);
    if (total == 0)
        return deliver();
    for (int i = 0; i < total; ++i) {
        save(requests.at(i), this, [this, batch, i, total, deliver](const SaveResult &result) {
            batch->results[i] = result;
            emit progress(++batch->finished, total);
            if (batch->finished == total)
                deliver();
        });
    }
}

void VariantSaver::undoLastSave(const VariantAddress &address, const api::Content &current,
                                const QObject *context, std::function<void(const SaveResult &)> done)
{
    SaveRequest request;
    request.address = address;
    request.base = current;
    const qint64 contentId = current.id ? current.id : address.contentId;
    const std::optional<api::Content> snapshot =
        m_journal ? m_journal->latestSnapshot(contentId) : std::optional<api::Content>();
    if (snapshot) {
        const QJsonObject before = editableFields(*snapshot);
        const QJsonObject now = editableFields(current);
        for (auto it = before.begin(); it != before.end(); ++it) {
            if (!sameValue(it.value(), now.value(it.key())))
                request.changes.insert(it.key(), it.value());
        }
    }
    if (request.changes.isEmpty()) {
        SaveResult result;
        result.status = SaveResult::Status::NothingToSave;
        result.contentId = contentId;
        result.message = snapshot ? tr("Nothing to undo: the variant already matches its last saved copy.")
                                  : tr("Nothing to undo: no earlier version of this variant was kept.");
        auto attempt = std::make_shared<Attempt>();
        attempt->request = request;
        attempt->context = const_cast<QObject *>(context ? context : this);
        attempt->done = std::move(done);
        return finishAttempt(attempt, result);
    }
    save(request, context, std::move(done));
}

} // namespace cio::models
