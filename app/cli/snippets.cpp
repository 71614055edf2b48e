// cio-studio-cli snippets get|put|delete|usages NAME (`snippets list` is in cli.cpp).
#include "app/cli/cli.h"

#include "api/appapi.h"
#include "app/cli/terminaltext.h"
#include "liquid/liquidengine.h"
#include "models/common/textfile.h"
#include "models/snippets/snippetsaver.h"
#include "models/snippets/snippetusages.h"
#include "models/store/localstore.h"
#include "models/workspacesession.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <memory>

namespace cio::app {

namespace {

QJsonObject usageJson(const models::SnippetUsage &u)
{
    return {{QStringLiteral("newsletter_id"), u.newsletterId},
            {QStringLiteral("newsletter_name"), u.newsletterName},
            {QStringLiteral("content_id"), u.contentId},
            {QStringLiteral("language"), u.language},
            {QStringLiteral("test_group"), u.testGroup},
            {QStringLiteral("field"), u.field},
            {QStringLiteral("line"), u.line},
            {QStringLiteral("column"), u.column}};
}

} // namespace

std::shared_ptr<models::LocalStore> Cli::openLocalStore()
{
    // The local store of this connection: the usages come from its last sync. Opened only when it
    // exists; commands never create one.
    const QString path =
        storePath(m_workspaceName, m_demo != nullptr, m_client->settings().effectiveBaseUrl());
    if (!QFile::exists(path))
        return {};
    auto store = std::make_shared<models::LocalStore>();
    if (!store->open(path))
        return {};
    return store;
}

void Cli::snippetsCommand(const QStringList &words)
{
    const QString action = words.value(1);
    if (words.size() != 3)
        return usageError(words.size() < 3 ? tr("“snippets %1” needs the snippet's name.").arg(action)
                                           : tr("Too many arguments for “snippets %1” (quote a name with "
                                                "spaces).")
                                                 .arg(action));
    const QString name = words.at(2);
    if (action == QLatin1String("get"))
        return snippetsGet(name);
    const std::shared_ptr<models::LocalStore> store = openLocalStore();
    if (action == QLatin1String("usages"))
        return snippetsUsages(name, store);
    if (m_client->settings().readOnly) {
        m_err
            << tr("This workspace is read-only: “snippets %1” cannot change anything in it, and nothing was "
                  "sent.")
                   .arg(action)
            << '\n';
        return done(ExitApiError);
    }
    if (action == QLatin1String("delete"))
        return snippetsDelete(name, store);
    snippetsPut(name, store);
}

void Cli::snippetsUsages(const QString &name, const std::shared_ptr<models::LocalStore> &store)
{
    if (!store || !store->lastSynced().isValid()) {
        m_err << tr("The usages come from the local copy, and it has not been synced yet: run “sync” "
                    "first.")
              << '\n';
        return done(ExitApiError);
    }
    const QList<models::SnippetUsage> usages = models::findSnippetUsages(*store, name);
    if (m_json) {
        QJsonArray array;
        for (const models::SnippetUsage &u : usages)
            array.append(usageJson(u));
        return printJson(array), done();
    }
    if (usages.isEmpty()) {
        m_err << tr("No variant of the local copy uses “%1”.").arg(name) << '\n';
        return done();
    }
    QList<QStringList> rows{{tr("NEWSLETTER_ID"), tr("CONTENT_ID"), tr("LANGUAGE"), tr("FIELD"), tr("LINE")}};
    for (const models::SnippetUsage &u : usages)
        rows.append({QString::number(u.newsletterId), QString::number(u.contentId),
                     u.language.isEmpty() ? tr("(default)") : u.language, u.field, QString::number(u.line)});
    printTable(rows);
    done();
}

void Cli::snippetsGet(const QString &name)
{
    api::AppApi(m_client).snippets(
        this, [this, name](const QList<api::Snippet> &list, const api::Error &error) {
            if (error.isError())
                return apiError(error);
            for (const api::Snippet &s : list) {
                if (s.name != name)
                    continue;
                if (m_json)
                    return printJson(s.toJson()), done();
                // The value exactly as stored, so that `get` > file and `put --file` round-trip.
                m_out << s.value;
                if (isTerminal(stdout) && !s.value.endsWith(QLatin1Char('\n')))
                    m_out << '\n';
                return done();
            }
            m_err << tr("No snippet is called “%1”. “snippets list” shows them.").arg(name) << '\n';
            done(ExitApiError);
        });
}

// After a refused delete: what the local copy knows of the snippet's users.
void Cli::printKnownUsages(const QString &name, const std::shared_ptr<models::LocalStore> &store)
{
    if (!store) {
        m_err << tr("No local copy of this workspace yet: run “sync” to find the variants that use “%1”.")
                     .arg(name)
              << '\n';
        return;
    }
    const QList<models::SnippetUsage> usages = models::findSnippetUsages(*store, name);
    if (usages.isEmpty()) {
        m_err << tr("No variant of the local copy uses it (synced %1); a campaign, a template or a variant "
                    "changed since may.")
                     .arg(store->lastSynced().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
              << '\n';
        return;
    }
    m_err << tr("Known usages (local copy):") << '\n';
    for (const models::SnippetUsage &u : usages)
        m_err << "  " << models::describeSnippetUsage(u) << '\n';
}

bool Cli::confirmSnippetDelete(const QString &name, const std::shared_ptr<models::LocalStore> &store)
{
    if (m_manage.yes)
        return true;
    if (!isTerminal(stdin)) {
        usageError(tr("Deleting “%1” cannot be undone; add --yes to confirm.").arg(name));
        return false;
    }
    const int count = store ? int(models::findSnippetUsages(*store, name).size()) : 0;
    m_err << (count > 0
                  ? tr("Delete snippet “%1”? The local copy knows %n usage(s) of it. [y/N] ", nullptr, count)
                        .arg(name)
                  : tr("Delete snippet “%1”? [y/N] ").arg(name));
    m_err.flush();
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly) || !in.readLine().trimmed().toLower().startsWith('y')) {
        m_err << tr("Nothing deleted.") << '\n';
        done();
        return false;
    }
    return true;
}

void Cli::snippetsDelete(const QString &name, const std::shared_ptr<models::LocalStore> &store)
{
    if (!confirmSnippetDelete(name, store))
        return;
    api::AppApi(m_client).deleteSnippet(name, this, [this, name, store](const api::Error &error) {
        if (error.isError()) {
            if (error.kind == api::Error::Kind::Rejected && error.httpStatus == 400) {
                m_err << tr("Customer.io refused to delete “%1” because it is still in use: %2")
                             .arg(name, error.detail.isEmpty() ? error.message() : error.detail)
                      << '\n';
                printKnownUsages(name, store);
                return done(ExitApiError);
            }
            if (error.kind == api::Error::Kind::NotFound) {
                m_err << tr("No snippet is called “%1”.").arg(name) << '\n';
                return done(ExitApiError);
            }
            return apiError(error);
        }
        if (store)
            store->removeSnippet(name);
        if (m_json)
            return printJson(QJsonObject{{QStringLiteral("deleted"), name}}), done();
        m_out << tr("Deleted snippet “%1”.").arg(name) << '\n';
        done();
    });
}

void Cli::snippetsPut(const QString &name, const std::shared_ptr<models::LocalStore> &store)
{
    // The value from --file PATH, or standard input (also with --file -).
    const bool fromStdin = !m_manage.file || *m_manage.file == QLatin1String("-");
    if (fromStdin && isTerminal(stdin))
        m_err << tr("Type the value, then press Ctrl+D.") << '\n';
    const models::TextFile file =
        models::TextFiles::read(fromStdin ? QStringLiteral("-") : *m_manage.file, m_manage.encoding);
    if (!file.ok())
        return usageError(tr("Nothing was saved. %1").arg(file.error));
    const QString value = file.text;
    // `put` creates or replaces: the name is checked for its form only, not for being new.
    const models::SnippetProblem nameProblem = models::validateSnippetName(name, {});
    const models::SnippetProblem valueProblem = models::validateSnippetValue(value);
    for (const models::SnippetProblem &p : {nameProblem, valueProblem}) {
        if (!p.isProblem())
            continue;
        m_err << (p.line > 0 ? tr("line %1, column %2: %3").arg(p.line).arg(p.column).arg(p.message)
                             : p.message)
              << '\n'
              << tr("Nothing was sent.") << '\n';
        return done(ExitApiError);
    }
    m_session->liquid()->analyze(value, this, [this, name, value, store](const liquid::Analysis &a) {
        if (!a.parsed || !a.snippets.isEmpty()) {
            for (const liquid::LiquidError &e : a.errors)
                m_err << e.toString() << '\n';
            for (const liquid::Reference &r : a.snippets)
                m_err << tr("line %1, column %2: a snippet cannot use another snippet (“%3”).")
                             .arg(r.line)
                             .arg(r.column)
                             .arg(r.name)
                      << '\n';
            m_err << tr("Nothing was sent.") << '\n';
            return done(ExitApiError);
        }
        saveSnippet(name.trimmed(), value, store);
    });
}

// Create or replace, through the app's own save: a snippet missing a moment ago is created with POST (never
// replacing one made meanwhile), an existing one is PUT right after it was read.
void Cli::saveSnippet(const QString &name, const QString &value,
                      const std::shared_ptr<models::LocalStore> &store)
{
    models::SnippetSaveRequest request;
    request.name = name;
    request.value = value;
    auto *saver = new models::SnippetSaver(m_client, this);
    saver->save(request, this, [this, store](const models::SnippetSaveResult &result) {
        if (!result.ok())
            return apiError(result.error);
        if (store)
            store->storeSnippet(result.saved);
        if (m_json)
            return printJson(result.saved.toJson()), done();
        const int characters = int(models::characterCount(result.saved.value));
        m_out << (result.status == models::SnippetSaveResult::Status::Created
                      ? tr("Created snippet “%1” (%n character(s)).", nullptr, characters)
                      : tr("Saved snippet “%1” (%n character(s)).", nullptr, characters))
                     .arg(result.saved.name)
              << '\n';
        done();
    });
}

void Cli::addSnippetCommands()
{
    addCommand({{QStringLiteral("snippets"), QStringLiteral("list")},
                {},
                tr("the workspace's snippets"),
                {},
                true,
                0,
                0,
                [this](const QStringList &) { snippetsList(); }});
    const auto command = [this](const QStringList &words) { snippetsCommand(words); };
    addCommand({{QStringLiteral("snippets"), QStringLiteral("get")},
                QStringLiteral("NAME"),
                tr("a snippet's value as stored (--json: the snippet)"),
                {},
                true,
                -1,
                -1,
                command});
    addCommand(
        {{QStringLiteral("snippets"), QStringLiteral("put")},
         QStringLiteral("NAME [--file PATH]"),
         tr("create or change a snippet; the value comes from the file or standard input and is checked "
            "first (length, Liquid, no snippet inside a snippet)"),
         {QStringLiteral("file"), QStringLiteral("encoding")},
         true,
         -1,
         -1,
         command});
    addCommand({{QStringLiteral("snippets"), QStringLiteral("delete")},
                QStringLiteral("NAME [--yes]"),
                tr("delete a snippet (asks first unless --yes); a snippet still in use is refused, and the "
                   "usages the local copy knows are listed"),
                {QStringLiteral("yes")},
                true,
                -1,
                -1,
                command});
    addCommand({{QStringLiteral("snippets"), QStringLiteral("usages")},
                QStringLiteral("NAME"),
                tr("the variants of the local copy (see sync) that use a snippet, one a line: newsletter id, "
                   "content id, language, field, line"),
                {},
                true,
                -1,
                -1,
                command});
}

} // namespace cio::app
