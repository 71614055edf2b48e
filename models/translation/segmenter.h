#pragma once

#include <QHash>
#include <QList>
#include <QString>

// Splitting a variant's fields into translation units and putting them back together. Pure code: no
// widgets, no network; the exchange formats (XLIFF, CSV), the segment view and the CLI all use it.
//
// A field is text with units in it. A unit is what a translator translates: the text of a block
// element, a translatable attribute (alt, title), a subject line, a paragraph of the plain body. Its
// content is text and codes: HTML inline markup becomes paired codes (an opening and a closing tag
// that belong together) or a standalone code (<br>, <img>, a tag whose partner is outside the unit),
// and every Liquid expression or tag is a standalone code, so a translator can neither break Liquid
// nor see it as text. Everything else — <head>, <style>, comments, MSO conditionals, markup between
// blocks, Liquid-only stretches — stays in the field as written and is never offered for translation.
namespace cio::models::translation {

struct Piece final
{
    enum class Kind
    {
        Text,        // characters to translate (entities decoded; in HTML, white space collapsed)
        Placeholder, // a standalone code
        Open,        // the opening code of a pair
        Close,       // the closing code of a pair
    };
    Kind kind = Kind::Text;
    QString text; // Text: the characters; a code: its original, as written in the field
    int id = 0;   // a code's number in its unit (an Open and its Close share it); 0 for text
    // A code's place in the field it came from, [start, end).
    qsizetype start = 0;
    qsizetype end = 0;

    bool isCode() const { return kind != Kind::Text; }
    // What a translator's target is compared by: text by its characters, a code by its kind and id
    // (a target's codes stand for the source's; their text and places do not count).
    bool sameAs(const Piece &other) const
    {
        return kind == other.kind && (isCode() ? id == other.id : text == other.text);
    }
};

using Pieces = QList<Piece>;

bool samePieces(const Pieces &a, const Pieces &b);

// Appends `text` to the last piece when that is text, else as a new text piece; nothing when empty.
void appendTextPiece(Pieces *pieces, const QString &text);

// What a unit is, for the translator's notes and for tools that show context.
enum class UnitKind
{
    Text,           // text of an HTML block, a subject or preheader, a paragraph of plain text
    AttributeAlt,   // an alt attribute
    AttributeTitle, // a title attribute
};

struct Unit final
{
    QString id; // "u1", "u2", … in the order of the field
    UnitKind kind = UnitKind::Text;
    // The unit's place in the field, [start, end); an attribute unit lies inside a tag, which may be a
    // code of a text unit.
    qsizetype start = 0;
    qsizetype end = 0;
    Pieces pieces;

    QString plainText() const; // the text pieces joined, codes left out (for notes, search, matching)
};

enum class FieldFormat
{
    Html,  // an HTML body: blocks, inline markup, entities, attributes
    Plain, // a subject, a preheader, a plain-text body: text and Liquid only
};

struct Segmentation final
{
    QString field; // the text segmented, as given
    FieldFormat format = FieldFormat::Html;
    QList<Unit> units; // in the order of their start

    const Unit *unit(const QString &id) const; // nullptr if none has it
};

Segmentation segment(const QString &field, FieldFormat format);

// The field with each unit that has a target in `targets` (by unit id) written as that target, and
// every other unit as it was. A target's codes are written as the source unit's codes of the same id,
// so markup and Liquid come from the field, never from the target. A target equal to its source
// (samePieces) leaves the unit's original bytes: an untouched round trip gives back the field exactly.
// Targets must have been checked (see codeProblem()).
QString rebuild(const Segmentation &source, const QHash<QString, Pieces> &targets);

// Why `target` cannot stand for `source` in rebuild(): a code lost, added, duplicated, of another
// kind, or a pair crossed or closed before it opens; empty when it can.
QString codeProblem(const Unit &source, const Pieces &target);

} // namespace cio::models::translation
