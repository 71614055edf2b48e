#pragma once

#include <QRect>
#include <QSize>
#include <QString>

class QWidget;

namespace cio::ui {

// Window sizes that fit the screen the window opens on. A window sized for a large monitor must not
// put its buttons off a small laptop screen, and a geometry saved on another (larger, or since
// unplugged) monitor must not either.
//
//     restoreWindowGeometry(this, QStringLiteral("languageGrid"), {1280, 820}); // constructor
//     saveWindowGeometry(this, QStringLiteral("languageGrid"));                 // on closing
//
// The screen is the one of the window's parent (else the window's own, else the primary screen).
// Named apart from QWidget::restoreGeometry()/saveGeometry(), so calls from inside a widget need no
// qualification.

// Resizes `w` to `preferred`, made smaller where needed to fit the screen's available geometry
// (without task bars and docks) less a margin, and centres it on its parent or on that screen.
void fitToScreen(QWidget *w, QSize preferred);

// The size and place saved under "geometry/<key>" (QSettings), kept only as far as it fits the
// screen: made smaller and moved onto it when needed. Without a saved geometry: fitToScreen().
void restoreWindowGeometry(QWidget *w, const QString &key, QSize preferred);

// Saves the window's geometry under "geometry/<key>" for restoreWindowGeometry().
void saveWindowGeometry(const QWidget *w, const QString &key);

// The room a window may take on the screen `w` opens on: the available geometry less a margin.
QRect availableRoom(const QWidget *w);

} // namespace cio::ui
