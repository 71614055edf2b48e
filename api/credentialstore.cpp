#include "api/credentialstore.h"

#include <qt6keychain/keychain.h>

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcCredentials, "cio.api.credentials")

namespace cio::api {

namespace {

CredentialError errorOf(const QKeychain::Job *job)
{
    CredentialError error;
    switch (job->error()) {
    case QKeychain::NoError:
        return error;
    case QKeychain::EntryNotFound:
        error.kind = CredentialError::Kind::NotFound;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        error.kind = CredentialError::Kind::Denied;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        error.kind = CredentialError::Kind::NoKeychain;
        break;
    default:
        error.kind = CredentialError::Kind::Other;
        break;
    }
    error.technical = job->errorString();
    // libsecret reports a missing Secret Service as a generic error; it means "no keychain" to a user.
    if (error.kind == CredentialError::Kind::Other &&
        (error.technical.contains(QLatin1String("org.freedesktop.secrets")) ||
         error.technical.contains(QLatin1String("ServiceUnknown"), Qt::CaseInsensitive) ||
         error.technical.contains(QLatin1String("not provided by any .service"))))
        error.kind = CredentialError::Kind::NoKeychain;
    return error;
}

// Runs a keychain job and calls done exactly once: with its result, or with Timeout when the backend
// does not answer in time. A timed-out job is left to finish (and delete itself) on its own.
void runJob(QKeychain::Job *job, int timeoutMs, const QObject *context,
            std::function<void(QKeychain::Job *, const CredentialError &)> done)
{
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    auto answered = std::make_shared<bool>(false);
    QPointer<QObject> guard(const_cast<QObject *>(context));
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);

    QObject::connect(job, &QKeychain::Job::finished, job, [=](QKeychain::Job *finishedJob) {
        timer->stop();
        if (!*answered) {
            *answered = true;
            const CredentialError error = errorOf(finishedJob);
            if (error.isError() && error.kind != CredentialError::Kind::NotFound)
                qCWarning(lcCredentials) << "keychain job failed:" << error.technical;
            if (guard)
                done(finishedJob, error);
        }
        finishedJob->deleteLater();
    });
    QObject::connect(timer, &QTimer::timeout, job, [=] {
        if (*answered)
            return;
        *answered = true;
        qCWarning(lcCredentials) << "keychain did not answer within" << timeoutMs << "ms";
        CredentialError error;
        error.kind = CredentialError::Kind::Timeout;
        if (guard)
            done(job, error);
    });
    timer->start(timeoutMs);
    job->start();
}

} // namespace

QString CredentialError::message() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::NotFound:
        return tr("No API key is stored for this workspace. Enter the key again in the workspace settings.");
    case Kind::NoKeychain:
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
        return tr("No keychain is available, so the API key cannot be stored safely. Install and start a "
                  "Secret Service provider (GNOME Keyring or KWallet) and log in again, or use the key for "
                  "this session only.");
#else
        return tr("The system keychain is not available, so the API key cannot be stored safely. You can "
                  "use the key for this session only.");
#endif
    case Kind::Denied:
        return tr("The keychain refused access to the API key (it may be locked). Unlock it and try again.");
    case Kind::Timeout:
        return tr("The keychain did not answer in time. It may be waiting for you to unlock it; try again, "
                  "or use the key for this session only.");
    case Kind::Other:
        return tr("The keychain reported an error: %1").arg(technical);
    }
    return {};
}

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

void CredentialStore::read(const QString &account, const QObject *context, ReadCallback callback)
{
    if (m_session.contains(account)) {
        const QString secret = m_session.value(account);
        QMetaObject::invokeMethod(
            const_cast<QObject *>(context), [callback, secret] { callback(secret, {}); },
            Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(account);
    runJob(job, m_timeoutMs, context, [callback](QKeychain::Job *j, const CredentialError &error) {
        callback(error.isError() ? QString() : static_cast<QKeychain::ReadPasswordJob *>(j)->textData(),
                 error);
    });
}

void CredentialStore::write(const QString &account, const QString &secret, const QObject *context,
                            DoneCallback callback)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(account);
    job->setTextData(secret);
    runJob(job, m_timeoutMs, context,
           [this, account, callback](QKeychain::Job *, const CredentialError &error) {
               // A stored key replaces a session-only one.
               if (!error.isError())
                   m_session.remove(account);
               callback(error);
           });
}

void CredentialStore::remove(const QString &account, const QObject *context, DoneCallback callback)
{
    m_session.remove(account);
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(account);
    runJob(job, m_timeoutMs, context, [callback](QKeychain::Job *, const CredentialError &error) {
        callback(error.kind == CredentialError::Kind::NotFound ? CredentialError{} : error);
    });
}

void CredentialStore::setSessionSecret(const QString &account, const QString &secret)
{
    m_session.insert(account, secret);
}

QString CredentialStore::appKeyAccount(const QString &profileId)
{
    return profileId + QLatin1String("/app-api-key");
}

QString CredentialStore::trackKeyAccount(const QString &profileId)
{
    return profileId + QLatin1String("/track-api-key");
}

} // namespace cio::api
