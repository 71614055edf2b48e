#include "ui/segments/deletesegmentdialog.h"

#include "models/common/theme.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cio::ui {

DeleteSegmentDialog::DeleteSegmentDialog(const api::Segment &segment, const QStringList &usage,
                                         QWidget *parent)
    : QDialog(parent)
    , m_segment(segment)
    , m_confirm(new QLineEdit(this))
    , m_delete(new QPushButton(tr("Delete Segment"), this))
{
    setObjectName(QStringLiteral("deleteSegmentDialog"));
    setWindowTitle(tr("Delete Segment"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setText(tr("Deleting “%1” (id %2) cannot be undone.").arg(segment.name).arg(segment.id));
    layout->addWidget(intro);

    auto *usageLabel = new QLabel(this);
    usageLabel->setWordWrap(true);
    layout->addWidget(usageLabel);
    if (usage.isEmpty()) {
        usageLabel->setText(tr("No campaign or newsletter uses this segment."));
    } else {
        usageLabel->setText(tr("It is used by %n campaign(s) or newsletter(s), which will no longer find it:",
                               nullptr, int(usage.size())));
        usageLabel->setPalette(theme::withTextColour(usageLabel->palette(), theme::Role::WarningText));
        QFont bold = usageLabel->font();
        bold.setBold(true);
        usageLabel->setFont(bold);
        auto *list = new QListWidget(this);
        list->setObjectName(QStringLiteral("deleteUsage"));
        list->addItems(usage);
        list->setMaximumHeight(list->sizeHintForRow(0) * int(qMin<qsizetype>(usage.size(), 6)) + 8);
        layout->addWidget(list);
    }

    auto *typeLabel = new QLabel(tr("To confirm, type the segment's name, “%1”:").arg(segment.name), this);
    typeLabel->setWordWrap(true);
    typeLabel->setBuddy(m_confirm);
    layout->addWidget(typeLabel);
    m_confirm->setObjectName(QStringLiteral("deleteConfirm"));
    layout->addWidget(m_confirm);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_delete->setObjectName(QStringLiteral("deleteConfirmButton"));
    m_delete->setEnabled(false);
    buttons->addButton(m_delete, QDialogButtonBox::DestructiveRole);
    layout->addWidget(buttons);

    connect(m_confirm, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_delete->setEnabled(text.trimmed() == m_segment.name.trimmed());
    });
    connect(m_delete, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(440, sizeHint().height());
}

} // namespace cio::ui
