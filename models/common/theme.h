#pragma once

#include <QColor>
#include <QList>
#include <QPalette>
#include <QString>

// The one place colours are chosen. Widgets take what they can from the palette (text, base, highlight);
// everything else — states, banners, differences, the matrix — is named here by what it means, with a
// value for a light palette and one for a dark palette. No other source file names a colour
// (tests/structure/CheckLayers.cmake checks it).
namespace cio::theme {

enum class Scheme
{
    Light,
    Dark,
};

enum class Role
{
    // Text on a window or a view's base.
    ErrorText,
    WarningText,
    SuccessText,
    ModifiedMarker, // "● modified" beside a field or a snippet
    MutedText,      // line numbers and other asides in generated HTML

    // Inline banners and badges: background, border, text.
    InfoBannerBackground,
    InfoBannerBorder,
    InfoBannerText,
    WarningBannerBackground,
    WarningBannerBorder,
    WarningBannerText,
    ErrorBannerBackground,
    ErrorBannerBorder,
    ErrorBannerText,

    // What a change took away and what it brought.
    DiffRemoved,
    DiffRemovedBackground,
    DiffAdded,
    DiffAddedBackground,

    // The translation matrix: a cell's fill by its state, its text, and the state's icon.
    CellText,
    CellMissing,
    CellUntranslated,
    CellOutdated,
    CellDraft,
    CellSaved,
    CellDefault,
    CellQaErrors, // stronger than "untranslated": errors block a save
    CellMissingIcon,
    CellUntranslatedIcon,
    CellOutdatedIcon,
    CellDraftIcon,
    CellSavedIcon,
    CellDefaultIcon,
    CellIconGlyph, // the sign drawn on the icon's disc

    // Editors.
    LiquidIndicator,       // the soft box behind {{ … }} and {% … %} (translucent)
    ErrorMarkerBackground, // the line a parse error points at

    // The previewed email. Its scheme is the recipient's client's (the preview's Dark button), not the
    // app's: ask with a Scheme, not a palette.
    PreviewPageBackground,
    PreviewPageText,
    PreviewPlaceholderBorder,
    PreviewPlaceholderBackground,
    PreviewPlaceholderText,
};

// Dark when the palette's window colour is dark (lightness below 128).
Scheme schemeOf(const QPalette &palette);
// The application palette's scheme; Light when there is no QGuiApplication (command line, guiless tests).
Scheme applicationScheme();

QColor colour(Role role, Scheme scheme);
QColor colour(Role role, const QPalette &palette);
QColor colour(Role role); // for the application palette

// A palette whose text roles (WindowText, Text, ButtonText) are the role's colour, e.g. for an error label:
// label->setPalette(theme::withTextColour(label->palette(), Role::ErrorText)).
QPalette withTextColour(QPalette palette, Role role);

// Style-sheet declarations of an inline banner (background, border, text colour, rounded corners), to be
// put inside a selector's braces; padding is the caller's.
enum class BannerKind
{
    Information,
    Warning,
    Error,
};
QString bannerStyleSheet(BannerKind kind, Scheme scheme = applicationScheme());

// CSS for generated HTML.
QString cssColour(const QColor &colour); // "#rrggbb", or rgba() when translucent
// "color:…;background:…;" for a run of text in a rich-text label or a QTextBrowser.
QString textCss(Role text, Role background, Scheme scheme = applicationScheme());
// The previewed email's page ("background:…;color:…;") and the box standing in for a left-out frame
// ("border:2px dashed …;background:…;color:…;").
QString previewPageCss(Scheme scheme);
QString previewPlaceholderCss(Scheme scheme);

// WCAG 2 relative luminance (0 black … 1 white) and contrast ratio (1 … 21).
double relativeLuminance(const QColor &colour);
double contrastRatio(const QColor &a, const QColor &b);
// The colour itself when it reads on the background, else the nearest lightness (same hue) that does;
// a dark colour on a dark background starts from its mirror (dark blue becomes light blue).
QColor readableOn(const QColor &foreground, const QColor &background, double minimumRatio = 4.5);
// amount 0 gives a, 1 gives b.
QColor mix(const QColor &a, const QColor &b, double amount);

// The colours a workspace can be marked with. They are stored in the user's settings by value: never
// change a value, only add.
struct WorkspaceColour
{
    const char *name; // untranslated; see workspaceColourName()
    const char *hex;
};
const QList<WorkspaceColour> &workspaceColours();
QString workspaceColourName(const WorkspaceColour &colour);
QString defaultWorkspaceColour(); // for a profile that has none
QString demoWorkspaceColour();
// A stored workspace colour; the default one when it is empty or not a colour.
QColor workspaceColour(const QString &stored);

} // namespace cio::theme
