#include "ui/newsletterpage.h"

#include "api/appapi.h"
#include "api/client.h"
#include "models/variantmatrixmodel.h"
#include "ui/messagewidget.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cio::ui {

namespace {

QString when(qint64 secs)
{
    return secs > 0 ? QLocale().toString(QDateTime::fromSecsSinceEpoch(secs), QLocale::ShortFormat)
                    : QString();
}

} // namespace

NewsletterPage::NewsletterPage(api::Client *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_message(new MessageWidget(this))
    , m_matrix(new QTableView(this))
    , m_legend(new QLabel(this))
    , m_matrixModel(new models::VariantMatrixModel(this))
{
    setObjectName(QStringLiteral("newsletterPage"));
    auto *back = new QPushButton(tr("← Newsletters"), this);
    back->setObjectName(QStringLiteral("backToList"));
    back->setFlat(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);

    m_matrix->setObjectName(QStringLiteral("variantMatrix"));
    m_matrix->setModel(m_matrixModel);
    m_matrix->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_matrix->horizontalHeader()->setMinimumSectionSize(90);
    m_matrix->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_matrix->verticalHeader()->setDefaultSectionSize(42);
    m_matrix->setWordWrap(false);

    m_legend->setWordWrap(true);
    m_legend->setText(
        tr("Statuses: <b>missing</b> — no variant in this language · <b>untranslated</b> — identical "
           "to the Default · <b>outdated</b> — the Default changed after this translation was saved · "
           "<b>unsaved draft</b> — edited here, not saved yet. Hover a language for its counts; "
           "double-click a cell to open the variant."));

    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_message);
    layout->addWidget(m_matrix, 1);
    layout->addWidget(m_legend);

    connect(back, &QPushButton::clicked, this, &NewsletterPage::backRequested);
    connect(m_message, &MessageWidget::actionTriggered, this, &NewsletterPage::reload);
    connect(m_matrix, &QTableView::activated, this, [this](const QModelIndex &index) {
        const models::MatrixCell &cell = m_matrixModel->cellAt(index);
        if (!cell.content)
            return;
        emit variantActivated(
            *cell.content, m_matrixModel->matrix().defaultOf(index.row()).value_or(api::Content{}), m_groups);
    });
}

void NewsletterPage::load(qint64 newsletterId)
{
    m_newsletter = {};
    m_newsletter.id = newsletterId;
    m_contents.clear();
    m_groups.clear();
    m_matrixModel->setMatrix({});
    reload();
}

void NewsletterPage::reload()
{
    if (!m_client)
        return;
    const quint64 generation = ++m_generation;
    const qint64 id = m_newsletter.id;
    m_error = {};
    m_message->hideMessage();
    m_pending = 3;
    m_title->setText(tr("Loading newsletter %1…").arg(id));
    api::AppApi appApi(m_client);
    appApi.newsletter(id, this, [this, generation](const api::Newsletter &n, const api::Error &error) {
        if (generation != m_generation)
            return;
        if (!error.isError())
            m_newsletter = n;
        partDone(error);
    });
    appApi.contents(id, this,
                    [this, generation](const QList<api::Content> &contents, const api::Error &error) {
                        if (generation != m_generation)
                            return;
                        if (!error.isError())
                            m_contents = contents;
                        partDone(error);
                    });
    appApi.testGroups(id, this,
                      [this, generation](const QList<api::TestGroup> &groups, const api::Error &error) {
                          if (generation != m_generation)
                              return;
                          if (!error.isError())
                              m_groups = groups;
                          partDone(error);
                      });
}

void NewsletterPage::setDraftContentIds(const QSet<qint64> &ids)
{
    m_drafts = ids;
    rebuildMatrix();
}

void NewsletterPage::partDone(const api::Error &error)
{
    if (error.isError() && !m_error.isError())
        m_error = error;
    if (--m_pending > 0)
        return;
    updateHeader();
    rebuildMatrix();
    if (m_error.isError())
        m_message->showMessage(tr("The newsletter could not be loaded completely. %1").arg(m_error.message()),
                               MessageWidget::Type::Error, tr("Try again"));
    emit loaded();
}

void NewsletterPage::rebuildMatrix()
{
    m_matrixModel->setMatrix(models::VariantMatrix::build(m_contents, m_groups, m_drafts));
}

void NewsletterPage::updateHeader()
{
    const api::Newsletter &n = m_newsletter;
    m_title->setText(n.name.isEmpty() ? tr("Newsletter %1").arg(n.id) : n.name);
    QStringList parts;
    parts << tr("Id %1").arg(n.id);
    if (!n.type.isEmpty())
        parts << n.type;
    if (!n.tags.isEmpty())
        parts << tr("Tags: %1").arg(n.tags.join(QStringLiteral(", ")));
    parts << tr("Created %1").arg(when(n.created)) << tr("Updated %1").arg(when(n.updated));
    parts << (n.isSent() ? tr("Sent %1").arg(when(n.sentAt.value_or(0))) : tr("Draft (not sent)"));
    parts << tr("%n variant(s)", nullptr, int(m_contents.size()));
    if (m_groups.size() > 1)
        parts << tr("A/B test with %n group(s)", nullptr, int(m_groups.size()));
    m_details->setText(parts.join(QStringLiteral("  ·  ")));
}

} // namespace cio::ui
