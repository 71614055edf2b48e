#pragma once

#include "models/segments/membershipbatcher.h"
#include "models/workspaces/workspaceprofile.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace cio::models {
class SegmentFilterModel;
class SegmentListModel;
class WorkspaceSession;
} // namespace cio::models

namespace cio::ui {

class ListPageFrame;
class MessageWidget;
class SegmentDetailPane;

// The Segments section: the workspace's segments (type, state, member count fetched for the rows shown),
// searchable and sortable, beside one segment's detail. Creates manual segments, deletes segments after
// showing what uses them and asking for the name, exports members to CSV, and adds or removes people in
// manual segments through the Track API (its key is read from the keychain when first needed).
class SegmentsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit SegmentsPage(models::WorkspaceSession *session, QWidget *parent = nullptr);
    ~SegmentsPage() override;

    // Everything that writes is disabled, with the reason shown.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    // A Track credential that is not in the keychain (the demo workspace's sandbox), and where its Track
    // API is when that is not derived from the workspace's address (empty: derived). Kept by the session.
    void setTrackCredential(const QString &siteId, const QString &apiKey, const QUrl &trackUrl = {});

    void reload();
    void selectSegment(qint64 id);

    // What the buttons do; the dialogs open window-modal and the work continues when they are accepted.
    void createSegment();
    void deleteSegment();
    void addPeople();
    void removePeople();
    void exportMembers(); // asks for the file

    models::SegmentListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    SegmentDetailPane *detail() const { return m_detail; }
    MessageWidget *message() const { return m_message; }
    QLineEdit *searchField() const { return m_search; }

signals:
    void segmentCreated(qint64 id);
    void segmentDeleted(qint64 id);
    void membersChanged(qint64 id);

protected:
    // The list loads the first time the page is shown, so a workspace opened elsewhere costs nothing.
    void showEvent(QShowEvent *event) override;

private:
    void onCurrentChanged();
    void updateActions();
    void buildBar();
    void buildTable();
    void connectDetail();
    void showCount(qint64 id);
    void confirmDelete();
    void openMembersDialog(models::MembershipBatcher::Action action);
    models::WorkspaceSession *m_session; // outlives the page
    bool m_readOnly = false;
    bool m_loaded = false;

    models::SegmentListModel *m_model;
    models::SegmentFilterModel *m_proxy;
    ListPageFrame *m_frame;
    QLineEdit *m_search;
    QComboBox *m_type;
    QPushButton *m_create;
    MessageWidget *m_message;
    QTreeView *m_view;
    SegmentDetailPane *m_detail;
};

} // namespace cio::ui
