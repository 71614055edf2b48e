// The full-text index (FTS5) over every variant's name, subject, preheader and body.
#include "models/localstore.h"

#include "models/localstore_p.h"

#include <QRegularExpression>
#include <QSqlDatabase>

namespace cio::models {

namespace {

// Markup words (div, td, style rules) would drown the text people look for, so the body is indexed
// as the text a reader sees. Liquid stays: people do search for their variable names.
QString readableText(const QString &html)
{
    static const QRegularExpression hidden(QStringLiteral("<(style|script)\\b.*?</\\1\\s*>|<!--.*?-->"),
                                           QRegularExpression::CaseInsensitiveOption |
                                               QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    QString text = html;
    text.replace(hidden, QStringLiteral(" "));
    text.replace(tag, QStringLiteral(" "));
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text;
}

// Each word becomes a quoted FTS5 string, so operators and punctuation typed by the user are plain
// text; FTS5 ANDs them. The last word matches as a prefix, as the user is probably still typing it.
QString matchExpression(const QString &text)
{
    static const QRegularExpression wordChar(QStringLiteral("[\\p{L}\\p{N}]"));
    QStringList terms;
    const QStringList words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (QString word : words) {
        if (!word.contains(wordChar)) // only punctuation: nothing FTS5 could match
            continue;
        word.replace(QLatin1Char('"'), QLatin1String("\"\""));
        terms.append(QLatin1Char('"') + word + QLatin1Char('"'));
    }
    if (!terms.isEmpty())
        terms.last().append(QLatin1Char('*'));
    return terms.join(QLatin1Char(' '));
}

} // namespace

QList<qint64> LocalStore::search(const QString &text, int limit) const
{
    QList<qint64> ids;
    const QString expression = matchExpression(text);
    if (expression.isEmpty() || limit <= 0)
        return ids;
    QSqlQuery query(database());
    // bm25() cannot sit inside an aggregate, so variants come back ranked and are folded into their
    // newsletters here; a newsletter ranks by its best variant. Weights: name, subject, preheader, body.
    if (!store::run(query,
                    QStringLiteral(
                        "SELECT c.newsletter_id FROM content_fts JOIN contents c ON c.id = content_fts.rowid "
                        "WHERE content_fts MATCH ? ORDER BY bm25(content_fts, 10.0, 5.0, 3.0, 1.0)"),
                    {expression}))
        return ids;
    QSet<qint64> seen;
    while (ids.size() < limit && query.next()) {
        const qint64 id = query.value(0).toLongLong();
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    }
    return ids;
}

bool LocalStore::indexContent(const api::Content &content)
{
    QSqlQuery query(database());
    const QString body = content.body.isEmpty() ? content.bodyPlain : readableText(content.body);
    return store::run(query, QStringLiteral("DELETE FROM content_fts WHERE rowid = ?"), {content.id}) &&
           store::run(query,
                      QStringLiteral("INSERT INTO content_fts(rowid, name, subject, preheader, body) "
                                     "VALUES(?, ?, ?, ?, ?)"),
                      {content.id, content.name, content.subject, content.preheaderText, body});
}

bool LocalStore::unindexNewsletter(qint64 newsletterId)
{
    QSqlQuery query(database());
    return store::run(query,
                      QStringLiteral("DELETE FROM content_fts WHERE rowid IN "
                                     "(SELECT id FROM contents WHERE newsletter_id = ?)"),
                      {newsletterId});
}

} // namespace cio::models
