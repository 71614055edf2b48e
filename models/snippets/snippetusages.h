#pragma once

#include "api/dto.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace cio::models {

class LocalStore;

// Limits of a snippet as the App API contract states them (customerio-app-openapi.subset.json, PUT
// /v1/snippets, and api/NOTES.md "Snippet"): a name of at most 150 characters; a value whose maximum is
// "environment-specific (default 16000)" characters.
constexpr int MaxSnippetNameLength = 150;
constexpr int MaxSnippetValueLength = 16000;

// The length of a name or value as the API counts it: characters (code points), not UTF-16 units.
qsizetype characterCount(QStringView text);

// One place where a stored variant refers to a snippet: `{{ snippets.name }}` or
// `{{ snippets["name"] }}` inside Liquid (`{{ }}` or `{% %}`). line and column are 1-based and point
// at the word `snippets`.
struct SnippetUsage final
{
    qint64 newsletterId = 0;
    QString newsletterName;
    qint64 contentId = 0;
    QString language;  // "" for the Default
    QString testGroup; // the test group's name ("A"), "" when the newsletter has none
    QString field;     // API name: subject, preheader_text, body, body_amp, body_plain
    int line = 0;
    int column = 0;
};

// A snippet reference found in a text: which snippet and where (offsets in QChar units).
struct SnippetReference final
{
    QString name;
    int start = 0;     // of the word `snippets`
    int length = 0;    // up to the end of the name (dot form) or the closing bracket
    int nameStart = 0; // of the name itself (inside the quotes of the bracket form)
    int line = 0;      // 1-based
    int column = 0;    // 1-based
    QChar quote;       // the bracket form's quote character; null for the dot form

    bool isBracket() const { return !quote.isNull(); }
};

// Why a snippet's name or value cannot be saved, in the user's terms; empty when nothing is wrong.
// line and column (1-based) place a value problem; 0 when it has no place.
struct SnippetProblem final
{
    QString message;
    int line = 0;
    int column = 0;

    bool isProblem() const { return !message.isEmpty(); }
};

// Every reference to a named snippet inside the Liquid of `text` ({{ }} and {% %}, not {% raw %}),
// in both syntaxes; whitespace around the dot and inside the brackets is allowed. A reference chosen
// by a variable (`snippets[name]`) names no snippet and is left out.
QList<SnippetReference> findSnippetReferences(const QString &text);

// The fields of a variant that may refer to snippets, with their API names, in display order.
QStringList snippetFieldNames();

// Every place a stored variant (subject, preheader, body, AMP body, plain body) refers to `name`,
// ordered by newsletter, variant, field and position.
QList<SnippetUsage> findSnippetUsages(const LocalStore &store, const QString &name);
// The same for every snippet at once (one pass over the store), keyed by snippet name.
QHash<QString, QList<SnippetUsage>> findAllSnippetUsages(const LocalStore &store);

// `text` with every reference to oldName pointing at newName instead; the rest (whitespace, filters
// such as `| upcase`) stays as it was. A name that is not a Liquid identifier (spaces, dots, …) gets
// the bracket form; a bracket reference keeps its quotes when the new name allows them.
QString renameSnippetReferences(const QString &text, const QString &oldName, const QString &newName);
// The fields of a variant (API names, as snippetFieldNames()) whose text changes when its references to
// oldName point at newName, with their new text; empty when it has none.
QJsonObject renameSnippetInVariant(const api::Content &content, const QString &oldName,
                                   const QString &newName);
// How a template refers to `name`: `snippets.name`, or `snippets["name"]` when it has to.
QString snippetReferenceFor(const QString &name);
// True when `snippets.<name>` works (a Liquid identifier: letter or _, then letters, digits, _ or -).
bool isIdentifierSnippetName(const QString &name);

// The name as the API keeps it (trimmed) must be non-empty, at most MaxSnippetNameLength characters,
// quotable in Liquid and unique among `existingNames` other than `self` (the name being edited).
SnippetProblem validateSnippetName(const QString &name, const QStringList &existingNames,
                                   const QString &self = {});
// The same against the snippets of the local store.
SnippetProblem validateSnippetName(const LocalStore &store, const QString &name, const QString &self = {});
// At most MaxSnippetValueLength characters, and no reference to a snippet (Customer.io refuses
// snippets inside snippets). Whether the Liquid parses is checked by the engine, separately.
SnippetProblem validateSnippetValue(const QString &value);

// "Newsletter name (12), de / A, body line 3" for lists and messages.
QString describeSnippetUsage(const SnippetUsage &usage);
// A short list for a question or a banner: at most `limit` usages, then "and N more".
QString summarizeSnippetUsages(const QList<SnippetUsage> &usages, int limit = 12);

} // namespace cio::models
