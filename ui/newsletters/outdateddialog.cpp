#include "ui/newsletters/outdateddialog.h"

#include "models/common/worddiff.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cio::ui {

namespace {

struct Field
{
    const char *name;
    QString api::Content::*member;
};

const Field fields[] = {
    {"subject", &api::Content::subject},
    {"preheader_text", &api::Content::preheaderText},
    {"body", &api::Content::body},
};

QString fieldTitle(const QString &name)
{
    if (name == QLatin1String("subject"))
        return OutdatedDialog::tr("subject");
    if (name == QLatin1String("preheader_text"))
        return OutdatedDialog::tr("preheader");
    return OutdatedDialog::tr("body");
}

QString date(qint64 secs)
{
    return secs > 0 ? QLocale().toString(QDateTime::fromSecsSinceEpoch(secs), QLocale::ShortFormat)
                    : OutdatedDialog::tr("an unknown date");
}

} // namespace

QStringList OutdatedDialog::changedFields(const Facts &facts)
{
    QStringList changed;
    if (!facts.defaultThen)
        return changed;
    for (const Field &f : fields) {
        if (facts.defaultThen.value().*f.member != facts.defaultNow.*f.member)
            changed << QLatin1String(f.name);
    }
    return changed;
}

QString OutdatedDialog::summary(const Facts &facts)
{
    const QStringList changed = changedFields(facts);
    QString what;
    if (changed.isEmpty()) {
        what = tr("The Default");
    } else {
        QStringList titles;
        for (const QString &name : changed)
            titles << fieldTitle(name);
        what = titles.size() == 1
                   ? tr("The Default's %1").arg(titles.first())
                   : tr("The Default's %1 and %2")
                         .arg(titles.mid(0, titles.size() - 1).join(QStringLiteral(", ")), titles.last());
    }
    if (facts.markedCurrentFor > facts.translationSavedAt)
        return tr("%1 changed on %2, after this translation was marked as still current for the change of "
                  "%3.")
            .arg(what, date(facts.defaultChangedAt), date(facts.markedCurrentFor));
    return tr("%1 changed on %2, after this translation was saved on %3.")
        .arg(what, date(facts.defaultChangedAt), date(facts.translationSavedAt));
}

OutdatedDialog::OutdatedDialog(const Facts &facts, QWidget *parent)
    : QDialog(parent)
    , m_markCurrent(new QPushButton(tr("Mark as Still Current"), this))
{
    setObjectName(QStringLiteral("outdatedDialog"));
    setWindowTitle(facts.groupName.isEmpty()
                       ? tr("Why %1 Is Outdated").arg(facts.languageName)
                       : tr("Why %1 in %2 Is Outdated").arg(facts.languageName, facts.groupName));
    auto *layout = new QVBoxLayout(this);
    addExplanation(layout, facts);
    if (!addChanges(layout, facts))
        layout->addStretch(1);
    layout->addWidget(buildButtons(facts.readOnly));
    resize(720, 560);
}

// The summary (bold) and what the diff below shows.
void OutdatedDialog::addExplanation(QVBoxLayout *layout, const Facts &facts)
{
    auto *summaryLabel = new QLabel(summary(facts), this);
    summaryLabel->setObjectName(QStringLiteral("outdatedSummary"));
    summaryLabel->setWordWrap(true);
    QFont bold = summaryLabel->font();
    bold.setBold(true);
    summaryLabel->setFont(bold);
    layout->addWidget(summaryLabel);

    auto *explain = new QLabel(this);
    explain->setObjectName(QStringLiteral("outdatedExplanation"));
    explain->setWordWrap(true);
    if (facts.defaultThen)
        explain->setText(tr("What the Default changed since then: deleted words are struck through in red, "
                            "new words underlined in green. Bring the translation up to date, or mark it "
                            "as still current if the change does not affect it."));
    else
        explain->setText(tr("The Default's earlier text is not known on this computer (it changed before "
                            "this computer first kept a copy), so its current text is shown below."));
    layout->addWidget(explain);
}

// A box per field the Default changed (or, without its earlier text, per field it has); true when the
// body's box takes the spare height.
bool OutdatedDialog::addChanges(QVBoxLayout *layout, const Facts &facts)
{
    const QStringList changed = changedFields(facts);
    bool stretched = false;
    for (const Field &f : fields) {
        const QString name = QLatin1String(f.name);
        const QString now = facts.defaultNow.*f.member;
        if (facts.defaultThen && !changed.contains(name))
            continue; // unchanged fields would only hide the change
        if (!facts.defaultThen && now.isEmpty())
            continue;
        const QString html =
            facts.defaultThen
                ? models::wordDiffToHtml(models::wordDiff(facts.defaultThen.value().*f.member, now))
                : models::wordDiffToHtml({{models::DiffSegment::Kind::Equal, now}});
        const bool body = name == QLatin1String("body");
        layout->addWidget(fieldBox(name, html, body), body ? 1 : 0);
        stretched = stretched || body;
    }
    if (facts.defaultThen && changed.isEmpty()) {
        auto *same = new QLabel(tr("Subject, preheader and body read the same as then; only other settings "
                                   "of the Default changed."),
                                this);
        same->setWordWrap(true);
        layout->addWidget(same);
    }
    return stretched;
}

QGroupBox *OutdatedDialog::fieldBox(const QString &name, const QString &html, bool body)
{
    auto *box = new QGroupBox(fieldTitle(name).at(0).toUpper() + fieldTitle(name).mid(1), this);
    auto *boxLayout = new QVBoxLayout(box);
    auto *view = new QTextBrowser(box);
    view->setObjectName(QStringLiteral("diff_") + name);
    view->setOpenLinks(false);
    view->setHtml(QStringLiteral("<div style=\"white-space:pre-wrap\">%1</div>").arg(html));
    view->setMinimumHeight(body ? 180 : 48);
    if (!body)
        view->setMaximumHeight(96); // a subject or preheader is a line or two
    boxLayout->addWidget(view);
    return box;
}

QDialogButtonBox *OutdatedDialog::buildButtons(bool readOnly)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_markCurrent->setObjectName(QStringLiteral("markStillCurrent"));
    m_markCurrent->setToolTip(tr("The translation stays as it is and counts as current until the Default "
                                 "changes again"));
    m_markCurrent->setEnabled(!readOnly);
    buttons->addButton(m_markCurrent, QDialogButtonBox::ActionRole);
    auto *open = buttons->addButton(tr("Open Translation"), QDialogButtonBox::ActionRole);
    open->setObjectName(QStringLiteral("openTranslation"));
    // Enter closes: marking a translation current must be a deliberate click, never a stray key.
    m_markCurrent->setAutoDefault(false);
    open->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_markCurrent, &QPushButton::clicked, this, [this] {
        emit markStillCurrentRequested();
        accept();
    });
    connect(open, &QPushButton::clicked, this, [this] {
        emit openTranslationRequested();
        accept();
    });
    return buttons;
}

OutdatedDialog::~OutdatedDialog() = default;

} // namespace cio::ui
