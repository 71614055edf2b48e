#include "ui/segments/segmentspage.h"

#include "models/common/itemroles.h"
#include "models/segments/segmentfiltermodel.h"
#include "models/segments/segmentlistmodel.h"
#include "models/workspacesession.h"
#include "ui/common/listpageframe.h"
#include "ui/common/messagewidget.h"
#include "ui/segments/segmentdetailpane.h"

#include <QComboBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
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
    , m_frame(new ListPageFrame(nullptr, this))
    , m_search(m_frame->search())
    , m_type(new QComboBox(this))
    , m_create(new QPushButton(tr("New Manual Segment…"), this))
    , m_message(m_frame->message())
    , m_view(m_frame->view())
    , m_detail(new SegmentDetailPane(session, this))
{
    setObjectName(QStringLiteral("segmentsPage"));
    m_proxy->setSourceModel(m_model);
    buildBar();
    buildTable();
    m_frame->setDetailPane(m_detail);
    m_frame->splitter()->setObjectName(QStringLiteral("segmentSplitter"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_frame);

    m_frame->setEmptyTexts({tr("Loading segments…"), tr("No segments loaded."), tr("No segment matches “%1”."),
                            tr("This workspace has no segments yet.")});
    m_frame->watch(m_model, tr("The segments could not be loaded. %1"));
    connect(m_frame, &ListPageFrame::searchChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        m_frame->updateEmptyState();
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int) {
        m_proxy->setType(m_type->currentData().toString());
        m_frame->updateEmptyState();
    });
    connect(m_frame, &ListPageFrame::reloadRequested, this, &SegmentsPage::reload);
    connect(m_create, &QPushButton::clicked, this, &SegmentsPage::createSegment);
    connectDetail();
    updateActions();
}

void SegmentsPage::buildBar()
{
    m_search->setObjectName(QStringLiteral("segmentSearch"));
    m_search->setPlaceholderText(tr("Search by name, description, id or tag"));
    m_type->setObjectName(QStringLiteral("segmentType"));
    m_type->addItem(tr("All types"), QString());
    m_type->addItem(tr("Manual"), QStringLiteral("manual"));
    m_type->addItem(tr("Data-driven"), QStringLiteral("dynamic"));
    m_frame->reloadButton()->setObjectName(QStringLiteral("refreshSegments"));
    m_frame->reloadButton()->setToolTip(tr("Reload the segments and count their members again"));
    m_create->setObjectName(QStringLiteral("createSegment"));
    m_frame->addFilter(m_type);
    m_frame->addAction(m_create);
}

void SegmentsPage::buildTable()
{
    m_view->setObjectName(QStringLiteral("segmentList"));
    m_view->setModel(m_proxy);
    m_view->sortByColumn(SegmentListModel::NameColumn, Qt::AscendingOrder);
    QHeaderView *header = m_view->header();
    header->setSectionResizeMode(SegmentListModel::NameColumn, QHeaderView::Stretch);
    header->resizeSection(SegmentListModel::TypeColumn, 95);
    header->resizeSection(SegmentListModel::StateColumn, 80);
    header->resizeSection(SegmentListModel::MembersColumn, 80);
    header->resizeSection(SegmentListModel::IdColumn, 45);
}

void SegmentsPage::connectDetail()
{
    connect(m_model, &SegmentListModel::countChanged, this, &SegmentsPage::showCount);
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

} // namespace cio::ui
