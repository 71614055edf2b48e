#include "ui/conflictdialog.h"

#include "models/variantsaver.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <optional>

namespace cio::ui {

namespace {

std::optional<ConflictDialog::Choice> s_nextChoice;

QString describe(const api::Content &c, const QJsonObject &overrides)
{
    const auto field = [&](const char *name, const QString &value) {
        const QString key = QLatin1String(name);
        return overrides.contains(key) ? overrides.value(key).toString() : value;
    };
    return QObject::tr("Subject: %1\nPreheader: %2\n\n%3")
        .arg(field("subject", c.subject), field("preheader_text", c.preheaderText), field("body", c.body));
}

QWidget *column(const QString &title, const QString &text, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *label = new QLabel(title, box);
    label->setStyleSheet(QStringLiteral("font-weight:bold;"));
    auto *view = new QPlainTextEdit(text, box);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(view, 1);
    return box;
}

} // namespace

ConflictDialog::ConflictDialog(const api::Content &base, const api::Content &server, const QJsonObject &mine,
                               QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Changed on the Server"));
    resize(900, 560);
    const QStringList fields = models::VariantSaver::differingFields(base, server);
    auto *intro =
        new QLabel(tr("Someone else saved this variant after you started editing (changed: %1). "
                      "Choose what to keep.")
                       .arg(fields.isEmpty() ? tr("its version") : fields.join(QStringLiteral(", "))),
                   this);
    intro->setWordWrap(true);
    auto *columns = new QHBoxLayout;
    columns->addWidget(column(tr("Theirs (on the server now)"), describe(server, {}), this));
    columns->addWidget(column(tr("Yours (not saved)"), describe(base, mine), this));

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *overwrite = buttons->addButton(tr("Overwrite with Mine"), QDialogButtonBox::DestructiveRole);
    QPushButton *theirs = buttons->addButton(tr("Take Theirs"), QDialogButtonBox::ResetRole);
    QPushButton *merge = buttons->addButton(tr("Merge by Hand"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    merge->setDefault(true);
    connect(overwrite, &QPushButton::clicked, this, [this] { m_choice = Choice::Overwrite, accept(); });
    connect(theirs, &QPushButton::clicked, this, [this] { m_choice = Choice::TakeTheirs, accept(); });
    connect(merge, &QPushButton::clicked, this, [this] { m_choice = Choice::MergeByHand, accept(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
}

ConflictDialog::Choice ConflictDialog::ask()
{
    if (s_nextChoice) {
        const Choice c = *s_nextChoice;
        s_nextChoice.reset();
        return c;
    }
    m_choice = Choice::Cancel;
    exec();
    return m_choice;
}

void ConflictDialog::setNextChoice(Choice choice)
{
    s_nextChoice = choice;
}

} // namespace cio::ui
