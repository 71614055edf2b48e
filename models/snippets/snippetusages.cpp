#include "models/snippets/snippetusages.h"

#include "models/store/localstore.h"

#include <QRegularExpression>

#include <algorithm>
#include <tuple>

namespace cio::models {

namespace {

struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(cio::models::SnippetUsages)
};

// The Liquid of a template: output ({{ }}) and tags ({% %}); group 1 or 2 is what is inside.
const QRegularExpression &liquidRegion()
{
    static const QRegularExpression re(QStringLiteral(R"(\{\{-?(.*?)-?\}\}|\{%-?(.*?)-?%\})"),
                                       QRegularExpression::DotMatchesEverythingOption);
    return re;
}

const QRegularExpression &rawTag()
{
    static const QRegularExpression re(QStringLiteral(R"(^\{%-?\s*raw\s*-?%\}$)"));
    return re;
}

const QRegularExpression &endRawTag()
{
    static const QRegularExpression re(QStringLiteral(R"(\{%-?\s*endraw\s*-?%\})"));
    return re;
}

// `snippets.name` or `snippets["name"]` / `snippets['name']`, not part of a longer path such as
// `customer.snippets.x`. The identifier rule is liquid/cio-liquid.js's.
const QRegularExpression &reference()
{
    static const QRegularExpression re(QStringLiteral(
        R"re((?<![\w.\]])snippets\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*(?:"([^"]*)"|'([^']*)')\s*\]))re"));
    return re;
}

// 1-based line and column of an offset, from the offsets where lines start.
std::pair<int, int> placeOf(const QList<int> &lineStarts, int offset)
{
    const auto it = std::upper_bound(lineStarts.cbegin(), lineStarts.cend(), offset);
    const int line = int(it - lineStarts.cbegin());
    return {line, offset - lineStarts.at(line - 1) + 1};
}

QList<int> lineStartsOf(const QString &text)
{
    QList<int> starts{0};
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n'))
            starts.append(i + 1);
    }
    return starts;
}

QString fieldText(const api::Content &c, const QString &field)
{
    if (field == QLatin1String("subject"))
        return c.subject;
    if (field == QLatin1String("preheader_text"))
        return c.preheaderText;
    if (field == QLatin1String("body"))
        return c.body;
    if (field == QLatin1String("body_amp"))
        return c.bodyAmp;
    return c.bodyPlain;
}

QString fieldLabel(const QString &field)
{
    if (field == QLatin1String("subject"))
        return Texts::tr("subject");
    if (field == QLatin1String("preheader_text"))
        return Texts::tr("preheader");
    if (field == QLatin1String("body"))
        return Texts::tr("body");
    if (field == QLatin1String("body_amp"))
        return Texts::tr("AMP body");
    return Texts::tr("plain-text body");
}

QString bracketReference(const QString &name)
{
    const QChar quote = name.contains(QLatin1Char('"')) ? QLatin1Char('\'') : QLatin1Char('"');
    return QStringLiteral("snippets[") + quote + name + quote + QLatin1Char(']');
}

} // namespace

QList<SnippetReference> findSnippetReferences(const QString &text)
{
    QList<SnippetReference> found;
    if (!text.contains(QLatin1String("snippets")))
        return found;
    const QList<int> lineStarts = lineStartsOf(text);
    qsizetype from = 0;
    while (from < text.size()) {
        const QRegularExpressionMatch region = liquidRegion().match(text, from);
        if (!region.hasMatch())
            break;
        from = region.capturedEnd();
        if (rawTag().match(region.captured()).hasMatch()) {
            // Nothing inside {% raw %} … {% endraw %} is Liquid.
            const QRegularExpressionMatch end = endRawTag().match(text, from);
            from = end.hasMatch() ? end.capturedEnd() : text.size();
            continue;
        }
        // Inside the delimiters and their whitespace-control dashes ({{- … -}}).
        const int inner = region.capturedStart(1) >= 0 ? 1 : 2;
        const QString liquid = region.captured(inner);
        const int offset = int(region.capturedStart(inner));
        auto refs = reference().globalMatch(liquid);
        while (refs.hasNext()) {
            const QRegularExpressionMatch m = refs.next();
            SnippetReference ref;
            ref.start = offset + int(m.capturedStart());
            ref.length = int(m.capturedLength());
            for (int group = 1; group <= 3; ++group) {
                if (m.capturedStart(group) >= 0) {
                    ref.name = m.captured(group);
                    ref.nameStart = offset + int(m.capturedStart(group));
                    if (group > 1)
                        ref.quote = text.at(ref.nameStart - 1);
                }
            }
            std::tie(ref.line, ref.column) = placeOf(lineStarts, ref.start);
            found.append(ref);
        }
    }
    return found;
}

QStringList snippetFieldNames()
{
    return {QStringLiteral("subject"), QStringLiteral("preheader_text"), QStringLiteral("body"),
            QStringLiteral("body_amp"), QStringLiteral("body_plain")};
}

QHash<QString, QList<SnippetUsage>> findAllSnippetUsages(const LocalStore &store)
{
    QHash<QString, QList<SnippetUsage>> usages;
    const QStringList fields = snippetFieldNames();
    const QList<api::Newsletter> newsletters = store.newsletters();
    for (const api::Newsletter &newsletter : newsletters) {
        const QList<api::TestGroup> groups = store.testGroups(newsletter.id);
        const QList<api::Content> contents = store.contents(newsletter.id);
        for (const api::Content &content : contents) {
            QString group;
            for (const api::TestGroup &g : groups) {
                if (groups.size() > 1 && g.contentIds.contains(content.id))
                    group = g.name;
            }
            for (const QString &field : fields) {
                const QList<SnippetReference> refs = findSnippetReferences(fieldText(content, field));
                for (const SnippetReference &ref : refs)
                    usages[ref.name].append({newsletter.id, newsletter.name, content.id, content.language,
                                             group, field, ref.line, ref.column});
            }
        }
    }
    for (auto it = usages.begin(); it != usages.end(); ++it) {
        std::stable_sort(it->begin(), it->end(), [&fields](const SnippetUsage &a, const SnippetUsage &b) {
            return std::make_tuple(a.newsletterId, a.contentId, fields.indexOf(a.field), a.line, a.column) <
                   std::make_tuple(b.newsletterId, b.contentId, fields.indexOf(b.field), b.line, b.column);
        });
    }
    return usages;
}

QList<SnippetUsage> findSnippetUsages(const LocalStore &store, const QString &name)
{
    return findAllSnippetUsages(store).value(name);
}

bool isIdentifierSnippetName(const QString &name)
{
    static const QRegularExpression identifier(QStringLiteral(R"(^[A-Za-z_][\w-]*$)"));
    return identifier.match(name).hasMatch();
}

QString snippetReferenceFor(const QString &name)
{
    return isIdentifierSnippetName(name) ? QStringLiteral("snippets.") + name : bracketReference(name);
}

QString renameSnippetReferences(const QString &text, const QString &oldName, const QString &newName)
{
    if (oldName == newName)
        return text;
    QString result = text;
    const QList<SnippetReference> refs = findSnippetReferences(text);
    // From the end, so that the offsets of the earlier references stay right.
    for (auto it = refs.crbegin(); it != refs.crend(); ++it) {
        if (it->name != oldName)
            continue;
        if (it->isBracket() && !newName.contains(it->quote)) {
            result.replace(it->nameStart, int(oldName.size()), newName); // keeps spacing and quotes
        } else if (!it->isBracket() && isIdentifierSnippetName(newName)) {
            result.replace(it->nameStart, int(oldName.size()), newName);
        } else {
            result.replace(it->start, it->length, bracketReference(newName));
        }
    }
    return result;
}

QJsonObject renameSnippetInVariant(const api::Content &content, const QString &oldName,
                                   const QString &newName)
{
    QJsonObject changes;
    const QStringList fields = snippetFieldNames();
    for (const QString &field : fields) {
        const QString before = fieldText(content, field);
        const QString after = renameSnippetReferences(before, oldName, newName);
        if (after != before)
            changes.insert(field, after);
    }
    return changes;
}

qsizetype characterCount(QStringView text)
{
    // Characters as the API counts them: code points, so an emoji (two UTF-16 units) is one.
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++count;
    }
    return count;
}

SnippetProblem validateSnippetName(const QString &name, const QStringList &existingNames, const QString &self)
{
    const QString trimmed = name.trimmed(); // the API trims names before it stores them
    if (trimmed.isEmpty())
        return {Texts::tr("Give the snippet a name.")};
    if (characterCount(trimmed) > MaxSnippetNameLength)
        return {Texts::tr("The name is %1 characters long; Customer.io allows at most %2.")
                    .arg(characterCount(trimmed))
                    .arg(MaxSnippetNameLength)};
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control)
            return {
                Texts::tr("A snippet's name cannot contain line breaks, tabs or other control characters.")};
    }
    if (trimmed.contains(QLatin1Char('"')) && trimmed.contains(QLatin1Char('\'')))
        return {
            Texts::tr("A snippet's name cannot contain both ' and \": Liquid would have no way to refer to "
                      "it.")};
    if (trimmed != self.trimmed() && existingNames.contains(trimmed))
        return {
            Texts::tr("A snippet called “%1” exists already. Choose another name, or open that snippet to "
                      "change it.")
                .arg(trimmed)};
    return {};
}

SnippetProblem validateSnippetName(const LocalStore &store, const QString &name, const QString &self)
{
    QStringList names;
    const QList<api::Snippet> snippets = store.snippets();
    for (const api::Snippet &s : snippets)
        names.append(s.name);
    return validateSnippetName(name, names, self);
}

SnippetProblem validateSnippetValue(const QString &value)
{
    if (value.trimmed().isEmpty())
        return {Texts::tr("Give the snippet a value.")};
    if (characterCount(value) > MaxSnippetValueLength)
        return {Texts::tr("The value is %1 characters long; the API accepts at most %2 (its default limit).")
                    .arg(characterCount(value))
                    .arg(MaxSnippetValueLength)};
    // Broader than findSnippetReferences(): any `snippets.` or `snippets[` at all, as the server looks.
    static const QRegularExpression nested(QStringLiteral(R"((?<![\w.])snippets\s*(?:\.\s*[A-Za-z_]|\[))"));
    const QRegularExpressionMatch m = nested.match(value);
    if (m.hasMatch()) {
        const auto [line, column] = placeOf(lineStartsOf(value), int(m.capturedStart()));
        const QList<SnippetReference> refs = findSnippetReferences(value);
        const QString message =
            refs.isEmpty()
                ? Texts::tr("A snippet cannot use another snippet: Customer.io refuses snippets inside "
                            "snippets.")
                : Texts::tr("A snippet cannot use another snippet (here “%1”): Customer.io refuses snippets "
                            "inside snippets.")
                      .arg(refs.first().name);
        return {message, line, column};
    }
    return {};
}

QString describeSnippetUsage(const SnippetUsage &usage)
{
    QString variant = usage.language.isEmpty() ? Texts::tr("Default") : usage.language;
    if (!usage.testGroup.isEmpty())
        variant = Texts::tr("test group %1, %2").arg(usage.testGroup, variant);
    return Texts::tr("“%1” (%2), %3: %4, line %5")
        .arg(usage.newsletterName)
        .arg(usage.newsletterId)
        .arg(variant, fieldLabel(usage.field))
        .arg(usage.line);
}

QString summarizeSnippetUsages(const QList<SnippetUsage> &usages, int limit)
{
    QStringList lines;
    for (int i = 0; i < usages.size() && i < limit; ++i)
        lines << QStringLiteral("• ") + describeSnippetUsage(usages.at(i));
    if (usages.size() > limit)
        lines << Texts::tr("… and %n more", nullptr, int(usages.size() - limit));
    return lines.join(QLatin1Char('\n'));
}

} // namespace cio::models
