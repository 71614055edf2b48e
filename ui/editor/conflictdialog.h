#pragma once

#include "api/dto.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>

class QDialogButtonBox;
class QLabel;
class QRadioButton;

namespace cio::ui {

// Someone else saved the variant since the edit started. Shows, field by field and with human names,
// a word-level diff of what differs between their version and the user's, and lets the user keep
// theirs or mine per field (or merge by hand). Nothing is lost whatever the answer: the user's text
// stays in the editor and in the draft until a save succeeds.
class ConflictDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Choice
    {
        Overwrite,   // every field mine
        TakeTheirs,  // every field theirs
        MergeByHand, // their version becomes the base; the user merges in the editor
        PerField,    // keptMine() says which fields stay mine
        Cancel
    };

    ConflictDialog(const api::Content &base, const api::Content &server, const QJsonObject &mine,
                   QWidget *parent = nullptr);

    Choice ask();
    // The fields (API keys) whose value the user keeps from their own version, after PerField.
    QStringList keptMine() const;
    // The fields that differ between their version and the user's, in the order shown (API keys).
    QStringList differingFields() const { return m_fields; }
    // The next ask() returns this without showing the dialog (tests only); with PerField, `keepMine`
    // stands for the user's picks.
    static void setNextChoice(Choice choice, const QStringList &keepMine = {});

private:
    QLabel *buildIntro(const QStringList &theyChanged);
    QWidget *buildFieldRows(const QJsonObject &theirs, const QJsonObject &yours, const QJsonObject &mine);
    QDialogButtonBox *buildButtons(); // connected: the dialog's choice is set when a button closes it

    Choice m_choice = Choice::Cancel;
    QStringList m_fields;
    QHash<QString, QRadioButton *> m_mineButtons;
    QStringList m_scriptedKeepMine;
    bool m_scripted = false;
};

} // namespace cio::ui
