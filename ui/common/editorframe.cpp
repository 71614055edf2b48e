#include "ui/common/editorframe.h"

#include "models/common/theme.h"
#include "ui/common/messagewidget.h"

#include <QAbstractButton>
#include <QHBoxLayout>
#include <QLabel>
#include <QShortcut>
#include <QVBoxLayout>

namespace cio::ui {

EditorFrame::EditorFrame(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_modified(new QLabel(tr("● unsaved changes"), this))
    , m_readOnlyNote(new QLabel(this))
    , m_message(new MessageWidget(this))
    , m_saveShortcut(new QShortcut(QKeySequence::Save, this))
    , m_header(new QHBoxLayout)
    , m_layout(new QVBoxLayout(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setMinimumWidth(40);
    m_modified->setPalette(theme::withTextColour(m_modified->palette(), theme::Role::ModifiedMarker));
    m_modified->setVisible(false);
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->setStyleSheet(QStringLiteral("QLabel{") + theme::bannerStyleSheet(theme::BannerKind::Warning) +
                                  QStringLiteral("padding:6px;}"));
    m_readOnlyNote->setVisible(false);

    m_header->addWidget(m_title, 1);
    m_header->addWidget(m_modified);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addLayout(m_header);
    m_layout->addWidget(m_readOnlyNote);
    m_layout->addWidget(m_message);

    m_saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_saveShortcut, &QShortcut::activated, this, &EditorFrame::saveRequested);
}

void EditorFrame::setTitle(const QString &title)
{
    m_title->setText(title);
}

void EditorFrame::setModified(bool modified)
{
    m_modified->setVisible(modified);
}

void EditorFrame::setReadOnlyNote(const QString &text)
{
    m_readOnlyNote->setText(text);
    m_readOnlyNote->setVisible(!text.isEmpty());
}

void EditorFrame::setSaveShortcutContext(Qt::ShortcutContext context)
{
    m_saveShortcut->setContext(context);
}

void EditorFrame::addLeading(QWidget *widget)
{
    m_header->insertWidget(m_leading++, widget);
}

void EditorFrame::addButton(QAbstractButton *button)
{
    m_header->addWidget(button);
}

void EditorFrame::addContent(QWidget *widget, int stretch)
{
    m_layout->addWidget(widget, stretch);
}

void EditorFrame::addContent(QLayout *layout)
{
    m_layout->addLayout(layout);
}

} // namespace cio::ui
