#pragma once

#include <QList>
#include <QString>

// A small HTML tokenizer for email bodies: HTML with Liquid inside. Liquid ({{ }} and {% %}) is opaque
// text wherever it appears, even inside attribute values, so quotes and '>' inside it change nothing.
// Comments, <!DOCTYPE>, CDATA and the content of <script>, <style>, <textarea> and <title> are skipped.
namespace cio::qa::html {

// Line and column (both 1-based; columns count QChar positions) of offsets into one text.
class LineIndex final
{
public:
    explicit LineIndex(const QString &text);

    int line(qsizetype offset) const;
    int column(qsizetype offset) const;

private:
    QList<qsizetype> m_lineStarts;
};

struct Attribute final
{
    QString name;         // lower case
    QString value;        // as written (entities and Liquid untouched); empty when there is none
    qsizetype offset = 0; // of the value's first character; of the name when there is no value
    int line = 0;
    int column = 0;
};

struct Tag final
{
    QString name;             // lower case
    bool end = false;         // </name>
    bool selfClosing = false; // <name ... />
    // Inside the {% else %}/{% elsif %} branch of a Liquid if, unless or for, or past the first
    // {% when %} of a case: another version of markup an earlier branch already has.
    bool alternative = false;
    QList<Attribute> attributes;
    int line = 0; // of the '<'
    int column = 0;

    const Attribute *attribute(const QString &attributeName) const; // the first one; nullptr if none
};

// The target of an <a href> or <area href>, where its value starts.
struct Link final
{
    QString target; // as written, Liquid kept
    int line = 0;
    int column = 0;
};

struct Problem final
{
    int line = 0;
    int column = 0;
    QString message; // in the user's terms
};

// Every start and end tag, in order.
QList<Tag> tags(const QString &body);

// Every <a href> and <area href>, in order.
QList<Link> links(const QString &body);

// Elements never closed, end tags that close nothing and end tags that close an inner element first,
// sorted by place. Void elements, `/>` and end tags HTML lets one omit (</p>, </li>, </td>, …) are
// fine. Only the first branch of Liquid conditionals counts, as the others repeat its markup.
QList<Problem> balanceProblems(const QString &body);

} // namespace cio::qa::html
