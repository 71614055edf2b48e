#pragma once

#include "api/dto.h"
#include "api/error.h"
#include "models/snippets/snippetsaver.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>

namespace cio::api {
class Client;
}

namespace cio::models {

class LocalStore;
class VariantSaver;

// One variant a snippet rename rewrites: its fields with the new name in every reference.
struct SnippetRewrite final
{
    api::Content content;
    QList<api::TestGroup> groups; // the newsletter's, for the variant's address
    QJsonObject changes;
    bool hasDraft = false; // the user's unsaved draft of this variant is rewritten too
};

struct SnippetRename final
{
    QString oldName, newName;
    QString value;                   // the snippet's value, which the new name gets
    QList<SnippetRewrite> rewrites;  // every variant that refers to the old name
    bool continuesEarlier = false;   // the new snippet exists already (an earlier rename stopped half way)
};

struct SnippetRenameResult final
{
    enum class Outcome
    {
        Renamed,         // the new snippet, every variant rewritten, the old one deleted
        NameTaken,       // nothing changed: a snippet of the new name exists
        NotCreated,      // nothing changed: the new snippet could not be created (`error`)
        NotAllRewritten, // created, `rewritten` variants saved, `failures` not; the old one kept
        OldKept          // created and every variant rewritten, but the old one could not be deleted
    };
    Outcome outcome = Outcome::NotCreated;
    int rewritten = 0;
    QStringList failures; // "Variant (content 12): why", one per variant not rewritten
    api::Error error;
};

// The Snippets section's work with Customer.io, for the page and the CLI alike: the list (one request
// at a time, whoever asks; the store keeps the answer), saving (SnippetSaver's checks), deleting, and
// renaming, which creates the new snippet, rewrites every variant through the safe save (re-read,
// conflict check, snapshot) and deletes the old one last, so no variant ever names a missing snippet.
class SnippetService final : public QObject
{
    Q_OBJECT

public:
    SnippetService(api::Client *client, LocalStore *store, QObject *parent = nullptr);

    struct ListAnswer
    {
        QList<api::Snippet> snippets;
        api::Error error;
        QString storeError; // set when the list came but the local store could not be written
    };
    using ListDone = std::function<void(const ListAnswer &)>;
    // Reads the workspace's snippets and stores them. Asks made while a read is out share its answer.
    void refresh(const QObject *context, ListDone done);

    void save(const SnippetSaveRequest &request, const QObject *context,
              std::function<void(const SnippetSaveResult &)> done);
    // Deletes the snippet; gone already (404) counts as deleted. Either way the store forgets it.
    void remove(const QString &name, const QObject *context, std::function<void(const api::Error &)> done);

    enum class RenameStep
    {
        Creating,
        Rewriting,
        DeletingOld
    };
    void rename(const SnippetRename &rename, const QObject *context,
                std::function<void(RenameStep step, int count)> progress,
                std::function<void(const SnippetRenameResult &)> done);

private:
    void rewriteVariants(const SnippetRename &rename, QPointer<const QObject> context,
                         std::function<void(RenameStep, int)> progress,
                         std::function<void(const SnippetRenameResult &)> done);
    void deleteOld(const SnippetRename &rename, int rewritten, QPointer<const QObject> context,
                   std::function<void(RenameStep, int)> progress,
                   std::function<void(const SnippetRenameResult &)> done);

    QPointer<api::Client> m_client;
    QPointer<LocalStore> m_store;
    VariantSaver *m_variantSaver;
    QList<std::pair<QPointer<const QObject>, ListDone>> m_listWaiters;
    bool m_listInFlight = false;
};

} // namespace cio::models
