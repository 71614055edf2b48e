#include "ui/common/codeeditor.h"

#include "models/common/theme.h"

#include <Qsci/qsciapis.h>
#include <Qsci/qscilexerhtml.h>

#include <QEvent>
#include <QFontDatabase>
#include <QRegularExpression>

namespace cio::ui {

namespace {

// A lexer's styles for the palette: every style on the palette's base (a style the lexer sets apart with
// its own paper, such as embedded script, keeps a hint of it), the lexer's plain text in the palette's text
// colour, and every other colour of the lexer moved in lightness until it reads on that paper.
void paintLexer(QsciLexer *lexer, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = theme::schemeOf(palette) == theme::Scheme::Dark;
    const QColor lexerText = lexer->defaultColor();
    const QColor lexerPaper = lexer->defaultPaper();
    lexer->setDefaultPaper(base);
    lexer->setDefaultColor(text);
    lexer->setPaper(base); // every style, and the area past the last line
    for (int style = 0; style <= int(QsciScintillaBase::STYLE_MAX); ++style) {
        if (lexer->description(style).isEmpty())
            continue;
        const QColor ownPaper = lexer->defaultPaper(style);
        const QColor paper = ownPaper == lexerPaper ? base : theme::mix(base, ownPaper, dark ? 0.12 : 1.0);
        lexer->setPaper(paper, style);
        const QColor ownColour = lexer->defaultColor(style);
        lexer->setColor(ownColour == lexerText ? text : theme::readableOn(ownColour, paper), style);
    }
}

} // namespace

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
    setIndicatorDrawUnder(true, m_liquidIndicator);
    connect(this, &QsciScintilla::textChanged, this, &CodeEditor::markLiquid);
    applyPalette();
}

void CodeEditor::setLexer(QsciLexer *lexer)
{
    QsciScintilla::setLexer(lexer); // resets every style, the margins' and the braces' included
    if (m_liquidIndicator >= 0)     // not while the constructor sets the first lexer
        applyPalette();
}

void CodeEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void CodeEditor::applyPalette()
{
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    if (QsciLexer *current = lexer()) {
        paintLexer(current, pal);
    } else {
        setPaper(base);
        setColor(text);
    }
    setCaretForegroundColor(text);
    setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    setMatchedBraceBackgroundColor(theme::mix(base, pal.color(QPalette::Highlight), 0.3));
    setMatchedBraceForegroundColor(text);
    setUnmatchedBraceForegroundColor(theme::colour(theme::Role::ErrorText, pal));

    // Line numbers and the fold margin on the window colour; the fold boxes drawn in the base and a
    // muted line colour (Scintilla: "fore" fills the box, "back" draws its frame, sign and tree lines).
    const QColor window = pal.color(QPalette::Window);
    const QColor muted = theme::readableOn(pal.color(QPalette::PlaceholderText), window, 3.0);
    setMarginsBackgroundColor(window);
    setMarginsForegroundColor(muted);
    setFoldMarginColors(window, window);
    for (unsigned long marker = SC_MARKNUM_FOLDEREND; marker <= SC_MARKNUM_FOLDEROPEN; ++marker) {
        SendScintilla(SCI_MARKERSETFORE, marker, base);
        SendScintilla(SCI_MARKERSETBACK, marker, muted);
    }
    setIndicatorForegroundColor(theme::colour(theme::Role::LiquidIndicator, pal), m_liquidIndicator);
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
