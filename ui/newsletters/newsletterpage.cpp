#include "ui/newsletters/newsletterpage.h"

#include "models/newsletters/newsletterservice.h"
#include "models/store/localstore.h"
#include "models/variants/variantmatrixmodel.h"
#include "models/variants/variantsaver.h"
#include "models/workspacesession.h"
#include "qa/qarunner.h"
#include "ui/common/messagewidget.h"
#include "ui/newsletters/deliveriestab.h"
#include "ui/preview/languagegrid.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace cio::ui {

namespace {

QString when(qint64 secs)
{
    return secs > 0 ? QLocale().toString(QDateTime::fromSecsSinceEpoch(secs), QLocale::ShortFormat)
                    : QString();
}

// Room around a cell's icon and words, with the cell's fill and selection still covering all of it.
class PaddedCellDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem panel = option;
        initStyleOption(&panel, index);
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &panel, painter, widget);
        QStyleOptionViewItem inner = option;
        inner.rect = option.rect.marginsRemoved(Padding);
        QStyledItemDelegate::paint(painter, inner, index);
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index).grownBy(Padding);
    }

private:
    static constexpr QMargins Padding{8, 4, 8, 4};
};

} // namespace

NewsletterPage::NewsletterPage(models::WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_store(session->store())
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_message(new MessageWidget(this))
    , m_matrix(new QTableView(this))
    , m_legend(nullptr)
    , m_matrixModel(new models::VariantMatrixModel(this))
    , m_addLanguage(new QPushButton(tr("Add Language…"), this))
    , m_saveAll(new QPushButton(tr("Save All Drafts"), this))
    , m_previewAll(new QPushButton(tr("Preview All Languages…"), this))
    , m_translations(new QPushButton(tr("Translations"), this))
    , m_nextWork(new QPushButton(this))
    , m_qaSummary(new QLabel(this))
    , m_qa(new qa::QaRunner(session->liquid(), this))
    , m_tabs(new QTabWidget(this))
    , m_deliveries(new DeliveriesTab(session, this))
    , m_progress(new QProgressBar(this))
    , m_saver(new models::VariantSaver(session->client(), session->store(), this))
{
    setObjectName(QStringLiteral("newsletterPage"));
    QPushButton *back = buildHeader();
    buildMatrix();
    buildNextWork();
    buildActions();
    buildLayout(back);
    connectSignals(back);
}

// The way back to the list, and the title and details of the newsletter.
QPushButton *NewsletterPage::buildHeader()
{
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
    return back;
}

void NewsletterPage::buildMatrix()
{
    m_matrix->setObjectName(QStringLiteral("variantMatrix"));
    m_matrix->setModel(m_matrixModel);
    m_matrix->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Columns and rows fit their contents (icon, word, QA badge), so nothing is cut off.
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matrix->horizontalHeader()->setMinimumSectionSize(96);
    m_matrix->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matrix->verticalHeader()->setMinimumSectionSize(32);
    m_matrix->setIconSize(QSize(16, 16));
    m_matrix->setWordWrap(false);
    m_matrix->setTextElideMode(Qt::ElideNone);
    m_matrix->setItemDelegate(new PaddedCellDelegate(m_matrix));
    m_matrix->setContextMenuPolicy(Qt::CustomContextMenu);
    m_legend = buildLegend();
}

// "Next to Translate": a button under the matrix and a shortcut anywhere on the page.
void NewsletterPage::buildNextWork()
{
    const QKeySequence nextKey(Qt::CTRL | Qt::SHIFT | Qt::Key_N);
    m_nextWork->setObjectName(QStringLiteral("nextWork"));
    m_nextWork->setText(tr("Next to Translate (%1)").arg(nextKey.toString(QKeySequence::NativeText)));
    m_nextWork->setToolTip(tr("Go to the next missing, untranslated, outdated or draft cell after the "
                              "selected one"));
    auto *nextAction = new QAction(tr("Next to Translate"), this);
    nextAction->setShortcut(nextKey);
    nextAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(nextAction);
    connect(nextAction, &QAction::triggered, this, &NewsletterPage::openNextWork);
    connect(m_nextWork, &QPushButton::clicked, this, &NewsletterPage::openNextWork);
}

// Add Language, Save All Drafts with its progress, Preview All Languages and the checks' summary.
void NewsletterPage::buildActions()
{
    m_addLanguage->setObjectName(QStringLiteral("addLanguage"));
    m_addLanguage->setToolTip(tr("Add a translation to this draft newsletter, pre-filled from the Default"));
    m_saveAll->setObjectName(QStringLiteral("saveAllDrafts"));
    m_saveAll->setToolTip(tr("Save every unsaved draft of this newsletter, within the API's rate limit"));
    m_progress->setVisible(false);
    m_progress->setMaximumWidth(220);
    m_previewAll->setObjectName(QStringLiteral("previewAllLanguages"));
    m_previewAll->setToolTip(
        tr("Every language of a test group side by side, with the same width and sample data"));
    m_qaSummary->setObjectName(QStringLiteral("newsletterQaSummary"));
    m_translations->setObjectName(QStringLiteral("translationsMenu"));
    m_translations->setToolTip(tr("Send the texts to translators as XLIFF files and bring their work back"));
    auto *translationsMenu = new QMenu(m_translations);
    translationsMenu->addAction(tr("Export to XLIFF…"), this, &NewsletterPage::exportTranslations);
    translationsMenu->addAction(tr("Import from XLIFF…"), this, &NewsletterPage::importTranslations)
        ->setObjectName(QStringLiteral("importTranslationsAction"));
    m_translations->setMenu(translationsMenu);
    connect(m_previewAll, &QPushButton::clicked, this, [this] {
        LanguageGrid grid(m_contents, m_groups, m_session, this);
        const QModelIndex current = m_matrix->currentIndex();
        if (current.isValid())
            grid.selectGroup(current.row());
        grid.exec();
    });
}

void NewsletterPage::buildLayout(QPushButton *back)
{
    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addStretch(1);
    top->addWidget(m_progress);
    top->addWidget(m_qaSummary);
    top->addWidget(m_previewAll);
    top->addWidget(m_translations);
    top->addWidget(m_saveAll);
    top->addWidget(m_addLanguage);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_message);
    // Variants and deliveries: the deliveries load the first time their tab is shown.
    auto *variantsTab = new QWidget(this);
    auto *variantsLayout = new QVBoxLayout(variantsTab);
    variantsLayout->setContentsMargins(0, 0, 0, 0);
    variantsLayout->addWidget(m_matrix, 1);
    auto *below = new QHBoxLayout;
    below->addWidget(m_legend, 1);
    below->addWidget(m_nextWork, 0, Qt::AlignTop);
    variantsLayout->addLayout(below);
    m_tabs->addTab(variantsTab, tr("Variants"));
    m_tabs->addTab(m_deliveries, tr("Deliveries"));
    layout->addWidget(m_tabs, 1);
}

void NewsletterPage::connectSignals(QPushButton *back)
{
    connect(back, &QPushButton::clicked, this, &NewsletterPage::backRequested);
    connect(m_saveAll, &QPushButton::clicked, this, &NewsletterPage::saveAllDrafts);
    connect(m_addLanguage, &QPushButton::clicked, this, &NewsletterPage::chooseLanguage);
    connect(m_saver, &models::VariantSaver::progress, this, [this](int done, int total) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
    });
    connect(m_message, &MessageWidget::actionTriggered, this, &NewsletterPage::reload);
    connect(m_matrix, &QTableView::activated, this, &NewsletterPage::activateCell);
    connect(m_matrix, &QTableView::customContextMenuRequested, this, &NewsletterPage::showCellMenu);
}

void NewsletterPage::load(qint64 newsletterId)
{
    m_newsletter = {};
    m_newsletter.id = newsletterId;
    m_tabs->setCurrentIndex(0); // another newsletter opens on its variants, not the last one's tab
    m_contents.clear();
    m_groups.clear();
    m_matrixModel->setMatrix({});
    reload();
}

void NewsletterPage::reload()
{
    m_addLanguage->setEnabled(false);
    const quint64 generation = ++m_generation;
    const qint64 id = m_newsletter.id;
    m_error = {};
    m_message->hideMessage();
    m_pending = 1;
    m_title->setText(tr("Loading newsletter %1…").arg(id));
    m_session->newsletters()->load(
        id, this, [this, generation](const models::NewsletterBundle &bundle, const api::Error &error) {
            if (generation != m_generation)
                return;
            if (!error.isError() || bundle.fromStore) {
                m_newsletter = bundle.newsletter;
                m_contents = bundle.contents;
                m_groups = bundle.groups;
            }
            m_error = error;
            m_pending = 0;
            loadFinished(bundle.fromStore);
        });
}

void NewsletterPage::refreshDrafts()
{
    m_drafts.clear();
    if (m_store) {
        for (const models::Draft &d : m_store->drafts(m_newsletter.id)) {
            // A draft whose edits the server already has (Save All saved it, then the editor still open on
            // it wrote it again) is no unsaved work: it goes instead of showing as a ghost.
            const auto current = std::find_if(m_contents.cbegin(), m_contents.cend(),
                                              [&d](const api::Content &c) { return c.id == d.contentId; });
            if (current != m_contents.cend() && models::draftAlreadySaved(d.fields, *current) &&
                m_store->discardDraft(d.contentId))
                continue;
            m_drafts.insert(d.contentId);
        }
    }
    rebuildMatrix();
    updateActions();
}

void NewsletterPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateActions();
}

void NewsletterPage::updateActions()
{
    m_addLanguage->setEnabled(!m_readOnly && m_pending == 0 && !m_newsletter.isSent());
    m_addLanguage->setToolTip(
        m_newsletter.isSent()
            ? tr("This newsletter was already sent; translations can only be added to "
                 "newsletters not sent yet.")
            : tr("Add a translation to this draft newsletter, pre-filled from the Default"));
    m_saveAll->setEnabled(!m_readOnly && m_store && !m_drafts.isEmpty());
    m_saveAll->setText(m_drafts.isEmpty() ? tr("Save All Drafts")
                                          : tr("Save All Drafts (%1)").arg(m_drafts.size()));
    if (m_readOnly)
        m_addLanguage->setToolTip(tr("This workspace is read-only."));
    if (auto *import = m_translations->menu()->findChild<QAction *>(QStringLiteral("importTranslationsAction")))
        import->setEnabled(!m_readOnly && m_pending == 0);
}

void NewsletterPage::addLanguage(const QString &language, const QList<int> &rows)
{
    if (m_readOnly)
        return;
    const QString name = languageLabel(language);
    if (m_newsletter.isSent()) {
        m_message->showMessage(tr("%1 could not be added: this newsletter was already sent, and translations "
                                  "can only be added to newsletters that were not sent yet.")
                                   .arg(name),
                               MessageWidget::Type::Error);
        return;
    }
    // One POST per test group (the plain language endpoint refuses newsletters with several groups).
    QList<models::LanguageTarget> targets;
    const models::VariantMatrix matrix = m_matrixModel->matrix(); // a copy: the reply rebuilds the model
    for (int row = 0; row < matrix.rowCount(); ++row) {
        if (!rows.isEmpty() && !rows.contains(row))
            continue;
        const auto group = matrix.testGroup(row);
        const auto defaultVariant = matrix.defaultOf(row);
        if (!defaultVariant)
            continue;
        const bool several = group && m_groups.size() > 1;
        targets.append({several ? QString::number(group->id) : QString(),
                        several ? matrix.rowLabel(row) : QString(), *defaultVariant});
    }
    if (targets.isEmpty()) {
        m_message->showMessage(tr("This newsletter has no Default variant to copy from."),
                               MessageWidget::Type::Error);
        return;
    }
    m_addLanguage->setEnabled(false);
    m_session->newsletters()->addLanguage(
        m_newsletter.id, language, targets, this, [this, name](const QStringList &failures) {
            if (failures.isEmpty())
                m_message->showMessage(tr("Added %1. It starts as a copy of the Default, so it shows as "
                                          "untranslated until you translate it.")
                                           .arg(name),
                                       MessageWidget::Type::Information);
            else
                m_message->showMessage(
                    tr("%1 could not be added. %2").arg(name, failures.join(QLatin1Char(' '))),
                    MessageWidget::Type::Error);
            const QString text = m_message->text();
            const auto type = m_message->type();
            reload();
            m_message->showMessage(text, type);
        });
}

void NewsletterPage::saveAllDrafts()
{
    if (!m_store || m_readOnly)
        return;
    QList<models::SaveRequest> requests;
    for (const models::Draft &d : m_store->drafts(m_newsletter.id)) {
        models::SaveRequest r;
        r.address = models::VariantAddress::forVariant(d.base, m_groups);
        r.base = d.base;
        r.changes = d.fields;
        requests.append(r);
    }
    if (requests.isEmpty())
        return;
    m_saveAll->setEnabled(false);
    m_progress->setRange(0, int(requests.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_saver->saveAll(requests, this, [this](const QList<models::SaveResult> &results) {
        m_progress->setVisible(false);
        int saved = 0;
        QStringList problems;
        for (const models::SaveResult &r : results) {
            if (r.isSaved()) {
                ++saved;
                m_store->storeContent(r.saved);
                m_store->discardDraft(r.contentId);
                if (!r.raceFields.isEmpty())
                    problems << r.message;
            } else {
                problems << tr("content %1: %2").arg(r.contentId).arg(r.message);
            }
        }
        reload();
        if (problems.isEmpty())
            m_message->showMessage(saved == 1 ? tr("Saved the draft.")
                                              : tr("Saved all %1 drafts.").arg(saved),
                                   MessageWidget::Type::Information);
        else
            m_message->showMessage(tr("Saved %1 of %2. Not saved (kept as drafts): %3")
                                       .arg(saved)
                                       .arg(results.size())
                                       .arg(problems.join(QStringLiteral("; "))),
                                   MessageWidget::Type::Warning);
    });
}

void NewsletterPage::loadFinished(bool fromStore)
{
    // Without the API (offline, or the server failing) the last synced copy still lets the user work.
    updateHeader();
    refreshDrafts();
    updateActions();
    m_deliveries->setNewsletter(m_newsletter.id, m_contents);
    runQualityChecks();
    if (fromStore)
        m_message->showMessage(tr("Showing the copy kept on this computer: %1 Edits are kept as drafts until "
                                  "you can save.")
                                   .arg(m_error.message()),
                               MessageWidget::Type::Warning, tr("Try again"));
    else if (m_error.isError())
        m_message->showMessage(tr("The newsletter could not be loaded completely. %1").arg(m_error.message()),
                               MessageWidget::Type::Error, tr("Try again"));
    emit loaded();
}

bool NewsletterPage::openVariant(qint64 contentId)
{
    const models::VariantMatrix &matrix = m_matrixModel->matrix();
    for (int row = 0; row < matrix.rowCount(); ++row) {
        for (int column = 0; column < matrix.columnCount(); ++column) {
            const std::optional<api::Content> content = matrix.cell(row, column).content;
            if (content && content->id == contentId) {
                m_matrix->setCurrentIndex(m_matrixModel->index(row, column));
                const api::Content defaultVariant = matrix.defaultOf(row).value_or(api::Content{});
                const QList<api::TestGroup> groups = m_groups;
                emit variantActivated(*content, defaultVariant, groups);
                return true;
            }
        }
    }
    return false;
}

void NewsletterPage::runQualityChecks()
{
    if (m_contents.isEmpty())
        return;
    // What the translators have in hand: a variant's draft counts, not only the saved text.
    QList<api::Content> contents = m_contents;
    qa::QaContext context;
    if (m_store) {
        for (api::Content &c : contents) {
            const auto draft = m_store->draft(c.id);
            if (!draft)
                continue;
            const QJsonObject &f = draft->fields;
            c.subject = f.value(QLatin1String("subject")).toString(c.subject);
            c.preheaderText = f.value(QLatin1String("preheader_text")).toString(c.preheaderText);
            c.body = f.value(QLatin1String("body")).toString(c.body);
            c.bodyAmp = f.value(QLatin1String("body_amp")).toString(c.bodyAmp);
            c.bodyPlain = f.value(QLatin1String("body_plain")).toString(c.bodyPlain);
        }
        context.snippets = m_store->snippetValues();
        if (const auto set = m_store->defaultSampleSet())
            context.sampleData = set->data;
    }
    const quint64 generation = m_generation;
    m_qaSummary->setText(tr("Checking quality…"));
    m_qa->checkNewsletter(
        contents, m_groups, context, this,
        [this, generation](const QHash<qint64, QList<qa::Finding>> &findings) {
            if (generation != m_generation)
                return; // another newsletter by now
            m_findings = findings;
            QHash<qint64, models::VariantMatrixModel::QaCounts> counts;
            int errors = 0;
            int flagged = 0;
            for (auto it = findings.cbegin(); it != findings.cend(); ++it) {
                counts.insert(it.key(), {qa::errorCount(it.value()), qa::warningCount(it.value())});
                errors += qa::errorCount(it.value());
                flagged += qa::errorCount(it.value()) > 0 ? 1 : 0;
            }
            m_matrixModel->setQaCounts(counts);
            m_qaSummary->setText(errors ? tr("QA: %n variant(s) with errors", nullptr, flagged)
                                        : tr("QA: no errors"));
            emit qualityChecked();
        });
}

void NewsletterPage::setVariantQuality(qint64 contentId, int errors, int warnings)
{
    m_matrixModel->setQaCount(contentId, {errors, warnings});
}

void NewsletterPage::rebuildMatrix()
{
    // When the texts last changed, not when the variant did: see VariantMatrix::build().
    m_times = m_store ? m_store->textTimes(m_contents) : models::TextTimes{};
    const models::VariantMatrix matrix =
        models::VariantMatrix::build(m_contents, m_groups, m_drafts, m_times);
    // Outdated cells say in their tooltip which of the Default's texts changed and when.
    QHash<qint64, QString> reasons;
    for (int row = 0; row < matrix.rowCount(); ++row) {
        for (int column = 1; column < matrix.columnCount(); ++column) {
            if (const auto facts = outdatedFacts(matrix, row, column))
                reasons.insert(matrix.cell(row, column).content->id, OutdatedDialog::summary(*facts));
        }
    }
    m_matrixModel->setMatrix(matrix);
    m_matrixModel->setOutdatedReasons(reasons);
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
