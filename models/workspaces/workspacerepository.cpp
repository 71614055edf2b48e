#include "models/workspaces/workspacerepository.h"

#include <QDir>
#include <QStandardPaths>
#include <QUuid>

namespace cio::models {

WorkspaceRepository::WorkspaceRepository(api::CredentialStore *credentials, QSettings *settings,
                                         QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
    , m_profiles(settings)
{}

QString WorkspaceRepository::dataDirectory(const QString &profileId)
{
    // Shared by the GUI and the CLI, so not AppDataLocation (which depends on the program's name).
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QLatin1String("/cio-studio/workspaces/") + profileId;
}

void WorkspaceRepository::storeKey(const QString &account, const QString &secret, bool sessionOnly,
                                   const QObject *context, api::CredentialStore::DoneCallback done)
{
    if (sessionOnly) {
        m_credentials->setSessionSecret(account, secret);
        done({});
        return;
    }
    m_credentials->write(account, secret, context, std::move(done));
}

void WorkspaceRepository::save(WorkspaceProfile profile, const Keys &keys, const QObject *context, Done done)
{
    const QString problem = m_profiles.validate(profile);
    if (!problem.isEmpty()) {
        done(profile, problem, {});
        return;
    }
    const bool isNew = profile.id.isEmpty();
    if (isNew && keys.appKey.trimmed().isEmpty()) {
        done(profile, tr("Enter the workspace's App API key."), {});
        return;
    }
    if (!profile.trackSiteId.isEmpty() && isNew && keys.trackKey.trimmed().isEmpty()) {
        done(profile, tr("Enter the Track API key that goes with the site id, or leave the site id empty."),
             {});
        return;
    }
    if (isNew)
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);

    QPointer<QObject> guard(const_cast<QObject *>(context));
    auto finish = [this, profile, done, guard, isNew](const api::CredentialError &error) mutable {
        if (!guard)
            return;
        if (error.isError()) {
            if (isNew)
                profile.id.clear();
            done(profile, error.message(), error);
            return;
        }
        QString message;
        if (!m_profiles.save(profile, &message)) {
            done(profile, message, {});
            return;
        }
        done(profile, {}, {});
    };
    auto storeTrack = [this, profile, keys, finish](const api::CredentialError &error) mutable {
        if (error.isError() || keys.trackKey.trimmed().isEmpty()) {
            finish(error);
            return;
        }
        storeKey(api::CredentialStore::trackKeyAccount(profile.id), keys.trackKey.trimmed(), keys.sessionOnly,
                 this, finish);
    };
    if (keys.appKey.trimmed().isEmpty())
        storeTrack({});
    else
        storeKey(api::CredentialStore::appKeyAccount(profile.id), keys.appKey.trimmed(), keys.sessionOnly,
                 this, storeTrack);
}

void WorkspaceRepository::remove(const WorkspaceProfile &profile, const QObject *context,
                                 std::function<void(const api::CredentialError &error)> done)
{
    QPointer<QObject> guard(const_cast<QObject *>(context));
    const QString id = profile.id;
    m_credentials->remove(api::CredentialStore::appKeyAccount(id), this,
                          [this, id, guard, done](const api::CredentialError &appError) {
                              m_credentials->remove(
                                  api::CredentialStore::trackKeyAccount(id), this,
                                  [this, id, guard, done, appError](const api::CredentialError &trackError) {
                                      // The profile goes only when its keys are gone, so a retry can finish
                                      // the job.
                                      const api::CredentialError error =
                                          appError.isError() ? appError : trackError;
                                      if (!error.isError()) {
                                          QDir(dataDirectory(id)).removeRecursively();
                                          m_profiles.remove(id);
                                      }
                                      if (guard)
                                          done(error);
                                  });
                          });
}

void WorkspaceRepository::loadAppKey(const WorkspaceProfile &profile, const QObject *context,
                                     api::CredentialStore::ReadCallback done)
{
    m_credentials->read(api::CredentialStore::appKeyAccount(profile.id), context, std::move(done));
}

void WorkspaceRepository::loadTrackKey(const WorkspaceProfile &profile, const QObject *context,
                                       api::CredentialStore::ReadCallback done)
{
    m_credentials->read(api::CredentialStore::trackKeyAccount(profile.id), context, std::move(done));
}

} // namespace cio::models
