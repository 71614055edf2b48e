// Files a user picks (bodies, snippet values, templates, sample data, lists of people): any bytes in
// any of the encodings offered either decode to exactly the text they hold or are refused with a
// reason; never a U+FFFD that was not in the file.

#include "fuzzsupport.h"

#include "models/common/textfile.h"

#include <QStringDecoder>

using namespace cio;

namespace {
const QByteArray Utf32BeMark("\x00\x00\xFE\xFF", 4);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const QString encodings[] = {QString(), QStringLiteral("utf-8"), QStringLiteral("windows-1252"),
                                        QStringLiteral("latin1"), QStringLiteral("utf-16le"),
                                        QStringLiteral("shift_jis"), QStringLiteral("no-such-encoding")};
    const QString encoding = encodings[data[0] % std::size(encodings)];
    const QByteArray input = fuzz::bytes(data + 1, size - 1);

    const models::TextFile file = models::TextFiles::decode(input, QStringLiteral("fuzz.txt"), encoding);
    if (!file.ok())
        return 0;
    fuzz::check(!file.text.contains(QChar(u'\0')), "decoded text holds NUL", input);
    if (encoding.isEmpty() || encoding == QLatin1String("utf-8")) {
        QByteArray withoutBom = input;
        if (withoutBom.startsWith("\xEF\xBB\xBF"))
            withoutBom.remove(0, 3);
        // Plain UTF-8 (no UTF-16/32 byte-order mark): the text is exactly the bytes. (The UTF-32 mark is
        // spelled with its length: as a C string it would be empty, and every input would start with it.)
        if (!input.startsWith("\xFF\xFE") && !input.startsWith("\xFE\xFF") && !input.startsWith(Utf32BeMark))
            fuzz::check(file.text.toUtf8() == withoutBom, "UTF-8 text changed on decoding", input);
    }
    // A U+FFFD the file spells in UTF-8, or in UTF-16/32 after a byte-order mark, is the file's own.
    if (!QString::fromLatin1(input).contains(QChar(0xFFFD)) && !input.contains("\xEF\xBF\xBD")
        && encoding != QLatin1String("utf-16le") && !input.startsWith("\xFF\xFE") && !input.startsWith("\xFE\xFF")
        && !input.startsWith(Utf32BeMark))
        fuzz::check(!file.text.contains(QChar(0xFFFD)), "a replacement character that was not in the file", input);
    return 0;
}
