// SampleDataDialog: the list of sets and the editor (the actions on sets: sampledatadialogactions.cpp).
#include "ui/preview/sampledatadialog.h"
#include "ui/preview/sampledatadialog_p.h"

#include "models/common/theme.h"
#include "models/preview/sampledata.h"
#include "ui/common/codeeditor.h"
#include "ui/common/editorframe.h"
#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/common/windowgeometry.h"

#include <Qsci/qscilexerjson.h>

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace cio::ui {

using models::SampleSet;
using sampledata::findSet;
using sampledata::storable;

namespace {

enum Role
{
    IdRole = Qt::UserRole + 1,
    LanguageRole,
    DefaultRole,
    NewRole,
};

// One row of the set list: the name, its language in grey, and a "Default" tag at the right.
class SetDelegate final : public QStyledItemDelegate
{
public:
    SetDelegate(const QString &defaultTag, const QString &newTag, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_defaultTag(defaultTag)
        , m_newTag(newTag)
    {}

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString name = opt.text;
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background and focus only

        const bool selected = opt.state.testFlag(QStyle::State_Selected);
        const QPalette::ColorGroup group =
            opt.state.testFlag(QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
        const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        QColor grey = text;
        grey.setAlphaF(0.55f); // reads as grey on the plain and the highlighted background alike

        QRect rest = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(4, 0, -4, 0);
        painter->save();
        if (index.data(DefaultRole).toBool()) {
            QFont bold = opt.font;
            bold.setBold(true);
            const int width = QFontMetrics(bold).horizontalAdvance(m_defaultTag);
            painter->setFont(bold);
            painter->setPen(selected ? text : opt.palette.color(group, QPalette::Link));
            painter->drawText(rest, Qt::AlignVCenter | Qt::AlignRight, m_defaultTag);
            rest.setRight(rest.right() - width - 8);
        }
        const QFontMetrics metrics(opt.font);
        const QString shownName = metrics.elidedText(name, Qt::ElideRight, rest.width());
        painter->setFont(opt.font);
        painter->setPen(text);
        painter->drawText(rest, Qt::AlignVCenter | Qt::AlignLeft, shownName);

        QString detail = index.data(LanguageRole).toString();
        if (index.data(NewRole).toBool())
            detail = detail.isEmpty() ? m_newTag : detail + QLatin1String(" · ") + m_newTag;
        const int used =
            metrics.horizontalAdvance(shownName) + metrics.horizontalAdvance(QLatin1Char(' ')) * 2;
        if (!detail.isEmpty() && used < rest.width()) {
            painter->setPen(grey);
            painter->drawText(rest.adjusted(used, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                              metrics.elidedText(detail, Qt::ElideRight, rest.width() - used));
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index) + QSize(0, 8);
    }

private:
    QString m_defaultTag;
    QString m_newTag;
};

bool sameSet(const SampleSet &a, const SampleSet &b)
{
    return a.id == b.id && a.name == b.name && a.language == b.language && a.data == b.data &&
           a.isDefault == b.isDefault;
}

// The set as the user wrote it; data that came in one line (a file, an older store) indented.
QString shown(const liquid::JsonData &data)
{
    const QByteArray text = data.text();
    return text.contains('\n') ? QString::fromUtf8(text) : data.indented();
}

QPushButton *button(const QString &text, const char *objectName, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setAutoDefault(false); // Return belongs to the editors, never to a button
    if (objectName)
        b->setObjectName(QLatin1String(objectName));
    return b;
}

} // namespace

SampleDataDialog::SampleDataDialog(models::LocalStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_message(new MessageWidget(this))
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_language(new QComboBox(this))
    , m_json(new CodeEditor(this))
    , m_problem(new QLabel(this))
    , m_format(button(tr("Format"), "formatSampleSet", this))
    , m_save(button(tr("Save"), "saveSampleSet", this))
    , m_new(button(tr("New"), "newSampleSet", this))
    , m_duplicate(button(tr("Duplicate"), "duplicateSampleSet", this))
    , m_delete(button(tr("Delete"), "deleteSampleSet", this))
    , m_default(button(tr("Set as Default"), "defaultSampleSet", this))
    , m_export(button(tr("Export…"), "exportSampleSets", this))
{
    setWindowTitle(tr("Sample Data[*]"));
    fitToScreen(this, QSize(980, 640)); // never larger than the screen it opens on

    m_list->setObjectName(QStringLiteral("sampleSetList"));
    m_list->setItemDelegate(new SetDelegate(tr("Default"), tr("not saved"), m_list));
    m_list->setMinimumWidth(240);
    QPushButton *importButton = button(tr("Import…"), "importSampleSets", this);
    QWidget *left = buildListPane(importButton);
    QWidget *right = buildEditorPane();
    QDialogButtonBox *buttons = buildLayout(left, right);
    connectSignals(importButton, buttons);
    showDefaultSet();
}

QWidget *SampleDataDialog::buildListPane(QPushButton *importButton)
{
    auto *listButtons = new QGridLayout;
    listButtons->addWidget(m_new, 0, 0);
    listButtons->addWidget(m_duplicate, 0, 1);
    listButtons->addWidget(m_delete, 1, 0);
    listButtons->addWidget(m_default, 1, 1);
    listButtons->addWidget(importButton, 2, 0);
    listButtons->addWidget(m_export, 2, 1);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addLayout(listButtons);
    return left;
}

QWidget *SampleDataDialog::buildEditorPane()
{
    m_name->setObjectName(QStringLiteral("sampleSetName"));
    m_name->setPlaceholderText(tr("Required"));
    m_language->setObjectName(QStringLiteral("sampleSetLanguage"));
    m_language->setEditable(true);
    m_language->setInsertPolicy(QComboBox::NoInsert);
    m_language->lineEdit()->setPlaceholderText(tr("Any language"));
    m_language->setToolTip(tr("The language this set suits best; the preview picks it for variants in that "
                              "language. Empty suits any language."));
    m_json->setObjectName(QStringLiteral("sampleSetJson"));
    auto *lexer = new QsciLexerJSON(m_json);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    lexer->setDefaultFont(mono);
    lexer->setFont(mono);
    m_json->setLexer(lexer);
    m_json->setAutoCompletionSource(QsciScintilla::AcsNone); // the word popup only gets in the way of JSON
    // Coloured when a line is marked, for the palette at that time.
    m_errorMarker = m_json->markerDefine(QsciScintilla::Background);
    m_problem->setObjectName(QStringLiteral("sampleSetProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_format->setToolTip(tr("Re-indent the JSON"));
    m_save->setToolTip(
        tr("Save the set (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));

    // The editor frame every editor has: the set's name as title, the unsaved marker, Format and Save;
    // Ctrl+S saves from anywhere in the dialog.
    m_editor = new EditorFrame(this);
    m_editor->setObjectName(QStringLiteral("sampleSetEditor"));
    m_editor->setSaveShortcutContext(Qt::WindowShortcut);
    m_editor->addButton(m_format);
    m_editor->addButton(m_save);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Language:"), m_language);
    m_editor->addContent(form);
    m_editor->addContent(m_json, 1);
    m_editor->addContent(m_problem);
    return m_editor;
}

QDialogButtonBox *SampleDataDialog::buildLayout(QWidget *left, QWidget *right)
{
    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({280, 700});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    for (QAbstractButton *b : buttons->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(b))
            push->setAutoDefault(false);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    return buttons;
}

void SampleDataDialog::connectSignals(QPushButton *importButton, QDialogButtonBox *buttons)
{
    connect(m_list, &QListWidget::currentItemChanged, this, &SampleDataDialog::currentItemChanged);
    connect(m_name, &QLineEdit::textChanged, this, &SampleDataDialog::updateState);
    connect(m_language, &QComboBox::editTextChanged, this, &SampleDataDialog::updateState);
    connect(m_json, &QsciScintilla::textChanged, this, &SampleDataDialog::updateState);
    connect(m_format, &QPushButton::clicked, this, &SampleDataDialog::formatJson);
    connect(m_save, &QPushButton::clicked, this, &SampleDataDialog::save);
    connect(m_editor, &EditorFrame::saveRequested, this, [this] {
        if (m_save->isEnabled())
            save();
    });
    connect(m_new, &QPushButton::clicked, this, &SampleDataDialog::newSet);
    connect(m_duplicate, &QPushButton::clicked, this, &SampleDataDialog::duplicateSet);
    connect(m_delete, &QPushButton::clicked, this, &SampleDataDialog::deleteSet);
    connect(m_default, &QPushButton::clicked, this, &SampleDataDialog::makeDefault);
    connect(importButton, &QPushButton::clicked, this, &SampleDataDialog::chooseImportFile);
    connect(m_export, &QPushButton::clicked, this, &SampleDataDialog::chooseExportFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &SampleDataDialog::reject);
    if (m_store)
        connect(m_store, &models::LocalStore::sampleSetsChanged, this, &SampleDataDialog::storeChanged);
}

void SampleDataDialog::selectSet(qint64 id)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(IdRole).toLongLong() == id &&
            !m_list->item(row)->data(NewRole).toBool()) {
            m_list->setCurrentRow(row); // asks about unsaved changes like a click would
            return;
        }
    }
}

qint64 SampleDataDialog::currentSetId() const
{
    return m_editing && !m_isNew ? m_edit.id : 0;
}

void SampleDataDialog::reject()
{
    if (settleChanges())
        QDialog::reject();
}

qint64 SampleDataDialog::shownId() const
{
    if (!m_editing)
        return -1;
    return m_isNew ? 0 : m_edit.id;
}

void SampleDataDialog::showDefaultSet()
{
    const std::optional<SampleSet> set = m_store ? m_store->defaultSampleSet() : std::nullopt;
    m_isNew = false;
    m_editing = false;
    reloadList(set ? set->id : -1);
    if (set)
        showSet(*set, false);
    else
        clearEditor();
}

// Rows are reused rather than rebuilt: this runs inside the list's own currentItemChanged.
void SampleDataDialog::reloadList(qint64 selectId)
{
    const QSignalBlocker blocker(m_list);
    QList<SampleSet> rows = m_store ? m_store->sampleSets() : QList<SampleSet>();
    if (m_editing && m_isNew) {
        SampleSet pending = m_edit;
        pending.id = 0;
        pending.name = m_name->text().trimmed().isEmpty() ? tr("(no name)") : m_name->text().trimmed();
        rows.append(pending);
    }
    while (m_list->count() > rows.size())
        delete m_list->takeItem(m_list->count() - 1);
    int selectRow = -1;
    for (int row = 0; row < rows.size(); ++row) {
        const SampleSet &set = rows.at(row);
        QListWidgetItem *item = row < m_list->count() ? m_list->item(row) : new QListWidgetItem(m_list);
        const bool isNew = m_isNew && row == rows.size() - 1 && m_editing;
        item->setText(set.name);
        item->setData(IdRole, set.id);
        item->setData(LanguageRole, set.language);
        item->setData(DefaultRole, set.isDefault);
        item->setData(NewRole, isNew);
        QStringList tip{set.name};
        tip << (set.language.isEmpty() ? tr("Suits any language")
                                       : tr("Suits language %1").arg(set.language));
        if (set.isDefault)
            tip << tr("The default set: previews use it unless another suits the language better");
        if (isNew)
            tip << tr("Not saved yet");
        item->setToolTip(tip.join(QLatin1Char('\n')));
        if (set.id == selectId)
            selectRow = row;
    }
    m_list->setCurrentRow(selectRow);
}

void SampleDataDialog::showSet(const SampleSet &set, bool isNew)
{
    m_edit = set;
    m_isNew = isNew;
    m_editing = true;
    m_name->setText(set.name);
    fillLanguages(set.language);
    m_json->setText(shown(set.data));
    m_json->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER); // undo must not bring back another set
    m_message->hideMessage();
    updateState();
}

void SampleDataDialog::clearEditor()
{
    m_editing = false;
    m_isNew = false;
    m_edit = SampleSet();
    m_name->clear();
    fillLanguages(QString());
    m_json->clear();
    m_json->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    updateState();
}

void SampleDataDialog::fillLanguages(const QString &current)
{
    QStringList languages = m_store ? m_store->languages() : QStringList();
    if (m_store) {
        const QList<SampleSet> sets = m_store->sampleSets();
        for (const SampleSet &set : sets)
            languages << set.language;
    }
    languages << current;
    languages.removeAll(QString());
    languages.sort(Qt::CaseInsensitive);
    languages.removeDuplicates();
    m_language->clear();
    m_language->addItem(QString()); // any language
    m_language->addItems(languages);
    m_language->setCurrentIndex(m_language->findText(current));
}

QString SampleDataDialog::languageText() const
{
    return m_language->currentText().trimmed();
}

void SampleDataDialog::currentItemChanged(QListWidgetItem *current, QListWidgetItem *previous)
{
    Q_UNUSED(previous)
    if (!current || current->data(NewRole).toBool())
        return;
    const qint64 target = current->data(IdRole).toLongLong();
    if (m_editing && !m_isNew && target == m_edit.id)
        return;
    if (!settleChanges()) {
        reloadList(shownId()); // back to the set whose changes the user kept
        return;
    }
    const std::optional<SampleSet> set =
        m_store ? findSet(m_store->sampleSets(), target) : std::optional<SampleSet>();
    m_isNew = false;
    m_editing = false;
    reloadList(set ? set->id : -1); // drops a discarded new set from the list
    if (set)
        showSet(*set, false);
    else
        clearEditor();
}

bool SampleDataDialog::settleChanges()
{
    if (!isModified())
        return true;
    const QString name = m_name->text().trimmed().isEmpty() ? m_edit.name : m_name->text().trimmed();
    models::SampleDataProblem problem;
    if (!models::parseSampleData(m_json->text(), &problem)) {
        const auto answer = MessageBox::question(
            this, tr("Unsaved Sample Data"),
            tr("The sample data of “%1” cannot be saved as it is: %2\n\nDiscard your changes?")
                .arg(name, problem.message),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        return answer == QMessageBox::Discard;
    }
    const auto answer = MessageBox::question(
        this, tr("Unsaved Sample Data"), tr("Save the changes to “%1”?").arg(name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool SampleDataDialog::save()
{
    if (!m_store || !m_editing)
        return false;
    models::SampleDataProblem problem;
    const std::optional<liquid::JsonData> data = models::parseSampleData(m_json->text(), &problem);
    if (!data) {
        m_message->showMessage(tr("Not saved: %1").arg(problem.message), MessageWidget::Type::Error);
        return false;
    }
    SampleSet set = m_edit;
    set.id = m_isNew ? 0 : m_edit.id;
    set.name = m_name->text().trimmed();
    set.language = storable(languageText());
    set.data = *data;
    m_writing = true;
    const qint64 id = m_store->saveSampleSet(set);
    m_writing = false;
    if (id == 0) {
        m_message->showMessage(tr("Not saved: %1").arg(m_store->lastError()), MessageWidget::Type::Error);
        return false;
    }
    // The store may have made it the default (the first set is).
    m_edit = findSet(m_store->sampleSets(), id).value_or(set);
    m_isNew = false;
    m_message->hideMessage();
    reloadList(id);
    updateState();
    return true;
}

QString SampleDataDialog::uniqueName(const QString &wanted) const
{
    QStringList taken;
    if (m_store) {
        const QList<SampleSet> sets = m_store->sampleSets();
        for (const SampleSet &set : sets)
            taken << set.name;
    }
    if (m_editing && m_isNew)
        taken << m_name->text().trimmed();
    QString name = wanted;
    for (int n = 2; taken.contains(name, Qt::CaseInsensitive); ++n)
        name = QStringLiteral("%1 (%2)").arg(wanted).arg(n);
    return name;
}

void SampleDataDialog::storeChanged()
{
    if (m_writing || !m_store)
        return;
    const QList<SampleSet> sets = m_store->sampleSets();
    if (m_editing && !m_isNew) {
        const bool modified = isModified();
        const std::optional<SampleSet> stored = findSet(sets, m_edit.id);
        if (!stored && !modified) {
            showDefaultSet();
            return;
        }
        if (!stored) {
            // Keep the user's text: saving brings the set back.
            m_isNew = true;
            m_edit.id = 0;
            m_message->showMessage(tr("“%1” was deleted elsewhere. Save to keep it.").arg(m_edit.name),
                                   MessageWidget::Type::Warning);
        } else if (!modified && !sameSet(*stored, m_edit)) {
            reloadList(stored->id);
            showSet(*stored, false);
            return;
        } else {
            m_edit = *stored;
        }
    } else if (!m_editing && !sets.isEmpty()) {
        showDefaultSet();
        return;
    }
    reloadList(shownId());
    updateState();
}

bool SampleDataDialog::isModified() const
{
    if (!m_editing)
        return false;
    if (m_isNew)
        return true;
    if (m_name->text().trimmed() != m_edit.name || languageText() != m_edit.language)
        return true;
    const std::optional<liquid::JsonData> data = models::parseSampleData(m_json->text(), nullptr);
    return !data || *data != m_edit.data;
}

void SampleDataDialog::updateState()
{
    const bool editing = m_editing && m_store;
    m_name->setEnabled(editing);
    m_language->setEnabled(editing);
    m_json->setEnabled(editing);
    m_json->markerDeleteAll(m_errorMarker);

    std::optional<liquid::JsonData> data;
    if (!editing) {
        const bool none = m_list->count() == 0;
        m_problem->setPalette(QPalette());
        m_problem->setText(none ? tr("No sample-data sets yet: click New, or Import… a file.") : QString());
    } else {
        models::SampleDataProblem problem;
        data = models::parseSampleData(m_json->text(), &problem);
        if (data) {
            const int attributes = int(data->value(QLatin1String("customer")).toObject().size());
            m_problem->setPalette(theme::withTextColour(m_problem->palette(), theme::Role::SuccessText));
            m_problem->setText(tr("Valid: customer has %n attribute(s)", nullptr, attributes));
        } else {
            m_problem->setPalette(theme::withTextColour(m_problem->palette(), theme::Role::ErrorText));
            m_problem->setText(problem.message);
            if (problem.line > 0) {
                m_json->setMarkerBackgroundColor(
                    theme::colour(theme::Role::ErrorMarkerBackground, m_json->palette()), m_errorMarker);
                m_json->markerAdd(problem.line - 1, m_errorMarker);
            }
        }
    }

    const bool modified = isModified();
    m_save->setEnabled(editing && modified && data && !m_name->text().trimmed().isEmpty());
    m_format->setEnabled(editing && data.has_value());
    m_new->setEnabled(bool(m_store));
    m_duplicate->setEnabled(editing);
    m_delete->setEnabled(editing);
    m_default->setEnabled(editing && !m_isNew && !m_edit.isDefault);
    m_export->setEnabled(m_list->count() > (m_editing && m_isNew ? 1 : 0));
    setWindowModified(modified);
    m_editor->setModified(modified);
    const QString name = m_name->text().trimmed();
    m_editor->setTitle(!m_editing ? tr("No set chosen") : name.isEmpty() ? tr("(no name)") : name);

    // A new set's row follows its name as it is typed.
    if (m_editing && m_isNew && m_list->count() > 0) {
        QListWidgetItem *item = m_list->item(m_list->count() - 1);
        if (item->data(NewRole).toBool())
            item->setText(name.isEmpty() ? tr("(no name)") : name);
    }
}

} // namespace cio::ui
