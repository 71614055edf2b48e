#include "ui/newsletters/deliveriestab.h"

#include "models/common/itemroles.h"
#include "models/common/theme.h"
#include "models/newsletters/newsletterservice.h"
#include "models/store/localstore.h"
#include "models/variants/variantmatrixmodel.h"
#include "models/workspacesession.h"
#include "ui/common/messagewidget.h"
#include "ui/preview/previewview.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace cio::ui {

namespace {

enum Column
{
    RecipientColumn,
    LanguageColumn,
    StateColumn,
    SentColumn,
    IdColumn,
    ColumnCount
};

} // namespace

DeliveriesTab::DeliveriesTab(models::WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_store(session->store())
    , m_message(new MessageWidget(this))
    , m_view(new QTableView(this))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_show(new QPushButton(tr("Show Archived Copy"), this))
    , m_quota(new QLabel(this))
    , m_source(new QLabel(this))
    , m_preview(new PreviewView(session->previewProfile(), this))
{
    setObjectName(QStringLiteral("deliveriesTab"));
    m_model->setHorizontalHeaderLabels(
        {tr("Recipient"), tr("Language"), tr("State"), tr("Sent"), tr("Delivery id")});
    m_view->setObjectName(QStringLiteral("deliveriesView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_show->setObjectName(QStringLiteral("showArchivedCopy"));
    m_show->setEnabled(false);
    m_show->setToolTip(tr("Fetch what Customer.io sent to this recipient (100 archived copies a day)"));
    m_quota->setObjectName(QStringLiteral("archivedQuota"));
    m_quota->setForegroundRole(QPalette::PlaceholderText);
    m_quota->setWordWrap(true);
    m_source->setObjectName(QStringLiteral("archivedCopySource"));
    m_source->setForegroundRole(QPalette::PlaceholderText);
    m_source->setWordWrap(true);
    m_source->setVisible(false);
    m_preview->showMessage(tr("Select a delivery and press “Show Archived Copy” (or double-click it) to see "
                              "what the recipient received."));

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_view, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_show);
    actions->addWidget(m_quota, 1);
    listLayout->addLayout(actions);
    auto *copyPane = new QWidget(this);
    auto *copyLayout = new QVBoxLayout(copyPane);
    copyLayout->setContentsMargins(0, 0, 0, 0);
    copyLayout->addWidget(m_source);
    copyLayout->addWidget(m_preview, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(listPane);
    splitter->addWidget(copyPane);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    copyPane->setMinimumWidth(320); // the archived copy is an email: it needs room to be read
    splitter->setSizes({400, 600});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_show->setEnabled(current.isValid()); });
    connect(m_show, &QPushButton::clicked, this, [this] { showArchivedCopy(m_view->currentIndex().row()); });
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { showArchivedCopy(index.row()); });
    connect(m_message, &MessageWidget::actionTriggered, this, &DeliveriesTab::reload);
    updateQuota();
}

void DeliveriesTab::setNewsletter(qint64 newsletterId, const QList<api::Content> &contents)
{
    m_languageOf.clear();
    for (const api::Content &c : contents)
        m_languageOf.insert(c.id, c.language);
    if (newsletterId == m_newsletterId)
        return;
    m_newsletterId = newsletterId;
    m_loaded = false;
    m_deliveries.clear();
    m_model->removeRows(0, m_model->rowCount());
    m_preview->showMessage(tr("Select a delivery and press “Show Archived Copy” (or double-click it) to see "
                              "what the recipient received."));
    if (isVisible())
        reload();
}

void DeliveriesTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded && !m_loading)
        reload();
}

void DeliveriesTab::reload()
{
    if (m_newsletterId == 0)
        return;
    m_loading = true;
    m_loaded = true;
    m_message->showMessage(tr("Loading deliveries…"), MessageWidget::Type::Information);
    const quint64 generation = ++m_generation;
    m_session->newsletters()->deliveries(
        m_newsletterId, this,
        [this, generation](const QList<api::Delivery> &deliveries, const api::Error &error) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (error.isError()) {
                m_loaded = false;
                m_message->showMessage(tr("The deliveries could not be loaded. %1").arg(error.message()),
                                       MessageWidget::Type::Error, tr("Try again"));
                return;
            }
            m_message->hideMessage();
            fill(deliveries);
        });
}

void DeliveriesTab::fill(const QList<api::Delivery> &deliveries)
{
    m_deliveries = deliveries;
    m_model->removeRows(0, m_model->rowCount());
    const QLocale locale;
    for (int i = 0; i < deliveries.size(); ++i) {
        const api::Delivery &d = deliveries.at(i);
        const QString recipient = !d.recipient.isEmpty()        ? d.recipient
                                  : !d.customer.email.isEmpty() ? d.customer.email
                                                                : d.customer.id;
        const QString language = m_languageOf.value(d.contentId.value_or(0));
        const qint64 sent = d.metricTime(QStringLiteral("sent")).value_or(d.created);
        QList<QStandardItem *> row{
            new QStandardItem(recipient),
            new QStandardItem(models::VariantMatrixModel::languageName(language)),
            new QStandardItem(d.state()),
            new QStandardItem(locale.toString(QDateTime::fromSecsSinceEpoch(sent), QLocale::ShortFormat)),
            new QStandardItem(d.id)};
        row[SentColumn]->setData(sent, models::SortRole);
        row[RecipientColumn]->setData(i, models::IdRole);
        if (d.isFailure())
            row[StateColumn]->setForeground(theme::colour(theme::Role::ErrorText, m_view->palette()));
        m_model->appendRow(row);
    }
    m_model->setSortRole(Qt::DisplayRole);
    m_view->resizeColumnsToContents();
    if (deliveries.isEmpty())
        m_message->showMessage(tr("No deliveries yet: this newsletter has not been sent."),
                               MessageWidget::Type::Information);
}

int DeliveriesTab::deliveryCount() const
{
    return static_cast<int>(m_deliveries.size());
}

void DeliveriesTab::showArchivedCopy(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const int index = m_model->item(row, RecipientColumn)->data(models::IdRole).toInt();
    const api::Delivery delivery = m_deliveries.value(index);
    const quint64 generation = ++m_copyGeneration;
    m_source->setVisible(false);
    if (delivery.forgotten) {
        m_preview->showMessage(tr("Customer.io did not keep this message's content (the recipient's data was "
                                  "forgotten): there is no archived copy."));
        return;
    }
    // A copy fetched before, in this session or an earlier one, costs nothing to show again.
    QDateTime fetchedAt;
    const std::optional<api::ArchivedMessage> kept =
        m_store ? m_store->archivedMessage(delivery.id, &fetchedAt) : std::nullopt;
    if (kept) {
        m_source->setText(
            tr("Shown from the copy kept on this computer (fetched %1): it did not count against today's "
               "quota.")
                .arg(QLocale().toString(fetchedAt.toLocalTime(), QLocale::ShortFormat)));
        m_source->setVisible(true);
        updateQuota();
        showCopy(*kept);
        return;
    }
    m_show->setEnabled(false);
    m_preview->showMessage(tr("Fetching the archived copy…"));
    m_session->newsletters()->fetchArchivedMessage(
        delivery.id, this,
        [this, generation](const api::ArchivedMessage &message, const models::ArchiveQuota &quota,
                           const api::Error &error) {
            m_show->setEnabled(m_view->currentIndex().isValid());
            if (quota.isKnown()) {
                m_quotaLimit = quota.limit;
                m_quotaRemaining = quota.remaining;
            }
            updateQuota(); // the copy is kept in the store by the service
            if (generation != m_copyGeneration)
                return; // another delivery was asked for meanwhile; this copy is kept for later
            if (error.isError()) {
                m_preview->showMessage(error.message());
                return;
            }
            if (m_store) {
                m_source->setText(tr("Fetched from Customer.io just now and kept on this computer: opening "
                                     "it again does not count against the quota."));
                m_source->setVisible(true);
            }
            showCopy(message);
        });
}

void DeliveriesTab::showCopy(const api::ArchivedMessage &message)
{
    m_archived = message;
    if (message.forgotten) {
        m_preview->showMessage(tr("Customer.io did not keep this message's content: there is no archived "
                                  "copy."));
        return;
    }
    // What was sent: no Liquid left to render; scripts stay off, and remote content is blocked again
    // for each copy (allowing it for one recipient's copy does not carry over to the next).
    m_preview->resetRemoteContent();
    m_preview->showEmail(message.subject, message.preheaderText, message.body);
    emit archivedCopyShown();
}

void DeliveriesTab::updateQuota()
{
    if (m_quotaLimit < 0 || m_quotaRemaining < 0) {
        // Nothing fetched in this session yet: what the client last heard, if anything.
        const models::ArchiveQuota known = m_session->newsletters()->archiveQuota();
        if (known.isKnown()) {
            m_quotaLimit = known.limit;
            m_quotaRemaining = known.remaining;
        }
    }
    if (m_quotaLimit < 0 || m_quotaRemaining < 0) {
        m_quota->setText(tr("Customer.io allows a limited number of archived copies a day; each copy is "
                            "fetched once and kept on this computer."));
        return;
    }
    m_quota->setText(tr("Archived copies left today: %1 of %2").arg(m_quotaRemaining).arg(m_quotaLimit));
}

QString DeliveriesTab::quotaText() const
{
    return m_quota->text();
}

QString DeliveriesTab::sourceText() const
{
    return m_source->isVisibleTo(this) ? m_source->text() : QString();
}

} // namespace cio::ui
