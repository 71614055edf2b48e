#include "models/common/theme.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <algorithm>
#include <cmath>

namespace cio::theme {

namespace {

// One role's colour on a light palette and on a dark one (0xRRGGBB), and its opacity.
struct Pair
{
    QRgb light;
    QRgb dark;
    int alpha = 255;
};

// The light values are the ones the app always had; the dark ones keep the hue and read on dark bases
// (#000000 to #3c3f41) at 4.5:1 or better, fills keep the same text readable.
Pair pairFor(Role role)
{
    switch (role) {
    case Role::ErrorText:
        return {0xb3261e, 0xf2b8b5};
    case Role::WarningText:
        return {0x9a3412, 0xfdba74};
    case Role::SuccessText:
        return {0x15803d, 0x86efac};
    case Role::ModifiedMarker:
        return {0xb26a00, 0xfbbf24};
    case Role::MutedText:
        return {0x666666, 0xa3a3a3};

    case Role::InfoBannerBackground:
        return {0xe7f0fb, 0x1c2b3d};
    case Role::InfoBannerBorder:
        return {0x8fb3e0, 0x3d5f8a};
    case Role::InfoBannerText:
        return {0x1d3b5e, 0xcfe2fa};
    case Role::WarningBannerBackground:
        return {0xfff4d6, 0x3a2f12};
    case Role::WarningBannerBorder:
        return {0xe0b84f, 0x8a6d1f};
    case Role::WarningBannerText:
        return {0x5a4300, 0xf5deb0};
    case Role::ErrorBannerBackground:
        return {0xfbe4e4, 0x3f1d1d};
    case Role::ErrorBannerBorder:
        return {0xd98080, 0x9b4a4a};
    case Role::ErrorBannerText:
        return {0x6b1414, 0xf8caca};

    case Role::DiffRemoved:
        return {0xb91c1c, 0xfca5a5};
    case Role::DiffRemovedBackground:
        return {0xfee2e2, 0x4c1d1d};
    case Role::DiffAdded:
        return {0x15803d, 0x86efac};
    case Role::DiffAddedBackground:
        return {0xdcfce7, 0x14432a};

    case Role::CellText:
        return {0x1f2937, 0xe5e7eb};
    case Role::CellMissing:
        return {0xf3f4f6, 0x262a30};
    case Role::CellUntranslated:
        return {0xfee2e2, 0x4a1d1d};
    case Role::CellOutdated:
        return {0xfef3c7, 0x45340f};
    case Role::CellDraft:
        return {0xdbeafe, 0x1c3152};
    case Role::CellSaved:
        return {0xdcfce7, 0x163a26};
    case Role::CellDefault:
        return {0xe5e7eb, 0x33383f};
    case Role::CellQaErrors:
        return {0xfca5a5, 0x7f1d1d};
    case Role::CellMissingIcon:
        return {0x6b7280, 0x9ca3af};
    case Role::CellUntranslatedIcon:
        return {0xdc2626, 0xf87171};
    case Role::CellOutdatedIcon:
        return {0xd97706, 0xfbbf24};
    case Role::CellDraftIcon:
        return {0x2563eb, 0x60a5fa};
    case Role::CellSavedIcon:
        return {0x16a34a, 0x4ade80};
    case Role::CellDefaultIcon:
        return {0x4b5563, 0xcbd5e1};
    case Role::CellIconGlyph:
        return {0xffffff, 0x111827};

    case Role::LiquidIndicator:
        return {0x7c3aed, 0xa78bfa, 70};
    case Role::ErrorMarkerBackground:
        return {0xfde2e2, 0x5c2020};

    case Role::PreviewPageBackground:
        return {0xffffff, 0x1e1e1e};
    case Role::PreviewPageText:
        return {0x202124, 0xe6e6e6};
    case Role::PreviewPlaceholderBorder:
        return {0x9aa0a6, 0x80868b};
    case Role::PreviewPlaceholderBackground:
        return {0xf1f3f4, 0x2d2e30};
    case Role::PreviewPlaceholderText:
        return {0x3c4043, 0xe8eaed};
    }
    return {0x000000, 0xffffff};
}

double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

} // namespace

Scheme schemeOf(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? Scheme::Dark : Scheme::Light;
}

Scheme applicationScheme()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Scheme::Light;
    return schemeOf(QGuiApplication::palette());
}

QColor colour(Role role, Scheme scheme)
{
    const Pair pair = pairFor(role);
    QColor c = QColor::fromRgb(scheme == Scheme::Dark ? pair.dark : pair.light);
    c.setAlpha(pair.alpha);
    return c;
}

QColor colour(Role role, const QPalette &palette)
{
    return colour(role, schemeOf(palette));
}

QColor colour(Role role)
{
    return colour(role, applicationScheme());
}

QPalette withTextColour(QPalette palette, Role role)
{
    const QColor c = colour(role, palette);
    for (const QPalette::ColorRole r : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(r, c);
    return palette;
}

QString bannerStyleSheet(BannerKind kind, Scheme scheme)
{
    Role background = Role::InfoBannerBackground;
    Role border = Role::InfoBannerBorder;
    Role text = Role::InfoBannerText;
    switch (kind) {
    case BannerKind::Information:
        break;
    case BannerKind::Warning:
        background = Role::WarningBannerBackground;
        border = Role::WarningBannerBorder;
        text = Role::WarningBannerText;
        break;
    case BannerKind::Error:
        background = Role::ErrorBannerBackground;
        border = Role::ErrorBannerBorder;
        text = Role::ErrorBannerText;
        break;
    }
    return QStringLiteral("background:%1;border:1px solid %2;color:%3;border-radius:4px;")
        .arg(cssColour(colour(background, scheme)), cssColour(colour(border, scheme)),
             cssColour(colour(text, scheme)));
}

QString cssColour(const QColor &c)
{
    if (c.alpha() == 255)
        return c.name(QColor::HexRgb);
    return QStringLiteral("rgba(%1,%2,%3,%4)")
        .arg(c.red())
        .arg(c.green())
        .arg(c.blue())
        .arg(QString::number(c.alphaF(), 'g', 3));
}

QString textCss(Role text, Role background, Scheme scheme)
{
    return QStringLiteral("color:%1;background:%2;")
        .arg(cssColour(colour(text, scheme)), cssColour(colour(background, scheme)));
}

QString previewPageCss(Scheme scheme)
{
    return QStringLiteral("background:%1;color:%2;")
        .arg(cssColour(colour(Role::PreviewPageBackground, scheme)),
             cssColour(colour(Role::PreviewPageText, scheme)));
}

QString previewPlaceholderCss(Scheme scheme)
{
    return QStringLiteral("border:2px dashed %1;background:%2;color:%3;")
        .arg(cssColour(colour(Role::PreviewPlaceholderBorder, scheme)),
             cssColour(colour(Role::PreviewPlaceholderBackground, scheme)),
             cssColour(colour(Role::PreviewPlaceholderText, scheme)));
}

double relativeLuminance(const QColor &c)
{
    const QColor rgb = c.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableOn(const QColor &foreground, const QColor &background, double minimumRatio)
{
    if (contrastRatio(foreground, background) >= minimumRatio)
        return foreground;
    const QColor white = QColor::fromRgb(0xffffff);
    const QColor black = QColor::fromRgb(0x000000);
    const bool lighten = contrastRatio(white, background) > contrastRatio(black, background);
    float hue = 0;
    float saturation = 0;
    float lightness = 0;
    float alpha = 1;
    foreground.toHsl().getHslF(&hue, &saturation, &lightness, &alpha);
    if (lighten == (lightness < 0.5f))
        lightness = 1.0f - lightness;
    for (int step = 0; step <= 40; ++step) {
        const QColor candidate = QColor::fromHslF(hue, saturation, lightness, alpha);
        if (contrastRatio(candidate, background) >= minimumRatio)
            return candidate;
        lightness = std::clamp(lightness + (lighten ? 0.025f : -0.025f), 0.0f, 1.0f);
    }
    return lighten ? white : black;
}

QColor mix(const QColor &a, const QColor &b, double amount)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    const auto blend = [amount](float p, float q) { return float(p + (q - p) * amount); };
    return QColor::fromRgbF(blend(x.redF(), y.redF()), blend(x.greenF(), y.greenF()),
                            blend(x.blueF(), y.blueF()), blend(x.alphaF(), y.alphaF()));
}

const QList<WorkspaceColour> &workspaceColours()
{
    // Distinct at a glance, so production and staging are never confused.
    static const QList<WorkspaceColour> colours{
        {QT_TRANSLATE_NOOP("cio::theme", "Grey"), "#6b7280"},
        {QT_TRANSLATE_NOOP("cio::theme", "Red"), "#dc2626"},
        {QT_TRANSLATE_NOOP("cio::theme", "Orange"), "#ea580c"},
        {QT_TRANSLATE_NOOP("cio::theme", "Green"), "#16a34a"},
        {QT_TRANSLATE_NOOP("cio::theme", "Blue"), "#2563eb"},
        {QT_TRANSLATE_NOOP("cio::theme", "Purple"), "#9333ea"},
    };
    return colours;
}

QString workspaceColourName(const WorkspaceColour &c)
{
    return QCoreApplication::translate("cio::theme", c.name);
}

QString defaultWorkspaceColour()
{
    return QString::fromLatin1(workspaceColours().constFirst().hex);
}

QString demoWorkspaceColour()
{
    return QStringLiteral("#0f9d58");
}

QColor workspaceColour(const QString &stored)
{
    const QColor c(stored);
    return c.isValid() && !stored.isEmpty() ? c : QColor(defaultWorkspaceColour());
}

} // namespace cio::theme
