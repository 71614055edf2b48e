#include "ui/common/listpageframe.h"

#include "api/error.h"
#include "models/common/pagedlistmodel.h"
#include "ui/common/emptystatelabel.h"
#include "ui/common/messagewidget.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace cio::ui {

ListPageFrame::ListPageFrame(QTreeView *view, QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_reload(new QToolButton(this))
    , m_message(new MessageWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_view(view ? view : new QTreeView(this))
    , m_empty(new EmptyStateLabel(this))
{
    m_search->setClearButtonEnabled(true);
    m_reload->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_reload->setAccessibleName(tr("Reload"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->header()->setStretchLastSection(false);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    buildBar();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_bar);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    connect(m_search, &QLineEdit::textChanged, this, &ListPageFrame::searchChanged);
    connect(m_reload, &QToolButton::clicked, this, &ListPageFrame::reloadRequested);
    connect(m_message, &MessageWidget::actionTriggered, this, &ListPageFrame::reloadRequested);
    connect(m_view, &QTreeView::activated, this, &ListPageFrame::activated);
}

void ListPageFrame::buildBar()
{
    m_bar = new QHBoxLayout;
    m_bar->addWidget(m_search, 1);
    m_bar->addWidget(m_reload);
}

void ListPageFrame::addFilter(QWidget *widget)
{
    m_bar->insertWidget(1 + m_filterCount++, widget);
}

void ListPageFrame::addAction(QWidget *widget)
{
    m_bar->addWidget(widget);
}

void ListPageFrame::hideReloadButton()
{
    m_reload->hide();
}

void ListPageFrame::setDetailPane(QWidget *pane, int tableStretch, int paneStretch)
{
    if (!m_splitter) {
        m_splitter = new QSplitter(Qt::Horizontal, this);
        m_splitter->setChildrenCollapsible(false);
        delete layout()->replaceWidget(m_stack, m_splitter); // the item that held the table is ours to free
        m_splitter->addWidget(m_stack);
    }
    m_splitter->addWidget(pane);
    m_splitter->setStretchFactor(0, tableStretch);
    m_splitter->setStretchFactor(1, paneStretch);
}

void ListPageFrame::watch(models::PagedListModel *model, const QString &failedMessage)
{
    m_model = model;
    connect(model, &models::PagedListModel::stateChanged, this, [this](models::PagedListModel::State state) {
        if (state == models::PagedListModel::Loading)
            m_message->hideMessage(); // a new attempt: the last failure no longer applies
        updateEmptyState();
    });
    connect(model, &models::PagedListModel::loadFailed, this, [this, failedMessage](const api::Error &error) {
        m_message->showMessage(failedMessage.arg(error.message()), MessageWidget::Type::Error, tr("Try again"));
    });
    watchRows(m_view->model());
    updateEmptyState();
}

void ListPageFrame::watchRows(QAbstractItemModel *rows)
{
    if (!rows || rows == m_watchedRows)
        return;
    m_watchedRows = rows;
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(rows, signal, this, &ListPageFrame::updateEmptyState);
    connect(rows, &QAbstractItemModel::modelReset, this, &ListPageFrame::updateEmptyState);
    connect(rows, &QAbstractItemModel::layoutChanged, this, &ListPageFrame::updateEmptyState);
}

QString ListPageFrame::standardEmptyText() const
{
    const QString search = m_search->text().trimmed();
    if (m_model && m_model->state() == models::PagedListModel::Loading)
        return m_texts.loading;
    if (m_model && m_model->state() == models::PagedListModel::Failed)
        return m_texts.failed;
    if (!search.isEmpty() || (m_model && m_model->rowCount() > 0))
        return m_texts.noMatch.arg(search);
    return m_texts.none;
}

void ListPageFrame::updateEmptyState()
{
    watchRows(m_view->model());
    if (m_view->model() && m_view->model()->rowCount() > 0) {
        m_stack->setCurrentWidget(m_view);
        return;
    }
    QString text = m_reason ? m_reason() : QString();
    if (text.isEmpty())
        text = standardEmptyText();
    m_empty->setText(text);
    m_stack->setCurrentWidget(m_empty);
}

} // namespace cio::ui
