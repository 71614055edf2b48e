#include "ui/common/messagewidget.h"

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
    // Colours that read on light and dark palettes alike.
    QString colours;
    switch (type) {
    case Type::Information:
        colours = QStringLiteral("background:#e7f0fb;border:1px solid #8fb3e0;color:#1d3b5e;");
        break;
    case Type::Warning:
        colours = QStringLiteral("background:#fff4d6;border:1px solid #e0b84f;color:#5a4300;");
        break;
    case Type::Error:
        colours = QStringLiteral("background:#fbe4e4;border:1px solid #d98080;color:#6b1414;");
        break;
    }
    setStyleSheet(QStringLiteral("#messageWidget{") + colours +
                  QStringLiteral("border-radius:4px;}"
                                 "#messageWidget QLabel{color:inherit;}"));
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
