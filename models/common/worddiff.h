#pragma once

#include <QList>
#include <QString>

namespace cio::models {

// A word-level difference between two texts, for showing what changed in a Default since a translation was
// saved, or between two versions of one variant. Pure functions: no widgets, no store.
struct DiffSegment final
{
    enum class Kind
    {
        Equal,
        Deleted,  // only in the old text
        Inserted, // only in the new text
    };
    Kind kind = Kind::Equal;
    QString text;

    bool operator==(const DiffSegment &other) const { return kind == other.kind && text == other.text; }
};

using WordDiff = QList<DiffSegment>;

// Splits a text into words, runs of whitespace and single punctuation marks; joined, they give the text back.
QStringList diffTokens(const QString &text);

// The longest common subsequence of the two texts' tokens; neighbouring segments of one kind are merged, and
// deletions come before insertions where both replace the same stretch. Texts of more than
// MaxDiffTokens tokens each fall back to "all deleted, all inserted" around a common prefix and suffix.
WordDiff wordDiff(const QString &oldText, const QString &newText);
constexpr int MaxDiffTokens = 4000;

// HTML of a diff (escaped text): deletions struck through in red, insertions underlined in green, line
// breaks kept. For a QLabel or a QTextBrowser.
QString wordDiffToHtml(const WordDiff &diff);

// True when the diff has no deleted or inserted segment.
bool isUnchanged(const WordDiff &diff);

} // namespace cio::models
