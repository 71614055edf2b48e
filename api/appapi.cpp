#include "api/appapi.h"

#include "api/client.h"
#include "api/jsonfields.h"
#include "api/paging.h"
#include "api/ratelimiter.h"

#include <QCoreApplication>
#include <QPointer>

namespace cio::api {

namespace {

QString path(const char *format, qint64 a)
{
    return QString::fromLatin1(format).arg(a);
}

QString path(const char *format, qint64 a, qint64 b)
{
    return QString::fromLatin1(format).arg(a).arg(b);
}

QString messagePath(const QString &id, const char *suffix = "")
{
    // Delivery ids are base64 and may hold '=', '/' or '+'.
    return QStringLiteral("/v1/messages/") + Request::encodeSegment(id) + QLatin1String(suffix);
}

int headerInt(const QHash<QByteArray, QByteArray> &headers, const QByteArray &name)
{
    bool ok = false;
    const int n = headers.value(name).trimmed().toInt(&ok);
    return ok && n >= 0 ? n : -1;
}

Error noClient()
{
    return Error::make(Error::Kind::Cancelled, {}, QStringLiteral("no client"));
}

// An answer that needs no request still comes later from the event loop, like the client's, and not
// once the context is gone: a caller may rely on the call returning first.
void later(const QObject *context, std::function<void()> call)
{
    QObject *target = const_cast<QObject *>(context);
    if (!target)
        target = QCoreApplication::instance();
    if (target)
        QMetaObject::invokeMethod(target, std::move(call), Qt::QueuedConnection);
}

// Checks the envelope `{ "<key>": { ... } }` and converts it.
template <class T>
void sendOne(Client *client, const Request &request, const QString &key, const QObject *context,
             std::function<void(const T &, const Error &)> cb)
{
    if (!client)
        return later(context, [cb] { cb(T{}, noClient()); });
    client->send(request, context, [key, cb = std::move(cb)](const Response &r) {
        if (!r.ok())
            return cb(T{}, r.error);
        const QJsonValue v = r.json.value(key);
        if (!v.isObject()) {
            Error e = Error::make(Error::Kind::BadResponse, {}, QStringLiteral("no \"%1\" object").arg(key));
            e.httpStatus = r.status;
            return cb(T{}, e);
        }
        const T item = T::fromJson(v.toObject());
        const QString missing = missingRequired(item);
        if (!missing.isEmpty()) {
            Error e = Error::make(Error::Kind::BadResponse, {}, QStringLiteral("%1: %2").arg(key, missing));
            e.httpStatus = r.status;
            return cb(T{}, e);
        }
        cb(item, {});
    });
}

// A list with an item that lacks what it must carry is malformed as a whole: nothing from it is used.
template <class T> Error checkedList(const QList<T> &items, const QString &key, const Error &error)
{
    if (error.isError())
        return error;
    const QString missing = missingRequiredIn(items, key);
    return missing.isEmpty() ? Error{} : Error::make(Error::Kind::BadResponse, {}, missing);
}

// Unpaged lists `{ "<key>": [ ... ] }`; fetchAll also copes with a `next` should one appear.
template <class T>
void sendList(Client *client, const Request &request, const QString &key, const QObject *context,
              std::function<void(const QList<T> &, const Error &)> cb)
{
    if (!client)
        return later(context, [cb] { cb({}, noClient()); });
    client->fetchAll(request, key, context,
                     [key, cb = std::move(cb)](const QJsonArray &items, const Error &error) {
                         const QList<T> list = error.isError() ? QList<T>{} : listFromJson<T>(items);
                         const Error checked = checkedList(list, key, error);
                         cb(checked.isError() ? QList<T>{} : list, checked);
                     });
}

} // namespace

AppApi::AppApi(Client *client)
    : m_client(client)
{}

void AppApi::newslettersPage(
    const QString &start, int limit, const QObject *context,
    std::function<void(const QList<Newsletter> &, const QString &, const Error &)> cb)
{
    if (!m_client)
        return later(context, [cb] { cb({}, {}, noClient()); });
    fetchPage(m_client, Request::get(QStringLiteral("/v1/newsletters")), QStringLiteral("newsletters"), start,
              limit, context,
              [cb = std::move(cb)](const QJsonArray &items, const QString &next, const Error &e) {
                  const QList<Newsletter> list = listFromJson<Newsletter>(items);
                  const Error checked = checkedList(list, QStringLiteral("newsletters"), e);
                  cb(checked.isError() ? QList<Newsletter>{} : list, checked.isError() ? QString() : next, checked);
              });
}

void AppApi::allNewsletters(const QObject *context,
                            std::function<void(const QList<Newsletter> &, const Error &)> cb)
{
    sendList(m_client, Request::get(QStringLiteral("/v1/newsletters")), QStringLiteral("newsletters"),
             context, std::move(cb));
}

void AppApi::newsletter(qint64 id, const QObject *context,
                        std::function<void(const Newsletter &, const Error &)> cb)
{
    sendOne(m_client, Request::get(path("/v1/newsletters/%1", id)), QStringLiteral("newsletter"), context,
            std::move(cb));
}

void AppApi::contents(qint64 newsletterId, const QObject *context,
                      std::function<void(const QList<Content> &, const Error &)> cb)
{
    sendList(m_client, Request::get(path("/v1/newsletters/%1/contents", newsletterId)),
             QStringLiteral("contents"), context, std::move(cb));
}

void AppApi::content(qint64 newsletterId, qint64 contentId, const QObject *context,
                     std::function<void(const Content &, const Error &)> cb)
{
    sendOne(m_client, Request::get(path("/v1/newsletters/%1/contents/%2", newsletterId, contentId)),
            QStringLiteral("content"), context, std::move(cb));
}

void AppApi::testGroups(qint64 newsletterId, const QObject *context,
                        std::function<void(const QList<TestGroup> &, const Error &)> cb)
{
    sendList(m_client, Request::get(path("/v1/newsletters/%1/test_groups", newsletterId)),
             QStringLiteral("test_groups"), context, std::move(cb));
}

void AppApi::snippets(const QObject *context, std::function<void(const QList<Snippet> &, const Error &)> cb)
{
    sendList(m_client, Request::get(QStringLiteral("/v1/snippets")), QStringLiteral("snippets"), context,
             std::move(cb));
}

void AppApi::segments(const QObject *context, std::function<void(const QList<Segment> &, const Error &)> cb)
{
    sendList(m_client, Request::get(QStringLiteral("/v1/segments")), QStringLiteral("segments"), context,
             std::move(cb));
}

void AppApi::senderIdentities(const QObject *context,
                              std::function<void(const QList<SenderIdentity> &, const Error &)> cb)
{
    sendList(m_client, Request::get(QStringLiteral("/v1/sender_identities")),
             QStringLiteral("sender_identities"), context, std::move(cb));
}

void AppApi::ipAddresses(const QObject *context, std::function<void(const QStringList &, const Error &)> cb)
{
    if (!m_client)
        return later(context, [cb] { cb({}, noClient()); });
    m_client->send(Request::get(QStringLiteral("/v1/info/ip_addresses")), context,
                   [cb = std::move(cb)](const Response &r) {
                       if (!r.ok())
                           return cb({}, r.error);
                       QStringList out;
                       const QJsonArray list = r.json.value(QLatin1String("ip_addresses")).toArray();
                       for (const QJsonValue &v : list) {
                           if (v.isString())
                               out.append(v.toString());
                       }
                       cb(out, {});
                   });
}

void AppApi::updateContent(const Content &content, const QSet<QString> &fields, const QObject *context,
                           std::function<void(const Content &, const Error &)> cb)
{
    sendOne(m_client,
            Request::put(path("/v1/newsletters/%1/contents/%2", content.newsletterId, content.id),
                         content.toUpdate(fields)),
            QStringLiteral("content"), context, std::move(cb));
}

void AppApi::addLanguage(qint64 newsletterId, const QString &testGroupId, const QString &language,
                         const Content &from, const QObject *context,
                         std::function<void(const Newsletter &, const Error &)> cb)
{
    if (!m_client)
        return later(context, [cb] { cb(Newsletter{}, noClient()); });
    // The contract's request oneOf has no discriminator and no additionalProperties: false, so an email
    // body with language, subject and body also matches the SMS, Push and Webhook branches and is
    // refused (422). {language} alone matches exactly one branch. The translation is then made a copy of
    // `from` (the arm's Default) by a PUT of whatever the server's new variant does not already hold.
    const QString base = testGroupId.isEmpty()
                             ? path("/v1/newsletters/%1/language", newsletterId)
                             : path("/v1/newsletters/%1/test_group/", newsletterId) +
                                   Request::encodeSegment(testGroupId) + QLatin1String("/language");
    Client *client = m_client;
    QPointer<const QObject> guard(context);
    sendOne<Newsletter>(
        client, Request::post(base, QJsonObject{{QStringLiteral("language"), language}}),
        QStringLiteral("newsletter"), context,
        [client, guard, base, language, from, cb](const Newsletter &newsletter, const Error &error) {
            if (!guard) // the caller is gone: nobody to answer
                return;
            if (error.isError())
                return cb(newsletter, error);
            sendOne<Content>(
                client, Request::get(base + QLatin1Char('/') + Request::encodeSegment(language)),
                QStringLiteral("content"), guard,
                [client, guard, newsletter, from, cb](const Content &added, const Error &readError) {
                    if (!guard)
                        return;
                    if (readError.isError())
                        return cb(newsletter, readError);
                    QSet<QString> fields;
                    if (added.subject != from.subject)
                        fields.insert(QStringLiteral("subject"));
                    if (added.body != from.body)
                        fields.insert(QStringLiteral("body"));
                    if (added.preheaderText != from.preheaderText)
                        fields.insert(QStringLiteral("preheader_text"));
                    if (added.bodyPlain != from.bodyPlain)
                        fields.insert(QStringLiteral("body_plain"));
                    if (added.bodyAmp != from.bodyAmp)
                        fields.insert(QStringLiteral("body_amp"));
                    Content fill = from;
                    fill.id = added.id;
                    fill.newsletterId = added.newsletterId ? added.newsletterId : newsletter.id;
                    fill.type = added.type;
                    const QJsonObject body = fill.toUpdate(fields);
                    if (body.size() <= 1) // only "type": the copy is complete
                        return cb(newsletter, {});
                    sendOne<Content>(
                        client,
                        Request::put(path("/v1/newsletters/%1/contents/%2", fill.newsletterId, fill.id), body),
                        QStringLiteral("content"), guard,
                        [newsletter, cb](const Content &, const Error &fillError) { cb(newsletter, fillError); });
                });
        });
}

void AppApi::putSnippet(const QString &name, const QString &value, const QObject *context,
                        std::function<void(const Snippet &, const Error &)> cb, int startWithinMs)
{
    Request request = Request::put(QStringLiteral("/v1/snippets"),
                                   QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    request.startWithinMs = startWithinMs;
    sendOne(m_client, request, QStringLiteral("snippet"), context, std::move(cb));
}

void AppApi::createSnippet(const QString &name, const QString &value, const QObject *context,
                           std::function<void(const Snippet &, const Error &)> cb)
{
    sendOne(m_client,
            Request::post(QStringLiteral("/v1/snippets"),
                          QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}}),
            QStringLiteral("snippet"), context, std::move(cb));
}

bool AppApi::isNameTaken(const Error &error)
{
    // The contract's example: 422 {"errors":[{"detail":"A snippet with that name already exists",
    // "source":{"pointer":"/name"}}]}; other 422s name a blank or long name or value.
    return error.httpStatus == 422 && (error.detail.contains(QLatin1String("exists"), Qt::CaseInsensitive) ||
                                       error.detail.contains(QLatin1String("taken"), Qt::CaseInsensitive));
}

void AppApi::deleteSnippet(const QString &name, const QObject *context, std::function<void(const Error &)> cb)
{
    if (!m_client)
        return later(context, [cb] { cb(noClient()); });
    // Names may hold spaces, '/' or '#': one encoded path segment (NOTES.md).
    m_client->send(Request::del(QStringLiteral("/v1/snippets/") + Request::encodeSegment(name)), context,
                   [cb = std::move(cb)](const Response &r) { cb(r.error); });
}

void AppApi::newsletterDeliveries(qint64 newsletterId, const QObject *context,
                                  std::function<void(const QList<Delivery> &, const Error &)> cb)
{
    if (!m_client)
        return later(context, [cb] { cb({}, noClient()); });
    m_client->fetchAll(
        Request::get(path("/v1/newsletters/%1/messages", newsletterId)), QStringLiteral("messages"), context,
        [cb = std::move(cb)](const QJsonArray &items, const Error &error) {
            const QList<Delivery> list = error.isError() ? QList<Delivery>{} : listFromJson<Delivery>(items);
            const Error checked = checkedList(list, QStringLiteral("messages"), error);
            cb(checked.isError() ? QList<Delivery>{} : list, checked);
        },
        1000);
}

void AppApi::newsletterDeliveriesPage(
    qint64 newsletterId, const QString &start, int limit, const QObject *context,
    std::function<void(const QList<Delivery> &, const QString &, const Error &)> cb)
{
    if (!m_client)
        return later(context, [cb] { cb({}, {}, noClient()); });
    fetchPage(m_client, Request::get(path("/v1/newsletters/%1/messages", newsletterId)),
              QStringLiteral("messages"), start, limit, context,
              [cb = std::move(cb)](const QJsonArray &items, const QString &next, const Error &e) {
                  const QList<Delivery> list = listFromJson<Delivery>(items);
                  const Error checked = checkedList(list, QStringLiteral("messages"), e);
                  cb(checked.isError() ? QList<Delivery>{} : list, checked.isError() ? QString() : next, checked);
              });
}

void AppApi::delivery(const QString &id, const QObject *context,
                      std::function<void(const Delivery &, const Error &)> cb)
{
    sendOne(m_client, Request::get(messagePath(id)), QStringLiteral("message"), context, std::move(cb));
}

void AppApi::archivedMessage(
    const QString &id, const QObject *context,
    std::function<void(const ArchivedMessage &, const DailyQuota &, const Error &)> cb)
{
    if (!m_client)
        return later(context, [cb] { cb({}, {}, noClient()); });
    const QString target = messagePath(id, "/archived_message");
    const QPointer<Client> client = m_client;
    m_client->send(Request::get(target), context, [client, target, cb = std::move(cb)](const Response &r) {
        DailyQuota quota{headerInt(r.headers, "x-ratelimit-limit"),
                         headerInt(r.headers, "x-ratelimit-remaining")};
        if (!quota.isKnown() && client) { // refused without asking: what the last answer said
            quota.limit = client->rateLimiter()->quotaLimit(target);
            quota.remaining = client->rateLimiter()->quotaRemaining(target);
        }
        if (!r.ok())
            return cb({}, quota, r.error);
        const QJsonValue v = r.json.value(QLatin1String("archived_message"));
        if (!v.isObject()) {
            Error e =
                Error::make(Error::Kind::BadResponse, {}, QStringLiteral("no \"archived_message\" object"));
            e.httpStatus = r.status;
            return cb({}, quota, e);
        }
        cb(ArchivedMessage::fromJson(v.toObject()), quota, {});
    });
}

DailyQuota AppApi::archivedMessageQuota() const
{
    if (!m_client)
        return {};
    // The quota is one per workspace: any archived-message path answers for all of them.
    const QString target = messagePath(QStringLiteral("any"), "/archived_message");
    return {m_client->rateLimiter()->quotaLimit(target), m_client->rateLimiter()->quotaRemaining(target)};
}

// Segments.

namespace {

// `identifiers` when present; otherwise the bare `ids` strings of older answers.
QList<CustomerIdentifiers> membersFromPage(const QJsonObject &page)
{
    QList<CustomerIdentifiers> out;
    const QJsonValue identifiers = page.value(QLatin1String("identifiers"));
    if (identifiers.isArray()) {
        const QJsonArray array = identifiers.toArray();
        out.reserve(array.size());
        for (const QJsonValue &v : array) {
            if (v.isObject())
                out.append(customerIdentifiersFromJson(v.toObject()));
        }
        return out;
    }
    const QJsonArray ids = page.value(QLatin1String("ids")).toArray();
    for (const QJsonValue &v : ids) {
        if (v.isString())
            out.append({v.toString(), {}, {}});
    }
    return out;
}

} // namespace

void AppApi::segment(qint64 id, const QObject *context,
                     std::function<void(const Segment &, const Error &)> cb)
{
    sendOne(m_client, Request::get(path("/v1/segments/%1", id)), QStringLiteral("segment"), context,
            std::move(cb));
}

void AppApi::createSegment(const QString &name, const QString &description, const QObject *context,
                           std::function<void(const Segment &, const Error &)> cb)
{
    QJsonObject segment{{QStringLiteral("name"), name}};
    if (!description.isEmpty())
        segment.insert(QStringLiteral("description"), description);
    sendOne(m_client, Request::post(QStringLiteral("/v1/segments"), {{QStringLiteral("segment"), segment}}),
            QStringLiteral("segment"), context, std::move(cb));
}

void AppApi::deleteSegment(const Segment &segment, const QObject *context, std::function<void(const Error &)> cb)
{
    if (!m_client)
        return later(context, [cb] { cb(noClient()); });
    if (!segment.isManual()) {
        return cb(Error::make(Error::Kind::Rejected,
                              tr("“%1” is a data-driven segment; the API deletes only manual segments. Delete "
                                 "it in Customer.io.")
                                  .arg(segment.name),
                              QStringLiteral("refused before sending: segment type \"%1\"").arg(segment.type)));
    }
    m_client->send(Request::del(path("/v1/segments/%1", segment.id)), context,
                   [cb = std::move(cb)](const Response &r) { cb(r.error); });
}

void AppApi::segmentCustomerCount(qint64 id, const QObject *context,
                                  std::function<void(qint64, const Error &)> cb)
{
    if (!m_client)
        return later(context, [cb] { cb(0, noClient()); });
    m_client->send(Request::get(path("/v1/segments/%1/customer_count", id)), context,
                   [cb = std::move(cb)](const Response &r) {
                       if (!r.ok())
                           return cb(0, r.error);
                       const std::optional<qint64> count =
                           json::toInteger(r.json.value(QLatin1String("count")));
                       if (!count || *count < 0) {
                           Error e =
                               Error::make(Error::Kind::BadResponse, {}, QStringLiteral("no \"count\""));
                           e.httpStatus = r.status;
                           return cb(0, e);
                       }
                       cb(*count, {});
                   });
}

void AppApi::segmentMembersPage(
    qint64 id, const QString &start, int limit, const QObject *context,
    std::function<void(const QList<CustomerIdentifiers> &, const QString &, const Error &)> cb)
{
    if (!m_client)
        return later(context, [cb] { cb({}, {}, noClient()); });
    m_client->send(pageRequest(Request::get(path("/v1/segments/%1/membership", id)), start, limit), context,
                   [cb = std::move(cb)](const Response &r) {
                       if (!r.ok())
                           return cb({}, {}, r.error);
                       // A page without either list is broken, not empty (an export would come out empty).
                       if (!r.json.value(QLatin1String("identifiers")).isArray() &&
                           !r.json.value(QLatin1String("ids")).isArray()) {
                           Error e = Error::make(Error::Kind::BadResponse, {},
                                                 QStringLiteral("a membership page without \"identifiers\""));
                           e.httpStatus = r.status;
                           return cb({}, {}, e);
                       }
                       cb(membersFromPage(r.json), nextCursor(r.json), {});
                   });
}

void AppApi::allSegmentMembers(qint64 id, const QObject *context,
                               std::function<void(const QList<CustomerIdentifiers> &, const Error &)> cb,
                               int pageLimit)
{
    if (!m_client)
        return later(context, [cb] { cb({}, noClient()); });
    m_client->fetchAll(
        Request::get(path("/v1/segments/%1/membership", id)), QStringLiteral("identifiers"), context,
        [cb = std::move(cb)](const QJsonArray &items, const Error &error) {
            QList<CustomerIdentifiers> out;
            if (!error.isError()) {
                out.reserve(items.size());
                for (const QJsonValue &v : items)
                    out.append(customerIdentifiersFromJson(v.toObject()));
            }
            cb(out, error);
        },
        pageLimit);
}

void AppApi::segmentUsedBy(qint64 id, const QObject *context,
                           std::function<void(const SegmentUsage &, const Error &)> cb)
{
    if (!m_client)
        return later(context, [cb] { cb({}, noClient()); });
    m_client->send(Request::get(path("/v1/segments/%1/used_by", id)), context,
                   [cb = std::move(cb)](const Response &r) {
                       if (!r.ok())
                           return cb({}, r.error);
                       cb(SegmentUsage::fromJson(r.json), {});
                   });
}

} // namespace cio::api
