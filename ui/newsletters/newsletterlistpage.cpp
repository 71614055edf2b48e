#include "ui/newsletters/newsletterlistpage.h"

#include "models/common/itemroles.h"
#include "models/newsletters/newsletterfiltermodel.h"
#include "models/newsletters/newsletterlistmodel.h"
#include "models/store/localstore.h"
#include "models/workspacesession.h"
#include "ui/common/listpageframe.h"
#include "ui/common/messagewidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace cio::ui {

using models::NewsletterFilterModel;
using models::NewsletterListModel;

NewsletterListPage::NewsletterListPage(models::WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_model(new NewsletterListModel(session->client(), this))
    , m_proxy(new NewsletterFilterModel(this))
    , m_frame(new ListPageFrame(nullptr, this))
    , m_search(m_frame->search())
    , m_status(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_needsWork(new QCheckBox(tr("Needs translation work"), this))
    , m_view(m_frame->view())
{
    m_proxy->setSourceModel(m_model);
    buildFilters();
    buildTable();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_frame);

    m_frame->setEmptyTexts({tr("Loading newsletters…"), tr("No newsletters loaded."),
                            tr("No newsletter matches “%1”."), tr("This workspace has no newsletters yet.")});
    m_frame->setEmptyReason([this] {
        return m_proxy->needsWork() && m_search->text().trimmed().isEmpty() && m_model->state() == NewsletterListModel::Idle
                   ? tr("Every translation is up to date.")
                   : QString();
    });
    m_frame->watch(m_model, tr("The newsletters could not be loaded. %1"));
    connectFilters();
    connect(m_frame, &ListPageFrame::searchChanged, this, &NewsletterListPage::onSearchChanged);
    connect(m_frame, &ListPageFrame::reloadRequested, this, &NewsletterListPage::reload);
    connect(m_frame, &ListPageFrame::activated, this, [this](const QModelIndex &index) {
        emit newsletterActivated(index.data(models::IdRole).toLongLong());
    });
}

void NewsletterListPage::buildFilters()
{
    m_search->setObjectName(QStringLiteral("newsletterSearch"));
    m_search->setPlaceholderText(tr("Search by name, id or tag"));
    m_type->setObjectName(QStringLiteral("newsletterType"));
    m_type->setToolTip(tr("Show one type of newsletter only"));
    m_type->addItem(tr("All types"), QString());
    m_status->addItem(tr("Sent and drafts"), QVariant::fromValue(int(NewsletterFilterModel::Status::Any)));
    m_status->addItem(tr("Sent"), QVariant::fromValue(int(NewsletterFilterModel::Status::Sent)));
    m_status->addItem(tr("Drafts"), QVariant::fromValue(int(NewsletterFilterModel::Status::Draft)));
    m_needsWork->setObjectName(QStringLiteral("needsTranslationWork"));
    m_needsWork->setToolTip(tr("Only newsletters with outdated, missing or untranslated translations (as "
                               "last synced to this computer)"));
    m_needsWork->setEnabled(false); // counts come from the local store
    m_frame->reloadButton()->setToolTip(tr("Reload the newsletter list from the workspace"));
    m_frame->addFilter(m_type);
    m_frame->addFilter(m_status);
    m_frame->addFilter(m_needsWork);
}

void NewsletterListPage::buildTable()
{
    m_view->setObjectName(QStringLiteral("newsletterList"));
    m_view->setModel(m_proxy);
    m_view->sortByColumn(NewsletterListModel::UpdatedColumn, Qt::DescendingOrder);
    QHeaderView *header = m_view->header();
    header->setSectionResizeMode(NewsletterListModel::NameColumn, QHeaderView::Stretch);
    header->resizeSection(NewsletterListModel::IdColumn, 56);
    header->resizeSection(NewsletterListModel::TagsColumn, 150);
    // Dates, statuses and progress fit their text; the name takes the rest. Only a few hundred rows are
    // measured, so a long list stays quick (and only those rows' progress is computed).
    header->setResizeContentsPrecision(200);
    for (const int column : {int(NewsletterListModel::UpdatedColumn), int(NewsletterListModel::StatusColumn),
                             int(NewsletterListModel::TranslationsColumn)})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setMinimumSectionSize(60);
}

void NewsletterListPage::connectFilters()
{
    connect(m_status, &QComboBox::currentIndexChanged, this, [this](int) {
        m_proxy->setStatus(NewsletterFilterModel::Status(m_status->currentData().toInt()));
        if (m_proxy->status() != NewsletterFilterModel::Status::Any)
            m_model->fetchAll();
        m_frame->updateEmptyState();
    });
    connect(m_needsWork, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            m_model->fetchAll();
            m_model->prefetchProgress(); // one pass, not one per chunk of rows
        }
        m_proxy->setNeedsWork(on);
        m_frame->updateEmptyState();
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int) {
        m_proxy->setType(m_type->currentData().toString());
        m_frame->updateEmptyState();
    });
    // The types on offer are those the loaded newsletters have.
    const auto refreshTypes = [this] {
        QStringList types;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QString t = m_model->itemAt(row).type;
            if (!t.isEmpty() && !types.contains(t))
                types << t;
        }
        types.sort();
        for (const QString &t : std::as_const(types)) {
            if (m_type->findData(t) < 0)
                m_type->addItem(t, t);
        }
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, refreshTypes);
    connect(m_model, &QAbstractItemModel::modelReset, this, refreshTypes);
}

void NewsletterListPage::reload()
{
    m_frame->message()->hideMessage();
    if (m_store && m_model->loadFromStore(*m_store))
        return;
    m_model->reload();
}

void NewsletterListPage::setStore(models::LocalStore *store)
{
    m_store = store;
    m_model->setStore(store);
    m_needsWork->setEnabled(store != nullptr);
    m_search->setPlaceholderText(store ? tr("Search by name, id, tag, or words in subjects and bodies")
                                       : tr("Search by name, id or tag"));
}

void NewsletterListPage::reloadForSync()
{
    m_frame->message()->hideMessage();
    if (m_store && m_model->loadFromStore(*m_store))
        return;
    m_model->waitForStore();
}

void NewsletterListPage::reloadFromStore(bool acceptEmpty)
{
    if (m_store && m_model->loadFromStore(*m_store, acceptEmpty))
        onSearchChanged(m_search->text()); // refresh the full-text matches too
}

void NewsletterListPage::onSearchChanged(const QString &text)
{
    // Full-text matches inside subjects, preheaders and bodies come from the local store.
    QSet<qint64> inContent;
    if (m_store && text.trimmed().size() >= 2) {
        const QList<qint64> ids = m_store->search(text);
        inContent = QSet<qint64>(ids.begin(), ids.end());
    }
    m_proxy->setContentMatches(inContent);
    m_proxy->setSearchText(text);
    // A search must see every newsletter, not only the pages scrolled to so far.
    if (!text.trimmed().isEmpty())
        m_model->fetchAll();
    m_frame->updateEmptyState();
}

} // namespace cio::ui
