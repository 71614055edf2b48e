#include "ui/common/windowgeometry.h"

#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QWidget>

namespace cio::ui {

namespace {

// Room for the window frame (title bar) and a little of the desktop around the window.
constexpr int ScreenMargin = 32;

QString settingsKey(const QString &key)
{
    return QLatin1String("geometry/") + key;
}

QScreen *screenOf(const QWidget *w)
{
    if (const QWidget *parent = w->parentWidget()) {
        if (QScreen *screen = parent->window()->screen())
            return screen;
    }
    if (QScreen *screen = w->screen())
        return screen;
    return QGuiApplication::primaryScreen();
}

QRect roomOn(const QScreen *screen)
{
    if (!screen)
        return {};
    const QRect available = screen->availableGeometry();
    const int margin = qMin(ScreenMargin, qMin(available.width(), available.height()) / 10);
    return available.adjusted(margin, margin, -margin, -margin);
}

// `rect` made no larger than `room` and moved inside it.
QRect within(QRect rect, const QRect &room)
{
    rect.setSize(rect.size().boundedTo(room.size()));
    rect.moveLeft(qBound(room.left(), rect.left(), room.right() - rect.width() + 1));
    rect.moveTop(qBound(room.top(), rect.top(), room.bottom() - rect.height() + 1));
    return rect;
}

} // namespace

QRect availableRoom(const QWidget *w)
{
    return roomOn(screenOf(w));
}

void fitToScreen(QWidget *w, QSize preferred)
{
    const QRect room = availableRoom(w);
    if (room.isEmpty()) {
        w->resize(preferred);
        return;
    }
    // Never below what the layout needs, unless the screen itself is smaller.
    const QSize size = preferred.expandedTo(w->minimumSizeHint()).boundedTo(room.size());
    w->resize(size);
    const QWidget *parent = w->parentWidget() ? w->parentWidget()->window() : nullptr;
    const QPoint centre = parent && parent->isVisible() ? parent->geometry().center() : room.center();
    QRect rect(QPoint(), w->size());
    rect.moveCenter(centre);
    w->move(within(rect, room).topLeft());
}

void restoreWindowGeometry(QWidget *w, const QString &key, QSize preferred)
{
    const QByteArray saved = QSettings().value(settingsKey(key)).toByteArray();
    if (saved.isEmpty() || !w->restoreGeometry(saved)) {
        fitToScreen(w, preferred);
        return;
    }
    if (w->windowState() & (Qt::WindowMaximized | Qt::WindowFullScreen))
        return; // the window system fits those to the screen
    // Saved on another monitor, or on a larger screen: keep what still fits the one it opens on now.
    const QScreen *screen = QGuiApplication::screenAt(w->geometry().center());
    const QRect room = roomOn(screen ? screen : screenOf(w));
    if (room.isEmpty())
        return;
    const QRect rect = within(w->geometry(), room);
    w->resize(rect.size());
    w->move(rect.topLeft() - (w->geometry().topLeft() - w->pos())); // move() places the frame
}

void saveWindowGeometry(const QWidget *w, const QString &key)
{
    QSettings().setValue(settingsKey(key), w->saveGeometry());
}

} // namespace cio::ui
