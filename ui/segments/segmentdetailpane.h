#pragma once

#include "api/dto.h"
#include "api/error.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QTreeWidget;

namespace cio::models {
class SegmentExporter;
class SegmentMembersModel;
class WorkspaceSession;
} // namespace cio::models

namespace cio::ui {

class EmptyStateLabel;

// One segment in detail: name, description, id, type, state, member count, the paged member list with
// CSV export, and what uses it (campaigns, and newsletters by name). The buttons ask the page to act.
class SegmentDetailPane final : public QWidget
{
    Q_OBJECT

public:
    explicit SegmentDetailPane(models::WorkspaceSession *session, QWidget *parent = nullptr);

    // No segment: the pane says so.
    void setSegment(const std::optional<api::Segment> &segment);
    std::optional<api::Segment> segment() const { return m_segment; }
    // The count as the list model knows it (nullopt: not known yet; error: why).
    void setCount(std::optional<qint64> count, const api::Error &error = {});
    // Which actions may run, and why not: an empty reason enables the action.
    void setActionState(const QString &writeBlocked, const QString &membersBlocked,
                        const QString &deleteBlocked);

    // Writes every member to a CSV file with a progress bar (cancelable). The page asks for the path.
    void exportMembers(const QString &path);
    bool isExporting() const;
    void reloadMembers();
    // Fetches used_by again (and the newsletters' names).
    void reloadUsage();

    bool isUsageLoaded() const { return m_usageLoaded; }
    const api::SegmentUsage &usage() const { return m_usage; }
    // One line per user of the segment: "Campaign 4", "Newsletter “Spring sale” (12, sent)".
    QStringList usageLines() const;

    models::SegmentMembersModel *membersModel() const { return m_members; }
    QListView *membersView() const { return m_membersView; }
    QTreeWidget *usageView() const { return m_usageView; }
    QProgressBar *exportProgress() const { return m_exportProgress; }
    QLabel *countLabel() const { return m_count; }

signals:
    void addPeopleRequested();
    void removePeopleRequested();
    void deleteRequested();
    void exportRequested();
    void refreshCountRequested();
    void usageLoaded();
    // A finished (or failed) export, for the page's banner.
    void exportFinished(bool ok, const QString &message);

private:
    void buildHeader();
    void buildTabs();
    void buildLayout();
    void connectSignals();
    void updateMembersLabel();
    void fillUsage();
    // The newsletter's name as the session's newsletter service knows it, or `fallback`.
    QString nameOr(qint64 newsletterId, const QString &fallback) const;
    void fetchNames();

    models::WorkspaceSession *m_session; // outlives the pane
    std::optional<api::Segment> m_segment;
    std::optional<qint64> m_countValue;
    api::SegmentUsage m_usage;
    bool m_usageLoaded = false;
    api::Error m_usageError;
    quint64 m_generation = 0;

    QStackedWidget *m_stack;
    EmptyStateLabel *m_empty;
    QLabel *m_name;
    QLabel *m_description;
    QLabel *m_meta;
    QLabel *m_count;
    QToolButton *m_refreshCount;
    QLabel *m_reason;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_export;
    QPushButton *m_delete;
    QTabWidget *m_tabs;
    models::SegmentMembersModel *m_members;
    QListView *m_membersView;
    QLabel *m_membersLabel;
    QProgressBar *m_exportProgress;
    QPushButton *m_cancelExport;
    models::SegmentExporter *m_exporter;
    QTreeWidget *m_usageView;
};

} // namespace cio::ui
