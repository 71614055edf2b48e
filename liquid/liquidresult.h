#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace cio::liquid {

// A Liquid error with its place in the template (1-based; 0 when the engine gave none).
struct LiquidError final
{
    QString kind;    // ParseError, TokenizationError, UndefinedVariableError, NestedSnippetError, …
    QString message; // in the user's terms, without the location
    int line = 0;
    int column = 0;

    static LiquidError fromJson(const QJsonObject &o);
    QString toString() const; // "line 3, column 7: message"
};

// A name a template uses (a variable path such as `customer.first_name`, a tag such as
// `unsubscribe_url`, or a snippet name) and where.
struct Reference final
{
    QString name;
    int line = 0;
    int column = 0;

    static Reference fromJson(const QJsonObject &o);
};

// What static analysis found in one template. parsed is false when the template does not parse; errors
// then says why and the lists are empty.
struct Analysis final
{
    bool parsed = true;
    QList<LiquidError> errors;
    QList<Reference> variables; // global variables only (not those the template assigns), snippets excluded
    QList<Reference> tags;      // every {% tag %}, in order, including end tags
    QList<Reference> snippets;  // snippets.name and snippets["a name"]; empty name = chosen by a variable

    static Analysis fromJson(const QJsonObject &o);
};

struct RenderResult final
{
    bool ok = false;
    QString output; // in strict mode with errors: what a lenient render gives, for the preview
    QList<LiquidError> errors;
    double renderMs = 0; // time inside the engine

    static RenderResult fromJson(const QJsonObject &o);
    static RenderResult failure(const QString &message); // the engine itself failed
};

} // namespace cio::liquid

Q_DECLARE_METATYPE(cio::liquid::RenderResult)
Q_DECLARE_METATYPE(cio::liquid::Analysis)
