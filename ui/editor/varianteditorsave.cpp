// VariantEditor: saving, conflicts, undo and revert.
#include "models/newsletters/newsletterservice.h"
#include "models/store/localstore.h"
#include "models/variants/variantmatrixmodel.h"
#include "models/variants/variantsaver.h"
#include "models/workspacesession.h"
#include "ui/common/codeeditor.h"
#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/editor/conflictdialog.h"
#include "ui/editor/qapanel.h"
#include "ui/editor/varianteditor.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>

namespace cio::ui {

void VariantEditor::save()
{
    if (m_readOnly || m_base.id == 0)
        return;
    writeDraftNow(); // whatever happens next, the edit is on disk first
    if (saveableChanges().isEmpty()) {
        m_message->showMessage(m_bodyLocked && isModified()
                                   ? tr("Nothing to save: only the body changed, and the API cannot change "
                                        "this body. Your body text stays in the draft (Copy Body).")
                                   : tr("Nothing to save: this variant matches the server's version."),
                               MessageWidget::Type::Information);
        return;
    }
    // The checks run on exactly the text being saved; saveChecked() follows when they answer.
    m_saveAfterChecks = true;
    setBusy(true);
    runQualityChecks();
}

void VariantEditor::saveChecked()
{
    setBusy(false);
    const int errors = qa::errorCount(m_findings);
    if (errors > 0) {
        QStringList first;
        for (const qa::Finding &f : std::as_const(m_findings)) {
            if (f.level == qa::Level::Error && first.size() < 5)
                first.append(QStringLiteral("• ") + QaPanel::fieldLabel(f.field) + QStringLiteral(": ") +
                             f.message);
        }
        const auto answer = MessageBox::question(
            this, tr("Save Despite Errors?"),
            tr("The quality checks found %n error(s) in this variant:", nullptr, errors) +
                QStringLiteral("\n\n") + first.join(QLatin1Char('\n')) + QStringLiteral("\n\n") +
                tr("Save it anyway? The Quality tab lists every finding and jumps to it."),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Save) {
            m_sideTabs->setCurrentWidget(m_qaPanel);
            m_message->showMessage(tr("Not saved: fix the errors in the Quality tab, or save anyway."),
                                   MessageWidget::Type::Warning);
            return;
        }
    }
    if (saveableChanges().isEmpty()) {
        m_message->showMessage(tr("Nothing to save: this variant matches the server's version."),
                               MessageWidget::Type::Information);
        return;
    }
    sendSave(m_base, false);
}

void VariantEditor::sendSave(const api::Content &base, bool force)
{
    models::SaveRequest request;
    request.address = m_address;
    request.base = base;
    request.changes = saveableChanges();
    request.force = force;
    setBusy(true);
    m_saver->save(request, this, [this](const models::SaveResult &result) { handleSaveResult(result); });
}

void VariantEditor::handleSaveResult(const models::SaveResult &result)
{
    setBusy(false);
    if (result.contentId != m_base.id) {
        // The user went on to another variant while this one was saving: record the outcome for the
        // variant it belongs to and leave the open one alone.
        if (result.isSaved() && m_store) {
            m_store->storeContent(result.saved);
            const auto draft = m_store->draft(result.contentId);
            if (draft && models::VariantSaver::differingFields(result.saved, draft->base).isEmpty())
                m_store->discardDraft(result.contentId);
            emit draftChanged(result.contentId);
            emit saved(result.saved);
        }
        return;
    }
    switch (result.status) {
    case models::SaveResult::Status::Saved: {
        // The saved version is the new base; anything typed while the save was under way stays a change
        // on top of it (and so a draft).
        m_base = result.saved;
        if (m_store) {
            m_store->storeContent(result.saved);
            m_store->discardDraft(m_base.id);
        }
        updateMarkers();
        writeDraftNow();
        emit draftChanged(m_base.id);
        emit saved(result.saved);
        if (!result.raceFields.isEmpty())
            m_message->showMessage(result.message, MessageWidget::Type::Warning);
        else if (m_bodyLocked && changes().contains(QStringLiteral("body")))
            m_message->showMessage(tr("Saved everything except the body, which the API cannot change. Your "
                                      "body text stays in the draft: copy it into Customer.io's editor."),
                                   MessageWidget::Type::Information, tr("Copy Body"));
        else
            m_message->showMessage(tr("Saved. “Undo Last Save” puts the previous version back."),
                                   MessageWidget::Type::Information);
        return;
    }
    case models::SaveResult::Status::Conflict:
        resolveConflict(result);
        return;
    case models::SaveResult::Status::NothingToSave:
        m_message->showMessage(result.message, MessageWidget::Type::Information);
        return;
    case models::SaveResult::Status::Refused:
    case models::SaveResult::Status::Failed:
        // A body the API will not change (drag-and-drop / Design Studio) is remembered, so it opens
        // read-only from now on and the other fields stay editable. The edited body itself stays in the
        // draft: nothing the user typed is thrown away.
        if (result.error.httpStatus == 400 && saveableChanges().contains(QStringLiteral("body"))) {
            const bool saysWhy =
                result.error.detail.contains(QLatin1String("drag"), Qt::CaseInsensitive) ||
                result.error.detail.contains(QLatin1String("design studio"), Qt::CaseInsensitive);
            if (saysWhy) {
                if (m_store)
                    m_store->setBodyLocked(m_base.id, result.error.detail);
                lockBody(result.error.detail, false);
                return;
            }
            // A bare refusal: most often the same cause. Offer to save the rest without the body.
            m_pendingBodyRefusal = true;
            m_message->showMessage(
                tr("Customer.io refused this change without saying why. When the body is part of the change, "
                   "this usually means the email was built with the drag-and-drop editor or Design Studio, "
                   "whose body the API cannot change. Nothing was lost: all your changes are kept as a "
                   "draft. You can save the other fields without the body."),
                MessageWidget::Type::Error, tr("Save Without the Body"));
            return;
        }
        m_message->showMessage(tr("Not saved: %1 Your changes are kept as a draft.").arg(result.message),
                               MessageWidget::Type::Error);
        return;
    }
}

void VariantEditor::resolveConflict(const models::SaveResult &result)
{
    ConflictDialog dialog(m_base, result.server, saveableChanges(), this);
    const ConflictDialog::Choice choice = dialog.ask();
    switch (choice) {
    case ConflictDialog::Choice::Overwrite:
        sendSave(result.server, true);
        return;
    case ConflictDialog::Choice::PerField: {
        // Their version becomes the base; the fields the user kept stay as changes on top of it, and
        // those are saved straight away (a further change on the server asks again).
        const QJsonObject mine = changes();
        const QJsonObject started = models::VariantSaver::editableFields(m_base);
        QJsonObject kept;
        for (const QString &field : dialog.keptMine()) {
            // A field only they changed, kept "mine", goes back to what the user started from.
            kept.insert(field, mine.contains(field) ? mine.value(field) : started.value(field));
        }
        if (m_bodyLocked && mine.contains(QStringLiteral("body")))
            kept.insert(QStringLiteral("body"), mine.value(QStringLiteral("body"))); // stays in the draft
        m_base = result.server;
        showContent(m_base, kept);
        writeDraftNow();
        if (saveableChanges().isEmpty()) {
            m_message->showMessage(tr("Took their version of every field; nothing left to save."),
                                   MessageWidget::Type::Information);
            return;
        }
        sendSave(m_base, false);
        return;
    }
    case ConflictDialog::Choice::TakeTheirs:
        m_base = result.server;
        showContent(m_base, {});
        writeDraftNow();
        m_message->showMessage(tr("Loaded the server's version; your changes were discarded."),
                               MessageWidget::Type::Information);
        return;
    case ConflictDialog::Choice::MergeByHand: {
        // Their version becomes the base, so the next save does not conflict again; it is shown on the left.
        // Fields the user did not touch take their values, so saving the merge cannot undo their edits.
        const QJsonObject mine = changes();
        m_base = result.server;
        showContent(m_base, mine);
        showDefault(result.server, tr("Server version (changed by someone else)"));
        setDefaultVisible(true);
        writeDraftNow();
        m_message->showMessage(tr("The server's version is on the left. Merge what you need into yours, then "
                                  "save."),
                               MessageWidget::Type::Warning);
        return;
    }
    case ConflictDialog::Choice::Cancel:
        m_message->showMessage(tr("Not saved: someone else changed this variant. Your changes are kept as a "
                                  "draft."),
                               MessageWidget::Type::Warning);
        return;
    }
}

void VariantEditor::lockBody(const QString &reason, bool remembered)
{
    m_bodyLocked = true;
    m_pendingBodyRefusal = false;
    // The HTML body stays as the user left it (their edit is kept in the draft), but read-only, and
    // saves leave it out so the other fields can still be saved.
    m_body->setReadOnly(true);
    updateMarkers();
    writeDraftNow();
    const bool bodyEdited = changes().contains(QStringLiteral("body"));
    QString text = tr("The body of this email was built with the drag-and-drop editor or Design Studio, which "
                      "Customer.io's API cannot change. The subject, preheader and the other fields can still "
                      "be saved.");
    if (bodyEdited)
        text += QLatin1Char(' ') + tr("Your edited body is kept as a draft on this computer: copy it into "
                                      "Customer.io's editor to use it.");
    if (!remembered)
        text += QLatin1Char(' ') + tr("Not saved yet: press Save again to save the other fields.");
    if (!reason.isEmpty())
        text += QLatin1Char(' ') + tr("(Customer.io said: %1)").arg(reason);
    m_message->showMessage(text, MessageWidget::Type::Warning, bodyEdited ? tr("Copy Body") : QString());
}

void VariantEditor::messageActionTriggered()
{
    if (m_pendingBodyRefusal) {
        m_pendingBodyRefusal = false;
        if (m_store)
            m_store->setBodyLocked(m_base.id, QString());
        lockBody(QString(), false);
        save();
        return;
    }
    if (m_bodyLocked) {
        QApplication::clipboard()->setText(m_body->text());
        m_message->showMessage(tr("Your body text is on the clipboard; paste it into Customer.io's editor."),
                               MessageWidget::Type::Information);
    }
}

bool VariantEditor::confirmReplacingText(const QString &title, const QString &text, const QString &action)
{
    return MessageBox::question(this, title, text, QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Cancel,
                                {{QMessageBox::Ok, action}}) == QMessageBox::Ok;
}

void VariantEditor::revertToServer()
{
    if (m_base.id == 0)
        return;
    if (isModified() &&
        !confirmReplacingText(tr("Revert to Server"),
                              tr("Discard your changes to %1 (%2) and load the version on the server?\n\nThis "
                                 "cannot be undone.")
                                  .arg(models::VariantMatrixModel::languageName(m_base.language),
                                       models::VariantSaver::fieldLabels(changes().keys())
                                           .join(QStringLiteral(", "))),
                              tr("Discard My Changes"))) {
        return;
    }
    setBusy(true);
    // The service keeps the server's version in the store and discards the draft.
    m_session->newsletters()->revertToServer(
        m_base.newsletterId, m_base.id, this, [this](const api::Content &fresh, const api::Error &error) {
            setBusy(false);
            if (error.isError()) {
                m_message->showMessage(
                    tr("The server's version could not be loaded: %1").arg(error.message()),
                    MessageWidget::Type::Error);
                return;
            }
            if (fresh.id == m_base.id)
                m_base = fresh;
            if (fresh.id != m_base.id)
                return; // another variant is open by now
            showContent(fresh, {});
            emit draftChanged(fresh.id);
            m_message->showMessage(tr("Reverted to the server's version."), MessageWidget::Type::Information);
        });
}

void VariantEditor::undoLastSave()
{
    if (m_readOnly || m_base.id == 0)
        return;
    const std::optional<api::Content> snapshot = m_store ? m_store->latestSnapshot(m_base.id) : std::nullopt;
    if (!snapshot) {
        m_message->showMessage(tr("There is no earlier save of this variant to undo."),
                               MessageWidget::Type::Information);
        return;
    }
    const QStringList fields = models::VariantSaver::differingFields(*snapshot, m_base);
    QString text = tr("Put back the version of %1 that your last save replaced? It replaces what is on the "
                      "server now (%2).")
                       .arg(models::VariantMatrixModel::languageName(m_base.language),
                            models::VariantSaver::fieldLabels(fields).join(QStringLiteral(", ")));
    if (isModified())
        text += QStringLiteral("\n\n") + tr("Your unsaved changes in the editor are discarded.");
    if (!confirmReplacingText(tr("Undo Last Save"), text, tr("Undo Last Save")))
        return;
    setBusy(true);
    m_saver->undoLastSave(m_address, m_base, this, [this](const models::SaveResult &result) {
        setBusy(false);
        if (result.status != models::SaveResult::Status::Saved) {
            if (result.status == models::SaveResult::Status::Conflict)
                m_message->showMessage(tr("Not undone: someone else changed this variant since your save."),
                                       MessageWidget::Type::Warning);
            else
                m_message->showMessage(tr("Not undone: %1").arg(result.message), MessageWidget::Type::Error);
            return;
        }
        if (result.contentId != m_base.id)
            return;
        m_base = result.saved;
        if (m_store) {
            m_store->storeContent(result.saved);
            m_store->discardDraft(m_base.id);
        }
        showContent(m_base, {});
        emit draftChanged(m_base.id);
        emit saved(result.saved);
        m_message->showMessage(tr("The previous version is back on the server."),
                               MessageWidget::Type::Information);
    });
}

} // namespace cio::ui
