#include "models/translation/xliff.h"
#include "models/translation/xliff_p.h"

#include <QXmlStreamWriter>

namespace cio::models::translation {

namespace {

bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

bool isLiquid(const QString &code)
{
    return code.startsWith(QLatin1String("{{")) || code.startsWith(QLatin1String("{%"));
}

// Characters XML cannot carry become <cp hex="…"/> (2.0) or U+FFFD (1.2, which has no way to say them);
// a carriage return is written as a reference, as a reader turns a literal one into a line feed.
void writeText(QXmlStreamWriter &w, const QString &text, XliffVersion version)
{
    QString run;
    const QList<uint> codePoints = text.toUcs4();
    for (const uint c : codePoints) {
        if (c == '\r') {
            w.writeCharacters(run);
            run.clear();
            w.writeEntityReference(QStringLiteral("#13"));
            continue;
        }
        if (isXmlChar(c)) {
            const char32_t cp = c;
            run += QString::fromUcs4(&cp, 1);
            continue;
        }
        if (version == XliffVersion::V1_2) {
            run += QChar(0xFFFD);
            continue;
        }
        w.writeCharacters(run);
        run.clear();
        w.writeEmptyElement(QStringLiteral("cp"));
        w.writeAttribute(QStringLiteral("hex"),
                         QString::number(c, 16).toUpper().rightJustified(4, QLatin1Char('0')));
    }
    w.writeCharacters(run);
}

// An attribute value XML can carry (disp, equiv-text: shown to translators, never read back).
QString attributeText(const QString &text)
{
    QString out;
    const QList<uint> codePoints = text.toUcs4();
    for (const uint c : codePoints) {
        const char32_t cp = isXmlChar(c) ? char32_t(c) : char32_t(0xFFFD);
        out += QString::fromUcs4(&cp, 1);
    }
    return out;
}

QString dataId(const Piece &p)
{
    switch (p.kind) {
    case Piece::Kind::Open:
        return QStringLiteral("d%1s").arg(p.id);
    case Piece::Kind::Close:
        return QStringLiteral("d%1e").arg(p.id);
    default:
        return QStringLiteral("d%1").arg(p.id);
    }
}

// The original of the source's code `p` stands for.
QString originalOf(const Pieces &source, const Piece &p)
{
    for (const Piece &s : source) {
        if (s.kind == p.kind && s.id == p.id)
            return s.text;
    }
    return {};
}

void writePieces20(QXmlStreamWriter &w, const Pieces &pieces, const Pieces &source)
{
    for (const Piece &p : pieces) {
        switch (p.kind) {
        case Piece::Kind::Text:
            writeText(w, p.text, XliffVersion::V2_0);
            break;
        case Piece::Kind::Placeholder: {
            const QString original = originalOf(source, p);
            w.writeEmptyElement(QStringLiteral("ph"));
            w.writeAttribute(QStringLiteral("id"), QString::number(p.id));
            w.writeAttribute(QStringLiteral("canDelete"), QStringLiteral("no"));
            w.writeAttribute(QStringLiteral("dataRef"), dataId(p));
            if (isLiquid(original) || original.startsWith(QLatin1Char('&'))) {
                w.writeAttribute(QStringLiteral("disp"), attributeText(original));
                w.writeAttribute(QStringLiteral("type"), QStringLiteral("other"));
            } else {
                w.writeAttribute(QStringLiteral("type"), QStringLiteral("fmt"));
            }
            break;
        }
        case Piece::Kind::Open:
            w.writeStartElement(QStringLiteral("pc"));
            w.writeAttribute(QStringLiteral("id"), QString::number(p.id));
            w.writeAttribute(QStringLiteral("canDelete"), QStringLiteral("no"));
            w.writeAttribute(QStringLiteral("dataRefStart"), QStringLiteral("d%1s").arg(p.id));
            w.writeAttribute(QStringLiteral("dataRefEnd"), QStringLiteral("d%1e").arg(p.id));
            w.writeAttribute(QStringLiteral("type"), QStringLiteral("fmt"));
            break;
        case Piece::Kind::Close:
            w.writeEndElement();
            break;
        }
    }
}

void writePieces12(QXmlStreamWriter &w, const Pieces &pieces, const Pieces &source)
{
    for (const Piece &p : pieces) {
        switch (p.kind) {
        case Piece::Kind::Text:
            writeText(w, p.text, XliffVersion::V1_2);
            break;
        case Piece::Kind::Placeholder: {
            // <ph> holds the native code itself, which 1.2 tools show (translate-toolkit drops an <x>'s
            // equiv-text, so Liquid would vanish from what the translator sees).
            const QString original = originalOf(source, p);
            w.writeStartElement(QStringLiteral("ph"));
            w.writeAttribute(QStringLiteral("id"), QString::number(p.id));
            w.writeAttribute(QStringLiteral("ctype"),
                             isLiquid(original) ? QStringLiteral("x-liquid") : QStringLiteral("x-html"));
            writeText(w, original, XliffVersion::V1_2);
            w.writeEndElement();
            break;
        }
        case Piece::Kind::Open:
            w.writeStartElement(QStringLiteral("g"));
            w.writeAttribute(QStringLiteral("id"), QString::number(p.id));
            w.writeAttribute(QStringLiteral("ctype"), QStringLiteral("x-html"));
            break;
        case Piece::Kind::Close:
            w.writeEndElement();
            break;
        }
    }
}

QString unitName(UnitKind kind)
{
    switch (kind) {
    case UnitKind::AttributeAlt:
        return QStringLiteral("alt");
    case UnitKind::AttributeTitle:
        return QStringLiteral("title");
    case UnitKind::Text:
        break;
    }
    return QStringLiteral("text");
}

void writeUnit20(QXmlStreamWriter &w, const ExchangeUnit &u)
{
    w.writeStartElement(QStringLiteral("unit"));
    w.writeAttribute(QStringLiteral("id"), u.id);
    w.writeAttribute(QStringLiteral("name"), unitName(u.kind));
    w.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
    if (!u.notes.isEmpty()) {
        w.writeStartElement(QStringLiteral("notes"));
        for (const QString &note : u.notes)
            w.writeTextElement(QStringLiteral("note"), note);
        w.writeEndElement();
    }
    bool anyCode = false;
    for (const Piece &p : u.source)
        anyCode = anyCode || p.isCode();
    if (anyCode) {
        w.writeStartElement(QStringLiteral("originalData"));
        for (const Piece &p : u.source) {
            if (!p.isCode())
                continue;
            w.writeStartElement(QStringLiteral("data"));
            w.writeAttribute(QStringLiteral("id"), dataId(p));
            writeText(w, p.text, XliffVersion::V2_0);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    w.writeStartElement(QStringLiteral("segment"));
    const bool hasTarget = u.target && codeProblem(Unit{u.id, u.kind, 0, 0, u.source}, *u.target).isEmpty();
    if (hasTarget) {
        switch (u.state) {
        case TargetState::Final:
            w.writeAttribute(QStringLiteral("state"), QStringLiteral("final"));
            break;
        case TargetState::NeedsReview:
            w.writeAttribute(QStringLiteral("state"), QStringLiteral("translated"));
            w.writeAttribute(QStringLiteral("subState"), QStringLiteral("cio:needs-review"));
            break;
        default:
            w.writeAttribute(QStringLiteral("state"), QStringLiteral("translated"));
            break;
        }
    } else {
        w.writeAttribute(QStringLiteral("state"), QStringLiteral("initial"));
    }
    w.writeStartElement(QStringLiteral("source"));
    writePieces20(w, u.source, u.source);
    w.writeEndElement();
    if (hasTarget) {
        w.writeStartElement(QStringLiteral("target"));
        writePieces20(w, *u.target, u.source);
        w.writeEndElement();
    }
    w.writeEndElement(); // segment
    w.writeEndElement(); // unit
}

void writeUnit12(QXmlStreamWriter &w, const ExchangeUnit &u)
{
    w.writeStartElement(QStringLiteral("trans-unit"));
    w.writeAttribute(QStringLiteral("id"), u.id);
    w.writeAttribute(QStringLiteral("resname"), u.id);
    w.writeAttribute(QStringLiteral("restype"), u.kind == UnitKind::Text
                                                    ? QStringLiteral("x-text")
                                                    : QStringLiteral("x-") + unitName(u.kind));
    w.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
    const bool hasTarget = u.target && codeProblem(Unit{u.id, u.kind, 0, 0, u.source}, *u.target).isEmpty();
    // Tools treat a unit without approved="yes" as fuzzy.
    if (hasTarget && u.state != TargetState::NeedsReview)
        w.writeAttribute(QStringLiteral("approved"), QStringLiteral("yes"));
    w.writeStartElement(QStringLiteral("source"));
    writePieces12(w, u.source, u.source);
    w.writeEndElement();
    if (hasTarget) {
        w.writeStartElement(QStringLiteral("target"));
        w.writeAttribute(QStringLiteral("state"), u.state == TargetState::Final ? QStringLiteral("final")
                                                  : u.state == TargetState::NeedsReview
                                                      ? QStringLiteral("needs-review-translation")
                                                      : QStringLiteral("translated"));
        writePieces12(w, *u.target, u.source);
        w.writeEndElement();
    }
    for (const QString &note : u.notes)
        w.writeTextElement(QStringLiteral("note"), note);
    w.writeEndElement();
}

} // namespace

const ExchangeUnit *ExchangeFile::unit(const QString &unitId) const
{
    for (const ExchangeUnit &u : units) {
        if (u.id == unitId)
            return &u;
    }
    return nullptr;
}

QByteArray writeXliff(const ExchangeFile &file, XliffVersion version)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    // No auto-formatting: it would indent inside <source> and <target>, whose white space is text. Line
    // breaks go between units by hand.
    w.writeStartDocument();
    if (version == XliffVersion::V2_0) {
        w.writeDefaultNamespace(xliff::ns20());
        w.writeStartElement(xliff::ns20(), QStringLiteral("xliff"));
        w.writeAttribute(QStringLiteral("version"), QStringLiteral("2.0"));
        w.writeAttribute(QStringLiteral("srcLang"), file.sourceLanguage);
        w.writeAttribute(QStringLiteral("trgLang"), file.targetLanguage);
        w.writeStartElement(QStringLiteral("file"));
        w.writeAttribute(QStringLiteral("id"), file.id);
        w.writeAttribute(QStringLiteral("original"), file.original);
        if (!file.notes.isEmpty()) {
            w.writeStartElement(QStringLiteral("notes"));
            for (const QString &note : file.notes)
                w.writeTextElement(QStringLiteral("note"), note);
            w.writeEndElement();
        }
        for (const ExchangeUnit &u : file.units) {
            w.writeCharacters(QStringLiteral("\n"));
            writeUnit20(w, u);
        }
        w.writeCharacters(QStringLiteral("\n"));
        w.writeEndElement();
    } else {
        w.writeDefaultNamespace(xliff::ns12());
        w.writeStartElement(xliff::ns12(), QStringLiteral("xliff"));
        w.writeAttribute(QStringLiteral("version"), QStringLiteral("1.2"));
        w.writeStartElement(QStringLiteral("file"));
        w.writeAttribute(QStringLiteral("original"), file.original);
        w.writeAttribute(QStringLiteral("source-language"), file.sourceLanguage);
        w.writeAttribute(QStringLiteral("target-language"), file.targetLanguage);
        w.writeAttribute(QStringLiteral("datatype"), QStringLiteral("html"));
        if (!file.notes.isEmpty()) {
            w.writeStartElement(QStringLiteral("header"));
            for (const QString &note : file.notes)
                w.writeTextElement(QStringLiteral("note"), note);
            w.writeEndElement();
        }
        w.writeStartElement(QStringLiteral("body"));
        for (const ExchangeUnit &u : file.units) {
            w.writeCharacters(QStringLiteral("\n"));
            writeUnit12(w, u);
        }
        w.writeCharacters(QStringLiteral("\n"));
        w.writeEndElement();
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    out.append('\n');
    return out;
}

} // namespace cio::models::translation
