#include "ui/editor/conflictdialog.h"

#include "models/common/worddiff.h"
#include "models/variants/variantsaver.h"
#include "ui/common/windowgeometry.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <optional>

namespace cio::ui {

namespace {

std::optional<ConflictDialog::Choice> s_nextChoice;
QStringList s_nextKeepMine;

QString asText(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    return v.toString();
}

} // namespace

ConflictDialog::ConflictDialog(const api::Content &base, const api::Content &server, const QJsonObject &mine,
                               QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Changed on the Server"));
    const QJsonObject theirs = models::VariantSaver::editableFields(server);
    QJsonObject yours = models::VariantSaver::editableFields(base);
    for (auto it = mine.begin(); it != mine.end(); ++it)
        yours.insert(it.key(), it.value());
    const QStringList theyChanged = models::VariantSaver::differingFields(base, server);
    for (const char *key : {"subject", "preheader_text", "body", "body_amp", "body_plain", "recipient",
                            "from_id", "reply_to_id"}) {
        const QString k = QLatin1String(key);
        if (asText(theirs.value(k)) != asText(yours.value(k)))
            m_fields << k;
    }

    QLabel *intro = buildIntro(theyChanged);
    QWidget *rows = buildFieldRows(theirs, yours, mine);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(rows);
    QDialogButtonBox *buttons = buildButtons();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);

    fitToScreen(this, QSize(960, 640)); // never larger than the screen it opens on
}

QLabel *ConflictDialog::buildIntro(const QStringList &theyChanged)
{
    auto *intro = new QLabel(
        tr("Someone else saved this variant after you started editing (they changed: %1). Below is every "
           "field where their version and yours differ: struck-through red text is only in theirs, "
           "underlined green text only in yours. Choose per field what to keep; nothing is lost until you "
           "save.")
            .arg(theyChanged.isEmpty() ? tr("only its update time")
                                       : models::VariantSaver::fieldLabels(theyChanged).join(QStringLiteral(", "))),
        this);
    intro->setWordWrap(true);
    return intro;
}

// One row per differing field: its name, the word diff, and Keep theirs / Keep mine.
QWidget *ConflictDialog::buildFieldRows(const QJsonObject &theirs, const QJsonObject &yours,
                                        const QJsonObject &mine)
{
    auto *rows = new QWidget(this);
    auto *grid = new QGridLayout(rows);
    grid->setColumnStretch(1, 1);
    int row = 0;
    for (const QString &field : std::as_const(m_fields)) {
        auto *name = new QLabel(QStringLiteral("<b>%1</b>").arg(models::VariantSaver::fieldLabel(field)), rows);
        auto *diff = new QTextBrowser(rows);
        diff->setObjectName(QStringLiteral("diff_") + field);
        diff->setOpenLinks(false);
        diff->setHtml(models::wordDiffToHtml(models::wordDiff(asText(theirs.value(field)),
                                                              asText(yours.value(field)))));
        const bool isBody = field.startsWith(QLatin1String("body"));
        diff->setMinimumHeight(isBody ? 140 : 44);
        diff->setMaximumHeight(isBody ? 320 : 70);
        auto *keepTheirs = new QRadioButton(tr("Keep theirs"), rows);
        auto *keepMine = new QRadioButton(tr("Keep mine"), rows);
        keepMine->setObjectName(QStringLiteral("keepMine_") + field);
        auto *group = new QButtonGroup(rows);
        group->addButton(keepTheirs);
        group->addButton(keepMine);
        // What the user changed stays theirs to decide; what only the colleague changed is kept.
        (mine.contains(field) ? keepMine : keepTheirs)->setChecked(true);
        m_mineButtons.insert(field, keepMine);
        auto *choice = new QVBoxLayout;
        choice->addWidget(keepTheirs);
        choice->addWidget(keepMine);
        choice->addStretch(1);
        grid->addWidget(name, row, 0, Qt::AlignTop);
        grid->addWidget(diff, row, 1);
        grid->addLayout(choice, row, 2);
        ++row;
    }
    if (m_fields.isEmpty()) {
        grid->addWidget(new QLabel(tr("Their version and yours have the same text; only the update time "
                                      "differs. Keeping yours is safe."),
                                   rows),
                        0, 0, 1, 3);
    }
    return rows;
}

QDialogButtonBox *ConflictDialog::buildButtons()
{
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *apply = buttons->addButton(tr("Save My Choices"), QDialogButtonBox::AcceptRole);
    apply->setObjectName(QStringLiteral("saveChoices"));
    QPushButton *allMine = buttons->addButton(tr("All Mine"), QDialogButtonBox::ActionRole);
    QPushButton *allTheirs = buttons->addButton(tr("All Theirs"), QDialogButtonBox::ActionRole);
    QPushButton *merge = buttons->addButton(tr("Merge by Hand"), QDialogButtonBox::ActionRole);
    merge->setToolTip(tr("Open their version beside yours in the editor and merge what you need"));
    buttons->addButton(QDialogButtonBox::Cancel);
    apply->setDefault(true);
    const auto setAll = [this](bool toMine) {
        for (QRadioButton *b : std::as_const(m_mineButtons)) {
            b->setChecked(toMine);
            if (!toMine) {
                for (QAbstractButton *other : b->group()->buttons())
                    other->setChecked(other != b);
            }
        }
    };
    connect(allMine, &QPushButton::clicked, this, [setAll] { setAll(true); });
    connect(allTheirs, &QPushButton::clicked, this, [setAll] { setAll(false); });
    connect(apply, &QPushButton::clicked, this, [this] { m_choice = Choice::PerField, accept(); });
    connect(merge, &QPushButton::clicked, this, [this] { m_choice = Choice::MergeByHand, accept(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    return buttons;
}

ConflictDialog::Choice ConflictDialog::ask()
{
    if (s_nextChoice) {
        const Choice c = *s_nextChoice;
        s_nextChoice.reset();
        m_scripted = true;
        m_scriptedKeepMine = s_nextKeepMine;
        s_nextKeepMine.clear();
        return c;
    }
    m_choice = Choice::Cancel;
    exec();
    return m_choice;
}

QStringList ConflictDialog::keptMine() const
{
    if (m_scripted)
        return m_scriptedKeepMine;
    QStringList out;
    for (const QString &field : m_fields) {
        if (m_mineButtons.value(field)->isChecked())
            out << field;
    }
    return out;
}

void ConflictDialog::setNextChoice(Choice choice, const QStringList &keepMine)
{
    s_nextChoice = choice;
    s_nextKeepMine = keepMine;
}

} // namespace cio::ui
