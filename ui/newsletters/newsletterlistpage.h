#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTreeView;

namespace cio::models {
class NewsletterFilterModel;
class LocalStore;
class NewsletterListModel;
class WorkspaceSession;
} // namespace cio::models

namespace cio::ui {

class ListPageFrame;

// The Newsletters section: a searchable, sortable list of the workspace's newsletters, on the list-page
// frame with its type, status and needs-work filters.
class NewsletterListPage final : public QWidget
{
    Q_OBJECT

public:
    explicit NewsletterListPage(models::WorkspaceSession *session, QWidget *parent = nullptr);

    models::NewsletterListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    void reload();
    // With a store: the list opens from it at once and searches inside subjects and bodies too.
    void setStore(models::LocalStore *store);
    void reloadFromStore(bool acceptEmpty = false);
    // Shows the stored list, or, when the store has none yet, "Loading…" until the sync stored it
    // (reloadFromStore()); no request of its own.
    void reloadForSync();

signals:
    void newsletterActivated(qint64 id);

private:
    void buildFilters();
    void buildTable();
    void connectFilters();
    void onSearchChanged(const QString &text);

    models::NewsletterListModel *m_model;
    models::NewsletterFilterModel *m_proxy;
    ListPageFrame *m_frame;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_type;
    QCheckBox *m_needsWork;
    QTreeView *m_view;
    QPointer<models::LocalStore> m_store;
};

} // namespace cio::ui
