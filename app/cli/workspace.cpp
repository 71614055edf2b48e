// cio-studio-cli's `workspace` commands: saved profiles with their keys in the system keychain.
#include "app/cli/cli.h"
#include "app/cli/terminaltext.h"

#include "models/workspaces/connectiontester.h"
#include "models/workspaces/workspacerepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

// Platform code: hiding what is typed at a terminal prompt.
#if defined(Q_OS_WIN)
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace cio::app {

namespace {

// Turns terminal echo off for its lifetime.
class EchoOff
{
public:
    EchoOff()
    {
#if defined(Q_OS_WIN)
        m_handle = GetStdHandle(STD_INPUT_HANDLE);
        if (GetConsoleMode(m_handle, &m_mode))
            m_active = SetConsoleMode(m_handle, m_mode & ~DWORD(ENABLE_ECHO_INPUT));
#else
        if (tcgetattr(STDIN_FILENO, &m_mode) == 0) {
            termios quiet = m_mode;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
        }
#endif
    }
    ~EchoOff()
    {
#if defined(Q_OS_WIN)
        if (m_active)
            SetConsoleMode(m_handle, m_mode);
#else
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSANOW, &m_mode);
#endif
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    bool m_active = false;
#if defined(Q_OS_WIN)
    HANDLE m_handle = nullptr;
    DWORD m_mode = 0;
#else
    termios m_mode{};
#endif
};

} // namespace

QString Cli::readSecretLine(const QString &prompt)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    if (!isTerminal(stdin))
        return QString::fromUtf8(in.readLine()).trimmed();
    m_err << prompt;
    m_err.flush();
    QString line;
    {
        EchoOff quiet;
        line = QString::fromUtf8(in.readLine()).trimmed();
    }
    m_err << '\n';
    m_err.flush();
    return line;
}

void Cli::workspaceCommand(const QStringList &words, const QCommandLineParser &parser)
{
    credentials();
    const QString sub = words.value(1);
    const QString name = words.value(2);
    const int expected = sub == QLatin1String("list") ? 2 : 3;
    if (sub.isEmpty() || words.size() != expected) {
        usageError(words.size() < expected ? tr("“workspace %1” needs a workspace name.").arg(sub)
                                           : tr("Use “workspace add|list|test|remove”."));
        return;
    }
    if (sub == QLatin1String("add"))
        workspaceAdd(name, parser);
    else if (sub == QLatin1String("list"))
        workspaceList();
    else if (sub == QLatin1String("test"))
        workspaceTest(name);
    else if (sub == QLatin1String("remove"))
        workspaceRemove(name, parser.isSet(QStringLiteral("yes")));
    else
        usageError(tr("Unknown command “workspace %1”.").arg(sub));
}

void Cli::workspaceAdd(const QString &name, const QCommandLineParser &parser)
{
    models::WorkspaceProfile profile;
    profile.name = name;
    const auto region = api::regionFromName(parser.value(QStringLiteral("region")));
    if (!region) {
        usageError(tr("Unknown region “%1”: use us or eu.").arg(parser.value(QStringLiteral("region"))));
        return;
    }
    profile.region = *region;
    if (parser.isSet(QStringLiteral("base-url")))
        profile.baseUrl = QUrl(parser.value(QStringLiteral("base-url")), QUrl::StrictMode);
    profile.readOnly = parser.isSet(QStringLiteral("read-only"));
    profile.trackSiteId = parser.value(QStringLiteral("track-site-id")).trimmed();
    const QString problem = m_workspaces->profiles().validate(profile);
    if (!problem.isEmpty()) {
        usageError(problem);
        return;
    }

    models::WorkspaceRepository::Keys keys;
    keys.appKey = readSecretLine(tr("App API key for “%1”: ").arg(name));
    if (keys.appKey.isEmpty()) {
        usageError(tr("No App API key on standard input. Pipe it in or type it at the prompt; keys are never "
                      "accepted as arguments."));
        return;
    }
    if (profile.hasTrackCredential()) {
        keys.trackKey = readSecretLine(tr("Track API key for site “%1”: ").arg(profile.trackSiteId));
        if (keys.trackKey.isEmpty()) {
            usageError(tr("--track-site-id needs the Track API key on the next line of standard input."));
            return;
        }
    }
    m_workspaces->save(
        profile, keys, this,
        [this](const models::WorkspaceProfile &saved, const QString &error, const api::CredentialError &) {
            if (!error.isEmpty()) {
                m_err << error << '\n';
                done(ExitApiError);
                return;
            }
            m_out << tr("Saved workspace “%1” (%2%3); its key is in the system keychain.")
                         .arg(saved.name, api::regionName(saved.region).toUpper(),
                              saved.readOnly ? tr(", read-only") : QString())
                  << '\n';
            done();
        });
}

void Cli::workspaceList()
{
    const QList<models::WorkspaceProfile> profiles = m_workspaces->profiles().profiles();
    if (m_json) {
        QJsonArray array;
        for (const models::WorkspaceProfile &p : profiles)
            array.append(QJsonObject{{QStringLiteral("name"), p.name},
                                     {QStringLiteral("region"), api::regionName(p.region)},
                                     {QStringLiteral("base_url"), p.effectiveBaseUrl().toString()},
                                     {QStringLiteral("read_only"), p.readOnly},
                                     {QStringLiteral("track_site_id"), p.trackSiteId}});
        printJson(array);
        done();
        return;
    }
    if (profiles.isEmpty()) {
        m_out << tr("No saved workspaces. Add one with “cio-studio-cli workspace add NAME --region us|eu”.")
              << '\n';
        done();
        return;
    }
    QList<QStringList> rows{{tr("NAME"), tr("REGION"), tr("MODE"), tr("API")}};
    for (const models::WorkspaceProfile &p : profiles)
        rows.append({p.name, api::regionName(p.region).toUpper(),
                     p.readOnly ? tr("read-only") : tr("read-write"), p.effectiveBaseUrl().toString()});
    printTable(rows);
    done();
}

void Cli::workspaceRemove(const QString &name, bool confirmed)
{
    const auto profile = m_workspaces->profiles().find(name);
    if (!profile) {
        usageError(tr("No saved workspace is called “%1”.").arg(name));
        return;
    }
    if (!confirmed) {
        if (!isTerminal(stdin)) {
            usageError(tr("Removing “%1” deletes its keys and local data; add --yes to confirm.")
                           .arg(profile->name));
            return;
        }
        m_err << tr("Remove workspace “%1”, its keys and its local data? [y/N] ").arg(profile->name);
        m_err.flush();
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly) || !in.readLine().trimmed().toLower().startsWith('y')) {
            m_err << tr("Nothing removed.") << '\n';
            done(ExitOk);
            return;
        }
    }
    m_workspaces->remove(*profile, this, [this, profile](const api::CredentialError &error) {
        if (error.isError()) {
            m_err
                << tr("The workspace was kept because its keys could not be removed: %1").arg(error.message())
                << '\n';
            done(ExitApiError);
            return;
        }
        m_out << tr("Removed workspace “%1”, its keys and its local data.").arg(profile->name) << '\n';
        done();
    });
}

void Cli::workspaceTest(const QString &name)
{
    const auto profile = m_workspaces->profiles().find(name);
    if (!profile) {
        usageError(tr("No saved workspace is called “%1”.").arg(name));
        return;
    }
    m_workspaces->loadAppKey(
        *profile, this, [this, profile](const QString &key, const api::CredentialError &error) {
            if (error.isError()) {
                m_err << error.message() << '\n';
                done(ExitApiError);
                return;
            }
            auto *tester = new models::ConnectionTester(this);
            tester->test(profile->region, profile->baseUrl, key, this,
                         [this](const models::ConnectionVerdict &verdict) {
                             if (m_json)
                                 printJson(QJsonObject{{QStringLiteral("ok"), verdict.ok()},
                                                       {QStringLiteral("outcome"), int(verdict.outcome)},
                                                       {QStringLiteral("message"), verdict.message()}});
                             else
                                 (verdict.ok() ? m_out : m_err) << verdict.message() << '\n';
                             done(verdict.ok() ? ExitOk : ExitApiError);
                         });
        });
}

void Cli::addWorkspaceCommands()
{
    const auto command = [this](const QStringList &words) { workspaceCommand(words, m_parser); };
    addCommand({{QStringLiteral("workspace"), QStringLiteral("add")},
                QStringLiteral("NAME [--region us|eu] [--base-url URL] [--read-only] [--track-site-id ID]"),
                tr("save a workspace; the App API key is read from standard input (and, with --track-site-id, "
                   "the Track API key from the next line)"),
                {QStringLiteral("region"), QStringLiteral("base-url"), QStringLiteral("read-only"),
                 QStringLiteral("track-site-id")},
                false, -1, -1, command});
    addCommand({{QStringLiteral("workspace"), QStringLiteral("list")}, {}, tr("the saved workspaces"), {}, false,
                -1, -1, command});
    addCommand({{QStringLiteral("workspace"), QStringLiteral("test")}, QStringLiteral("NAME"),
                tr("check the saved key (wrong key, wrong region, network, TLS)"), {}, false, -1, -1, command});
    addCommand({{QStringLiteral("workspace"), QStringLiteral("remove")}, QStringLiteral("NAME [--yes]"),
                tr("delete the workspace, its keys and its local data"), {QStringLiteral("yes")}, false, -1, -1,
                command});
}

} // namespace cio::app
