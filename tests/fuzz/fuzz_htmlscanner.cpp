// The QA checks' HTML scanner reads email bodies: HTML with Liquid anywhere, written by people and
// pasted from other tools. Whatever the body, no crash, no endless loop, and every tag, link and
// problem it reports is placed inside the body.

#include "fuzzsupport.h"

#include "qa/htmlscanner.h"

using namespace cio;

namespace {

void checkPlace(const qa::html::LineIndex &index, int line, int column, int lines, const char *what)
{
    Q_UNUSED(index)
    fuzz::check(line >= 1 && line <= lines && column >= 1, what);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString body = fuzz::text(data, size);
    const qa::html::LineIndex index(body);
    const int lines = static_cast<int>(body.count(QLatin1Char('\n'))) + 1;

    for (qsizetype offset : {qsizetype(0), body.size() / 2, body.size()}) {
        const int line = index.line(offset);
        fuzz::check(line >= 1 && line <= lines, "LineIndex gave a line the text does not have");
        fuzz::check(index.column(offset) >= 1, "LineIndex gave a column before the line");
    }

    const QList<qa::html::Tag> tags = qa::html::tags(body);
    for (const qa::html::Tag &tag : tags) {
        checkPlace(index, tag.line, tag.column, lines, "a tag outside the body");
        fuzz::check(!tag.name.isEmpty() && tag.name == tag.name.toLower(), "a tag name that is empty or not lower case",
                    tag.name.toUtf8());
        for (const qa::html::Attribute &a : tag.attributes) {
            fuzz::check(a.offset >= 0 && a.offset <= body.size(), "an attribute outside the body", a.name.toUtf8());
            checkPlace(index, a.line, a.column, lines, "an attribute placed outside the body");
            if (!a.value.isEmpty())
                fuzz::check(body.mid(a.offset, a.value.size()) == a.value, "an attribute value not where it is said to be",
                            a.value.toUtf8());
        }
    }
    for (const qa::html::Link &link : qa::html::links(body))
        checkPlace(index, link.line, link.column, lines, "a link outside the body");
    for (const qa::html::Problem &problem : qa::html::balanceProblems(body)) {
        checkPlace(index, problem.line, problem.column, lines, "a balance problem outside the body");
        fuzz::check(!problem.message.isEmpty(), "a balance problem without a message");
    }
    return 0;
}
