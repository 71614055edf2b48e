#include "app/cli.h"

#include "api/appapi.h"
#include "api/region.h"
#include "app/demosandbox.h"
#include "app/terminaltext.h"
#include "models/localstore.h"
#include "models/textfile.h"
#include "models/storesync.h"
#include "models/variantaddress.h"
#include "models/variantsaver.h"
#include "models/workspacerepository.h"
#include "models/workspacesnapshot.h"

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
{
    // What servers send reaches a terminal only with its invisible and controlling characters shown.
    m_out.setDevice(new TerminalDevice(stdout, this));
    m_err.setDevice(new TerminalDevice(stderr, this));
}

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
                                 applyLimits(settings);
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
        "  variants show NEWSLETTER_ID VARIANT\n"
        "                                one variant's fields and body; VARIANT is a content id, a\n"
        "                                language code, “default” or TESTGROUP:LANG (group name or id)\n"
        "  variants set NEWSLETTER_ID VARIANT [--subject TEXT] [--preheader TEXT] [--body-file PATH]\n"
        "               [--base-version V] [--ignore-qa]\n"
        "                                save changes; refused if someone else changed the variant\n"
        "                                since version V (as “variants show” printed it; without it,\n"
        "                                since this command read it; --force overwrites), if a link\n"
        "                                holds “[redacted]”, or if the quality checks find errors\n"
        "                                (as the app's Save; --ignore-qa saves anyway)\n"
        "  snippets list                 the workspace's snippets\n"
        "  snippets get NAME             a snippet's value as stored (--json: the snippet)\n"
        "  snippets put NAME [--file PATH]\n"
        "                                create or change a snippet; the value comes from the file or\n"
        "                                standard input and is checked first (length, Liquid, no snippet\n"
        "                                inside a snippet)\n"
        "  snippets delete NAME          delete a snippet (asks first unless --yes); a snippet still in\n"
        "                                use is refused, and the usages the local copy knows are listed\n"
        "  snippets usages NAME          the variants of the local copy (see sync) that use a snippet,\n"
        "                                one a line: newsletter id, content id, language, field, line\n"
        "  segments list                 the workspace's segments\n"
        "  segments show|count|members|used-by ID\n"
        "                                a segment's details, its member count, every member (one\n"
        "                                identifier a line, all pages) or what uses it\n"
        "  segments create --name NAME [--description TEXT]\n"
        "                                create a manual segment; prints its id (--json: the segment)\n"
        "  segments delete ID [--yes]    delete a segment after showing what uses it\n"
        "  segments add-members|remove-members ID --id-type id|email|cio_id FILE\n"
        "                                add or remove the people listed in FILE (one a line or a CSV\n"
        "                                column; - for standard input) in batches of 1,000 through the\n"
        "                                Track API; its site id and key come from --workspace or\n"
        "                                CIO_TRACK_SITE_ID and CIO_TRACK_API_KEY\n"
        "  sync [--full]                 fetch the newsletters that changed (--full: all) with their\n"
        "                                variants and test groups into the local store; a list that\n"
        "                                lacks many stored newsletters stops it (--allow-removals: accept)\n"
        "  render NEWSLETTER_ID VARIANT [--data FILE] [--lax]\n"
        "                                the variant's subject, preheader and body rendered with\n"
        "                                Customer.io Liquid (errors with line and column: exit code 1)\n"
        "  render --template FILE [--data FILE] [--lax]\n"
        "                                any Liquid text, with the workspace's snippets\n"
        "  qa NEWSLETTER_ID              the quality checks of every variant (exit code 1 on errors)\n"
        "  drafts list                   unsaved edits kept on this computer (needs no key)\n"
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
    const QCommandLineOption trackUrl(
        QStringLiteral("track-url"),
        tr("Track API host to use instead of the region's (or of --base-url's, when that is not Customer.io's)."),
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
    const QCommandLineOption maxResponse(
        QStringLiteral("max-response-mb"),
        tr("Refuse answers larger than this many megabytes (default 64)."), tr("MB"));
    const QCommandLineOption rateLimitWait(
        QStringLiteral("rate-limit-wait"),
        tr("How long one request may wait out the API's rate limit (429) before it fails (default 60)."),
        tr("seconds"));
    const QCommandLineOption full(QStringLiteral("full"),
                                  tr("sync: fetch every newsletter again, not only those that changed."));
    parser.addOptions(
        {baseUrl, trackUrl, region, json, demo, verbose, workspace, readOnly, trackSiteId, yes, full, allowRemovals,
         encoding, timeout, maxResponse, rateLimitWait});
    addVariantOptions(parser);
    addRenderOptions(parser);
    // snippets put / segments create / segments add-members|remove-members
    parser.addOption({QStringLiteral("file"),
                      tr("snippets put: read the value from this file (- or none: standard input)."),
                      tr("path")});
    parser.addOption({QStringLiteral("name"), tr("segments create: the new segment's name."), tr("name")});
    parser.addOption({QStringLiteral("description"), tr("segments create: its description."), tr("text")});
    parser.addOption({QStringLiteral("id-type"),
                      tr("segments add-members|remove-members: id, email or cio_id."), tr("type")});
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
    if (!readLimits(parser))
        return;
    m_json = parser.isSet(json);
    m_syncFull = parser.isSet(full);
    m_syncAllowRemovals = parser.isSet(allowRemovals);
    readVariantOptions(parser);
    readRenderOptions(parser);
    if (parser.isSet(QStringLiteral("file")))
        m_manage.file = parser.value(QStringLiteral("file"));
    m_manage.name = parser.value(QStringLiteral("name"));
    m_manage.description = parser.value(QStringLiteral("description"));
    m_manage.idType = parser.value(QStringLiteral("id-type"));
    m_manage.encoding = parser.value(QStringLiteral("encoding")).trimmed();
    m_manage.yes = parser.isSet(QStringLiteral("yes"));
    // Our own debug logging is for --verbose only; warnings always show.
    // WebEngine's start-up report (GL, sandbox) is not for a command's output.
    QLoggingCategory::setFilterRules(parser.isSet(verbose)
                                         ? QStringLiteral("cio.*.debug=true")
                                         : QStringLiteral("cio.*.debug=false\ncio.*.info=false\n"
                                                          "qt.webenginecontext.*=false\ndefault.info=false"));
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        usageError(tr("No command given."));
        return;
    }
    if (words.first() == QLatin1String("workspace")) {
        workspaceCommand(words, parser);
        return;
    }
    if (words.first() == QLatin1String("drafts")) { // before the client: listing needs no key
        if (words.size() == 2 && words.at(1) == QLatin1String("list"))
            draftsList(parser);
        else
            usageError(tr("Unknown command “%1”.").arg(words.join(QLatin1Char(' '))));
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
    m_client = new api::Client(settings);
    return true;
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
    } else if (command == QLatin1String("variants show")) {
        if (needs(4))
            variantsShow(argument, words.value(3));
    } else if (command == QLatin1String("variants set")) {
        if (needs(4))
            variantsSet(argument, words.value(3));
    } else if (command == QLatin1String("snippets list")) {
        if (needs(2))
            snippetsList();
    } else if (command == QLatin1String("segments list")) {
        if (needs(2))
            segmentsList();
    } else if (words.first() == QLatin1String("snippets")) {
        snippetsCommand(words); // clisnippets.cpp
    } else if (words.first() == QLatin1String("segments")) {
        segmentsCommand(words); // clisegments.cpp
    } else if (words.first() == QLatin1String("render")) {
        render(words);
    } else if (words.first() == QLatin1String("qa")) {
        qaCommand(words);
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

void Cli::addVariantOptions(QCommandLineParser &parser)
{
    parser.addOptions(
        {{QStringLiteral("subject"), tr("variants set: the new subject."), tr("text")},
         {QStringLiteral("preheader"), tr("variants set: the new preheader text."), tr("text")},
         {QStringLiteral("body-file"),
          tr("variants set: read the new HTML body from a file (- for "
             "standard input)."),
          tr("path")},
         {QStringLiteral("base-version"),
          tr("variants set: the version (from “variants show”) the edit is based on; nothing is saved when "
             "the variant has changed since."),
          tr("version")},
         {QStringLiteral("force"), tr("variants set: overwrite even if someone else changed the "
                                      "variant meanwhile.")},
         {QStringLiteral("ignore-qa"), tr("variants set: save even when the quality checks find errors "
                                          "(empty subject, broken Liquid, a missing snippet…).")}});
}

void Cli::readVariantOptions(const QCommandLineParser &parser)
{
    const auto value = [&parser](const char *name) -> std::optional<QString> {
        const QString option = QLatin1String(name);
        return parser.isSet(option) ? std::optional<QString>(parser.value(option)) : std::nullopt;
    };
    m_variantEdit.subject = value("subject");
    m_variantEdit.preheader = value("preheader");
    m_variantEdit.bodyFile = value("body-file");
    m_variantEdit.force = parser.isSet(QStringLiteral("force"));
    m_variantEdit.ignoreQa = parser.isSet(QStringLiteral("ignore-qa"));
    m_variantEdit.baseVersion = value("base-version");
    m_workspaceName = parser.value(QStringLiteral("workspace"));
}

void Cli::loadVariant(
    const QString &newsletterIdText, const QString &variantText,
    std::function<void(const models::VariantAddress &, const api::Content &, const QList<api::TestGroup> &)>
        then)
{
    qint64 id = 0;
    if (!parseId(newsletterIdText, &id))
        return;
    loadNewsletterVariants(id, [=](const QList<api::Content> &contents, const QList<api::TestGroup> &groups) {
        QString why;
        const auto address = models::VariantAddress::parse(variantText, id, contents, groups, &why);
        if (!address) {
            m_err << why << '\n';
            return done(ExitApiError);
        }
        m_client->send(api::Request::get(address->path()), this, [=](const api::Response &r) {
            const QJsonValue content = r.json.value(QLatin1String("content"));
            if (!r.ok() || !content.isObject())
                return apiError(r.ok() ? api::Error::make(api::Error::Kind::BadResponse) : r.error);
            then(*address, api::Content::fromJson(content.toObject()), groups);
        });
    });
}

void Cli::loadNewsletterVariants(
    qint64 newsletterId, std::function<void(const QList<api::Content> &, const QList<api::TestGroup> &)> then)
{
    api::AppApi(m_client).testGroups(
        newsletterId, this, [=](const QList<api::TestGroup> &groups, const api::Error &error) {
            if (error.isError())
                return apiError(error);
            api::AppApi(m_client).contents(newsletterId, this,
                                           [=](const QList<api::Content> &contents, const api::Error &e) {
                                               if (e.isError())
                                                   return apiError(e);
                                               then(contents, groups);
                                           });
        });
}

void Cli::variantsShow(const QString &newsletterId, const QString &variant)
{
    loadVariant(
        newsletterId, variant,
        [this](const models::VariantAddress &address, const api::Content &c,
               const QList<api::TestGroup> &groups) {
            const api::TestGroup *group = nullptr;
            for (const api::TestGroup &g : groups) {
                if (g.contentIds.contains(c.id))
                    group = &g;
            }
            if (m_json) {
                QJsonObject o = c.toJson();
                o.insert(QStringLiteral("address"), address.path());
                o.insert(QStringLiteral("version"), versionOf(c));
                if (group) {
                    o.insert(QStringLiteral("test_group"), group->name);
                    o.insert(QStringLiteral("test_group_id"), group->id);
                }
                return printJson(o), done();
            }
            const auto sender = [](const std::optional<qint64> &senderId, const QString &text) {
                return senderId ? QStringLiteral("%1  %2").arg(*senderId).arg(text).trimmed() : tr("(none)");
            };
            printTable({{tr("Content id:"), QString::number(c.id)},
                        {tr("Newsletter:"), QString::number(c.newsletterId)},
                        {tr("Name:"), c.name},
                        {tr("Language:"), c.language.isEmpty() ? tr("(default)") : c.language},
                        {tr("Test group:"),
                         group ? QStringLiteral("%1 (%2)").arg(group->name).arg(group->id) : QString()},
                        {tr("Address:"), address.path()},
                        {tr("Subject:"), c.subject},
                        {tr("Preheader:"), c.preheaderText},
                        {tr("From id:"), sender(c.fromId, c.from)},
                        {tr("Reply-to id:"), sender(c.replyToId, c.replyTo)},
                        {tr("Updated:"), c.updated > 0 ? formatTime(c.updated) : tr("(not reported)")},
                        {tr("Version:"), versionOf(c)}});
            m_out << '\n' << tr("Body:") << '\n' << c.body << '\n';
            done();
        });
}

QString Cli::versionOf(const api::Content &content)
{
    // deduplicate_id ("<id>:<unix time>") changes with every save; `updated` where a server has none.
    return content.deduplicateId.isEmpty() ? QString::number(content.updated) : content.deduplicateId;
}

void Cli::variantsSet(const QString &newsletterId, const QString &variant)
{
    const VariantEdit edit = m_variantEdit;
    if (!edit.subject && !edit.preheader && !edit.bodyFile)
        return usageError(tr("“variants set” needs at least one of --subject, --preheader or --body-file."));
    std::optional<QString> body;
    if (edit.bodyFile) {
        const models::TextFile file = models::TextFiles::read(*edit.bodyFile, m_manage.encoding);
        if (!file.ok())
            return usageError(tr("Nothing was saved. %1").arg(file.error));
        body = file.text;
    }
    if (m_client->settings().readOnly) {
        m_err << tr("This workspace is read-only: “variants set” cannot change anything in it, and nothing "
                    "was sent. Remove the workspace's read-only mark in the app to save changes.")
              << '\n';
        return done(ExitApiError);
    }
    // The snapshot taken before the save goes to the workspace's local store, as in the app.
    const QString storeFile =
        storePath(m_workspaceName, m_demo != nullptr, m_client->settings().effectiveBaseUrl());
    auto *store = new models::LocalStore(this);
    QString storeError;
    if (!store->open(storeFile, &storeError)) {
        m_err << tr("Nothing was saved: the local store %1 could not be opened to keep a copy of the current "
                    "version first (%2).")
                     .arg(storeFile, storeError)
              << '\n';
        return done(ExitApiError);
    }

    loadVariant(
        newsletterId, variant,
        [=](const models::VariantAddress &address, const api::Content &base, const QList<api::TestGroup> &) {
            // The edit starts at --base-version when given (what the script read with "variants show"),
            // else now: base is this fresh read.
            if (edit.baseVersion && !edit.force && edit.baseVersion->trimmed() != versionOf(base)) {
                const QString message =
                    tr("Nothing was saved: %1 changed after version %2 was read (it is now version %3). Run "
                       "“variants show” again, apply your edit to what it prints, and pass the new version.")
                        .arg(address.describe(), edit.baseVersion->trimmed(), versionOf(base));
                if (m_json)
                    printJson(QJsonObject{{QStringLiteral("status"), QStringLiteral("conflict")},
                                          {QStringLiteral("content_id"), base.id},
                                          {QStringLiteral("address"), address.path()},
                                          {QStringLiteral("version"), versionOf(base)},
                                          {QStringLiteral("message"), message}});
                else
                    m_err << message << '\n';
                return done(ExitApiError);
            }
            models::SaveRequest request;
            request.address = address;
            request.base = base;
            request.force = edit.force;
            if (edit.subject && *edit.subject != base.subject)
                request.changes.insert(QStringLiteral("subject"), *edit.subject);
            if (edit.preheader && *edit.preheader != base.preheaderText)
                request.changes.insert(QStringLiteral("preheader_text"), *edit.preheader);
            if (body && *body != base.body)
                request.changes.insert(QStringLiteral("body"), *body);
            const auto save = [=] {
                auto *saver = new models::VariantSaver(m_client, store, this);
                saver->save(request, this, [this, request](const models::SaveResult &result) {
                    printSaveResult(request, result);
                });
            };
            // Nothing to save, or a “[redacted]” link: the saver refuses that with its own words.
            if (request.changes.isEmpty() || !models::VariantSaver::redactedUrls(request.changes).isEmpty())
                return save();
            api::Content edited = base;
            if (edit.subject)
                edited.subject = *edit.subject;
            if (edit.preheader)
                edited.preheaderText = *edit.preheader;
            if (body)
                edited.body = *body;
            qaGate(address.newsletterId, base, edited, save);
        });
}

void Cli::printSaveResult(const models::SaveRequest &request, const models::SaveResult &result)
{
    using Status = models::SaveResult::Status;
    const bool ok = result.status == Status::Saved || result.status == Status::NothingToSave;
    QStringList differences;
    if (result.status == Status::Conflict) {
        differences = models::VariantSaver::differingFields(request.base, result.server);
        differences.removeAll(QStringLiteral("updated"));
    }
    if (m_json) {
        static const char *const names[] = {"saved", "conflict", "refused", "failed", "nothing_to_save"};
        QJsonObject o{{QStringLiteral("status"), QLatin1String(names[int(result.status)])},
                      {QStringLiteral("content_id"), result.contentId},
                      {QStringLiteral("address"), request.address.path()},
                      {QStringLiteral("changed"), QJsonArray::fromStringList(request.changes.keys())},
                      {QStringLiteral("message"), result.message}};
        if (result.status == Status::Saved) {
            o.insert(QStringLiteral("content"), result.saved.toJson());
            o.insert(QStringLiteral("snapshot_id"), result.snapshotId);
            if (!result.raceFields.isEmpty()) {
                o.insert(QStringLiteral("race_fields"), QJsonArray::fromStringList(result.raceFields));
                o.insert(QStringLiteral("sent"), result.sent.toJson());
            }
        }
        if (result.status == Status::Conflict) {
            o.insert(QStringLiteral("server"), result.server.toJson());
            o.insert(QStringLiteral("differences"), QJsonArray::fromStringList(differences));
        }
        printJson(o);
        return done(ok ? ExitOk : ExitApiError);
    }
    switch (result.status) {
    case Status::Saved:
        m_out << tr("Saved %1: %2.")
                     .arg(request.address.describe(), request.changes.keys().join(QLatin1String(", ")))
              << '\n';
        if (!result.raceFields.isEmpty())
            m_err << result.message << '\n';
        break;
    case Status::NothingToSave:
        m_out << tr("Nothing to save: %1 already has these values.").arg(request.address.describe()) << '\n';
        break;
    case Status::Conflict: {
        m_err << result.message << '\n';
        const QJsonObject before = models::VariantSaver::editableFields(request.base);
        const QJsonObject now = models::VariantSaver::editableFields(result.server);
        const auto shown = [](const QJsonValue &v) {
            const QString text = v.isDouble() ? QString::number(v.toInteger())
                                 : v.isNull() ? tr("(none)")
                                              : v.toString();
            return text.size() > 100 || text.contains(QLatin1Char('\n'))
                       ? tr("%n character(s)", nullptr, int(text.size()))
                       : QStringLiteral("“%1”").arg(text);
        };
        for (const QString &field : std::as_const(differences))
            m_err << "  " << field << ": "
                  << tr("read as %1, now %2").arg(shown(before.value(field)), shown(now.value(field)))
                  << '\n';
        m_err << tr("Run the command again to apply your change to the new version, or add --force to "
                    "overwrite it.")
              << '\n';
        break;
    }
    case Status::Refused:
    case Status::Failed:
        m_err << result.message << '\n';
        break;
    }
    done(ok ? ExitOk : ExitApiError);
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

QString Cli::storePath(const QString &workspace, bool demo, const QUrl &baseUrl)
{
    // The store of a saved workspace is named by its id, the demo's "demo" and that of a bare
    // connection (--base-url, or the region's host with CIO_APP_API_KEY) by host and port.
    if (!workspace.isEmpty()) {
        credentials();
        const auto profile = m_workspaces->profiles().find(workspace);
        return models::LocalStore::pathFor(profile ? profile->id : workspace);
    }
    return demo ? models::LocalStore::demoPath() : models::LocalStore::pathForBaseUrl(baseUrl);
}

void Cli::sync()
{
    // The same engine as the app's background sync, into the same local store; --full refetches every
    // newsletter instead of only those whose `updated` moved.
    auto *store = new models::LocalStore(this);
    const QString path =
        storePath(m_workspaceName, m_demo != nullptr, m_client->settings().effectiveBaseUrl());
    QString storeError;
    if (!store->open(path, &storeError)) {
        m_err << tr("The local store %1 could not be opened: %2").arg(path, storeError) << '\n';
        return done(ExitApiError);
    }
    auto *engine = new models::StoreSync(m_client, store, this);
    engine->setAllowRemovals(m_syncAllowRemovals);
    if (!m_json) {
        connect(engine, &models::StoreSync::progress, this, [this](int doneCount, int total) {
            m_err << '\r' << tr("Fetching variants and test groups: %1/%2").arg(doneCount).arg(total);
            if (doneCount == total)
                m_err << '\n';
            m_err.flush();
        });
    }
    const quint64 requestsBefore = m_client->requestsSent();
    const quint64 throttledBefore = m_client->responses429();
    auto *timer = new QElapsedTimer;
    timer->start();
    connect(
        engine, &models::StoreSync::finished, this,
        [this, engine, store, timer, requestsBefore, throttledBefore](const api::Error &error, int fetched) {
            const qint64 elapsedMs = timer->elapsed();
            delete timer;
            if (error.isError())
                return apiError(error);
            const qint64 requests = qint64(m_client->requestsSent() - requestsBefore);
            const qint64 throttled = qint64(m_client->responses429() - throttledBefore);
            const int newsletters = int(store->newsletters().size());
            if (m_json) {
                printJson(QJsonObject{{QStringLiteral("newsletters"), newsletters},
                                      {QStringLiteral("newsletters_fetched"), fetched},
                                      {QStringLiteral("variants"), store->variantCount()},
                                      {QStringLiteral("test_groups"), store->testGroupCount()},
                                      {QStringLiteral("failed_newsletters"), int(engine->failures().size())},
                                      {QStringLiteral("requests"), requests},
                                      {QStringLiteral("responses_429"), throttled},
                                      {QStringLiteral("elapsed_ms"), elapsedMs}});
            } else {
                printTable({{tr("Newsletters:"), tr("%1 (%2 fetched)").arg(newsletters).arg(fetched)},
                            {tr("Variants:"), QString::number(store->variantCount())},
                            {tr("Test groups:"), QString::number(store->testGroupCount())},
                            {tr("Requests made:"), QString::number(requests)},
                            {tr("429 responses:"), QString::number(throttled)},
                            {tr("Elapsed:"), tr("%1 s").arg(double(elapsedMs) / 1000.0, 0, 'f', 2)}});
                for (const QString &failure : engine->failures())
                    m_err << failure << '\n';
            }
            done(engine->failures().isEmpty() ? ExitOk : ExitApiError);
        });
    if (m_syncFull)
        engine->startFull();
    else
        engine->start();
}

void Cli::draftsList(const QCommandLineParser &parser)
{
    // Listing drafts needs neither a key nor the network: only which store to read.
    const QString workspace = parser.value(QStringLiteral("workspace"));
    QUrl url;
    if (!workspace.isEmpty()) {
        if (parser.isSet(QStringLiteral("demo")) || parser.isSet(QStringLiteral("base-url")))
            return usageError(tr("--workspace cannot be combined with --demo or --base-url."));
        credentials();
        if (!m_workspaces->profiles().find(workspace))
            return usageError(
                tr("No saved workspace is called “%1”. “workspace list” shows them.").arg(workspace));
    } else if (!parser.isSet(QStringLiteral("demo"))) {
        const auto region = api::regionFromName(parser.value(QStringLiteral("region")));
        if (!region)
            return usageError(
                tr("Unknown region “%1”: use us or eu.").arg(parser.value(QStringLiteral("region"))));
        url = api::defaultBaseUrl(*region);
        if (parser.isSet(QStringLiteral("base-url"))) {
            url = QUrl(parser.value(QStringLiteral("base-url")), QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty())
                return usageError(
                    tr("“%1” is not a valid URL.").arg(parser.value(QStringLiteral("base-url"))));
        }
    }
    const QString path = storePath(workspace, parser.isSet(QStringLiteral("demo")), url);

    QList<models::Draft> drafts;
    if (QFile::exists(path)) { // listing never creates a store
        models::LocalStore store;
        QString error;
        if (!store.open(path, &error)) {
            m_err << tr("The local store %1 could not be opened: %2").arg(path, error) << '\n';
            return done(ExitApiError);
        }
        drafts = store.drafts();
    }
    if (m_json) {
        QJsonArray array;
        for (const models::Draft &d : std::as_const(drafts))
            array.append(QJsonObject{{QStringLiteral("content_id"), d.contentId},
                                     {QStringLiteral("newsletter_id"), d.newsletterId},
                                     {QStringLiteral("language"), d.base.language},
                                     {QStringLiteral("saved_at"), d.savedAt.toString(Qt::ISODate)},
                                     {QStringLiteral("base_updated"), d.base.updated},
                                     {QStringLiteral("fields"), d.fields}});
        return printJson(array), done();
    }
    if (drafts.isEmpty()) {
        m_out << tr("No drafts.") << '\n';
        return done();
    }
    QList<QStringList> rows{
        {tr("CONTENT_ID"), tr("NEWSLETTER_ID"), tr("LANGUAGE"), tr("SAVED_AT"), tr("FIELDS")}};
    for (const models::Draft &d : std::as_const(drafts))
        rows.append({QString::number(d.contentId), QString::number(d.newsletterId),
                     d.base.language.isEmpty() ? tr("(default)") : d.base.language,
                     d.savedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                     d.fields.keys().join(QLatin1String(", "))});
    printTable(rows);
    done();
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
