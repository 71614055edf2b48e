#include "ui/segments/segmentdetailpane.h"

#include "models/common/theme.h"
#include "models/newsletters/newsletterservice.h"
#include "models/segments/segmentexporter.h"
#include "models/segments/segmentlistmodel.h"
#include "models/segments/segmentmembersmodel.h"
#include "models/segments/segmentservice.h"
#include "models/workspacesession.h"
#include "ui/common/emptystatelabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <climits>

namespace cio::ui {

SegmentDetailPane::SegmentDetailPane(models::WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyStateLabel(this))
    , m_name(new QLabel(this))
    , m_description(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_count(new QLabel(this))
    , m_refreshCount(new QToolButton(this))
    , m_reason(new QLabel(this))
    , m_add(new QPushButton(tr("Add People…"), this))
    , m_remove(new QPushButton(tr("Remove People…"), this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_tabs(new QTabWidget(this))
    , m_members(new models::SegmentMembersModel(session->client(), this))
    , m_membersView(new QListView(this))
    , m_membersLabel(new QLabel(this))
    , m_exportProgress(new QProgressBar(this))
    , m_cancelExport(new QPushButton(tr("Cancel Export"), this))
    , m_exporter(new models::SegmentExporter(session->client(), this))
    , m_usageView(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("segmentDetail"));
    m_empty->setText(tr("Choose a segment to see its members and what uses it."));
    buildHeader();
    buildTabs();
    buildLayout();
    connectSignals();
    m_exportProgress->hide();
    m_cancelExport->hide();
    setSegment(std::nullopt);
}

// Name, description, facts, member count and the action buttons above the tabs.
void SegmentDetailPane::buildHeader()
{
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setObjectName(QStringLiteral("segmentName"));
    m_name->setTextFormat(Qt::PlainText);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name->setWordWrap(true);
    m_description->setObjectName(QStringLiteral("segmentDescription"));
    m_description->setTextFormat(Qt::PlainText);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setTextFormat(Qt::PlainText);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette muted = m_meta->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_meta->setPalette(muted);
    m_count->setObjectName(QStringLiteral("segmentCount"));
    m_refreshCount->setObjectName(QStringLiteral("refreshCount"));
    m_refreshCount->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refreshCount->setAutoRaise(true);
    m_refreshCount->setToolTip(tr("Count the members again"));
    m_reason->setObjectName(QStringLiteral("segmentActionReason"));
    m_reason->setWordWrap(true);
    m_reason->setStyleSheet(QStringLiteral("QLabel{") + theme::bannerStyleSheet(theme::BannerKind::Warning) +
                            QStringLiteral("padding:6px;}"));
    m_add->setObjectName(QStringLiteral("addPeople"));
    m_remove->setObjectName(QStringLiteral("removePeople"));
    m_export->setObjectName(QStringLiteral("exportMembers"));
    m_delete->setObjectName(QStringLiteral("deleteSegment"));
}

// The members (with the export's progress) and what uses the segment.
void SegmentDetailPane::buildTabs()
{
    m_membersView->setObjectName(QStringLiteral("segmentMembers"));
    m_membersView->setModel(m_members);
    m_membersView->setUniformItemSizes(true); // tens of thousands of rows lay out in no time
    m_membersView->setAlternatingRowColors(true);
    m_membersView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_exportProgress->setObjectName(QStringLiteral("exportProgress"));
    m_exportProgress->setFormat(tr("Exporting: %v of %m"));
    m_usageView->setObjectName(QStringLiteral("segmentUsage"));
    m_usageView->setRootIsDecorated(false);
    m_usageView->setHeaderLabels({tr("Used by"), tr("Name"), tr("Id"), tr("State")});
    m_usageView->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_usageView->header()->setStretchLastSection(false);

    auto *membersPage = new QWidget(this);
    auto *membersLayout = new QVBoxLayout(membersPage);
    auto *exportRow = new QHBoxLayout;
    exportRow->addWidget(m_exportProgress, 1);
    exportRow->addWidget(m_cancelExport);
    membersLayout->addWidget(m_membersView, 1);
    membersLayout->addWidget(m_membersLabel);
    membersLayout->addLayout(exportRow);
    m_tabs->addTab(membersPage, tr("Members"));
    m_tabs->addTab(m_usageView, tr("Used By"));
}

void SegmentDetailPane::buildLayout()
{
    auto *countRow = new QHBoxLayout;
    countRow->addWidget(m_count);
    countRow->addWidget(m_refreshCount);
    countRow->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_export);
    buttons->addStretch(1);
    buttons->addWidget(m_delete);

    auto *detail = new QWidget(this);
    auto *layout = new QVBoxLayout(detail);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(m_name);
    layout->addWidget(m_description);
    layout->addWidget(m_meta);
    layout->addLayout(countRow);
    layout->addWidget(m_reason);
    layout->addLayout(buttons);
    layout->addWidget(m_tabs, 1);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(detail);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
}

void SegmentDetailPane::connectSignals()
{
    connect(m_add, &QPushButton::clicked, this, &SegmentDetailPane::addPeopleRequested);
    connect(m_remove, &QPushButton::clicked, this, &SegmentDetailPane::removePeopleRequested);
    connect(m_delete, &QPushButton::clicked, this, &SegmentDetailPane::deleteRequested);
    connect(m_export, &QPushButton::clicked, this, &SegmentDetailPane::exportRequested);
    connect(m_refreshCount, &QToolButton::clicked, this, &SegmentDetailPane::refreshCountRequested);
    connect(m_cancelExport, &QPushButton::clicked, m_exporter, &models::SegmentExporter::cancel);
    connect(m_members, &QAbstractItemModel::rowsInserted, this, &SegmentDetailPane::updateMembersLabel);
    connect(m_members, &QAbstractItemModel::modelReset, this, &SegmentDetailPane::updateMembersLabel);
    connect(m_members, &models::SegmentMembersModel::stateChanged, this,
            &SegmentDetailPane::updateMembersLabel);
    connect(m_exporter, &models::SegmentExporter::progress, this, [this](qint64 written, qint64 total) {
        // QProgressBar counts in int; a busy indicator stands in while the total is unknown.
        m_exportProgress->setRange(0, total < 0 ? 0 : int(qMin<qint64>(total, INT_MAX)));
        m_exportProgress->setValue(int(qMin<qint64>(written, INT_MAX)));
    });
    connect(m_exporter, &models::SegmentExporter::finished, this,
            [this](bool ok, const QString &message, qint64) {
                m_exportProgress->hide();
                m_cancelExport->hide();
                m_export->setEnabled(m_segment.has_value());
                emit exportFinished(ok, message);
            });
}

void SegmentDetailPane::setSegment(const std::optional<api::Segment> &segment)
{
    const bool same = segment && m_segment && segment->id == m_segment->id;
    m_segment = segment;
    m_stack->setCurrentIndex(segment ? 1 : 0);
    if (!segment) {
        m_members->setSegment(0);
        m_usageView->clear();
        return;
    }
    m_name->setText(segment->name);
    m_description->setText(segment->description.isEmpty() ? tr("(no description)") : segment->description);
    QStringList meta{models::SegmentListModel::typeText(*segment),
                     models::SegmentListModel::stateText(*segment), tr("id %1").arg(segment->id)};
    if (!segment->tags.isEmpty())
        meta << tr("tags: %1").arg(segment->tags.join(QLatin1String(", ")));
    m_meta->setText(meta.join(QStringLiteral(" · ")));
    if (same)
        return;
    m_countValue.reset();
    m_count->setText(tr("Members: counting…"));
    m_members->setSegment(segment->id);
    reloadUsage();
}

void SegmentDetailPane::setCount(std::optional<qint64> count, const api::Error &error)
{
    m_countValue = count;
    if (count)
        m_count->setText(tr("Members: %1").arg(QLocale().toString(*count)));
    else if (error.isError())
        m_count->setText(tr("Members: not known (%1)").arg(error.message()));
    else
        m_count->setText(tr("Members: counting…"));
    updateMembersLabel();
}

void SegmentDetailPane::setActionState(const QString &writeBlocked, const QString &membersBlocked,
                                       const QString &deleteBlocked)
{
    // Read-only blocks everything that writes; a data-driven segment only the member changes.
    const QString reason = !writeBlocked.isEmpty() ? writeBlocked : membersBlocked;
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
    const bool membersOk = writeBlocked.isEmpty() && membersBlocked.isEmpty();
    m_add->setEnabled(membersOk);
    m_remove->setEnabled(membersOk);
    m_delete->setEnabled(deleteBlocked.isEmpty());
    for (QPushButton *b : {m_add, m_remove})
        b->setToolTip(reason);
    m_delete->setToolTip(deleteBlocked);
}

void SegmentDetailPane::exportMembers(const QString &path)
{
    if (!m_segment || m_exporter->isRunning())
        return;
    m_export->setEnabled(false);
    m_exportProgress->setRange(0, 0);
    m_exportProgress->show();
    m_cancelExport->show();
    m_exporter->start(m_segment->id, path, m_countValue.value_or(-1));
}

bool SegmentDetailPane::isExporting() const
{
    return m_exporter->isRunning();
}

void SegmentDetailPane::reloadMembers()
{
    m_members->reload();
}

void SegmentDetailPane::updateMembersLabel()
{
    const int loaded = m_members->rowCount();
    QString text;
    if (m_members->state() == models::SegmentMembersModel::Failed)
        text = tr("The members could not be loaded: %1").arg(m_members->lastError().message());
    else if (m_members->state() == models::SegmentMembersModel::Loading && loaded == 0)
        text = tr("Loading members…");
    else if (loaded == 0)
        text = tr("This segment has no members.");
    else if (m_members->isComplete())
        text = tr("%n member(s).", nullptr, loaded);
    else if (m_countValue)
        text = tr("Showing %1 of %2 — scroll down for more.")
                   .arg(QLocale().toString(loaded), QLocale().toString(*m_countValue));
    else
        text = tr("Showing the first %1 — scroll down for more.").arg(QLocale().toString(loaded));
    m_membersLabel->setText(text);
}

void SegmentDetailPane::reloadUsage()
{
    m_usage = {};
    m_usageLoaded = false;
    m_usageError = {};
    m_usageView->clear();
    m_tabs->setTabText(1, tr("Used By"));
    if (!m_segment)
        return;
    const quint64 generation = ++m_generation;
    m_session->segments()->usedBy(
        m_segment->id, this, [this, generation](const api::SegmentUsage &usage, const api::Error &error) {
            if (generation != m_generation)
                return;
            m_usage = usage;
            m_usageError = error;
            m_usageLoaded = !error.isError();
            fillUsage();
            fetchNames();
            emit usageLoaded();
        });
}

void SegmentDetailPane::fetchNames()
{
    const quint64 generation = m_generation;
    for (qint64 id : m_usage.sentNewsletters + m_usage.draftNewsletters) {
        if (!m_session->newsletters()->knownName(id).isEmpty())
            continue;
        m_session->newsletters()->newsletterName(
            id, this, [this, generation](const QString &, const api::Error &error) {
                if (!error.isError() && generation == m_generation)
                    fillUsage(); // the service keeps the name
            });
    }
}

QString SegmentDetailPane::nameOr(qint64 newsletterId, const QString &fallback) const
{
    const QString name = m_session->newsletters()->knownName(newsletterId);
    return name.isEmpty() ? fallback : name;
}

void SegmentDetailPane::fillUsage()
{
    m_usageView->clear();
    if (m_usageError.isError()) {
        auto *item = new QTreeWidgetItem(m_usageView);
        item->setText(0, tr("Not known"));
        item->setText(1, m_usageError.message());
        return;
    }
    const int total =
        int(m_usage.campaigns.size() + m_usage.sentNewsletters.size() + m_usage.draftNewsletters.size());
    m_tabs->setTabText(1, total ? tr("Used By (%1)").arg(total) : tr("Used By"));
    if (total == 0) {
        auto *item = new QTreeWidgetItem(m_usageView);
        item->setText(0, tr("Nothing"));
        item->setText(1, tr("No campaign or newsletter uses this segment."));
        return;
    }
    for (qint64 id : m_usage.campaigns) {
        auto *item = new QTreeWidgetItem(m_usageView);
        item->setText(0, tr("Campaign"));
        // The App API subset we use has no campaign endpoint, so campaigns are known by id only.
        item->setText(1, tr("Campaign %1").arg(id));
        item->setText(2, QString::number(id));
    }
    const auto addNewsletters = [this](const QList<qint64> &ids, const QString &state) {
        for (qint64 id : ids) {
            auto *item = new QTreeWidgetItem(m_usageView);
            item->setText(0, tr("Newsletter"));
            item->setText(1, nameOr(id, tr("Newsletter %1").arg(id)));
            item->setText(2, QString::number(id));
            item->setText(3, state);
        }
    };
    addNewsletters(m_usage.sentNewsletters, tr("sent"));
    addNewsletters(m_usage.draftNewsletters, tr("draft"));
    for (int c = 0; c < m_usageView->columnCount(); ++c) {
        if (c != 1)
            m_usageView->resizeColumnToContents(c);
    }
}

QStringList SegmentDetailPane::usageLines() const
{
    QStringList lines;
    for (qint64 id : m_usage.campaigns)
        lines << tr("Campaign %1").arg(id);
    for (qint64 id : m_usage.sentNewsletters)
        lines
            << tr("Newsletter “%1” (%2, sent)").arg(nameOr(id, QString::number(id))).arg(id);
    for (qint64 id : m_usage.draftNewsletters)
        lines << tr("Newsletter “%1” (%2, draft)")
                     .arg(nameOr(id, QString::number(id)))
                     .arg(id);
    return lines;
}

} // namespace cio::ui
