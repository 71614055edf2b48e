#include "ui/newsletters/newsletterlistpage.h"

#include "models/common/itemroles.h"
#include "models/newsletters/newsletterfiltermodel.h"
#include "models/newsletters/newsletterlistmodel.h"
#include "models/store/localstore.h"
#include "models/workspacesession.h"
#include "ui/common/emptystatelabel.h"
#include "ui/common/messagewidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStyle>
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
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_needsWork(new QCheckBox(tr("Needs translation work"), this))
    , m_refresh(new QToolButton(this))
    , m_message(new MessageWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTreeView(this))
    , m_empty(new EmptyStateLabel(this))
{
    m_search->setObjectName(QStringLiteral("newsletterSearch"));
    m_search->setPlaceholderText(tr("Search by name, id or tag"));
    m_search->setClearButtonEnabled(true);
    m_status->addItem(tr("Sent and drafts"), QVariant::fromValue(int(NewsletterFilterModel::Status::Any)));
    m_status->addItem(tr("Sent"), QVariant::fromValue(int(NewsletterFilterModel::Status::Sent)));
    m_status->addItem(tr("Drafts"), QVariant::fromValue(int(NewsletterFilterModel::Status::Draft)));
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setToolTip(tr("Reload the newsletter list from the workspace"));

    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("newsletterList"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(NewsletterListModel::UpdatedColumn, Qt::DescendingOrder);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(NewsletterListModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->resizeSection(NewsletterListModel::IdColumn, 56);
    m_view->header()->resizeSection(NewsletterListModel::TagsColumn, 150);
    // Dates, statuses and progress fit their text; the name takes the rest. Only a few hundred rows are
    // measured, so a long list stays quick (and only those rows' progress is computed).
    m_view->header()->setResizeContentsPrecision(200);
    for (const int column : {int(NewsletterListModel::UpdatedColumn), int(NewsletterListModel::StatusColumn),
                             int(NewsletterListModel::TranslationsColumn)})
        m_view->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_view->header()->setMinimumSectionSize(60);
    m_needsWork->setObjectName(QStringLiteral("needsTranslationWork"));
    m_needsWork->setToolTip(tr("Only newsletters with outdated, missing or untranslated translations (as "
                               "last synced to this computer)"));
    m_needsWork->setEnabled(false); // counts come from the local store

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_type);
    bar->addWidget(m_status);
    bar->addWidget(m_needsWork);
    bar->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    connect(m_search, &QLineEdit::textChanged, this, &NewsletterListPage::onSearchChanged);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this](int) {
        m_proxy->setStatus(NewsletterFilterModel::Status(m_status->currentData().toInt()));
        if (m_proxy->status() != NewsletterFilterModel::Status::Any)
            m_model->fetchAll();
        updateEmptyState();
    });
    connect(m_needsWork, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            m_model->fetchAll();
            m_model->prefetchProgress(); // one pass, not one per chunk of rows
        }
        m_proxy->setNeedsWork(on);
        updateEmptyState();
    });
    connect(m_refresh, &QToolButton::clicked, this, &NewsletterListPage::reload);
    m_type->setObjectName(QStringLiteral("newsletterType"));
    m_type->setToolTip(tr("Show one type of newsletter only"));
    m_type->addItem(tr("All types"), QString());
    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int) {
        m_proxy->setType(m_type->currentData().toString());
        updateEmptyState();
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
    connect(m_message, &MessageWidget::actionTriggered, this, &NewsletterListPage::reload);
    connect(m_model, &NewsletterListModel::stateChanged, this, &NewsletterListPage::updateEmptyState);
    connect(m_model, &NewsletterListModel::loadFailed, this, [this](const api::Error &error) {
        m_message->showMessage(tr("The newsletters could not be loaded. %1").arg(error.message()),
                               MessageWidget::Type::Error, tr("Try again"));
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &NewsletterListPage::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &NewsletterListPage::updateEmptyState);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        emit newsletterActivated(index.data(models::IdRole).toLongLong());
    });

    updateEmptyState();
}

void NewsletterListPage::reload()
{
    m_message->hideMessage();
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
    m_message->hideMessage();
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
    updateEmptyState();
}

void NewsletterListPage::updateEmptyState()
{
    const bool loading = m_model->state() == NewsletterListModel::Loading;
    if (m_proxy->rowCount() > 0) {
        m_stack->setCurrentWidget(m_view);
        return;
    }
    if (loading)
        m_empty->setText(tr("Loading newsletters…"));
    else if (m_model->state() == NewsletterListModel::Failed)
        m_empty->setText(tr("No newsletters loaded."));
    else if (m_proxy->needsWork() && m_search->text().trimmed().isEmpty())
        m_empty->setText(tr("Every translation is up to date."));
    else if (m_model->rowCount() > 0 || !m_search->text().trimmed().isEmpty())
        m_empty->setText(tr("No newsletter matches “%1”.").arg(m_search->text().trimmed()));
    else
        m_empty->setText(tr("This workspace has no newsletters yet."));
    m_stack->setCurrentWidget(m_empty);
}

} // namespace cio::ui
