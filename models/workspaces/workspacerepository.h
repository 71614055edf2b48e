#pragma once

#include "api/credentialstore.h"
#include "models/workspaces/workspaceprofiles.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QSettings;

namespace cio::models {

// Saving, loading and removing workspaces as a whole: the profile in settings, its keys in the keychain
// and its local data folder. Secrets go to the CredentialStore only.
class WorkspaceRepository final : public QObject
{
    Q_OBJECT

public:
    struct Keys
    {
        QString appKey;           // empty on update = keep the stored one
        QString trackKey;         // empty = keep / none
        bool sessionOnly = false; // keep the keys in memory for this session, not in the keychain
    };
    using Done = std::function<void(const WorkspaceProfile &profile, const QString &error,
                                    const api::CredentialError &keychainError)>;

    WorkspaceRepository(api::CredentialStore *credentials, QSettings *settings = nullptr,
                        QObject *parent = nullptr);

    WorkspaceProfiles &profiles() { return m_profiles; }
    api::CredentialStore *credentials() const { return m_credentials; }

    // Adds (profile.id empty) or updates a workspace. The keys are stored first, so a profile is never
    // saved without its key; on a keychain failure nothing is saved and keychainError says why.
    void save(WorkspaceProfile profile, const Keys &keys, const QObject *context, Done done);
    // Deletes the keys, the local data folder and the profile.
    void remove(const WorkspaceProfile &profile, const QObject *context,
                std::function<void(const api::CredentialError &error)> done);
    void loadAppKey(const WorkspaceProfile &profile, const QObject *context,
                    api::CredentialStore::ReadCallback done);
    void loadTrackKey(const WorkspaceProfile &profile, const QObject *context,
                      api::CredentialStore::ReadCallback done);

    // The workspace's own folder for its local store, drafts and snapshots.
    static QString dataDirectory(const QString &profileId);

private:
    void storeKey(const QString &account, const QString &secret, bool sessionOnly, const QObject *context,
                  api::CredentialStore::DoneCallback done);

    QPointer<api::CredentialStore> m_credentials;
    WorkspaceProfiles m_profiles;
};

} // namespace cio::models
