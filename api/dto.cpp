#include "api/dto.h"

#include "api/jsonfields.h"

#include <QJsonDocument>

namespace cio::api {

namespace {

QString k(const char *key)
{
    return QString::fromLatin1(key);
}

} // namespace

Newsletter Newsletter::fromJson(const QJsonObject &o)
{
    Newsletter n;
    const json::Reader r(o, &n.present);
    n.id = r.integer(k("id"));
    n.name = r.string(k("name"));
    n.type = r.string(k("type"));
    n.contentIds = r.integers(k("content_ids"));
    n.recipientSegmentIds = r.integers(k("recipient_segment_ids"));
    n.subscriptionTopicId = r.optionalInteger(k("subscription_topic_id"));
    n.tags = r.strings(k("tags"));
    n.sentAt = r.optionalInteger(k("sent_at"));
    n.created = r.integer(k("created"));
    n.updated = r.integer(k("updated"));
    n.deduplicateId = r.string(k("deduplicate_id"));
    return n;
}

QJsonObject Newsletter::toJson() const
{
    json::Writer w(present);
    w.integer(k("id"), id);
    w.string(k("name"), name);
    w.string(k("type"), type);
    w.integers(k("content_ids"), contentIds);
    w.integers(k("recipient_segment_ids"), recipientSegmentIds);
    w.optionalInteger(k("subscription_topic_id"), subscriptionTopicId);
    w.strings(k("tags"), tags);
    w.optionalInteger(k("sent_at"), sentAt);
    w.integer(k("created"), created);
    w.integer(k("updated"), updated);
    w.string(k("deduplicate_id"), deduplicateId);
    return w.result();
}

QList<Header> Content::parseHeaders(const QJsonValue &v)
{
    QJsonArray array = v.toArray();
    if (v.isString()) // the documented response form: a JSON document inside a string
        array = QJsonDocument::fromJson(v.toString().toUtf8()).array();
    QList<Header> out;
    for (const QJsonValue &item : std::as_const(array)) {
        const QJsonObject h = item.toObject();
        if (h.contains(QLatin1String("name")))
            out.append(
                {h.value(QLatin1String("name")).toString(), h.value(QLatin1String("value")).toString()});
    }
    return out;
}

QJsonArray Content::headersToJson(const QList<Header> &headers)
{
    QJsonArray a;
    for (const Header &h : headers)
        a.append(QJsonObject{{QStringLiteral("name"), h.name}, {QStringLiteral("value"), h.value}});
    return a;
}

Content Content::fromJson(const QJsonObject &o)
{
    Content c;
    const json::Reader r(o, &c.present);
    c.id = r.integer(k("id"));
    c.newsletterId = r.integer(k("newsletter_id"));
    const std::pair<QString *, const char *> strings[] = {{&c.type, "type"},
                                                          {&c.name, "name"},
                                                          {&c.language, "language"},
                                                          {&c.subject, "subject"},
                                                          {&c.body, "body"},
                                                          {&c.bodyAmp, "body_amp"},
                                                          {&c.bodyPlain, "body_plain"},
                                                          {&c.preheaderText, "preheader_text"},
                                                          {&c.from, "from"},
                                                          {&c.replyTo, "reply_to"},
                                                          {&c.recipient, "recipient"},
                                                          {&c.bcc, "bcc"},
                                                          {&c.cc, "cc"},
                                                          {&c.fakeBcc, "fake_bcc"},
                                                          {&c.layout, "layout"},
                                                          {&c.preprocessor, "preprocessor"},
                                                          {&c.deduplicateId, "deduplicate_id"}};
    for (const auto &[field, key] : strings)
        *field = r.string(k(key));
    c.fromId = r.optionalInteger(k("from_id"));
    c.replyToId = r.optionalInteger(k("reply_to_id"));
    c.headers = parseHeaders(r.value(k("headers")));
    c.updated = r.integer(k("updated"));
    return c;
}

QJsonObject Content::toJson() const
{
    json::Writer w(present);
    w.integer(k("id"), id);
    w.integer(k("newsletter_id"), newsletterId);
    const std::pair<const QString *, const char *> strings[] = {{&type, "type"},
                                                                {&name, "name"},
                                                                {&language, "language"},
                                                                {&subject, "subject"},
                                                                {&body, "body"},
                                                                {&bodyAmp, "body_amp"},
                                                                {&bodyPlain, "body_plain"},
                                                                {&preheaderText, "preheader_text"},
                                                                {&from, "from"},
                                                                {&replyTo, "reply_to"},
                                                                {&recipient, "recipient"},
                                                                {&bcc, "bcc"},
                                                                {&cc, "cc"},
                                                                {&layout, "layout"},
                                                                {&preprocessor, "preprocessor"},
                                                                {&deduplicateId, "deduplicate_id"}};
    for (const auto &[field, key] : strings)
        w.string(k(key), *field);
    // The contract types fake_bcc as a boolean while NOTES.md lists it with the address strings.
    if (fakeBcc == QLatin1String("true") || fakeBcc == QLatin1String("false"))
        w.value(k("fake_bcc"), fakeBcc == QLatin1String("true"));
    else
        w.string(k("fake_bcc"), fakeBcc);
    w.optionalInteger(k("from_id"), fromId);
    w.optionalInteger(k("reply_to_id"), replyToId);
    if (!headers.isEmpty() || present.contains(k("headers"))) // the response form: a JSON string
        w.value(k("headers"),
                QString::fromUtf8(QJsonDocument(headersToJson(headers)).toJson(QJsonDocument::Compact)));
    w.integer(k("updated"), updated);
    return w.result();
}

QString Content::channel() const
{
    return type.isEmpty() ? QStringLiteral("email") : type;
}

QStringList Content::editableFields(const QString &channel)
{
    if (channel.isEmpty() || channel == QLatin1String("email")) {
        return {QStringLiteral("subject"),    QStringLiteral("preheader_text"), QStringLiteral("body"),
                QStringLiteral("body_amp"),   QStringLiteral("body_plain"),     QStringLiteral("from_id"),
                QStringLiteral("reply_to_id"), QStringLiteral("recipient")};
    }
    if (channel == QLatin1String("push"))
        return {QStringLiteral("subject"), QStringLiteral("body")};
    if (channel == QLatin1String("twilio") || channel == QLatin1String("webhook"))
        return {QStringLiteral("body")};
    return {}; // in_app, inbox and anything newer
}

QJsonObject Content::toUpdate(const QSet<QString> &fields) const
{
    const QStringList allowed = editableFields(channel());
    const auto wants = [&fields, &allowed](const char *jsonName, const char *cppName) {
        return allowed.contains(k(jsonName)) && (fields.contains(k(jsonName)) || fields.contains(k(cppName)));
    };
    QJsonObject o{{QStringLiteral("type"), channel()}};
    const std::tuple<const char *, const char *, const QString *> strings[] = {
        {"subject", "subject", &subject},
        {"body", "body", &body},
        {"body_amp", "bodyAmp", &bodyAmp},
        {"body_plain", "bodyPlain", &bodyPlain},
        {"preheader_text", "preheaderText", &preheaderText},
        {"recipient", "recipient", &recipient}};
    for (const auto &[jsonName, cppName, value] : strings) {
        if (wants(jsonName, cppName))
            o.insert(k(jsonName), *value);
    }
    // reply_to_id is int|null in the contract: null clears it. from_id is not nullable.
    if (wants("from_id", "fromId") && fromId)
        o.insert(k("from_id"), *fromId);
    if (wants("reply_to_id", "replyToId"))
        o.insert(k("reply_to_id"), replyToId ? QJsonValue(*replyToId) : QJsonValue(QJsonValue::Null));
    return o;
}

TestGroup TestGroup::fromJson(const QJsonObject &o)
{
    TestGroup g;
    const json::Reader r(o, &g.present);
    g.id = r.integer(k("id"));
    g.name = r.string(k("name"));
    g.label = r.string(k("label"));
    g.winner = r.boolean(k("winner"));
    g.contentIds = r.integers(k("content_ids"));
    return g;
}

QJsonObject TestGroup::toJson() const
{
    json::Writer w(present);
    w.integer(k("id"), id);
    w.string(k("name"), name);
    w.string(k("label"), label);
    w.boolean(k("winner"), winner);
    w.integers(k("content_ids"), contentIds, true);
    return w.result();
}

Snippet Snippet::fromJson(const QJsonObject &o)
{
    Snippet s;
    const json::Reader r(o, &s.present);
    s.name = r.string(k("name"));
    s.value = r.string(k("value"));
    s.updatedAt = r.integer(k("updated_at"));
    return s;
}

QJsonObject Snippet::toJson() const
{
    json::Writer w(present);
    w.string(k("name"), name);
    w.string(k("value"), value);
    w.integer(k("updated_at"), updatedAt);
    return w.result();
}

Segment Segment::fromJson(const QJsonObject &o)
{
    Segment s;
    const json::Reader r(o, &s.present);
    s.id = r.integer(k("id"));
    s.name = r.string(k("name"));
    s.description = r.string(k("description"));
    s.type = r.string(k("type"));
    s.state = r.string(k("state"));
    if (const auto p = r.optionalInteger(k("progress")))
        s.progress = int(*p);
    s.tags = r.strings(k("tags"));
    s.createdAt = r.integer(k("created_at"));
    s.updatedAt = r.integer(k("updated_at"));
    s.deduplicateId = r.string(k("deduplicate_id"));
    return s;
}

QJsonObject Segment::toJson() const
{
    json::Writer w(present);
    w.integer(k("id"), id);
    w.string(k("name"), name);
    w.string(k("description"), description);
    w.string(k("type"), type);
    w.string(k("state"), state);
    w.optionalInteger(k("progress"), progress ? std::optional<qint64>(*progress) : std::nullopt);
    w.strings(k("tags"), tags, true); // str[]|null; the vendor example sends null
    w.integer(k("created_at"), createdAt);
    w.integer(k("updated_at"), updatedAt);
    w.string(k("deduplicate_id"), deduplicateId);
    return w.result();
}

SenderIdentity SenderIdentity::fromJson(const QJsonObject &o)
{
    SenderIdentity s;
    const json::Reader r(o, &s.present);
    s.id = r.integer(k("id"));
    s.name = r.string(k("name"));
    s.email = r.string(k("email"));
    s.address = r.string(k("address"));
    s.templateType = r.string(k("template_type"));
    s.phone = r.string(k("phone"));
    s.autoGenerated = r.boolean(k("auto_generated"));
    s.hidden = r.boolean(k("hidden"));
    s.deduplicateId = r.string(k("deduplicate_id"));
    return s;
}

QJsonObject SenderIdentity::toJson() const
{
    json::Writer w(present);
    w.integer(k("id"), id);
    w.string(k("name"), name);
    w.string(k("email"), email);
    w.string(k("address"), address);
    w.string(k("template_type"), templateType);
    w.string(k("phone"), phone);
    w.boolean(k("auto_generated"), autoGenerated);
    w.boolean(k("hidden"), hidden);
    w.string(k("deduplicate_id"), deduplicateId);
    return w.result();
}

std::optional<qint64> Delivery::metricTime(const QString &metric) const
{
    if (metric.startsWith(QLatin1String("human_")) || metric.startsWith(QLatin1String("prefetch_")))
        return std::nullopt;
    const auto it = metrics.constFind(metric);
    return it == metrics.cend() ? std::nullopt : std::optional<qint64>(*it);
}

bool Delivery::isFailure() const
{
    for (const char *failure : {"bounced", "dropped", "failed", "undeliverable"}) {
        if (metrics.contains(k(failure)))
            return true;
    }
    return false;
}

QString Delivery::state() const
{
    // Failures first: a bounce after "sent" is what the person needs to see.
    for (const char *name : {"bounced", "dropped", "failed", "undeliverable", "spammed", "unsubscribed",
                             "converted", "clicked", "opened", "delivered", "sent", "drafted"}) {
        if (metrics.contains(k(name)))
            return k(name);
    }
    return QStringLiteral("created");
}

Delivery Delivery::fromJson(const QJsonObject &o)
{
    Delivery d;
    const json::Reader r(o, &d.present);
    const std::pair<QString *, const char *> strings[] = {{&d.id, "id"},
                                                          {&d.type, "type"},
                                                          {&d.recipient, "recipient"},
                                                          {&d.subject, "subject"},
                                                          {&d.customerId, "customer_id"},
                                                          {&d.failureMessage, "failure_message"},
                                                          {&d.triggerEventId, "trigger_event_id"},
                                                          {&d.deduplicateId, "deduplicate_id"}};
    for (const auto &[field, key] : strings)
        *field = r.string(k(key));
    const std::pair<std::optional<qint64> *, const char *> ids[] = {
        {&d.newsletterId, "newsletter_id"}, {&d.contentId, "content_id"},
        {&d.campaignId, "campaign_id"},     {&d.broadcastId, "broadcast_id"},
        {&d.actionId, "action_id"},         {&d.parentActionId, "parent_action_id"}};
    for (const auto &[field, key] : ids)
        *field = r.optionalInteger(k(key));
    // Deprecated; the vendor's examples spell it msg_template_id.
    d.messageTemplateId = r.optionalInteger(k("message_template_id"));
    if (const auto old = r.optionalInteger(k("msg_template_id")); old && !d.messageTemplateId)
        d.messageTemplateId = old;
    d.created = r.integer(k("created"));
    d.forgotten = r.boolean(k("forgotten"));
    const QJsonObject who = r.value(k("customer_identifiers")).toObject();
    const json::Reader whoReader(who, nullptr);
    d.customer = {whoReader.string(k("id")), whoReader.string(k("email")), whoReader.string(k("cio_id"))};
    const QJsonObject metrics = r.value(k("metrics")).toObject();
    for (auto it = metrics.begin(); it != metrics.end(); ++it) {
        if (const auto n = json::toInteger(it.value()))
            d.metrics.insert(it.key(), *n);
    }
    d.trackedResponses = r.value(k("tracked_responses")).toObject();
    return d;
}

QJsonObject Delivery::toJson() const
{
    json::Writer w(present);
    const std::pair<const QString *, const char *> strings[] = {{&id, "id"},
                                                                {&type, "type"},
                                                                {&recipient, "recipient"},
                                                                {&subject, "subject"},
                                                                {&triggerEventId, "trigger_event_id"},
                                                                {&deduplicateId, "deduplicate_id"}};
    for (const auto &[field, key] : strings)
        w.string(k(key), *field);
    // string|null in the contract: an empty one the source had goes back as null.
    for (const auto &[field, key] :
         {std::pair(&customerId, "customer_id"), std::pair(&failureMessage, "failure_message")}) {
        if (!field->isEmpty())
            w.value(k(key), *field);
        else if (present.contains(k(key)))
            w.value(k(key), QJsonValue::Null);
    }
    const std::pair<const std::optional<qint64> *, const char *> ids[] = {
        {&newsletterId, "newsletter_id"}, {&contentId, "content_id"}, {&campaignId, "campaign_id"},
        {&broadcastId, "broadcast_id"},   {&actionId, "action_id"},   {&parentActionId, "parent_action_id"}};
    for (const auto &[field, key] : ids)
        w.optionalInteger(k(key), *field);
    if (present.contains(k("msg_template_id")))
        w.optionalInteger(k("msg_template_id"), messageTemplateId);
    if (present.contains(k("message_template_id")) || !present.contains(k("msg_template_id")))
        w.optionalInteger(k("message_template_id"), messageTemplateId);
    w.integer(k("created"), created);
    w.boolean(k("forgotten"), forgotten);
    if (present.contains(k("customer_identifiers")) || !customer.cioId.isEmpty()) {
        const auto orNull = [](const QString &v) {
            return v.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
        };
        w.value(k("customer_identifiers"), QJsonObject{{k("id"), orNull(customer.id)},
                                                       {k("email"), orNull(customer.email)},
                                                       {k("cio_id"), customer.cioId}});
    }
    if (!metrics.isEmpty() || present.contains(k("metrics"))) {
        QJsonObject m;
        for (auto it = metrics.cbegin(); it != metrics.cend(); ++it)
            m.insert(it.key(), it.value());
        w.value(k("metrics"), m);
    }
    if (!trackedResponses.isEmpty() || present.contains(k("tracked_responses")))
        w.value(k("tracked_responses"), trackedResponses);
    return w.result();
}

ArchivedMessage ArchivedMessage::fromJson(const QJsonObject &o)
{
    ArchivedMessage m;
    const json::Reader r(o, &m.present);
    const std::pair<QString *, const char *> strings[] = {{&m.id, "id"},
                                                          {&m.subject, "subject"},
                                                          {&m.body, "body"},
                                                          {&m.preheaderText, "preheader_text"},
                                                          {&m.from, "from"},
                                                          {&m.recipient, "recipient"},
                                                          {&m.replyTo, "reply_to"},
                                                          {&m.bcc, "bcc"},
                                                          {&m.cc, "cc"},
                                                          {&m.requestMethod, "request_method"},
                                                          {&m.url, "url"}};
    for (const auto &[field, key] : strings)
        *field = r.string(k(key));
    m.headers = Content::parseHeaders(r.value(k("headers")));
    m.fakeBcc = r.boolean(k("fake_bcc"));
    m.forgotten = r.boolean(k("forgotten"));
    return m;
}

QJsonObject ArchivedMessage::toJson() const
{
    json::Writer w(present);
    const std::pair<const QString *, const char *> strings[] = {{&id, "id"},
                                                                {&subject, "subject"},
                                                                {&body, "body"},
                                                                {&preheaderText, "preheader_text"},
                                                                {&from, "from"},
                                                                {&recipient, "recipient"},
                                                                {&replyTo, "reply_to"},
                                                                {&bcc, "bcc"},
                                                                {&cc, "cc"},
                                                                {&requestMethod, "request_method"},
                                                                {&url, "url"}};
    for (const auto &[field, key] : strings)
        w.string(k(key), *field);
    if (!headers.isEmpty() || present.contains(k("headers")))
        w.value(
            k("headers"),
            QString::fromUtf8(QJsonDocument(Content::headersToJson(headers)).toJson(QJsonDocument::Compact)));
    w.boolean(k("fake_bcc"), fakeBcc);
    w.boolean(k("forgotten"), forgotten);
    return w.result();
}

// Segments: membership entries and what refers to a segment.

CustomerIdentifiers customerIdentifiersFromJson(const QJsonObject &o)
{
    const json::Reader r(o, nullptr);
    return {r.string(k("id")), r.string(k("email")), r.string(k("cio_id"))};
}

QJsonObject customerIdentifiersToJson(const CustomerIdentifiers &c)
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return {{k("id"), orNull(c.id)}, {k("email"), orNull(c.email)}, {k("cio_id"), c.cioId}};
}

SegmentUsage SegmentUsage::fromJson(const QJsonObject &o)
{
    const QJsonValue wrapped = o.value(k("used_by"));
    const QJsonObject usedBy = wrapped.isObject() ? wrapped.toObject() : o;
    const json::Reader r(usedBy, nullptr);
    return {r.integers(k("campaigns")), r.integers(k("sent_newsletters")),
            r.integers(k("draft_newsletters"))};
}

QJsonObject SegmentUsage::toJson() const
{
    const auto array = [](const QList<qint64> &ids) {
        QJsonArray a;
        for (qint64 id : ids)
            a.append(id);
        return a;
    };
    return {{k("campaigns"), array(campaigns)},
            {k("sent_newsletters"), array(sentNewsletters)},
            {k("draft_newsletters"), array(draftNewsletters)}};
}

QString missingRequired(const Newsletter &n)
{
    return n.id > 0 ? QString() : QStringLiteral("no valid id");
}

QString missingRequired(const Content &c)
{
    return c.id > 0 ? QString() : QStringLiteral("no valid id");
}

QString missingRequired(const Snippet &s)
{
    return s.name.trimmed().isEmpty() ? QStringLiteral("no name") : QString();
}

QString missingRequired(const Segment &s)
{
    if (s.id <= 0)
        return QStringLiteral("no valid id");
    return s.type.trimmed().isEmpty() ? QStringLiteral("no type") : QString();
}

QString missingRequired(const SenderIdentity &s)
{
    return s.id > 0 ? QString() : QStringLiteral("no valid id");
}

QString missingRequired(const Delivery &d)
{
    return d.id.trimmed().isEmpty() ? QStringLiteral("no id") : QString();
}

} // namespace cio::api
