#pragma once

#include "api/dto.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace cio::models {
class LocalStore;
class WorkspaceSession;
} // namespace cio::models

namespace cio::ui {

class MessageWidget;
class PreviewView;

// A newsletter's deliveries (recipient, language, state, when) and, for the selected one, its archived
// copy — what Customer.io really sent — in the same preview as the editor's. Archived copies are limited
// to 100 a day per workspace, so a copy is fetched only when asked for, kept in the workspace's local
// store (a copy never changes: opening it again costs nothing), and the quota left is shown.
class DeliveriesTab final : public QWidget
{
    Q_OBJECT

public:
    // Archived copies are kept in the session's store and looked up there first (without a store every
    // opening fetches).
    explicit DeliveriesTab(models::WorkspaceSession *session, QWidget *parent = nullptr);

    // The newsletter and its variants (for the language column); loads on first show.
    void setNewsletter(qint64 newsletterId, const QList<api::Content> &contents);
    void reload();
    void showArchivedCopy(int row);

    QTableView *view() const { return m_view; }
    PreviewView *preview() const { return m_preview; }
    MessageWidget *messageWidget() const { return m_message; }
    QString quotaText() const;
    QString sourceText() const; // where the shown copy came from: fetched now, or kept on this computer
    int deliveryCount() const;
    bool isLoading() const { return m_loading; }
    const api::ArchivedMessage &archivedMessage() const { return m_archived; }

signals:
    void archivedCopyShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fill(const QList<api::Delivery> &deliveries);
    void updateQuota();
    void showCopy(const api::ArchivedMessage &message);

    models::WorkspaceSession *m_session; // outlives the tab
    QPointer<models::LocalStore> m_store;
    qint64 m_newsletterId = 0;
    QHash<qint64, QString> m_languageOf; // content id → language
    QList<api::Delivery> m_deliveries;
    api::ArchivedMessage m_archived;
    bool m_loaded = false;
    bool m_loading = false;
    quint64 m_generation = 0;
    quint64 m_copyGeneration = 0; // the archived copy asked for last; older answers are only kept
    int m_quotaLimit = -1;
    int m_quotaRemaining = -1;

    MessageWidget *m_message;
    QTableView *m_view;
    QStandardItemModel *m_model;
    QPushButton *m_show;
    QLabel *m_quota;
    QLabel *m_source;
    PreviewView *m_preview;
};

} // namespace cio::ui
