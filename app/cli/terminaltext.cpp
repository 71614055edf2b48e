#include "app/cli/terminaltext.h"

#ifdef Q_OS_WIN
#include <io.h>
#define CIO_ISATTY _isatty
#define CIO_FILENO _fileno
#else
#include <unistd.h>
#define CIO_ISATTY isatty
#define CIO_FILENO fileno
#endif

namespace cio::app {

bool isTerminalHazard(char32_t c)
{
    if (c == U'\t' || c == U'\n')
        return false;
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

QString neutraliseForTerminal(const QString &text)
{
    QString out;
    out.reserve(text.size());
    const QList<uint> codePoints = text.toUcs4();
    bool any = false;
    for (const uint code : codePoints) {
        const char32_t c = char32_t(code);
        if (isTerminalHazard(c)) {
            any = true;
            out += QStringLiteral("⟨U+%1⟩").arg(QString::number(code, 16).toUpper().rightJustified(4, QLatin1Char('0')));
        } else {
            out += QString::fromUcs4(&c, 1);
        }
    }
    return any ? out : text;
}

QByteArray escapeHazardsInJson(const QByteArray &json)
{
    // Outside strings JSON is ASCII without controls, so every hazard found is inside a string, where
    // an escape means the same character.
    const QString text = QString::fromUtf8(json);
    QString out;
    out.reserve(text.size());
    bool any = false;
    for (const QChar c : text) {
        // All hazards are in the Basic Multilingual Plane, so one UTF-16 unit each.
        if (isTerminalHazard(char32_t(c.unicode())) && c != QLatin1Char('\r')) {
            any = true;
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return any ? out.toUtf8() : json;
}

bool isTerminal(FILE *stream)
{
    return CIO_ISATTY(CIO_FILENO(stream)) != 0;
}

bool outputIsTerminal(FILE *stream)
{
    const QByteArray forced = qgetenv("CIO_TERMINAL");
    if (forced == "1")
        return true;
    if (forced == "0")
        return false;
    return isTerminal(stream);
}

TerminalDevice::TerminalDevice(FILE *stream, QObject *parent)
    : QIODevice(parent)
    , m_stream(stream)
    , m_neutralise(outputIsTerminal(stream))
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 TerminalDevice::writeData(const char *data, qint64 size)
{
    if (!m_neutralise) {
        const size_t written = std::fwrite(data, 1, size_t(size), m_stream);
        std::fflush(m_stream);
        return qint64(written);
    }
    // Stateful: a character split across two writes is decoded whole.
    const QString text = m_decoder.decode(QByteArrayView(data, size));
    const QByteArray safe = neutraliseForTerminal(text).toUtf8();
    std::fwrite(safe.constData(), 1, size_t(safe.size()), m_stream);
    std::fflush(m_stream);
    return size;
}

} // namespace cio::app
