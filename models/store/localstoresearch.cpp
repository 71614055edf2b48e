// The full-text index (FTS5) over every variant's name, subject, preheader and body.
#include "models/store/localstore.h"

#include "models/store/localstore_p.h"

#include <QJsonDocument>
#include <QJsonObject>
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
    QString lastWord;
    const QStringList words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (QString word : words) {
        if (!word.contains(wordChar)) // only punctuation: nothing FTS5 could match
            continue;
        lastWord = word;
        word.replace(QLatin1Char('"'), QLatin1String("\"\""));
        terms.append(QLatin1Char('"') + word + QLatin1Char('"'));
    }
    // A last word of one letter is only the start of typing: a prefix search on it would match a large
    // part of every language and tell the user nothing, so it waits for the second letter.
    if (lastWord.size() < 2 && !terms.isEmpty())
        terms.removeLast();
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
    // The index carries the newsletter id, so no large contents row is read; the LIMIT lets SQLite keep
    // only the best rows while ranking (a newsletter rarely has more than 24 variants).
    // Ranking costs a bm25 score for every match; a two- or three-letter prefix matches a large part of
    // the workspace, so such a query takes the first matches unranked and stops early instead.
    const bool shortPrefix = text.simplified().size() < 4;
    const QString sql =
        shortPrefix ? QStringLiteral("SELECT newsletter_id FROM content_fts WHERE content_fts MATCH ? "
                                     "LIMIT ?")
                    : QStringLiteral("SELECT newsletter_id FROM content_fts WHERE content_fts MATCH ? "
                                     "ORDER BY bm25(content_fts, 10.0, 5.0, 3.0, 1.0) LIMIT ?");
    if (!store::run(query, sql, {expression, qint64(limit) * 24}))
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

bool LocalStore::indexContent(const api::Content &content, qint64 newsletterId)
{
    QSqlQuery query(database());
    const QString body = content.body.isEmpty() ? content.bodyPlain : readableText(content.body);
    return store::run(query, QStringLiteral("DELETE FROM content_fts WHERE rowid = ?"), {content.id}) &&
           store::run(
               query,
               QStringLiteral("INSERT INTO content_fts(rowid, name, subject, preheader, body, newsletter_id) "
                              "VALUES(?, ?, ?, ?, ?, ?)"),
               {content.id, content.name, content.subject, content.preheaderText, body, newsletterId});
}

bool LocalStore::reindexAll()
{
    QSqlQuery rows(database());
    if (!store::run(rows, QStringLiteral("SELECT newsletter_id, json FROM contents")))
        return false;
    while (rows.next()) {
        const api::Content content =
            api::Content::fromJson(QJsonDocument::fromJson(rows.value(1).toByteArray()).object());
        if (!indexContent(content, rows.value(0).toLongLong()))
            return false;
    }
    return true;
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
