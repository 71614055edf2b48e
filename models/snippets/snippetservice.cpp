#include "models/snippets/snippetservice.h"

#include "api/appapi.h"
#include "api/client.h"
#include "models/snippets/snippetusages.h"
#include "models/store/localstore.h"
#include "models/variants/variantaddress.h"
#include "models/variants/variantsaver.h"

namespace cio::models {

SnippetService::SnippetService(api::Client *client, LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_variantSaver(new VariantSaver(client, store, this))
{}

void SnippetService::refresh(const QObject *context, ListDone done)
{
    m_listWaiters.append({QPointer<const QObject>(context), std::move(done)});
    if (m_listInFlight)
        return;
    m_listInFlight = true;
    api::AppApi(m_client).snippets(this, [this](const QList<api::Snippet> &list, const api::Error &error) {
        m_listInFlight = false;
        ListAnswer answer{list, error, {}};
        if (!error.isError() && m_store && !m_store->storeSnippets(list))
            answer.storeError = m_store->lastError();
        const auto waiters = std::exchange(m_listWaiters, {});
        for (const auto &w : waiters)
            if (w.first)
                w.second(answer);
    });
}

void SnippetService::save(const SnippetSaveRequest &request, const QObject *context,
                          std::function<void(const SnippetSaveResult &)> done)
{
    auto *saver = new SnippetSaver(m_client, this);
    saver->save(request, context, [saver, done](const SnippetSaveResult &result) {
        saver->deleteLater();
        done(result);
    });
}

void SnippetService::remove(const QString &name, const QObject *context,
                            std::function<void(const api::Error &)> done)
{
    api::AppApi(m_client).deleteSnippet(name, context, [store = m_store, name, done](const api::Error &error) {
        if ((!error.isError() || error.kind == api::Error::Kind::NotFound) && store)
            store->removeSnippet(name);
        done(error);
    });
}

void SnippetService::rename(const SnippetRename &rename, const QObject *context,
                            std::function<void(RenameStep, int)> progress,
                            std::function<void(const SnippetRenameResult &)> done)
{
    const QPointer<const QObject> guard(context);
    // 1) The new snippet first, so no variant ever refers to a snippet that does not exist.
    if (rename.continuesEarlier)
        return rewriteVariants(rename, guard, progress, done);
    progress(RenameStep::Creating, 1);
    api::AppApi(m_client).createSnippet(
        rename.newName, rename.value, this,
        [=](const api::Snippet &saved, const api::Error &error) {
            if (!guard)
                return;
            if (error.isError()) {
                SnippetRenameResult result;
                result.outcome = api::AppApi::isNameTaken(error) ? SnippetRenameResult::Outcome::NameTaken
                                                                 : SnippetRenameResult::Outcome::NotCreated;
                result.error = error;
                return done(result);
            }
            api::Snippet stored = saved;
            if (stored.name.isEmpty())
                stored.name = rename.newName;
            if (m_store)
                m_store->storeSnippet(stored);
            rewriteVariants(rename, guard, progress, done);
        });
}

void SnippetService::rewriteVariants(const SnippetRename &rename, QPointer<const QObject> guard,
                                     std::function<void(RenameStep, int)> progress,
                                     std::function<void(const SnippetRenameResult &)> done)
{
    // 2) Every variant through the safe save: re-read, conflict check, snapshot, PUT of the changed fields.
    QList<SaveRequest> requests;
    for (const SnippetRewrite &r : rename.rewrites) {
        SaveRequest request;
        request.address = VariantAddress::forVariant(r.content, r.groups);
        request.base = r.content;
        request.changes = r.changes;
        requests.append(request);
    }
    if (requests.isEmpty())
        return deleteOld(rename, 0, guard, progress, done);
    progress(RenameStep::Rewriting, int(requests.size()));
    m_variantSaver->saveAll(requests, this, [=](const QList<SaveResult> &results) {
        QStringList failures;
        int saved = 0;
        for (int i = 0; i < results.size(); ++i) {
            const SaveResult &result = results.at(i);
            const SnippetRewrite &r = rename.rewrites.at(i);
            if (!result.isSaved()) {
                failures << tr("%1 (content %2): %3").arg(r.content.name).arg(r.content.id).arg(result.message);
                continue;
            }
            ++saved;
            if (!m_store)
                continue;
            m_store->storeContent(result.saved);
            if (auto draft = m_store->draft(r.content.id)) {
                // The user's unsaved edit keeps its text, with the new name in it.
                for (const QString &field : draft->fields.keys()) {
                    const QJsonValue v = draft->fields.value(field);
                    if (v.isString())
                        draft->fields.insert(field,
                                             renameSnippetReferences(v.toString(), rename.oldName, rename.newName));
                }
                m_store->saveDraft(*draft);
            }
        }
        if (!guard)
            return;
        if (failures.isEmpty())
            return deleteOld(rename, saved, guard, progress, done);
        SnippetRenameResult result;
        result.outcome = SnippetRenameResult::Outcome::NotAllRewritten;
        result.rewritten = saved;
        result.failures = failures;
        done(result);
    });
}

void SnippetService::deleteOld(const SnippetRename &rename, int rewritten, QPointer<const QObject> guard,
                               std::function<void(RenameStep, int)> progress,
                               std::function<void(const SnippetRenameResult &)> done)
{
    // 3) The old snippet goes last, once nothing known refers to it.
    progress(RenameStep::DeletingOld, 1);
    remove(rename.oldName, this, [=](const api::Error &error) {
        if (!guard)
            return;
        SnippetRenameResult result;
        result.rewritten = rewritten;
        result.error = error;
        result.outcome = error.isError() && error.kind != api::Error::Kind::NotFound
                             ? SnippetRenameResult::Outcome::OldKept
                             : SnippetRenameResult::Outcome::Renamed;
        done(result);
    });
}

} // namespace cio::models
