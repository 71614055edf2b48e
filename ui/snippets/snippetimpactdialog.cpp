#include "ui/snippets/snippetimpactdialog.h"

#include "liquid/liquidengine.h"
#include "models/common/theme.h"
#include "models/store/localstore.h"
#include "models/variants/variantmatrixmodel.h"
#include "models/workspacesession.h"
#include "ui/common/windowgeometry.h"
#include "ui/preview/previewview.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QVBoxLayout>

namespace cio::ui {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

SnippetImpactDialog::SnippetImpactDialog(models::WorkspaceSession *session, const QString &name,
                                         const QString &oldValue, const QString &newValue,
                                         const QList<models::SnippetUsage> &usages, QWidget *parent)
    : QDialog(parent)
    , m_store(session->store())
    , m_liquid(session->liquid())
    , m_name(name)
    , m_oldValue(oldValue)
    , m_newValue(newValue)
    , m_usages(usages)
    , m_list(new QListWidget(this))
    , m_before(new PreviewView(session->previewProfile(), this))
    , m_after(new PreviewView(session->previewProfile(), this))
    , m_problems(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("snippetImpactDialog"));
    setWindowTitle(tr("Impact of Changing “%1”").arg(name));
    m_list->setObjectName(QStringLiteral("impactVariants"));
    m_list->setSpacing(3);
    m_list->setWordWrap(true);
    m_before->setObjectName(QStringLiteral("impactBefore"));
    m_after->setObjectName(QStringLiteral("impactAfter"));
    m_problems->setObjectName(QStringLiteral("impactProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setPalette(theme::withTextColour(m_problems->palette(), theme::Role::ErrorText));
    m_problems->setVisible(false);

    const QSet<qint64> newsletters = fillVariantList(usages);
    buildLayout(name, newsletters);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &SnippetImpactDialog::showRow);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

// One row per variant, whatever the number of references it holds. Returns the newsletters they are in.
QSet<qint64> SnippetImpactDialog::fillVariantList(const QList<models::SnippetUsage> &usages)
{
    QSet<qint64> newsletters;
    QHash<qint64, QStringList> fields;
    for (const models::SnippetUsage &u : usages) {
        newsletters.insert(u.newsletterId);
        if (!m_contentIds.contains(u.contentId))
            m_contentIds.append(u.contentId);
        QStringList &list = fields[u.contentId];
        if (!list.contains(u.field))
            list.append(u.field);
    }
    for (const qint64 contentId : std::as_const(m_contentIds)) {
        for (const models::SnippetUsage &u : usages) {
            if (u.contentId != contentId)
                continue;
            QString variant = models::VariantMatrixModel::languageName(u.language);
            if (!u.testGroup.isEmpty())
                variant = tr("%1, test group %2").arg(variant, u.testGroup);
            auto *item = new QListWidgetItem(
                tr("%1\n%2 · %3")
                    .arg(u.newsletterName, variant, fields.value(contentId).join(QLatin1String(", "))),
                m_list);
            item->setData(Qt::UserRole, contentId);
            item->setToolTip(tr("Newsletter %1, content %2").arg(u.newsletterId).arg(contentId));
            break;
        }
    }
    return newsletters;
}

void SnippetImpactDialog::buildLayout(const QString &name, const QSet<qint64> &newsletters)
{
    auto *intro =
        new QLabel(tr("Saving “%1” changes %n variant(s).", nullptr, int(m_contentIds.size())).arg(name) +
                       QLatin1Char(' ') + tr("In %n newsletter(s).", nullptr, int(newsletters.size())) +
                       QLatin1Char(' ') +
                       tr("Compare each one before and after with the sample data, then save or cancel."),
                   this);
    intro->setWordWrap(true);
    QWidget *sides = buildSides();

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(sides);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 900});

    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Save Snippet"));
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("impactSave"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);
    fitToScreen(this, QSize(1200, 760)); // never larger than the screen it opens on
}

// Before and after, side by side under their headings.
QWidget *SnippetImpactDialog::buildSides()
{
    for (PreviewView *view : {m_before, m_after}) {
        view->setToolBarVisible(false);
        view->setWidthPreset(PreviewView::Width::Free);
    }
    auto *sides = new QWidget(this);
    auto *grid = new QGridLayout(sides);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(heading(tr("Before (saved value)"), sides), 0, 0);
    grid->addWidget(heading(tr("After (your change)"), sides), 0, 1);
    grid->addWidget(m_before, 1, 0);
    grid->addWidget(m_after, 1, 1);
    grid->setRowStretch(1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    return sides;
}

QString SnippetImpactDialog::problemText() const
{
    return m_problems->isVisible() ? m_problems->text() : QString();
}

liquid::JsonData SnippetImpactDialog::sampleDataFor(const QString &language) const
{
    if (!m_store)
        return {};
    const QList<models::SampleSet> sets = m_store->sampleSets();
    liquid::JsonData fallback;
    for (const models::SampleSet &set : sets) {
        if (!language.isEmpty() && set.language == language)
            return set.data;
        if (set.isDefault)
            fallback = set.data;
    }
    return fallback;
}

void SnippetImpactDialog::showRow(int row)
{
    const qint64 contentId = m_list->item(row) ? m_list->item(row)->data(Qt::UserRole).toLongLong() : 0;
    const auto content = m_store && contentId ? m_store->content(contentId) : std::nullopt;
    if (!content) {
        m_before->showMessage(tr("This variant is no longer in the local copy."));
        m_after->showMessage(tr("This variant is no longer in the local copy."));
        return;
    }
    const liquid::JsonData data = sampleDataFor(content->language);
    QHash<QString, QString> before = m_store->snippetValues();
    QHash<QString, QString> after = before;
    before.insert(m_name, m_oldValue); // the value the server has, whatever the store holds now
    after.insert(m_name, m_newValue);
    // Text bodies preview as text; the HTML body is what most variants are about.
    const bool text = content->body.isEmpty() && !content->bodyPlain.isEmpty();
    const QString body = text ? content->bodyPlain : content->body;
    QList<liquid::LiquidEngine::RenderRequest> requests;
    for (const QHash<QString, QString> *snippets : {&before, &after}) {
        for (const QString &part : {content->subject, content->preheaderText, body})
            requests.append({part, data, *snippets, true});
    }
    const quint64 generation = ++m_generation;
    if (!m_liquid)
        return;
    m_liquid->renderMany(
        requests, this, [this, generation, contentId, text](const QList<liquid::RenderResult> &results) {
            if (generation != m_generation || results.size() != 6)
                return; // another variant was chosen meanwhile
            m_before->showEmail(results.at(0).output.simplified(), results.at(1).output.simplified(),
                                results.at(2).output, text);
            m_after->showEmail(results.at(3).output.simplified(), results.at(4).output.simplified(),
                               results.at(5).output, text);
            QSet<QString> known;
            for (int i = 0; i < 3; ++i) {
                for (const liquid::LiquidError &e : results.at(i).errors)
                    known.insert(e.message);
            }
            QStringList added;
            for (int i = 3; i < 6; ++i) {
                for (const liquid::LiquidError &e : results.at(i).errors) {
                    if (!known.contains(e.message))
                        added << e.toString();
                }
            }
            m_problems->setText(tr("With the new value this variant would have Liquid errors: %1")
                                    .arg(added.join(QLatin1String("; "))));
            m_problems->setVisible(!added.isEmpty());
            emit variantRendered(contentId);
        });
}

} // namespace cio::ui
