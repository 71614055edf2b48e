#pragma once

#include "api/dto.h"
#include "api/error.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace cio::api {
class Client;
}

namespace cio::models {

class LocalStore;

// One newsletter as its page shows it: the newsletter, its variants and its A/B test groups.
struct NewsletterBundle final
{
    api::Newsletter newsletter;
    QList<api::Content> contents;
    QList<api::TestGroup> groups;
    bool fromStore = false; // the API failed; this is the copy the local store kept
};

// Where a translation is added: one test group (empty for a newsletter without several), copied from
// that group's Default.
struct LanguageTarget final
{
    QString groupId;
    QString groupName; // for messages; empty without several groups
    api::Content from;
};

// A daily quota as the server last reported it; -1 where not reported.
struct ArchiveQuota final
{
    int limit = -1;
    int remaining = -1;
    bool isKnown() const { return limit >= 0 && remaining >= 0; }
};

// The newsletter reads and changes the Newsletters section and the editor ask for, below the widgets:
// a newsletter with its variants, translations added, a variant read back from the server, the senders,
// deliveries and their archived copies. Every answer comes later, on the context, once, never after
// the context is gone.
class NewsletterService final : public QObject
{
    Q_OBJECT

public:
    // store: where archived copies and re-read variants are kept (may be null).
    NewsletterService(api::Client *client, LocalStore *store, QObject *parent = nullptr);

    using BundleDone = std::function<void(const NewsletterBundle &, const api::Error &)>;
    // The three reads go out together; the first error (if any) comes with the answer. A complete answer
    // is kept in the store; without one, the store's copy (if it has the variants) is the answer, so the
    // user can go on working offline.
    void load(qint64 newsletterId, const QObject *context, BundleDone done);
    // The newsletter's name, read once per session.
    void newsletterName(qint64 newsletterId, const QObject *context,
                        std::function<void(const QString &, const api::Error &)> done);
    // The name when it was read already (or the local store has it); empty otherwise.
    QString knownName(qint64 newsletterId) const;

    // Adds `language` to each target (one POST per test group). `failures` lists what went wrong, each
    // prefixed by its group's name where there are several; empty when everything was added.
    void addLanguage(qint64 newsletterId, const QString &language, const QList<LanguageTarget> &targets,
                     const QObject *context, std::function<void(const QStringList &failures)> done);

    // The variant as the server has it now; kept in the store, where any draft of it is discarded.
    void revertToServer(qint64 newsletterId, qint64 contentId, const QObject *context,
                        std::function<void(const api::Content &, const api::Error &)> done);

    // The workspace's sender identities, read once per session (concurrent asks share the request).
    void senders(const QObject *context,
                 std::function<void(const QList<api::SenderIdentity> &, const api::Error &)> done);

    void deliveries(qint64 newsletterId, const QObject *context,
                    std::function<void(const QList<api::Delivery> &, const api::Error &)> done);
    // An archived copy from the server (one of the daily quota), kept in the store when it came.
    void fetchArchivedMessage(const QString &deliveryId, const QObject *context,
                              std::function<void(const api::ArchivedMessage &, const ArchiveQuota &,
                                                 const api::Error &)>
                                  done);
    // What the server last said of the archived-copy quota (unknown before the first answer).
    ArchiveQuota archiveQuota() const;

private:
    QPointer<api::Client> m_client;
    QPointer<LocalStore> m_store;
    QHash<qint64, QString> m_names;
    std::optional<QList<api::SenderIdentity>> m_senders;
    QList<std::pair<QPointer<const QObject>,
                    std::function<void(const QList<api::SenderIdentity> &, const api::Error &)>>>
        m_senderWaiters;
    bool m_sendersInFlight = false;
};

} // namespace cio::models
