#include "ui/requestlogdock.h"

#include "models/common/requestlogmodel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QTableView>

namespace cio::ui {

RequestLogDock::RequestLogDock(QWidget *parent)
    : QDockWidget(tr("Request log"), parent)
    , m_model(new models::RequestLogModel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("requestLogDock"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionResizeMode(models::RequestLogModel::PathColumn,
                                                     QHeaderView::Stretch);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copyCurl = new QAction(tr("Copy as curl"), m_view);
    copyCurl->setShortcut(QKeySequence::Copy);
    copyCurl->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(copyCurl);
    connect(copyCurl, &QAction::triggered, this, &RequestLogDock::copyAsCurl);
    // Follow the newest request unless the user scrolled away to read an older one.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_view->selectionModel()->hasSelection())
            m_view->scrollToBottom();
    });
    setWidget(m_view);
}

void RequestLogDock::setLog(api::RequestLog *log, const QUrl &baseUrl)
{
    m_baseUrl = baseUrl;
    m_model->setLog(log);
}

void RequestLogDock::copyAsCurl()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    QGuiApplication::clipboard()->setText(m_model->curlAt(current.row(), m_baseUrl));
}

} // namespace cio::ui
