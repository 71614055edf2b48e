#include "models/translation/htmltokenizer.h"

#include <QSet>

#include <algorithm>

namespace cio::models::translation::html {

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
static bool isOpaqueElement(const QString &name)
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
static qsizetype readTag(const QString &text, qsizetype at, Token *tag)
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
static qsizetype opaqueElementEnd(const QString &text, qsizetype from, const QString &name)
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

QList<Token> tokenize(const QString &text)
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

} // namespace cio::models::translation::html
