// VariantEditor: the panes around the fields — the Default beside them, the preview and quality checks,
// the find bar, the sender fields, and the layout that is remembered.
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
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cio::ui {

namespace {

QLabel *fieldLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setProperty("plainText", text);
    // Room for the modified marker, so the label does not jump or get cut when it appears.
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("● ") + text) + 4);
    return label;
}

} // namespace

QWidget *VariantEditor::buildDefaultPane()
{
    auto *pane = new QWidget(this);
    m_defaultTitle = new QLabel(pane);
    QFont titleFont = m_defaultTitle->font();
    titleFont.setBold(true);
    m_defaultTitle->setFont(titleFont);
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
    buildFields(pane);
    const FindButtons find = buildFindBar(pane);
    QFormLayout *form = buildFieldForms(pane);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(form);
    layout->addWidget(m_senderToggle);
    layout->addWidget(m_senderFields);
    layout->addWidget(m_findBar);
    layout->addWidget(m_bodyTabs, 1);

    connectEditPane(find);
    return pane;
}

// The editors of every field, the bodies in tabs.
void VariantEditor::buildFields(QWidget *pane)
{
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
}

VariantEditor::FindButtons VariantEditor::buildFindBar(QWidget *pane)
{
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
    return {findButton, closeFind, replaceAll};
}

// Subject and preheader in one form; the sender fields in another, behind a toggle. Returns the first.
QFormLayout *VariantEditor::buildFieldForms(QWidget *pane)
{
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
    return form;
}

void VariantEditor::connectEditPane(const FindButtons &find)
{
    for (QLineEdit *edit : {m_subject, m_preheader, m_recipient})
        connect(edit, &QLineEdit::textChanged, this, &VariantEditor::fieldEdited);
    for (QComboBox *combo : {m_from, m_replyTo})
        connect(combo, &QComboBox::currentIndexChanged, this, &VariantEditor::fieldEdited);
    for (CodeEditor *editor : {m_body, m_bodyAmp, m_bodyPlain})
        connect(editor, &QsciScintilla::textChanged, this, &VariantEditor::fieldEdited);
    connect(find.open, &QToolButton::clicked, this, &VariantEditor::showFindBar);
    connect(find.close, &QToolButton::clicked, m_findBar, &QWidget::hide);
    connect(m_find, &QLineEdit::returnPressed, this, [this] {
        if (!m_body->findNext(m_find->text()))
            m_message->showMessage(tr("“%1” is not in the body.").arg(m_find->text()),
                                   MessageWidget::Type::Information);
    });
    connect(find.replaceAll, &QPushButton::clicked, this, [this] {
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
    m_preview = new VariantPreview(m_session, m_sideTabs);
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

} // namespace cio::ui
