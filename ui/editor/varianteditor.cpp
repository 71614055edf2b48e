// VariantEditor: the variant being edited — opening, the fields, drafts, closing. The panes around the
// fields (the Default, the preview and QA side, the layout) are in varianteditorpanes.cpp; saving is in
// varianteditorsave.cpp.
#include "ui/editor/varianteditor.h"

#include "models/newsletters/newsletterservice.h"
#include "models/store/localstore.h"
#include "models/variants/variantmatrixmodel.h"
#include "models/variants/variantsaver.h"
#include "models/workspacesession.h"
#include "qa/qarunner.h"
#include "ui/common/codeeditor.h"
#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/editor/qapanel.h"
#include "ui/preview/previewview.h"
#include "ui/preview/variantpreview.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QKeyEvent>
#include <QScreen>
#include <QSettings>
#include <QToolButton>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cio::ui {

namespace {

// Every keystroke reaches the draft store within this time, also while typing on without a pause (the
// timer is not restarted by later keystrokes): a crash loses at most the last 150 ms of typing, with
// room to spare for the 300 ms promise on a busy machine.
constexpr int DraftDelayMs = 150;
constexpr int QaDelayMs = 600;    // the checks follow typing a little behind the preview

// The contract's channel names, as the people who use them say them.
QString channelLabel(const QString &channel)
{
    if (channel == QLatin1String("push"))
        return VariantEditor::tr("push notification");
    if (channel == QLatin1String("twilio"))
        return VariantEditor::tr("SMS");
    if (channel == QLatin1String("webhook"))
        return VariantEditor::tr("webhook");
    if (channel == QLatin1String("in_app"))
        return VariantEditor::tr("in-app message");
    if (channel == QLatin1String("inbox"))
        return VariantEditor::tr("inbox message");
    return channel;
}

QJsonValue idValue(const QComboBox *combo)
{
    const QVariant v = combo->currentData();
    return v.isValid() && v.toLongLong() > 0 ? QJsonValue(v.toLongLong()) : QJsonValue(QJsonValue::Null);
}

} // namespace

VariantEditor::VariantEditor(models::WorkspaceSession *session, QWidget *parent)
    : EditorFrame(parent)
    , m_session(session)
    , m_store(session->store())
    , m_saver(new models::VariantSaver(session->client(), session->store(), this))
    , m_draftTimer(new QTimer(this))
    , m_title(titleLabel())
    , m_message(message())
    , m_saveButton(new QPushButton(tr("&Save"), this))
    , m_revertButton(new QPushButton(tr("Revert to Server"), this))
    , m_undoButton(new QPushButton(tr("Undo Last Save"), this))
    , m_splitter(new QSplitter(this))
    , m_qa(new qa::QaRunner(session->liquid(), this))
    , m_qaTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("variantEditor"));
    auto *back = new QPushButton(tr("← Variants"), this);
    back->setFlat(true);
    m_saveButton->setObjectName(QStringLiteral("saveVariant"));
    m_saveButton->setToolTip(tr("Save this variant (Ctrl+S)"));
    m_revertButton->setToolTip(tr("Discard your changes and load the server's current version"));
    m_undoButton->setToolTip(tr("Put back the version that the last save replaced"));
    back->setToolTip(tr("Back to the variants (Alt+Left or Esc); your changes stay as a draft"));

    m_defaultToggle = new QPushButton(tr("Default"), this);
    m_defaultToggle->setObjectName(QStringLiteral("showDefault"));
    m_defaultToggle->setCheckable(true);
    m_defaultToggle->setToolTip(tr("Show the Default beside the translation"));
    m_detachButton = new QPushButton(tr("Detach Preview"), this);
    m_detachButton->setObjectName(QStringLiteral("detachPreview"));
    m_detachButton->setToolTip(tr("Show the preview and the quality checks in a window of their own"));

    addLeading(back);
    for (QPushButton *button : {m_defaultToggle, m_detachButton, m_undoButton, m_revertButton, m_saveButton})
        addButton(button);

    m_splitter->addWidget(buildDefaultPane());
    m_splitter->addWidget(buildEditPane());
    m_splitter->addWidget(buildSidePane());
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setObjectName(QStringLiteral("editorSplitter"));
    connect(m_splitter, &QSplitter::splitterMoved, this, &VariantEditor::saveLayout);

    addContent(m_splitter, 1);
    // A page of its own, so the usual space around it (the frame itself has none).
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    layout()->setContentsMargins(margin, margin, margin, margin);

    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(DraftDelayMs);
    connect(m_draftTimer, &QTimer::timeout, this, &VariantEditor::writeDraftNow);
    m_qaTimer->setSingleShot(true);
    m_qaTimer->setInterval(QaDelayMs);
    connect(m_qaTimer, &QTimer::timeout, this, &VariantEditor::runQualityChecks);
    const auto goBack = [this] {
        if (m_findBar && m_findBar->isVisible() && m_findBar->isAncestorOf(QApplication::focusWidget())) {
            m_findBar->hide(); // Esc in the find bar closes the bar, not the editor
            m_body->setFocus(Qt::ShortcutFocusReason);
            return;
        }
        if (requestClose())
            emit closeRequested();
    };
    connect(back, &QPushButton::clicked, this, goBack);
    for (const QKeySequence &key : {QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence(Qt::Key_Escape)}) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, goBack);
    }
    auto *findShortcut = new QShortcut(QKeySequence::Find, this);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findShortcut, &QShortcut::activated, this, &VariantEditor::showFindBar);
    connect(m_defaultToggle, &QPushButton::toggled, this, [this](bool on) {
        setDefaultVisible(on);
        QSettings().setValue(QStringLiteral("editor/showDefault"), on);
    });
    connect(m_detachButton, &QPushButton::clicked, this,
            [this] { setPreviewDetached(!isPreviewDetached()); });
    connect(m_saveButton, &QPushButton::clicked, this, &VariantEditor::save);
    connect(m_message, &MessageWidget::actionTriggered, this, &VariantEditor::messageActionTriggered);
    connect(m_revertButton, &QPushButton::clicked, this, &VariantEditor::revertToServer);
    connect(m_undoButton, &QPushButton::clicked, this, &VariantEditor::undoLastSave);
    connect(this, &EditorFrame::saveRequested, this, &VariantEditor::save);
}

VariantEditor::~VariantEditor()
{
    // Closing the window (or switching workspace) must not drop the last keystrokes. Nobody is left to
    // tell about it, and the pages that listen may already be gone.
    blockSignals(true);
    writeDraftNow();
}

void VariantEditor::open(api::Content variant, api::Content defaultVariant, QList<api::TestGroup> groups,
                         bool readOnly)
{
    writeDraftNow();
    // Push, SMS, webhook and in-app variants are shown as they are: the editor's fields are an email's.
    const bool workspaceReadOnly = readOnly;
    readOnly = readOnly || !variant.isEmail();
    m_base = variant;
    m_default = defaultVariant;
    m_groups = groups;
    m_readOnly = readOnly;
    m_address = models::VariantAddress::forVariant(variant, groups);
    m_message->hideMessage();
    m_pendingBodyRefusal = false;
    // Each variant starts with its own find bar and no leftovers of the previous one.
    m_find->clear();
    m_replace->clear();
    m_findBar->hide();
    m_bodyTabs->setCurrentIndex(0);

    const QString language = models::VariantMatrixModel::languageName(variant.language);
    m_title->setText(tr("%1 · content %2").arg(language).arg(variant.id));
    if (m_previewWindow)
        m_previewWindow->setWindowTitle(tr("Preview — %1").arg(m_title->text()));
    const bool isDefault = variant.language.isEmpty() || defaultVariant.id == 0;
    if (!isDefault)
        showDefault(defaultVariant, tr("Default (read-only)"));
    setDefaultVisible(m_defaultToggle->isChecked());

    QJsonObject draftFields;
    if (m_store) {
        if (const auto draft = m_store->draft(variant.id)) {
            draftFields = draft->fields;
            // The draft was made on top of the version it started from; keep that as the base, so the
            // conflict check on save compares with what the user really saw.
            m_base = draft->base;
            m_message->showMessage(
                tr("Your unsaved changes from %1 were restored. Save them, or revert to "
                   "the server's version.")
                    .arg(QLocale().toString(draft->savedAt.toLocalTime(), QLocale::ShortFormat)),
                MessageWidget::Type::Information);
        }
    }
    loadFields(m_base, draftFields);
    // Every variant starts at its top left, whatever the previous one was scrolled to.
    for (CodeEditor *editor : {m_body, m_bodyAmp, m_bodyPlain, m_defaultBody}) {
        editor->setFirstVisibleLine(0);
        editor->SendScintilla(QsciScintillaBase::SCI_SETXOFFSET, 0L);
    }
    for (QWidget *w : std::initializer_list<QWidget *>{m_subject, m_preheader, m_recipient})
        static_cast<QLineEdit *>(w)->setReadOnly(readOnly);
    for (CodeEditor *editor : {m_body, m_bodyAmp, m_bodyPlain})
        editor->setReadOnly(readOnly);
    if (readOnly)
        m_bodyLocked = false;
    m_from->setEnabled(!readOnly);
    m_replyTo->setEnabled(!readOnly);
    m_saveButton->setEnabled(!readOnly);
    m_undoButton->setEnabled(!readOnly);
    if (workspaceReadOnly)
        m_message->showMessage(
            tr("This workspace is read-only: you can read this variant but not change it."),
            MessageWidget::Type::Warning);
    else if (readOnly)
        m_message->showMessage(tr("This is a %1 variant. cio-studio edits email variants; you can read this "
                                  "one here and change it in Customer.io.")
                                   .arg(channelLabel(variant.channel())),
                               MessageWidget::Type::Warning);
    loadSenders();
    m_bodyLocked = false;
    if (!readOnly && m_store) {
        const QString locked = m_store->bodyLockedReason(variant.id);
        if (!locked.isEmpty())
            lockBody(locked, true);
    }
    updateMarkers();
    m_findings.clear();
    m_qaPanel->setFindings({});
    m_preview->setLanguage(variant.language);
    updatePreview();
    runQualityChecks();
}

void VariantEditor::showDefault(const api::Content &content, const QString &title)
{
    m_defaultTitle->setText(title);
    m_defaultSubject->setText(content.subject);
    m_defaultPreheader->setText(content.preheaderText);
    m_defaultBody->setReadOnly(false);
    m_defaultBody->setText(content.body);
    m_defaultBody->setReadOnly(true);
}

void VariantEditor::loadFields(const api::Content &content, const QJsonObject &overrides)
{
    m_loading = true;
    const auto text = [&](const char *field, const QString &fallback) {
        const QString key = QLatin1String(field);
        return overrides.contains(key) ? overrides.value(key).toString() : fallback;
    };
    m_subject->setText(text("subject", content.subject));
    m_preheader->setText(text("preheader_text", content.preheaderText));
    m_recipient->setText(text("recipient", content.recipient));
    // A long subject opens at its start, not scrolled to its end.
    for (QLineEdit *edit : {m_subject, m_preheader, m_recipient})
        edit->setCursorPosition(0);
    m_body->setText(text("body", content.body));
    m_bodyAmp->setText(text("body_amp", content.bodyAmp));
    m_bodyPlain->setText(text("body_plain", content.bodyPlain));
    const auto pick = [&](QComboBox *combo, const char *field, std::optional<qint64> fallback) {
        const QString key = QLatin1String(field);
        const qint64 id = overrides.contains(key) ? overrides.value(key).toInteger() : fallback.value_or(0);
        int index = combo->findData(id);
        if (index < 0) {
            combo->addItem(id > 0 ? tr("Sender %1").arg(id) : tr("(none)"), id);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
    };
    m_bcc->setText(content.bcc);
    m_bcc->setPlaceholderText(tr("(none)"));
    m_headers->setRowCount(int(content.headers.size()));
    for (int row = 0; row < content.headers.size(); ++row) {
        m_headers->setItem(row, 0, new QTableWidgetItem(content.headers.at(row).name));
        m_headers->setItem(row, 1, new QTableWidgetItem(content.headers.at(row).value));
    }
    pick(m_from, "from_id", content.fromId);
    pick(m_replyTo, "reply_to_id", content.replyToId);
    m_loading = false;
}

QJsonObject VariantEditor::changes() const
{
    QJsonObject c;
    const auto diff = [&c](const char *field, const QString &now, const QString &was) {
        if (now != was)
            c.insert(QLatin1String(field), now);
    };
    diff("subject", m_subject->text(), m_base.subject);
    diff("preheader_text", m_preheader->text(), m_base.preheaderText);
    diff("recipient", m_recipient->text(), m_base.recipient);
    diff("body", m_body->text(), m_base.body);
    diff("body_amp", m_bodyAmp->text(), m_base.bodyAmp);
    diff("body_plain", m_bodyPlain->text(), m_base.bodyPlain);
    if (m_from->count() > 0 && m_from->currentData().toLongLong() != m_base.fromId.value_or(0))
        c.insert(QStringLiteral("from_id"), idValue(m_from));
    if (m_replyTo->count() > 0 && m_replyTo->currentData().toLongLong() != m_base.replyToId.value_or(0))
        c.insert(QStringLiteral("reply_to_id"), idValue(m_replyTo));
    return c;
}

QJsonObject VariantEditor::saveableChanges() const
{
    QJsonObject c = changes();
    if (m_bodyLocked)
        c.remove(QStringLiteral("body")); // kept in the draft, never sent: the API refuses it
    return c;
}

void VariantEditor::showContent(const api::Content &content, const QJsonObject &overrides)
{
    loadFields(content, overrides);
    updateMarkers();
    updatePreview();
    runQualityChecks();
}

void VariantEditor::closeVariant()
{
    writeDraftNow();
    m_qaTimer->stop();
    ++m_qaGeneration; // a check still under way has nobody to report to
    m_saveAfterChecks = false;
    m_base = {};
    m_default = {};
    m_bodyLocked = false;
    m_pendingBodyRefusal = false;
    loadFields(m_base, {});
    updateMarkers();
}

bool VariantEditor::requestClose()
{
    if (m_readOnly || m_base.id == 0 || !isModified()) {
        writeDraftNow();
        return true;
    }
    const QString language = models::VariantMatrixModel::languageName(m_base.language);
    const auto answer = MessageBox::question(
        this, tr("Unsaved Changes"),
        tr("%1 has changes that are not saved to Customer.io yet (%2).\n\nThey stay on this computer as "
           "a draft either way; you can save them later, also all at once with “Save All Drafts”.")
            .arg(language, models::VariantSaver::fieldLabels(changes().keys()).join(QStringLiteral(", "))),
        QMessageBox::Save | QMessageBox::No | QMessageBox::Cancel, QMessageBox::No,
        {{QMessageBox::No, tr("Keep as Draft")}, {QMessageBox::Cancel, tr("Stay Here")}});
    if (answer == QMessageBox::Cancel)
        return false;
    writeDraftNow();
    if (answer == QMessageBox::Save && !saveableChanges().isEmpty()) {
        // The latest checks stand between errors and the server here too.
        const int errors = qa::errorCount(m_findings);
        if (errors > 0 &&
            MessageBox::question(this, tr("Save Despite Errors?"),
                                 tr("The quality checks found %n error(s) in this variant. Save it anyway? "
                                    "Otherwise it stays a draft.",
                                    nullptr, errors),
                                 QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Save)
            return true;
        // Finishes in the background; the result reaches the store and the matrix after the editor closed.
        sendSave(m_base, false);
    }
    return true;
}

void VariantEditor::fieldEdited()
{
    if (m_loading)
        return;
    updateMarkers();
    if (!m_draftTimer->isActive())
        m_draftTimer->start();
    updatePreview();
    m_qaTimer->start();
}

void VariantEditor::updateMarkers()
{
    const QJsonObject c = changes();
    for (auto it = m_markers.begin(); it != m_markers.end(); ++it) {
        const QString plain = it.value()->property("plainText").toString();
        it.value()->setText(c.contains(it.key()) ? QStringLiteral("● ") + plain : plain);
        it.value()->setToolTip(c.contains(it.key()) ? tr("Changed, not saved yet") : QString());
    }
    const QStringList bodies{QStringLiteral("body"), QStringLiteral("body_amp"),
                             QStringLiteral("body_plain")};
    const QStringList names{tr("HTML body"), tr("AMP body"), tr("Plain-text body")};
    for (int i = 0; i < bodies.size(); ++i)
        m_bodyTabs->setTabText(i, c.contains(bodies[i]) ? QStringLiteral("● ") + names[i] : names[i]);
    setModified(!c.isEmpty());
    updateSenderSummary();
}

void VariantEditor::writeDraftNow()
{
    m_draftTimer->stop();
    if (!m_store || m_base.id == 0 || m_readOnly)
        return;
    const QJsonObject c = changes();
    if (c.isEmpty()) {
        if (m_store->draft(m_base.id) && m_store->discardDraft(m_base.id))
            emit draftChanged(m_base.id);
        return;
    }
    models::Draft draft;
    draft.contentId = m_base.id;
    draft.newsletterId = m_base.newsletterId;
    draft.fields = c;
    draft.base = m_base;
    draft.savedAt = QDateTime::currentDateTimeUtc();
    if (!m_store->saveDraft(draft))
        m_message->showMessage(
            tr("Your changes could not be kept as a local draft (the disk may be full). Save "
               "soon, or copy your text somewhere safe."),
            MessageWidget::Type::Error);
    emit draftChanged(m_base.id);
}

void VariantEditor::loadSenders()
{
    if (m_from->count() > 2)
        return;
    m_session->newsletters()->senders(
        this, [this](const QList<api::SenderIdentity> &senders, const api::Error &error) {
            if (error.isError())
                return; // the ids stay selectable as they are; nothing the user typed depends on the names
            m_loading = true;
            for (QComboBox *combo : {m_from, m_replyTo}) {
                const qint64 current = combo->currentData().toLongLong();
                combo->clear();
                if (combo == m_replyTo)
                    combo->addItem(tr("(same as From)"), qint64(0));
                for (const api::SenderIdentity &s : senders) {
                    if (!s.hidden || s.id == current)
                        combo->addItem(s.address.isEmpty() ? s.email : s.address, s.id);
                }
                const int index = combo->findData(current);
                if (index >= 0)
                    combo->setCurrentIndex(index);
                else if (current > 0)
                    combo->addItem(tr("Sender %1").arg(current), current),
                        combo->setCurrentIndex(combo->count() - 1);
            }
            m_loading = false;
            updateMarkers();
        });
}

void VariantEditor::setBusy(bool busy)
{
    m_saveButton->setEnabled(!busy && !m_readOnly);
    m_revertButton->setEnabled(!busy);
    m_undoButton->setEnabled(!busy && !m_readOnly);
    m_saveButton->setText(busy ? tr("Saving…") : tr("&Save"));
}

} // namespace cio::ui
