#include "ui/common/messagewidget.h"

#include "models/common/theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace cio::ui {

MessageWidget::MessageWidget(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageWidget"));
    setFrameShape(QFrame::StyledPanel);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_close->setToolTip(tr("Dismiss"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close);

    connect(m_close, &QToolButton::clicked, this, &MessageWidget::hideMessage);
    connect(m_action, &QPushButton::clicked, this, &MessageWidget::actionTriggered);
    hide();
}

void MessageWidget::showMessage(const QString &text, Type type, const QString &actionText)
{
    m_type = type;
    m_label->setText(text);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    // The theme's banner colours for the application's palette, light or dark (not this widget's own
    // palette: the style sheet below changes it).
    theme::BannerKind kind = theme::BannerKind::Information;
    switch (type) {
    case Type::Information:
        break;
    case Type::Warning:
        kind = theme::BannerKind::Warning;
        break;
    case Type::Error:
        kind = theme::BannerKind::Error;
        break;
    }
    setStyleSheet(QStringLiteral("#messageWidget{") + theme::bannerStyleSheet(kind) +
                  QStringLiteral("}#messageWidget QLabel{color:inherit;}"));
    show();
}

void MessageWidget::hideMessage()
{
    hide();
}

QString MessageWidget::text() const
{
    return m_label->text();
}

} // namespace cio::ui
