#include "ui/workspaces/workspacedialog.h"

#include "models/common/theme.h"
#include "ui_workspacedialog.h"

#include <QPushButton>

namespace cio::ui {

namespace {

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(colour);
    return QIcon(pixmap);
}

} // namespace

WorkspaceDialog::WorkspaceDialog(const models::WorkspaceProfile &profile, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::WorkspaceDialog>())
    , m_profile(profile)
{
    m_ui->setupUi(this);
    setWindowTitle(isNew() ? tr("Add Workspace") : tr("Edit Workspace"));

    for (const theme::WorkspaceColour &c : theme::workspaceColours()) {
        const QString hex = QString::fromLatin1(c.hex);
        m_ui->colourCombo->addItem(swatch(theme::workspaceColour(hex)), theme::workspaceColourName(c), hex);
    }
    m_ui->regionCombo->addItem(tr("United States (api.customer.io)"), int(api::Region::Us));
    m_ui->regionCombo->addItem(tr("Europe (api-eu.customer.io)"), int(api::Region::Eu));

    m_ui->nameEdit->setText(profile.name);
    const int colourIndex = m_ui->colourCombo->findData(profile.colour);
    m_ui->colourCombo->setCurrentIndex(colourIndex >= 0 ? colourIndex : 0);
    m_ui->regionCombo->setCurrentIndex(m_ui->regionCombo->findData(int(profile.region)));
    m_ui->baseUrlEdit->setText(profile.baseUrl.toString());
    m_ui->readOnlyCheck->setChecked(profile.readOnly);
    m_ui->siteIdEdit->setText(profile.trackSiteId);
    if (!isNew()) {
        m_ui->appKeyEdit->setPlaceholderText(tr("Stored in the keychain; type a new key to replace it"));
        m_ui->trackKeyEdit->setPlaceholderText(tr("Stored in the keychain; type a new key to replace it"));
    }
    m_ui->keychainNote->setText(tr("Keys are kept only in your system's keychain, never in settings files or "
                                   "logs."));
    m_ui->keychainNote->setEnabled(false);
    m_ui->errorLabel->setPalette(theme::withTextColour(m_ui->errorLabel->palette(), theme::Role::ErrorText));
    m_ui->errorLabel->hide();
    m_ui->switchRegionButton->hide();
    m_ui->appKeyEdit
        ->addAction(QIcon::fromTheme(QStringLiteral("view-reveal-symbolic")), QLineEdit::TrailingPosition)
        ->setToolTip(tr("Show or hide the key"));
    const QList<QAction *> revealActions = m_ui->appKeyEdit->actions();
    connect(revealActions.last(), &QAction::triggered, this, [this] {
        m_ui->appKeyEdit->setEchoMode(
            m_ui->appKeyEdit->echoMode() == QLineEdit::Password ? QLineEdit::Normal : QLineEdit::Password);
    });

    connect(m_ui->testButton, &QPushButton::clicked, this, &WorkspaceDialog::requestTest);
    connect(m_ui->switchRegionButton, &QPushButton::clicked, this, [this] {
        m_ui->regionCombo->setCurrentIndex(m_ui->regionCombo->findData(int(m_suggestedRegion)));
        m_ui->switchRegionButton->hide();
        requestTest();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &WorkspaceDialog::saveRequested);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_ui->nameEdit, m_ui->appKeyEdit, m_ui->siteIdEdit, m_ui->trackKeyEdit})
        connect(edit, &QLineEdit::textChanged, this, &WorkspaceDialog::updateButtons);
    updateButtons();
}

WorkspaceDialog::~WorkspaceDialog() = default;

models::WorkspaceProfile WorkspaceDialog::profile() const
{
    models::WorkspaceProfile p = m_profile;
    p.name = m_ui->nameEdit->text().trimmed();
    p.colour = m_ui->colourCombo->currentData().toString();
    p.region = api::Region(m_ui->regionCombo->currentData().toInt());
    const QString url = m_ui->baseUrlEdit->text().trimmed();
    p.baseUrl = url.isEmpty() ? QUrl() : QUrl(url, QUrl::StrictMode);
    p.readOnly = m_ui->readOnlyCheck->isChecked();
    p.trackSiteId = m_ui->siteIdEdit->text().trimmed();
    return p;
}

QString WorkspaceDialog::appKey() const
{
    return m_ui->appKeyEdit->text().trimmed();
}

QString WorkspaceDialog::trackKey() const
{
    return m_ui->trackKeyEdit->text().trimmed();
}

void WorkspaceDialog::requestTest()
{
    if (appKey().isEmpty()) {
        m_ui->testResult->setText(tr("Type the key first."));
        return;
    }
    const models::WorkspaceProfile p = profile();
    emit testRequested(p.region, p.baseUrl, appKey());
}

void WorkspaceDialog::setTestRunning()
{
    m_ui->testButton->setEnabled(false);
    m_ui->switchRegionButton->hide();
    m_ui->testResult->setText(tr("Testing…"));
}

void WorkspaceDialog::setTestVerdict(const models::ConnectionVerdict &verdict)
{
    m_ui->testButton->setEnabled(true);
    m_ui->testResult->setPalette(theme::withTextColour(
        m_ui->testResult->palette(), verdict.ok() ? theme::Role::SuccessText : theme::Role::ErrorText));
    m_ui->testResult->setText(verdict.message());
    m_suggestedRegion = verdict.suggestedRegion;
    m_ui->switchRegionButton->setVisible(verdict.outcome == models::ConnectionVerdict::Outcome::WrongRegion);
    m_ui->switchRegionButton->setText(
        tr("Switch to %1").arg(api::regionName(verdict.suggestedRegion).toUpper()));
}

void WorkspaceDialog::setSaveError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setVisible(!message.isEmpty());
}

void WorkspaceDialog::setBusy(bool busy)
{
    m_ui->buttonBox->setEnabled(!busy);
    m_ui->testButton->setEnabled(!busy);
}

void WorkspaceDialog::updateButtons()
{
    const bool needsKey = isNew() && appKey().isEmpty();
    const bool trackIncomplete =
        isNew() && !m_ui->siteIdEdit->text().trimmed().isEmpty() && trackKey().isEmpty();
    m_ui->buttonBox->button(QDialogButtonBox::Save)
        ->setEnabled(!m_ui->nameEdit->text().trimmed().isEmpty() && !needsKey && !trackIncomplete);
    m_ui->testButton->setEnabled(!appKey().isEmpty());
}

} // namespace cio::ui
