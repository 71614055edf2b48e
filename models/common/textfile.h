#pragma once

#include <QCoreApplication>
#include <QString>

namespace cio::models {

// A text file the user names: a body, a snippet value, a template, sample data, a list of people.
struct TextFile final
{
    QString text;
    QString error; // in the user's terms; empty when the text was read
    bool ok() const { return error.isEmpty(); }
};

class TextFiles final
{
    Q_DECLARE_TR_FUNCTIONS(cio::models::TextFiles)

public:
    static constexpr qint64 DefaultMaxBytes = 16 * 1024 * 1024;

    // Decodes `data` from `name` (for messages): UTF-8 unless a byte-order mark says UTF-16 or UTF-32,
    // or `encoding` names another one (e.g. "windows-1252", "latin1"). A byte-order mark is dropped.
    // Binary data (NUL bytes) and bytes that are not valid in the encoding are refused, never replaced
    // by U+FFFD: an accent lost on the way to a live workspace is worse than a clear refusal.
    static TextFile decode(const QByteArray &data, const QString &name, const QString &encoding = {});
    // Reads and decodes a file ("-": standard input), refusing files larger than maxBytes.
    static TextFile read(const QString &path, const QString &encoding = {}, qint64 maxBytes = DefaultMaxBytes);
    // Whether `encoding` names an encoding this system can decode.
    static bool isKnownEncoding(const QString &encoding);
};

} // namespace cio::models
