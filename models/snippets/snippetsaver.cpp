#include "models/snippets/snippetsaver.h"

#include "api/appapi.h"
#include "api/client.h"

namespace cio::models {

namespace {

using Status = SnippetSaveResult::Status;

SnippetSaveResult resultOf(Status status, const api::Error &error = {})
{
    SnippetSaveResult r;
    r.status = status;
    r.error = error;
    return r;
}

SnippetSaveResult failed(const api::Error &error)
{
    return resultOf(Status::Failed, error);
}

// Created or Saved. The API trims names and may answer without one: the saved snippet always carries
// its name.
SnippetSaveResult stored(Status status, api::Snippet saved, const QString &name)
{
    SnippetSaveResult r = resultOf(status);
    if (saved.name.isEmpty())
        saved.name = name;
    r.saved = saved;
    return r;
}

} // namespace

SnippetSaver::SnippetSaver(api::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void SnippetSaver::save(const SnippetSaveRequest &request, const QObject *context,
                        std::function<void(const SnippetSaveResult &)> done)
{
    if (request.isNew)
        return create(request, 1, context, std::move(done));
    round(request, 1, context, std::move(done));
}

void SnippetSaver::create(const SnippetSaveRequest &request, int attempt, QPointer<const QObject> context,
                          std::function<void(const SnippetSaveResult &)> done)
{
    api::AppApi(m_client).createSnippet(
        request.name, request.value, this,
        [this, request, attempt, context, done](const api::Snippet &saved, const api::Error &error) {
            if (!context)
                return;
            if (api::AppApi::isNameTaken(error)) {
                // A new snippet never replaces one; an upsert found it missing a moment ago, so it
                // was created meanwhile: read again and replace it (it is what `put` asks for).
                if (request.isNew || attempt >= MaxRounds)
                    return done(resultOf(Status::NameTaken, error));
                return round(request, attempt + 1, context, done);
            }
            if (error.isError())
                return done(failed(error));
            done(stored(Status::Created, saved, request.name));
        });
}

void SnippetSaver::round(const SnippetSaveRequest &request, int attempt, QPointer<const QObject> context,
                         std::function<void(const SnippetSaveResult &)> done)
{
    api::AppApi(m_client).snippets(this, [this, request, attempt, context,
                                          done](const QList<api::Snippet> &list, const api::Error &error) {
        if (!context)
            return;
        if (error.isError())
            return done(failed(error));
        std::optional<api::Snippet> server;
        for (const api::Snippet &s : list) {
            if (s.name == request.name)
                server = s;
        }
        if (request.base && !server)
            return done(resultOf(Status::Deleted));
        if (request.base && server->value != *request.base) {
            SnippetSaveResult r = resultOf(Status::Conflict);
            r.server = server;
            return done(r);
        }
        if (!server)
            return create(request, attempt, context, done);
        api::AppApi(m_client).putSnippet(
            request.name, request.value, this,
            [this, request, attempt, context, done](const api::Snippet &saved, const api::Error &e) {
                if (!context)
                    return;
                if (e.expired && attempt < MaxRounds) // could not follow the read closely: read again
                    return round(request, attempt + 1, context, done);
                if (e.isError())
                    return done(failed(e));
                done(stored(Status::Saved, saved, request.name));
            },
            PutWindowMs);
    });
}

} // namespace cio::models
