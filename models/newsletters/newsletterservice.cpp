#include "models/newsletters/newsletterservice.h"

#include "api/appapi.h"
#include "api/client.h"
#include "models/store/localstore.h"

#include <memory>

namespace cio::models {

NewsletterService::NewsletterService(api::Client *client, LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{}

void NewsletterService::load(qint64 newsletterId, const QObject *context, BundleDone done)
{
    struct Join
    {
        NewsletterBundle bundle;
        api::Error error;
        int pending = 3;
        BundleDone done;
    };
    auto join = std::make_shared<Join>();
    join->done = std::move(done);
    join->bundle.newsletter.id = newsletterId;
    const auto partDone = [join, store = m_store, newsletterId](const api::Error &error) {
        if (error.isError() && !join->error.isError())
            join->error = error;
        if (--join->pending > 0)
            return;
        NewsletterBundle &bundle = join->bundle;
        if (join->error.isError() && store) {
            if (const auto stored = store->newsletter(newsletterId)) {
                bundle.newsletter = *stored;
                bundle.contents = store->contents(newsletterId);
                bundle.groups = store->testGroups(newsletterId);
                bundle.fromStore = !bundle.contents.isEmpty();
            }
        } else if (!join->error.isError() && store) {
            store->storeNewsletterDetail(bundle.newsletter, bundle.contents, bundle.groups);
        }
        join->done(bundle, join->error);
    };
    api::AppApi api(m_client);
    api.newsletter(newsletterId, context, [join, partDone](const api::Newsletter &n, const api::Error &error) {
        if (!error.isError())
            join->bundle.newsletter = n;
        partDone(error);
    });
    api.contents(newsletterId, context,
                 [join, partDone](const QList<api::Content> &contents, const api::Error &error) {
                     if (!error.isError())
                         join->bundle.contents = contents;
                     partDone(error);
                 });
    api.testGroups(newsletterId, context,
                   [join, partDone](const QList<api::TestGroup> &groups, const api::Error &error) {
                       if (!error.isError())
                           join->bundle.groups = groups;
                       partDone(error);
                   });
}

void NewsletterService::newsletterName(qint64 newsletterId, const QObject *context,
                                       std::function<void(const QString &, const api::Error &)> done)
{
    const QPointer<const QObject> guard(context);
    if (m_names.contains(newsletterId)) {
        const QString name = m_names.value(newsletterId);
        // Always later, like every answer that needs a request.
        QMetaObject::invokeMethod(
            this, [guard, name, done] { if (guard) done(name, {}); }, Qt::QueuedConnection);
        return;
    }
    api::AppApi(m_client).newsletter(newsletterId, this,
                                     [this, guard, newsletterId, done](const api::Newsletter &n,
                                                                       const api::Error &error) {
                                         if (!error.isError())
                                             m_names.insert(newsletterId, n.name);
                                         if (guard)
                                             done(n.name, error);
                                     });
}

QString NewsletterService::knownName(qint64 newsletterId) const
{
    return m_names.value(newsletterId);
}

void NewsletterService::addLanguage(qint64 newsletterId, const QString &language,
                                    const QList<LanguageTarget> &targets, const QObject *context,
                                    std::function<void(const QStringList &failures)> done)
{
    struct Join
    {
        int remaining = 0;
        QStringList failures;
        std::function<void(const QStringList &)> done;
    };
    auto join = std::make_shared<Join>();
    join->remaining = int(targets.size());
    join->done = std::move(done);
    if (targets.isEmpty()) {
        const QPointer<const QObject> guard(context);
        QMetaObject::invokeMethod(
            this, [guard, join] { if (guard) join->done({}); }, Qt::QueuedConnection);
        return;
    }
    for (const LanguageTarget &target : targets) {
        const QString groupName = target.groupName;
        api::AppApi(m_client).addLanguage(
            newsletterId, target.groupId, language, target.from, context,
            [join, groupName](const api::Newsletter &, const api::Error &error) {
                // Error::message() is the one place that puts API errors into words.
                if (error.isError())
                    join->failures.append(groupName.isEmpty() ? error.message()
                                                              : tr("%1: %2").arg(groupName, error.message()));
                if (--join->remaining == 0)
                    join->done(join->failures);
            });
    }
}

void NewsletterService::revertToServer(qint64 newsletterId, qint64 contentId, const QObject *context,
                                       std::function<void(const api::Content &, const api::Error &)> done)
{
    api::AppApi(m_client).content(
        newsletterId, contentId, context,
        [store = m_store, done](const api::Content &fresh, const api::Error &error) {
            if (!error.isError() && store) {
                store->storeContent(fresh);
                store->discardDraft(fresh.id);
            }
            done(fresh, error);
        });
}

void NewsletterService::senders(const QObject *context,
                                std::function<void(const QList<api::SenderIdentity> &, const api::Error &)> done)
{
    m_senderWaiters.append({QPointer<const QObject>(context), std::move(done)});
    if (m_senders) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                const auto waiters = std::exchange(m_senderWaiters, {});
                for (const auto &w : waiters)
                    if (w.first)
                        w.second(*m_senders, {});
            },
            Qt::QueuedConnection);
        return;
    }
    if (m_sendersInFlight)
        return;
    m_sendersInFlight = true;
    api::AppApi(m_client).senderIdentities(
        this, [this](const QList<api::SenderIdentity> &list, const api::Error &error) {
            m_sendersInFlight = false;
            if (!error.isError())
                m_senders = list; // an error is asked again next time
            const auto waiters = std::exchange(m_senderWaiters, {});
            for (const auto &w : waiters)
                if (w.first)
                    w.second(list, error);
        });
}

void NewsletterService::deliveries(qint64 newsletterId, const QObject *context,
                                   std::function<void(const QList<api::Delivery> &, const api::Error &)> done)
{
    api::AppApi(m_client).newsletterDeliveries(newsletterId, context, std::move(done));
}

void NewsletterService::fetchArchivedMessage(
    const QString &deliveryId, const QObject *context,
    std::function<void(const api::ArchivedMessage &, const ArchiveQuota &, const api::Error &)> done)
{
    api::AppApi(m_client).archivedMessage(
        deliveryId, context,
        [store = m_store, deliveryId, done](const api::ArchivedMessage &message, const api::DailyQuota &quota,
                                            const api::Error &error) {
            if (!error.isError() && store)
                store->storeArchivedMessage(deliveryId, message);
            done(message, ArchiveQuota{quota.limit, quota.remaining}, error);
        });
}

ArchiveQuota NewsletterService::archiveQuota() const
{
    const api::DailyQuota known = api::AppApi(m_client).archivedMessageQuota();
    return {known.limit, known.remaining};
}

} // namespace cio::models
