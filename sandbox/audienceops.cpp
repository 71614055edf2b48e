// DataStore: snippets, segments (App and Track API), sender identities, workspace info.
#include "datastore.h"

#include "requestutil.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace cio::sandbox {

namespace {

constexpr qsizetype maxSnippetName = 150;
constexpr qsizetype maxSnippetValue = 16000;
constexpr qsizetype maxTrackIds = 1000;
const PagePolicy membershipPaging{1000, 30000};
const PagePolicy senderPaging{};

// Lengths as Customer.io (Ruby) counts them: characters, i.e. code points, not UTF-16 units.
qsizetype characterCount(const QString &text)
{
    return text.toUcs4().size();
}

ApiResult segmentNotFound(qint64 id)
{
    return ApiResult::error(404, QStringLiteral("segment %1 not found").arg(id));
}

ApiResult senderNotFound(qint64 id)
{
    return ApiResult::error(404, QStringLiteral("sender identity %1 not found").arg(id));
}

} // namespace

ApiResult DataStore::listSnippets() const
{
    QJsonArray snippets;
    for (const QJsonObject &snippet : m_snippets)
        snippets.append(snippet);
    return ApiResult::ok({{QStringLiteral("snippets"), snippets}});
}

ApiResult DataStore::saveSnippet(const QByteArray &body, bool createOnly)
{
    QJsonObject request;
    ApiResult error;
    if (!parseJsonObject(body, &request, &error))
        return error;
    // PUT answers validation problems with 400, POST with 422 and a pointer to the member, in the
    // contract's words (its 422 examples).
    const int status = createOnly ? 422 : 400;
    const auto invalid = [&](const QString &detail, const QString &pointer) {
        return createOnly ? ApiResult::fieldError(status, detail, pointer) : ApiResult::error(status, detail);
    };
    const QJsonValue nameValue = request.value(QLatin1String("name"));
    const QJsonValue valueValue = request.value(QLatin1String("value"));
    const QString name = nameValue.toString().trimmed();
    if (!nameValue.isString() || name.isEmpty())
        return invalid(QStringLiteral("name cannot be blank"), QStringLiteral("/name"));
    if (characterCount(name) > maxSnippetName)
        return invalid(QStringLiteral("name cannot exceed %1 characters").arg(maxSnippetName),
                       QStringLiteral("/name"));
    if (!valueValue.isString())
        return invalid(QStringLiteral("value must be a string"), QStringLiteral("/value"));
    const QString value = valueValue.toString();
    if (value.trimmed().isEmpty())
        return invalid(QStringLiteral("value cannot be blank"), QStringLiteral("/value"));
    if (characterCount(value) > maxSnippetValue)
        return invalid(QStringLiteral("value cannot exceed %1 characters").arg(maxSnippetValue),
                       QStringLiteral("/value"));
    static const QRegularExpression nested(QStringLiteral("\\bsnippets\\s*(\\.\\s*[A-Za-z_]|\\[)"));
    if (nested.match(value).hasMatch())
        return invalid(QStringLiteral("Snippets cannot contain Liquid code referencing other snippets."),
                       QStringLiteral("/value"));
    if (createOnly && m_snippets.contains(name))
        return invalid(QStringLiteral("A snippet with that name already exists"),
                       QStringLiteral("/name"));
    setSnippet(name, value);
    return ApiResult::ok({{QStringLiteral("snippet"), m_snippets.value(name)}});
}

bool DataStore::snippetInUse(const QString &name) const
{
    const QString escaped = QRegularExpression::escape(name);
    const QRegularExpression reference(
        QStringLiteral("snippets\\s*(\\.\\s*%1(?![A-Za-z0-9_])|\\[\\s*[\"']%1[\"']\\s*\\])").arg(escaped));
    for (const QJsonObject &content : m_contents) {
        for (const char *key : {"subject", "preheader_text", "body", "body_amp", "body_plain"}) {
            if (reference.match(content.value(QLatin1String(key)).toString()).hasMatch())
                return true;
        }
    }
    return false;
}

ApiResult DataStore::deleteSnippet(const QString &name)
{
    if (!m_snippets.contains(name))
        return ApiResult::error(404, QStringLiteral("snippet %1 not found").arg(name));
    if (snippetInUse(name))
        return ApiResult::error(400, QStringLiteral("snippet %1 is in use; remove it from every message "
                                                    "before deleting it")
                                         .arg(name));
    m_snippets.remove(name);
    return ApiResult::noContent();
}

ApiResult DataStore::listSegments() const
{
    QJsonArray segments;
    for (const Segment &segment : m_segments)
        segments.append(segmentJson(segment));
    return ApiResult::ok({{QStringLiteral("segments"), segments}});
}

ApiResult DataStore::createSegment(const QByteArray &body)
{
    QJsonObject request;
    ApiResult error;
    if (!parseJsonObject(body, &request, &error))
        return error;
    const QJsonObject wrapped = request.value(QLatin1String("segment")).toObject();
    const QString name = wrapped.value(QLatin1String("name")).toString().trimmed();
    if (name.isEmpty())
        return ApiResult::error(400, QStringLiteral("segment.name is required"));
    const qint64 id = m_nextSegmentId++;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Segment segment;
    segment.fields =
        QJsonObject{{QStringLiteral("id"), id},
                    {QStringLiteral("name"), name},
                    {QStringLiteral("description"), wrapped.value(QLatin1String("description")).toString()},
                    {QStringLiteral("type"), QStringLiteral("manual")},
                    {QStringLiteral("state"), QStringLiteral("finished")},
                    {QStringLiteral("progress"), QJsonValue::Null},
                    {QStringLiteral("tags"), QJsonValue::Null},
                    {QStringLiteral("created_at"), now},
                    {QStringLiteral("updated_at"), now}};
    m_segments.insert(id, segment);
    return ApiResult::ok({{QStringLiteral("segment"), segmentJson(segment)}});
}

ApiResult DataStore::getSegment(qint64 id) const
{
    const auto it = m_segments.constFind(id);
    if (it == m_segments.cend())
        return segmentNotFound(id);
    return ApiResult::ok({{QStringLiteral("segment"), segmentJson(*it)}});
}

ApiResult DataStore::deleteSegment(qint64 id)
{
    const auto it = m_segments.constFind(id);
    if (it == m_segments.cend())
        return segmentNotFound(id);
    // As Customer.io: the API deletes manual segments only.
    if (it->fields.value(QLatin1String("type")).toString() != QLatin1String("manual"))
        return ApiResult::error(400, QStringLiteral("segment %1 is data-driven; only manual segments can be "
                                                    "deleted through the API")
                                         .arg(id));
    m_segments.remove(id);
    return ApiResult::noContent();
}

ApiResult DataStore::segmentCustomerCount(qint64 id) const
{
    if (!m_segments.contains(id))
        return segmentNotFound(id);
    return ApiResult::ok(
        {{QStringLiteral("count"), qint64(segmentMemberCount(id))}, {QStringLiteral("segment_id"), id}});
}

ApiResult DataStore::segmentMembership(qint64 id, const QUrlQuery &query) const
{
    const auto it = m_segments.constFind(id);
    if (it == m_segments.cend())
        return segmentNotFound(id);
    PageRequest page;
    ApiResult error;
    if (!parsePage(query, membershipPaging, &page, &error))
        return error;
    // Generated members are built per page, never stored: a page is all that exists in memory.
    const qsizetype total = it->members.size() + it->generatedCount;
    const qsizetype end = qMin(total, page.offset + page.limit);
    QJsonArray identifiers;
    QJsonArray ids;
    for (qsizetype i = page.offset; i < end; ++i) {
        const QJsonObject member =
            i < it->members.size() ? it->members.at(i) : generatedMember(*it, id, i - it->members.size());
        const QJsonValue personId = member.value(QLatin1String("id"));
        // The contract's two branches: {id, email, cio_id} with unset values null where email identifies
        // people; {id, cio_id} where it does not. `ids` lists the people who have an id.
        QJsonObject identifier{{QStringLiteral("cio_id"), member.value(QLatin1String("cio_id")).toString()}};
        if (m_emailIdentifies) {
            identifier.insert(QStringLiteral("id"), personId.isString() ? personId : QJsonValue());
            const QJsonValue email = member.value(QLatin1String("email"));
            identifier.insert(QStringLiteral("email"), email.isString() ? email : QJsonValue());
        } else {
            identifier.insert(QStringLiteral("id"), personId.toString());
        }
        identifiers.append(identifier);
        if (personId.isString())
            ids.append(personId);
    }
    QJsonObject body{{QStringLiteral("identifiers"), identifiers},
                     {QStringLiteral("ids"), ids},
                     {QStringLiteral("segment_id"), id}};
    if (end < total)
        body.insert(QStringLiteral("next"), pageCursor(end));
    return ApiResult::ok(body);
}

ApiResult DataStore::segmentUsedBy(qint64 id) const
{
    const auto it = m_segments.constFind(id);
    if (it == m_segments.cend())
        return segmentNotFound(id);
    QJsonArray campaigns;
    for (qint64 campaign : it->campaigns)
        campaigns.append(campaign);
    QJsonArray sent;
    QJsonArray drafts;
    for (auto newsletter = m_newsletters.cbegin(); newsletter != m_newsletters.cend(); ++newsletter) {
        const QJsonArray segments =
            newsletter->fields.value(QLatin1String("recipient_segment_ids")).toArray();
        if (!segments.contains(QJsonValue(id)))
            continue;
        (newsletter->fields.value(QLatin1String("sent_at")).isDouble() ? sent : drafts)
            .append(newsletter.key());
    }
    return ApiResult::ok(
        {{QStringLiteral("segment_id"), id},
         {QStringLiteral("used_by"), QJsonObject{{QStringLiteral("campaigns"), campaigns},
                                                 {QStringLiteral("sent_newsletters"), sent},
                                                 {QStringLiteral("draft_newsletters"), drafts}}}});
}

ApiResult DataStore::changeSegmentMembers(qint64 id, const QUrlQuery &query, const QByteArray &body, bool add)
{
    auto it = m_segments.find(id);
    if (it == m_segments.end())
        return segmentNotFound(id);
    if (it->fields.value(QLatin1String("type")).toString() != QLatin1String("manual"))
        return ApiResult::error(400, QStringLiteral("segment %1 is data-driven; only manual segments "
                                                    "accept added or removed people")
                                         .arg(id));
    const QString idType = query.hasQueryItem(QStringLiteral("id_type"))
                               ? query.queryItemValue(QStringLiteral("id_type"))
                               : QStringLiteral("id");
    if (idType != QLatin1String("id") && idType != QLatin1String("email") &&
        idType != QLatin1String("cio_id"))
        return ApiResult::error(400, QStringLiteral("id_type must be id, email or cio_id"));
    QJsonObject request;
    ApiResult error;
    if (!parseJsonObject(body, &request, &error))
        return error;
    const QJsonValue idsValue = request.value(QLatin1String("ids"));
    if (!idsValue.isArray())
        return ApiResult::error(400, QStringLiteral("ids must be an array of customer ids"));
    const QJsonArray requested = idsValue.toArray();
    if (requested.size() > maxTrackIds)
        return ApiResult::error(
            400,
            QStringLiteral("at most %1 ids per request (got %2)").arg(maxTrackIds).arg(requested.size()));
    // People are matched by the identifier the request names; emails case-insensitively.
    const bool byEmail = idType == QLatin1String("email");
    const QString field = byEmail ? QStringLiteral("email") : idType;
    const auto keyOf = [byEmail](const QString &value) { return byEmail ? value.toCaseFolded() : value; };
    QSet<QString> wanted;
    QStringList order; // first-seen order, so members are appended as sent
    for (const QJsonValue &value : requested) {
        const QString person = value.isString() ? value.toString() : QString::number(value.toInteger());
        if (!wanted.contains(keyOf(person)))
            order.append(person);
        wanted.insert(keyOf(person));
    }
    if (add) {
        QSet<QString> present;
        for (const QJsonObject &member : it->members)
            present.insert(keyOf(member.value(field).toString()));
        for (const QString &person : std::as_const(order)) {
            if (present.contains(keyOf(person)))
                continue;
            const QString hash = QString::number(qHash(person) & 0xffffffffu, 16);
            QJsonObject member{{QStringLiteral("id"), person}, {QStringLiteral("cio_id"), hash}};
            if (byEmail && m_emailIdentifies) // a person known by their address only has no id
                member = {{QStringLiteral("cio_id"), hash}, {QStringLiteral("email"), person}};
            else if (byEmail) // email does not identify people here: the sandbox makes up an id
                member = {{QStringLiteral("id"), QString(QStringLiteral("email-") + hash)},
                          {QStringLiteral("cio_id"), hash},
                          {QStringLiteral("email"), person}};
            else if (idType == QLatin1String("cio_id"))
                member = {{QStringLiteral("id"), QString(QStringLiteral("cio-") + person)},
                          {QStringLiteral("cio_id"), person}};
            it->members.append(member);
        }
    } else {
        it->members.removeIf([&](const QJsonObject &member) {
            return wanted.contains(keyOf(member.value(field).toString()));
        });
    }
    it->fields.insert(QStringLiteral("updated_at"),
                      nextTimestamp(it->fields.value(QLatin1String("updated_at")).toInteger()));
    return ApiResult::ok(QJsonObject());
}

ApiResult DataStore::listSenders(const QUrlQuery &query) const
{
    const QString sort = query.queryItemValue(QStringLiteral("sort"));
    if (!sort.isEmpty() && sort != QLatin1String("asc") && sort != QLatin1String("desc"))
        return ApiResult::error(400, QStringLiteral("sort must be asc or desc"));
    const QString hidden = query.queryItemValue(QStringLiteral("hidden"));
    if (!hidden.isEmpty() && hidden != QLatin1String("true") && hidden != QLatin1String("false"))
        return ApiResult::error(400, QStringLiteral("hidden must be true or false"));
    PageRequest page;
    ApiResult error;
    if (!parsePage(query, senderPaging, &page, &error))
        return error;
    QList<QJsonObject> senders;
    for (const QJsonObject &sender : m_senders) {
        if (hidden == QLatin1String("true") || !sender.value(QLatin1String("hidden")).toBool())
            senders.append(sender);
    }
    if (sort == QLatin1String("desc"))
        std::reverse(senders.begin(), senders.end());
    QJsonArray items;
    const qsizetype end = qMin(senders.size(), page.offset + page.limit);
    for (qsizetype i = page.offset; i < end; ++i)
        items.append(senderJson(senders.at(i)));
    QJsonObject body{{QStringLiteral("sender_identities"), items}};
    if (end < senders.size())
        body.insert(QStringLiteral("next"), pageCursor(end));
    return ApiResult::ok(body);
}

ApiResult DataStore::getSender(qint64 id) const
{
    if (!m_senders.contains(id))
        return senderNotFound(id);
    return ApiResult::ok({{QStringLiteral("sender_identity"), senderJson(m_senders.value(id))}});
}

ApiResult DataStore::senderUsedBy(qint64 id) const
{
    if (!m_senders.contains(id))
        return senderNotFound(id);
    QJsonArray campaigns = m_senders.value(id).value(QLatin1String("campaigns")).toArray();
    QJsonArray sent;
    QJsonArray drafts;
    for (auto newsletter = m_newsletters.cbegin(); newsletter != m_newsletters.cend(); ++newsletter) {
        const bool uses = std::any_of(
            newsletter->contentIds.cbegin(), newsletter->contentIds.cend(), [&](qint64 contentId) {
                const QJsonObject content = m_contents.value(contentId);
                return content.value(QLatin1String("from_id")).toInteger() == id ||
                       content.value(QLatin1String("reply_to_id")).toInteger(-1) == id;
            });
        if (uses)
            (newsletter->fields.value(QLatin1String("sent_at")).isDouble() ? sent : drafts)
                .append(newsletter.key());
    }
    return ApiResult::ok({{QStringLiteral("campaigns"), campaigns},
                          {QStringLiteral("sent_newsletters"), sent},
                          {QStringLiteral("draft_newsletters"), drafts}});
}

ApiResult DataStore::ipAddresses() const
{
    return ApiResult::ok({{QStringLiteral("ip_addresses"), QJsonArray::fromStringList(m_ipAddresses)}});
}

} // namespace cio::sandbox
