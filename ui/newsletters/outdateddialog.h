#pragma once

#include "api/dto.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QGroupBox;
class QPushButton;
class QVBoxLayout;

namespace cio::ui {

// Why a translation is outdated: when its Default's texts changed and when the translation was last saved,
// with a word diff per field of what the Default changed since (or its current text when the earlier one
// is not known on this computer). "Mark as Still Current" leaves the decision to the caller.
class OutdatedDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Facts
    {
        QString languageName;          // "Deutsch — German (de)"
        QString groupName;             // empty without an A/B test
        qint64 translationSavedAt = 0; // when the translation's texts last changed (unix seconds)
        qint64 defaultChangedAt = 0;   // when the Default's texts changed
        qint64 markedCurrentFor = 0;   // the Default's change the translation was last marked current for
        api::Content defaultNow;       // the Default as it is
        // The Default when the translation was saved (or last marked current), if known on this computer.
        std::optional<api::Content> defaultThen;
        bool readOnly = false;
    };

    explicit OutdatedDialog(const Facts &facts, QWidget *parent = nullptr);
    ~OutdatedDialog() override;

    // "The Default's subject and body changed on …, after this translation was saved on …".
    static QString summary(const Facts &facts);
    // The fields (API names) whose text differs between the Default then and now; empty when unknown.
    static QStringList changedFields(const Facts &facts);

signals:
    void markStillCurrentRequested();
    void openTranslationRequested();

private:
    void addExplanation(QVBoxLayout *layout, const Facts &facts);
    bool addChanges(QVBoxLayout *layout, const Facts &facts);
    QGroupBox *fieldBox(const QString &name, const QString &html, bool body);
    QDialogButtonBox *buildButtons(bool readOnly);

    QPushButton *m_markCurrent;
};

} // namespace cio::ui
