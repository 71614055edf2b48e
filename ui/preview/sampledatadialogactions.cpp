// SampleDataDialog: what the buttons do to the sets — new, duplicate, delete, make default, import,
// export, format.
#include "ui/preview/sampledatadialog.h"
#include "ui/preview/sampledatadialog_p.h"

#include "models/preview/sampledata.h"
#include "ui/common/codeeditor.h"
#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/common/windowgeometry.h"
#include <Qsci/qscilexerjson.h>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace cio::ui {

using models::SampleSet;
using sampledata::findSet;
using sampledata::storable;

void SampleDataDialog::startNew(const SampleSet &templateSet, const QString &text)
{
    m_isNew = true;
    m_editing = true;
    m_edit = templateSet;
    m_edit.id = 0;
    m_edit.isDefault = false;
    m_name->setText(m_edit.name);
    reloadList(0);
    showSet(m_edit, true);
    if (!text.isEmpty())
        m_json->setText(text);
    m_name->setFocus();
    m_name->selectAll();
}

void SampleDataDialog::newSet()
{
    if (!m_store || !settleChanges())
        return;
    SampleSet set;
    m_editing = false; // settled: the name of a discarded new set is free again
    set.name = uniqueName(tr("New set"));
    set.data = *liquid::JsonData::fromText("{\n    \"customer\": {},\n    \"event\": {},\n    \"trigger\": {}\n}");
    startNew(set, QString());
}

void SampleDataDialog::duplicateSet()
{
    if (!m_store || !m_editing)
        return;
    // The copy is what is on screen, valid or not, so nothing typed is lost whatever the answer below.
    const QString text = m_json->text();
    SampleSet copy;
    copy.name = m_name->text().trimmed().isEmpty() ? m_edit.name : m_name->text().trimmed();
    copy.language = languageText();
    copy.data = models::parseSampleData(text, nullptr).value_or(m_edit.data);
    if (!settleChanges())
        return;
    m_editing = false;
    copy.name = uniqueName(tr("%1 copy").arg(copy.name));
    startNew(copy, text);
}

void SampleDataDialog::deleteSet()
{
    if (!m_store || !m_editing)
        return;
    const QString name = m_isNew ? m_name->text().trimmed() : m_edit.name;
    const QString question =
        m_isNew ? tr("Discard the new set “%1”?").arg(name)
                : tr("Delete the sample data “%1”?%2")
                      .arg(name, m_edit.isDefault ? tr("\n\nAnother set becomes the default.") : QString());
    if (MessageBox::question(this, tr("Delete Sample Data"), question, QMessageBox::Yes | QMessageBox::No,
                             QMessageBox::No) != QMessageBox::Yes)
        return;
    if (!m_isNew) {
        m_writing = true;
        const bool removed = m_store->removeSampleSet(m_edit.id);
        m_writing = false;
        if (!removed) {
            m_message->showMessage(tr("Not deleted: %1").arg(m_store->lastError()),
                                   MessageWidget::Type::Error);
            return;
        }
    }
    showDefaultSet();
}

void SampleDataDialog::makeDefault()
{
    if (!m_store || !m_editing || m_isNew || m_edit.isDefault)
        return;
    // Only the mark moves; edits on screen stay unsaved.
    std::optional<SampleSet> stored = findSet(m_store->sampleSets(), m_edit.id);
    if (!stored)
        return;
    stored->isDefault = true;
    stored->language = storable(stored->language);
    m_writing = true;
    const bool saved = m_store->saveSampleSet(*stored) != 0;
    m_writing = false;
    if (!saved) {
        m_message->showMessage(tr("Could not make it the default: %1").arg(m_store->lastError()),
                               MessageWidget::Type::Error);
        return;
    }
    m_edit.isDefault = true;
    reloadList(m_edit.id);
    updateState();
}

bool SampleDataDialog::importFile(const QString &path)
{
    if (!m_store)
        return false;
    const QString fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_message->showMessage(tr("Could not read “%1”: %2").arg(fileName, file.errorString()),
                               MessageWidget::Type::Error);
        return false;
    }
    QString error;
    QList<SampleSet> sets = models::sampleSetsFromJson(file.readAll(), &error);
    if (sets.isEmpty()) {
        m_message->showMessage(tr("Nothing imported from “%1”: %2").arg(fileName, error),
                               MessageWidget::Type::Error);
        return false;
    }
    // An imported default only counts in a workspace that has none yet.
    const bool workspaceEmpty = m_store->sampleSets().isEmpty();
    int imported = 0;
    QStringList failures;
    m_writing = true;
    for (SampleSet &set : sets) {
        set.id = 0;
        set.name = uniqueName(set.name);
        set.isDefault = set.isDefault && workspaceEmpty;
        if (m_store->saveSampleSet(set) != 0)
            ++imported;
        else
            failures << m_store->lastError();
    }
    m_writing = false;
    storeChanged();
    if (!failures.isEmpty()) {
        m_message->showMessage(tr("Imported %n set(s) from “%1”; not imported: %2", nullptr, imported)
                                   .arg(fileName, failures.join(QStringLiteral("; "))),
                               MessageWidget::Type::Warning);
        return false;
    }
    m_message->showMessage(tr("Imported %n set(s) from “%1”.", nullptr, imported).arg(fileName),
                           MessageWidget::Type::Information);
    return true;
}

bool SampleDataDialog::exportFile(const QString &path)
{
    if (!m_store)
        return false;
    const QList<SampleSet> sets = m_store->sampleSets();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(models::sampleSetsToJson(sets)) < 0 ||
        !file.commit()) {
        m_message->showMessage(
            tr("Could not write “%1”: %2").arg(QFileInfo(path).fileName(), file.errorString()),
            MessageWidget::Type::Error);
        return false;
    }
    QString text =
        tr("Exported %n set(s) to “%1”.", nullptr, int(sets.size())).arg(QFileInfo(path).fileName());
    if (isModified())
        text += QLatin1Char(' ') + tr("Unsaved changes are not in the file.");
    m_message->showMessage(text, MessageWidget::Type::Information);
    return true;
}

void SampleDataDialog::chooseImportFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Sample Data"), QString(),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void SampleDataDialog::chooseExportFile()
{
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export Sample Data"), QStringLiteral("sample-data.json"),
                                     tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1String(".json");
    exportFile(path);
}

void SampleDataDialog::formatJson()
{
    const std::optional<liquid::JsonData> data = models::parseSampleData(m_json->text(), nullptr);
    if (!data)
        return;
    int line = 0;
    int index = 0;
    m_json->getCursorPosition(&line, &index);
    m_json->setText(data->indented());
    m_json->setCursorPosition(qMin(line, m_json->lines() - 1), 0);
}

// The store changed under the dialog: another window, an import, or a sync seeding sets.

} // namespace cio::ui
