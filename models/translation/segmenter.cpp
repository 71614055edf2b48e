#include "models/translation/segmenter.h"

#include "models/translation/htmlentities.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace cio::models::translation {

namespace {

struct Segmenter final
{
    Q_DECLARE_TR_FUNCTIONS(Segmenter)
};

// Elements whose tags stay inside a unit as codes; every other tag ends one unit and starts the next.
bool isInline(const QString &name)
{
    static const QSet<QString> names{
        QStringLiteral("a"),      QStringLiteral("abbr"),   QStringLiteral("b"),     QStringLiteral("bdi"),
        QStringLiteral("bdo"),    QStringLiteral("big"),    QStringLiteral("br"),    QStringLiteral("cite"),
        QStringLiteral("code"),   QStringLiteral("del"),    QStringLiteral("dfn"),   QStringLiteral("em"),
        QStringLiteral("font"),   QStringLiteral("i"),      QStringLiteral("img"),   QStringLiteral("ins"),
        QStringLiteral("kbd"),    QStringLiteral("label"),  QStringLiteral("mark"),  QStringLiteral("q"),
        QStringLiteral("s"),      QStringLiteral("samp"),   QStringLiteral("small"), QStringLiteral("span"),
        QStringLiteral("strike"), QStringLiteral("strong"), QStringLiteral("sub"),   QStringLiteral("sup"),
        QStringLiteral("time"),   QStringLiteral("tt"),     QStringLiteral("u"),     QStringLiteral("var"),
        QStringLiteral("wbr")};
    return names.contains(name);
}

bool isVoid(const QString &name)
{
    static const QSet<QString> names{
        QStringLiteral("area"),  QStringLiteral("base"), QStringLiteral("br"),    QStringLiteral("col"),
        QStringLiteral("embed"), QStringLiteral("hr"),   QStringLiteral("img"),   QStringLiteral("input"),
        QStringLiteral("link"),  QStringLiteral("meta"), QStringLiteral("param"), QStringLiteral("source"),
        QStringLiteral("track"), QStringLiteral("wbr")};
    return names.contains(name);
}

// Elements whose whole content is code or not shown as text: kept as written, tags and all.
bool isOpaqueElement(const QString &name)
{
    return name == QLatin1String("head") || name == QLatin1String("style") ||
           name == QLatin1String("script") || name == QLatin1String("title") ||
           name == QLatin1String("textarea") || name == QLatin1String("pre");
}

bool isHtmlSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') ||
           c == QLatin1Char('\r') || c == QLatin1Char('\f');
}

struct AttributeSpan final
{
    QString name;        // lower case
    qsizetype start = 0; // of the value, inside its quotes
    qsizetype end = 0;
};

struct Token final
{
    enum class Kind
    {
        Text,
        Liquid,
        Tag,
        Opaque, // comments, <!DOCTYPE>, CDATA, the content of head/style/script/…
    };
    Kind kind = Kind::Text;
    qsizetype start = 0;
    qsizetype end = 0;
    // Tags:
    QString name;
    bool endTag = false;
    bool selfClosing = false;
    QList<AttributeSpan> attributes;
};

// Where the Liquid token starting at `at` ("{{" or "{%") ends; a {% raw %} or {% comment %} block is
// one token through its end tag. The end of the text when it is never closed.
qsizetype liquidEnd(const QString &text, qsizetype at)
{
    const bool output = text.at(at + 1) == QLatin1Char('{');
    const QLatin1String close = output ? QLatin1String("}}") : QLatin1String("%}");
    const qsizetype closeAt = text.indexOf(close, at + 2);
    if (closeAt < 0)
        return text.size();
    const qsizetype end = closeAt + 2;
    if (output)
        return end;
    QString inner = text.mid(at + 2, closeAt - at - 2).trimmed();
    if (inner.startsWith(QLatin1Char('-')))
        inner = inner.mid(1).trimmed();
    const QString word = inner.section(QLatin1Char(' '), 0, 0);
    if (word != QLatin1String("raw") && word != QLatin1String("comment"))
        return end;
    // The first {% endraw %} / {% endcomment %} after it, spaces and dashes allowed.
    const QString endWord = QStringLiteral("end") + word;
    qsizetype from = end;
    while (true) {
        const qsizetype open = text.indexOf(QLatin1String("{%"), from);
        if (open < 0)
            return text.size();
        const qsizetype shut = text.indexOf(QLatin1String("%}"), open + 2);
        if (shut < 0)
            return text.size();
        QString candidate = text.mid(open + 2, shut - open - 2).trimmed();
        if (candidate.startsWith(QLatin1Char('-')))
            candidate = candidate.mid(1).trimmed();
        if (candidate.endsWith(QLatin1Char('-')))
            candidate.chop(1);
        if (candidate.trimmed() == endWord)
            return shut + 2;
        from = shut + 2;
    }
}

bool startsLiquid(const QString &text, qsizetype at)
{
    return at + 1 < text.size() && text.at(at) == QLatin1Char('{') &&
           (text.at(at + 1) == QLatin1Char('{') || text.at(at + 1) == QLatin1Char('%'));
}

// Reads the tag at `at` ('<' then a letter, or "</" then a letter) into `tag`; returns its end.
qsizetype readTag(const QString &text, qsizetype at, Token *tag)
{
    qsizetype i = at + 1;
    if (text.at(i) == QLatin1Char('/')) {
        tag->endTag = true;
        ++i;
    }
    const qsizetype nameStart = i;
    while (i < text.size() && !isHtmlSpace(text.at(i)) && text.at(i) != QLatin1Char('>') &&
           text.at(i) != QLatin1Char('/'))
        ++i;
    tag->name = text.mid(nameStart, i - nameStart).toLower();
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('>'))
            return i + 1;
        if (c == QLatin1Char('/') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('>')) {
            tag->selfClosing = true;
            return i + 2;
        }
        if (isHtmlSpace(c) || c == QLatin1Char('/')) {
            ++i;
            continue;
        }
        if (startsLiquid(text, i)) { // {% if %} between attributes
            i = liquidEnd(text, i);
            continue;
        }
        const qsizetype attrStart = i;
        while (i < text.size() && !isHtmlSpace(text.at(i)) && text.at(i) != QLatin1Char('>') &&
               text.at(i) != QLatin1Char('=') &&
               !(text.at(i) == QLatin1Char('/') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('>')))
            ++i;
        AttributeSpan attribute;
        attribute.name = text.mid(attrStart, i - attrStart).toLower();
        qsizetype j = i;
        while (j < text.size() && isHtmlSpace(text.at(j)))
            ++j;
        if (j >= text.size() || text.at(j) != QLatin1Char('=')) {
            tag->attributes.append(attribute); // no value
            continue;
        }
        ++j;
        while (j < text.size() && isHtmlSpace(text.at(j)))
            ++j;
        if (j < text.size() && (text.at(j) == QLatin1Char('"') || text.at(j) == QLatin1Char('\''))) {
            const QChar quote = text.at(j);
            qsizetype k = j + 1;
            while (k < text.size() && text.at(k) != quote)
                k = startsLiquid(text, k) ? liquidEnd(text, k) : k + 1;
            attribute.start = j + 1;
            attribute.end = std::min(k, text.size());
            i = std::min(k + 1, text.size());
        } else {
            qsizetype k = j;
            while (k < text.size() && !isHtmlSpace(text.at(k)) && text.at(k) != QLatin1Char('>'))
                k = startsLiquid(text, k) ? liquidEnd(text, k) : k + 1;
            attribute.start = j;
            attribute.end = k;
            i = k;
        }
        tag->attributes.append(attribute);
    }
    return text.size();
}

// The end of the element `name` whose start tag ends at `from`: after its end tag, or the text's end.
qsizetype opaqueElementEnd(const QString &text, qsizetype from, const QString &name)
{
    const QString close = QStringLiteral("</") + name;
    qsizetype at = from;
    while ((at = text.indexOf(close, at, Qt::CaseInsensitive)) >= 0) {
        const qsizetype after = at + close.size();
        if (after >= text.size() || isHtmlSpace(text.at(after)) || text.at(after) == QLatin1Char('>')) {
            const qsizetype gt = text.indexOf(QLatin1Char('>'), after);
            return gt < 0 ? text.size() : gt + 1;
        }
        at = after;
    }
    return text.size();
}

QList<Token> tokenizeHtml(const QString &text)
{
    QList<Token> tokens;
    qsizetype textStart = 0;
    const auto flushText = [&](qsizetype upTo) {
        if (upTo > textStart)
            tokens.append(Token{Token::Kind::Text, textStart, upTo, {}, false, false, {}});
    };
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (startsLiquid(text, i)) {
            flushText(i);
            const qsizetype end = liquidEnd(text, i);
            tokens.append(Token{Token::Kind::Liquid, i, end, {}, false, false, {}});
            i = textStart = end;
            continue;
        }
        if (c != QLatin1Char('<') || i + 1 >= text.size()) {
            ++i;
            continue;
        }
        const QChar next = text.at(i + 1);
        if (next == QLatin1Char('!') || next == QLatin1Char('?')) {
            flushText(i);
            qsizetype end;
            if (text.mid(i, 4) == QLatin1String("<!--")) {
                const qsizetype close = text.indexOf(QLatin1String("-->"), i + 4);
                end = close < 0 ? text.size() : close + 3;
            } else if (text.mid(i, 9) == QLatin1String("<![CDATA[")) {
                const qsizetype close = text.indexOf(QLatin1String("]]>"), i + 9);
                end = close < 0 ? text.size() : close + 3;
            } else {
                const qsizetype close = text.indexOf(QLatin1Char('>'), i + 2);
                end = close < 0 ? text.size() : close + 1;
            }
            tokens.append(Token{Token::Kind::Opaque, i, end, {}, false, false, {}});
            i = textStart = end;
            continue;
        }
        const bool endTag = next == QLatin1Char('/');
        if (!(next.isLetter() || (endTag && i + 2 < text.size() && text.at(i + 2).isLetter()))) {
            ++i;
            continue;
        }
        flushText(i);
        Token tag{Token::Kind::Tag, i, 0, {}, false, false, {}};
        tag.end = readTag(text, i, &tag);
        if (!tag.endTag && !tag.selfClosing && isOpaqueElement(tag.name)) {
            tag.kind = Token::Kind::Opaque;
            tag.end = opaqueElementEnd(text, tag.end, tag.name);
        }
        tokens.append(tag);
        i = textStart = tag.end;
    }
    flushText(text.size());
    return tokens;
}

// Text of [start, end) as pieces: characters, with Liquid as codes; in HTML, entities decoded (one the
// table does not know stays a code) and white space collapsed.
void appendText(Pieces *pieces, const QString &field, qsizetype start, qsizetype end, FieldFormat format)
{
    const auto addText = [pieces](const QString &text) {
        if (text.isEmpty())
            return;
        if (!pieces->isEmpty() && pieces->last().kind == Piece::Kind::Text)
            pieces->last().text += text;
        else
            pieces->append(Piece{Piece::Kind::Text, text, 0, 0, 0});
    };
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
    const QList<Token> tokens = tokenizeHtml(field);
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
