#include "models/common/textfile.h"

#include <QFile>
#include <QDir>
#include <QStringDecoder>
#include <QStringEncoder>

namespace cio::models {

bool TextFiles::isKnownEncoding(const QString &encoding)
{
    return QStringDecoder(encoding.toLatin1().constData()).isValid();
}

TextFile TextFiles::decode(const QByteArray &data, const QString &name, const QString &encoding)
{
    TextFile result;
    const auto announced = QStringConverter::encodingForData(data);
    const bool unicodeByMark = announced && *announced != QStringConverter::Utf8;
    QStringDecoder decoder = encoding.isEmpty() || unicodeByMark
                                 ? QStringDecoder(announced.value_or(QStringConverter::Utf8),
                                                  QStringConverter::Flag::Stateless)
                                 : QStringDecoder(encoding.toLatin1().constData(), QStringConverter::Flag::Stateless);
    if (!decoder.isValid()) {
        result.error = tr("The encoding “%1” is not known here; use a name such as UTF-8, windows-1252 or "
                          "ISO-8859-15.")
                           .arg(encoding);
        return result;
    }
    QString text = decoder.decode(data);
    // NUL is binary data in every encoding; it is looked for in the text, as in UTF-16 or UTF-32 (by
    // byte-order mark or by --encoding) every ASCII character has zero bytes (found by fuzz_textfile).
    const bool binary = text.contains(QChar(0)) ||
                        (decoder.hasError() && !unicodeByMark && encoding.isEmpty() && data.contains('\0'));
    if (binary) {
        result.error = tr("%1 is not a text file (it holds binary data); nothing was read from it.").arg(name);
        return result;
    }
    // Some decoders (UTF-32 with a code point past U+10FFFF) put U+FFFD in without reporting an error:
    // more replacement characters than the file spells out is a bad byte all the same (found by
    // fuzz_textfile).
    bool replaced = false;
    if (const qsizetype replacements = text.count(QChar(QChar::ReplacementCharacter))) {
        QStringEncoder encoder = encoding.isEmpty() || unicodeByMark
                                     ? QStringEncoder(announced.value_or(QStringConverter::Utf8))
                                     : QStringEncoder(encoding.toLatin1().constData());
        const QByteArray spelled = encoder.encode(QStringView(u"\uFFFD"));
        // In UTF-16 and UTF-32 a character starts only at a multiple of its unit.
        const QString encoderName = QString::fromLatin1(encoder.name());
        const bool units = encoderName.startsWith(QLatin1String("UTF-16"), Qt::CaseInsensitive) ||
                           encoderName.startsWith(QLatin1String("UTF-32"), Qt::CaseInsensitive);
        qsizetype spelledOut = 0;
        for (qsizetype at = data.indexOf(spelled); !spelled.isEmpty() && at >= 0; at = data.indexOf(spelled, at + 1)) {
            if (!units || at % spelled.size() == 0)
                ++spelledOut;
        }
        replaced = encoder.hasError() || spelled.isEmpty() || spelledOut < replacements;
    }
    // Qt's UTF-32 decoder turns a code point past U+10FFFF into a lone surrogate without an error: text
    // that is not valid UTF-16 after decoding came from bytes that were not valid in their encoding
    // (found by fuzz_textfile).
    if (!text.isValidUtf16())
        replaced = true;
    if (decoder.hasError() || replaced) {
        // Where the first bad byte is (decoding put U+FFFD there), for someone looking at it in an editor.
        const qsizetype bad = text.indexOf(QChar(QChar::ReplacementCharacter));
        const int line = int(text.left(qMax<qsizetype>(0, bad)).count(QLatin1Char('\n'))) + 1;
        result.error = encoding.isEmpty()
                           ? tr("%1 is not UTF-8 text (line %2 holds bytes that are not UTF-8); nothing was read "
                                "from it. Save it as UTF-8, or name its encoding (for example --encoding "
                                "windows-1252).")
                                 .arg(name)
                                 .arg(line)
                           : tr("%1 is not valid %2 text; nothing was read from it.").arg(name, encoding);
        return result;
    }
    // The decoder has skipped the byte-order mark; a second U+FEFF after it is the file's own character
    // (found by fuzz_textfile).
    result.text = text;
    return result;
}

TextFile TextFiles::read(const QString &path, const QString &encoding, qint64 maxBytes)
{
    TextFile result;
    QFile file;
    const bool standardInput = path == QLatin1String("-");
    const QString name = standardInput ? tr("Standard input") : QStringLiteral("“%1”").arg(QDir::toNativeSeparators(path));
    const bool opened = standardInput ? file.open(stdin, QIODevice::ReadOnly)
                                      : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        result.error = tr("%1 cannot be read: %2").arg(name, file.errorString());
        return result;
    }
    const QByteArray data = file.read(maxBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        result.error = tr("%1 cannot be read: %2").arg(name, file.errorString());
        return result;
    }
    if (data.size() > maxBytes) {
        result.error = tr("%1 is larger than %2 MB; nothing was read from it.").arg(name).arg(maxBytes / (1024 * 1024));
        return result;
    }
    return decode(data, name, encoding);
}

} // namespace cio::models
