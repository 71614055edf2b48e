#include "ui/snippets/snippetrenamedialog.h"

#include "models/common/theme.h"
#include "models/snippets/snippetusages.h"
#include "models/store/localstore.h"
#include "models/variants/variantmatrixmodel.h"
#include "models/variants/variantsaver.h"
#include "ui/common/windowgeometry.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cio::ui {

namespace {

QString fieldLabel(const QString &field)
{
    if (field == QLatin1String("subject"))
        return SnippetRenameDialog::tr("Subject");
    if (field == QLatin1String("preheader_text"))
        return SnippetRenameDialog::tr("Preheader");
    if (field == QLatin1String("body"))
        return SnippetRenameDialog::tr("Body");
    if (field == QLatin1String("body_amp"))
        return SnippetRenameDialog::tr("AMP body");
    return SnippetRenameDialog::tr("Plain-text body");
}

// The lines that differ, as rows of a table: the old line on red, the new one on green. A rename
// changes words inside lines, never the number of lines.
QString diffRows(const QString &before, const QString &after)
{
    const QString number =
        QStringLiteral("color:") + theme::cssColour(theme::colour(theme::Role::MutedText)) + QLatin1Char(';');
    const QString removed = theme::textCss(theme::Role::DiffRemoved, theme::Role::DiffRemovedBackground);
    const QString added = theme::textCss(theme::Role::DiffAdded, theme::Role::DiffAddedBackground);
    const QStringList a = before.split(QLatin1Char('\n'));
    const QStringList b = after.split(QLatin1Char('\n'));
    QString rows;
    for (int i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QString oldLine = a.value(i);
        const QString newLine = b.value(i);
        if (oldLine == newLine)
            continue;
        rows += QStringLiteral("<tr><td style=\"%1padding-right:8px\">%2</td>"
                               "<td style=\"%3white-space:pre-wrap\">− %4</td></tr>"
                               "<tr><td></td><td style=\"%5white-space:pre-wrap\">+ %6</td></tr>")
                    .arg(number, QString::number(i + 1), removed, oldLine.trimmed().toHtmlEscaped(), added,
                         newLine.trimmed().toHtmlEscaped());
    }
    return rows;
}

} // namespace

SnippetRenameDialog::SnippetRenameDialog(models::LocalStore *store, const QString &oldName,
                                         const QString &value, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_oldName(oldName)
    , m_value(value)
    , m_name(new QLineEdit(oldName, this))
    , m_problem(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_review(new QTextBrowser(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("snippetRenameDialog"));
    setWindowTitle(tr("Rename Snippet “%1”").arg(oldName));
    m_name->setObjectName(QStringLiteral("renameNewName"));
    m_name->setMaxLength(models::MaxSnippetNameLength + 20); // the validation says why past 150
    m_problem->setObjectName(QStringLiteral("renameProblem"));
    m_problem->setWordWrap(true);
    m_problem->setPalette(theme::withTextColour(m_problem->palette(), theme::Role::ErrorText));
    m_summary->setWordWrap(true);
    m_review->setObjectName(QStringLiteral("renameReview"));
    m_review->setOpenLinks(false);
    renameButton()->setText(tr("Rename"));
    renameButton()->setObjectName(QStringLiteral("renameConfirm"));

    auto *explanation = new QLabel(
        tr("Renaming creates the snippet again under the new name, with the same value; rewrites the "
           "references below in every variant of the local copy, each saved safely (a variant someone else "
           "changed meanwhile is not overwritten); then deletes “%1” once nothing uses it.")
            .arg(oldName),
        this);
    explanation->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("New name:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_summary);
    layout->addWidget(m_review, 1);
    layout->addWidget(m_buttons);
    fitToScreen(this, QSize(900, 640)); // never larger than the screen it opens on

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (problem().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &SnippetRenameDialog::update);
    m_name->selectAll();
    update();
}

QString SnippetRenameDialog::newName() const
{
    return m_name->text().trimmed();
}

QPushButton *SnippetRenameDialog::renameButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString SnippetRenameDialog::problem() const
{
    return m_problem->text();
}

void SnippetRenameDialog::update()
{
    const QString name = newName();
    m_continues = false;
    QString why;
    if (name == m_oldName) {
        why = tr("Type the new name.");
    } else if (m_store) {
        why = models::validateSnippetName(*m_store, name, m_oldName).message;
        // A rename that stopped half-way (a variant could not be saved) left the new snippet behind
        // with the same value; going on from there is allowed.
        const QList<api::Snippet> snippets = m_store->snippets();
        for (const api::Snippet &s : snippets) {
            if (s.name == name && s.value == m_value) {
                why.clear();
                m_continues = true;
            }
        }
    }
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty() && name != m_oldName);
    renameButton()->setEnabled(why.isEmpty());

    m_rewrites.clear();
    const QList<models::SnippetUsage> usages =
        m_store ? models::findSnippetUsages(*m_store, m_oldName) : QList<models::SnippetUsage>{};
    QList<qint64> seen;
    for (const models::SnippetUsage &u : usages) {
        if (seen.contains(u.contentId))
            continue;
        seen.append(u.contentId);
        const auto content = m_store->content(u.contentId);
        if (!content)
            continue;
        SnippetRewrite rewrite;
        rewrite.content = *content;
        rewrite.groups = m_store->testGroups(u.newsletterId);
        rewrite.changes =
            models::renameSnippetInVariant(*content, m_oldName, name.isEmpty() ? m_oldName : name);
        rewrite.hasDraft = m_store->draft(u.contentId).has_value();
        m_rewrites.append(rewrite);
    }

    QString html;
    for (const SnippetRewrite &r : std::as_const(m_rewrites)) {
        QString title =
            r.content.name.isEmpty() ? tr("Newsletter %1").arg(r.content.newsletterId) : QString();
        for (const models::SnippetUsage &u : usages) {
            if (u.contentId == r.content.id) {
                title =
                    tr("%1 — %2").arg(u.newsletterName, models::VariantMatrixModel::languageName(u.language));
                if (!u.testGroup.isEmpty())
                    title += tr(", test group %1").arg(u.testGroup);
                break;
            }
        }
        html += QStringLiteral("<h4>%1</h4>").arg(title.toHtmlEscaped());
        if (r.hasDraft)
            html += QStringLiteral("<p><i>%1</i></p>")
                        .arg(tr("This variant has an unsaved draft: its references are rewritten as well.")
                                 .toHtmlEscaped());
        const QJsonObject before = models::VariantSaver::editableFields(r.content);
        for (auto it = r.changes.constBegin(); it != r.changes.constEnd(); ++it) {
            html += QStringLiteral("<p><b>%1</b></p><table cellspacing=\"0\" cellpadding=\"2\" "
                                   "style=\"font-family:monospace\">%2</table>")
                        .arg(fieldLabel(it.key()).toHtmlEscaped(),
                             diffRows(before.value(it.key()).toString(), it.value().toString()));
        }
    }
    if (m_rewrites.isEmpty())
        html = QStringLiteral("<p>%1</p>")
                   .arg(tr("No variant in the local copy refers to “%1”: only the snippet itself is renamed.")
                            .arg(m_oldName)
                            .toHtmlEscaped());
    m_review->setHtml(html);
    m_summary->setText(
        why.isEmpty()
            ? tr("%n variant(s) will be rewritten.", nullptr, int(m_rewrites.size())) +
                  (m_continues ? QLatin1Char(' ') + tr("“%1” exists already with the same value: the rename "
                                                       "goes on from where it stopped.")
                                                        .arg(name)
                               : QString())
            : tr("Used by %n variant(s).", nullptr, int(m_rewrites.size())));
}

} // namespace cio::ui
