#pragma once

#include "models/workspaces/connectiontester.h"
#include "models/workspaces/workspaceprofile.h"

#include <QDialog>

#include <memory>

namespace Ui {
class WorkspaceDialog;
}

namespace cio::ui {

// Adds or edits a workspace: name, colour, region, optional API address, the keys and the read-only switch.
// It never talks to the network or the keychain itself: it asks through signals and shows the answers.
class WorkspaceDialog final : public QDialog
{
    Q_OBJECT

public:
    // For a new workspace pass a profile without id; editing keeps the stored keys unless new ones are typed.
    explicit WorkspaceDialog(const models::WorkspaceProfile &profile, QWidget *parent = nullptr);
    ~WorkspaceDialog() override;

    models::WorkspaceProfile profile() const;
    QString appKey() const;
    QString trackKey() const;
    bool isNew() const { return m_profile.id.isEmpty(); }

    void setTestRunning();
    void setTestVerdict(const models::ConnectionVerdict &verdict);
    // Shows why saving failed; the dialog stays open with everything the user typed.
    void setSaveError(const QString &message);
    void setBusy(bool busy);

signals:
    void testRequested(cio::api::Region region, const QUrl &baseUrl, const QString &appKey);
    void saveRequested();

private:
    void requestTest();
    void updateButtons();

    std::unique_ptr<Ui::WorkspaceDialog> m_ui;
    models::WorkspaceProfile m_profile;
    api::Region m_suggestedRegion = api::Region::Us;
};

} // namespace cio::ui
