#include "ui/common/messagebox.h"

#include <QAbstractButton>

namespace cio::ui {

QList<QMessageBox::StandardButton> MessageBox::s_nextAnswers;
QString MessageBox::s_lastText;
int MessageBox::s_questions = 0;

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton,
                                                 const QHash<QMessageBox::StandardButton, QString> &labels)
{
    s_lastText = text;
    ++s_questions;
    if (!s_nextAnswers.isEmpty())
        return s_nextAnswers.takeFirst();
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (QAbstractButton *button = box.button(it.key()))
            button->setText(it.value());
    }
    return QMessageBox::StandardButton(box.exec());
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text)
{
    s_lastText = text;
    if (!s_nextAnswers.isEmpty()) {
        s_nextAnswers.removeFirst();
        return;
    }
    QMessageBox::warning(parent, title, text);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswers = {answer};
}

QString MessageBox::lastText()
{
    return s_lastText;
}

} // namespace cio::ui
