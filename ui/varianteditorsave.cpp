// VariantEditor: saving, conflicts, undo and revert.
#include "api/appapi.h"
#include "models/localstore.h"
#include "models/variantsaver.h"
#include "ui/codeeditor.h"
#include "ui/conflictdialog.h"
#include "ui/messagebox.h"
#include "ui/messagewidget.h"
#include "ui/qapanel.h"
#include "ui/varianteditor.h"

#include <QLineEdit>
#include <QSplitter>
#include <QTabWidget>

#include "api/client.h"

namespace cio::ui {

void VariantEditor::save()
{
    if (m_readOnly || m_base.id == 0)
        return;
    writeDraftNow(); // whatever happens next, the edit is on disk first
    if (changes().isEmpty()) {
        m_message->showMessage(tr("Nothing to save: this variant matches the server's version."),
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
    models::SaveRequest request;
    request.address = m_address;
    request.base = m_base;
    request.changes = changes();
    if (request.changes.isEmpty()) {
        m_message->showMessage(tr("Nothing to save: this variant matches the server's version."),
                               MessageWidget::Type::Information);
        return;
    }
    setBusy(true);
    m_saver->save(request, this, [this](const models::SaveResult &result) { handleSaveResult(result); });
}

void VariantEditor::handleSaveResult(const models::SaveResult &result)
{
    setBusy(false);
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
        // read-only from now on and the other fields stay editable.
        if (result.error.httpStatus == 400 && changes().contains(QStringLiteral("body")) &&
            (result.error.detail.contains(QLatin1String("drag"), Qt::CaseInsensitive) ||
             result.error.detail.contains(QLatin1String("design studio"), Qt::CaseInsensitive))) {
            if (m_store)
                m_store->setBodyLocked(m_base.id, result.error.detail);
            lockBody(result.error.detail);
        }
        m_message->showMessage(tr("Not saved: %1 Your changes are kept as a draft.").arg(result.message),
                               MessageWidget::Type::Error);
        return;
    }
}

void VariantEditor::resolveConflict(const models::SaveResult &result)
{
    ConflictDialog dialog(m_base, result.server, changes(), this);
    const ConflictDialog::Choice choice = dialog.ask();
    switch (choice) {
    case ConflictDialog::Choice::Overwrite: {
        models::SaveRequest request;
        request.address = m_address;
        request.base = result.server;
        request.changes = changes();
        request.force = true;
        setBusy(true);
        m_saver->save(request, this, [this](const models::SaveResult &r) { handleSaveResult(r); });
        return;
    }
    case ConflictDialog::Choice::TakeTheirs:
        m_base = result.server;
        loadFields(m_base, {});
        writeDraftNow();
        updateMarkers();
        m_message->showMessage(tr("Loaded the server's version; your changes were discarded."),
                               MessageWidget::Type::Information);
        return;
    case ConflictDialog::Choice::MergeByHand: {
        // Their version becomes the base, so the next save does not conflict again; it is shown on the left.
        // Fields the user did not touch take their values, so saving the merge cannot undo their edits.
        const QJsonObject mine = changes();
        m_base = result.server;
        loadFields(m_base, mine);
        showDefault(result.server, tr("Server version (changed by someone else)"));
        m_splitter->widget(0)->setVisible(true);
        writeDraftNow();
        updateMarkers();
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

void VariantEditor::lockBody(const QString &reason)
{
    m_bodyLocked = true;
    for (CodeEditor *editor : {m_body, m_bodyAmp, m_bodyPlain})
        editor->setReadOnly(true);
    // Put the server's body back so the other changes can still be saved.
    m_loading = true;
    m_body->setReadOnly(false);
    m_body->setText(m_base.body);
    m_body->setReadOnly(true);
    m_loading = false;
    updateMarkers();
    writeDraftNow();
    m_message->showMessage(tr("The body of this variant was built with the drag-and-drop editor or Design "
                              "Studio, which the API cannot change (%1). It is shown read-only; the subject, "
                              "preheader and the other fields can still be saved.")
                               .arg(reason),
                           MessageWidget::Type::Warning);
}

void VariantEditor::revertToServer()
{
    if (!m_client || m_base.id == 0)
        return;
    setBusy(true);
    api::AppApi(m_client).content(
        m_base.newsletterId, m_base.id, this, [this](const api::Content &fresh, const api::Error &error) {
            setBusy(false);
            if (error.isError()) {
                m_message->showMessage(
                    tr("The server's version could not be loaded: %1").arg(error.message()),
                    MessageWidget::Type::Error);
                return;
            }
            m_base = fresh;
            if (m_store) {
                m_store->storeContent(fresh);
                m_store->discardDraft(fresh.id);
            }
            loadFields(fresh, {});
            updateMarkers();
            emit draftChanged(fresh.id);
            m_message->showMessage(tr("Reverted to the server's version."), MessageWidget::Type::Information);
        });
}

void VariantEditor::undoLastSave()
{
    if (m_readOnly || m_base.id == 0)
        return;
    if (!m_store || !m_store->latestSnapshot(m_base.id)) {
        m_message->showMessage(tr("There is no earlier save of this variant to undo."),
                               MessageWidget::Type::Information);
        return;
    }
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
        m_base = result.saved;
        if (m_store)
            m_store->storeContent(result.saved);
        loadFields(m_base, {});
        updateMarkers();
        emit saved(result.saved);
        m_message->showMessage(tr("The previous version is back on the server."),
                               MessageWidget::Type::Information);
    });
}

} // namespace cio::ui
