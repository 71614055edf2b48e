#include "app/cli.h"

#include "api/appapi.h"
#include "api/region.h"
#include "app/demosandbox.h"
#include "models/workspacerepository.h"
#include "models/workspacesync.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstdio>

namespace cio::app {

namespace {

QString formatTime(qint64 secs)
{
    return secs > 0 ? QDateTime::fromSecsSinceEpoch(secs).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                    : QString();
}

template <class T> QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return array;
}

} // namespace

Cli::Cli(QObject *parent)
    : QObject(parent)
    , m_out(stdout)
    , m_err(stderr)
{}

Cli::~Cli()
{
    delete m_client;
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
                                 m_client = new api::Client(settings);
                                 then();
                             });
}

void Cli::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Command-line companion of cio-studio.\n\n"
        "Commands:\n"
        "  newsletters list              the workspace's newsletters\n"
        "  newsletters show ID           one newsletter's header\n"
        "  variants list NEWSLETTER_ID   a newsletter's variants (test group, language, subject)\n"
        "  snippets list                 the workspace's snippets\n"
        "  segments list                 the workspace's segments\n"
        "  sync                          fetch every newsletter with its variants and test groups\n"
        "  workspace add NAME            save a workspace; the App API key is read from standard input\n"
        "                                (and, with --track-site-id, the Track API key from the next line)\n"
        "  workspace list                the saved workspaces\n"
        "  workspace test NAME           check the saved key (wrong key, wrong region, network, TLS)\n"
        "  workspace remove NAME         delete the workspace, its keys and its local data (--yes)\n\n"
        "With --workspace NAME the key comes from the system keychain. Otherwise it is read from the "
        "environment variable CIO_APP_API_KEY. Keys are never accepted as arguments. --demo needs no key: "
        "it runs the built-in sandbox."));
    parser.addHelpOption();
    parser.addVersionOption();
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
    const QCommandLineOption yes(QStringLiteral("yes"), tr("Do not ask for confirmation."));
    parser.addOptions({baseUrl, region, json, demo, verbose, workspace, readOnly, trackSiteId, yes});
    parser.addPositionalArgument(QStringLiteral("command"), tr("What to do; see the list above."));
    m_helpText = parser.helpText();

    if (!parser.parse(arguments)) {
        usageError(parser.errorText());
        return;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << m_helpText;
        done(ExitOk);
        return;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        m_out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        done(ExitOk);
        return;
    }
    m_json = parser.isSet(json);
    // Our own debug logging is for --verbose only; warnings always show.
    QLoggingCategory::setFilterRules(parser.isSet(verbose)
                                         ? QStringLiteral("cio.*.debug=true")
                                         : QStringLiteral("cio.*.debug=false\ncio.*.info=false"));
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        usageError(tr("No command given."));
        return;
    }
    if (words.first() == QLatin1String("workspace")) {
        workspaceCommand(words, parser);
        return;
    }
    if (parser.isSet(workspace)) {
        if (parser.isSet(demo) || parser.isSet(baseUrl)) {
            usageError(tr("--workspace cannot be combined with --demo or --base-url."));
            return;
        }
        setUpWorkspaceClient(parser.value(workspace), [this, words] { dispatch(words); });
        return;
    }
    if (!setUpClient(parser))
        return;
    dispatch(words);
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
        if (parser.isSet(QStringLiteral("base-url"))) {
            settings.baseUrl = QUrl(parser.value(QStringLiteral("base-url")), QUrl::StrictMode);
            QString why;
            if (!settings.baseUrl.isValid() || !api::isAllowedBaseUrl(settings.baseUrl, &why)) {
                usageError(why.isEmpty()
                               ? tr("“%1” is not a valid URL.").arg(parser.value(QStringLiteral("base-url")))
                               : why);
                return false;
            }
        }
        settings.apiKey = qEnvironmentVariable("CIO_APP_API_KEY").trimmed();
        if (settings.apiKey.isEmpty()) {
            usageError(tr("No App API key: set the environment variable CIO_APP_API_KEY (keys are never "
                          "accepted as arguments), or use --demo."));
            return false;
        }
    }
    m_client = new api::Client(settings);
    return true;
}

void Cli::dispatch(const QStringList &words)
{
    const QString command = words.mid(0, 2).join(QLatin1Char(' '));
    const QString argument = words.value(2);
    const auto needs = [&](int count) {
        if (words.size() == count)
            return true;
        usageError(words.size() < count ? tr("“%1” needs an argument.").arg(command)
                                        : tr("Too many arguments for “%1”.").arg(command));
        return false;
    };

    if (command == QLatin1String("newsletters list")) {
        if (needs(2))
            newslettersList();
    } else if (command == QLatin1String("newsletters show")) {
        if (needs(3))
            newslettersShow(argument);
    } else if (command == QLatin1String("variants list")) {
        if (needs(3))
            variantsList(argument);
    } else if (command == QLatin1String("snippets list")) {
        if (needs(2))
            snippetsList();
    } else if (command == QLatin1String("segments list")) {
        if (needs(2))
            segmentsList();
    } else if (words.first() == QLatin1String("sync")) {
        if (words.size() == 1)
            sync();
        else
            usageError(tr("Too many arguments for “sync”."));
    } else {
        usageError(tr("Unknown command “%1”.").arg(words.join(QLatin1Char(' '))));
    }
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

void Cli::newslettersList()
{
    api::AppApi(m_client).allNewsletters(
        this, [this](const QList<api::Newsletter> &list, const api::Error &error) {
            if (error.isError())
                return apiError(error);
            if (m_json)
                return printJson(toJsonArray(list)), done();
            QList<QStringList> rows{{tr("ID"), tr("STATUS"), tr("UPDATED"), tr("NAME"), tr("TAGS")}};
            for (const api::Newsletter &n : list)
                rows.append({QString::number(n.id), n.isSent() ? tr("sent") : tr("draft"),
                             formatTime(n.updated), n.name, n.tags.join(QLatin1String(", "))});
            printTable(rows);
            done();
        });
}

void Cli::newslettersShow(const QString &idText)
{
    qint64 id = 0;
    if (!parseId(idText, &id))
        return;
    api::AppApi(m_client).newsletter(id, this, [this](const api::Newsletter &n, const api::Error &error) {
        if (error.isError())
            return apiError(error);
        if (m_json)
            return printJson(n.toJson()), done();
        QStringList contentIds;
        for (qint64 cid : n.contentIds)
            contentIds << QString::number(cid);
        printTable({{tr("Name:"), n.name},
                    {tr("Id:"), QString::number(n.id)},
                    {tr("Type:"), n.type},
                    {tr("Tags:"), n.tags.join(QLatin1String(", "))},
                    {tr("Created:"), formatTime(n.created)},
                    {tr("Updated:"), formatTime(n.updated)},
                    {tr("Sent:"), n.isSent() ? formatTime(n.sentAt.value_or(0)) : tr("no (draft)")},
                    {tr("Variants:"), contentIds.join(QLatin1String(", "))}});
        done();
    });
}

void Cli::variantsList(const QString &idText)
{
    qint64 id = 0;
    if (!parseId(idText, &id))
        return;
    // Test groups first, so each variant can be shown with its group's name.
    api::AppApi(m_client).testGroups(
        id, this, [this, id](const QList<api::TestGroup> &groups, const api::Error &error) {
            if (error.isError())
                return apiError(error);
            api::AppApi(m_client).contents(
                id, this,
                [this, groups](const QList<api::Content> &contents, const api::Error &contentError) {
                    if (contentError.isError())
                        return apiError(contentError);
                    const auto groupOf = [&groups](qint64 contentId) {
                        for (const api::TestGroup &g : groups) {
                            if (g.contentIds.contains(contentId))
                                return g.name;
                        }
                        return QString();
                    };
                    if (m_json) {
                        QJsonArray array;
                        for (const api::Content &c : contents) {
                            QJsonObject o = c.toJson();
                            const QString group = groupOf(c.id);
                            if (!group.isEmpty())
                                o.insert(QStringLiteral("test_group"), group);
                            array.append(o);
                        }
                        return printJson(array), done();
                    }
                    QList<QStringList> rows{
                        {tr("CONTENT_ID"), tr("TEST_GROUP"), tr("LANGUAGE"), tr("UPDATED"), tr("SUBJECT")}};
                    for (const api::Content &c : contents)
                        rows.append({QString::number(c.id), groupOf(c.id),
                                     c.language.isEmpty() ? tr("(default)") : c.language,
                                     formatTime(c.updated), c.subject});
                    printTable(rows);
                    done();
                });
        });
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

void Cli::sync()
{
    auto *engine = new models::WorkspaceSync(m_client, this);
    if (!m_json) {
        connect(engine, &models::WorkspaceSync::progress, this, [this](int doneCount, int total) {
            m_err << '\r' << tr("Fetching variants and test groups: %1/%2").arg(doneCount).arg(total);
            if (doneCount == total)
                m_err << '\n';
            m_err.flush();
        });
    }
    connect(engine, &models::WorkspaceSync::finished, this, [this, engine](const api::Error &error) {
        if (error.isError())
            return apiError(error);
        const models::SyncStats s = engine->stats();
        if (m_json) {
            printJson(QJsonObject{{QStringLiteral("newsletters"), s.newsletters},
                                  {QStringLiteral("variants"), s.variants},
                                  {QStringLiteral("test_groups"), s.testGroups},
                                  {QStringLiteral("failed_newsletters"), s.failedNewsletters},
                                  {QStringLiteral("requests"), qint64(s.requests)},
                                  {QStringLiteral("responses_429"), qint64(s.responses429)},
                                  {QStringLiteral("elapsed_ms"), s.elapsedMs}});
        } else {
            printTable({{tr("Newsletters:"), QString::number(s.newsletters)},
                        {tr("Variants:"), QString::number(s.variants)},
                        {tr("Test groups:"), QString::number(s.testGroups)},
                        {tr("Requests made:"), QString::number(s.requests)},
                        {tr("429 responses:"), QString::number(s.responses429)},
                        {tr("Elapsed:"), tr("%1 s").arg(double(s.elapsedMs) / 1000.0, 0, 'f', 2)}});
            for (const QString &failure : engine->failures())
                m_err << failure << '\n';
        }
        done(s.failedNewsletters > 0 ? ExitApiError : ExitOk);
    });
    engine->start();
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
    m_out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
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
