// VariantSaver's pure helpers (the "[redacted]" check, field comparison) and the in-memory journal.
#include "models/variants/variantsaver.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace cio::models {

namespace {

struct Span
{
    qsizetype start = 0, end = 0; // [start, end)
    QString text;
};

// Everything that ends up as an address: attribute values that hold URLs, and bare http(s) URLs
// (plain-text bodies, CSS url(), Liquid strings).
QList<Span> urlSpans(const QString &text)
{
    static const QRegularExpression attribute(
        QString::fromLatin1(R"((?:href|src|srcset|action|background|poster|cite|formaction)\s*=\s*)"
                            R"re((?:"([^"]*)"|'([^']*)'|([^\s>"']+)))re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bareUrl(QString::fromLatin1(R"(https?://[^\s"'<>]+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    QList<Span> spans;
    for (const QRegularExpression *re : {&attribute, &bareUrl}) {
        auto it = re->globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            int group = 0;
            for (int g = 1; g <= re->captureCount(); ++g) {
                if (m.capturedStart(g) >= 0) {
                    group = g;
                    break;
                }
            }
            spans.append({m.capturedStart(group), m.capturedEnd(group), m.captured(group)});
        }
    }
    return spans;
}

QString shorten(const QString &text)
{
    constexpr qsizetype Max = 120;
    return text.size() <= Max ? text : text.left(Max - 1) + QChar(0x2026);
}

} // namespace

QStringList VariantSaver::redactedUrls(const QJsonObject &changes)
{
    // The marker as an exporter wrote it, and as it looks once a URL encoder got hold of it.
    static const QRegularExpression marker(QString::fromLatin1(R"(\[redacted\]|%5Bredacted%5D)"),
                                           QRegularExpression::CaseInsensitiveOption);
    QStringList found;
    for (const char *key : {"body", "body_amp", "body_plain"}) {
        const QString text = changes.value(QLatin1String(key)).toString();
        if (!text.contains(QLatin1String("redacted"), Qt::CaseInsensitive))
            continue;
        const QList<Span> spans = urlSpans(text);
        auto it = marker.globalMatch(text);
        qsizetype lastReported = -1;
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            const auto span = std::find_if(spans.cbegin(), spans.cend(), [&m](const Span &s) {
                return m.capturedStart() >= s.start && m.capturedEnd() <= s.end;
            });
            if (span == spans.cend() || span->start == lastReported)
                continue;
            lastReported = span->start;
            const qsizetype line = text.left(m.capturedStart()).count(QLatin1Char('\n')) + 1;
            found << QStringLiteral("%1, line %2: %3")
                         .arg(QLatin1String(key))
                         .arg(line)
                         .arg(shorten(span->text));
        }
    }
    return found;
}

QJsonObject VariantSaver::editableFields(const api::Content &c)
{
    QJsonObject o{{QStringLiteral("subject"), c.subject},
                  {QStringLiteral("preheader_text"), c.preheaderText},
                  {QStringLiteral("body"), c.body},
                  {QStringLiteral("body_amp"), c.bodyAmp},
                  {QStringLiteral("body_plain"), c.bodyPlain},
                  {QStringLiteral("recipient"), c.recipient},
                  {QStringLiteral("reply_to_id"), c.replyToId ? QJsonValue(*c.replyToId) : QJsonValue()}};
    if (c.fromId) // not nullable in the contract: absent stays absent
        o.insert(QStringLiteral("from_id"), *c.fromId);
    return o;
}

QString VariantSaver::fieldLabel(const QString &key)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("subject"), QT_TR_NOOP("Subject")},
        {QStringLiteral("preheader_text"), QT_TR_NOOP("Preheader")},
        {QStringLiteral("body"), QT_TR_NOOP("HTML body")},
        {QStringLiteral("body_amp"), QT_TR_NOOP("AMP body")},
        {QStringLiteral("body_plain"), QT_TR_NOOP("Plain-text body")},
        {QStringLiteral("from_id"), QT_TR_NOOP("From")},
        {QStringLiteral("reply_to_id"), QT_TR_NOOP("Reply-To")},
        {QStringLiteral("recipient"), QT_TR_NOOP("Recipient")},
        {QStringLiteral("updated"), QT_TR_NOOP("update time")},
    };
    const auto it = labels.constFind(key);
    return it == labels.cend() ? key : tr(it.value());
}

QStringList VariantSaver::fieldLabels(const QStringList &keys)
{
    QStringList out;
    for (const QString &key : keys)
        out << fieldLabel(key);
    return out;
}

QStringList VariantSaver::differingFields(const api::Content &a, const api::Content &b)
{
    const QJsonObject x = editableFields(a);
    const QJsonObject y = editableFields(b);
    QStringList keys = x.keys() + y.keys();
    keys.removeDuplicates();
    QStringList out;
    for (const QString &key : std::as_const(keys)) {
        if (x.value(key) != y.value(key))
            out << key;
    }
    if (a.updated != b.updated)
        out << QStringLiteral("updated");
    return out;
}

qint64 MemorySaveJournal::keepSnapshot(qint64 newsletterId, const api::Content &serverVersion)
{
    Entry entry{m_nextId++, serverVersion};
    if (entry.content.newsletterId == 0)
        entry.content.newsletterId = newsletterId;
    m_snapshots.append(entry);
    return entry.id;
}

std::optional<api::Content> MemorySaveJournal::latestSnapshot(qint64 contentId) const
{
    for (auto it = m_snapshots.crbegin(); it != m_snapshots.crend(); ++it) {
        if (it->content.id == contentId)
            return it->content;
    }
    return std::nullopt;
}

void MemorySaveJournal::dropSnapshot(qint64 snapshotId)
{
    m_snapshots.removeIf([snapshotId](const Entry &e) { return e.id == snapshotId; });
}

} // namespace cio::models
