#include "models/translation/exchange.h"

#include "models/common/textfile.h"
#include "models/translation/csvexchange.h"

#include "models/variants/variantaddress.h"
#include "models/variants/variantmatrix.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>

namespace cio::models::translation {

namespace {

struct Exchange final
{
    Q_DECLARE_TR_FUNCTIONS(Exchange)
};

QString original(qint64 newsletterId, qint64 defaultContentId)
{
    return QStringLiteral("customerio:newsletters/%1/contents/%2").arg(newsletterId).arg(defaultContentId);
}

QString fieldLabel(const QString &field)
{
    if (field == QLatin1String("subject"))
        return Exchange::tr("Subject");
    if (field == QLatin1String("preheader_text"))
        return Exchange::tr("Preheader");
    if (field == QLatin1String("body"))
        return Exchange::tr("HTML body");
    return Exchange::tr("Plain-text body");
}

QString unitNote(const QString &field, UnitKind kind)
{
    switch (kind) {
    case UnitKind::AttributeAlt:
        return Exchange::tr("%1: the alternative text of an image").arg(fieldLabel(field));
    case UnitKind::AttributeTitle:
        return Exchange::tr("%1: the tooltip (title) of an element").arg(fieldLabel(field));
    case UnitKind::Text:
        break;
    }
    return fieldLabel(field);
}

QString date(qint64 secs)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(secs), QLocale::ShortFormat);
}

// The translation's units line up with the Default's: as many, of the same kinds, each with the same
// codes. Then a target for a Default unit is a target for the translation's unit of the same id.
bool linesUp(const Segmentation &defaultField, const Segmentation &translation)
{
    if (defaultField.units.size() != translation.units.size())
        return false;
    for (int i = 0; i < defaultField.units.size(); ++i) {
        const Unit &d = defaultField.units.at(i);
        const Unit &t = translation.units.at(i);
        if (d.kind != t.kind || !codeProblem(d, t.pieces).isEmpty())
            return false;
    }
    return true;
}

// Liquid typed as text would run as Liquid once rebuilt: only placeholders may carry it.
bool typesLiquid(const Pieces &pieces)
{
    for (const Piece &p : pieces) {
        if (!p.isCode() && (p.text.contains(QLatin1String("{{")) || p.text.contains(QLatin1String("{%"))))
            return true;
    }
    return false;
}

QString excerpt(const Pieces &pieces)
{
    QString text;
    for (const Piece &p : pieces)
        text += p.isCode() ? QStringLiteral("…") : p.text;
    text = text.simplified();
    return text.size() > 60 ? text.left(57) + QStringLiteral("…") : text;
}

int columnOf(const VariantMatrix &matrix, const QString &language)
{
    const QStringList &languages = matrix.languages();
    for (int c = 1; c < languages.size(); ++c) {
        if (languages.at(c).compare(language, Qt::CaseInsensitive) == 0 ||
            QString(languages.at(c))
                    .replace(QLatin1Char('_'), QLatin1Char('-'))
                    .compare(QString(language).replace(QLatin1Char('_'), QLatin1Char('-')),
                             Qt::CaseInsensitive) == 0)
            return c;
    }
    return -1;
}

} // namespace

QStringList exchangeFields()
{
    return {QStringLiteral("subject"), QStringLiteral("preheader_text"), QStringLiteral("body"),
            QStringLiteral("body_plain")};
}

FieldFormat formatOf(const QString &field)
{
    return field == QLatin1String("body") ? FieldFormat::Html : FieldFormat::Plain;
}

QString fieldText(const api::Content &content, const QString &field)
{
    if (field == QLatin1String("subject"))
        return content.subject;
    if (field == QLatin1String("preheader_text"))
        return content.preheaderText;
    if (field == QLatin1String("body"))
        return content.body;
    if (field == QLatin1String("body_plain"))
        return content.bodyPlain;
    return {};
}

QString ExportDocument::fileName(ExchangeFormat format, bool severalGroups) const
{
    const QString extension = format == ExchangeFormat::Csv ? QStringLiteral("csv") : QStringLiteral("xlf");
    QString safeLanguage = language;
    safeLanguage.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    const QString newsletter = file.original.section(QLatin1Char('/'), 1, 1);
    if (severalGroups)
        return QStringLiteral("newsletter-%1-content-%2-%3.%4")
            .arg(newsletter)
            .arg(defaultContentId)
            .arg(safeLanguage, extension);
    return QStringLiteral("newsletter-%1-%2.%3").arg(newsletter, safeLanguage, extension);
}

QList<ExportDocument> exportDocuments(const VariantMatrix &matrix, const ExportOptions &options)
{
    QList<ExportDocument> documents;
    for (int row = 0; row < matrix.rowCount(); ++row) {
        const std::optional<api::Content> defaultContent = matrix.defaultOf(row);
        if (!defaultContent)
            continue;
        for (int column = 1; column < matrix.columnCount(); ++column) {
            const QString language = matrix.languages().at(column);
            if (!options.languages.isEmpty() && !options.languages.contains(language, Qt::CaseInsensitive))
                continue;
            const MatrixCell cell = matrix.cell(row, column);
            ExportDocument doc;
            doc.language = language;
            doc.groupLabel = matrix.rowCount() > 1 ? matrix.rowLabel(row) : QString();
            doc.defaultContentId = defaultContent->id;
            doc.contentId = cell.content ? cell.content->id : 0;
            ExchangeFile &file = doc.file;
            file.id =
                QStringLiteral("newsletter-%1-content-%2").arg(options.newsletterId).arg(defaultContent->id);
            file.original = original(options.newsletterId, defaultContent->id);
            file.sourceLanguage = options.sourceLanguage;
            file.targetLanguage = language;
            file.notes.append(
                Exchange::tr("Newsletter %1: “%2”").arg(options.newsletterId).arg(options.newsletterName));
            if (!doc.groupLabel.isEmpty())
                file.notes.append(Exchange::tr("A/B test group: %1").arg(doc.groupLabel));
            const bool prefill =
                cell.content && (cell.status == CellStatus::Saved || cell.status == CellStatus::Outdated ||
                                 cell.status == CellStatus::Draft);
            if (!cell.content)
                file.notes.append(
                    Exchange::tr("There is no %1 variant in this group yet: add the language in "
                                 "cio-studio before importing the translation.")
                        .arg(language));
            const bool outdated = cell.status == CellStatus::Outdated;
            for (const QString &field : exchangeFields()) {
                const Segmentation source = segment(fieldText(*defaultContent, field), formatOf(field));
                std::optional<Segmentation> translation;
                if (prefill) {
                    Segmentation t = segment(fieldText(*cell.content, field), formatOf(field));
                    if (linesUp(source, t))
                        translation = t;
                    else if (!source.units.isEmpty())
                        file.notes.append(
                            Exchange::tr("%1: the translation's markup differs from the Default's, so "
                                         "its text is not filled in.")
                                .arg(fieldLabel(field)));
                }
                for (int i = 0; i < source.units.size(); ++i) {
                    const Unit &u = source.units.at(i);
                    ExchangeUnit e;
                    e.id = field + QLatin1Char('.') + u.id;
                    e.kind = u.kind;
                    e.source = u.pieces;
                    e.notes.append(unitNote(field, u.kind));
                    if (translation) {
                        e.target = translation->units.at(i).pieces;
                        e.state = outdated ? TargetState::NeedsReview : TargetState::Translated;
                        if (outdated)
                            e.notes.append(
                                Exchange::tr("The Default changed on %1, after this translation was "
                                             "saved on %2: check it still says the same.")
                                    .arg(date(cell.defaultChangedAt), date(cell.textsChangedAt)));
                    }
                    ++(e.target ? (outdated ? doc.needsReview : doc.translated) : doc.untranslated);
                    file.units.append(e);
                }
            }
            documents.append(doc);
        }
    }
    return documents;
}

ImportPlan planImport(const ExchangeFile &file, const VariantMatrix &matrix, qint64 newsletterId)
{
    ImportPlan plan;
    const auto refuse = [&plan](const QString &message) {
        plan.error = message;
        return plan;
    };
    static const QRegularExpression originalPattern(
        QStringLiteral("^customerio:newsletters/(\\d+)/contents/(\\d+)$"));
    const QRegularExpressionMatch m = originalPattern.match(file.original);
    if (!m.hasMatch())
        return refuse(
            Exchange::tr("This file was not exported by cio-studio (its origin “%1” names no newsletter).")
                .arg(file.original));
    if (m.captured(1).toLongLong() != newsletterId)
        return refuse(
            Exchange::tr("This file is for newsletter %1, not %2.").arg(m.captured(1)).arg(newsletterId));
    const qint64 defaultId = m.captured(2).toLongLong();
    int row = -1;
    for (int r = 0; r < matrix.rowCount(); ++r) {
        if (matrix.defaultOf(r) && matrix.defaultOf(r)->id == defaultId)
            row = r;
    }
    if (row < 0)
        return refuse(
            Exchange::tr("The variant this file was exported from (content %1) is no longer part of "
                         "newsletter %2.")
                .arg(defaultId)
                .arg(newsletterId));
    const int column = columnOf(matrix, file.targetLanguage);
    const MatrixCell cell = column < 0 ? MatrixCell() : matrix.cell(row, column);
    if (file.targetLanguage.isEmpty())
        return refuse(Exchange::tr("The file names no target language."));
    if (!cell.content)
        return refuse(
            Exchange::tr("Newsletter %1 has no %2 variant%3 yet: add the language in cio-studio, then "
                         "import the file again.")
                .arg(newsletterId)
                .arg(file.targetLanguage, matrix.rowCount() > 1
                                              ? Exchange::tr(" in test group %1").arg(matrix.rowLabel(row))
                                              : QString()));
    const api::Content defaultContent = *matrix.defaultOf(row);

    ImportedVariant variant;
    variant.language = matrix.languages().at(column);
    variant.groupLabel = matrix.rowCount() > 1 ? matrix.rowLabel(row) : QString();
    variant.current = *cell.content;
    QSet<QString> expected;
    for (const QString &field : exchangeFields()) {
        const Segmentation source = segment(fieldText(defaultContent, field), formatOf(field));
        const Segmentation translation = segment(fieldText(*cell.content, field), formatOf(field));
        const bool ownMarkup = linesUp(source, translation);
        QHash<QString, Pieces> targets;
        for (int index = 0; index < source.units.size(); ++index) {
            const Unit &u = source.units.at(index);
            const QString id = field + QLatin1Char('.') + u.id;
            expected.insert(id);
            const ExchangeUnit *e = file.unit(id);
            if (!e)
                return refuse(Exchange::tr("Unit “%1” is missing from the file: it is not the file that was "
                                           "exported, or the Default changed since. Export again.")
                                  .arg(id));
            const bool sameSource = e->codesAsText ? textWithCodes(e->source) == textWithCodes(u.pieces)
                                                   : samePieces(e->source, u.pieces);
            if (!sameSource)
                return refuse(
                    Exchange::tr("The Default changed since this file was exported: unit “%1” now reads "
                                 "“%2”. Export again and translate the new text.")
                        .arg(id, excerpt(u.pieces)));
            ++variant.units;
            if (!e->target)
                continue;
            Pieces target = *e->target;
            if (e->codesAsText) {
                // A CSV target shows the markup it was filled in with: the translation's own when it lines up
                // (its problems are the ones to report), else the Default's.
                const QString text = textWithCodes(*e->target);
                target = piecesFromText(text, ownMarkup ? translation.units.at(index) : u);
                if (ownMarkup && !codeProblem(u, target).isEmpty()) {
                    const Pieces asDefault = piecesFromText(text, u);
                    if (codeProblem(u, asDefault).isEmpty())
                        target = asDefault;
                }
            }
            if (const QString problem = codeProblem(u, target); !problem.isEmpty())
                return refuse(Exchange::tr("Unit “%1”: %2. Nothing was imported.").arg(id, problem));
            if (typesLiquid(target))
                return refuse(
                    Exchange::tr("Unit “%1” types Liquid as text ({{ or {%); Liquid must stay in its "
                                 "placeholders. Nothing was imported.")
                        .arg(id));
            ++variant.unitsTranslated;
            targets.insert(u.id, target);
        }
        if (targets.isEmpty())
            continue;
        const QString now = fieldText(*cell.content, field);
        const QString rebuilt = rebuild(ownMarkup ? translation : source, targets);
        if (!ownMarkup)
            variant.notes.append(
                Exchange::tr("%1: the %2 translation's markup differs from the Default's; the "
                             "imported text is placed into the Default's markup.")
                    .arg(fieldLabel(field), variant.language));
        if (rebuilt != now)
            variant.changes.insert(field, rebuilt);
    }
    for (const ExchangeUnit &e : file.units) {
        if (!expected.contains(e.id))
            return refuse(
                Exchange::tr("Unit “%1” is not in the newsletter's Default: it is not the file that "
                             "was exported, or the Default changed since. Export again.")
                    .arg(e.id));
    }
    plan.variant = variant;
    return plan;
}

ExportResult saveExport(const QList<ExportDocument> &documents, ExchangeFormat format, const QString &folder,
                        bool severalGroups)
{
    ExportResult result;
    if (!QFileInfo(folder).isDir()) {
        result.error = Exchange::tr("The folder “%1” does not exist.").arg(folder);
        return result;
    }
    for (const ExportDocument &doc : documents) {
        if (doc.file.units.isEmpty())
            continue;
        const QString path = QDir(folder).filePath(doc.fileName(format, severalGroups));
        const QByteArray data = format == ExchangeFormat::Csv ? writeCsv(doc.file)
                                : format == ExchangeFormat::Xliff12
                                    ? writeXliff(doc.file, XliffVersion::V1_2)
                                    : writeXliff(doc.file, XliffVersion::V2_0);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) < 0 || !file.commit()) {
            result.error = Exchange::tr("%1 could not be written: %2").arg(path, file.errorString());
            return result;
        }
        result.files.append({path, doc});
    }
    return result;
}

LoadResult loadImportFiles(const QStringList &paths)
{
    constexpr qint64 MaxBytes = 64 * 1024 * 1024;
    LoadResult result;
    const auto fail = [&result](const QString &message) {
        result.files.clear();
        result.error = message;
        return result;
    };
    static const QRegularExpression originalPattern(
        QStringLiteral("^customerio:newsletters/(\\d+)/contents/\\d+$"));
    for (const QString &path : paths) {
        const QString name = QFileInfo(path).fileName();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Exchange::tr("%1 cannot be read: %2").arg(name, file.errorString()));
        if (file.size() > MaxBytes)
            return fail(Exchange::tr(
                            "%1 is %2 MB; an XLIFF file of one newsletter is far smaller, so it is not read.")
                            .arg(name)
                            .arg(file.size() / (1024 * 1024)));
        const QByteArray data = file.readAll();
        XliffRead read;
        const QByteArray start = data.left(16);
        if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) || start.contains("#original")) {
            const models::TextFile text = models::TextFiles::decode(data, name);
            if (!text.ok())
                return fail(Exchange::tr("%1: %2").arg(name, text.error));
            read = readCsv(text.text);
        } else {
            read = readXliff(data);
        }
        if (!read.file)
            return fail(Exchange::tr("%1: %2").arg(name, read.error));
        const QRegularExpressionMatch m = originalPattern.match(read.file->original);
        if (!m.hasMatch())
            return fail(
                Exchange::tr("%1 was not exported by cio-studio (its origin “%2” names no newsletter).")
                    .arg(name, read.file->original));
        result.files.append({path, m.captured(1).toLongLong(), *read.file});
    }
    return result;
}

QList<SaveRequest> saveRequests(const QList<ImportedVariant> &variants, const QList<api::TestGroup> &groups)
{
    QList<SaveRequest> requests;
    for (const ImportedVariant &v : variants) {
        if (v.changes.isEmpty())
            continue;
        SaveRequest request;
        request.address = VariantAddress::forVariant(v.current, groups);
        request.base = v.current;
        request.changes = v.changes;
        requests.append(request);
    }
    return requests;
}

} // namespace cio::models::translation
