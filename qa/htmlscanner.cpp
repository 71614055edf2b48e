#include "qa/htmlscanner.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>

namespace cio::qa::html {

namespace {

QSet<QString> wordSet(const char *words)
{
    const QStringList list = QString::fromLatin1(words).split(u' ');
    return QSet<QString>(list.cbegin(), list.cend());
}

bool isVoid(const QString &name)
{
    static const QSet<QString> names =
        wordSet("area base br col embed hr img input link meta param source track wbr");
    return names.contains(name);
}

// Elements whose end tag HTML lets one leave out: their parent's end, or a sibling, ends them.
bool hasOptionalEnd(const QString &name)
{
    static const QSet<QString> names = wordSet("p li td th tr thead tbody tfoot option dt dd colgroup "
                                               "caption rt rp optgroup html head body");
    return names.contains(name);
}

// Elements whose content is text, not markup.
bool isRawText(const QString &name)
{
    static const QSet<QString> names = wordSet("script style textarea title");
    return names.contains(name);
}

// Whether the start tag `next` ends the open element `open` whose end tag was left out. Lenient for
// <p>: only another <p> ends it, as email HTML often puts tables inside paragraphs and mail clients
// accept that.
bool endedByStart(const QString &open, const QString &next)
{
    static const QHash<QString, QSet<QString>> ends = [] {
        const std::pair<const char *, const char *> table[] = {
            {"p", "p"},
            {"li", "li"},
            {"dt dd", "dt dd"},
            {"td th", "td th tr thead tbody tfoot"},
            {"tr", "tr thead tbody tfoot"},
            {"thead tbody tfoot", "thead tbody tfoot"},
            {"option", "option optgroup"},
            {"optgroup", "optgroup"},
            {"rt rp", "rt rp"},
            {"caption", "tr td th thead tbody tfoot col colgroup"},
            {"head", "body"},
        };
        QHash<QString, QSet<QString>> hash;
        for (const auto &[opens, nexts] : table) {
            for (const QString &name : wordSet(opens))
                hash.insert(name, wordSet(nexts));
        }
        return hash;
    }();
    if (open == QLatin1String("colgroup"))
        return next != QLatin1String("col");
    return ends.value(open).contains(next);
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// A Liquid block with branches, to tell which markup is another version of markup seen before.
struct LiquidBlock
{
    bool isCase = false;
    bool sawWhen = false;
    bool alternative = false;
};

class Scanner final
{
public:
    explicit Scanner(const QString &text)
        : m_text(text)
        , m_lines(text)
    {}

    QList<Tag> run();

private:
    bool at(QLatin1String s) const { return QStringView(m_text).sliced(m_pos).startsWith(s); }
    bool atLiquid() const { return at(QLatin1String("{{")) || at(QLatin1String("{%")); }
    bool skipLiquid();
    void followLiquidTag(const QString &inside);
    bool inAlternative() const;
    void skipPast(QLatin1String end, qsizetype from);
    void skipSpaces();
    void readMarkup();
    void readTag(bool end);
    bool readAttributes(Tag &tag);
    void readAttribute(Tag &tag);
    void readValue(Attribute &attribute);
    QString readName(bool attribute);
    void skipRawText(const QString &name);

    const QString &m_text;
    const LineIndex m_lines;
    qsizetype m_pos = 0;
    QList<LiquidBlock> m_blocks;
    QList<Tag> m_tags;
};

QList<Tag> Scanner::run()
{
    while (m_pos < m_text.size()) {
        if (skipLiquid())
            continue;
        if (m_text.at(m_pos) == u'<')
            readMarkup();
        else
            ++m_pos;
    }
    return m_tags;
}

// Moves past the Liquid at the current place. False, without moving, when there is none or it never
// ends (the Liquid check reports that; the HTML after it is still worth checking).
bool Scanner::skipLiquid()
{
    const bool isTag = at(QLatin1String("{%"));
    if (!isTag && !at(QLatin1String("{{")))
        return false;
    const qsizetype close = m_text.indexOf(isTag ? QLatin1String("%}") : QLatin1String("}}"), m_pos + 2);
    if (close < 0)
        return false;
    const QString inside = m_text.mid(m_pos + 2, close - m_pos - 2);
    m_pos = close + 2;
    if (isTag)
        followLiquidTag(inside);
    return true;
}

void Scanner::followLiquidTag(const QString &inside)
{
    static const QRegularExpression nameRe(QStringLiteral("^-?\\s*(\\w+)"));
    static const QRegularExpression endComment(QStringLiteral("\\{%-?\\s*endcomment\\s*-?%\\}"));
    const QString name = nameRe.match(inside).captured(1);
    if (name == QLatin1String("comment")) {
        const QRegularExpressionMatch end = endComment.match(m_text, m_pos);
        m_pos = end.hasMatch() ? end.capturedEnd() : m_text.size();
    } else if (name == QLatin1String("if") || name == QLatin1String("unless") ||
               name == QLatin1String("case") || name == QLatin1String("for")) {
        m_blocks.append({name == QLatin1String("case"), false, false});
    } else if (m_blocks.isEmpty()) {
        return;
    } else if (name == QLatin1String("else") || name == QLatin1String("elsif")) {
        m_blocks.last().alternative = true;
    } else if (name == QLatin1String("when") && m_blocks.last().isCase) {
        // The first {% when %} is the first version of the markup, the later ones alternatives.
        m_blocks.last().alternative = m_blocks.last().sawWhen;
        m_blocks.last().sawWhen = true;
    } else if (name == QLatin1String("endif") || name == QLatin1String("endunless") ||
               name == QLatin1String("endcase") || name == QLatin1String("endfor")) {
        m_blocks.removeLast();
    }
}

bool Scanner::inAlternative() const
{
    return std::any_of(m_blocks.cbegin(), m_blocks.cend(),
                       [](const LiquidBlock &b) { return b.alternative; });
}

void Scanner::skipPast(QLatin1String end, qsizetype from)
{
    const qsizetype found = m_text.indexOf(end, from);
    m_pos = found < 0 ? m_text.size() : found + end.size();
}

void Scanner::skipSpaces()
{
    while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
        ++m_pos;
}

// At a '<': a comment, a declaration, a tag, or just text.
void Scanner::readMarkup()
{
    const bool end = at(QLatin1String("</"));
    const qsizetype nameStart = m_pos + (end ? 2 : 1);
    if (at(QLatin1String("<!--")))
        skipPast(QLatin1String("-->"), m_pos + 4);
    else if (at(QLatin1String("<![CDATA[")))
        skipPast(QLatin1String("]]>"), m_pos + 9);
    else if (at(QLatin1String("<!")) || at(QLatin1String("<?")))
        skipPast(QLatin1String(">"), m_pos + 2);
    else if (nameStart < m_text.size() && isAsciiLetter(m_text.at(nameStart)))
        readTag(end);
    else
        ++m_pos;
}

void Scanner::readTag(bool end)
{
    Tag tag;
    tag.end = end;
    tag.alternative = inAlternative();
    tag.line = m_lines.line(m_pos);
    tag.column = m_lines.column(m_pos);
    m_pos += end ? 2 : 1;
    tag.name = readName(false).toLower();
    if (!readAttributes(tag))
        return; // the text ends inside the tag
    m_tags.append(tag);
    if (!end && !tag.selfClosing && isRawText(tag.name))
        skipRawText(tag.name);
}

// Reads the attributes and the '>' that ends the tag; false when the text ends first.
bool Scanner::readAttributes(Tag &tag)
{
    while (m_pos < m_text.size()) {
        if (skipLiquid()) // such as <td {% if wide %}width="600"{% endif %}>
            continue;
        const QChar c = m_text.at(m_pos);
        if (c == u'>') {
            ++m_pos;
            return true;
        }
        if (at(QLatin1String("/>"))) {
            tag.selfClosing = true;
            m_pos += 2;
            return true;
        }
        if (c.isSpace() || c == u'/')
            ++m_pos;
        else
            readAttribute(tag);
    }
    return false;
}

void Scanner::readAttribute(Tag &tag)
{
    Attribute attribute;
    attribute.offset = m_pos;
    attribute.name = readName(true).toLower();
    if (attribute.name.isEmpty()) {
        ++m_pos; // a stray '=' or a Liquid that never ends
        return;
    }
    const qsizetype afterName = m_pos;
    skipSpaces();
    if (m_pos < m_text.size() && m_text.at(m_pos) == u'=') {
        ++m_pos;
        skipSpaces();
        readValue(attribute);
    } else {
        m_pos = afterName;
    }
    attribute.line = m_lines.line(attribute.offset);
    attribute.column = m_lines.column(attribute.offset);
    tag.attributes.append(attribute);
}

void Scanner::readValue(Attribute &attribute)
{
    const QChar quote = m_pos < m_text.size() ? m_text.at(m_pos) : QChar();
    const bool quoted = quote == u'"' || quote == u'\'';
    if (quoted)
        ++m_pos;
    const qsizetype start = m_pos;
    while (m_pos < m_text.size()) {
        if (skipLiquid()) // its quotes, such as in {{ url | default: "#" }}, are its own
            continue;
        const QChar c = m_text.at(m_pos);
        if (quoted ? c == quote : (c.isSpace() || c == u'>'))
            break;
        ++m_pos;
    }
    attribute.offset = start;
    attribute.value = m_text.mid(start, m_pos - start);
    if (quoted && m_pos < m_text.size())
        ++m_pos;
}

QString Scanner::readName(bool attribute)
{
    const qsizetype start = m_pos;
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos);
        if (c.isSpace() || c == u'>' || c == u'/' || (attribute && c == u'=') || atLiquid())
            break;
        ++m_pos;
    }
    return m_text.mid(start, m_pos - start);
}

void Scanner::skipRawText(const QString &name)
{
    const QString endTag = QStringLiteral("</") + name;
    const qsizetype found = m_text.indexOf(endTag, m_pos, Qt::CaseInsensitive);
    m_pos = found < 0 ? m_text.size() : found;
}

struct Place
{
    QString name;
    int line = 0;
    int column = 0;
};

struct OpenElement
{
    Place start;
    // The end tag of an outer element that came while this one was still open. If this element's
    // own end tag follows, that end tag was misnested; if not, this element was never closed.
    std::optional<Place> passedBy;
};

class Balancer final
{
public:
    void add(const Tag &tag);
    QList<Problem> finish();

private:
    void open(const Tag &tag);
    void close(const Tag &tag);
    void neverClosed(const Place &start);

    QList<OpenElement> m_open;
    QList<Problem> m_problems;
};

void Balancer::add(const Tag &tag)
{
    if (tag.alternative)
        return;
    if (tag.end)
        close(tag);
    else
        open(tag);
}

void Balancer::open(const Tag &tag)
{
    if (tag.selfClosing || isVoid(tag.name))
        return;
    // End the open elements this start tag implies the end of, such as an earlier <li> for <li>.
    for (qsizetype i = m_open.size() - 1; i >= 0; --i) {
        const QString &name = m_open.at(i).start.name;
        if (endedByStart(name, tag.name))
            m_open.resize(i);
        else if (!hasOptionalEnd(name))
            break;
    }
    m_open.append({{tag.name, tag.line, tag.column}, std::nullopt});
}

void Balancer::close(const Tag &tag)
{
    if (isVoid(tag.name)) // </br>, </img>: harmless
        return;
    qsizetype match = m_open.size() - 1;
    while (match >= 0 && m_open.at(match).start.name != tag.name)
        --match;
    if (match < 0) {
        m_problems.append({tag.line, tag.column,
                           QCoreApplication::translate("cio::qa::html", "</%1> on line %2 closes nothing")
                               .arg(tag.name)
                               .arg(tag.line)});
        return;
    }
    const OpenElement &matched = m_open.at(match);
    if (matched.passedBy) {
        m_problems.append({matched.passedBy->line, matched.passedBy->column,
                           QCoreApplication::translate("cio::qa::html",
                                                       "</%1> on line %2 closes <%3> opened on line %4 first")
                               .arg(matched.passedBy->name)
                               .arg(matched.passedBy->line)
                               .arg(matched.start.name)
                               .arg(matched.start.line)});
    }
    // Inner elements stay open for their own end tag, unless one passed them by already.
    QList<OpenElement> waiting;
    for (qsizetype i = match + 1; i < m_open.size(); ++i) {
        OpenElement inner = m_open.at(i);
        if (inner.passedBy) {
            neverClosed(inner.start);
        } else if (!hasOptionalEnd(inner.start.name)) {
            inner.passedBy = Place{tag.name, tag.line, tag.column};
            waiting.append(inner);
        }
    }
    m_open.resize(match);
    m_open.append(waiting);
}

void Balancer::neverClosed(const Place &start)
{
    m_problems.append({start.line, start.column,
                       QCoreApplication::translate("cio::qa::html", "<%1> opened on line %2 is never closed")
                           .arg(start.name)
                           .arg(start.line)});
}

QList<Problem> Balancer::finish()
{
    for (const OpenElement &element : std::as_const(m_open)) {
        if (element.passedBy || !hasOptionalEnd(element.start.name))
            neverClosed(element.start);
    }
    m_open.clear();
    std::stable_sort(m_problems.begin(), m_problems.end(), [](const Problem &a, const Problem &b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    return m_problems;
}

} // namespace

LineIndex::LineIndex(const QString &text)
{
    m_lineStarts.append(0);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\n')
            m_lineStarts.append(i + 1);
    }
}

int LineIndex::line(qsizetype offset) const
{
    return int(std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset) - m_lineStarts.cbegin());
}

int LineIndex::column(qsizetype offset) const
{
    return int(offset - m_lineStarts.at(line(offset) - 1)) + 1;
}

const Attribute *Tag::attribute(const QString &attributeName) const
{
    const auto found = std::find_if(attributes.cbegin(), attributes.cend(),
                                    [&attributeName](const Attribute &a) { return a.name == attributeName; });
    return found == attributes.cend() ? nullptr : &*found;
}

QList<Tag> tags(const QString &body)
{
    return Scanner(body).run();
}

QList<Link> links(const QString &body)
{
    QList<Link> result;
    for (const Tag &tag : tags(body)) {
        if (tag.end || (tag.name != QLatin1String("a") && tag.name != QLatin1String("area")))
            continue;
        if (const Attribute *href = tag.attribute(QStringLiteral("href")))
            result.append({href->value, href->line, href->column});
    }
    return result;
}

QList<Problem> balanceProblems(const QString &body)
{
    Balancer balancer;
    for (const Tag &tag : tags(body))
        balancer.add(tag);
    return balancer.finish();
}

} // namespace cio::qa::html
