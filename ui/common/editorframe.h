#pragma once

#include <QWidget>

class QAbstractButton;
class QHBoxLayout;
class QLabel;
class QShortcut;
class QVBoxLayout;

namespace cio::ui {

class MessageWidget;

// The frame of every editor (a variant, a snippet): a header with the title, an "unsaved changes"
// marker and the editor's buttons; a note when the workspace is read-only; the message line for
// results and problems; then the editor's own content. Ctrl+S anywhere inside asks to save.
class EditorFrame : public QWidget
{
    Q_OBJECT

public:
    explicit EditorFrame(QWidget *parent = nullptr);

    QLabel *titleLabel() const { return m_title; }
    QLabel *modifiedMarker() const { return m_modified; }
    QLabel *readOnlyNote() const { return m_readOnlyNote; }
    MessageWidget *message() const { return m_message; }

    void setTitle(const QString &title);
    void setModified(bool modified);
    // Empty hides the note.
    void setReadOnlyNote(const QString &text);

    void addLeading(QWidget *widget);         // before the title (e.g. a way back)
    void addButton(QAbstractButton *button);  // after the title, in order; Save comes last
    void addContent(QWidget *widget, int stretch = 0);
    void addContent(QLayout *layout);
    // Where Ctrl+S reaches saveRequested(): focus inside the frame (the default), or anywhere in its
    // window (a dialog whose only editor this is).
    void setSaveShortcutContext(Qt::ShortcutContext context);

signals:
    void saveRequested();

private:
    QLabel *m_title;
    QLabel *m_modified;
    QLabel *m_readOnlyNote;
    MessageWidget *m_message;
    QShortcut *m_saveShortcut;
    QHBoxLayout *m_header;
    QVBoxLayout *m_layout;
    int m_leading = 0;
};

} // namespace cio::ui
