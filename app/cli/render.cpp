// cio-studio-cli render and qa: Customer.io Liquid through the same engine as the app (liquidjs in a
// headless WebEngine page, run offscreen) and the same quality checks.
#include "app/cli/cli.h"

#include "api/appapi.h"
#include "app/demosandbox.h"
#include "liquid/liquidengine.h"
#include "models/common/textfile.h"
#include "models/preview/sampledata.h"
#include "models/store/localstore.h"
#include "models/variants/variantaddress.h"
#include "models/variants/variantmatrix.h"
#include "models/workspacesession.h"
#include "qa/qarunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace cio::app {

namespace {

QJsonObject errorJson(const QString &field, const liquid::LiquidError &e)
{
    return {{QStringLiteral("field"), field},
            {QStringLiteral("kind"), e.kind},
            {QStringLiteral("line"), e.line},
            {QStringLiteral("column"), e.column},
            {QStringLiteral("message"), e.message}};
}

// "body:3:7", or the field alone when the finding has no place.
QString findingPlace(const qa::Finding &f)
{
    return f.line > 0 ? QStringLiteral("%1:%2:%3").arg(f.field).arg(f.line).arg(f.column) : f.field;
}

QJsonObject findingJson(const qa::Finding &f)
{
    return {{QStringLiteral("level"), qa::levelName(f.level)},
            {QStringLiteral("check"), f.check},
            {QStringLiteral("field"), f.field},
            {QStringLiteral("line"), f.line},
            {QStringLiteral("column"), f.column},
            {QStringLiteral("message"), f.message}};
}

} // namespace

void Cli::addRenderOptions()
{
    addOption({QStringLiteral("data"),
                      tr("render, qa: sample data, a JSON file with customer, event and trigger members "
                         "(default: the workspace's default sample-data set)."),
                      tr("file")});
    addOption({QStringLiteral("template"),
                      tr("render: any Liquid text from a file (- for standard input)."), tr("file")});
    addOption(
        {QStringLiteral("lax"), tr("render: undefined variables render blank instead of failing.")});
}

void Cli::readRenderOptions(const QCommandLineParser &parser)
{
    m_render.dataFile = parser.value(QStringLiteral("data"));
    m_render.templateFile = parser.value(QStringLiteral("template"));
    m_render.lax = parser.isSet(QStringLiteral("lax"));
}

bool Cli::loadSampleData(liquid::JsonData *data)
{
    if (!m_render.dataFile.isEmpty()) {
        const models::TextFile file = models::TextFiles::read(m_render.dataFile, m_manage.encoding);
        if (!file.ok()) {
            m_err << file.error << '\n';
            done(ExitUsage);
            return false;
        }
        models::SampleDataProblem problem;
        const auto parsed = models::parseSampleData(file.text, &problem);
        if (!parsed) {
            m_err << tr("%1 is not usable sample data: %2").arg(m_render.dataFile, problem.message) << '\n';
            done(ExitUsage);
            return false;
        }
        *data = *parsed;
        return true;
    }
    // The workspace's default set, as the app would preview with; the demo's come with it.
    models::LocalStore store;
    const QString path =
        storePath(m_workspaceName, m_demo != nullptr, m_client->settings().effectiveBaseUrl());
    if (!store.open(path))
        return true; // no store yet: render with no data
    if (m_demo) {
        QFile seed(QStringLiteral(":/demo/customers.json"));
        if (seed.open(QIODevice::ReadOnly))
            models::ensureSampleSets(&store, models::sampleSetsFromJson(seed.readAll()));
    }
    if (const auto set = store.defaultSampleSet())
        *data = set->data;
    return true;
}

void Cli::withSnippets(std::function<void(const QHash<QString, QString> &)> then)
{
    api::AppApi(m_client).snippets(this,
                                   [this, then](const QList<api::Snippet> &list, const api::Error &error) {
                                       if (error.isError())
                                           return apiError(error);
                                       QHash<QString, QString> snippets;
                                       for (const api::Snippet &s : list)
                                           snippets.insert(s.name, s.value);
                                       then(snippets);
                                   });
}

void Cli::render(const QStringList &words)
{
    liquid::JsonData data;
    if (!loadSampleData(&data))
        return;
    if (!m_render.templateFile.isEmpty()) {
        if (words.size() != 1)
            return usageError(tr("render --template takes no newsletter or variant."));
        const models::TextFile file = models::TextFiles::read(m_render.templateFile, m_manage.encoding);
        if (!file.ok()) {
            m_err << file.error << '\n';
            return done(ExitUsage);
        }
        const QString text = file.text;
        withSnippets([this, text, data](const QHash<QString, QString> &snippets) {
            renderParts({{QStringLiteral("template"), text}}, data, snippets);
        });
        return;
    }
    if (words.size() != 3)
        return usageError(tr("“render” needs a newsletter id and a variant, or --template FILE."));
    loadVariant(
        words.at(1), words.at(2),
        [this, data](const models::VariantAddress &, const api::Content &c, const QList<api::TestGroup> &) {
            withSnippets([this, c, data](const QHash<QString, QString> &snippets) {
                renderParts({{QStringLiteral("subject"), c.subject},
                             {QStringLiteral("preheader"), c.preheaderText},
                             {QStringLiteral("body"), c.body}},
                            data, snippets);
            });
        });
}

void Cli::renderParts(const QList<QPair<QString, QString>> &parts, const liquid::JsonData &data,
                      const QHash<QString, QString> &snippets)
{
    QList<liquid::LiquidEngine::RenderRequest> requests;
    for (const auto &part : parts)
        requests.append({part.second, data, snippets, !m_render.lax});
    m_session->liquid()->renderMany(
        requests, this, [this, parts](const QList<liquid::RenderResult> &results) {
            QJsonArray errors;
            QJsonObject json;
            for (int i = 0; i < results.size(); ++i) {
                json.insert(parts.at(i).first, results.at(i).output);
                for (const liquid::LiquidError &e : results.at(i).errors) {
                    errors.append(errorJson(parts.at(i).first, e));
                    if (!m_json)
                        m_err << parts.at(i).first << ": " << e.toString() << '\n';
                }
            }
            if (m_json) {
                json.insert(QStringLiteral("ok"), errors.isEmpty());
                json.insert(QStringLiteral("errors"), errors);
                printJson(json);
            } else if (errors.isEmpty()) {
                for (int i = 0; i < results.size(); ++i) {
                    const QString &name = parts.at(i).first;
                    if (name == QLatin1String("subject"))
                        m_out << tr("Subject: %1").arg(results.at(i).output) << '\n';
                    else if (name == QLatin1String("preheader"))
                        m_out << tr("Preheader: %1").arg(results.at(i).output) << "\n\n";
                    else
                        m_out << results.at(i).output;
                }
            }
            done(errors.isEmpty() ? ExitOk : ExitApiError);
        });
}

void Cli::withQaRunner(const liquid::JsonData &data,
                       std::function<void(qa::QaRunner *, const qa::QaContext &)> then)
{
    withSnippets([this, data, then](const QHash<QString, QString> &snippets) {
        qa::QaContext context;
        context.sampleData = data;
        context.snippets = snippets;
        context.strict = !m_render.lax;
        then(new qa::QaRunner(m_session->liquid(), this), context);
    });
}

void Cli::qaCommand(const QStringList &words)
{
    if (words.size() != 2)
        return usageError(tr("“qa” needs a newsletter id."));
    qint64 id = 0;
    if (!parseId(words.at(1), &id))
        return;
    liquid::JsonData data;
    if (!loadSampleData(&data))
        return;
    loadNewsletterVariants(id, [=](const QList<api::Content> &contents, const QList<api::TestGroup> &groups) {
        withQaRunner(data, [=](qa::QaRunner *runner, const qa::QaContext &context) {
            runner->checkNewsletter(contents, groups, context, this,
                                    [=](const QHash<qint64, QList<qa::Finding>> &findings) {
                                        runner->deleteLater();
                                        printFindings(contents, groups, findings);
                                    });
        });
    });
}

void Cli::printFindings(const QList<api::Content> &contents, const QList<api::TestGroup> &groups,
                        const QHash<qint64, QList<qa::Finding>> &findings)
{
    int errors = 0;
    int warnings = 0;
    QJsonArray variants;
    for (const api::Content &c : contents) {
        const QList<qa::Finding> list = findings.value(c.id);
        errors += qa::errorCount(list);
        warnings += qa::warningCount(list);
        const QString where = models::VariantAddress::forVariant(c, groups).describe();
        if (m_json) {
            QJsonArray items;
            for (const qa::Finding &f : list)
                items.append(findingJson(f));
            variants.append(QJsonObject{{QStringLiteral("content_id"), c.id},
                                        {QStringLiteral("language"), c.language},
                                        {QStringLiteral("variant"), where},
                                        {QStringLiteral("findings"), items}});
            continue;
        }
        if (list.isEmpty())
            continue;
        m_out << tr("Variant %1 (%2, %3)")
                     .arg(c.id)
                     .arg(c.language.isEmpty() ? tr("Default") : c.language, where)
              << '\n';
        for (const qa::Finding &f : list) {
            m_out << "  " << qa::levelName(f.level).leftJustified(8) << findingPlace(f).leftJustified(18) << ' '
                  << f.message << " [" << f.check << "]\n";
        }
    }
    if (m_json) {
        printJson(QJsonObject{{QStringLiteral("errors"), errors},
                              {QStringLiteral("warnings"), warnings},
                              {QStringLiteral("variants"), variants}});
    } else {
        m_out << tr("%n error(s)", nullptr, errors) << ", " << tr("%n warning(s)", nullptr, warnings) << ' '
              << tr("in %n variant(s)", nullptr, int(contents.size())) << '\n';
    }
    done(errors > 0 ? ExitApiError : ExitOk);
}

void Cli::qaGate(qint64 newsletterId, const api::Content &original, const api::Content &edited,
                 std::function<void()> proceed)
{
    if (m_variantEdit.ignoreQa)
        return proceed();
    liquid::JsonData data;
    if (!loadSampleData(&data))
        return;
    // The same checks as the editor's Save: the edited variant against the Default of its test group.
    loadNewsletterVariants(newsletterId, [=](QList<api::Content> contents, const QList<api::TestGroup> &groups) {
        for (api::Content &c : contents) {
            if (c.id == edited.id)
                c = edited;
        }
        const models::VariantMatrix matrix = models::VariantMatrix::build(contents, groups);
        std::optional<api::Content> defaultVariant;
        for (int row = 0; row < matrix.rowCount(); ++row) {
            for (int column = 0; column < matrix.columnCount(); ++column) {
                const std::optional<api::Content> &c = matrix.cell(row, column).content;
                if (c && c->id == edited.id)
                    defaultVariant = matrix.defaultOf(row);
            }
        }
        withQaRunner(data, [=](qa::QaRunner *runner, const qa::QaContext &context) {
            // The server's version first: errors it already has are reported, and only those the edit
            // brings in stop the save (a script changing a subject is not blocked by an old body problem).
            runner->checkVariant(original, defaultVariant, context, this, [=](const QList<qa::Finding> &before) {
                runner->checkVariant(edited, defaultVariant, context, this, [=](const QList<qa::Finding> &after) {
                    runner->deleteLater();
                    QMultiHash<QString, int> existing;
                    for (const qa::Finding &f : before)
                        existing.insert(f.check + QLatin1Char('\n') + f.field + QLatin1Char('\n') + f.message, 0);
                    int introduced = 0;
                    for (const qa::Finding &f : after) {
                        if (f.level == qa::Level::Info)
                            continue;
                        const QString key = f.check + QLatin1Char('\n') + f.field + QLatin1Char('\n') + f.message;
                        const bool wasThere = existing.contains(key);
                        if (wasThere)
                            existing.remove(key, 0); // one of them: a second copy is new
                        if (f.level == qa::Level::Error && !wasThere)
                            ++introduced;
                        m_err << qa::levelName(f.level) << ' ' << findingPlace(f) << ": " << f.message
                              << (wasThere ? tr(" (already in the saved version)") : QString()) << '\n';
                    }
                    if (introduced == 0)
                        return proceed();
                    m_err << tr("Nothing was saved: your change brings in %n quality-check error(s). Correct "
                                "them, or add --ignore-qa to save anyway.",
                                nullptr, introduced)
                          << '\n';
                    done(ExitApiError);
                });
            });
        });
    });
}

void Cli::addRenderCommands()
{
    addCommand({{QStringLiteral("render")},
                QStringLiteral("NEWSLETTER_ID VARIANT | --template FILE  [--data FILE] [--lax]"),
                tr("the variant's subject, preheader and body rendered with Customer.io Liquid, or any Liquid "
                   "text of a file with the workspace's snippets (errors with line and column: exit code 1)"),
                {QStringLiteral("template"), QStringLiteral("data"), QStringLiteral("lax"), QStringLiteral("encoding")},
                true, -1, -1, [this](const QStringList &words) { render(words); }});
    addCommand({{QStringLiteral("qa")}, QStringLiteral("NEWSLETTER_ID"),
                tr("the quality checks of every variant (exit code 1 on errors)"),
                {QStringLiteral("data"), QStringLiteral("lax")}, true, -1, -1,
                [this](const QStringList &words) { qaCommand(words); }});
}

} // namespace cio::app
