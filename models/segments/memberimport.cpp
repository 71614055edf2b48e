#include "models/segments/memberimport.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringConverter>
#include <QStringDecoder>

namespace cio::models {

namespace {

// Customer.io's limit for customer ids.
constexpr int MaxIdLength = 150;

QChar detectDelimiter(const QString &text)
{
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty())
            continue;
        for (const QChar c : {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t')}) {
            if (line.contains(c))
                return c;
        }
        return {};
    }
    return {};
}

QString unquote(QString value)
{
    value = value.trimmed();
    while (value.size() >= 2 && ((value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"'))) ||
                                 (value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\''))) ||
                                 (value.startsWith(QLatin1Char('<')) && value.endsWith(QLatin1Char('>')))))
        value = value.mid(1, value.size() - 2).trimmed();
    return value;
}

// Header cells that name each id type; any of them marks the first row as a header.
QStringList headerNames(api::IdType type)
{
    switch (type) {
    case api::IdType::Email:
        return {QStringLiteral("email"), QStringLiteral("e-mail"), QStringLiteral("email address"),
                QStringLiteral("emails")};
    case api::IdType::CioId:
        return {QStringLiteral("cio_id"), QStringLiteral("cio id")};
    case api::IdType::Id:
        break;
    }
    return {QStringLiteral("id"), QStringLiteral("customer_id"), QStringLiteral("customer id"),
            QStringLiteral("ids"), QStringLiteral("identifier")};
}

bool isHeaderCell(const QString &cell)
{
    const QString c = unquote(cell).toLower();
    for (api::IdType t : {api::IdType::Id, api::IdType::Email, api::IdType::CioId}) {
        if (headerNames(t).contains(c))
            return true;
    }
    return false;
}

// Several values a line and no header: a list of people rather than a table when it is a single line,
// or (for emails and cio_ids, which a table's other columns rarely pass for) when every value is valid.
bool isListOf(const QList<MemberImport::Record> &records, api::IdType type)
{
    bool severalOnALine = false;
    for (const MemberImport::Record &record : records)
        severalOnALine = severalOnALine || record.cells.size() > 1;
    if (!severalOnALine)
        return false;
    if (records.size() == 1)
        return true;
    if (type == api::IdType::Id)
        return false;
    for (const MemberImport::Record &record : records) {
        if (record.cells.size() < 2)
            continue;
        for (const QString &cell : record.cells) {
            if (!cell.trimmed().isEmpty() && !MemberImport::isValid(unquote(cell), type))
                return false;
        }
    }
    return true;
}
} // namespace

QString MemberImport::Result::summary() const
{
    QStringList parts{tr("%n identifier(s)", nullptr, int(ids.size()))};
    if (duplicates > 0)
        parts << tr("%n duplicate(s) left out", nullptr, duplicates);
    if (!rejected.isEmpty())
        parts << tr("%n line(s) rejected", nullptr, int(rejected.size()));
    return parts.join(QStringLiteral(" · "));
}

bool MemberImport::isValid(const QString &value, api::IdType type, QString *reason)
{
    const auto refuse = [reason](const QString &why) {
        if (reason)
            *reason = why;
        return false;
    };
    if (value.isEmpty())
        return refuse(tr("empty"));
    for (const QChar c : value) {
        if (c.category() == QChar::Other_Control)
            return refuse(tr("contains a control character"));
    }
    switch (type) {
    case api::IdType::Email: {
        static const QRegularExpression email(
            QStringLiteral(R"(^[^@\s,;<>"()\[\]]+@[^@\s,;<>"()\[\]]+\.[^@\s,;<>"()\[\]]+$)"));
        if (!email.match(value).hasMatch())
            return refuse(tr("not an email address"));
        if (value.size() > 254)
            return refuse(tr("longer than an email address can be"));
        return true;
    }
    case api::IdType::CioId: {
        static const QRegularExpression cioId(QStringLiteral("^[A-Za-z0-9]{1,64}$"));
        return cioId.match(value).hasMatch() ? true : refuse(tr("a cio_id has only letters and digits"));
    }
    case api::IdType::Id:
        break;
    }
    if (value.toUtf8().size() > MaxIdLength)
        return refuse(tr("longer than %1 bytes").arg(MaxIdLength));
    return true;
}

QList<MemberImport::Record> MemberImport::splitCsv(const QString &text, QString *error, int *errorLine)
{
    QList<Record> records;
    const QChar delimiter = detectDelimiter(text);
    Record current;
    QString cell;
    bool quoted = false;   // inside "…"
    bool cellStart = true; // nothing read into the cell yet (a quote here opens a quoted cell)
    int line = 1;
    int quoteLine = 0;
    current.line = 1;
    const auto endRecord = [&] {
        current.cells.append(cell);
        bool blank = true;
        for (const QString &c : std::as_const(current.cells))
            blank = blank && c.trimmed().isEmpty();
        if (!blank)
            records.append(current);
        current = Record{line + 1, {}};
        cell.clear();
        cellStart = true;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    cell += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                cell += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && cellStart && !delimiter.isNull()) {
            quoted = true;
            quoteLine = line;
            cellStart = false;
        } else if (!delimiter.isNull() && c == delimiter) {
            current.cells.append(cell);
            cell.clear();
            cellStart = true;
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            ++line;
        } else if (c != QLatin1Char('\r')) {
            if (!c.isSpace())
                cellStart = false;
            cell += c;
        }
    }
    if (quoted) {
        if (error)
            *error = tr("a quoted value opened on line %1 is never closed").arg(quoteLine);
        if (errorLine)
            *errorLine = quoteLine;
        return {};
    }
    if (!cell.isEmpty() || !current.cells.isEmpty())
        endRecord();
    return records;
}

MemberImport::Result MemberImport::parseText(const QString &text, api::IdType type, int column)
{
    QString csvError;
    const QList<Record> records = splitCsv(text, &csvError);
    if (!csvError.isEmpty()) {
        Result result;
        result.error = tr("The list cannot be read: %1.").arg(csvError);
        return result;
    }
    return fromRecords(records, type, column);
}

MemberImport::Result MemberImport::fromRecords(QList<Record> records, api::IdType type, int column)
{
    Result result;
    for (const Record &record : std::as_const(records))
        result.columns = qMax(result.columns, int(record.cells.size()));
    qsizetype first = 0;
    // A first row naming its columns is a header: it picks the column (unless one was chosen).
    if (!records.isEmpty()) {
        const QStringList &cells = records.first().cells;
        bool header = false;
        for (const QString &cell : cells)
            header = header || isHeaderCell(cell);
        if (header) {
            result.headerSkipped = true;
            first = 1;
            for (const QString &cell : cells)
                result.header << unquote(cell);
            if (column < 0) {
                const QStringList names = headerNames(type);
                for (int i = 0; i < cells.size() && column < 0; ++i) {
                    if (names.contains(unquote(cells.at(i)).toLower()))
                        column = i;
                }
            }
        } else if (column < 0 && isListOf(records, type)) {
            // Lines such as "a@x.com, b@y.com; c@z.com": every value is a person. Mixed separators are
            // common there; emails cannot hold spaces, so those separate them too.
            static const QRegularExpression separators(QStringLiteral("[,;\t]+"));
            static const QRegularExpression emailSeparators(QStringLiteral("[,;\\s]+"));
            QList<Record> values;
            for (const Record &line : std::as_const(records)) {
                const QStringList parts =
                    line.cells.join(QLatin1Char(','))
                        .split(type == api::IdType::Email ? emailSeparators : separators, Qt::SkipEmptyParts);
                for (const QString &value : parts)
                    values.append({line.line, {value}});
            }
            records = values;
            result.columns = 1;
        }
    }
    result.column = qMax(0, column);

    QSet<QString> seen;
    for (qsizetype i = first; i < records.size(); ++i) {
        const Record &record = records.at(i);
        const QString raw = record.cells.join(QLatin1Char(',')).trimmed();
        if (result.column >= record.cells.size()) {
            result.rejected.append({record.line, raw, tr("has no column %1").arg(result.column + 1)});
            continue;
        }
        const QString value = unquote(record.cells.at(result.column));
        QString reason;
        if (!isValid(value, type, &reason)) {
            result.rejected.append({record.line, raw, reason});
            continue;
        }
        const QString key = type == api::IdType::Email ? value.toCaseFolded() : value;
        if (seen.contains(key)) {
            ++result.duplicates;
            continue;
        }
        seen.insert(key);
        result.ids.append(value);
    }
    return result;
}

MemberImport::Result MemberImport::parseFile(const QString &path, api::IdType type, int column)
{
    Result result;
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = tr("The file %1 cannot be read: %2").arg(name, file.errorString());
        return result;
    }
    if (file.size() > MaxFileBytes) {
        result.error = tr("The file %1 is too large (%2 MB) for a list of people; the limit is %3 MB.")
                           .arg(name)
                           .arg(file.size() / (1024 * 1024))
                           .arg(MaxFileBytes / (1024 * 1024));
        return result;
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        result.error = tr("The file %1 cannot be read: %2").arg(name, file.errorString());
        return result;
    }
    // UTF-16 files announce themselves with a byte-order mark; everything else must be UTF-8.
    const auto encoding = QStringConverter::encodingForData(data).value_or(QStringConverter::Utf8);
    if (encoding == QStringConverter::Utf8 && data.contains('\0')) {
        result.error = tr("The file %1 is not a text file (a spreadsheet or archive?). Save it as CSV "
                          "(UTF-8) or paste the list instead.")
                           .arg(name);
        return result;
    }
    QStringDecoder decoder(encoding);
    const QString text = decoder.decode(data);
    if (decoder.hasError()) {
        result.error = tr("The file %1 is not UTF-8 text. Save it as CSV (UTF-8) and try again.").arg(name);
        return result;
    }
    QString csvError;
    const QList<Record> records = splitCsv(text, &csvError);
    if (!csvError.isEmpty()) {
        result.error = tr("The file %1 is damaged: %2.").arg(name, csvError);
        return result;
    }
    return fromRecords(records, type, column);
}

} // namespace cio::models
