#pragma once

#include "models/translation/segmenter.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// XLIFF, the exchange format translation tools read and write (Trados, memoQ, Phrase, Crowdin,
// Lokalise, Weblate…): one document per target language. Paired codes are <pc> (2.0) or <g> (1.2),
// standalone codes <ph> (2.0, the original kept in <originalData>) or <x> (1.2, the original in
// equiv-text); every code is marked as not deletable. Written with QXmlStreamWriter, read with
// QXmlStreamReader; reading accepts what tools make of our files (segments split, codes as <sc>/<ec>
// or <bx>/<ex>, <mrk> around text, whitespace and attribute order changed).
namespace cio::models::translation {

enum class XliffVersion
{
    V2_0,
    V1_2,
};

enum class TargetState
{
    Initial,     // no translation yet
    Translated,  // a translation exists and is current
    NeedsReview, // a translation exists but the source changed since
    Final,       // reviewed (2.0 "reviewed"/"final", 1.2 "final"/"signed-off")
};

struct ExchangeUnit final
{
    QString id; // unique in its file, e.g. "body.u3"
    UnitKind kind = UnitKind::Text;
    Pieces source;
    std::optional<Pieces> target; // none: not translated
    TargetState state = TargetState::Initial;
    QStringList notes; // context for the translator
    // Read from CSV: `source` and `target` are one text piece each with the codes written out as in the
    // field (see piecesFromText()).
    bool codesAsText = false;
};

struct ExchangeFile final
{
    QString id;             // the <file> id, e.g. "newsletter-212-content-2320"
    QString original;       // what it was made from, e.g. "customerio:newsletters/212/contents/2320"
    QString sourceLanguage; // BCP 47
    QString targetLanguage;
    QStringList notes;
    QList<ExchangeUnit> units;

    const ExchangeUnit *unit(const QString &unitId) const;
};

QByteArray writeXliff(const ExchangeFile &file, XliffVersion version);

struct XliffRead final
{
    std::optional<ExchangeFile> file;
    XliffVersion version = XliffVersion::V2_0;
    QString error; // in the user's terms, naming the line and the unit; empty when `file` is set
};

// Reads one document as writeXliff() writes it and tools give it back. A source's codes carry their
// original text when the document has it; a target's codes only their kind and number.
XliffRead readXliff(const QByteArray &data);

} // namespace cio::models::translation
