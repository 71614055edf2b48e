// The Liquid we read in C++: snippet references inside {{ }} and {% %} (not in {% raw %}), which the
// snippets page lists and a rename rewrites. Whatever the template, no crash; every reference lies
// inside the text and names what the text there says; renaming a snippet leaves no reference to the
// old name and every other reference as it was.

#include "fuzzsupport.h"

#include "models/snippets/snippetusages.h"

using namespace cio;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = fuzz::text(data, size);
    (void)models::validateSnippetValue(text);

    const QList<models::SnippetReference> refs = models::findSnippetReferences(text);
    for (const models::SnippetReference &r : refs) {
        fuzz::check(r.start >= 0 && r.length > 0 && r.start + r.length <= text.size(), "a reference outside the text",
                    text.toUtf8());
        fuzz::check(text.mid(r.start, 8) == QLatin1String("snippets"), "a reference that does not start at `snippets`",
                    text.toUtf8());
        fuzz::check(r.nameStart > r.start && r.nameStart <= r.start + r.length, "a name outside its reference",
                    text.toUtf8());
        fuzz::check(r.line >= 1 && r.column >= 1, "a reference placed before the text");
    }
    if (refs.isEmpty())
        return 0;

    const QString oldName = refs.first().name;
    // New names as the app lets a user choose them (validateSnippetName: a name with both quote
    // characters cannot be written in Liquid, so it is never a rename's target).
    for (const QString &newName : {QStringLiteral("renamed_snippet"), QStringLiteral("with space and 'quote"),
                                   QStringLiteral("with \"double\" quotes"), QString(oldName + QStringLiteral("-2"))}) {
        if (oldName == newName || models::validateSnippetName(newName, {}).isProblem())
            continue;
        const QString renamed = models::renameSnippetReferences(text, oldName, newName);
        const QList<models::SnippetReference> after = models::findSnippetReferences(renamed);
        int before = 0;
        int others = 0;
        for (const models::SnippetReference &r : refs) {
            if (r.name == oldName)
                ++before;
            else if (r.name != newName)
                ++others;
        }
        int renamedCount = 0;
        int otherCount = 0;
        for (const models::SnippetReference &r : after) {
            fuzz::check(r.name != oldName, "a reference to the old name survived the rename",
                        text.toUtf8() + "\n--\n" + renamed.toUtf8());
            if (r.name == newName)
                ++renamedCount;
            else
                ++otherCount;
        }
        fuzz::check(otherCount == others, "a rename changed references to other snippets",
                    text.toUtf8() + "\n--\n" + renamed.toUtf8());
        fuzz::check(renamedCount >= before, "a rename lost references", text.toUtf8() + "\n--\n" + renamed.toUtf8());
    }
    return 0;
}
