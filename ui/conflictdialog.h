#pragma once

#include "api/dto.h"

#include <QDialog>
#include <QJsonObject>

namespace cio::ui {

// Someone else saved the variant since the edit started: shows their version beside the user's and asks
// what to do. Nothing is lost whatever the answer: the user's text stays in the editor and in the draft.
class ConflictDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Choice
    {
        Overwrite,
        TakeTheirs,
        MergeByHand,
        Cancel
    };

    ConflictDialog(const api::Content &base, const api::Content &server, const QJsonObject &mine,
                   QWidget *parent = nullptr);

    Choice ask();
    // The next ask() returns this without showing the dialog (tests only).
    static void setNextChoice(Choice choice);

private:
    Choice m_choice = Choice::Cancel;
};

} // namespace cio::ui
