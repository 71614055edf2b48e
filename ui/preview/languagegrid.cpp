#include "ui/preview/languagegrid.h"

#include "liquid/liquidengine.h"
#include "models/store/localstore.h"
#include "models/variants/variantmatrix.h"
#include "models/variants/variantmatrixmodel.h"
#include "models/workspacesession.h"
#include "ui/common/windowgeometry.h"
#include "ui/preview/previewview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace cio::ui {

namespace {

const QString GeometryKey = QStringLiteral("languageGrid");

QToolButton *toggle(const QString &text, bool checked, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setCheckable(true);
    button->setChecked(checked);
    button->setAutoRaise(true);
    return button;
}

} // namespace

LanguageGrid::LanguageGrid(const QList<api::Content> &contents, const QList<api::TestGroup> &groups,
                           models::WorkspaceSession *session, QWidget *parent)
    : QDialog(parent)
    , m_contents(contents)
    , m_groups(groups)
    , m_store(session->store())
    , m_liquid(session->liquid())
    , m_previewProfile(session->previewProfile())
    , m_group(new QComboBox(this))
    , m_width(new QComboBox(this))
    , m_sampleSets(new QComboBox(this))
    , m_strict(new QCheckBox(tr("Strict"), this))
    , m_dark(toggle(tr("Dark"), false, this))
    , m_images(toggle(tr("Images"), true, this))
    , m_remote(toggle(tr("Remote"), false, this))
    , m_status(new QLabel(this))
    , m_columns(new QWidget(this))
    , m_columnsLayout(new QHBoxLayout(m_columns))
{
    setObjectName(QStringLiteral("languageGrid"));
    setWindowTitle(tr("Preview All Languages"));
    fillChoices();
    buildLayout();
    // Room for three desktop-width columns, or less: the Close button must stay on a small screen.
    restoreWindowGeometry(this, GeometryKey, QSize(1280, 820));
    connectControls();
    buildColumns();
    renderAll();
}

// The test groups, widths and sample-data sets to choose from.
void LanguageGrid::fillChoices()
{
    const models::VariantMatrix matrix = models::VariantMatrix::build(m_contents, m_groups);
    for (int row = 0; row < matrix.rowCount(); ++row)
        m_group->addItem(matrix.rowLabel(row), row);
    m_group->setVisible(matrix.rowCount() > 1);
    // Long group and set names must not widen the window past a small screen.
    for (QComboBox *box : {m_group, m_sampleSets}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }
    m_width->addItem(tr("Desktop (600 px)"), QVariant::fromValue(PreviewView::Width::Desktop));
    m_width->addItem(tr("Phone (375 px)"), QVariant::fromValue(PreviewView::Width::Phone));
    m_width->setCurrentIndex(1); // many columns fit best at phone width
    m_strict->setChecked(true);
    m_remote->setToolTip(tr("Load remote images and fonts in every column (the servers see the requests)"));
    if (m_store) {
        const QList<models::SampleSet> sets = m_store->sampleSets();
        for (const models::SampleSet &set : sets) {
            m_sampleSets->addItem(set.name, set.id);
            if (set.isDefault)
                m_sampleSets->setCurrentIndex(m_sampleSets->count() - 1);
        }
    }
    if (m_sampleSets->count() == 0)
        m_sampleSets->addItem(tr("No sample data"), 0);
}

// The tool row, the columns side by side (scrolling sideways), the status and Close.
void LanguageGrid::buildLayout()
{
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_group);
    tools->addWidget(m_width);
    tools->addWidget(m_dark);
    tools->addWidget(m_images);
    tools->addWidget(m_remote);
    tools->addWidget(new QLabel(tr("Sample data:"), this));
    tools->addWidget(m_sampleSets);
    tools->addWidget(m_strict);
    tools->addStretch(1);

    m_columnsLayout->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("languageGridScroll"));
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    scroll->setWidget(m_columns);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(tools);
    layout->addWidget(scroll, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
}

void LanguageGrid::connectControls()
{
    connect(m_group, &QComboBox::activated, this, [this] {
        buildColumns();
        renderAll();
    });
    connect(m_sampleSets, &QComboBox::activated, this, &LanguageGrid::renderAll);
    connect(m_strict, &QCheckBox::toggled, this, &LanguageGrid::renderAll);
    for (QToolButton *button : {m_dark, m_images, m_remote})
        connect(button, &QToolButton::toggled, this, &LanguageGrid::applySettings);
    connect(m_width, &QComboBox::activated, this, &LanguageGrid::applySettings);
}

void LanguageGrid::done(int result)
{
    saveWindowGeometry(this, GeometryKey);
    QDialog::done(result);
}

QList<api::Content> LanguageGrid::groupContents() const
{
    const models::VariantMatrix matrix = models::VariantMatrix::build(m_contents, m_groups);
    const int row = qBound(0, m_group->currentData().toInt(), qMax(0, matrix.rowCount() - 1));
    QList<api::Content> result;
    for (int column = 0; column < matrix.columnCount() && row < matrix.rowCount(); ++column) {
        if (const std::optional<api::Content> content = matrix.cell(row, column).content)
            result.append(*content);
    }
    return result;
}

QStringList LanguageGrid::languages() const
{
    QStringList list;
    for (const api::Content &c : m_shown)
        list.append(c.language);
    return list;
}

void LanguageGrid::selectGroup(int index)
{
    m_group->setCurrentIndex(index);
    buildColumns();
    renderAll();
}

void LanguageGrid::setSampleSet(qint64 id)
{
    const int index = m_sampleSets->findData(id);
    if (index >= 0) {
        m_sampleSets->setCurrentIndex(index);
        renderAll();
    }
}

void LanguageGrid::buildColumns()
{
    qDeleteAll(m_views);
    m_views.clear();
    m_columnWidgets.clear();
    m_problems.clear();
    while (QLayoutItem *item = m_columnsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_shown = groupContents();
    for (const api::Content &content : std::as_const(m_shown)) {
        auto *column = new QWidget(m_columns);
        auto *columnLayout = new QVBoxLayout(column);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        auto *title = new QLabel(models::VariantMatrixModel::languageName(content.language), column);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        auto *problem = new QLabel(column);
        problem->setObjectName(QStringLiteral("languageGridProblem"));
        problem->setWordWrap(true);
        problem->setForegroundRole(QPalette::PlaceholderText);
        problem->setVisible(false);
        auto *view = new PreviewView(m_previewProfile, column);
        view->setToolBarVisible(false);
        columnLayout->addWidget(title);
        columnLayout->addWidget(problem);
        columnLayout->addWidget(view, 1);
        m_columnsLayout->addWidget(column);
        m_views.append(view);
        m_columnWidgets.append(column);
        m_problems.append(problem);
        connect(view, &PreviewView::documentLoaded, this, [this] {
            if (m_waitingLoads > 0 && --m_waitingLoads == 0) {
                m_status->setText(tr("%n language(s)", nullptr, int(m_views.size())));
                m_complete = true;
                emit renderedAll();
            }
        });
    }
    m_columnsLayout->addStretch(1);
    applySettings();
}

void LanguageGrid::applySettings()
{
    const auto width = m_width->currentData().value<PreviewView::Width>();
    // A column keeps the recipient's width even when it shows an error instead of an email.
    const int emailWidth = width == PreviewView::Width::Desktop ? 600 : 375;
    const int columnWidth =
        qMax(MinColumnWidth, emailWidth + style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    for (QWidget *column : std::as_const(m_columnWidgets))
        column->setMinimumWidth(columnWidth);
    for (PreviewView *view : std::as_const(m_views)) {
        view->setWidthPreset(width);
        view->setDarkMode(m_dark->isChecked());
        view->setImagesEnabled(m_images->isChecked());
        view->setRemoteContentAllowed(m_remote->isChecked());
    }
}

void LanguageGrid::renderAll()
{
    if (!m_liquid)
        return; // the workspace closed
    liquid::JsonData data;
    QHash<QString, QString> snippets;
    if (m_store) {
        snippets = m_store->snippetValues();
        const qint64 id = m_sampleSets->currentData().toLongLong();
        const QList<models::SampleSet> sets = m_store->sampleSets();
        for (const models::SampleSet &set : sets) {
            if (set.id == id)
                data = set.data;
        }
    }
    QList<liquid::LiquidEngine::RenderRequest> requests;
    for (const api::Content &c : std::as_const(m_shown)) {
        for (const QString &text : {c.subject, c.preheaderText, c.body})
            requests.append({text, data, snippets, m_strict->isChecked()});
    }
    m_rendering = true;
    m_complete = false;
    m_status->setText(tr("Rendering…"));
    const QList<PreviewView *> views = m_views;
    m_liquid->renderMany(requests, this, [this, views](const QList<liquid::RenderResult> &results) {
        m_rendering = false;
        if (views != m_views)
            return; // the columns changed meanwhile; their own render follows
        // Columns whose body could not be rendered at all show why instead of an email; only the
        // others have a document to wait for.
        QList<bool> failed;
        for (int i = 0; i < views.size(); ++i) {
            const liquid::RenderResult &body = results.value(i * 3 + 2);
            failed.append(!body.ok && body.output.isEmpty());
        }
        m_waitingLoads = static_cast<int>(failed.count(false));
        for (int i = 0; i < views.size(); ++i) {
            int problems = 0;
            for (int part = 0; part < 3; ++part)
                problems += static_cast<int>(results.value(i * 3 + part).errors.size());
            const liquid::RenderResult &body = results.value(i * 3 + 2);
            if (failed.at(i)) {
                views.at(i)->showMessage(tr("This language could not be rendered: %1")
                                             .arg(body.errors.isEmpty()
                                                      ? tr("the Liquid engine gave no output.")
                                                      : body.errors.first().toString()));
            } else {
                views.at(i)->showEmail(results.value(i * 3).output.simplified(),
                                       results.value(i * 3 + 1).output.simplified(), body.output);
            }
            const QString problemText =
                problems ? tr("%n Liquid problem(s) with this data; the editor's Quality tab lists them.",
                              nullptr, problems)
                         : QString();
            views.at(i)->setToolTip(problemText);
            if (QLabel *label = m_problems.value(i)) {
                label->setText(problemText);
                label->setVisible(problems > 0);
            }
        }
        if (m_waitingLoads == 0) {
            m_status->setText(tr("%n language(s)", nullptr, int(views.size())));
            m_complete = true;
            emit renderedAll();
        }
    });
}

} // namespace cio::ui
