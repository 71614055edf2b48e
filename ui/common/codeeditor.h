#pragma once

#include <Qsci/qsciscintilla.h>

class QsciAPIs;

namespace cio::ui {

// The body editor: QScintilla with HTML highlighting, line numbers, folding, and completion of
// `customer.*` attributes and snippet names. Liquid delimiters are marked with an indicator. Its colours
// follow the widget's palette (paper, text, caret, selection, margins), light or dark, whatever the lexer.
class CodeEditor final : public QsciScintilla
{
    Q_OBJECT

public:
    explicit CodeEditor(QWidget *parent = nullptr);

    // Words offered by completion, e.g. "customer.first_name", "snippets.footer".
    void setCompletionWords(const QStringList &words);
    // Finds the next match (wrapping), selecting it; returns false when there is none.
    bool findNext(const QString &text, bool caseSensitive = false);
    // Replaces every match; returns how many were replaced (one undo step).
    int replaceAll(const QString &text, const QString &replacement, bool caseSensitive = false);

    // Another lexer (JSON for sample data) gets the palette's colours too.
    void setLexer(QsciLexer *lexer = nullptr) override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void markLiquid();
    void applyPalette();

    QsciAPIs *m_apis = nullptr;
    int m_liquidIndicator = -1;
};

} // namespace cio::ui
