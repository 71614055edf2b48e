#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace cio::api {

// What went wrong with the OS keychain, as a value the UI turns into a sentence.
struct CredentialError final
{
    Q_DECLARE_TR_FUNCTIONS(cio::api::CredentialError)

public:
    enum class Kind
    {
        None,
        NotFound,   // no secret stored under that name
        NoKeychain, // no keychain service could be reached (e.g. no Secret Service on Linux)
        Denied,     // the keychain is locked or the user/OS refused access
        Timeout,    // the keychain did not answer in time (some backends hang)
        Other,
    };
    Kind kind = Kind::None;
    QString technical; // the backend's own text, for the log; never holds the secret

    bool isError() const { return kind != Kind::None; }
    QString message() const;
};

// Keeps API keys in the OS keychain through QtKeychain (Keychain on macOS, Credential Manager on
// Windows, Secret Service or KWallet on Linux). Never falls back to a plain-text file; when no keychain
// works the caller may keep a key for this session only, in memory (setSessionSecret).
// Every call is asynchronous and bounded by our own timeout.
class CredentialStore final : public QObject
{
    Q_OBJECT

public:
    explicit CredentialStore(const QString &service = QStringLiteral("cio-studio"),
                             QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    QString service() const { return m_service; }

    using ReadCallback = std::function<void(const QString &secret, const CredentialError &error)>;
    using DoneCallback = std::function<void(const CredentialError &error)>;

    // A session-only secret for the account wins over the keychain.
    void read(const QString &account, const QObject *context, ReadCallback callback);
    void write(const QString &account, const QString &secret, const QObject *context, DoneCallback callback);
    // Removes the keychain entry and any session-only secret; a missing entry is not an error.
    void remove(const QString &account, const QObject *context, DoneCallback callback);

    void setSessionSecret(const QString &account, const QString &secret);
    bool hasSessionSecret(const QString &account) const { return m_session.contains(account); }

    // Account names used for a workspace profile's keys.
    static QString appKeyAccount(const QString &profileId);
    static QString trackKeyAccount(const QString &profileId);

private:
    QString m_service;
    int m_timeoutMs = 15000;
    QHash<QString, QString> m_session;
};

} // namespace cio::api
