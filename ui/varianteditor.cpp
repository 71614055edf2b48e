#include "ui/varianteditor.h"

#include "api/appapi.h"
#include "api/client.h"
#include "liquid/liquidengine.h"
#include "models/localstore.h"
#include "models/variantmatrixmodel.h"
#include "models/variantsaver.h"
#include "qa/qarunner.h"
#include "ui/codeeditor.h"
#include "ui/messagebox.h"
#include "ui/messagewidget.h"
#include "ui/preview/previewview.h"
#include "ui/preview/variantpreview.h"
#include "ui/qapanel.h"

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

QLabel *fieldLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setProperty("plainText", text);
    // Room for the modified marker, so the label does not jump or get cut when it appears.
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("● ") + text) + 4);
    return label;
}

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

VariantEditor::VariantEditor(api::Client *client, models::LocalStore *store, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_store(store)
    , m_saver(new models::VariantSaver(client, store, this))
    , m_draftTimer(new QTimer(this))
    , m_title(new QLabel(this))
    , m_message(new MessageWidget(this))
    , m_saveButton(new QPushButton(tr("&Save"), this))
    , m_revertButton(new QPushButton(tr("Revert to Server"), this))
    , m_undoButton(new QPushButton(tr("Undo Last Save"), this))
    , m_splitter(new QSplitter(this))
    , m_qa(new qa::QaRunner(liquid::LiquidEngine::instance(), this))
    , m_qaTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("variantEditor"));
    auto *back = new QPushButton(tr("← Variants"), this);
    back->setFlat(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_saveButton->setObjectName(QStringLiteral("saveVariant"));
    m_saveButton->setToolTip(tr("Save this variant (Ctrl+S)"));
    m_revertButton->setToolTip(tr("Discard your changes and load the server's current version"));
    m_undoButton->setToolTip(tr("Put back the version that the last save replaced"));
    back->setToolTip(tr("Back to the variants (Alt+Left or Esc); your changes stay as a draft"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setMinimumWidth(40);

    m_defaultToggle = new QPushButton(tr("Default"), this);
    m_defaultToggle->setObjectName(QStringLiteral("showDefault"));
    m_defaultToggle->setCheckable(true);
    m_defaultToggle->setToolTip(tr("Show the Default beside the translation"));
    m_detachButton = new QPushButton(tr("Detach Preview"), this);
    m_detachButton->setObjectName(QStringLiteral("detachPreview"));
    m_detachButton->setToolTip(tr("Show the preview and the quality checks in a window of their own"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(back);
    bar->addWidget(m_title, 1);
    bar->addWidget(m_defaultToggle);
    bar->addWidget(m_detachButton);
    bar->addWidget(m_undoButton);
    bar->addWidget(m_revertButton);
    bar->addWidget(m_saveButton);

    m_splitter->addWidget(buildDefaultPane());
    m_splitter->addWidget(buildEditPane());
    m_splitter->addWidget(buildSidePane());
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setObjectName(QStringLiteral("editorSplitter"));
    connect(m_splitter, &QSplitter::splitterMoved, this, &VariantEditor::saveLayout);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_splitter, 1);

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
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &VariantEditor::save);
}

VariantEditor::~VariantEditor()
{
    // Closing the window (or switching workspace) must not drop the last keystrokes. Nobody is left to
    // tell about it, and the pages that listen may already be gone.
    blockSignals(true);
    writeDraftNow();
}

QWidget *VariantEditor::buildDefaultPane()
{
    auto *pane = new QWidget(this);
    m_defaultTitle = new QLabel(pane);
    m_defaultTitle->setStyleSheet(QStringLiteral("font-weight:bold;"));
    m_defaultSubject = new QLabel(pane);
    m_defaultPreheader = new QLabel(pane);
    for (QLabel *l : {m_defaultSubject, m_defaultPreheader}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setTextFormat(Qt::PlainText);
    }
    m_defaultBody = new CodeEditor(pane);
    m_defaultBody->setReadOnly(true);
    m_defaultBody->setWrapMode(QsciScintilla::WrapNone); // line for line beside the translation
    auto *form = new QFormLayout;
    form->addRow(tr("Subject:"), m_defaultSubject);
    form->addRow(tr("Preheader:"), m_defaultPreheader);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_defaultTitle);
    layout->addLayout(form);
    layout->addWidget(m_defaultBody, 1);
    return pane;
}

QWidget *VariantEditor::buildEditPane()
{
    auto *pane = new QWidget(this);
    m_subject = new QLineEdit(pane);
    m_subject->setObjectName(QStringLiteral("subjectEdit"));
    m_preheader = new QLineEdit(pane);
    m_preheader->setObjectName(QStringLiteral("preheaderEdit"));
    m_recipient = new QLineEdit(pane);
    m_recipient->setObjectName(QStringLiteral("recipientEdit"));
    m_from = new QComboBox(pane);
    m_replyTo = new QComboBox(pane);
    // BCC and headers of an email variant cannot be changed through the API: shown, not editable.
    m_bcc = new QLineEdit(pane);
    m_bcc->setReadOnly(true);
    m_bcc->setObjectName(QStringLiteral("bccField"));
    m_bcc->setToolTip(tr("Read-only: the API does not change BCC of email variants"));
    m_headers = new QTableWidget(0, 2, pane);
    m_headers->setObjectName(QStringLiteral("headersTable"));
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headers->setMaximumHeight(90);
    m_headers->setToolTip(tr("Read-only: the API does not change headers of email variants"));
    m_bodyTabs = new QTabWidget(pane);
    m_bodyTabs->setDocumentMode(true);
    m_body = new CodeEditor(pane);
    m_body->setObjectName(QStringLiteral("bodyEdit"));
    m_body->setWrapMode(QsciScintilla::WrapNone); // scrolls line for line with the Default beside it
    m_bodyAmp = new CodeEditor(pane);
    m_bodyPlain = new CodeEditor(pane);
    m_bodyTabs->addTab(m_body, tr("HTML body"));
    m_bodyTabs->addTab(m_bodyAmp, tr("AMP body"));
    m_bodyTabs->addTab(m_bodyPlain, tr("Plain-text body"));

    // Find and replace in the body: a bar that Ctrl+F opens and Esc closes, so it takes no room
    // while nobody searches.
    m_findBar = new QWidget(pane);
    m_findBar->setObjectName(QStringLiteral("findBar"));
    m_find = new QLineEdit(m_findBar);
    m_find->setObjectName(QStringLiteral("findEdit"));
    m_find->setPlaceholderText(tr("Find in body (Enter: next)"));
    m_replace = new QLineEdit(m_findBar);
    m_replace->setPlaceholderText(tr("Replace with"));
    auto *replaceAll = new QPushButton(tr("Replace All"), m_findBar);
    auto *closeFind = new QToolButton(m_findBar);
    closeFind->setText(QStringLiteral("✕"));
    closeFind->setAutoRaise(true);
    closeFind->setToolTip(tr("Close the find bar (Esc)"));
    auto *findRow = new QHBoxLayout(m_findBar);
    findRow->setContentsMargins(0, 0, 0, 0);
    findRow->addWidget(m_find, 1);
    findRow->addWidget(m_replace, 1);
    findRow->addWidget(replaceAll);
    findRow->addWidget(closeFind);
    m_findBar->hide();
    auto *findButton = new QToolButton(pane);
    findButton->setText(tr("Find…"));
    findButton->setAutoRaise(true);
    findButton->setToolTip(tr("Find and replace in the body (Ctrl+F)"));
    m_bodyTabs->setCornerWidget(findButton, Qt::TopRightCorner);

    const QList<std::pair<QString, QString>> labels{{QStringLiteral("subject"), tr("Subject:")},
                                                    {QStringLiteral("preheader_text"), tr("Preheader:")},
                                                    {QStringLiteral("recipient"), tr("Recipient:")},
                                                    {QStringLiteral("from_id"), tr("From:")},
                                                    {QStringLiteral("reply_to_id"), tr("Reply-To:")}};
    QList<QWidget *> editors{m_subject, m_preheader, m_recipient, m_from, m_replyTo};
    // Subject and preheader are what translators change; the sender fields fold into one line.
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_senderFields = new QWidget(pane);
    m_senderFields->setObjectName(QStringLiteral("senderFields"));
    auto *senderForm = new QFormLayout(m_senderFields);
    senderForm->setContentsMargins(0, 0, 0, 0);
    senderForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (int i = 0; i < labels.size(); ++i) {
        QLabel *label = fieldLabel(labels[i].second, pane);
        m_markers.insert(labels[i].first, label);
        (i < 2 ? form : senderForm)->addRow(label, editors[i]);
    }
    senderForm->addRow(tr("BCC:"), m_bcc);
    senderForm->addRow(tr("Headers:"), m_headers);
    m_senderToggle = new QToolButton(pane);
    m_senderToggle->setObjectName(QStringLiteral("senderToggle"));
    m_senderToggle->setCheckable(true);
    m_senderToggle->setAutoRaise(true);
    m_senderToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_senderToggle->setArrowType(Qt::RightArrow);
    m_senderToggle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_senderToggle->setToolTip(tr("Show or hide the recipient, sender, BCC and header fields"));
    m_senderFields->hide();
    connect(m_senderToggle, &QToolButton::toggled, this, [this](bool on) {
        setSenderFieldsExpanded(on);
        QSettings().setValue(QStringLiteral("editor/senderFieldsExpanded"), on);
    });

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(form);
    layout->addWidget(m_senderToggle);
    layout->addWidget(m_senderFields);
    layout->addWidget(m_findBar);
    layout->addWidget(m_bodyTabs, 1);

    for (QLineEdit *edit : {m_subject, m_preheader, m_recipient})
        connect(edit, &QLineEdit::textChanged, this, &VariantEditor::fieldEdited);
    for (QComboBox *combo : {m_from, m_replyTo})
        connect(combo, &QComboBox::currentIndexChanged, this, &VariantEditor::fieldEdited);
    for (CodeEditor *editor : {m_body, m_bodyAmp, m_bodyPlain})
        connect(editor, &QsciScintilla::textChanged, this, &VariantEditor::fieldEdited);
    connect(findButton, &QToolButton::clicked, this, &VariantEditor::showFindBar);
    connect(closeFind, &QToolButton::clicked, m_findBar, &QWidget::hide);
    connect(m_find, &QLineEdit::returnPressed, this, [this] {
        if (!m_body->findNext(m_find->text()))
            m_message->showMessage(tr("“%1” is not in the body.").arg(m_find->text()),
                                   MessageWidget::Type::Information);
    });
    connect(replaceAll, &QPushButton::clicked, this, [this] {
        const int n = m_body->replaceAll(m_find->text(), m_replace->text());
        m_message->showMessage(tr("Replaced %n occurrence(s).", nullptr, n),
                               MessageWidget::Type::Information);
    });
    // The Default's body and the translation's scroll together, whichever one is scrolled.
    const auto inStep = [this](CodeEditor *from, CodeEditor *to) {
        if (m_scrollingInStep)
            return;
        m_scrollingInStep = true;
        to->setFirstVisibleLine(from->firstVisibleLine());
        m_scrollingInStep = false;
    };
    connect(m_body->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this, inStep] { inStep(m_body, m_defaultBody); });
    connect(m_defaultBody->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this, inStep] { inStep(m_defaultBody, m_body); });
    return pane;
}

void VariantEditor::showFindBar()
{
    m_findBar->show();
    m_find->setFocus(Qt::ShortcutFocusReason);
    m_find->selectAll();
}

void VariantEditor::setSenderFieldsExpanded(bool expanded)
{
    const QSignalBlocker blocker(m_senderToggle);
    m_senderToggle->setChecked(expanded);
    m_senderToggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_senderFields->setVisible(expanded);
}

void VariantEditor::updateSenderSummary()
{
    const QJsonObject c = changes();
    const bool changed = c.contains(QLatin1String("recipient")) || c.contains(QLatin1String("from_id")) ||
                         c.contains(QLatin1String("reply_to_id"));
    QStringList parts;
    parts << tr("From: %1").arg(m_from->currentText());
    if (m_replyTo->currentData().toLongLong() > 0)
        parts << tr("Reply-To: %1").arg(m_replyTo->currentText());
    parts << tr("To: %1").arg(m_recipient->text().isEmpty() ? tr("(default)") : m_recipient->text());
    const QString summary = parts.join(QStringLiteral(" · "));
    m_senderToggle->setText((changed ? QStringLiteral("● ") : QString()) + summary);
    m_senderToggle->setToolTip(summary + QLatin1Char('\n') +
                               tr("Show or hide the recipient, sender, BCC and header fields"));
}

void VariantEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_sized)
        return;
    m_sized = true;
    restoreLayout();
}

void VariantEditor::restoreLayout()
{
    QSettings settings;
    const QByteArray state = settings.value(QStringLiteral("editor/splitter")).toByteArray();
    if (state.isEmpty() || !m_splitter->restoreState(state)) {
        // Once the real width is known: the Default narrower, the translation and the preview alike.
        const int width = m_splitter->width();
        m_splitter->setSizes({width * 26 / 100, width * 37 / 100, width * 37 / 100});
    }
    // Side by side only where there is room for three readable panes, unless the user chose.
    const bool wide = window()->width() >= 1500;
    const QSignalBlocker blocker(m_defaultToggle);
    m_defaultToggle->setChecked(settings.value(QStringLiteral("editor/showDefault"), wide).toBool());
    setDefaultVisible(m_defaultToggle->isChecked());
    setSenderFieldsExpanded(settings.value(QStringLiteral("editor/senderFieldsExpanded"), false).toBool());
    if (settings.value(QStringLiteral("editor/previewDetached"), false).toBool())
        setPreviewDetached(true);
}

void VariantEditor::saveLayout()
{
    QSettings().setValue(QStringLiteral("editor/splitter"), m_splitter->saveState());
}

bool VariantEditor::isDefaultVisible() const
{
    return m_splitter->widget(0)->isVisibleTo(m_splitter);
}

void VariantEditor::setDefaultVisible(bool visible)
{
    const bool isDefault = m_base.language.isEmpty() || m_default.id == 0 || m_default.id == m_base.id;
    m_defaultToggle->setEnabled(!isDefault);
    {
        const QSignalBlocker blocker(m_defaultToggle);
        m_defaultToggle->setChecked(visible);
    }
    m_splitter->widget(0)->setVisible(visible && !isDefault);
}

void VariantEditor::setPreviewDetached(bool detached)
{
    if (detached == isPreviewDetached())
        return;
    QSettings().setValue(QStringLiteral("editor/previewDetached"), detached);
    if (detached) {
        m_previewWindow = new QWidget(this, Qt::Window);
        m_previewWindow->setObjectName(QStringLiteral("previewWindow"));
        m_previewWindow->setAttribute(Qt::WA_QuitOnClose, false);
        m_previewWindow->setWindowTitle(tr("Preview — %1").arg(m_title->text()));
        auto *layout = new QVBoxLayout(m_previewWindow);
        layout->setContentsMargins(4, 4, 4, 4);
        layout->addWidget(m_sideTabs);
        m_sideTabs->show();
        m_previewWindow->installEventFilter(this);
        // Beside the main window where the screen allows, never larger than the screen.
        const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1024, 700);
        const QSize size(qMin(720, screen.width() - 40), qMin(900, screen.height() - 60));
        m_previewWindow->resize(size);
        m_previewWindow->move(screen.right() - size.width() - 20, screen.top() + 30);
        m_previewWindow->show();
        m_detachButton->setText(tr("Attach Preview"));
        m_detachButton->setToolTip(tr("Put the preview back beside the editor"));
    } else {
        QWidget *window = m_previewWindow;
        m_previewWindow = nullptr;
        m_splitter->insertWidget(2, m_sideTabs);
        m_sideTabs->show();
        // Back to the sizes it had beside the editor (or a fair share), not whatever Qt picks.
        const QByteArray state = QSettings().value(QStringLiteral("editor/splitter")).toByteArray();
        if (state.isEmpty() || !m_splitter->restoreState(state)) {
            const int width = m_splitter->width();
            m_splitter->setSizes({width * 26 / 100, width * 37 / 100, width * 37 / 100});
        }
        window->removeEventFilter(this);
        window->deleteLater();
        m_detachButton->setText(tr("Detach Preview"));
        m_detachButton->setToolTip(tr("Show the preview and the quality checks in a window of their own"));
    }
}

bool VariantEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_previewWindow && event->type() == QEvent::Close) {
        // Closing the preview's window puts the preview back, it never goes away.
        event->ignore();
        QTimer::singleShot(0, this, [this] { setPreviewDetached(false); });
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QWidget *VariantEditor::buildSidePane()
{
    m_sideTabs = new QTabWidget(this);
    m_sideTabs->setObjectName(QStringLiteral("editorSideTabs"));
    m_preview = new VariantPreview(m_store, m_sideTabs);
    m_qaPanel = new QaPanel(m_sideTabs);
    m_sideTabs->addTab(m_preview, tr("Preview"));
    m_sideTabs->addTab(m_qaPanel, tr("Quality"));
    connect(m_qaPanel, &QaPanel::findingActivated, this, &VariantEditor::showFinding);
    // Another sample-data set or strict/lax changes what the render checks find.
    connect(m_preview, &VariantPreview::rendered, this, [this] { m_qaTimer->start(); });
    connect(m_bodyTabs, &QTabWidget::currentChanged, this, &VariantEditor::updatePreview);
    return m_sideTabs;
}

api::Content VariantEditor::currentContent() const
{
    api::Content c = m_base;
    c.subject = m_subject->text();
    c.preheaderText = m_preheader->text();
    c.recipient = m_recipient->text();
    c.body = m_body->text();
    c.bodyAmp = m_bodyAmp->text();
    c.bodyPlain = m_bodyPlain->text();
    return c;
}

void VariantEditor::updatePreview()
{
    if (m_loading || !m_preview)
        return;
    // The preview follows the body being edited: the plain-text one as text, the others as HTML.
    const int tab = m_bodyTabs->currentIndex();
    const QString body = tab == 1 ? m_bodyAmp->text() : tab == 2 ? m_bodyPlain->text() : m_body->text();
    m_preview->setTexts(m_subject->text(), m_preheader->text(), body, tab == 2);
}

void VariantEditor::runQualityChecks()
{
    m_qaTimer->stop();
    if (m_base.id == 0)
        return;
    qa::QaContext context;
    context.sampleData = m_preview->sampleData();
    context.snippets = m_preview->snippets();
    context.strict = m_preview->isStrict();
    const bool isDefault = m_base.language.isEmpty() || m_default.id == 0 || m_default.id == m_base.id;
    const std::optional<api::Content> defaultVariant =
        isDefault ? std::nullopt : std::optional<api::Content>(m_default);
    const quint64 generation = ++m_qaGeneration;
    m_qaPanel->setChecking(true);
    m_qa->checkVariant(currentContent(), defaultVariant, context, this,
                       [this, generation](const QList<qa::Finding> &findings) {
                           if (generation != m_qaGeneration)
                               return; // an older text's answer
                           checksDone(findings);
                       });
}

void VariantEditor::checksDone(const QList<qa::Finding> &findings)
{
    m_findings = findings;
    m_qaPanel->setFindings(findings);
    const int errors = qa::errorCount(findings);
    const int warnings = qa::warningCount(findings);
    m_sideTabs->setTabText(1, errors     ? tr("Quality (%n error(s))", nullptr, errors)
                              : warnings ? tr("Quality (%n warning(s))", nullptr, warnings)
                                         : tr("Quality"));
    emit qualityChecked(m_base.id, errors, warnings);
    if (m_saveAfterChecks) {
        m_saveAfterChecks = false;
        // Out of the renderer's callback first: saving may ask the user (a nested event loop).
        QTimer::singleShot(0, this, &VariantEditor::saveChecked);
    }
}

void VariantEditor::showFinding(const qa::Finding &finding)
{
    const auto place = [&finding](QLineEdit *edit) {
        edit->setFocus(Qt::OtherFocusReason);
        if (finding.column > 0)
            edit->setCursorPosition(finding.column - 1);
    };
    if (finding.field == QLatin1String("subject"))
        return place(m_subject);
    if (finding.field == QLatin1String("preheader"))
        return place(m_preheader);
    CodeEditor *editor = nullptr;
    if (finding.field == QLatin1String("body"))
        editor = m_body;
    else if (finding.field == QLatin1String("body_amp"))
        editor = m_bodyAmp;
    else if (finding.field == QLatin1String("body_plain"))
        editor = m_bodyPlain;
    if (!editor)
        return;
    m_bodyTabs->setCurrentWidget(editor);
    const int line = qMax(0, finding.line - 1);
    editor->setCursorPosition(line, qMax(0, finding.column - 1));
    editor->ensureLineVisible(line);
    editor->setFocus(Qt::OtherFocusReason);
}

void VariantEditor::setCompletionWords(const QStringList &words)
{
    for (CodeEditor *editor : {m_body, m_bodyAmp, m_bodyPlain})
        editor->setCompletionWords(words);
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
    if (!m_client || m_from->count() > 2)
        return;
    api::AppApi(m_client).senderIdentities(
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
