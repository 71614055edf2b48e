// The theme: light values on a light palette, different and still readable ones on a dark palette, and
// the workspace colours kept as they are stored.
#include "models/common/theme.h"

#include <QGuiApplication>
#include <QScopeGuard>
#include <QTest>

using namespace cio::theme;

Q_DECLARE_METATYPE(cio::theme::Role)

namespace {

QPalette lightPalette()
{
    return QPalette(QColor(239, 239, 239)); // window #efefef, base white, text black
}

// What QPalette makes of a dark window colour: base black, text white.
QPalette plainDarkPalette()
{
    return QPalette(QColor(30, 30, 30));
}

// A desktop dark theme's: base and window both dark grey, text light grey.
QPalette desktopDarkPalette()
{
    QPalette palette(QColor(53, 53, 53));
    palette.setColor(QPalette::Window, QColor(53, 53, 53));
    palette.setColor(QPalette::Base, QColor(42, 42, 42));
    palette.setColor(QPalette::Text, QColor(230, 230, 230));
    palette.setColor(QPalette::WindowText, QColor(230, 230, 230));
    return palette;
}

const QList<Role> &textRoles()
{
    static const QList<Role> roles{Role::ErrorText, Role::WarningText, Role::SuccessText,
                                   Role::ModifiedMarker, Role::MutedText};
    return roles;
}

// Every role, for the checks that hold for all of them.
QList<Role> allRoles()
{
    QList<Role> roles;
    for (int r = int(Role::ErrorText); r <= int(Role::PreviewPlaceholderText); ++r)
        roles << Role(r);
    return roles;
}

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT

private slots:
    void contrastIsWcag();
    void schemeFollowsWindowLightness();
    void lightPaletteGivesLightValues();
    void darkPaletteGivesOtherValues();
    void textReadsOnBase_data();
    void textReadsOnBase();
    void pairsRead_data();
    void pairsRead();
    void readableOnKeepsHue();
    void cssFromTheSameColours();
    void applicationPalette();
    void workspaceColoursStay();
};

void TestTheme::contrastIsWcag()
{
    const QColor black(0, 0, 0);
    const QColor white(255, 255, 255);
    QCOMPARE(relativeLuminance(white), 1.0);
    QCOMPARE(relativeLuminance(black), 0.0);
    QCOMPARE(contrastRatio(black, white), 21.0);
    QCOMPARE(contrastRatio(white, black), 21.0);
    QCOMPARE(contrastRatio(white, white), 1.0);
    // #777777 on white is the classic "just below AA" grey (4.48:1).
    QVERIFY(qAbs(contrastRatio(QColor(0x77, 0x77, 0x77), white) - 4.48) < 0.01);
}

void TestTheme::schemeFollowsWindowLightness()
{
    QCOMPARE(schemeOf(lightPalette()), Scheme::Light);
    QCOMPARE(schemeOf(plainDarkPalette()), Scheme::Dark);
    QCOMPARE(schemeOf(desktopDarkPalette()), Scheme::Dark);
    QPalette edge;
    edge.setColor(QPalette::Window, QColor(127, 127, 127));
    QCOMPARE(schemeOf(edge), Scheme::Dark);
    edge.setColor(QPalette::Window, QColor(128, 128, 128));
    QCOMPARE(schemeOf(edge), Scheme::Light);
}

void TestTheme::lightPaletteGivesLightValues()
{
    const QPalette light = lightPalette();
    for (const Role role : allRoles())
        QCOMPARE(colour(role, light), colour(role, Scheme::Light));
    // The values the app always had.
    QCOMPARE(colour(Role::ErrorText, light).name(), QStringLiteral("#b3261e"));
    QCOMPARE(colour(Role::SuccessText, light).name(), QStringLiteral("#15803d"));
    QCOMPARE(colour(Role::ModifiedMarker, light).name(), QStringLiteral("#b26a00"));
    QCOMPARE(colour(Role::DiffRemoved, light).name(), QStringLiteral("#b91c1c"));
    QCOMPARE(colour(Role::DiffAddedBackground, light).name(), QStringLiteral("#dcfce7"));
    QCOMPARE(colour(Role::CellQaErrors, light).name(), QStringLiteral("#fca5a5"));
    QCOMPARE(colour(Role::CellText, light).name(), QStringLiteral("#1f2937"));
    QCOMPARE(colour(Role::CellIconGlyph, light).name(), QStringLiteral("#ffffff"));
    QCOMPARE(colour(Role::InfoBannerBackground, light).name(), QStringLiteral("#e7f0fb"));
    const QColor liquid = colour(Role::LiquidIndicator, light);
    QCOMPARE(liquid.name(), QStringLiteral("#7c3aed"));
    QCOMPARE(liquid.alpha(), 70);
}

void TestTheme::darkPaletteGivesOtherValues()
{
    for (const QPalette &dark : {plainDarkPalette(), desktopDarkPalette()}) {
        for (const Role role : allRoles()) {
            QCOMPARE(colour(role, dark), colour(role, Scheme::Dark));
            QVERIFY2(colour(role, dark).rgb() != colour(role, Scheme::Light).rgb(),
                     qPrintable(QStringLiteral("role %1 is the same on a dark palette").arg(int(role))));
        }
    }
}

void TestTheme::textReadsOnBase_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<Role>("role");
    const QList<std::pair<const char *, QPalette>> palettes{
        {"light", lightPalette()}, {"dark", plainDarkPalette()}, {"desktop dark", desktopDarkPalette()}};
    for (const auto &[name, palette] : palettes) {
        for (const Role role : textRoles())
            QTest::addRow("%s, role %d", name, int(role)) << palette << role;
    }
}

void TestTheme::textReadsOnBase()
{
    QFETCH(QPalette, palette);
    QFETCH(Role, role);
    const QColor text = colour(role, palette);
    const double ratio = contrastRatio(text, palette.color(QPalette::Base));
    QVERIFY2(ratio >= 3.0, qPrintable(QStringLiteral("%1 on %2: %3:1")
                                          .arg(text.name(), palette.color(QPalette::Base).name())
                                          .arg(ratio)));
    // And on the window, where labels sit.
    QVERIFY(contrastRatio(text, palette.color(QPalette::Window)) >= 3.0);
}

void TestTheme::pairsRead_data()
{
    QTest::addColumn<Role>("text");
    QTest::addColumn<Role>("background");
    QTest::addColumn<double>("minimum");
    const auto add = [](const char *name, Role text, Role background, double minimum) {
        QTest::newRow(name) << text << background << minimum;
    };
    add("info banner", Role::InfoBannerText, Role::InfoBannerBackground, 4.5);
    add("warning banner", Role::WarningBannerText, Role::WarningBannerBackground, 4.5);
    add("error banner", Role::ErrorBannerText, Role::ErrorBannerBackground, 4.5);
    add("removed", Role::DiffRemoved, Role::DiffRemovedBackground, 4.5);
    add("added", Role::DiffAdded, Role::DiffAddedBackground, 4.5);
    add("cell missing", Role::CellText, Role::CellMissing, 4.5);
    add("cell untranslated", Role::CellText, Role::CellUntranslated, 4.5);
    add("cell outdated", Role::CellText, Role::CellOutdated, 4.5);
    add("cell draft", Role::CellText, Role::CellDraft, 4.5);
    add("cell saved", Role::CellText, Role::CellSaved, 4.5);
    add("cell default", Role::CellText, Role::CellDefault, 4.5);
    add("cell QA errors", Role::CellText, Role::CellQaErrors, 4.5);
    add("icon glyph, untranslated", Role::CellIconGlyph, Role::CellUntranslatedIcon, 3.0);
    add("icon glyph, outdated", Role::CellIconGlyph, Role::CellOutdatedIcon, 3.0);
    add("icon glyph, draft", Role::CellIconGlyph, Role::CellDraftIcon, 3.0);
    add("icon glyph, saved", Role::CellIconGlyph, Role::CellSavedIcon, 3.0);
    add("icon glyph, default", Role::CellIconGlyph, Role::CellDefaultIcon, 3.0);
    add("preview page", Role::PreviewPageText, Role::PreviewPageBackground, 4.5);
    add("preview placeholder", Role::PreviewPlaceholderText, Role::PreviewPlaceholderBackground, 4.5);
}

void TestTheme::pairsRead()
{
    QFETCH(Role, text);
    QFETCH(Role, background);
    QFETCH(double, minimum);
    for (const Scheme scheme : {Scheme::Light, Scheme::Dark}) {
        const double ratio = contrastRatio(colour(text, scheme), colour(background, scheme));
        QVERIFY2(ratio >= minimum,
                 qPrintable(QStringLiteral("%1 scheme: %2:1")
                                .arg(QLatin1String(scheme == Scheme::Dark ? "dark" : "light"))
                                .arg(ratio)));
    }
}

void TestTheme::readableOnKeepsHue()
{
    const QColor navy(0, 0, 128);
    const QColor white(255, 255, 255);
    const QColor nearBlack(30, 30, 30);
    QCOMPARE(readableOn(navy, white), navy); // already reads
    const QColor onDark = readableOn(navy, nearBlack);
    QVERIFY(contrastRatio(onDark, nearBlack) >= 4.5);
    QVERIFY(qAbs(onDark.hslHue() - navy.hslHue()) <= 1); // still blue, only lighter
    QVERIFY(onDark.lightness() > navy.lightness());
    const QColor paleYellow(255, 255, 200);
    const QColor onWhite = readableOn(paleYellow, white, 3.0);
    QVERIFY(contrastRatio(onWhite, white) >= 3.0);
    QVERIFY(onWhite.lightness() < paleYellow.lightness());
}

void TestTheme::cssFromTheSameColours()
{
    const QString removed = textCss(Role::DiffRemoved, Role::DiffRemovedBackground, Scheme::Dark);
    QCOMPARE(removed, QStringLiteral("color:%1;background:%2;")
                          .arg(colour(Role::DiffRemoved, Scheme::Dark).name(),
                               colour(Role::DiffRemovedBackground, Scheme::Dark).name()));
    QVERIFY(
        previewPageCss(Scheme::Light).contains(colour(Role::PreviewPageBackground, Scheme::Light).name()));
    QVERIFY(previewPageCss(Scheme::Dark).contains(colour(Role::PreviewPageBackground, Scheme::Dark).name()));
    QVERIFY(previewPlaceholderCss(Scheme::Dark).contains(QStringLiteral("dashed")));
    const QString banner = bannerStyleSheet(BannerKind::Error, Scheme::Light);
    QVERIFY(banner.contains(colour(Role::ErrorBannerBackground, Scheme::Light).name()));
    QVERIFY(banner.contains(colour(Role::ErrorBannerText, Scheme::Light).name()));
    QCOMPARE(cssColour(QColor(124, 58, 237, 70)), QStringLiteral("rgba(124,58,237,0.275)"));
    const QPalette palette = withTextColour(plainDarkPalette(), Role::ErrorText);
    QCOMPARE(palette.color(QPalette::WindowText), colour(Role::ErrorText, Scheme::Dark));
    QCOMPARE(palette.color(QPalette::Base), plainDarkPalette().color(QPalette::Base)); // the rest stays
}

void TestTheme::applicationPalette()
{
    const QPalette original = QGuiApplication::palette();
    const auto restore = qScopeGuard([&original] { QGuiApplication::setPalette(original); });
    QGuiApplication::setPalette(lightPalette());
    QCOMPARE(applicationScheme(), Scheme::Light);
    QCOMPARE(colour(Role::ErrorText), colour(Role::ErrorText, Scheme::Light));
    QGuiApplication::setPalette(desktopDarkPalette());
    QCOMPARE(applicationScheme(), Scheme::Dark);
    QCOMPARE(colour(Role::ErrorText), colour(Role::ErrorText, Scheme::Dark));
    QVERIFY(bannerStyleSheet(BannerKind::Warning)
                .contains(colour(Role::WarningBannerBackground, Scheme::Dark).name()));
}

void TestTheme::workspaceColoursStay()
{
    // Stored in the user's settings: these values must never change.
    QStringList hexes;
    for (const WorkspaceColour &c : workspaceColours())
        hexes << QString::fromLatin1(c.hex);
    QCOMPARE(hexes,
             (QStringList{QStringLiteral("#6b7280"), QStringLiteral("#dc2626"), QStringLiteral("#ea580c"),
                          QStringLiteral("#16a34a"), QStringLiteral("#2563eb"), QStringLiteral("#9333ea")}));
    QCOMPARE(workspaceColourName(workspaceColours().at(1)), QStringLiteral("Red"));
    QCOMPARE(defaultWorkspaceColour(), QStringLiteral("#6b7280"));
    QCOMPARE(demoWorkspaceColour(), QStringLiteral("#0f9d58"));
    QCOMPARE(workspaceColour(QString()).name(), QStringLiteral("#6b7280"));
    QCOMPARE(workspaceColour(QStringLiteral("not a colour")).name(), QStringLiteral("#6b7280"));
    QCOMPARE(workspaceColour(QStringLiteral("#dc2626")).name(), QStringLiteral("#dc2626"));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
