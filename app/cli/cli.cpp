// Cli: the options, the connection (demo, environment or saved workspace), the dispatcher and the
// output helpers. The commands are in cli/*.cpp by area: newsletters.cpp (newsletters and variants),
// local.cpp (sync and drafts), snippets.cpp, segments.cpp, render.cpp, workspace.cpp.
#include "app/cli/cli.h"

#include "api/appapi.h"
#include "api/region.h"
#include "app/cli/command.h"
#include "app/cli/format.h"
#include "app/demosandbox.h"
#include "app/cli/terminaltext.h"
#include "models/common/textfile.h"
#include "models/store/localstore.h"
#include "models/store/storesync.h"
#include "models/store/workspacesnapshot.h"
#include "models/variants/variantaddress.h"
#include "models/variants/variantsaver.h"
#include "models/workspaces/workspacerepository.h"
#include "models/workspacesession.h"
#include "sandbox/sandboxserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstdio>

namespace cio::app {

Cli::Cli(QObject *parent)
    : QObject(parent)
{
    // What servers send reaches a terminal only with its invisible and controlling characters shown.
    m_out.setDevice(new TerminalDevice(stdout, this));
    m_err.setDevice(new TerminalDevice(stderr, this));
    addNewsletterCommands();
    addSnippetCommands();
    addSegmentCommands();
    addRenderCommands();
    addLocalCommands();
    addWorkspaceCommands();
    addTranslationCommands();
}

Cli::~Cli()
{
    delete m_session; // before the sandbox it may still talk to
    delete m_demo;
}

api::CredentialStore *Cli::credentials()
{
    if (!m_credentials) {
        m_credentials = new api::CredentialStore(QStringLiteral("cio-studio"), this);
        // Keychain backends can hang; tests and slow systems may tune how long we wait.
        const int timeout = qEnvironmentVariableIntValue("CIO_KEYCHAIN_TIMEOUT_MS");
        if (timeout > 0)
            m_credentials->setTimeoutMs(timeout);
        m_workspaces = new models::WorkspaceRepository(m_credentials, nullptr, this);
    }
    return m_credentials;
}

void Cli::setUpWorkspaceClient(const QString &name, std::function<void()> then)
{
    credentials();
    const auto profile = m_workspaces->profiles().find(name);
    if (!profile) {
        usageError(tr("No saved workspace is called “%1”. “workspace list” shows them.").arg(name));
        return;
    }
    m_workspaces->loadAppKey(*profile, this,
                             [this, profile, then](const QString &key, const api::CredentialError &error) {
                                 if (error.isError()) {
                                     m_err << tr("The key of workspace “%1” could not be read: %2")
                                                  .arg(profile->name, error.message())
                                           << '\n';
                                     done(ExitApiError);
                                     return;
                                 }
                                 api::ConnectionSettings settings;
                                 settings.region = profile->region;
                                 settings.baseUrl = profile->baseUrl;
                                 settings.apiKey = key;
                                 settings.readOnly = profile->readOnly;
                                 applyLimits(settings);
                                 makeSession(*profile, settings);
                                 then();
                             });
}

void Cli::run(const QStringList &arguments)
{
    QCommandLineParser &parser = m_parser; // a member: commands that finish later still read it
    declareOptions();
    if (!parser.parse(arguments)) {
        usageError(parser.errorText());
        return;
    }
    const QStringList words = parser.positionalArguments();
    if (answerHelpOrVersion(words) || !readOptions())
        return;
    if (words.isEmpty()) {
        usageError(tr("No command given."));
        return;
    }
    dispatch(words);
}

void Cli::declareOptions()
{
    QCommandLineParser &parser = m_parser;
    parser.setApplicationDescription(
        tr("Command-line companion of cio-studio.") + QStringLiteral("\n\n") + tr("Commands:") +
        QLatin1Char('\n') + commandList() + QLatin1Char('\n') +
        wrappedLines(tr("With --workspace NAME the key comes from the system "
                        "keychain. Otherwise it is read from the environment variable "
                        "CIO_APP_API_KEY. Keys are never accepted as arguments. --demo "
                        "needs no key: it runs the built-in sandbox. “COMMAND --help” "
                        "or “help COMMAND” describes one command."),
                     0, 100)
            .join(QLatin1Char('\n')));
    parser.addHelpOption();
    parser.addVersionOption();
    addGlobalOptions();
    addVariantOptions();
    addRenderOptions();
    addTranslationOptions();
    // snippets put / segments create / segments add-members|remove-members
    addOption({QStringLiteral("file"),
               tr("snippets put: read the value from this file (- or none: standard input)."), tr("path")});
    addOption({QStringLiteral("name"), tr("segments create: the new segment's name."), tr("name")});
    addOption({QStringLiteral("description"), tr("segments create: its description."), tr("text")});
    addOption({QStringLiteral("id-type"), tr("segments add-members|remove-members: id, email or cio_id."),
               tr("type")});
    parser.addPositionalArgument(QStringLiteral("command"), tr("What to do; see the list above."));
    m_helpText = parser.helpText();
}

// The options every command may take: where the workspace is, how to print, the connection's limits.
void Cli::addGlobalOptions()
{
    const QCommandLineOption baseUrl(QStringLiteral("base-url"),
                                     tr("API host to use instead of the region's."), tr("url"));
    const QCommandLineOption region(QStringLiteral("region"), tr("Workspace region: us (default) or eu."),
                                    tr("region"), QStringLiteral("us"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON instead of text."));
    const QCommandLineOption demo(QStringLiteral("demo"), tr("Use the demo workspace (built-in sandbox)."));
    const QCommandLineOption verbose(
        QStringLiteral("verbose"), tr("Log every request and retry to standard error (keys are redacted)."));
    const QCommandLineOption workspace(QStringLiteral("workspace"),
                                       tr("Use a saved workspace (see “workspace list”)."), tr("name"));
    const QCommandLineOption readOnly(QStringLiteral("read-only"),
                                      tr("workspace add: never allow changes in this workspace."));
    const QCommandLineOption trackSiteId(
        QStringLiteral("track-site-id"),
        tr("workspace add: Track API site id (its key follows on standard input)."), tr("id"));
    const QCommandLineOption trackUrl(QStringLiteral("track-url"),
                                      tr("Track API host to use instead of the region's (or of --base-url's, "
                                         "when that is not Customer.io's)."),
                                      tr("url"));
    const QCommandLineOption encoding(
        QStringLiteral("encoding"),
        tr("The encoding of the text files read (--body-file, --file, --template, --data, member lists) when "
           "it is not UTF-8, e.g. windows-1252."),
        tr("name"));
    const QCommandLineOption yes(QStringLiteral("yes"), tr("Do not ask for confirmation."));
    const QCommandLineOption allowRemovals(
        QStringLiteral("allow-removals"),
        tr("sync: accept a newsletter list that lacks many stored newsletters (deleted in Customer.io)."));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        tr("Give up on a connection that sends nothing for this many seconds (default 30)."), tr("seconds"));
    const QCommandLineOption maxResponse(QStringLiteral("max-response-mb"),
                                         tr("Refuse answers larger than this many megabytes (default 64)."),
                                         tr("MB"));
    const QCommandLineOption rateLimitWait(
        QStringLiteral("rate-limit-wait"),
        tr("How long one request may wait out the API's rate limit (429) before it fails (default 60)."),
        tr("seconds"));
    const QCommandLineOption full(QStringLiteral("full"),
                                  tr("sync: fetch every newsletter again, not only those that changed."));
    addOptions({baseUrl, trackUrl, region, json, demo, verbose, workspace, readOnly, trackSiteId, yes, full,
                allowRemovals, encoding, timeout, maxResponse, rateLimitWait});
}

// --help, help COMMAND, COMMAND --help and --version: answered here, before any option is read. True when
// one was (the run is over).
bool Cli::answerHelpOrVersion(const QStringList &words)
{
    const bool helpWord = words.value(0) == QLatin1String("help");
    if (m_parser.isSet(QStringLiteral("help")) || helpWord) {
        const QStringList asked = helpWord ? words.mid(1) : words;
        const CliCommand *command = asked.isEmpty() ? nullptr : findCommand(asked);
        if (!asked.isEmpty() && !command) {
            usageError(tr("Unknown command “%1”.").arg(asked.join(QLatin1Char(' '))));
            return true;
        }
        m_out << (command ? commandHelp(*command) : m_helpText);
        done(ExitOk);
        return true;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        m_out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        done(ExitOk);
        return true;
    }
    return false;
}

bool Cli::readOptions()
{
    const QCommandLineParser &parser = m_parser;
    if (!readLimits(parser))
        return false;
    m_json = parser.isSet(QStringLiteral("json"));
    m_syncFull = parser.isSet(QStringLiteral("full"));
    m_syncAllowRemovals = parser.isSet(QStringLiteral("allow-removals"));
    readVariantOptions(parser);
    readRenderOptions(parser);
    readTranslationOptions(parser);
    if (parser.isSet(QStringLiteral("file")))
        m_manage.file = parser.value(QStringLiteral("file"));
    m_manage.name = parser.value(QStringLiteral("name"));
    m_manage.description = parser.value(QStringLiteral("description"));
    m_manage.idType = parser.value(QStringLiteral("id-type"));
    m_manage.encoding = parser.value(QStringLiteral("encoding")).trimmed();
    m_manage.yes = parser.isSet(QStringLiteral("yes"));
    // Our own debug logging is for --verbose only; warnings always show.
    // WebEngine's start-up report (GL, sandbox) is not for a command's output.
    QLoggingCategory::setFilterRules(parser.isSet(QStringLiteral("verbose"))
                                         ? QStringLiteral("cio.*.debug=true")
                                         : QStringLiteral("cio.*.debug=false\ncio.*.info=false\n"
                                                          "qt.webenginecontext.*=false\ndefault.info=false"));
    return true;
}

// Known and well-formed before anything asks for a key or opens a connection.
void Cli::dispatch(const QStringList &words)
{
    const CliCommand *command = findCommand(words);
    if (!command) {
        usageError(tr("Unknown command “%1”.").arg(words.join(QLatin1Char(' '))));
        return;
    }
    const int given = int(words.size() - command->words.size());
    if (command->minArguments >= 0 && given < command->minArguments) {
        usageError(tr("“%1” needs an argument.").arg(command->name()));
        return;
    }
    if (command->maxArguments >= 0 && given > command->maxArguments) {
        usageError(tr("Too many arguments for “%1”.").arg(command->name()));
        return;
    }
    if (!command->needsWorkspace) { // local work: no key, no network
        command->run(words);
        return;
    }
    if (m_parser.isSet(QStringLiteral("workspace"))) {
        if (m_parser.isSet(QStringLiteral("demo")) || m_parser.isSet(QStringLiteral("base-url"))) {
            usageError(tr("--workspace cannot be combined with --demo or --base-url."));
            return;
        }
        setUpWorkspaceClient(m_parser.value(QStringLiteral("workspace")),
                             [command, words] { command->run(words); });
        return;
    }
    if (!setUpClient(m_parser))
        return;
    command->run(words);
}

bool Cli::setUpClient(const QCommandLineParser &parser)
{
    api::ConnectionSettings settings;
    const auto region = api::regionFromName(parser.value(QStringLiteral("region")));
    if (!region) {
        usageError(tr("Unknown region “%1”: use us or eu.").arg(parser.value(QStringLiteral("region"))));
        return false;
    }
    settings.region = *region;

    if (parser.isSet(QStringLiteral("demo"))) {
        m_demo = new DemoSandbox;
        QString message;
        if (!m_demo->start(&message)) {
            m_err << message << '\n';
            done(ExitApiError);
            return false;
        }
        settings.baseUrl = m_demo->url();
        settings.apiKey = m_demo->apiKey();
    } else {
        // --base-url and --track-url: the key may only travel to an address that is safe for it.
        const auto readUrl = [&](const QString &option, QUrl *url) {
            if (!parser.isSet(option))
                return true;
            *url = QUrl(parser.value(option), QUrl::StrictMode);
            QString why;
            if (url->isValid() && api::isAllowedBaseUrl(*url, &why))
                return true;
            usageError(why.isEmpty() ? tr("“%1” is not a valid URL.").arg(parser.value(option)) : why);
            return false;
        };
        if (!readUrl(QStringLiteral("base-url"), &settings.baseUrl) ||
            !readUrl(QStringLiteral("track-url"), &m_trackUrl))
            return false;
        settings.apiKey = qEnvironmentVariable("CIO_APP_API_KEY").trimmed();
        if (settings.apiKey.isEmpty()) {
            usageError(tr("No App API key: set the environment variable CIO_APP_API_KEY (keys are never "
                          "accepted as arguments), or use --demo."));
            return false;
        }
    }
    applyLimits(settings);
    models::WorkspaceProfile profile;
    profile.region = settings.region;
    profile.baseUrl = settings.baseUrl;
    profile.demo = m_demo != nullptr;
    makeSession(profile, settings);
    return true;
}

void Cli::makeSession(const models::WorkspaceProfile &profile, const api::ConnectionSettings &settings)
{
    // The same session as the window's: one client, the Liquid engine, Track credentials resolved once.
    // Each command opens the local store it needs itself (many need none).
    m_session = new models::WorkspaceSession(profile, settings, {}, this);
    m_client = m_session->client();
    m_session->setCredentialSource(m_workspaces);
    if (!m_trackUrl.isEmpty())
        m_session->setTrackUrl(m_trackUrl);
    if (m_demo) {
        const sandbox::Options defaults;
        m_session->setTrackCredential(defaults.trackSiteId, defaults.trackApiKey, m_demo->trackUrl());
    } else if (profile.id.isEmpty()) {
        const QString siteId = qEnvironmentVariable("CIO_TRACK_SITE_ID").trimmed();
        const QString key = qEnvironmentVariable("CIO_TRACK_API_KEY").trimmed();
        if (!siteId.isEmpty() && !key.isEmpty())
            m_session->setTrackCredential(siteId, key, m_trackUrl);
    }
}

bool Cli::readLimits(const QCommandLineParser &parser)
{
    const auto read = [&](const char *option, int max, int *out) {
        const QString name = QLatin1String(option);
        if (!parser.isSet(name))
            return true;
        bool ok = false;
        const int value = parser.value(name).toInt(&ok);
        if (ok && value >= 1 && value <= max) {
            *out = value;
            return true;
        }
        usageError(tr("--%1 needs a whole number from 1 to %2.").arg(name).arg(max));
        return false;
    };
    return read("timeout", 3600, &m_limits.timeoutSeconds) &&
           read("max-response-mb", 64 * 1024, &m_limits.maxResponseMB) &&
           read("rate-limit-wait", 3600, &m_limits.rateLimitWaitSeconds);
}

void Cli::applyLimits(api::ConnectionSettings &settings) const
{
    settings.applyUserLimits();
    if (m_limits.timeoutSeconds > 0)
        settings.transferTimeoutMs = m_limits.timeoutSeconds * 1000;
    if (m_limits.maxResponseMB > 0)
        settings.maxResponseBytes = qint64(m_limits.maxResponseMB) * 1024 * 1024;
    if (m_limits.rateLimitWaitSeconds > 0) {
        settings.rateLimitBudgetMs = m_limits.rateLimitWaitSeconds * 1000;
        settings.deadlineMs = qMax(settings.deadlineMs, settings.rateLimitBudgetMs + 60000);
    }
}

void Cli::addOption(const QCommandLineOption &option)
{
    m_optionList.append(option);
    m_parser.addOption(option);
}

void Cli::addOptions(const QList<QCommandLineOption> &options)
{
    for (const QCommandLineOption &option : options)
        addOption(option);
}

void Cli::addCommand(CliCommand command)
{
    m_commands.append(std::move(command));
}

const CliCommand *Cli::findCommand(const QStringList &words) const
{
    // The longest name that starts the words ("segments show" before a "segments" of its own).
    const CliCommand *found = nullptr;
    for (const CliCommand &command : m_commands) {
        if (words.size() >= command.words.size() && words.mid(0, command.words.size()) == command.words &&
            (!found || command.words.size() > found->words.size()))
            found = &command;
    }
    return found;
}

QString Cli::commandList() const
{
    // Each command's synopsis, then what it does in a column of its own (on the next lines when the
    // synopsis is long).
    constexpr int Column = 32;
    constexpr int Width = 100;
    QString text;
    for (const CliCommand &command : m_commands) {
        const QStringList synopsis = wrappedLines(command.synopsis(), 2, Width);
        QStringList help = wrappedLines(command.help, Column, Width);
        QString first = synopsis.value(0);
        for (int i = 1; i < synopsis.size(); ++i)
            first += QLatin1Char('\n') + QStringLiteral("      ") + synopsis.at(i).trimmed();
        if (synopsis.size() == 1 && first.size() < Column - 1 && !help.isEmpty())
            first = first.leftJustified(Column) + help.takeFirst().trimmed();
        text += first + QLatin1Char('\n');
        for (const QString &line : std::as_const(help))
            text += line + QLatin1Char('\n');
    }
    return text;
}

QString Cli::commandHelp(const CliCommand &command) const
{
    QString text =
        wrappedLines(
            tr("Usage: %1 [options] %2").arg(QCoreApplication::applicationName(), command.synopsis()), 0, 100)
            .join(QStringLiteral("\n    ")) +
        QStringLiteral("\n\n") + wrappedLines(command.help, 0, 100).join(QLatin1Char('\n')) +
        QLatin1Char('\n');
    if (!command.options.isEmpty()) {
        text += QLatin1Char('\n') + tr("Its options:") + QLatin1Char('\n');
        for (const QString &name : command.options) {
            const auto option =
                std::find_if(m_optionList.cbegin(), m_optionList.cend(),
                             [&name](const QCommandLineOption &o) { return o.names().contains(name); });
            const QString value = option != m_optionList.cend() && !option->valueName().isEmpty()
                                      ? QStringLiteral(" <%1>").arg(option->valueName())
                                      : QString();
            QStringList description =
                wrappedLines(option != m_optionList.cend() ? option->description() : QString(), 32, 100);
            const QString head = QStringLiteral("  --") + name + value;
            if (head.size() < 31 && !description.isEmpty())
                text += head.leftJustified(32) + description.takeFirst().trimmed() + QLatin1Char('\n');
            else
                text += head + QLatin1Char('\n');
            for (const QString &line : std::as_const(description))
                text += line + QLatin1Char('\n');
        }
    }
    text += QLatin1Char('\n') +
            wrappedLines(command.needsWorkspace
                             ? tr("It works on a workspace: --workspace NAME, --demo, or --base-url with "
                                  "CIO_APP_API_KEY; --json prints JSON. --help lists every option.")
                             : tr("It needs no key and no network. --help lists every option."),
                         0, 100)
                .join(QLatin1Char('\n')) +
            QLatin1Char('\n');
    return text;
}

void Cli::usageError(const QString &message)
{
    m_err << message << '\n' << tr("Run “cio-studio-cli --help” for the commands.") << '\n';
    done(ExitUsage);
}

void Cli::apiError(const api::Error &error)
{
    m_err << error.message() << '\n';
    done(ExitApiError);
}

void Cli::done(int exitCode)
{
    m_out.flush();
    m_err.flush();
    // Leave the current call stack first so callbacks finish before the event loop ends.
    QMetaObject::invokeMethod(
        this, [this, exitCode] { emit finished(exitCode); }, Qt::QueuedConnection);
}

void Cli::snippetsList()
{
    api::AppApi(m_client).snippets(this, [this](const QList<api::Snippet> &list, const api::Error &error) {
        if (error.isError())
            return apiError(error);
        if (m_json)
            return printJson(toJsonArray(list)), done();
        QList<QStringList> rows{{tr("NAME"), tr("UPDATED"), tr("LENGTH")}};
        for (const api::Snippet &s : list)
            rows.append({s.name, formatTime(s.updatedAt), QString::number(s.value.size())});
        printTable(rows);
        done();
    });
}

void Cli::segmentsList()
{
    api::AppApi(m_client).segments(this, [this](const QList<api::Segment> &list, const api::Error &error) {
        if (error.isError())
            return apiError(error);
        if (m_json)
            return printJson(toJsonArray(list)), done();
        QList<QStringList> rows{{tr("ID"), tr("TYPE"), tr("STATE"), tr("NAME")}};
        for (const api::Segment &s : list)
            rows.append(
                {QString::number(s.id), s.isManual() ? tr("manual") : tr("data-driven"), s.state, s.name});
        printTable(rows);
        done();
    });
}

void Cli::printTable(const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], int(row[i].size()));
        }
    }
    for (const QStringList &row : rows) {
        QString line;
        for (int i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        m_out << line << '\n';
    }
}

void Cli::printJson(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << QString::fromUtf8(escapeHazardsInJson(doc.toJson(QJsonDocument::Indented)));
}

bool Cli::parseId(const QString &text, qint64 *id)
{
    bool ok = false;
    *id = text.toLongLong(&ok);
    if (!ok || *id <= 0) {
        usageError(tr("“%1” is not a valid id: ids are positive whole numbers.").arg(text));
        return false;
    }
    return true;
}

} // namespace cio::app
