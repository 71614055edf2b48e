#pragma once

#include <QMessageBox>

#include <optional>

namespace cio::ui {

// Modal questions go through here so tests can answer them ahead of time.
class MessageBox final
{
public:
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    static void warning(QWidget *parent, const QString &title, const QString &text);

    // The next question() returns this without showing anything (tests only).
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // The text of the last question or warning (tests only).
    static QString lastText();

private:
    static std::optional<QMessageBox::StandardButton> s_nextAnswer;
    static QString s_lastText;
};

} // namespace cio::ui
