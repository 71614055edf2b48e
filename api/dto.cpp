#include "api/dto.h"

#include "api/jsonfields.h"

#include <QJsonDocument>

namespace cio::api {

namespace {

QString k(const char *key)
{
    return QString::fromLatin1(key);
}

// A DTO read or written through its field template (`fields(io, dto)`, see json::Reader/Writer).
template <class Dto, class Fields> Dto readFields(const QJsonObject &o, const Fields &fields)
{
    Dto dto;
    json::Reader r(o, &dto.present);
    fields(r, dto);
    return dto;
}

template <class Dto, class Fields> QJsonObject writeFields(const Dto &dto, const Fields &fields)
{
    json::Writer w(dto.present);
    fields(w, dto);
    return w.result();
}

} // namespace

template <class Io, class N> void newsletterFields(Io &io, N &n)
{
    io.field(k("id"), n.id);
    io.field(k("name"), n.name);
    io.field(k("type"), n.type);
    io.field(k("content_ids"), n.contentIds);
    io.field(k("recipient_segment_ids"), n.recipientSegmentIds);
    io.field(k("subscription_topic_id"), n.subscriptionTopicId);
    io.field(k("tags"), n.tags);
    io.field(k("sent_at"), n.sentAt);
    io.field(k("created"), n.created);
    io.field(k("updated"), n.updated);
    io.field(k("deduplicate_id"), n.deduplicateId);
}

Newsletter Newsletter::fromJson(const QJsonObject &o)
{
    return readFields<Newsletter>(o, [](auto &io, auto &dto) { newsletterFields(io, dto); });
}

QJsonObject Newsletter::toJson() const
{
    return writeFields(*this, [](auto &io, auto &dto) { newsletterFields(io, dto); });
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

// Content's fields but fake_bcc and headers, whose written form differs from what is read.
template <class Io, class C> void contentFields(Io &io, C &c)
{
    io.field(k("id"), c.id);
    io.field(k("newsletter_id"), c.newsletterId);
    io.field(k("type"), c.type);
    io.field(k("name"), c.name);
    io.field(k("language"), c.language);
    io.field(k("subject"), c.subject);
    io.field(k("body"), c.body);
    io.field(k("body_amp"), c.bodyAmp);
    io.field(k("body_plain"), c.bodyPlain);
    io.field(k("preheader_text"), c.preheaderText);
    io.field(k("from"), c.from);
    io.field(k("reply_to"), c.replyTo);
    io.field(k("recipient"), c.recipient);
    io.field(k("bcc"), c.bcc);
    io.field(k("cc"), c.cc);
    io.field(k("layout"), c.layout);
    io.field(k("preprocessor"), c.preprocessor);
    io.field(k("deduplicate_id"), c.deduplicateId);
    io.field(k("from_id"), c.fromId);
    io.field(k("reply_to_id"), c.replyToId);
    io.field(k("updated"), c.updated);
}

// Headers arrive as a JSON document inside a string (the response form) and go back the same way.
static void writeHeaders(json::Writer &w, const QList<Header> &headers, const QSet<QString> &present)
{
    if (!headers.isEmpty() || present.contains(k("headers")))
        w.value(
            k("headers"),
            QString::fromUtf8(QJsonDocument(Content::headersToJson(headers)).toJson(QJsonDocument::Compact)));
}

Content Content::fromJson(const QJsonObject &o)
{
    Content c;
    json::Reader r(o, &c.present);
    contentFields(r, c);
    c.fakeBcc = r.string(k("fake_bcc"));
    c.headers = parseHeaders(r.value(k("headers")));
    return c;
}

QJsonObject Content::toJson() const
{
    json::Writer w(present);
    contentFields(w, *this);
    // The contract types fake_bcc as a boolean while NOTES.md lists it with the address strings.
    if (fakeBcc == QLatin1String("true") || fakeBcc == QLatin1String("false"))
        w.value(k("fake_bcc"), fakeBcc == QLatin1String("true"));
    else
        w.string(k("fake_bcc"), fakeBcc);
    writeHeaders(w, headers, present);
    return w.result();
}

QString Content::channel() const
{
    return type.isEmpty() ? QStringLiteral("email") : type;
}

QStringList Content::editableFields(const QString &channel)
{
    if (channel.isEmpty() || channel == QLatin1String("email")) {
        return {QStringLiteral("subject"),     QStringLiteral("preheader_text"), QStringLiteral("body"),
                QStringLiteral("body_amp"),    QStringLiteral("body_plain"),     QStringLiteral("from_id"),
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

template <class Io, class G> void testGroupFields(Io &io, G &g)
{
    io.field(k("id"), g.id);
    io.field(k("name"), g.name);
    io.field(k("label"), g.label);
    io.field(k("winner"), g.winner);
    io.field(k("content_ids"), g.contentIds, json::Form::IdsAsStrings);
}

TestGroup TestGroup::fromJson(const QJsonObject &o)
{
    return readFields<TestGroup>(o, [](auto &io, auto &dto) { testGroupFields(io, dto); });
}

QJsonObject TestGroup::toJson() const
{
    return writeFields(*this, [](auto &io, auto &dto) { testGroupFields(io, dto); });
}

template <class Io, class S> void snippetFields(Io &io, S &s)
{
    io.field(k("name"), s.name);
    io.field(k("value"), s.value);
    io.field(k("updated_at"), s.updatedAt);
}

Snippet Snippet::fromJson(const QJsonObject &o)
{
    return readFields<Snippet>(o, [](auto &io, auto &dto) { snippetFields(io, dto); });
}

QJsonObject Snippet::toJson() const
{
    return writeFields(*this, [](auto &io, auto &dto) { snippetFields(io, dto); });
}

// Segment's fields but progress (an int, not an id).
template <class Io, class S> void segmentFields(Io &io, S &s)
{
    io.field(k("id"), s.id);
    io.field(k("name"), s.name);
    io.field(k("description"), s.description);
    io.field(k("type"), s.type);
    io.field(k("state"), s.state);
    io.field(k("tags"), s.tags, json::Form::NullWhenEmpty); // str[]|null; the vendor example sends null
    io.field(k("created_at"), s.createdAt);
    io.field(k("updated_at"), s.updatedAt);
    io.field(k("deduplicate_id"), s.deduplicateId);
}

Segment Segment::fromJson(const QJsonObject &o)
{
    Segment s;
    json::Reader r(o, &s.present);
    segmentFields(r, s);
    if (const auto p = r.optionalInteger(k("progress")))
        s.progress = int(*p);
    return s;
}

QJsonObject Segment::toJson() const
{
    json::Writer w(present);
    segmentFields(w, *this);
    w.optionalInteger(k("progress"), progress ? std::optional<qint64>(*progress) : std::nullopt);
    return w.result();
}

template <class Io, class S> void senderFields(Io &io, S &s)
{
    io.field(k("id"), s.id);
    io.field(k("name"), s.name);
    io.field(k("email"), s.email);
    io.field(k("address"), s.address);
    io.field(k("template_type"), s.templateType);
    io.field(k("phone"), s.phone);
    io.field(k("auto_generated"), s.autoGenerated);
    io.field(k("hidden"), s.hidden);
    io.field(k("deduplicate_id"), s.deduplicateId);
}

SenderIdentity SenderIdentity::fromJson(const QJsonObject &o)
{
    return readFields<SenderIdentity>(o, [](auto &io, auto &dto) { senderFields(io, dto); });
}

QJsonObject SenderIdentity::toJson() const
{
    return writeFields(*this, [](auto &io, auto &dto) { senderFields(io, dto); });
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

// Delivery's plain fields; the template id (two spellings), the customer, metrics and responses follow.
template <class Io, class D> void deliveryFields(Io &io, D &d)
{
    io.field(k("id"), d.id);
    io.field(k("type"), d.type);
    io.field(k("recipient"), d.recipient);
    io.field(k("subject"), d.subject);
    io.field(k("customer_id"), d.customerId, json::Form::NullWhenEmpty); // string|null
    io.field(k("failure_message"), d.failureMessage, json::Form::NullWhenEmpty);
    io.field(k("trigger_event_id"), d.triggerEventId);
    io.field(k("deduplicate_id"), d.deduplicateId);
    io.field(k("newsletter_id"), d.newsletterId);
    io.field(k("content_id"), d.contentId);
    io.field(k("campaign_id"), d.campaignId);
    io.field(k("broadcast_id"), d.broadcastId);
    io.field(k("action_id"), d.actionId);
    io.field(k("parent_action_id"), d.parentActionId);
    io.field(k("created"), d.created);
    io.field(k("forgotten"), d.forgotten);
}

Delivery Delivery::fromJson(const QJsonObject &o)
{
    Delivery d;
    json::Reader r(o, &d.present);
    deliveryFields(r, d);
    // Deprecated; the vendor's examples spell it msg_template_id.
    d.messageTemplateId = r.optionalInteger(k("message_template_id"));
    if (const auto old = r.optionalInteger(k("msg_template_id")); old && !d.messageTemplateId)
        d.messageTemplateId = old;
    d.customer = customerIdentifiersFromJson(r.value(k("customer_identifiers")).toObject());
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
    deliveryFields(w, *this);
    if (present.contains(k("msg_template_id")))
        w.optionalInteger(k("msg_template_id"), messageTemplateId);
    if (present.contains(k("message_template_id")) || !present.contains(k("msg_template_id")))
        w.optionalInteger(k("message_template_id"), messageTemplateId);
    if (present.contains(k("customer_identifiers")) || !customer.cioId.isEmpty())
        w.value(k("customer_identifiers"), customerIdentifiersToJson(customer));
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

template <class Io, class M> void archivedMessageFields(Io &io, M &m)
{
    io.field(k("id"), m.id);
    io.field(k("subject"), m.subject);
    io.field(k("body"), m.body);
    io.field(k("preheader_text"), m.preheaderText);
    io.field(k("from"), m.from);
    io.field(k("recipient"), m.recipient);
    io.field(k("reply_to"), m.replyTo);
    io.field(k("bcc"), m.bcc);
    io.field(k("cc"), m.cc);
    io.field(k("request_method"), m.requestMethod);
    io.field(k("url"), m.url);
    io.field(k("fake_bcc"), m.fakeBcc);
    io.field(k("forgotten"), m.forgotten);
}

ArchivedMessage ArchivedMessage::fromJson(const QJsonObject &o)
{
    ArchivedMessage m;
    json::Reader r(o, &m.present);
    archivedMessageFields(r, m);
    m.headers = Content::parseHeaders(r.value(k("headers")));
    return m;
}

QJsonObject ArchivedMessage::toJson() const
{
    json::Writer w(present);
    archivedMessageFields(w, *this);
    writeHeaders(w, headers, present);
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
