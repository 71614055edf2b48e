#pragma once

#include "api/dto.h"
#include "models/translation/xliff.h"
#include "models/variants/variantsaver.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The translation exchange below the GUI and the CLI: which documents an export of a newsletter makes
// (one per target language and A/B test group, targets pre-filled from the current translations), and
// what importing one back would change (checked unit by unit first: nothing is pushed from a file with
// a single problem). Pure: the caller fetches the variants and pushes the changes (VariantSaver::saveAll).
namespace cio::models {
class VariantMatrix;
}

namespace cio::models::translation {

// The fields a translator translates (API names), in the order a file lists them.
QStringList exchangeFields();
FieldFormat formatOf(const QString &field);
QString fieldText(const api::Content &content, const QString &field);

// What an export writes: XLIFF 2.0 (the default), XLIFF 1.2, or CSV for spreadsheets (csvexchange.h).
enum class ExchangeFormat
{
    Xliff20,
    Xliff12,
    Csv,
};

struct ExportOptions final
{
    qint64 newsletterId = 0;
    QString newsletterName;
    QStringList languages; // the target languages; empty: every translation language of the newsletter
    QString sourceLanguage = QStringLiteral("en"); // the Default's language, as the file names it
};

struct ExportDocument final
{
    QString language;
    QString groupLabel; // the A/B test group ("" without a test)
    qint64 defaultContentId = 0;
    qint64 contentId = 0; // the translation's; 0 when the language is missing in this group
    ExchangeFile file;
    int translated = 0;
    int needsReview = 0;
    int untranslated = 0;

    // "newsletter-212-de.xlf" ("….csv"), "newsletter-212-content-2320-de.xlf" with several test groups.
    QString fileName(ExchangeFormat format, bool severalGroups) const;
};

// One document for each target language of each test group that has a Default. A translation whose units
// line up with the Default's (the same units, each with the same codes) pre-fills the targets: translated,
// or needing review where the Default changed after it; an untranslated or missing one leaves them empty.
QList<ExportDocument> exportDocuments(const VariantMatrix &matrix, const ExportOptions &options);

struct ImportedVariant final
{
    QString language;
    QString groupLabel;
    api::Content current; // the translation as it is now
    QJsonObject changes;  // field (API name) → its new text; empty when the file changes nothing
    QStringList notes;    // for the reviewer: where the file's text was placed into the Default's markup
    int units = 0;
    int unitsTranslated = 0;
};

struct ImportPlan final
{
    std::optional<ImportedVariant> variant;
    QString error; // why nothing of the file can be used, naming the unit; empty when `variant` is set
};

// What importing `file` into newsletter `newsletterId` would change. Refused as a whole: a file for
// another newsletter or a language it does not have, units missing or added, a source that no longer
// reads as the Default does (it changed since the export), a target whose codes are lost, doubled or
// crossed, or Liquid typed as text. A field is rebuilt on the translation's own markup when its units
// line up with the Default's, else on the Default's markup (noted). Importing the same file again
// changes nothing.
ImportPlan planImport(const ExchangeFile &file, const VariantMatrix &matrix, qint64 newsletterId);

// Writing an export to a folder (each file complete or not there at all) and reading files back for an
// import: the same for the window and the CLI.
struct WrittenFile final
{
    QString path;
    ExportDocument document;
};

struct ExportResult final
{
    QList<WrittenFile> files;
    QString error; // the first file that could not be written (those before it stay)
};

ExportResult saveExport(const QList<ExportDocument> &documents, ExchangeFormat format, const QString &folder,
                        bool severalGroups);

struct LoadedFile final
{
    QString path;
    qint64 newsletterId = 0;
    ExchangeFile file;
};

struct LoadResult final
{
    QList<LoadedFile> files;
    QString error; // names the file and what is wrong with it; `files` is empty then
};

// Reads and parses every file (XLIFF, or CSV by its name or its first row); any that cannot be read, is
// not one of ours, is huge or was not exported by cio-studio fails the whole load.
LoadResult loadImportFiles(const QStringList &paths);

// The saves that push `variants` (those with changes) through VariantSaver::saveAll.
QList<SaveRequest> saveRequests(const QList<ImportedVariant> &variants, const QList<api::TestGroup> &groups);

} // namespace cio::models::translation
