#include "qa/qachecks.h"

#include "qa/htmlscanner.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace cio::qa {

namespace {

using liquid::Analysis;
using liquid::Reference;

constexpr auto Subject = QLatin1String("subject");
constexpr auto Preheader = QLatin1String("preheader");
constexpr auto Body = QLatin1String("body");
constexpr auto BodyAmp = QLatin1String("body_amp");
constexpr auto BodyPlain = QLatin1String("body_plain");

Finding finding(Level level, const char *check, const QString &field, int line, int column,
                const QString &message)
{
    return {level, QLatin1String(check), field, line, column, message};
}

QString shorten(const QString &text)
{
    constexpr qsizetype Max = 80;
    return text.size() <= Max ? text : text.left(Max - 1) + QChar(0x2026);
}

// The analysis of a field that parsed; nullptr when there is none to compare.
const Analysis *parsedAnalysis(const VariantText &variant, const QString &field)
{
    const auto found = variant.analysis.constFind(field);
    return found != variant.analysis.cend() && found->parsed ? &*found : nullptr;
}

void checkLiquidSyntax(const VariantText &variant, QList<Finding> &out)
{
    for (auto it = variant.analysis.cbegin(); it != variant.analysis.cend(); ++it) {
        if (it->parsed)
            continue;
        for (const liquid::LiquidError &error : it->errors)
            out.append(
                finding(Level::Error, "liquid-syntax", it.key(), error.line, error.column, error.message));
        if (it->errors.isEmpty()) {
            out.append(finding(Level::Error, "liquid-syntax", it.key(), 0, 0,
                               QCoreApplication::translate("cio::qa", "The Liquid here does not parse")));
        }
    }
}

// The first reference to each name, in order.
QList<Reference> firstUses(const QList<Reference> &references)
{
    QList<Reference> first;
    QSet<QString> seen;
    for (const Reference &reference : references) {
        if (!seen.contains(reference.name)) {
            seen.insert(reference.name);
            first.append(reference);
        }
    }
    return first;
}

QList<Reference> named(const QList<Reference> &references, const QString &name)
{
    QList<Reference> result;
    std::copy_if(references.cbegin(), references.cend(), std::back_inserter(result),
                 [&name](const Reference &r) { return r.name == name; });
    return result;
}

using Describe = QString (*)(const QString &name);

QString describeVariable(const QString &name)
{
    return QStringLiteral("{{ ") + name + QStringLiteral(" }}");
}

QString describeTag(const QString &name)
{
    return QStringLiteral("{% ") + name + QStringLiteral(" %}");
}

QString describeSnippet(const QString &name)
{
    if (name.isEmpty())
        return QCoreApplication::translate("cio::qa", "a snippet chosen by a variable");
    return QCoreApplication::translate("cio::qa", "the snippet \"%1\"").arg(name);
}

QString dropsMessage(const QString &thing)
{
    return QCoreApplication::translate("cio::qa", "Drops %1, which the Default uses").arg(thing);
}

QString addsMessage(const QString &thing)
{
    return QCoreApplication::translate("cio::qa", "Uses %1, which the Default does not").arg(thing);
}

// As sets: each name the Default uses and this field does not (the field as a whole), and the first
// use of each name the Default does not have.
void compareNames(const QList<Reference> &mine, const QList<Reference> &theirs, const char *check,
                  const QString &field, Describe describe, QList<Finding> &out)
{
    for (const Reference &reference : firstUses(theirs)) {
        if (named(mine, reference.name).isEmpty())
            out.append(finding(Level::Error, check, field, 0, 0, dropsMessage(describe(reference.name))));
    }
    for (const Reference &reference : firstUses(mine)) {
        if (named(theirs, reference.name).isEmpty()) {
            out.append(finding(Level::Error, check, field, reference.line, reference.column,
                               addsMessage(describe(reference.name))));
        }
    }
}

QList<Reference> customerIoTags(const QList<Reference> &tags)
{
    static const QSet<QString> names = [] {
        const QStringList list = QStringLiteral("unsubscribe_url unsubscribe view_in_browser_url "
                                                "manage_subscription_preferences_url tracking_consent_url "
                                                "cio_link cio_link_id subscription_topic_name generate_uuid "
                                                "random render_liquid countdown")
                                     .split(u' ');
        return QSet<QString>(list.cbegin(), list.cend());
    }();
    QList<Reference> result;
    std::copy_if(tags.cbegin(), tags.cend(), std::back_inserter(result),
                 [](const Reference &r) { return names.contains(r.name); });
    return result;
}

// As multisets: a tag used fewer times than in the Default is reported for the field as a whole, one
// used more often at its first use past the Default's count.
void compareTagCounts(const QList<Reference> &allMine, const QList<Reference> &allTheirs,
                      const QString &field, QList<Finding> &out)
{
    const QList<Reference> mine = customerIoTags(allMine);
    const QList<Reference> theirs = customerIoTags(allTheirs);
    for (const Reference &first : firstUses(theirs + mine)) {
        const QList<Reference> here = named(mine, first.name);
        const qsizetype there = named(theirs, first.name).size();
        const QString tag = describeTag(first.name);
        if (here.size() == there)
            continue;
        if (here.isEmpty()) {
            out.append(finding(Level::Error, "tags", field, 0, 0, dropsMessage(tag)));
            continue;
        }
        if (there == 0) {
            out.append(finding(Level::Error, "tags", field, here[0].line, here[0].column, addsMessage(tag)));
            continue;
        }
        const QString message =
            QCoreApplication::translate("cio::qa",
                                        "Uses %1 a different number of times: %2 here, %3 in the Default")
                .arg(tag)
                .arg(here.size())
                .arg(there);
        const bool more = here.size() > there;
        out.append(finding(Level::Error, "tags", field, more ? here[there].line : 0,
                           more ? here[there].column : 0, message));
    }
}

// A translation may use the language's own version of a snippet: "footer_de" (or "footer-de") for the
// Default's "footer" is the same reference, not a dropped and an added one.
QList<Reference> withLocalizedSnippets(const QList<Reference> &mine, const QList<Reference> &theirs,
                                       const QString &language)
{
    if (language.isEmpty())
        return mine;
    const QString suffix = language.toLower().replace(u'-', u'_');
    QList<Reference> result;
    for (Reference reference : mine) {
        const QString name = reference.name.toLower().replace(u'-', u'_');
        for (const Reference &original : theirs) {
            if (name == original.name.toLower().replace(u'-', u'_') + u'_' + suffix) {
                reference.name = original.name;
                break;
            }
        }
        result.append(reference);
    }
    return result;
}

void checkReferences(const VariantText &variant, const VariantText &defaultVariant, QList<Finding> &out)
{
    for (auto it = variant.analysis.cbegin(); it != variant.analysis.cend(); ++it) {
        const Analysis *mine = parsedAnalysis(variant, it.key());
        const Analysis *theirs = parsedAnalysis(defaultVariant, it.key());
        if (!mine || !theirs)
            continue;
        compareNames(mine->variables, theirs->variables, "variables", it.key(), describeVariable, out);
        compareTagCounts(mine->tags, theirs->tags, it.key(), out);
        compareNames(withLocalizedSnippets(mine->snippets, theirs->snippets, variant.language),
                     theirs->snippets, "snippets", it.key(), describeSnippet, out);
    }
}

void checkLinkTargets(const QString &field, const QList<html::Link> &links, QList<Finding> &out)
{
    for (const html::Link &link : links) {
        const QString target = link.target.trimmed();
        if (target.isEmpty()) {
            out.append(finding(Level::Warning, "links", field, link.line, link.column,
                               QCoreApplication::translate("cio::qa", "This link has no target")));
        } else if (target == QLatin1String("#")) {
            out.append(finding(
                Level::Warning, "links", field, link.line, link.column,
                QCoreApplication::translate("cio::qa", "This link goes nowhere: its target is \"#\"")));
        }
    }
}

// In order: the count must match; a different target may be a deliberate local page, so it only warns.
void compareLinks(const QString &field, const QList<html::Link> &mine, const QList<html::Link> &theirs,
                  QList<Finding> &out)
{
    if (mine.size() != theirs.size()) {
        out.append(finding(Level::Error, "links", field, 0, 0,
                           QCoreApplication::translate("cio::qa", "Has %1 links where the Default has %2")
                               .arg(mine.size())
                               .arg(theirs.size())));
        return;
    }
    for (qsizetype i = 0; i < mine.size(); ++i) {
        if (mine[i].target == theirs[i].target)
            continue;
        out.append(finding(
            Level::Warning, "links", field, mine[i].line, mine[i].column,
            QCoreApplication::translate("cio::qa", "Links to \"%1\" where the Default links to \"%2\"")
                .arg(shorten(mine[i].target), shorten(theirs[i].target))));
    }
}

void checkLinks(const VariantText &variant, const VariantText *defaultVariant, QList<Finding> &out)
{
    for (const QLatin1String field : {Body, BodyAmp}) {
        if (!variant.fields.contains(field))
            continue;
        const QList<html::Link> mine = html::links(variant.fields.value(field));
        checkLinkTargets(field, mine, out);
        if (defaultVariant && defaultVariant->fields.contains(field))
            compareLinks(field, mine, html::links(defaultVariant->fields.value(field)), out);
    }
}

bool hasUnsubscribeLink(const VariantText &variant)
{
    static const QSet<QString> tags = {QStringLiteral("unsubscribe_url"), QStringLiteral("unsubscribe"),
                                       QStringLiteral("manage_subscription_preferences_url")};
    // {{ unsubscribe_url }} as a variable: Customer.io fills it in as well.
    if (const Analysis *analysis = parsedAnalysis(variant, Body)) {
        const auto isLink = [](const Reference &r) { return tags.contains(r.name); };
        return std::any_of(analysis->tags.cbegin(), analysis->tags.cend(), isLink) ||
               std::any_of(analysis->variables.cbegin(), analysis->variables.cend(), isLink);
    }
    static const QRegularExpression tag(QStringLiteral(
        "\\{[%{]-?\\s*(?:unsubscribe_url|unsubscribe|manage_subscription_preferences_url)\\b"));
    return tag.match(variant.fields.value(Body)).hasMatch();
}

void checkUnsubscribe(const VariantText &variant, const VariantText *defaultVariant, QList<Finding> &out)
{
    if (variant.fields.value(Body).trimmed().isEmpty() || hasUnsubscribeLink(variant))
        return;
    const bool defaultHasOne = defaultVariant && !defaultVariant->fields.value(Body).trimmed().isEmpty() &&
                               hasUnsubscribeLink(*defaultVariant);
    QString message;
    if (defaultHasOne && !variant.language.isEmpty())
        message = QCoreApplication::translate("cio::qa", "The translation lost the unsubscribe link the "
                                                         "Default has: add {% unsubscribe_url %} back");
    else if (defaultHasOne)
        message = QCoreApplication::translate("cio::qa", "This variant lost the unsubscribe link the Default "
                                                         "has: add {% unsubscribe_url %} back");
    else
        message = QCoreApplication::translate("cio::qa", "No unsubscribe link: add {% unsubscribe_url %}");
    out.append(finding(Level::Error, "unsubscribe", Body, 0, 0, message));
}

void checkHtml(const VariantText &variant, QList<Finding> &out)
{
    for (const QLatin1String field : {Body, BodyAmp}) {
        for (const html::Problem &problem : html::balanceProblems(variant.fields.value(field)))
            out.append(finding(Level::Error, "html", field, problem.line, problem.column, problem.message));
    }
}

struct Span
{
    qsizetype start = 0;
    qsizetype end = 0; // past the last character
};

// Everything in the text that is an address: URL attribute values, and bare http(s) URLs (plain text,
// CSS url(), Liquid strings).
QList<Span> urlSpans(const QString &text)
{
    static const QSet<QString> urlAttributes = [] {
        const QStringList list =
            QStringLiteral("href src srcset action background poster cite formaction").split(u' ');
        return QSet<QString>(list.cbegin(), list.cend());
    }();
    static const QRegularExpression bareUrl(QStringLiteral("https?://[^\\s\"'<>]+"),
                                            QRegularExpression::CaseInsensitiveOption);
    QList<Span> spans;
    for (const html::Tag &tag : html::tags(text)) {
        for (const html::Attribute &attribute : tag.attributes) {
            if (urlAttributes.contains(attribute.name))
                spans.append({attribute.offset, attribute.offset + attribute.value.size()});
        }
    }
    for (auto matches = bareUrl.globalMatch(text); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        spans.append({match.capturedStart(), match.capturedEnd()});
    }
    return spans;
}

void checkRedacted(const VariantText &variant, QList<Finding> &out)
{
    // The marker as an exporter writes it, and as it looks once a URL encoder got hold of it.
    static const QRegularExpression marker(QStringLiteral("\\[redacted\\]|%5Bredacted%5D"),
                                           QRegularExpression::CaseInsensitiveOption);
    for (auto it = variant.fields.cbegin(); it != variant.fields.cend(); ++it) {
        const QString &text = it.value();
        if (!text.contains(QLatin1String("redacted"), Qt::CaseInsensitive))
            continue;
        const QList<Span> spans = urlSpans(text);
        const html::LineIndex lines(text);
        for (auto matches = marker.globalMatch(text); matches.hasNext();) {
            const QRegularExpressionMatch match = matches.next();
            const auto span = std::find_if(spans.cbegin(), spans.cend(), [&match](const Span &s) {
                return match.capturedStart() >= s.start && match.capturedEnd() <= s.end;
            });
            if (span == spans.cend())
                continue;
            const QString address = text.mid(span->start, span->end - span->start);
            out.append(finding(Level::Error, "redacted", it.key(), lines.line(match.capturedStart()),
                               lines.column(match.capturedStart()),
                               QCoreApplication::translate("cio::qa", "The address \"%1\" still holds a "
                                                                      "[redacted] placeholder: put the real "
                                                                      "value back")
                                   .arg(shorten(address))));
        }
    }
}

// Characters as people count them: a surrogate pair (most emoji) is one.
qsizetype characterCount(const QString &text)
{
    return text.toUcs4().size();
}

void checkLengths(const VariantText &variant, const VariantText *defaultVariant, const Limits &limits,
                  QList<Finding> &out)
{
    const auto shown = [&variant](QLatin1String field) {
        return variant.rendered.value(field, variant.fields.value(field));
    };
    if (variant.email && variant.fields.contains(Subject) && variant.fields.value(Subject).trimmed().isEmpty()) {
        out.append(finding(Level::Error, "subject-empty", Subject, 0, 0,
                           QCoreApplication::translate("cio::qa", "The subject is empty: Customer.io does not "
                                                                  "send an email without one")));
    }
    const qsizetype subject = characterCount(shown(Subject));
    if (subject > limits.subjectWarn) {
        out.append(finding(Level::Warning, "subject-length", Subject, 0, 0,
                           QCoreApplication::translate("cio::qa", "The subject is %1 characters long; phones "
                                                                  "may cut off anything past %2")
                               .arg(subject)
                               .arg(limits.subjectWarn)));
    }
    const QString preheader = shown(Preheader);
    if (characterCount(preheader) > limits.preheaderWarn) {
        out.append(
            finding(Level::Warning, "preheader-length", Preheader, 0, 0,
                    QCoreApplication::translate("cio::qa", "The preheader is %1 characters long; inboxes "
                                                           "may cut off anything past %2")
                        .arg(characterCount(preheader))
                        .arg(limits.preheaderWarn)));
    }
    const QString defaultPreheader = defaultVariant ? defaultVariant->fields.value(Preheader) : QString();
    if (variant.fields.contains(Preheader) && preheader.trimmed().isEmpty() &&
        !defaultPreheader.trimmed().isEmpty()) {
        out.append(
            finding(Level::Info, "preheader-length", Preheader, 0, 0,
                    QCoreApplication::translate("cio::qa", "The preheader is empty; the Default's is \"%1\"")
                        .arg(shorten(defaultPreheader))));
    }
}

void checkUntranslated(const VariantText &variant, const VariantText &defaultVariant, QList<Finding> &out)
{
    bool allEmpty = true;
    for (const QLatin1String field : {Subject, Preheader, Body}) {
        const QString text = variant.fields.value(field);
        if (text != defaultVariant.fields.value(field))
            return;
        allEmpty = allEmpty && text.isEmpty();
    }
    if (!allEmpty) {
        out.append(
            finding(Level::Warning, "untranslated", Subject, 0, 0,
                    QCoreApplication::translate("cio::qa", "Identical to the Default: not translated yet")));
    }
}

int fieldRank(const QString &field)
{
    const QLatin1String order[] = {Subject, Preheader, Body, BodyAmp, BodyPlain};
    const auto found = std::find(std::cbegin(order), std::cend(order), field);
    return int(found - std::cbegin(order));
}

} // namespace

void sortFindings(QList<Finding> &findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        const int rankA = fieldRank(a.field);
        const int rankB = fieldRank(b.field);
        return std::tie(rankA, a.field, a.line, a.column) < std::tie(rankB, b.field, b.line, b.column);
    });
}

QList<Finding> checkVariant(const VariantText &variant, const VariantText *defaultVariant,
                            const Limits &limits)
{
    if (defaultVariant == &variant)
        defaultVariant = nullptr;
    QList<Finding> findings;
    checkLiquidSyntax(variant, findings);
    if (defaultVariant)
        checkReferences(variant, *defaultVariant, findings);
    checkLinks(variant, defaultVariant, findings);
    checkUnsubscribe(variant, defaultVariant, findings);
    checkHtml(variant, findings);
    checkRedacted(variant, findings);
    checkLengths(variant, defaultVariant, limits, findings);
    if (defaultVariant)
        checkUntranslated(variant, *defaultVariant, findings);
    sortFindings(findings);
    return findings;
}

} // namespace cio::qa
