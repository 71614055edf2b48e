#pragma once

#include "api/dto.h"
#include "api/error.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace cio::api {
class Client;
}

namespace cio::models {

// What to save: a snippet's name and value, and what the edit started from.
struct SnippetSaveRequest final
{
    QString name;
    QString value;
    // A new snippet: created with POST, which refuses a name already in use (one step, nothing replaced).
    bool isNew = false;
    // The value the edit started from. Set: the save is refused (Conflict, Deleted) when the workspace
    // holds something else now. Unset: whatever the workspace holds is replaced (the CLI's `put`),
    // and a snippet that does not exist is created.
    std::optional<QString> base;
};

struct SnippetSaveResult final
{
    enum class Status
    {
        Saved,     // replaced (PUT)
        Created,   // new (POST)
        NameTaken, // isNew, but a snippet of that name exists (created meanwhile)
        Conflict,  // someone else changed it since `base`; `server` holds their version
        Deleted,   // it was deleted since `base`
        Failed     // the API refused or could not be reached; `error` says why
    };
    Status status = Status::Failed;
    api::Snippet saved;                 // Saved, Created
    std::optional<api::Snippet> server; // Conflict
    api::Error error;                   // Failed

    bool ok() const { return status == Status::Saved || status == Status::Created; }
};

// Saving one snippet, for the Snippets page and `snippets put` alike. PUT /v1/snippets replaces whatever
// has the name, so a change to an existing snippet reads the workspace's snippets first, compares, and
// sends the PUT within PutWindowMs of that read or reads again; a snippet that is not there is created
// with POST, which refuses a name taken meanwhile. The answer comes later, on the context, once.
class SnippetSaver final : public QObject
{
    Q_OBJECT

public:
    static constexpr int PutWindowMs = 250;
    static constexpr int MaxRounds = 20; // reads that could not be followed closely enough by the PUT

    explicit SnippetSaver(api::Client *client, QObject *parent = nullptr);

    void save(const SnippetSaveRequest &request, const QObject *context,
              std::function<void(const SnippetSaveResult &)> done);

private:
    void round(const SnippetSaveRequest &request, int attempt, QPointer<const QObject> context,
               std::function<void(const SnippetSaveResult &)> done);
    void create(const SnippetSaveRequest &request, int attempt, QPointer<const QObject> context,
                std::function<void(const SnippetSaveResult &)> done);

    QPointer<api::Client> m_client;
};

} // namespace cio::models
