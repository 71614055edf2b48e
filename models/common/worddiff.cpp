#include "models/common/worddiff.h"

#include "models/common/theme.h"

#include <algorithm>
#include <vector>

namespace cio::models {

namespace {

enum class TokenClass
{
    Word,
    Space,
    Other,
};

TokenClass classOf(QChar c)
{
    if (c.isLetterOrNumber() || c == QLatin1Char('_') || c.isMark())
        return TokenClass::Word;
    if (c.isSpace())
        return TokenClass::Space;
    return TokenClass::Other;
}

void append(WordDiff &diff, DiffSegment::Kind kind, const QString &text)
{
    if (text.isEmpty())
        return;
    if (!diff.isEmpty() && diff.last().kind == kind)
        diff.last().text += text;
    else
        diff.append(DiffSegment{kind, text});
}

// Builds a diff in order: equal text as it comes, changes collected until the next equal text (or the
// end), where they become one deletion followed by one insertion.
class DiffBuilder
{
public:
    void equal(const QString &text)
    {
        flush();
        append(m_diff, DiffSegment::Kind::Equal, text);
    }
    void deleted(const QString &text) { m_deleted += text; }
    void inserted(const QString &text) { m_inserted += text; }
    WordDiff finish()
    {
        flush();
        return m_diff;
    }

private:
    void flush()
    {
        append(m_diff, DiffSegment::Kind::Deleted, m_deleted);
        append(m_diff, DiffSegment::Kind::Inserted, m_inserted);
        m_deleted.clear();
        m_inserted.clear();
    }

    WordDiff m_diff;
    QString m_deleted;
    QString m_inserted;
};

bool isBlank(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
}

// A lone space that the LCS kept between two changes makes "-Spring|+Summer|= |-sale|+offer" out of
// one replaced phrase; such spaces join the change on both sides, and each stretch between two real
// equal segments becomes one deletion followed by one insertion.
WordDiff mergeLoneSpaces(const WordDiff &diff)
{
    DiffBuilder merged;
    for (int i = 0; i < diff.size(); ++i) {
        const DiffSegment &s = diff.at(i);
        const bool between = i > 0 && i + 1 < diff.size() &&
                             diff.at(i - 1).kind != DiffSegment::Kind::Equal &&
                             diff.at(i + 1).kind != DiffSegment::Kind::Equal;
        if (s.kind == DiffSegment::Kind::Equal && !(between && isBlank(s.text))) {
            merged.equal(s.text);
        } else {
            if (s.kind != DiffSegment::Kind::Inserted)
                merged.deleted(s.text);
            if (s.kind != DiffSegment::Kind::Deleted)
                merged.inserted(s.text);
        }
    }
    return merged.finish();
}

} // namespace

QStringList diffTokens(const QString &text)
{
    QStringList tokens;
    int start = 0;
    while (start < text.size()) {
        const TokenClass kind = classOf(text.at(start));
        int end = start + 1;
        // Words and whitespace runs stay whole; every punctuation mark or symbol is a token of its own, so
        // "Hello," and "Hello!" share "Hello". Surrogate pairs (emoji) stay together.
        if (kind == TokenClass::Other) {
            if (text.at(start).isHighSurrogate() && end < text.size() && text.at(end).isLowSurrogate())
                ++end;
        } else {
            while (end < text.size() && classOf(text.at(end)) == kind)
                ++end;
        }
        tokens.append(text.mid(start, end - start));
        start = end;
    }
    return tokens;
}

WordDiff wordDiff(const QString &oldText, const QString &newText)
{
    const QStringList a = diffTokens(oldText);
    const QStringList b = diffTokens(newText);
    // A common prefix and suffix need no table; they are most of a typical edit.
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.at(prefix) == b.at(prefix))
        ++prefix;
    int suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;

    DiffBuilder diff;
    diff.equal(a.mid(0, prefix).join(QString()));
    const QStringList midA = a.mid(prefix, a.size() - prefix - suffix);
    const QStringList midB = b.mid(prefix, b.size() - prefix - suffix);
    const int n = int(midA.size());
    const int m = int(midB.size());
    if (n > MaxDiffTokens || m > MaxDiffTokens || n == 0 || m == 0) {
        diff.deleted(midA.join(QString()));
        diff.inserted(midB.join(QString()));
    } else {
        // lcs[i][j]: length of the longest common subsequence of midA[i..] and midB[j..].
        std::vector<std::vector<int>> lcs(size_t(n) + 1, std::vector<int>(size_t(m) + 1, 0));
        for (int i = n - 1; i >= 0; --i) {
            for (int j = m - 1; j >= 0; --j) {
                lcs[i][j] =
                    midA.at(i) == midB.at(j) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && midA.at(i) == midB.at(j)) {
                diff.equal(midA.at(i));
                ++i;
                ++j;
            } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                diff.deleted(midA.at(i++));
            } else {
                diff.inserted(midB.at(j++));
            }
        }
    }
    diff.equal(a.mid(a.size() - suffix).join(QString()));
    return mergeLoneSpaces(diff.finish());
}

QString wordDiffToHtml(const WordDiff &diff)
{
    const QString removed = theme::textCss(theme::Role::DiffRemoved, theme::Role::DiffRemovedBackground);
    const QString added = theme::textCss(theme::Role::DiffAdded, theme::Role::DiffAddedBackground);
    QString html;
    for (const DiffSegment &s : diff) {
        QString text = s.text.toHtmlEscaped();
        text.replace(QLatin1Char('\n'), QLatin1String("<br>"));
        switch (s.kind) {
        case DiffSegment::Kind::Equal:
            html += text;
            break;
        case DiffSegment::Kind::Deleted:
            html += QLatin1String("<span style=\"") + removed +
                    QLatin1String("text-decoration:line-through\">") + text + QLatin1String("</span>");
            break;
        case DiffSegment::Kind::Inserted:
            html += QLatin1String("<span style=\"") + added + QLatin1String("text-decoration:underline\">") +
                    text + QLatin1String("</span>");
            break;
        }
    }
    return html;
}

bool isUnchanged(const WordDiff &diff)
{
    return std::all_of(diff.cbegin(), diff.cend(),
                       [](const DiffSegment &s) { return s.kind == DiffSegment::Kind::Equal; });
}

} // namespace cio::models
