#pragma once

#include "api/client.h"
#include "api/credentialstore.h"
#include "api/dto.h"
#include "app/cli/command.h"
#include "liquid/jsondata.h"
#include "models/translation/exchange.h"

#include <QCommandLineParser>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

namespace cio::models {
class LocalStore;
class WorkspaceRepository;
class WorkspaceSession;
struct WorkspaceProfile;
struct VariantAddress;
struct SaveRequest;
struct SaveResult;
} // namespace cio::models

namespace cio::qa {
struct Finding;
struct QaContext;
class QaRunner;
} // namespace cio::qa

namespace cio::app {

class DemoSandbox;

// cio-studio-cli: the same API and model layers as the GUI, for scripts and automation.
// Exit codes: 0 success, 1 the API or the network failed, 2 wrong usage.
class Cli final : public QObject
{
    Q_OBJECT

public:
    enum ExitCode
    {
        ExitOk = 0,
        ExitApiError = 1,
        ExitUsage = 2
    };

    explicit Cli(QObject *parent = nullptr);
    ~Cli() override;

    // Parses the arguments and starts the command; finished() carries the exit code.
    void run(const QStringList &arguments);

signals:
    void finished(int exitCode);

private:
    bool setUpClient(const QCommandLineParser &parser);
    void makeSession(const models::WorkspaceProfile &profile, const api::ConnectionSettings &settings);
    // With --workspace: the profile's settings and its key from the keychain, then `then`.
    void setUpWorkspaceClient(const QString &name, std::function<void()> then);
    api::CredentialStore *credentials();
    // The command table (cli/command.h): each area adds its commands, in the order --help lists them.
    void declareOptions();
    void addGlobalOptions();
    bool answerHelpOrVersion(const QStringList &words);
    bool readOptions();
    void dispatch(const QStringList &words);
    void addCommand(CliCommand command);
    void addNewsletterCommands();  // newsletters.cpp
    void addSnippetCommands();     // snippets.cpp
    void addSegmentCommands();     // segments.cpp
    void addRenderCommands();      // render.cpp
    void addLocalCommands();       // local.cpp
    void addWorkspaceCommands();   // workspace.cpp
    void addTranslationCommands(); // translations.cpp
    const CliCommand *findCommand(const QStringList &words) const;
    QString commandList() const;                          // for --help
    QString commandHelp(const CliCommand &command) const; // for COMMAND --help and help COMMAND
    void addOption(const QCommandLineOption &option);
    void addOptions(const QList<QCommandLineOption> &options);
    void usageError(const QString &message);
    void apiError(const api::Error &error);
    void done(int exitCode = 0);

    void newslettersList();
    void newslettersShow(const QString &id);
    void variantsList(const QString &newsletterId);
    void variantsShow(const QString &newsletterId, const QString &variant);
    void variantsSet(const QString &newsletterId, const QString &variant);
    // A variant's version as "variants show" prints it and --base-version takes it.
    static QString versionOf(const api::Content &content);
    // Options of "variants set"; added to the parser in run() and read back after parsing.
    void addVariantOptions();
    void readVariantOptions(const QCommandLineParser &parser);
    // Reads the newsletter's test groups and variants, resolves VARIANT, then reads the variant
    // through its own address (the same one a save uses).
    void loadVariant(const QString &newsletterIdText, const QString &variantText,
                     std::function<void(const models::VariantAddress &, const api::Content &,
                                        const QList<api::TestGroup> &)>
                         then);
    // The newsletter's variants and test groups, then `then` (API errors end the command).
    void loadNewsletterVariants(
        qint64 newsletterId,
        std::function<void(const QList<api::Content> &, const QList<api::TestGroup> &)> then);
    void printSaveResult(const models::SaveRequest &request, const models::SaveResult &result);
    void snippetsList();
    void segmentsList();
    void sync();
    // snippets.cpp: snippets get|put|delete|usages NAME (options in m_manage)
    void snippetsCommand(const QStringList &words);
    std::shared_ptr<models::LocalStore> openLocalStore(); // null when this connection has none yet
    void snippetsUsages(const QString &name, const std::shared_ptr<models::LocalStore> &store);
    void snippetsGet(const QString &name);
    void snippetsDelete(const QString &name, const std::shared_ptr<models::LocalStore> &store);
    bool confirmSnippetDelete(const QString &name, const std::shared_ptr<models::LocalStore> &store);
    void printKnownUsages(const QString &name, const std::shared_ptr<models::LocalStore> &store);
    void snippetsPut(const QString &name, const std::shared_ptr<models::LocalStore> &store);
    void saveSnippet(const QString &name, const QString &value,
                     const std::shared_ptr<models::LocalStore> &store);
    // segments.cpp: segments show|count|members|used-by|delete ID, create, add-members|remove-members
    void segmentsCommand(const QStringList &words);

    // render.cpp
    void addRenderOptions();
    void readRenderOptions(const QCommandLineParser &parser);
    bool loadSampleData(liquid::JsonData *data); // --data FILE, else the store's default set
    void withSnippets(std::function<void(const QHash<QString, QString> &)> then);
    // A QA runner (owned by the CLI) and the context of `qa` and of the save gate: the sample data, the
    // workspace's snippets and --lax.
    void withQaRunner(const liquid::JsonData &data,
                      std::function<void(qa::QaRunner *, const qa::QaContext &)> then);
    void render(const QStringList &words);
    void renderParts(const QList<QPair<QString, QString>> &parts, const liquid::JsonData &data,
                     const QHash<QString, QString> &snippets);
    void qaCommand(const QStringList &words);
    void printFindings(const QList<api::Content> &contents, const QList<api::TestGroup> &groups,
                       const QHash<qint64, QList<qa::Finding>> &findings);
    // The local store of the connection in use (saved workspace, demo, or host and port).
    QString storePath(const QString &workspace, bool demo, const QUrl &baseUrl);
    // Local only (no key, no network): the drafts kept in the workspace's store.
    void draftsList(const QCommandLineParser &parser);

    // workspace.cpp
    void workspaceCommand(const QStringList &words, const QCommandLineParser &parser);
    void workspaceAdd(const QString &name, const QCommandLineParser &parser);
    void workspaceList();
    void workspaceRemove(const QString &name, bool confirmed);
    void workspaceTest(const QString &name);
    // Reads one line from standard input; on a terminal it prompts on stderr and hides the typing.
    QString readSecretLine(const QString &prompt);

    // Prints rows as aligned columns (the first row is the header).
    void printTable(const QList<QStringList> &rows);
    void printJson(const QJsonValue &value);
    bool parseId(const QString &text, qint64 *id);

    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
    QString m_helpText;
    QList<CliCommand> m_commands;
    QCommandLineParser m_parser;
    QList<QCommandLineOption> m_optionList; // every option, for the commands' own help
    struct VariantEdit
    {
        std::optional<QString> subject, preheader, bodyFile;
        std::optional<QString> baseVersion; // --base-version: the version "variants show" printed
        bool force = false;
        bool ignoreQa = false; // --ignore-qa: save although the quality checks found errors
    } m_variantEdit;
    // render.cpp: the editor's Save gate for "variants set": the quality checks run on the edited
    // variant (against its Default) and on the server's version; errors the edit brings in stop the save
    // unless --ignore-qa. Every finding is listed on standard error, old ones marked as such.
    void qaGate(qint64 newsletterId, const api::Content &original, const api::Content &edited,
                std::function<void()> proceed);
    QString m_workspaceName; // --workspace, also names the local store
    QUrl m_trackUrl;         // --track-url; empty: the region's Track host (or --base-url's)
    bool m_syncFull = false;
    bool m_syncAllowRemovals = false;
    // --timeout, --max-response-mb, --rate-limit-wait: over the settings' network limits; -1 = unset.
    struct Limits
    {
        int timeoutSeconds = -1;
        int maxResponseMB = -1;
        int rateLimitWaitSeconds = -1;
    } m_limits;
    bool readLimits(const QCommandLineParser &parser);
    void applyLimits(api::ConnectionSettings &settings) const;
    // Options of the snippets and segments commands.
    struct ManageOptions
    {
        std::optional<QString> file; // --file
        QString name, description, idType;
        QString encoding; // --encoding of text files read (empty: UTF-8, or what a byte-order mark says)
        bool yes = false;
    } m_manage;
    // translations.cpp: translations export|import.
    struct TranslationOptions
    {
        QStringList languages; // --lang
        QString format;        // --format
        QString output;        // --output
        bool dryRun = false;   // --dry-run
    } m_translation;
    QHash<qint64, QList<api::TestGroup>> m_importGroups; // each imported newsletter's test groups
    void addTranslationOptions();
    void readTranslationOptions(const QCommandLineParser &parser);
    void translationsExport(const QStringList &ids);
    void exportNext(const QList<qint64> &ids, int index, models::translation::ExchangeFormat version,
                    const QString &folder, const std::shared_ptr<QJsonArray> &written);
    void translationsImport(const QStringList &paths);
    void
    planNext(const QList<models::translation::LoadedFile> &files, int index,
             const std::shared_ptr<QList<std::pair<QString, models::translation::ImportedVariant>>> &plans);
    void reviewImport(const QList<std::pair<QString, models::translation::ImportedVariant>> &plans);
    void qaThenPush(const QList<models::translation::ImportedVariant> &variants, int index);
    struct RenderOptions
    {
        QString dataFile, templateFile;
        bool lax = false;
    } m_render;
    DemoSandbox *m_demo = nullptr;
    models::WorkspaceSession *m_session = nullptr; // made once the connection is known
    api::Client *m_client = nullptr;               // the session's
    api::CredentialStore *m_credentials = nullptr;
    models::WorkspaceRepository *m_workspaces = nullptr;
};

} // namespace cio::app
