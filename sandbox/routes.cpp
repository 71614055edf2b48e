#include "routes.h"

#include "datastore.h"
#include "router.h"

namespace cio::sandbox {

namespace {

// Runs `body` with the numeric path parameter at `index`, or answers 404 for a non-number.
template <typename Body> Router::Handler withId(int index, Body body)
{
    return [index, body](const ApiRequest &request) {
        bool ok = false;
        const qint64 id = request.params.value(index).toLongLong(&ok);
        if (!ok)
            return ApiResult::error(404,
                                    QStringLiteral("%1 is not a valid id").arg(request.params.value(index)));
        return body(id, request);
    };
}

template <typename Body> Router::Handler withTwoIds(Body body)
{
    return [body](const ApiRequest &request) {
        bool ok1 = false;
        bool ok2 = false;
        const qint64 first = request.params.value(0).toLongLong(&ok1);
        const qint64 second = request.params.value(1).toLongLong(&ok2);
        if (!ok1 || !ok2)
            return ApiResult::error(404, QStringLiteral("not found"));
        return body(first, second, request);
    };
}

} // namespace

void registerRoutes(Router &router, DataStore &data)
{
    DataStore *d = &data;
    const QByteArray get("GET");
    const QByteArray put("PUT");
    const QByteArray post("POST");
    const QByteArray del("DELETE");
    using R = const ApiRequest &;

    router.add(
        get, QStringLiteral("/v1/info/ip_addresses"), [d](R) { return d->ipAddresses(); }, RouteAuth::None);

    router.add(get, QStringLiteral("/v1/newsletters"), [d](R r) { return d->listNewsletters(r.query); });
    router.add(get, QStringLiteral("/v1/newsletters/{}"),
               withId(0, [d](qint64 id, R) { return d->getNewsletter(id); }));
    router.add(get, QStringLiteral("/v1/newsletters/{}/contents"),
               withId(0, [d](qint64 id, R) { return d->listContents(id); }));
    router.add(get, QStringLiteral("/v1/newsletters/{}/test_groups"),
               withId(0, [d](qint64 id, R) { return d->listTestGroups(id); }));
    router.add(get, QStringLiteral("/v1/newsletters/{}/contents/{}"),
               withTwoIds([d](qint64 n, qint64 c, R) { return d->getContent(n, c); }));
    router.add(put, QStringLiteral("/v1/newsletters/{}/contents/{}"),
               withTwoIds([d](qint64 n, qint64 c, R r) { return d->putContent(n, c, r.body); }));
    router.add(get, QStringLiteral("/v1/newsletters/{}/language/{}"),
               withId(0, [d](qint64 id, R r) { return d->getLanguage(id, QString(), r.params.at(1)); }));
    router.add(put, QStringLiteral("/v1/newsletters/{}/language/{}"), withId(0, [d](qint64 id, R r) {
                   return d->putLanguage(id, QString(), r.params.at(1), r.body);
               }));
    router.add(post, QStringLiteral("/v1/newsletters/{}/language"),
               withId(0, [d](qint64 id, R r) { return d->addLanguage(id, QString(), r.body); }));
    router.add(get, QStringLiteral("/v1/newsletters/{}/test_group/{}/language/{}"),
               withId(0, [d](qint64 id, R r) { return d->getLanguage(id, r.params.at(1), r.params.at(2)); }));
    router.add(put, QStringLiteral("/v1/newsletters/{}/test_group/{}/language/{}"),
               withId(0, [d](qint64 id, R r) {
                   return d->putLanguage(id, r.params.at(1), r.params.at(2), r.body);
               }));
    router.add(post, QStringLiteral("/v1/newsletters/{}/test_group/{}/language"),
               withId(0, [d](qint64 id, R r) { return d->addLanguage(id, r.params.at(1), r.body); }));

    router.add(get, QStringLiteral("/v1/newsletters/{}/messages"),
               withId(0, [d](qint64 id, R r) { return d->listNewsletterMessages(id, r.query); }));
    router.add(get, QStringLiteral("/v1/messages"), [d](R r) { return d->listMessages(r.query); });
    // Delivery ids are opaque strings (base64 with '=', '_', '-'), so no withId here.
    router.add(get, QStringLiteral("/v1/messages/{}"), [d](R r) { return d->getMessage(r.params.at(0)); });
    router.add(get, QStringLiteral("/v1/messages/{}/archived_message"),
               [d](R r) { return d->archivedMessage(r.params.at(0), r.authorization); });

    router.add(get, QStringLiteral("/v1/snippets"), [d](R) { return d->listSnippets(); });
    router.add(put, QStringLiteral("/v1/snippets"), [d](R r) { return d->saveSnippet(r.body, false); });
    router.add(post, QStringLiteral("/v1/snippets"), [d](R r) { return d->saveSnippet(r.body, true); });
    router.add(del, QStringLiteral("/v1/snippets/{}"), [d](R r) { return d->deleteSnippet(r.params.at(0)); });

    router.add(get, QStringLiteral("/v1/segments"), [d](R) { return d->listSegments(); });
    router.add(post, QStringLiteral("/v1/segments"), [d](R r) { return d->createSegment(r.body); });
    router.add(get, QStringLiteral("/v1/segments/{}"),
               withId(0, [d](qint64 id, R) { return d->getSegment(id); }));
    router.add(del, QStringLiteral("/v1/segments/{}"),
               withId(0, [d](qint64 id, R) { return d->deleteSegment(id); }));
    router.add(get, QStringLiteral("/v1/segments/{}/customer_count"),
               withId(0, [d](qint64 id, R) { return d->segmentCustomerCount(id); }));
    router.add(get, QStringLiteral("/v1/segments/{}/membership"),
               withId(0, [d](qint64 id, R r) { return d->segmentMembership(id, r.query); }));
    router.add(get, QStringLiteral("/v1/segments/{}/used_by"),
               withId(0, [d](qint64 id, R) { return d->segmentUsedBy(id); }));

    router.add(get, QStringLiteral("/v1/sender_identities"), [d](R r) { return d->listSenders(r.query); });
    router.add(get, QStringLiteral("/v1/sender_identities/{}"),
               withId(0, [d](qint64 id, R) { return d->getSender(id); }));
    router.add(get, QStringLiteral("/v1/sender_identities/{}/used_by"),
               withId(0, [d](qint64 id, R) { return d->senderUsedBy(id); }));

    // Track API (HTTP Basic site id + Track key), served on the same port for simplicity.
    router.add(post, QStringLiteral("/api/v1/segments/{}/add_customers"),
               withId(0, [d](qint64 id, R r) { return d->changeSegmentMembers(id, r.query, r.body, true); }),
               RouteAuth::TrackApi);
    router.add(post, QStringLiteral("/api/v1/segments/{}/remove_customers"),
               withId(0, [d](qint64 id, R r) { return d->changeSegmentMembers(id, r.query, r.body, false); }),
               RouteAuth::TrackApi);
}

} // namespace cio::sandbox
