#include "ui/segments/segmentspage.h"

#include "models/common/itemroles.h"
#include "models/segments/segmentfiltermodel.h"
#include "models/segments/segmentlistmodel.h"
#include "models/workspacesession.h"
#include "ui/common/emptystatelabel.h"
#include "ui/common/messagewidget.h"
#include "ui/segments/segmentdetailpane.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace cio::ui {

using models::SegmentListModel;

SegmentsPage::SegmentsPage(models::WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_readOnly(session->isReadOnly())
    , m_model(new SegmentListModel(session->client(), this))
    , m_proxy(new models::SegmentFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_refresh(new QToolButton(this))
    , m_create(new QPushButton(tr("New Manual Segment…"), this))
    , m_message(new MessageWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTreeView(this))
    , m_empty(new EmptyStateLabel(this))
    , m_detail(new SegmentDetailPane(session, this))
{
    setObjectName(QStringLiteral("segmentsPage"));
    m_search->setObjectName(QStringLiteral("segmentSearch"));
    m_search->setPlaceholderText(tr("Search by name, description, id or tag"));
    m_search->setClearButtonEnabled(true);
    m_type->setObjectName(QStringLiteral("segmentType"));
    m_type->addItem(tr("All types"), QString());
    m_type->addItem(tr("Manual"), QStringLiteral("manual"));
    m_type->addItem(tr("Data-driven"), QStringLiteral("dynamic"));
    m_refresh->setObjectName(QStringLiteral("refreshSegments"));
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setToolTip(tr("Reload the segments and count their members again"));
    m_create->setObjectName(QStringLiteral("createSegment"));

    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("segmentList"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SegmentListModel::NameColumn, Qt::AscendingOrder);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(SegmentListModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->resizeSection(SegmentListModel::TypeColumn, 95);
    m_view->header()->resizeSection(SegmentListModel::StateColumn, 80);
    m_view->header()->resizeSection(SegmentListModel::MembersColumn, 80);
    m_view->header()->resizeSection(SegmentListModel::IdColumn, 45);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("segmentSplitter"));
    splitter->addWidget(m_stack);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_type);
    bar->addWidget(m_refresh);
    bar->addWidget(m_create);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        updateEmptyState();
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int) {
        m_proxy->setType(m_type->currentData().toString());
        updateEmptyState();
    });
    connect(m_refresh, &QToolButton::clicked, this, &SegmentsPage::reload);
    connect(m_create, &QPushButton::clicked, this, &SegmentsPage::createSegment);
    connect(m_message, &MessageWidget::actionTriggered, this, &SegmentsPage::reload);
    connect(m_model, &SegmentListModel::stateChanged, this, &SegmentsPage::updateEmptyState);
    connect(m_model, &SegmentListModel::loadFailed, this, [this](const api::Error &error) {
        m_message->showMessage(tr("The segments could not be loaded. %1").arg(error.message()),
                               MessageWidget::Type::Error, tr("Try again"));
    });
    connect(m_model, &SegmentListModel::countChanged, this, &SegmentsPage::showCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &SegmentsPage::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &SegmentsPage::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &SegmentsPage::updateEmptyState);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SegmentsPage::onCurrentChanged);
    connect(m_detail, &SegmentDetailPane::addPeopleRequested, this, &SegmentsPage::addPeople);
    connect(m_detail, &SegmentDetailPane::removePeopleRequested, this, &SegmentsPage::removePeople);
    connect(m_detail, &SegmentDetailPane::deleteRequested, this, &SegmentsPage::deleteSegment);
    connect(m_detail, &SegmentDetailPane::exportRequested, this, &SegmentsPage::exportMembers);
    connect(m_detail, &SegmentDetailPane::refreshCountRequested, this, [this] {
        if (const auto segment = m_detail->segment()) {
            m_model->refreshCount(segment->id);
            showCount(segment->id);
        }
    });
    connect(m_detail, &SegmentDetailPane::exportFinished, this, [this](bool ok, const QString &text) {
        m_message->showMessage(text, ok ? MessageWidget::Type::Information : MessageWidget::Type::Warning);
    });

    updateActions();
    updateEmptyState();
}

SegmentsPage::~SegmentsPage() = default;

void SegmentsPage::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    updateActions();
}

void SegmentsPage::setTrackCredential(const QString &siteId, const QString &apiKey, const QUrl &trackUrl)
{
    m_session->setTrackCredential(siteId, apiKey, trackUrl);
    updateActions();
}

void SegmentsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded)
        reload();
}

void SegmentsPage::reload()
{
    m_loaded = true;
    m_message->hideMessage();
    m_model->reload();
}

void SegmentsPage::selectSegment(qint64 id)
{
    const int row = m_model->indexOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, SegmentListModel::NameColumn));
    if (!index.isValid()) { // hidden by the search or type filter: show everything
        m_search->clear();
        m_type->setCurrentIndex(0);
    }
    const QModelIndex shown = m_proxy->mapFromSource(m_model->index(row, SegmentListModel::NameColumn));
    m_view->setCurrentIndex(shown);
    m_view->scrollTo(shown);
}

void SegmentsPage::onCurrentChanged()
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    if (!current.isValid()) {
        m_detail->setSegment(std::nullopt);
        updateActions();
        return;
    }
    const api::Segment &segment = m_model->itemAt(current.row());
    m_detail->setSegment(segment);
    m_model->requestCount(current.row());
    showCount(segment.id);
    updateActions();
}

void SegmentsPage::showCount(qint64 id)
{
    const auto segment = m_detail->segment();
    if (segment && segment->id == id)
        m_detail->setCount(m_model->count(id), m_model->countError(id));
}

void SegmentsPage::updateActions()
{
    const QString readOnly =
        m_readOnly ? tr("This workspace is read-only: creating and deleting segments and adding or removing "
                        "people are turned off.")
                   : QString();
    m_create->setEnabled(!m_readOnly);
    m_create->setToolTip(readOnly);
    const auto segment = m_detail->segment();
    QString members;
    if (segment && !segment->isManual())
        members = tr("“%1” is a data-driven segment: Customer.io keeps its members in step with its "
                     "conditions, so people cannot be added or removed by hand, and it can be deleted only "
                     "in Customer.io.")
                      .arg(segment->name);
    QString deleting = readOnly;
    if (deleting.isEmpty() && segment && !segment->isManual())
        deleting = tr("Only manual segments can be deleted here; delete a data-driven segment in Customer.io.");
    m_detail->setActionState(readOnly, members, deleting);
}

void SegmentsPage::updateEmptyState()
{
    if (m_proxy->rowCount() > 0) {
        m_stack->setCurrentWidget(m_view);
        return;
    }
    if (m_model->state() == SegmentListModel::Loading)
        m_empty->setText(tr("Loading segments…"));
    else if (m_model->state() == SegmentListModel::Failed)
        m_empty->setText(tr("No segments loaded."));
    else if (m_model->rowCount() > 0)
        m_empty->setText(tr("No segment matches “%1”.").arg(m_search->text().trimmed()));
    else
        m_empty->setText(tr("This workspace has no segments yet."));
    m_stack->setCurrentWidget(m_empty);
}

} // namespace cio::ui
