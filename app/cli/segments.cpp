// cio-studio-cli's `segments` commands other than `segments list`: show, count, members, used-by,
// delete, create, add-members and remove-members.
#include "app/cli/cli.h"

#include "api/appapi.h"
#include "api/paging.h"
#include "api/trackapi.h"
#include "app/demosandbox.h"
#include "app/cli/terminaltext.h"
#include "models/common/textfile.h"
#include "models/segments/memberimport.h"
#include "models/segments/membershipbatcher.h"
#include "models/segments/segmentlistmodel.h"
#include "models/workspaces/workspacerepository.h"
#include "models/workspacesession.h"
#include "sandbox/sandboxserver.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace cio::app {

namespace {

QString formatTime(qint64 secs)
{
    return secs > 0 ? QDateTime::fromSecsSinceEpoch(secs).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                    : QString();
}

// The identifier a person is best known by: id, else email, else cio_id.
QString identifierOf(const api::CustomerIdentifiers &member)
{
    if (!member.id.isEmpty())
        return member.id;
    return member.email.isEmpty() ? member.cioId : member.email;
}

struct SegmentOptions
{
    QString name, description, idType;
    bool yes = false;
    bool json = false;
    QString encoding; // of the member list read
};

// Runs one command. Cli's private helpers come in as hooks so that this file owns its code.
class SegmentCommands final : public QObject
{
    Q_OBJECT

public:
    using TrackReady = std::function<void(api::TrackApi *track)>;
    struct Hooks
    {
        std::function<void(const QString &)> usageError;
        std::function<void(const api::Error &)> apiError;
        std::function<void(int)> done;
        std::function<void(const QList<QStringList> &)> printTable;
        std::function<void(const QJsonValue &)> printJson;
        std::function<bool(const QString &, qint64 *)> parseId;
        // Finds the Track credential (workspace keychain, demo, or environment), then calls back;
        // on failure it reports and ends the command itself.
        std::function<void(TrackReady)> track; // the session's Track client, or the command ends with why
    };

    SegmentCommands(api::Client *client, QTextStream &out, QTextStream &err, const SegmentOptions &options,
                    Hooks hooks, QObject *parent)
        : QObject(parent)
        , m_client(client)
        , m_out(out)
        , m_err(err)
        , m_options(options)
        , m_hooks(std::move(hooks))
    {}

    void run(const QStringList &words);

private:
    void show(qint64 id);
    void count(qint64 id);
    void members(qint64 id);
    void membersPage(qint64 id, std::shared_ptr<api::PageCursor> cursor, std::shared_ptr<QJsonArray> all);
    void usedBy(qint64 id);
    void remove(qint64 id);
    void create();
    void changeMembers(qint64 id, bool add, const QString &file);
    // The used_by ids with the newsletters' names (one request per newsletter).
    void withUsage(qint64 id,
                   std::function<void(const api::SegmentUsage &, const QHash<qint64, QString> &names)> then);
    QStringList usageLines(const api::SegmentUsage &usage, const QHash<qint64, QString> &names) const;

    api::Client *m_client;
    QTextStream &m_out;
    QTextStream &m_err;
    SegmentOptions m_options;
    Hooks m_hooks;
};

void SegmentCommands::run(const QStringList &words)
{
    const QString sub = words.value(1);
    if (sub == QLatin1String("create")) {
        if (words.size() != 2)
            return m_hooks.usageError(
                tr("“segments create” takes no arguments: use --name and --description."));
        return create();
    }
    const bool change = sub == QLatin1String("add-members") || sub == QLatin1String("remove-members");
    static const QStringList byId{QStringLiteral("show"), QStringLiteral("count"), QStringLiteral("members"),
                                  QStringLiteral("used-by"), QStringLiteral("delete")};
    if (!change && !byId.contains(sub))
        return m_hooks.usageError(tr("Unknown command “%1”.").arg(words.join(QLatin1Char(' '))));
    const int expected = change ? 4 : 3;
    if (words.size() != expected) {
        return m_hooks.usageError(
            words.size() < expected
                ? (change ? tr("“segments %1” needs a segment id and a file (- for standard input).").arg(sub)
                          : tr("“segments %1” needs a segment id.").arg(sub))
                : tr("Too many arguments for “segments %1”.").arg(sub));
    }
    qint64 id = 0;
    if (!m_hooks.parseId(words.at(2), &id))
        return;
    if (sub == QLatin1String("show"))
        show(id);
    else if (sub == QLatin1String("count"))
        count(id);
    else if (sub == QLatin1String("members"))
        members(id);
    else if (sub == QLatin1String("used-by"))
        usedBy(id);
    else if (sub == QLatin1String("delete"))
        remove(id);
    else
        changeMembers(id, sub == QLatin1String("add-members"), words.at(3));
}

void SegmentCommands::show(qint64 id)
{
    api::AppApi(m_client).segment(id, this, [this, id](const api::Segment &s, const api::Error &error) {
        if (error.isError())
            return m_hooks.apiError(error);
        api::AppApi(m_client).segmentCustomerCount(
            id, this, [this, s](qint64 n, const api::Error &countError) {
                if (m_options.json) {
                    QJsonObject o = s.toJson();
                    if (!countError.isError())
                        o.insert(QStringLiteral("customer_count"), n);
                    m_hooks.printJson(o);
                } else {
                    m_hooks.printTable(
                        {{tr("Name:"), s.name},
                         {tr("Id:"), QString::number(s.id)},
                         {tr("Type:"), s.isManual() ? tr("manual") : tr("data-driven")},
                         {tr("State:"), s.state},
                         {tr("Description:"), s.description},
                         {tr("Tags:"), s.tags.join(QLatin1String(", "))},
                         {tr("Created:"), formatTime(s.createdAt)},
                         {tr("Updated:"), formatTime(s.updatedAt)},
                         {tr("Members:"), countError.isError() ? countError.message() : QString::number(n)}});
                }
                m_hooks.done(countError.isError() ? Cli::ExitApiError : Cli::ExitOk);
            });
    });
}

void SegmentCommands::count(qint64 id)
{
    api::AppApi(m_client).segmentCustomerCount(id, this, [this, id](qint64 n, const api::Error &error) {
        if (error.isError())
            return m_hooks.apiError(error);
        if (m_options.json)
            m_hooks.printJson(QJsonObject{{QStringLiteral("segment_id"), id}, {QStringLiteral("count"), n}});
        else
            m_out << n << '\n';
        m_hooks.done(Cli::ExitOk);
    });
}

void SegmentCommands::members(qint64 id)
{
    // Text goes out page by page, so a large segment starts printing at once and never sits in memory.
    membersPage(id, std::make_shared<api::PageCursor>(), m_options.json ? std::make_shared<QJsonArray>() : nullptr);
}

void SegmentCommands::membersPage(qint64 id, std::shared_ptr<api::PageCursor> cursor, std::shared_ptr<QJsonArray> all)
{
    api::AppApi(m_client).segmentMembersPage(
        id, cursor->start(), 5000, this,
        [this, id, cursor, all](const QList<api::CustomerIdentifiers> &page, const QString &next,
                                const api::Error &answer) {
            const api::Error error = answer.isError() ? answer : cursor->advance(int(page.size()), next);
            if (error.isError())
                return m_hooks.apiError(error);
            for (const api::CustomerIdentifiers &member : page) {
                if (all)
                    all->append(api::customerIdentifiersToJson(member));
                else
                    m_out << identifierOf(member) << '\n';
            }
            m_out.flush();
            if (!cursor->atEnd())
                return membersPage(id, cursor, all);
            if (all)
                m_hooks.printJson(*all);
            m_hooks.done(Cli::ExitOk);
        });
}

void SegmentCommands::withUsage(
    qint64 id, std::function<void(const api::SegmentUsage &, const QHash<qint64, QString> &)> then)
{
    api::AppApi(m_client).segmentUsedBy(
        id, this, [this, then](const api::SegmentUsage &usage, const api::Error &error) {
            if (error.isError())
                return m_hooks.apiError(error);
            const QList<qint64> newsletters = usage.sentNewsletters + usage.draftNewsletters;
            if (newsletters.isEmpty())
                return then(usage, {});
            auto names = std::make_shared<QHash<qint64, QString>>();
            auto left = std::make_shared<int>(int(newsletters.size()));
            for (qint64 newsletterId : newsletters) {
                api::AppApi(m_client).newsletter(
                    newsletterId, this,
                    [usage, then, names, left, newsletterId](const api::Newsletter &n, const api::Error &e) {
                        if (!e.isError())
                            names->insert(newsletterId, n.name); // a name that cannot be read stays an id
                        if (--*left == 0)
                            then(usage, *names);
                    });
            }
        });
}

QStringList SegmentCommands::usageLines(const api::SegmentUsage &usage,
                                        const QHash<qint64, QString> &names) const
{
    QStringList lines;
    for (qint64 campaign : usage.campaigns)
        lines << tr("campaign %1").arg(campaign);
    for (qint64 n : usage.sentNewsletters)
        lines << tr("newsletter %1 (sent) %2").arg(n).arg(names.value(n)).trimmed();
    for (qint64 n : usage.draftNewsletters)
        lines << tr("newsletter %1 (draft) %2").arg(n).arg(names.value(n)).trimmed();
    return lines;
}

void SegmentCommands::usedBy(qint64 id)
{
    withUsage(id, [this, id](const api::SegmentUsage &usage, const QHash<qint64, QString> &names) {
        if (m_options.json) {
            const auto newsletters = [&names](const QList<qint64> &ids) {
                QJsonArray a;
                for (qint64 n : ids)
                    a.append(
                        QJsonObject{{QStringLiteral("id"), n}, {QStringLiteral("name"), names.value(n)}});
                return a;
            };
            QJsonArray campaigns;
            for (qint64 c : usage.campaigns)
                campaigns.append(c);
            m_hooks.printJson(
                QJsonObject{{QStringLiteral("segment_id"), id},
                            {QStringLiteral("campaigns"), campaigns},
                            {QStringLiteral("sent_newsletters"), newsletters(usage.sentNewsletters)},
                            {QStringLiteral("draft_newsletters"), newsletters(usage.draftNewsletters)}});
            return m_hooks.done(Cli::ExitOk);
        }
        const QStringList lines = usageLines(usage, names);
        if (lines.isEmpty())
            m_err << tr("Nothing uses segment %1.").arg(id) << '\n';
        for (const QString &line : lines)
            m_out << line << '\n';
        m_hooks.done(Cli::ExitOk);
    });
}

void SegmentCommands::remove(qint64 id)
{
    if (m_client->settings().readOnly) {
        m_err << tr("This workspace is read-only: the segment was not deleted, and nothing was sent.")
              << '\n';
        return m_hooks.done(Cli::ExitApiError);
    }
    api::AppApi(m_client).segment(id, this, [this, id](const api::Segment &segment, const api::Error &error) {
        if (error.isError())
            return m_hooks.apiError(error);
        // A data-driven segment is refused by the same check the GUI uses, before anyone is asked.
        if (!segment.isManual()) {
            return api::AppApi(m_client).deleteSegment(
                segment, this, [this](const api::Error &refusal) { m_hooks.apiError(refusal); });
        }
        // What depends on the segment comes first, so nobody deletes it blind.
        withUsage(id, [this, id, segment](const api::SegmentUsage &usage,
                                          const QHash<qint64, QString> &names) {
            const QStringList lines = usageLines(usage, names);
            if (!lines.isEmpty()) {
                m_err << tr("Segment “%1” is used by:").arg(segment.name) << '\n';
                for (const QString &line : lines)
                    m_err << "  " << line << '\n';
            }
            if (!m_options.yes) {
                if (!isTerminal(stdin)) {
                    return m_hooks.usageError(
                        tr("Deleting segment “%1” cannot be undone; add --yes to confirm.")
                            .arg(segment.name));
                }
                m_err << tr("Delete segment “%1” (id %2)? [y/N] ").arg(segment.name).arg(id);
                m_err.flush();
                QFile in;
                if (!in.open(stdin, QIODevice::ReadOnly) ||
                    !in.readLine().trimmed().toLower().startsWith('y')) {
                    m_err << tr("Nothing deleted.") << '\n';
                    return m_hooks.done(Cli::ExitOk);
                }
            }
            api::AppApi(m_client).deleteSegment(segment, this, [this, id, segment](const api::Error &deleteError) {
                if (deleteError.isError())
                    return m_hooks.apiError(deleteError);
                if (m_options.json)
                    m_hooks.printJson(QJsonObject{{QStringLiteral("deleted"), id}});
                else
                    m_out << tr("Deleted segment “%1” (id %2).").arg(segment.name).arg(id) << '\n';
                m_hooks.done(Cli::ExitOk);
            });
        });
    });
}

void SegmentCommands::create()
{
    const QString name = m_options.name.trimmed();
    if (name.isEmpty())
        return m_hooks.usageError(tr("“segments create” needs --name NAME."));
    // The checks of the app's Create Segment dialog.
    if (const QString problem = models::segmentNameProblem(name); !problem.isEmpty())
        return m_hooks.usageError(tr("No segment was created: %1").arg(problem));
    if (m_client->settings().readOnly) {
        m_err << tr("This workspace is read-only: no segment was created, and nothing was sent.") << '\n';
        return m_hooks.done(Cli::ExitApiError);
    }
    api::AppApi(m_client).createSegment(name, m_options.description.trimmed(), this,
                                        [this](const api::Segment &s, const api::Error &error) {
                                            if (error.isError())
                                                return m_hooks.apiError(error);
                                            if (m_options.json)
                                                m_hooks.printJson(s.toJson());
                                            else
                                                m_out << s.id << '\n';
                                            m_hooks.done(Cli::ExitOk);
                                        });
}

void SegmentCommands::changeMembers(qint64 id, bool add, const QString &file)
{
    const auto type = api::idTypeFromName(m_options.idType);
    if (!type) {
        return m_hooks.usageError(
            m_options.idType.isEmpty()
                ? tr("Say how the file names people: --id-type id, email or cio_id.")
                : tr("Unknown id type “%1”: use id, email or cio_id.").arg(m_options.idType));
    }
    models::MemberImport::Result list;
    if (file == QLatin1String("-") || !m_options.encoding.isEmpty()) {
        const models::TextFile text = models::TextFiles::read(file, m_options.encoding);
        if (!text.ok())
            return m_hooks.usageError(text.error);
        list = models::MemberImport::parseText(text.text, *type);
    } else {
        list = models::MemberImport::parseFile(file, *type);
    }
    if (!list.ok())
        return m_hooks.usageError(list.error);
    if (list.columns > 1) { // a table: say which column was read, as the app's dialog shows it
        const QString header = list.header.value(list.column);
        m_err << (header.isEmpty() ? tr("Reading column %1 of %2.").arg(list.column + 1).arg(list.columns)
                                   : tr("Reading column %1 (“%2”) of %3.")
                                         .arg(list.column + 1)
                                         .arg(header)
                                         .arg(list.columns))
              << '\n';
    }
    for (const models::MemberImport::Rejected &r : std::as_const(list.rejected))
        m_err << tr("line %1: “%2”: %3").arg(r.line).arg(r.text, r.reason) << '\n';
    if (list.ids.isEmpty()) {
        m_err << tr("Nothing to send: the list holds no valid %1.").arg(api::idTypeName(*type)) << '\n';
        return m_hooks.done(Cli::ExitApiError);
    }
    if (m_client->settings().readOnly) {
        m_err << tr("This workspace is read-only: nobody was added or removed, and nothing was sent.")
              << '\n';
        return m_hooks.done(Cli::ExitApiError);
    }
    // The segment first: a data-driven one would refuse every batch.
    api::AppApi(m_client).segment(
        id, this, [this, id, add, type, list](const api::Segment &segment, const api::Error &error) {
            if (error.isError())
                return m_hooks.apiError(error);
            if (!segment.isManual()) {
                m_err << tr("Segment “%1” is data-driven: Customer.io keeps its members in step with its "
                            "conditions, so people cannot be added or removed by hand.")
                             .arg(segment.name)
                      << '\n';
                return m_hooks.done(Cli::ExitApiError);
            }
            m_hooks.track([this, id, add, type, list](api::TrackApi *track) {
                auto *batcher = new models::MembershipBatcher(track, this);
                if (!m_options.json && isTerminal(stderr)) {
                    connect(batcher, &models::MembershipBatcher::progress, this, [this](int sent, int total) {
                        m_err << '\r' << tr("Sent %1 of %2").arg(sent).arg(total);
                        if (sent == total)
                            m_err << '\n';
                        m_err.flush();
                    });
                }
                connect(batcher, &models::MembershipBatcher::finished, this,
                        [this, list, track](const models::MembershipBatcher::Summary &summary) {
                            if (m_options.json) {
                                m_hooks.printJson(
                                    QJsonObject{{QStringLiteral("segment_id"), summary.segmentId},
                                                {QStringLiteral("action"),
                                                 summary.action == models::MembershipBatcher::Action::Add
                                                     ? QStringLiteral("add")
                                                     : QStringLiteral("remove")},
                                                {QStringLiteral("total"), summary.total},
                                                {QStringLiteral("sent"), summary.sent},
                                                {QStringLiteral("requests"), qint64(track->requestsSent())},
                                                {QStringLiteral("remaining"), int(summary.remaining.size())},
                                                {QStringLiteral("duplicates"), list.duplicates},
                                                {QStringLiteral("rejected_lines"), int(list.rejected.size())},
                                                {QStringLiteral("message"), summary.text()}});
                            } else {
                                (summary.ok() ? m_out : m_err) << summary.text() << '\n';
                            }
                            m_hooks.done(summary.ok() ? Cli::ExitOk : Cli::ExitApiError);
                        });
                batcher->start(id,
                               add ? models::MembershipBatcher::Action::Add
                                   : models::MembershipBatcher::Action::Remove,
                               *type, list.ids);
            });
        });
}

} // namespace

void Cli::segmentsCommand(const QStringList &words)
{
    SegmentOptions options{m_manage.name, m_manage.description, m_manage.idType, m_manage.yes, m_json,
                           m_manage.encoding};
    SegmentCommands::Hooks hooks;
    hooks.usageError = [this](const QString &message) { usageError(message); };
    hooks.apiError = [this](const api::Error &error) { apiError(error); };
    hooks.done = [this](int code) { done(code); };
    hooks.printTable = [this](const QList<QStringList> &rows) { printTable(rows); };
    hooks.printJson = [this](const QJsonValue &value) { printJson(value); };
    hooks.parseId = [this](const QString &text, qint64 *id) { return parseId(text, id); };
    hooks.track = [this](SegmentCommands::TrackReady ready) {
        // Keys never come from arguments: the workspace's keychain entry, the demo's own, or the environment
        // (given to the session when it was made).
        if (!m_demo && m_workspaceName.isEmpty() &&
            (qEnvironmentVariable("CIO_TRACK_SITE_ID").trimmed().isEmpty() ||
             qEnvironmentVariable("CIO_TRACK_API_KEY").trimmed().isEmpty())) {
            return usageError(
                tr("No Track API credential: set the environment variables CIO_TRACK_SITE_ID and "
                   "CIO_TRACK_API_KEY (keys are never accepted as arguments), or use --workspace."));
        }
        using Problem = models::WorkspaceSession::TrackProblem;
        m_session->withTrack(this, [this, ready](api::TrackApi *track, Problem problem, const QString &detail) {
            if (problem == Problem::NoCredential) {
                m_err << tr("Workspace “%1” has no Track API credential. Adding or removing people needs the "
                            "Track API site id and key: add them in the app's workspace settings.")
                             .arg(m_workspaceName)
                      << '\n';
                return done(ExitApiError);
            }
            if (problem == Problem::KeyUnreadable || !track) {
                m_err << tr("The Track API key could not be read: %1").arg(detail.isEmpty() ? tr("it is empty.") : detail)
                      << '\n';
                return done(ExitApiError);
            }
            ready(track);
        });
    };
    auto *commands = new SegmentCommands(m_client, m_out, m_err, options, std::move(hooks), this);
    commands->run(words);
}

void Cli::addSegmentCommands()
{
    addCommand({{QStringLiteral("segments"), QStringLiteral("list")}, {}, tr("the workspace's segments"), {},
                true, 0, 0, [this](const QStringList &) { segmentsList(); }});
    const auto command = [this](const QStringList &words) { segmentsCommand(words); };
    const auto byId = [&](const QString &action, const QString &help, const QStringList &options = {}) {
        addCommand({{QStringLiteral("segments"), action}, QStringLiteral("ID"), help, options, true, -1, -1, command});
    };
    byId(QStringLiteral("show"), tr("a segment's details"));
    byId(QStringLiteral("count"), tr("a segment's member count"));
    byId(QStringLiteral("members"), tr("every member of a segment, one identifier a line (all pages)"));
    byId(QStringLiteral("used-by"), tr("the campaigns and newsletters that use a segment"));
    addCommand({{QStringLiteral("segments"), QStringLiteral("create")},
                QStringLiteral("--name NAME [--description TEXT]"),
                tr("create a manual segment; prints its id (--json: the segment)"),
                {QStringLiteral("name"), QStringLiteral("description")}, true, -1, -1, command});
    addCommand({{QStringLiteral("segments"), QStringLiteral("delete")}, QStringLiteral("ID [--yes]"),
                tr("delete a segment after showing what uses it"), {QStringLiteral("yes")}, true, -1, -1, command});
    const QString membersHelp =
        tr("the people listed in FILE (one a line or a CSV column; - for standard input), in batches of 1,000 "
           "through the Track API; its site id and key come from --workspace or CIO_TRACK_SITE_ID and "
           "CIO_TRACK_API_KEY");
    const QStringList membersOptions{QStringLiteral("id-type"), QStringLiteral("encoding")};
    addCommand({{QStringLiteral("segments"), QStringLiteral("add-members")},
                QStringLiteral("ID --id-type id|email|cio_id FILE"), tr("add %1").arg(membersHelp), membersOptions,
                true, -1, -1, command});
    addCommand({{QStringLiteral("segments"), QStringLiteral("remove-members")},
                QStringLiteral("ID --id-type id|email|cio_id FILE"), tr("remove %1").arg(membersHelp),
                membersOptions, true, -1, -1, command});
}

} // namespace cio::app

#include "segments.moc"
