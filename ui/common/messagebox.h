#pragma once

#include <QMessageBox>

#include <QHash>
#include <QList>

namespace cio::ui {

// Modal questions go through here so tests can answer them ahead of time.
class MessageBox final
{
public:
    // `labels` renames standard buttons ("Keep as Draft" for Discard…) so each says what it does.
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton,
                                                const QHash<QMessageBox::StandardButton, QString> &labels = {});
    static void warning(QWidget *parent, const QString &title, const QString &text);

    // The next question() returns this without showing anything (tests only); replaces pending answers.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // Adds an answer behind the pending ones: one per question, in order (tests only).
    static void queueAnswer(QMessageBox::StandardButton answer) { s_nextAnswers.append(answer); }
    static bool hasPendingAnswers() { return !s_nextAnswers.isEmpty(); }
    static void clearAnswers() { s_nextAnswers.clear(); }
    // How many questions were asked since the start (tests only).
    static int questionCount() { return s_questions; }
    // The text of the last question or warning (tests only).
    static QString lastText();

private:
    static QList<QMessageBox::StandardButton> s_nextAnswers;
    static QString s_lastText;
    static int s_questions;
};

} // namespace cio::ui
