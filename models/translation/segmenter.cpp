#include "models/translation/segmenter.h"

#include "models/translation/htmlentities.h"
#include "models/translation/htmltokenizer.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace cio::models::translation {

namespace {

using html::AttributeSpan;
using html::isHtmlSpace;
using html::isInline;
using html::isVoid;
using html::liquidEnd;
using html::startsLiquid;
using html::Token;

struct Segmenter final
{
    Q_DECLARE_TR_FUNCTIONS(Segmenter)
};

// Text of [start, end) as pieces: characters, with Liquid as codes; in HTML, entities decoded (one the
// table does not know stays a code) and white space collapsed.
void appendText(Pieces *pieces, const QString &field, qsizetype start, qsizetype end, FieldFormat format)
{
    const auto addText = [pieces](const QString &text) { appendTextPiece(pieces, text); };
    QString run;
    qsizetype i = start;
    while (i < end) {
        const QChar c = field.at(i);
        if (startsLiquid(field, i)) {
            addText(run);
            run.clear();
            const qsizetype stop = std::min(liquidEnd(field, i), end);
            pieces->append(Piece{Piece::Kind::Placeholder, field.mid(i, stop - i), 0, i, stop});
            i = stop;
            continue;
        }
        if (format == FieldFormat::Html && c == QLatin1Char('&')) {
            const Entity entity = readEntity(field, i, end);
            if (entity.length > 0) {
                if (entity.known) {
                    run += entity.text;
                } else {
                    addText(run);
                    run.clear();
                    pieces->append(Piece{Piece::Kind::Placeholder, field.mid(i, entity.length), 0, i,
                                         i + entity.length});
                }
                i += entity.length;
                continue;
            }
        }
        if (format == FieldFormat::Html && isHtmlSpace(c)) {
            if (!run.endsWith(QLatin1Char(' ')))
                run += QLatin1Char(' ');
            ++i;
            continue;
        }
        run += c;
        ++i;
    }
    addText(run);
}

bool hasWords(const Pieces &pieces)
{
    for (const Piece &p : pieces) {
        if (p.kind == Piece::Kind::Text && !p.text.trimmed().isEmpty())
            return true;
    }
    return false;
}

struct TagCode final
{
    int piece = 0; // its index in the unit's pieces
    QString name;
    bool endTag = false;
    bool standalone = false; // void or self-closing: never paired
};

// Pairs the tags that open and close inside the unit (only the innermost open tag may close: anything
// else is crossed or stray and stays standalone, as does a tag whose partner is outside), then numbers
// the codes in order, a closing code taking its opening code's number.
void pairAndNumber(Pieces *pieces, const QList<TagCode> &tags)
{
    QList<int> open; // indexes into tags
    for (int k = 0; k < tags.size(); ++k) {
        const TagCode &tag = tags.at(k);
        if (tag.standalone)
            continue;
        if (!tag.endTag) {
            open.append(k);
            continue;
        }
        if (!open.isEmpty() && tags.at(open.last()).name == tag.name) {
            (*pieces)[tags.at(open.last()).piece].kind = Piece::Kind::Open;
            (*pieces)[tag.piece].kind = Piece::Kind::Close;
            (*pieces)[tag.piece].id = -1 - tags.at(open.last()).piece; // its partner, until numbered
            open.removeLast();
        }
    }
    QHash<int, int> numberOfPiece;
    int next = 0;
    for (int i = 0; i < pieces->size(); ++i) {
        Piece &p = (*pieces)[i];
        if (!p.isCode())
            continue;
        if (p.kind == Piece::Kind::Close)
            p.id = numberOfPiece.value(-1 - p.id);
        else
            p.id = numberOfPiece[i] = ++next;
    }
}

// The unit of [start, end) of an HTML text run, with its tags as codes.
Unit htmlTextUnit(const QString &field, qsizetype start, qsizetype end, const QList<Token> &tokens)
{
    Unit unit;
    unit.start = start;
    unit.end = end;
    QList<TagCode> tags;
    for (const Token &t : tokens) {
        if (t.end <= start || t.start >= end)
            continue;
        if (t.kind == Token::Kind::Tag) {
            tags.append(TagCode{int(unit.pieces.size()), t.name, t.endTag, t.selfClosing || isVoid(t.name)});
            unit.pieces.append(
                Piece{Piece::Kind::Placeholder, field.mid(t.start, t.end - t.start), 0, t.start, t.end});
        } else {
            appendText(&unit.pieces, field, std::max(t.start, start), std::min(t.end, end),
                       FieldFormat::Html);
        }
    }
    pairAndNumber(&unit.pieces, tags);
    return unit;
}

// The first and last non-space characters of a run of inline tokens; start == end when the run has no
// words (only spaces, codes and Liquid).
std::pair<qsizetype, qsizetype> runExtent(const QString &field, const QList<Token> &run)
{
    qsizetype first = -1;
    qsizetype last = -1;
    bool words = false;
    for (const Token &t : run) {
        qsizetype a = t.start;
        qsizetype b = t.end;
        if (t.kind == Token::Kind::Text) {
            while (a < b && (isHtmlSpace(field.at(a)) || field.at(a) == QChar(0x00A0)))
                ++a;
            while (b > a && (isHtmlSpace(field.at(b - 1)) || field.at(b - 1) == QChar(0x00A0)))
                --b;
            if (a == b)
                continue;
            Pieces probe;
            appendText(&probe, field, a, b, FieldFormat::Html);
            words = words || hasWords(probe);
        }
        if (first < 0)
            first = a;
        last = b;
    }
    if (!words)
        return {0, 0};
    return {first, last};
}

void addAttributeUnits(QList<Unit> *units, const QString &field, const Token &tag)
{
    for (const AttributeSpan &attribute : tag.attributes) {
        const bool alt = attribute.name == QLatin1String("alt");
        if ((!alt && attribute.name != QLatin1String("title")) || attribute.end <= attribute.start)
            continue;
        Unit unit;
        unit.kind = alt ? UnitKind::AttributeAlt : UnitKind::AttributeTitle;
        qsizetype a = attribute.start;
        qsizetype b = attribute.end;
        while (a < b && isHtmlSpace(field.at(a)))
            ++a;
        while (b > a && isHtmlSpace(field.at(b - 1)))
            --b;
        unit.start = a;
        unit.end = b;
        appendText(&unit.pieces, field, a, b, FieldFormat::Html);
        int next = 0;
        for (Piece &p : unit.pieces) {
            if (p.isCode())
                p.id = ++next;
        }
        if (hasWords(unit.pieces))
            units->append(unit);
    }
}

QList<Unit> htmlUnits(const QString &field)
{
    const QList<Token> tokens = html::tokenize(field);
    QList<Unit> units;
    QList<Token> run;
    const auto flush = [&] {
        const auto [start, end] = runExtent(field, run);
        if (end > start)
            units.append(htmlTextUnit(field, start, end, run));
        run.clear();
    };
    for (const Token &t : tokens) {
        if (t.kind == Token::Kind::Tag)
            addAttributeUnits(&units, field, t);
        const bool inlineToken = t.kind == Token::Kind::Text || t.kind == Token::Kind::Liquid ||
                                 (t.kind == Token::Kind::Tag && isInline(t.name));
        if (inlineToken)
            run.append(t);
        else
            flush();
    }
    flush();
    return units;
}

// Plain text: paragraphs (split at blank lines outside Liquid) with Liquid as codes.
QList<Unit> plainUnits(const QString &field)
{
    QList<Unit> units;
    const auto addParagraph = [&](qsizetype a, qsizetype b) {
        while (a < b && field.at(a).isSpace())
            ++a;
        while (b > a && field.at(b - 1).isSpace())
            --b;
        Unit unit;
        unit.start = a;
        unit.end = b;
        appendText(&unit.pieces, field, a, b, FieldFormat::Plain);
        int next = 0;
        for (Piece &p : unit.pieces) {
            if (p.isCode())
                p.id = ++next;
        }
        if (hasWords(unit.pieces))
            units.append(unit);
    };
    qsizetype paragraphStart = 0;
    qsizetype i = 0;
    while (i < field.size()) {
        if (startsLiquid(field, i)) {
            i = liquidEnd(field, i);
            continue;
        }
        if (field.at(i) == QLatin1Char('\n')) {
            qsizetype j = i + 1;
            while (j < field.size() && field.at(j) != QLatin1Char('\n') && field.at(j).isSpace())
                ++j;
            if (j < field.size() && field.at(j) == QLatin1Char('\n')) { // a blank line
                addParagraph(paragraphStart, i);
                while (j < field.size() && field.at(j).isSpace())
                    ++j;
                paragraphStart = i = j;
                continue;
            }
        }
        ++i;
    }
    addParagraph(paragraphStart, field.size());
    return units;
}

QString escaped(const QString &text, FieldFormat format, QChar quote)
{
    if (format == FieldFormat::Plain)
        return text;
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('&'))
            out += QLatin1String("&amp;");
        else if (c == QLatin1Char('<'))
            out += QLatin1String("&lt;");
        else if (c == QLatin1Char('>'))
            out += QLatin1String("&gt;");
        else if (c == QChar(0x00A0))
            out += QLatin1String("&nbsp;");
        else if (c == QLatin1Char('"') && quote == c)
            out += QLatin1String("&quot;");
        else if (c == QLatin1Char('\'') && quote == c)
            out += QLatin1String("&#39;");
        else
            out += c;
    }
    return out;
}

class Rebuilder final
{
public:
    Rebuilder(const Segmentation &source, const QHash<QString, Pieces> &targets)
        : m_source(source)
        , m_targets(targets)
    {}

    // [a, b) of the field, with the units inside it (but `skip`) written from their targets.
    QString render(qsizetype a, qsizetype b, int skip = -1) const
    {
        const QString &field = m_source.field;
        QString out;
        qsizetype pos = a;
        const QList<Unit> &units = m_source.units;
        for (int i = 0; i < units.size(); ++i) {
            const Unit &u = units.at(i);
            if (i == skip || u.start < pos || u.end > b)
                continue; // outside, or inside a unit already written
            out += QStringView(field).mid(pos, u.start - pos);
            out += renderUnit(i);
            pos = u.end;
        }
        out += QStringView(field).mid(pos, b - pos);
        return out;
    }

private:
    QString renderUnit(int index) const
    {
        const Unit &u = m_source.units.at(index);
        const auto target = m_targets.constFind(u.id);
        if (target == m_targets.cend() || samePieces(*target, u.pieces))
            return render(u.start, u.end, index); // as written, with the attribute units inside it
        const QChar quote =
            u.kind == UnitKind::Text || u.start == 0 ? QChar() : m_source.field.at(u.start - 1);
        QString out;
        for (const Piece &p : *target) {
            if (!p.isCode()) {
                out += escaped(p.text, m_source.format, quote);
                continue;
            }
            for (const Piece &code : u.pieces) {
                if (code.kind == p.kind && code.id == p.id) {
                    out += render(code.start, code.end);
                    break;
                }
            }
        }
        return out;
    }

    const Segmentation &m_source;
    const QHash<QString, Pieces> &m_targets;
};

} // namespace

void appendTextPiece(Pieces *pieces, const QString &text)
{
    if (text.isEmpty())
        return;
    if (!pieces->isEmpty() && pieces->last().kind == Piece::Kind::Text)
        pieces->last().text += text;
    else
        pieces->append(Piece{Piece::Kind::Text, text, 0, 0, 0});
}

bool samePieces(const Pieces &a, const Pieces &b)
{
    return a.size() == b.size() && std::equal(a.cbegin(), a.cend(), b.cbegin(),
                                              [](const Piece &x, const Piece &y) { return x.sameAs(y); });
}

QString Unit::plainText() const
{
    QString text;
    for (const Piece &p : pieces) {
        if (!p.isCode())
            text += p.text;
    }
    return text;
}

const Unit *Segmentation::unit(const QString &id) const
{
    for (const Unit &u : units) {
        if (u.id == id)
            return &u;
    }
    return nullptr;
}

Segmentation segment(const QString &field, FieldFormat format)
{
    Segmentation result;
    result.field = field;
    result.format = format;
    result.units = format == FieldFormat::Html ? htmlUnits(field) : plainUnits(field);
    std::stable_sort(result.units.begin(), result.units.end(),
                     [](const Unit &a, const Unit &b) { return a.start < b.start; });
    for (int i = 0; i < result.units.size(); ++i)
        result.units[i].id = QStringLiteral("u%1").arg(i + 1);
    return result;
}

QString rebuild(const Segmentation &source, const QHash<QString, Pieces> &targets)
{
    return Rebuilder(source, targets).render(0, source.field.size());
}

QString codeProblem(const Unit &source, const Pieces &target)
{
    QHash<QPair<int, int>, QString> expected; // (kind, id) → the code as written
    for (const Piece &p : source.pieces) {
        if (p.isCode())
            expected.insert({int(p.kind), p.id}, p.text);
    }
    QSet<QPair<int, int>> seen;
    QList<int> open;
    for (const Piece &p : target) {
        if (!p.isCode())
            continue;
        const QPair<int, int> key{int(p.kind), p.id};
        if (!expected.contains(key))
            return Segmenter::tr("code %1 is not in the source").arg(p.id);
        if (seen.contains(key))
            return Segmenter::tr("code %1 (%2) appears twice").arg(p.id).arg(expected.value(key));
        seen.insert(key);
        if (p.kind == Piece::Kind::Open) {
            open.append(p.id);
        } else if (p.kind == Piece::Kind::Close) {
            if (!open.contains(p.id))
                return Segmenter::tr("code %1 (%2) closes before it opens")
                    .arg(p.id)
                    .arg(expected.value(key));
            if (open.last() != p.id)
                return Segmenter::tr("codes %1 and %2 cross: a pair must close inside the pair it opened in")
                    .arg(open.last())
                    .arg(p.id);
            open.removeLast();
        }
    }
    for (const Piece &p : source.pieces) {
        if (p.isCode() && !seen.contains({int(p.kind), p.id}))
            return Segmenter::tr("code %1 (%2) is missing").arg(p.id).arg(p.text);
    }
    return {};
}

} // namespace cio::models::translation
