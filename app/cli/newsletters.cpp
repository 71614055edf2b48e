// Cli: newsletters list|show, variants list|show|set (set: the editor's save, with its QA gate).
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

void Cli::addVariantOptions()
{
    addOptions(
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

void Cli::addNewsletterCommands()
{
    addCommand({{QStringLiteral("newsletters"), QStringLiteral("list")}, {}, tr("the workspace's newsletters"),
                {}, true, 0, 0, [this](const QStringList &) { newslettersList(); }});
    addCommand({{QStringLiteral("newsletters"), QStringLiteral("show")}, QStringLiteral("ID"),
                tr("one newsletter's header"), {}, true, 1, 1,
                [this](const QStringList &words) { newslettersShow(words.at(2)); }});
    addCommand({{QStringLiteral("variants"), QStringLiteral("list")}, QStringLiteral("NEWSLETTER_ID"),
                tr("a newsletter's variants (test group, language, subject)"), {}, true, 1, 1,
                [this](const QStringList &words) { variantsList(words.at(2)); }});
    addCommand({{QStringLiteral("variants"), QStringLiteral("show")}, QStringLiteral("NEWSLETTER_ID VARIANT"),
                tr("one variant's fields and body; VARIANT is a content id, a language code, “default” or "
                   "TESTGROUP:LANG (group name or id)"),
                {}, true, 2, 2, [this](const QStringList &words) { variantsShow(words.at(2), words.at(3)); }});
    addCommand({{QStringLiteral("variants"), QStringLiteral("set")},
                QStringLiteral("NEWSLETTER_ID VARIANT [--subject TEXT] [--preheader TEXT] [--body-file PATH] "
                               "[--base-version V] [--ignore-qa]"),
                tr("save changes; refused if someone else changed the variant since version V (as “variants "
                   "show” printed it; without it, since this command read it; --force overwrites), if a link "
                   "holds “[redacted]”, or if the quality checks find errors (as the app's Save; --ignore-qa "
                   "saves anyway)"),
                {QStringLiteral("subject"), QStringLiteral("preheader"), QStringLiteral("body-file"),
                 QStringLiteral("base-version"), QStringLiteral("force"), QStringLiteral("ignore-qa"),
                 QStringLiteral("encoding")},
                true, 2, 2, [this](const QStringList &words) { variantsSet(words.at(2), words.at(3)); }});
}

} // namespace cio::app
