// The Snippets page's writes: save (validation, Liquid parse, impact preview, PUT), delete (confirmation
// with the usages, the API's in-use refusal) and rename (new snippet, references rewritten through the
// safe save, old snippet deleted). None of them touches the editor's text unless it succeeded.
#include "ui/snippets/snippetspage.h"

#include "liquid/liquidengine.h"
#include "models/snippets/snippetservice.h"
#include "models/store/localstore.h"
#include "models/workspacesession.h"
#include "ui/common/codeeditor.h"
#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/snippets/snippetimpactdialog.h"
#include "ui/snippets/snippetrenamedialog.h"

#include <QLineEdit>
#include <QMessageBox>
#include <QTabWidget>
#include <QTreeWidget>

#include <optional>

namespace cio::ui {

void SnippetsPage::showProblem(const QString &message, int line, int column)
{
    m_retry = nullptr;
    m_message->showMessage(line > 0 ? tr("Line %1, column %2: %3").arg(line).arg(column).arg(message)
                                    : message,
                           MessageWidget::Type::Error);
    if (line > 0) {
        m_editor->setCursorPosition(line - 1, std::max(0, column - 1));
        m_editor->ensureLineVisible(line - 1);
        m_editor->setFocus();
    }
}

bool SnippetsPage::validate(QString *name, QString *value)
{
    *name = m_isNew ? m_name->text().trimmed() : m_loadedName;
    *value = m_editor->text();
    const models::SnippetProblem nameProblem =
        models::validateSnippetName(*m_store, *name, m_isNew ? QString() : m_loadedName);
    if (nameProblem.isProblem()) {
        showProblem(nameProblem.message, 0, 0);
        m_name->setFocus();
        return false;
    }
    const models::SnippetProblem valueProblem = models::validateSnippetValue(*value);
    if (valueProblem.isProblem()) {
        showProblem(valueProblem.message, valueProblem.line, valueProblem.column);
        return false;
    }
    return true;
}

void SnippetsPage::save()
{
    if (m_readOnly || m_busy || !m_store  || !isModified())
        return;
    QString name, value;
    if (validate(&name, &value))
        checkLiquidThenSave(name, value);
}

void SnippetsPage::checkLiquidThenSave(const QString &name, const QString &value)
{
    setBusy(true);
    m_message->showMessage(tr("Checking the Liquid of “%1”…").arg(name), MessageWidget::Type::Information);
    m_session->liquid()->analyze(value, this, [this, name, value](const liquid::Analysis &a) {
        setBusy(false);
        if (!a.errors.isEmpty() && a.errors.first().kind == QLatin1String("EngineError")) {
            // Without a renderer nothing can be checked; the server still has its own checks.
            if (MessageBox::question(this, tr("Liquid Not Checked"),
                                     tr("The Liquid could not be checked: %1\n\nSave “%2” anyway?")
                                         .arg(a.errors.first().message, name),
                                     QMessageBox::Save | QMessageBox::Cancel,
                                     QMessageBox::Cancel) != QMessageBox::Save) {
                m_message->hideMessage();
                return;
            }
        } else if (!a.parsed) {
            const liquid::LiquidError e = a.errors.value(0);
            return showProblem(tr("The Liquid does not parse: %1").arg(e.message), e.line, e.column);
        } else if (!a.snippets.isEmpty()) {
            const liquid::Reference &r = a.snippets.first();
            return showProblem(tr("A snippet cannot use another snippet (here “%1”): Customer.io refuses "
                                  "snippets inside snippets.")
                                   .arg(r.name),
                               r.line, r.column);
        }
        m_message->hideMessage();
        // A change that variants will show is previewed in them first.
        const QList<models::SnippetUsage> usages = models::findSnippetUsages(*m_store, name);
        if (value == m_loadedValue || usages.isEmpty())
            return put(name, value);
        auto *dialog = new SnippetImpactDialog(m_session, name, m_loadedValue, value, usages, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, name, value] { put(name, value); });
        dialog->open();
    });
}

void SnippetsPage::put(const QString &name, const QString &value, bool recreate)
{
    setBusy(true);
    m_message->showMessage(tr("Saving “%1”…").arg(name), MessageWidget::Type::Information);
    // A new snippet is created (refused when the name was taken meanwhile); a change to an existing one
    // is saved only if the workspace still holds what was opened (models::SnippetSaver).
    models::SnippetSaveRequest request;
    request.name = name;
    request.value = value;
    request.isNew = m_isNew || recreate;
    if (!request.isNew)
        request.base = m_loadedValue;
    m_session->snippets()->save(request, this, [this, name, value](const models::SnippetSaveResult &result) {
        using Status = models::SnippetSaveResult::Status;
        switch (result.status) {
        case Status::Saved:
        case Status::Created:
            return putFinished(name, result.saved, {});
        case Status::Failed:
            return putFinished(name, {}, result.error);
        case Status::NameTaken:
            setBusy(false);
            reload();
            return showProblem(tr("A snippet called “%1” was created in the workspace meanwhile. Choose another "
                                  "name, or open that snippet to change it.")
                                   .arg(name),
                               0, 0);
        case Status::Conflict:
        case Status::Deleted:
            break;
        }
        const QString question =
            result.status == Status::Deleted
                ? tr("“%1” was deleted from the workspace after you opened it. Create it again with your text?")
                      .arg(name)
                : tr("Someone else changed “%1” after you opened it. Replace their version with yours?\n\n"
                     "Cancel keeps your text here; Revert then shows theirs.")
                      .arg(name);
        const bool replace = MessageBox::question(this, tr("Snippet Changed Elsewhere"), question,
                                                  QMessageBox::Save | QMessageBox::Cancel,
                                                  QMessageBox::Cancel) == QMessageBox::Save;
        if (result.server && m_store) {
            m_loadedValue = result.server->value; // what Revert brings back; the editor keeps the text
            m_store->storeSnippet(*result.server);
        }
        if (!replace) {
            setBusy(false);
            m_retry = nullptr;
            m_message->showMessage(tr("“%1” was not saved. Your text is still here.").arg(name),
                                   MessageWidget::Type::Warning);
            return updateActions();
        }
        // Deleted: created again (refused if someone created it meanwhile). Changed: the question took a
        // while, so read again and save if nothing moved meanwhile.
        put(name, value, result.status == Status::Deleted);
    });
}

void SnippetsPage::putFinished(const QString &name, const api::Snippet &answer, const api::Error &error)
{
    setBusy(false);
    if (error.isError() || !m_store) {
        // The editor keeps every character; the banner offers the same save again.
        m_retry = [this] { save(); };
        m_message->showMessage(
            tr("“%1” was not saved: %2 Your text is still here.").arg(name, error.message()),
            MessageWidget::Type::Error, tr("Try again"));
        return;
    }
    api::Snippet saved = answer;
    if (saved.name.isEmpty())
        saved.name = name;
    m_draftTimer->stop();
    discardDraft(); // the edit is on the server now
    const bool created = m_isNew;
    m_isNew = false;
    m_loadedName = saved.name;
    m_loadedValue = saved.value;
    if (m_editor->text() != saved.value) // the API trims values
        m_editor->setText(saved.value);
    m_store->storeSnippet(saved); // the list follows through snippetsChanged
    selectSnippet(saved.name);
    updateActions();
    m_retry = nullptr;
    m_message->showMessage(created ? tr("Created “%1”.").arg(saved.name) : tr("Saved “%1”.").arg(saved.name),
                           MessageWidget::Type::Information);
    emit snippetSaved(saved.name);
}

void SnippetsPage::deleteSnippet()
{
    if (m_readOnly || m_busy || m_isNew || m_loadedName.isEmpty() || !m_store)
        return;
    const QString name = m_loadedName;
    const QList<models::SnippetUsage> usages = models::findSnippetUsages(*m_store, name);
    const QString text =
        usages.isEmpty()
            ? tr("Delete the snippet “%1” from the workspace?\n\nNo variant in the local copy uses it. This "
                 "cannot be undone.")
                  .arg(name)
            : tr("Delete the snippet “%1” from the workspace?", nullptr).arg(name) + QStringLiteral("\n\n") +
                  tr("It is used in %n place(s) of the local copy:", nullptr, int(usages.size())) +
                  QLatin1Char('\n') + models::summarizeSnippetUsages(usages) + QStringLiteral("\n\n") +
                  tr("Customer.io refuses to delete a snippet that is still in use.");
    if (MessageBox::question(this, tr("Delete Snippet"), text, QMessageBox::Yes | QMessageBox::No,
                             QMessageBox::No) != QMessageBox::Yes)
        return;
    setBusy(true);
    m_message->showMessage(tr("Deleting “%1”…").arg(name), MessageWidget::Type::Information);
    m_session->snippets()->remove(name, this,
                                  [this, name](const api::Error &error) { deleteFinished(name, error); });
}

void SnippetsPage::deleteFinished(const QString &name, const api::Error &error)
{
    setBusy(false);
    m_retry = nullptr;
    if (!m_store)
        return;
    if (error.isError() && error.kind != api::Error::Kind::NotFound) {
        const QList<models::SnippetUsage> usages = models::findSnippetUsages(*m_store, name);
        if (error.kind == api::Error::Kind::Rejected && error.httpStatus == 400) {
            // The documented refusal: the snippet is still in use somewhere.
            QString text = tr("Customer.io refused to delete “%1” because it is still in use (%2).")
                               .arg(name, error.detail.isEmpty() ? error.message() : error.detail);
            text += QLatin1Char('\n');
            text +=
                usages.isEmpty()
                    ? tr("No variant of the local copy uses it: it may be used by a campaign, a template or "
                         "a variant changed since the last sync.")
                    : tr("Known usages:") + QLatin1Char('\n') + models::summarizeSnippetUsages(usages);
            m_message->showMessage(text, MessageWidget::Type::Error);
            findUsages();
            return;
        }
        m_message->showMessage(tr("“%1” was not deleted: %2").arg(name, error.message()),
                               MessageWidget::Type::Error);
        return;
    }
    if (m_loadedName == name) {
        m_loadedName.clear();
        m_loadedValue.clear();
        newSnippet();
    }
    m_message->showMessage(error.isError() ? tr("“%1” was already deleted on the server.").arg(name)
                                           : tr("Deleted “%1”.").arg(name),
                           MessageWidget::Type::Information);
    emit snippetDeleted(name);
}

void SnippetsPage::renameSnippet()
{
    if (m_readOnly || m_busy || m_isNew || m_loadedName.isEmpty() )
        return;
    if (isModified()) {
        m_retry = nullptr;
        m_message->showMessage(
            tr("Save or revert your changes to “%1” before renaming it.").arg(m_loadedName),
            MessageWidget::Type::Warning);
        return;
    }
    auto *dialog = new SnippetRenameDialog(m_store, m_loadedName, m_loadedValue, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { runRename(dialog); });
    dialog->open();
}

void SnippetsPage::runRename(SnippetRenameDialog *dialog)
{
    models::SnippetRename rename;
    rename.oldName = dialog->oldName();
    rename.newName = dialog->newName();
    rename.value = m_loadedValue;
    rename.rewrites = dialog->rewrites();
    rename.continuesEarlier = dialog->continuesEarlierRename();
    setBusy(true);
    m_retry = nullptr;
    const QString oldName = rename.oldName;
    const QString newName = rename.newName;
    using Step = models::SnippetService::RenameStep;
    const auto progress = [this, oldName, newName](Step step, int count) {
        switch (step) {
        case Step::Creating:
            return m_message->showMessage(tr("Creating “%1”…").arg(newName), MessageWidget::Type::Information);
        case Step::Rewriting:
            return m_message->showMessage(tr("Rewriting %n variant(s)…", nullptr, count),
                                          MessageWidget::Type::Information);
        case Step::DeletingOld:
            return m_message->showMessage(tr("Deleting “%1”…").arg(oldName), MessageWidget::Type::Information);
        }
    };
    m_session->snippets()->rename(
        rename, this, progress, [this, oldName, newName](const models::SnippetRenameResult &result) {
            using Outcome = models::SnippetRenameResult::Outcome;
            setBusy(false);
            switch (result.outcome) {
            case Outcome::NameTaken:
                reload();
                return m_message->showMessage(
                    tr("Nothing was renamed: a snippet called “%1” exists in the workspace already. Choose "
                       "another name.")
                        .arg(newName),
                    MessageWidget::Type::Error);
            case Outcome::NotCreated:
                return m_message->showMessage(
                    tr("Nothing was renamed: “%1” could not be created: %2").arg(newName, result.error.message()),
                    MessageWidget::Type::Error);
            case Outcome::NotAllRewritten:
                selectSnippet(newName);
                return m_message->showMessage(
                    tr("“%1” was created and is now used by %n variant(s).", nullptr, result.rewritten)
                            .arg(newName) +
                        QLatin1Char(' ') +
                        tr("Not rewritten, so “%1” was kept (nothing was overwritten):").arg(oldName) +
                        QLatin1Char('\n') + result.failures.join(QLatin1Char('\n')) + QLatin1Char('\n') +
                        tr("Sync, then rename “%1” to “%2” again to finish.").arg(oldName, newName),
                    MessageWidget::Type::Warning);
            case Outcome::OldKept:
                m_message->showMessage(
                    tr("“%1” has the value and is used by %n variant(s), but “%2” was kept: %3", nullptr,
                       result.rewritten)
                            .arg(newName, oldName, result.error.message()) +
                        QLatin1Char(' ') +
                        tr("Something the local copy does not show may still use it; sync, then delete it."),
                    MessageWidget::Type::Warning);
                selectSnippet(newName);
                return;
            case Outcome::Renamed:
                m_loadedName.clear();
                selectSnippet(newName);
                m_message->showMessage(
                    tr("Renamed “%1” to “%2”; %n variant(s) rewritten.", nullptr, result.rewritten)
                        .arg(oldName, newName),
                    MessageWidget::Type::Information);
                emit snippetRenamed(oldName, newName);
                return;
            }
        });
}

} // namespace cio::ui
