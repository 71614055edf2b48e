// The translation exchange reads two things people hand it: email bodies (HTML and Liquid, written by
// hand and pasted from other tools) and XLIFF files back from translators' tools. Whatever the input:
// no crash, no endless loop; segmenting any text and rebuilding it untouched gives back the same text,
// every unit's own pieces pass the code check, and units written to XLIFF read back unit for unit.

#include "fuzzsupport.h"

#include "models/translation/xliff.h"

using namespace cio;
using namespace cio::models::translation;

namespace {

void checkSegmentation(const QString &text, FieldFormat format)
{
    const Segmentation s = segment(text, format);
    QHash<QString, Pieces> same;
    qsizetype previousStart = -1;
    ExchangeFile file;
    file.id = QStringLiteral("f");
    file.original = QStringLiteral("fuzz");
    file.sourceLanguage = QStringLiteral("en");
    file.targetLanguage = QStringLiteral("de");
    for (const Unit &u : s.units) {
        fuzz::check(u.start >= 0 && u.start < u.end && u.end <= text.size(), "a unit outside the text", u.id.toUtf8());
        fuzz::check(u.start >= previousStart, "units out of order", u.id.toUtf8());
        previousStart = u.start;
        fuzz::check(codeProblem(u, u.pieces).isEmpty(), "a unit whose own pieces fail the code check",
                    codeProblem(u, u.pieces).toUtf8());
        same.insert(u.id, u.pieces);
        file.units.append(ExchangeUnit{u.id, u.kind, u.pieces, u.pieces, TargetState::Translated, {}});
    }
    fuzz::check(same.size() == s.units.size(), "two units with one id");
    fuzz::check(rebuild(s, {}) == text, "the text does not rebuild as it was", text.toUtf8());
    fuzz::check(rebuild(s, same) == text, "untouched targets change the text", text.toUtf8());
    if (file.units.isEmpty())
        return;
    const XliffRead read = readXliff(writeXliff(file, XliffVersion::V2_0));
    fuzz::check(read.file.has_value(), "our own XLIFF does not read back", read.error.toUtf8());
    fuzz::check(read.file->units.size() == file.units.size(), "our own XLIFF reads back another number of units");
    for (int i = 0; i < file.units.size(); ++i) {
        const ExchangeUnit &back = read.file->units.at(i);
        fuzz::check(back.target && samePieces(*back.target, file.units.at(i).source),
                    "a unit's target changed on its way through XLIFF", file.units.at(i).id.toUtf8());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = fuzz::text(data, size);
    checkSegmentation(text, FieldFormat::Html);
    checkSegmentation(text, FieldFormat::Plain);

    // The same bytes as a file back from a tool.
    const XliffRead read = readXliff(fuzz::bytes(data, size));
    fuzz::check(read.file.has_value() != !read.error.isEmpty(), "a read with both or neither a file and an error");
    if (read.file) {
        for (const ExchangeUnit &u : read.file->units) {
            const Unit source{u.id, u.kind, 0, 0, u.source};
            if (u.target)
                codeProblem(source, *u.target);
        }
    }
    return 0;
}
