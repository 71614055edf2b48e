#pragma once

#include "api/trackapi.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace cio::models {

// Reads the people to add to or remove from a manual segment: text pasted by the user or a CSV file,
// one person a line or one column of a CSV. Values are trimmed (quotes too), checked for the chosen
// id type and de-duplicated (emails case-insensitively); bad lines are reported with their number.
class MemberImport final
{
    Q_DECLARE_TR_FUNCTIONS(cio::models::MemberImport)

public:
    struct Rejected
    {
        int line = 0; // 1-based line number in the text or file
        QString text;
        QString reason;
    };
    struct Result
    {
        QStringList ids;
        QList<Rejected> rejected;
        int duplicates = 0;
        bool headerSkipped = false;
        int column = 0;     // the column that was read (0-based)
        int columns = 0;    // the most cells any row has
        QStringList header; // the first row's cells when it was a header
        QString error;      // the whole input is unusable (unreadable or corrupt file)

        bool ok() const { return error.isEmpty(); }
        // "3 people · 1 duplicate left out · 2 lines rejected"
        QString summary() const;
    };

    // Larger files are refused: a manual segment import is a list of ids, not a data dump.
    static constexpr qint64 MaxFileBytes = 64 * 1024 * 1024;

    // column < 0: the column whose header names the id type (email, id, customer_id, cio_id), else the
    // first; a single line of several values ("a@x.com, b@y.com") gives one person per value.
    static Result parseText(const QString &text, api::IdType type, int column = -1);
    static Result parseFile(const QString &path, api::IdType type, int column = -1);

    // Whether a value can be sent as this id type; *reason gets a sentence when not.
    static bool isValid(const QString &value, api::IdType type, QString *reason = nullptr);

    // CSV records of the text with the 1-based line each starts on. The delimiter (comma, semicolon
    // or tab) is the first of these found in the first non-blank line; none: one value per line.
    // A quoted field left open at the end is an error (*error, *errorLine).
    struct Record
    {
        int line = 0;
        QStringList cells;
    };
    static QList<Record> splitCsv(const QString &text, QString *error = nullptr, int *errorLine = nullptr);

private:
    static Result fromRecords(QList<Record> records, api::IdType type, int column);
};

} // namespace cio::models
