#include "models/translation/csvexchange.h"

#include <QCoreApplication>

#include <algorithm>

namespace cio::models::translation {

namespace {

struct Csv final
{
    Q_DECLARE_TR_FUNCTIONS(Csv)
};

const QStringList header{QStringLiteral("id"),     QStringLiteral("context"), QStringLiteral("source"),
                         QStringLiteral("target"), QStringLiteral("state"),   QStringLiteral("notes")};

QString quoted(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')) &&
        !field.contains(QLatin1Char(';')) && !field.contains(QLatin1Char('\t')))
        return field;
    return QLatin1Char('"') + QString(field).replace(QLatin1Char('"'), QLatin1String("\"\"")) +
           QLatin1Char('"');
}

QString row(const QStringList &fields)
{
    QStringList out;
    for (const QString &f : fields)
        out.append(quoted(f));
    return out.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

QString stateName(const ExchangeUnit &u)
{
    if (!u.target)
        return QStringLiteral("new");
    switch (u.state) {
    case TargetState::NeedsReview:
        return QStringLiteral("needs-review");
    case TargetState::Final:
        return QStringLiteral("final");
    default:
        return QStringLiteral("translated");
    }
}

QString contextOf(const ExchangeUnit &u)
{
    return u.notes.value(0);
}

// RFC 4180 records with `separator`; false with *error at an unclosed quote.
bool parseRecords(const QString &text, QChar separator, QList<QStringList> *records, int *badLine)
{
    QStringList record;
    QString field;
    bool inQuotes = false;
    bool fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == separator) {
            record.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            record.append(field);
            if (!(record.size() == 1 && record.first().isEmpty()))
                records->append(record);
            record.clear();
            field.clear();
            fieldStarted = false;
            recordLine = ++line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (inQuotes) {
        *badLine = recordLine;
        return false;
    }
    if (fieldStarted || !record.isEmpty()) {
        record.append(field);
        records->append(record);
    }
    return true;
}

} // namespace

QString textWithCodes(const Pieces &pieces)
{
    QString text;
    for (const Piece &p : pieces)
        text += p.text;
    return text;
}

Pieces piecesFromText(const QString &text, const Unit &source)
{
    QList<const Piece *> codes;
    for (const Piece &p : source.pieces) {
        if (p.isCode() && !p.text.isEmpty())
            codes.append(&p);
    }
    // Longest first, so "</a>" is never read as part of a shorter code; equal texts in source order.
    std::stable_sort(codes.begin(), codes.end(),
                     [](const Piece *a, const Piece *b) { return a->text.size() > b->text.size(); });
    QHash<QString, int> used; // code text → how many of that text are taken
    Pieces out;
    QString run;
    qsizetype i = 0;
    while (i < text.size()) {
        const Piece *match = nullptr;
        for (const Piece *code : std::as_const(codes)) {
            if (QStringView(text).mid(i).startsWith(code->text)) {
                match = code;
                break;
            }
        }
        if (!match) {
            run += text.at(i++);
            continue;
        }
        if (!run.isEmpty())
            out.append(Piece{Piece::Kind::Text, run, 0, 0, 0});
        run.clear();
        // The n-th occurrence of this text is the n-th code with it (the last one again past the end, which
        // the code check reports as doubled).
        QList<const Piece *> same;
        for (const Piece &p : source.pieces) {
            if (p.isCode() && p.text == match->text)
                same.append(&p);
        }
        const int n = used[match->text]++;
        const Piece *code = same.at(std::min<qsizetype>(n, same.size() - 1));
        out.append(Piece{code->kind, code->text, code->id, 0, 0});
        i += match->text.size();
    }
    if (!run.isEmpty())
        out.append(Piece{Piece::Kind::Text, run, 0, 0, 0});
    return out;
}

QByteArray writeCsv(const ExchangeFile &file)
{
    QString out;
    out += row({QStringLiteral("#original"), file.original});
    out += row({QStringLiteral("#languages"), file.sourceLanguage, file.targetLanguage});
    out += row(header);
    for (const ExchangeUnit &u : file.units) {
        const bool hasTarget =
            u.target && codeProblem(Unit{u.id, u.kind, 0, 0, u.source}, *u.target).isEmpty();
        out += row({u.id, contextOf(u), textWithCodes(u.source),
                    hasTarget ? textWithCodes(*u.target) : QString(),
                    hasTarget ? stateName(u) : QStringLiteral("new"), u.notes.mid(1).join(QLatin1Char(' '))});
    }
    return QByteArray("\xEF\xBB\xBF") + out.toUtf8();
}

XliffRead readCsv(const QString &input)
{
    XliffRead result;
    QString text = input;
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    // The separator the spreadsheet used: the one after "#original" on the first line.
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
    QChar separator = QLatin1Char(',');
    for (const QChar candidate : {QLatin1Char(';'), QLatin1Char('\t')}) {
        if (firstLine.startsWith(QStringLiteral("#original") + candidate) ||
            firstLine.startsWith(QStringLiteral("\"#original\"") + candidate))
            separator = candidate;
    }
    QList<QStringList> records;
    int badLine = 0;
    if (!parseRecords(text, separator, &records, &badLine)) {
        result.error = Csv::tr("Line %1: a quoted field is never closed.").arg(badLine);
        return result;
    }
    ExchangeFile file;
    int headerAt = -1;
    for (int i = 0; i < records.size() && headerAt < 0; ++i) {
        const QStringList &r = records.at(i);
        if (r.value(0) == QLatin1String("#original"))
            file.original = file.id = r.value(1);
        else if (r.value(0) == QLatin1String("#languages")) {
            file.sourceLanguage = r.value(1);
            file.targetLanguage = r.value(2);
        } else if (r.value(0) == QLatin1String("id"))
            headerAt = i;
    }
    if (file.original.isEmpty() || headerAt < 0) {
        result.error = Csv::tr("This is not a translation file exported by cio-studio: its first rows should "
                               "be #original, #languages and the column names.");
        return result;
    }
    const QStringList columns = records.at(headerAt);
    const int idColumn = int(columns.indexOf(QStringLiteral("id")));
    const int sourceColumn = int(columns.indexOf(QStringLiteral("source")));
    const int targetColumn = int(columns.indexOf(QStringLiteral("target")));
    const int stateColumn = int(columns.indexOf(QStringLiteral("state")));
    if (sourceColumn < 0 || targetColumn < 0) {
        result.error = Csv::tr("The columns “source” and “target” are missing.");
        return result;
    }
    for (int i = headerAt + 1; i < records.size(); ++i) {
        const QStringList &r = records.at(i);
        ExchangeUnit u;
        u.id = r.value(idColumn).trimmed();
        if (u.id.isEmpty())
            continue;
        if (file.unit(u.id)) {
            result.error = Csv::tr("The unit “%1” appears twice.").arg(u.id);
            return result;
        }
        u.codesAsText = true;
        u.source = {Piece{Piece::Kind::Text, r.value(sourceColumn), 0, 0, 0}};
        const QString target = r.value(targetColumn);
        const QString state = r.value(stateColumn).trimmed().toLower();
        // A spreadsheet user types the target and may leave the state as it was: any target counts.
        if (!target.isEmpty()) {
            u.target = Pieces{Piece{Piece::Kind::Text, target, 0, 0, 0}};
            u.state = state == QLatin1String("final")          ? TargetState::Final
                      : state == QLatin1String("needs-review") ? TargetState::NeedsReview
                                                               : TargetState::Translated;
        }
        file.units.append(u);
    }
    result.file = file;
    return result;
}

} // namespace cio::models::translation
