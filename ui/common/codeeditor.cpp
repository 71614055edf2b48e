#include "ui/common/codeeditor.h"

#include <Qsci/qsciapis.h>
#include <Qsci/qscilexerhtml.h>

#include <QFontDatabase>
#include <QRegularExpression>

namespace cio::ui {

CodeEditor::CodeEditor(QWidget *parent)
    : QsciScintilla(parent)
{
    setUtf8(true);
    auto *lexer = new QsciLexerHTML(this);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    lexer->setDefaultFont(mono);
    lexer->setFont(mono);
    setLexer(lexer);
    m_apis = new QsciAPIs(lexer);

    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginWidth(0, QStringLiteral("00000"));
    setFolding(QsciScintilla::BoxedTreeFoldStyle);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setWrapMode(QsciScintilla::WrapWord);
    setTabWidth(2);
    setIndentationsUseTabs(false);
    setAutoIndent(true);
    setAutoCompletionSource(QsciScintilla::AcsAll);
    setAutoCompletionThreshold(3);
    setAutoCompletionCaseSensitivity(false);

    // Liquid ({{ … }} and {% … %}) gets a soft box so it stands out inside the HTML colouring.
    m_liquidIndicator = indicatorDefine(QsciScintilla::StraightBoxIndicator);
    setIndicatorForegroundColor(QColor(0x7c, 0x3a, 0xed, 70), m_liquidIndicator);
    setIndicatorDrawUnder(true, m_liquidIndicator);
    connect(this, &QsciScintilla::textChanged, this, &CodeEditor::markLiquid);
}

void CodeEditor::setCompletionWords(const QStringList &words)
{
    m_apis->clear();
    for (const QString &word : words)
        m_apis->add(word);
    m_apis->prepare();
}

bool CodeEditor::findNext(const QString &text, bool caseSensitive)
{
    if (text.isEmpty())
        return false;
    return findFirst(text, false, caseSensitive, false, true);
}

int CodeEditor::replaceAll(const QString &text, const QString &replacement, bool caseSensitive)
{
    if (text.isEmpty())
        return 0;
    int count = 0;
    beginUndoAction();
    setCursorPosition(0, 0);
    while (findFirst(text, false, caseSensitive, false, false, true)) {
        replace(replacement);
        ++count;
    }
    endUndoAction();
    return count;
}

void CodeEditor::markLiquid()
{
    const QString content = text();
    clearIndicatorRange(0, 0, lines(), 0, m_liquidIndicator);
    static const QRegularExpression liquid(QStringLiteral("\\{\\{.*?\\}\\}|\\{%.*?%\\}"),
                                           QRegularExpression::DotMatchesEverythingOption);
    for (auto it = liquid.globalMatch(content); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        // Scintilla positions are UTF-8 byte offsets.
        const int start = int(content.left(m.capturedStart()).toUtf8().size());
        const int length = int(m.captured().toUtf8().size());
        SendScintilla(SCI_SETINDICATORCURRENT, m_liquidIndicator);
        SendScintilla(SCI_INDICATORFILLRANGE, start, length);
    }
}

} // namespace cio::ui
