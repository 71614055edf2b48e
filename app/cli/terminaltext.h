#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringDecoder>

#include <cstdio>

namespace cio::app {

// Characters that change what a terminal shows without being seen themselves: C0 and C1 controls
// other than tab and line feed (ESC starts escape sequences, NUL cuts text short), DEL, the bidi
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069, which reorder what follows), and
// the invisible spaces U+200B, U+2060 and U+FEFF (two names that look the same can differ by one).
// Joiners (U+200C/U+200D) and the direction marks stay: scripts and emoji need them.
bool isTerminalHazard(char32_t c);

// Each hazard replaced by a visible ⟨U+XXXX⟩, so that what a server sent cannot disguise itself.
QString neutraliseForTerminal(const QString &text);

// Compact JSON as QJsonDocument writes it, with every hazard inside strings written as a \uXXXX escape
// instead of raw: the same JSON value, safe to print.
QByteArray escapeHazardsInJson(const QByteArray &json);

// Whether a standard stream is a terminal (a person types or reads there).
bool isTerminal(FILE *stream);
// For the CLI's output: isTerminal(), unless CIO_TERMINAL=1 (yes) or CIO_TERMINAL=0 (no) says otherwise.
bool outputIsTerminal(FILE *stream);

// A write-only device in front of stdout or stderr that neutralises hazards when the stream is a
// terminal; piped output passes through byte for byte (`snippets get NAME > file` keeps the value).
class TerminalDevice final : public QIODevice
{
    Q_OBJECT

public:
    explicit TerminalDevice(FILE *stream, QObject *parent = nullptr);

    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    FILE *m_stream;
    bool m_neutralise;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
};

} // namespace cio::app
