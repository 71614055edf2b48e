#pragma once

#include <QFrame>

class QLabel;
class QToolButton;
class QPushButton;

namespace cio::ui {

// An inline banner for recoverable errors and notices, shown above the content it concerns.
class MessageWidget final : public QFrame
{
    Q_OBJECT

public:
    enum class Type
    {
        Information,
        Warning,
        Error
    };

    explicit MessageWidget(QWidget *parent = nullptr);

    // actionText, when not empty, shows a button that emits actionTriggered().
    void showMessage(const QString &text, Type type, const QString &actionText = {});
    void hideMessage();
    QString text() const;
    Type type() const { return m_type; }

signals:
    void actionTriggered();

private:
    QLabel *m_label;
    QPushButton *m_action;
    QToolButton *m_close;
    Type m_type = Type::Information;
};

} // namespace cio::ui
