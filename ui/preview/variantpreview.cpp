#include "ui/preview/variantpreview.h"

#include "liquid/liquidengine.h"
#include "models/store/localstore.h"
#include "models/workspacesession.h"
#include "ui/preview/previewview.h"
#include "ui/preview/sampledatadialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace cio::ui {

namespace {

// Long enough to skip the keystrokes of a word, short enough to feel live.
constexpr int DebounceMs = 200;

} // namespace

VariantPreview::VariantPreview(models::WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_store(session->store())
    , m_liquid(session->liquid())
    , m_view(new PreviewView(session->previewProfile(), this))
    , m_sampleSets(new QComboBox(this))
    , m_editSets(new QToolButton(this))
    , m_strict(new QCheckBox(tr("Strict"), this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("variantPreview"));
    m_sampleSets->setObjectName(QStringLiteral("previewSampleSet"));
    m_sampleSets->setToolTip(tr("Sample data the Liquid renders with"));
    // Long set names must not widen the pane: the editor beside it needs the room.
    m_sampleSets->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_sampleSets->setMinimumContentsLength(12);
    m_editSets->setText(tr("Edit…"));
    m_editSets->setToolTip(tr("Edit the workspace's sample-data sets"));
    m_editSets->setAutoRaise(true);
    m_strict->setObjectName(QStringLiteral("previewStrict"));
    m_strict->setChecked(true);
    m_strict->setToolTip(tr("Strict: a variable the data lacks is an error, as when Customer.io sends "
                            "(the message would fail). Off: it renders blank."));
    m_view->addToolWidget(m_sampleSets);
    m_view->addToolWidget(m_editSets);
    m_view->addToolWidget(m_strict);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &VariantPreview::renderNow);
    connect(m_sampleSets, &QComboBox::activated, this, &VariantPreview::renderNow);
    connect(m_strict, &QCheckBox::toggled, this, &VariantPreview::renderNow);
    connect(m_editSets, &QToolButton::clicked, this, &VariantPreview::editSampleData);
    connect(m_view, &PreviewView::documentLoaded, this, &VariantPreview::shown);
    if (m_store)
        connect(m_store, &models::LocalStore::sampleSetsChanged, this, &VariantPreview::reloadSampleSets);
    reloadSampleSets();
}

void VariantPreview::reloadSampleSets()
{
    const qint64 current = currentSampleSet();
    m_sampleSets->clear();
    const QList<models::SampleSet> sets = m_store ? m_store->sampleSets() : QList<models::SampleSet>{};
    for (const models::SampleSet &set : sets) {
        m_sampleSets->addItem(set.name, set.id);
        m_sampleSets->setItemData(m_sampleSets->count() - 1,
                                  set.language.isEmpty() ? tr("Sample data for any language")
                                                         : tr("Sample data for %1").arg(set.language),
                                  Qt::ToolTipRole);
    }
    if (sets.isEmpty())
        m_sampleSets->addItem(tr("No sample data"), 0);
    if (current)
        selectSampleSet(current);
    else
        chooseSampleSet();
}

void VariantPreview::setLanguage(const QString &language)
{
    m_language = language;
    // A variant opened (again): whatever the user allowed for the one shown before does not carry over.
    m_view->resetRemoteContent();
    chooseSampleSet();
}

void VariantPreview::chooseSampleSet()
{
    if (!m_store)
        return;
    const QString &language = m_language;
    const QList<models::SampleSet> sets = m_store->sampleSets();
    qint64 choice = 0;
    for (const models::SampleSet &set : sets) {
        if (!language.isEmpty() && set.language == language) {
            choice = set.id;
            break;
        }
        if (set.isDefault && !choice)
            choice = set.id;
    }
    if (choice)
        selectSampleSet(choice);
}

qint64 VariantPreview::currentSampleSet() const
{
    return m_sampleSets->currentData().toLongLong();
}

void VariantPreview::selectSampleSet(qint64 id)
{
    const int index = m_sampleSets->findData(id);
    if (index >= 0 && index != m_sampleSets->currentIndex()) {
        m_sampleSets->setCurrentIndex(index);
        m_debounce->start();
    }
}

liquid::JsonData VariantPreview::sampleData() const
{
    if (!m_store)
        return {};
    const qint64 id = currentSampleSet();
    const QList<models::SampleSet> sets = m_store->sampleSets();
    for (const models::SampleSet &set : sets) {
        if (set.id == id)
            return set.data;
    }
    return {};
}

QHash<QString, QString> VariantPreview::snippets() const
{
    return m_store ? m_store->snippetValues() : QHash<QString, QString>{};
}

bool VariantPreview::isStrict() const
{
    return m_strict->isChecked();
}

void VariantPreview::setStrict(bool strict)
{
    m_strict->setChecked(strict);
}

void VariantPreview::setTexts(const QString &subject, const QString &preheader, const QString &body,
                              bool bodyIsText)
{
    if (subject == m_subject && preheader == m_preheader && body == m_body && bodyIsText == m_bodyIsText)
        return;
    m_subject = subject;
    m_preheader = preheader;
    m_body = body;
    m_bodyIsText = bodyIsText;
    if (!m_debounce->isActive() && !m_rendering && !m_waitingForLoad)
        m_sinceEdit.start(); // the first edit since the preview was last up to date
    m_debounce->start();
}

void VariantPreview::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_renderWhenShown)
        renderNow();
}

void VariantPreview::renderNow()
{
    m_debounce->stop();
    if (!isVisible()) {
        // A hidden preview (another tab, another section) waits: rendering would start WebEngine for
        // nothing, at start-up too.
        m_renderWhenShown = true;
        return;
    }
    m_renderWhenShown = false;
    if (!m_liquid)
        return; // the workspace closed
    if (m_rendering) {
        // One render at a time: the newest text goes next, the ones typed meanwhile never go.
        m_renderAgain = true;
        return;
    }
    if (!m_sinceEdit.isValid())
        m_sinceEdit.start();
    m_rendering = true;
    const liquid::JsonData data = sampleData();
    const QHash<QString, QString> allSnippets = snippets();
    const bool strict = isStrict();
    const QStringList fields{QStringLiteral("subject"), QStringLiteral("preheader"),
                             m_bodyIsText ? QStringLiteral("body_plain") : QStringLiteral("body")};
    QList<liquid::LiquidEngine::RenderRequest> requests{{m_subject, data, allSnippets, strict},
                                                        {m_preheader, data, allSnippets, strict},
                                                        {m_body, data, allSnippets, strict}};
    const bool bodyIsText = m_bodyIsText;
    m_liquid->renderMany(
        requests, this, [this, fields, bodyIsText](const QList<liquid::RenderResult> &results) {
            m_rendering = false;
            QList<PreviewProblem> problems;
            m_lastRenderMs = 0;
            for (int i = 0; i < results.size(); ++i) {
                m_lastRenderMs += results.at(i).renderMs;
                for (const liquid::LiquidError &error : results.at(i).errors)
                    problems.append({fields.value(i), error});
            }
            if (m_renderAgain) {
                m_renderAgain = false;
                renderNow();
                return;
            }
            // The subject and preheader are text: a recipient's client never interprets them as HTML.
            m_waitingForLoad = true;
            m_view->showEmail(results.value(0).output.simplified(), results.value(1).output.simplified(),
                              results.value(2).output, bodyIsText);
            if (!m_view->webView()) {
                // Not shown yet (no WebEngine view): nothing will load; the text is up to date anyway.
                shown(true);
            }
            emit rendered(problems);
        });
}

void VariantPreview::shown(bool ok)
{
    if (!m_waitingForLoad)
        return;
    m_waitingForLoad = false;
    if (ok && m_sinceEdit.isValid())
        m_lastUpdateMs = m_sinceEdit.elapsed();
    m_sinceEdit.invalidate();
    emit updated();
}

void VariantPreview::editSampleData()
{
    if (!m_store)
        return;
    SampleDataDialog dialog(m_store, this);
    if (const qint64 id = currentSampleSet())
        dialog.selectSet(id);
    dialog.exec();
    reloadSampleSets();
    renderNow();
}

} // namespace cio::ui
