// Cli: what works on the local store — sync, and the drafts kept on this computer.
#include "app/cli/cli.h"

#include "api/appapi.h"
#include "api/region.h"
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

void Cli::addLocalCommands()
{
    addCommand({{QStringLiteral("sync")}, QStringLiteral("[--full] [--allow-removals]"),
                tr("fetch the newsletters that changed (--full: all) with their variants and test groups into "
                   "the local store; a list that lacks many stored newsletters stops it (--allow-removals: "
                   "accept)"),
                {QStringLiteral("full"), QStringLiteral("allow-removals")}, true, 0, 0,
                [this](const QStringList &) { sync(); }});
    addCommand({{QStringLiteral("drafts"), QStringLiteral("list")}, {},
                tr("unsaved edits kept on this computer (needs no key)"), {}, false, 0, 0,
                [this](const QStringList &) { draftsList(m_parser); }});
}

} // namespace cio::app
