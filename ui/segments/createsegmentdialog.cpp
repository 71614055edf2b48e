#include "ui/segments/createsegmentdialog.h"

#include "ui_createsegmentdialog.h"

#include "models/segments/segmentlistmodel.h"

#include <QPushButton>

namespace cio::ui {

CreateSegmentDialog::CreateSegmentDialog(const QStringList &existingNames, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CreateSegmentDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("createSegmentDialog"));
    for (const QString &name : existingNames)
        m_existing << name.trimmed().toCaseFolded();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Create Segment"));
    m_ui->descriptionEdit->setMaximumHeight(m_ui->descriptionEdit->fontMetrics().lineSpacing() * 5);
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &CreateSegmentDialog::update);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

CreateSegmentDialog::~CreateSegmentDialog() = default;

QString CreateSegmentDialog::name() const
{
    return m_ui->nameEdit->text().trimmed();
}

QString CreateSegmentDialog::description() const
{
    return m_ui->descriptionEdit->toPlainText().trimmed();
}

void CreateSegmentDialog::setName(const QString &name)
{
    m_ui->nameEdit->setText(name);
}

void CreateSegmentDialog::setDescription(const QString &description)
{
    m_ui->descriptionEdit->setPlainText(description);
}

void CreateSegmentDialog::update()
{
    const bool duplicate = m_existing.contains(name().toCaseFolded());
    // An empty name needs no words: the disabled button says enough.
    const QString problem = name().isEmpty() ? QString() : models::segmentNameProblem(name());
    m_ui->noteLabel->setText(!problem.isEmpty() ? problem
                             : duplicate        ? tr("A segment with this name exists already; a second one with "
                                                     "the same name is easy to confuse with it.")
                                                : QString());
    m_ui->noteLabel->setVisible(!m_ui->noteLabel->text().isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(models::segmentNameProblem(name()).isEmpty());
}

} // namespace cio::ui
