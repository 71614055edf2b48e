#pragma once

#include <QCoreApplication>

#include "api/dto.h"
#include "api/error.h"

#include <QPointer>
#include <QStringList>

#include <functional>

namespace cio::api {

class Client;

// A daily quota as the server reported it with an answer (X-RateLimit-Limit / -Remaining).
struct DailyQuota final
{
    int limit = -1;     // -1: not reported
    int remaining = -1; // -1: not reported
    bool isKnown() const { return limit >= 0 && remaining >= 0; }
};

// Typed calls for the screens. Holds nothing but the client, so a temporary works:
// `AppApi(client).newsletter(id, this, ...)`. Callbacks follow Client::send: once, always later from the
// event loop (also when there is no client to ask), on the context, and never once the context is gone.
class AppApi final
{
    Q_DECLARE_TR_FUNCTIONS(cio::api::AppApi)

public:
    explicit AppApi(Client *client);

    void
    newslettersPage(const QString &start, int limit, const QObject *context,
                    std::function<void(const QList<Newsletter> &, const QString &next, const Error &)> cb);
    void allNewsletters(const QObject *context,
                        std::function<void(const QList<Newsletter> &, const Error &)> cb);
    void newsletter(qint64 id, const QObject *context,
                    std::function<void(const Newsletter &, const Error &)> cb);
    void contents(qint64 newsletterId, const QObject *context,
                  std::function<void(const QList<Content> &, const Error &)> cb);
    void content(qint64 newsletterId, qint64 contentId, const QObject *context,
                 std::function<void(const Content &, const Error &)> cb);
    void testGroups(qint64 newsletterId, const QObject *context,
                    std::function<void(const QList<TestGroup> &, const Error &)> cb);
    void snippets(const QObject *context, std::function<void(const QList<Snippet> &, const Error &)> cb);
    void segments(const QObject *context, std::function<void(const QList<Segment> &, const Error &)> cb);
    // All pages.
    void senderIdentities(const QObject *context,
                          std::function<void(const QList<SenderIdentity> &, const Error &)> cb);
    void ipAddresses(const QObject *context, std::function<void(const QStringList &, const Error &)> cb);

    // Additions: save a variant's edited fields (JSON names, see Content::toUpdate; the channel's type).
    void updateContent(const Content &content, const QSet<QString> &fields, const QObject *context,
                       std::function<void(const Content &, const Error &)> cb);
    // Adds a translation (POST …/language, or …/test_group/{tg}/language when testGroupId is not empty),
    // pre-filled with `from`'s email fields. Answers the parent newsletter with its new content ids.
    void addLanguage(qint64 newsletterId, const QString &testGroupId, const QString &language,
                     const Content &from, const QObject *context,
                     std::function<void(const Newsletter &, const Error &)> cb);

    // Creates or changes a snippet (PUT /v1/snippets, an upsert keyed by name); answers the stored snippet.
    // startWithinMs: see Request::startWithinMs (a PUT that must follow a read closely).
    void putSnippet(const QString &name, const QString &value, const QObject *context,
                    std::function<void(const Snippet &, const Error &)> cb, int startWithinMs = 0);
    // Creates a snippet only if none has the name (POST /v1/snippets): atomic, unlike a read then a PUT.
    // A name in use is Rejected with 422; isNameTaken() tells that refusal apart.
    void createSnippet(const QString &name, const QString &value, const QObject *context,
                       std::function<void(const Snippet &, const Error &)> cb);
    static bool isNameTaken(const Error &error);
    // DELETE /v1/snippets/{name}. A snippet still in use is refused with 400 (Rejected, the server's detail).
    void deleteSnippet(const QString &name, const QObject *context, std::function<void(const Error &)> cb);

    // A newsletter's deliveries, newest first, all pages. The contract takes start/limit but declares
    // no `next`; it is followed when the server sends one, and each page asks for 1000 so that a
    // server without it still gives that many.
    void newsletterDeliveries(qint64 newsletterId, const QObject *context,
                              std::function<void(const QList<Delivery> &, const Error &)> cb);
    // One page for a model's fetchMore; `next` is empty on the last page (or without a cursor).
    void newsletterDeliveriesPage(
        qint64 newsletterId, const QString &start, int limit, const QObject *context,
        std::function<void(const QList<Delivery> &, const QString &next, const Error &)> cb);
    void delivery(const QString &id, const QObject *context,
                  std::function<void(const Delivery &, const Error &)> cb);
    // The copy as it was sent. Each call uses up one of a daily quota (100 in the contract); the
    // DailyQuota comes with every answer, errors included. Once it is used up the error is RateLimited
    // with dailyQuota set, and the call is neither retried nor does it pause other requests.
    void archivedMessage(const QString &id, const QObject *context,
                         std::function<void(const ArchivedMessage &, const DailyQuota &, const Error &)> cb);
    // What the last archived-message answer said of the quota (today's, UTC), without asking: unknown
    // before the first answer.
    DailyQuota archivedMessageQuota() const;

    // Segments. Only manual segments can be created or deleted through the App API; people are added
    // to and removed from them through the Track API (api/trackapi.h).
    void segment(qint64 id, const QObject *context, std::function<void(const Segment &, const Error &)> cb);
    void createSegment(const QString &name, const QString &description, const QObject *context,
                       std::function<void(const Segment &, const Error &)> cb);
    // Only manual segments can be deleted through the API; a data-driven one (or one whose type is not
    // known) is refused here, without a request, with the reason in Error::detail.
    void deleteSegment(const Segment &segment, const QObject *context, std::function<void(const Error &)> cb);
    void segmentCustomerCount(qint64 id, const QObject *context,
                              std::function<void(qint64 count, const Error &)> cb);
    // One membership page (limit ≤ 30000; 0 = the server's default of 1000); `next` is empty on the last.
    void segmentMembersPage(
        qint64 id, const QString &start, int limit, const QObject *context,
        std::function<void(const QList<CustomerIdentifiers> &, const QString &next, const Error &)> cb);
    // Every member, all pages of `pageLimit`.
    void allSegmentMembers(qint64 id, const QObject *context,
                           std::function<void(const QList<CustomerIdentifiers> &, const Error &)> cb,
                           int pageLimit = 5000);
    void segmentUsedBy(qint64 id, const QObject *context,
                       std::function<void(const SegmentUsage &, const Error &)> cb);

private:
    QPointer<Client> m_client;
};

} // namespace cio::api
