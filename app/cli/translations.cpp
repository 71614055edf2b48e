// cio-studio-cli translations export|import: the translation exchange (models/translation/) for scripts and
// translators' pipelines, with the same checks as the app: a file with one problem pushes nothing, and the
// pushes go through the same saves (conflict re-read, snapshot, rate limit) and quality gate.
#include "app/cli/cli.h"

#include "api/appapi.h"
#include "app/cli/terminaltext.h"
#include "models/store/localstore.h"
#include "models/translation/exchange.h"
#include "models/variants/variantmatrix.h"
#include "models/variants/variantsaver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <cstdio>
#include <memory>

namespace cio::app {

using namespace models::translation;

namespace {

QJsonObject documentJson(const ExportDocument &doc, const QString &path)
{
    return {{QStringLiteral("file"), path},
            {QStringLiteral("language"), doc.language},
            {QStringLiteral("test_group"), doc.groupLabel},
            {QStringLiteral("default_content_id"), doc.defaultContentId},
            {QStringLiteral("content_id"), doc.contentId},
            {QStringLiteral("units"), int(doc.file.units.size())},
            {QStringLiteral("translated"), doc.translated},
            {QStringLiteral("needs_review"), doc.needsReview},
            {QStringLiteral("untranslated"), doc.untranslated}};
}

} // namespace

void Cli::addTranslationOptions()
{
    addOption({QStringLiteral("lang"),
               tr("translations export: the target languages, comma-separated (default: every language)."),
               tr("codes")});
    addOption({QStringLiteral("format"),
               tr("translations export: xliff2 (XLIFF 2.0, default), xliff12 (XLIFF 1.2) or csv (for "
                  "spreadsheets)."),
               tr("format")});
    addOption({{QStringLiteral("o"), QStringLiteral("output")},
               tr("translations export: the folder the files go to (default: the current folder)."),
               tr("folder")});
    addOption({QStringLiteral("dry-run"),
               tr("translations import: check the files and show what would change; push nothing.")});
}

void Cli::readTranslationOptions(const QCommandLineParser &parser)
{
    m_translation.languages.clear();
    for (const QString &code :
         parser.value(QStringLiteral("lang")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        m_translation.languages.append(code.trimmed());
    m_translation.format = parser.value(QStringLiteral("format")).trimmed().toLower();
    m_translation.output = parser.value(QStringLiteral("output"));
    m_translation.dryRun = parser.isSet(QStringLiteral("dry-run"));
}

void Cli::translationsExport(const QStringList &ids)
{
    ExchangeFormat version = ExchangeFormat::Xliff20;
    if (m_translation.format == QLatin1String("xliff12") || m_translation.format == QLatin1String("xliff1.2"))
        version = ExchangeFormat::Xliff12;
    else if (m_translation.format == QLatin1String("csv"))
        version = ExchangeFormat::Csv;
    else if (!m_translation.format.isEmpty() && m_translation.format != QLatin1String("xliff2") &&
             m_translation.format != QLatin1String("xliff"))
        return usageError(tr("Unknown format “%1”: use xliff2, xliff12 or csv.").arg(m_translation.format));
    QList<qint64> newsletterIds;
    for (const QString &text : ids) {
        qint64 id = 0;
        if (!parseId(text, &id))
            return usageError(tr("“%1” is not a newsletter id.").arg(text));
        newsletterIds.append(id);
    }
    const QString folder = m_translation.output.isEmpty() ? QDir::currentPath() : m_translation.output;
    if (!QFileInfo(folder).isDir())
        return usageError(tr("The folder “%1” does not exist.").arg(folder));
    auto written = std::make_shared<QJsonArray>();
    exportNext(newsletterIds, 0, version, folder, written);
}

void Cli::exportNext(const QList<qint64> &ids, int index, ExchangeFormat version, const QString &folder,
                     const std::shared_ptr<QJsonArray> &written)
{
    if (index >= ids.size()) {
        if (m_json)
            printJson(*written);
        return done(written->isEmpty() ? ExitApiError : ExitOk);
    }
    const qint64 id = ids.at(index);
    api::AppApi(m_client).newsletter(
        id, this, [=](const api::Newsletter &newsletter, const api::Error &error) {
            if (error.isError())
                return apiError(error);
            loadNewsletterVariants(id, [=](const QList<api::Content> &contents,
                                           const QList<api::TestGroup> &groups) {
                const models::VariantMatrix matrix = models::VariantMatrix::build(contents, groups);
                ExportOptions options;
                options.newsletterId = id;
                options.newsletterName = newsletter.name;
                options.languages = m_translation.languages;
                const QList<ExportDocument> documents = exportDocuments(matrix, options);
                if (documents.isEmpty())
                    m_err << tr("Newsletter %1 has no translation in %2.")
                                 .arg(id)
                                 .arg(m_translation.languages.isEmpty()
                                          ? tr("any language")
                                          : m_translation.languages.join(QLatin1String(", ")))
                          << '\n';
                for (const ExportDocument &doc : documents) {
                    if (doc.file.units.isEmpty())
                        m_err << tr("Newsletter %1, %2: nothing to translate.").arg(id).arg(doc.language)
                              << '\n';
                }
                const ExportResult saved = saveExport(documents, version, folder, matrix.rowCount() > 1);
                for (const WrittenFile &f : saved.files) {
                    const ExportDocument &doc = f.document;
                    written->append(documentJson(doc, f.path));
                    if (!m_json)
                        m_out << tr("%1: %2%3, %n unit(s) (%4 translated, %5 to review, %6 to translate)",
                                    nullptr, int(doc.file.units.size()))
                                     .arg(f.path, doc.language,
                                          doc.groupLabel.isEmpty() ? QString()
                                                                   : QStringLiteral(", ") + doc.groupLabel)
                                     .arg(doc.translated)
                                     .arg(doc.needsReview)
                                     .arg(doc.untranslated)
                              << '\n';
                }
                if (!saved.error.isEmpty()) {
                    m_err << saved.error << '\n';
                    return done(ExitApiError);
                }
                exportNext(ids, index + 1, version, folder, written);
            });
        });
}

void Cli::translationsImport(const QStringList &paths)
{
    // Every file is read and parsed before anything is fetched: a bad one stops the whole import.
    const LoadResult loaded = loadImportFiles(paths);
    if (!loaded.error.isEmpty()) {
        m_err << tr("%1 Nothing was imported.").arg(loaded.error) << '\n';
        return done(ExitApiError);
    }
    const QList<LoadedFile> files = loaded.files;
    auto plans = std::make_shared<QList<std::pair<QString, ImportedVariant>>>();
    planNext(files, 0, plans);
}

void Cli::planNext(const QList<LoadedFile> &files, int index,
                   const std::shared_ptr<QList<std::pair<QString, ImportedVariant>>> &plans)
{
    if (index >= files.size())
        return reviewImport(*plans);
    const LoadedFile &f = files.at(index);
    loadNewsletterVariants(
        f.newsletterId, [=](const QList<api::Content> &contents, const QList<api::TestGroup> &groups) {
            const ImportPlan plan =
                planImport(f.file, models::VariantMatrix::build(contents, groups), f.newsletterId);
            if (!plan.variant) {
                m_err << tr("%1: %2").arg(f.path, plan.error) << '\n';
                return done(ExitApiError);
            }
            m_importGroups.insert(f.newsletterId, groups);
            plans->append({f.path, *plan.variant});
            planNext(files, index + 1, plans);
        });
}

void Cli::reviewImport(const QList<std::pair<QString, ImportedVariant>> &plans)
{
    QList<ImportedVariant> changed;
    QJsonArray report;
    for (const auto &[path, v] : plans) {
        QStringList fields;
        for (auto it = v.changes.constBegin(); it != v.changes.constEnd(); ++it)
            fields.append(models::VariantSaver::fieldLabel(it.key()));
        report.append(QJsonObject{{QStringLiteral("file"), path},
                                  {QStringLiteral("newsletter_id"), v.current.newsletterId},
                                  {QStringLiteral("content_id"), v.current.id},
                                  {QStringLiteral("language"), v.language},
                                  {QStringLiteral("test_group"), v.groupLabel},
                                  {QStringLiteral("units"), v.units},
                                  {QStringLiteral("translated"), v.unitsTranslated},
                                  {QStringLiteral("changes"), QJsonArray::fromStringList(v.changes.keys())},
                                  {QStringLiteral("notes"), QJsonArray::fromStringList(v.notes)}});
        if (!m_json) {
            m_out << tr("%1: %2%3, %4 of %n unit(s) translated; %5", nullptr, v.units)
                         .arg(path, v.language,
                              v.groupLabel.isEmpty() ? QString() : QStringLiteral(", ") + v.groupLabel)
                         .arg(v.unitsTranslated)
                         .arg(fields.isEmpty() ? tr("no change")
                                               : tr("changes %1").arg(fields.join(QLatin1String(", "))))
                  << '\n';
            for (const QString &note : v.notes)
                m_out << "  " << note << '\n';
        }
        if (!v.changes.isEmpty())
            changed.append(v);
    }
    if (m_translation.dryRun || changed.isEmpty()) {
        if (m_json)
            printJson(QJsonObject{{QStringLiteral("dry_run"), m_translation.dryRun},
                                  {QStringLiteral("files"), report}});
        else if (changed.isEmpty())
            m_out << tr("Nothing to push: the workspace already has these translations.") << '\n';
        return done();
    }
    if (m_client->settings().readOnly) {
        m_err << tr("This workspace is read-only: the import cannot change anything in it, and nothing was "
                    "sent.")
              << '\n';
        return done(ExitApiError);
    }
    if (!m_manage.yes) {
        if (!isTerminal(stdin))
            return usageError(
                tr("This changes %n variant(s); add --yes to push the changes (or --dry-run to only check).",
                   nullptr, int(changed.size())));
        m_err << tr("Push the changes to %n variant(s)? [y/N] ", nullptr, int(changed.size()));
        m_err.flush();
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly) || !in.readLine().trimmed().toLower().startsWith('y')) {
            m_err << tr("Nothing was pushed.") << '\n';
            return done();
        }
    }
    qaThenPush(changed, 0);
}

// The editor's quality gate for each variant in turn (its errors stop the whole import), then one batch.
void Cli::qaThenPush(const QList<ImportedVariant> &variants, int index)
{
    if (index < variants.size()) {
        const ImportedVariant &v = variants.at(index);
        api::Content edited = v.current;
        for (auto it = v.changes.constBegin(); it != v.changes.constEnd(); ++it) {
            const QString text = it.value().toString();
            if (it.key() == QLatin1String("subject"))
                edited.subject = text;
            else if (it.key() == QLatin1String("preheader_text"))
                edited.preheaderText = text;
            else if (it.key() == QLatin1String("body"))
                edited.body = text;
            else if (it.key() == QLatin1String("body_plain"))
                edited.bodyPlain = text;
        }
        return qaGate(v.current.newsletterId, v.current, edited, [=] { qaThenPush(variants, index + 1); });
    }
    QList<models::SaveRequest> requests;
    for (const ImportedVariant &v : variants)
        requests += saveRequests({v}, m_importGroups.value(v.current.newsletterId));
    // The snapshots taken before each save go to the workspace's local store, as in the app.
    const QString storeFile =
        storePath(m_workspaceName, m_demo != nullptr, m_client->settings().effectiveBaseUrl());
    auto *store = new models::LocalStore(this);
    QString storeError;
    if (!store->open(storeFile, &storeError)) {
        m_err
            << tr("Nothing was pushed: the local store %1 could not be opened to keep a copy of the current "
                  "versions first (%2).")
                   .arg(storeFile, storeError)
            << '\n';
        return done(ExitApiError);
    }
    auto *saver = new models::VariantSaver(m_client, store, this);
    if (!m_json && isTerminal(stderr))
        connect(saver, &models::VariantSaver::progress, this, [this](int doneCount, int total) {
            m_err << '\r' << tr("Pushing: %1/%2").arg(doneCount).arg(total);
            if (doneCount == total)
                m_err << '\n';
            m_err.flush();
        });
    saver->saveAll(requests, this, [=](const QList<models::SaveResult> &results) {
        QJsonArray out;
        int failed = 0;
        for (int i = 0; i < results.size(); ++i) {
            const models::SaveResult &r = results.at(i);
            const bool ok = r.isSaved() || r.status == models::SaveResult::Status::NothingToSave;
            failed += ok ? 0 : 1;
            out.append(QJsonObject{{QStringLiteral("content_id"), r.contentId},
                                   {QStringLiteral("address"), requests.at(i).address.path()},
                                   {QStringLiteral("saved"), ok},
                                   {QStringLiteral("message"), r.message}});
            if (!m_json)
                m_out << (ok ? tr("Saved %1.").arg(requests.at(i).address.describe())
                             : tr("Not saved: %1: %2").arg(requests.at(i).address.describe(), r.message))
                      << '\n';
        }
        if (m_json)
            printJson(QJsonObject{{QStringLiteral("results"), out}});
        done(failed ? ExitApiError : ExitOk);
    });
}

void Cli::addTranslationCommands()
{
    addCommand(
        {{QStringLiteral("translations"), QStringLiteral("export")},
         QStringLiteral("NEWSLETTER… [--lang de,fr] [--format xliff2|xliff12|csv] [-o FOLDER]"),
         tr("write one XLIFF file per target language (and A/B test group) of each newsletter: subject, "
            "preheader and bodies split into units, markup and Liquid as protected codes, current "
            "translations filled in (outdated ones marked for review)"),
         {QStringLiteral("lang"), QStringLiteral("format"), QStringLiteral("output")},
         true,
         1,
         -1,
         [this](const QStringList &words) { translationsExport(words.mid(2)); }});
    addCommand(
        {{QStringLiteral("translations"), QStringLiteral("import")},
         QStringLiteral("FILE… [--dry-run] [--yes]"),
         tr("read translated XLIFF files back: every unit checked (codes intact, source unchanged, right "
            "newsletter and language) before anything is pushed; prints what changes per language, then "
            "pushes the changed variants through the same checks and saves as the app"),
         {QStringLiteral("dry-run"), QStringLiteral("yes"), QStringLiteral("ignore-qa")},
         true,
         1,
         -1,
         [this](const QStringList &words) { translationsImport(words.mid(2)); }});
}

} // namespace cio::app
