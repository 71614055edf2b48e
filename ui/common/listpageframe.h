#pragma once

#include <QWidget>

#include <functional>

class QAbstractItemModel;
class QHBoxLayout;
class QLineEdit;
class QModelIndex;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace cio::api {
struct Error;
}
namespace cio::models {
class PagedListModel;
}

namespace cio::ui {

class EmptyStateLabel;
class MessageWidget;

// The frame every list section is built on: a bar with the search field, the section's filters, a
// reload button and the section's actions; a message line for a list that could not be loaded (with
// "Try again"); the table, or in its place a sentence saying why it is empty; and, optionally, a
// detail pane beside the table. A section fills in its view's model, filters, actions and texts.
class ListPageFrame final : public QWidget
{
    Q_OBJECT

public:
    // The texts of the empty table. noMatch takes the search text as %1.
    struct EmptyTexts
    {
        QString loading;
        QString failed;
        QString noMatch;
        QString none;
    };

    // `view`: a table of the section's own (a QTreeWidget, say); null: a plain QTreeView.
    explicit ListPageFrame(QTreeView *view = nullptr, QWidget *parent = nullptr);

    QLineEdit *search() const { return m_search; }
    QTreeView *view() const { return m_view; }
    MessageWidget *message() const { return m_message; }
    QToolButton *reloadButton() const { return m_reload; }
    QSplitter *splitter() const { return m_splitter; }

    void addFilter(QWidget *widget); // in the bar, before the reload button
    void addAction(QWidget *widget); // in the bar, after the reload button
    void hideReloadButton();
    // Beside the table, in a splitter; `tableStretch`:`paneStretch` share the width.
    void setDetailPane(QWidget *pane, int tableStretch = 3, int paneStretch = 2);

    // The list's loading and failure come from `model`; the rows shown are the view's model's.
    // failedMessage takes the error's message as %1 ("The segments could not be loaded. %1").
    void watch(models::PagedListModel *model, const QString &failedMessage);
    void setEmptyTexts(const EmptyTexts &texts) { m_texts = texts; }
    // Asked before the standard texts: a section's own reason (non-empty) for an empty table.
    void setEmptyReason(std::function<QString()> reason) { m_reason = std::move(reason); }
    void updateEmptyState();

signals:
    void searchChanged(const QString &text);
    void reloadRequested(); // the reload button, or "Try again" after a failure
    void activated(const QModelIndex &index);

private:
    void buildBar();
    QString standardEmptyText() const;
    void watchRows(QAbstractItemModel *model);

    QLineEdit *m_search;
    QToolButton *m_reload;
    MessageWidget *m_message;
    QStackedWidget *m_stack;
    QTreeView *m_view;
    EmptyStateLabel *m_empty;
    QSplitter *m_splitter = nullptr;
    QHBoxLayout *m_bar = nullptr;
    int m_filterCount = 0;
    models::PagedListModel *m_model = nullptr;
    QAbstractItemModel *m_watchedRows = nullptr;
    EmptyTexts m_texts;
    std::function<QString()> m_reason;
};

} // namespace cio::ui
