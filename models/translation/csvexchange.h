#pragma once

#include "models/translation/xliff.h"

#include <QByteArray>
#include <QString>

// The translation exchange as CSV, for spreadsheets (UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting;
// read back also with ';' or tab between fields, as spreadsheet programs save it in some locales). Two
// leading rows say what the file is for ("#original", "#languages"), then a header and one row per unit:
// id, context, source, target, state, notes. Markup and Liquid appear in the text as written; on the way
// back each is recognised by its exact text and must stay as it is (checked like XLIFF's codes).
namespace cio::models::translation {

QByteArray writeCsv(const ExchangeFile &file);

// The file's units come back with their source and target as text (ExchangeUnit::codesAsText): the import
// turns them into pieces against the current source unit (piecesFromText).
XliffRead readCsv(const QString &text);

// A unit's pieces as the CSV shows them: text, and each code as written in the field.
QString textWithCodes(const Pieces &pieces);

// `text` (a CSV target) as pieces of `source`'s codes: each occurrence of a code's exact text becomes that
// code (identical codes are taken in order); everything else is text.
Pieces piecesFromText(const QString &text, const Unit &source);

} // namespace cio::models::translation
