#pragma once
// The HTML tokenizer of the segmenter: HTML with Liquid anywhere (inside attribute values too), tolerant of
// what people write and paste. Liquid tokens, tags (with their attributes' value places), text, and opaque
// stretches (comments, <!DOCTYPE>, CDATA, and the whole of head/style/script/title/textarea/pre).
#include <QList>
#include <QString>

namespace cio::models::translation::html {

bool isInline(const QString &name); // its tags stay inside a unit as codes
bool isVoid(const QString &name);
bool isHtmlSpace(QChar c);

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

bool startsLiquid(const QString &text, qsizetype at); // "{{" or "{%" at `at`
// Where the Liquid token starting at `at` ends; a {% raw %} or {% comment %} block is one token through
// its end tag. The end of the text when it is never closed.
qsizetype liquidEnd(const QString &text, qsizetype at);
QList<Token> tokenize(const QString &text);

} // namespace cio::models::translation::html
