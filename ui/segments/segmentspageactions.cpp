// SegmentsPage: the actions that change the workspace (create, delete, add and remove people) and export.
#include "ui/segments/segmentspage.h"

#include "models/segments/segmentlistmodel.h"
#include "models/segments/segmentservice.h"
#include "models/workspacesession.h"
#include "ui/common/messagewidget.h"
#include "ui/segments/createsegmentdialog.h"
#include "ui/segments/deletesegmentdialog.h"
#include "ui/segments/segmentdetailpane.h"
#include "ui/segments/segmentmembersdialog.h"

#include <QDir>
#include <QFileDialog>
#include <QRegularExpression>
#include <QStandardPaths>

namespace cio::ui {

void SegmentsPage::createSegment()
{
    if (m_readOnly)
        return;
    QStringList names;
    for (int row = 0; row < m_model->rowCount(); ++row)
        names << m_model->itemAt(row).name;
    auto *dialog = new CreateSegmentDialog(names, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString name = dialog->name();
        m_message->showMessage(tr("Creating “%1”…").arg(name), MessageWidget::Type::Information);
        m_session->segments()->create(
            name, dialog->description(), this,
            [this, name](const api::Segment &segment, const api::Error &error) {
                if (error.isError()) {
                    m_message->showMessage(
                        tr("The segment “%1” was not created. %2").arg(name, error.message()),
                        MessageWidget::Type::Error);
                    return;
                }
                m_model->addSegment(segment);
                selectSegment(segment.id);
                m_message->showMessage(
                    tr("Created the manual segment “%1” (id %2).").arg(segment.name).arg(segment.id),
                    MessageWidget::Type::Information);
                emit segmentCreated(segment.id);
            });
    });
    dialog->open();
}

void SegmentsPage::deleteSegment()
{
    const auto segment = m_detail->segment();
    if (!segment || m_readOnly)
        return;
    // What uses the segment is shown before anyone can confirm; wait for it when it is still loading.
    if (m_detail->isUsageLoaded())
        return confirmDelete();
    auto *connection = new QMetaObject::Connection;
    *connection =
        connect(m_detail, &SegmentDetailPane::usageLoaded, this, [this, connection, id = segment->id] {
            disconnect(*connection);
            delete connection;
            const auto current = m_detail->segment();
            if (current && current->id == id)
                confirmDelete();
        });
    m_detail->reloadUsage();
}

void SegmentsPage::confirmDelete()
{
    const auto segment = m_detail->segment();
    if (!segment)
        return;
    QStringList usage = m_detail->usageLines();
    if (!m_detail->isUsageLoaded())
        usage.prepend(tr("(What uses this segment could not be checked.)"));
    auto *dialog = new DeleteSegmentDialog(*segment, usage, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, s = *segment] {
        m_session->segments()->remove(s, this, [this, s](const api::Error &error) {
            if (error.isError()) {
                m_message->showMessage(
                    tr("The segment “%1” was not deleted. %2").arg(s.name, error.message()),
                    MessageWidget::Type::Error);
                return;
            }
            m_model->removeSegment(s.id);
            m_message->showMessage(tr("Deleted the segment “%1”.").arg(s.name),
                                   MessageWidget::Type::Information);
            emit segmentDeleted(s.id);
        });
    });
    dialog->open();
}

void SegmentsPage::addPeople()
{
    openMembersDialog(models::MembershipBatcher::Action::Add);
}

void SegmentsPage::removePeople()
{
    openMembersDialog(models::MembershipBatcher::Action::Remove);
}

void SegmentsPage::openMembersDialog(models::MembershipBatcher::Action action)
{
    const auto segment = m_detail->segment();
    if (!segment || m_readOnly)
        return;
    if (!segment->isManual()) {
        m_message->showMessage(
            tr("“%1” is a data-driven segment: Customer.io keeps its members in step with its "
               "conditions, so people cannot be added or removed by hand.")
                .arg(segment->name),
            MessageWidget::Type::Warning);
        return;
    }
    using Problem = models::WorkspaceSession::TrackProblem;
    const auto explainMissing = [this] {
        m_message->showMessage(
            tr("Adding or removing people goes through Customer.io's Track API, which needs its own "
               "credential: enter the workspace's Track API site id and key in the workspace settings "
               "(Customer.io: Account settings → API credentials → Tracking API keys)."),
            MessageWidget::Type::Information);
    };
    if (!m_session->hasTrackCredential())
        return explainMissing(); // at once: nothing to read
    m_session->newMembershipBatcher(this, [this, action, explainMissing, s = *segment](
                                              models::MembershipBatcher *batcher, Problem problem,
                                              const QString &detail) {
        if (problem == Problem::NoCredential)
            return explainMissing();
        if (problem == Problem::KeyUnreadable || !batcher) {
            return m_message->showMessage(
                tr("The Track API key could not be read from the keychain: %1 Enter it again in the workspace "
                   "settings.")
                    .arg(detail.isEmpty() ? tr("it is empty.") : detail),
                MessageWidget::Type::Error);
        }
        auto *dialog = new SegmentMembersDialog(s, action, batcher, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QObject::destroyed, batcher, &QObject::deleteLater);
        connect(dialog, &SegmentMembersDialog::membersChanged, this, [this](qint64 id) {
            // Customer.io applies Track changes within moments; the count and list are read again now.
            m_model->refreshCount(id);
            showCount(id);
            const auto current = m_detail->segment();
            if (current && current->id == id)
                m_detail->reloadMembers();
            emit membersChanged(id);
        });
        dialog->open();
    });
}

void SegmentsPage::exportMembers()
{
    const auto segment = m_detail->segment();
    if (!segment || m_detail->isExporting())
        return;
    QString base = segment->name;
    base.replace(QRegularExpression(QStringLiteral(R"([\\/:*?"<>|]+)")), QStringLiteral("-"));
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(base + QStringLiteral(".csv"));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Members"), suggested, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        m_detail->exportMembers(path);
}

} // namespace cio::ui
