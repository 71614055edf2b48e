// DataStore: deliveries (messages) of sent newsletters and their archived copies.
#include "datastore.h"

#include "requestutil.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <optional>

namespace cio::sandbox {

namespace {

// /v1/messages declares a maximum of 1000 (400 beyond); the newsletter variant declares none, so clamp.
const PagePolicy messagePaging{50, 1000};
const PagePolicy newsletterMessagePaging{};

const QStringList &metricNames()
{
    static const QStringList names{
        QStringLiteral("attempted"), QStringLiteral("sent"),    QStringLiteral("delivered"),
        QStringLiteral("opened"),    QStringLiteral("clicked"), QStringLiteral("converted"),
        QStringLiteral("bounced"),   QStringLiteral("spammed"), QStringLiteral("unsubscribed"),
        QStringLiteral("dropped"),   QStringLiteral("failed"),  QStringLiteral("undeliverable")};
    return names;
}

const QStringList &messageTypes()
{
    static const QStringList types{QStringLiteral("email"),  QStringLiteral("webhook"),
                                   QStringLiteral("twilio"), QStringLiteral("whatsapp"),
                                   QStringLiteral("slack"),  QStringLiteral("push"),
                                   QStringLiteral("in_app"), QStringLiteral("live_notification")};
    return types;
}

ApiResult messageNotFound(const QString &id)
{
    return ApiResult::error(404, QStringLiteral("message %1 not found").arg(id));
}

// An optional integer query parameter; false (with a 400 in *error) when present but not a number.
bool integerParam(const QUrlQuery &query, const char *name, std::optional<qint64> *value, ApiResult *error)
{
    const QString text = query.queryItemValue(QLatin1String(name));
    if (text.isEmpty())
        return true;
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok) {
        *error = ApiResult::error(400, QStringLiteral("%1 must be an integer").arg(QLatin1String(name)));
        return false;
    }
    *value = number;
    return true;
}

// The latest moment anything happened to a delivery: its deduplicate_id changes with every metric.
qint64 lastChange(const QJsonObject &stored)
{
    qint64 latest = stored.value(QLatin1String("created")).toInteger();
    const QJsonObject metrics = stored.value(QLatin1String("metrics")).toObject();
    for (auto it = metrics.begin(); it != metrics.end(); ++it) {
        // human_*/prefetch_* are counts, not timestamps.
        if (!it.key().startsWith(QLatin1String("human_")) && !it.key().startsWith(QLatin1String("prefetch_")))
            latest = qMax(latest, it.value().toInteger());
    }
    return latest;
}

} // namespace

bool DataStore::loadDeliveries(const QJsonObject &root, QString *error)
{
    const QJsonArray deliveries = root.value(QLatin1String("deliveries")).toArray();
    for (const QJsonValue &value : deliveries) {
        const QJsonObject delivery = value.toObject();
        const QString id = delivery.value(QLatin1String("id")).toString();
        if (id.isEmpty() || m_deliveryIndex.contains(id)) {
            *error = QStringLiteral("delivery id \"%1\" is empty or used twice").arg(id);
            return false;
        }
        m_deliveryIndex.insert(id, 0);
        m_deliveries.append(delivery);
    }
    // Newest first, as the real lists come; ties by id so paging is stable.
    std::sort(m_deliveries.begin(), m_deliveries.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const qint64 ca = a.value(QLatin1String("created")).toInteger();
        const qint64 cb = b.value(QLatin1String("created")).toInteger();
        if (ca != cb)
            return ca > cb;
        return a.value(QLatin1String("id")).toString() < b.value(QLatin1String("id")).toString();
    });
    for (qsizetype i = 0; i < m_deliveries.size(); ++i)
        m_deliveryIndex.insert(m_deliveries.at(i).value(QLatin1String("id")).toString(), i);
    return true;
}

QStringList DataStore::deliveryIds() const
{
    QStringList ids;
    ids.reserve(m_deliveries.size());
    for (const QJsonObject &delivery : m_deliveries)
        ids.append(delivery.value(QLatin1String("id")).toString());
    return ids;
}

QJsonObject DataStore::delivery(const QString &id) const
{
    const auto it = m_deliveryIndex.constFind(id);
    return it == m_deliveryIndex.cend() ? QJsonObject() : m_deliveries.at(*it);
}

QJsonObject DataStore::deliveryJson(const QJsonObject &stored) const
{
    const QString id = stored.value(QLatin1String("id")).toString();
    const qint64 newsletterId = stored.value(QLatin1String("newsletter_id")).toInteger();
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("newsletter_id"), newsletterId},
                     {QStringLiteral("created"), stored.value(QLatin1String("created")).toInteger()},
                     {QStringLiteral("metrics"), stored.value(QLatin1String("metrics")).toObject()},
                     {QStringLiteral("forgotten"), stored.value(QLatin1String("forgotten")).toBool()},
                     // A newsletter delivery has no automation parents; the vendor sends these as null.
                     {QStringLiteral("broadcast_id"), QJsonValue::Null},
                     {QStringLiteral("campaign_id"), QJsonValue::Null}};
    json.insert(QStringLiteral("type"), stored.value(QLatin1String("type"))
                                            .toString(m_newsletters.value(newsletterId)
                                                          .fields.value(QLatin1String("type"))
                                                          .toString(QStringLiteral("email"))));
    // content_id is a non-nullable integer in the schema: absent rather than null.
    if (stored.value(QLatin1String("content_id")).isDouble())
        json.insert(QStringLiteral("content_id"), stored.value(QLatin1String("content_id")).toInteger());
    for (const char *key : {"recipient", "subject"}) {
        if (stored.value(QLatin1String(key)).isString())
            json.insert(QLatin1String(key), stored.value(QLatin1String(key)));
    }
    // The three identifiers are required; id and email may be null, cio_id may not.
    const QJsonObject who = stored.value(QLatin1String("customer_identifiers")).toObject();
    const auto stringOrNull = [&who](const char *key) {
        const QJsonValue v = who.value(QLatin1String(key));
        return v.isString() ? v : QJsonValue(QJsonValue::Null);
    };
    json.insert(QStringLiteral("customer_identifiers"),
                QJsonObject{{QStringLiteral("id"), stringOrNull("id")},
                            {QStringLiteral("email"), stringOrNull("email")},
                            {QStringLiteral("cio_id"), who.value(QLatin1String("cio_id")).toString()}});
    json.insert(QStringLiteral("customer_id"), stringOrNull("id"));
    const QJsonValue failure = stored.value(QLatin1String("failure_message"));
    json.insert(QStringLiteral("failure_message"),
                failure.isString() ? failure : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("deduplicate_id"), QStringLiteral("%1:%2").arg(id).arg(lastChange(stored)));
    return json;
}

ApiResult DataStore::messagePage(const QUrlQuery &query, qint64 newsletterId, bool strictLimit) const
{
    PageRequest page;
    ApiResult error;
    if (!parsePage(query, strictLimit ? messagePaging : newsletterMessagePaging, &page, &error))
        return error;
    const QString metric = query.queryItemValue(QStringLiteral("metric"));
    if (!metric.isEmpty() && !metricNames().contains(metric))
        return ApiResult::error(
            400, QStringLiteral("metric must be one of %1").arg(metricNames().join(QLatin1String(", "))));
    const QString type = query.queryItemValue(QStringLiteral("type"));
    if (!type.isEmpty() && !messageTypes().contains(type))
        return ApiResult::error(
            400, QStringLiteral("type must be one of %1").arg(messageTypes().join(QLatin1String(", "))));
    std::optional<qint64> startTs, endTs, newsletterFilter, campaignId, actionId;
    if (!integerParam(query, "start_ts", &startTs, &error) ||
        !integerParam(query, "end_ts", &endTs, &error) ||
        !integerParam(query, "newsletter_id", &newsletterFilter, &error) ||
        !integerParam(query, "campaign_id", &campaignId, &error) ||
        !integerParam(query, "action_id", &actionId, &error))
        return error;
    if (newsletterId > 0)
        newsletterFilter = newsletterId;
    // Every delivery here comes from a sent newsletter: none is a draft or belongs to an automation.
    const bool wantsNone =
        campaignId || actionId || query.queryItemValue(QStringLiteral("drafts")) == QLatin1String("true");

    QList<const QJsonObject *> matching;
    for (const QJsonObject &stored : m_deliveries) {
        const qint64 created = stored.value(QLatin1String("created")).toInteger();
        if (wantsNone || (newsletterFilter &&
                          stored.value(QLatin1String("newsletter_id")).toInteger() != *newsletterFilter))
            continue;
        if ((startTs && created < *startTs) || (endTs && created > *endTs))
            continue;
        if (!metric.isEmpty() && !stored.value(QLatin1String("metrics")).toObject().contains(metric))
            continue;
        if (!type.isEmpty() && stored.value(QLatin1String("type")).toString(QStringLiteral("email")) != type)
            continue;
        matching.append(&stored);
    }
    QJsonArray items;
    const qsizetype end = qMin(matching.size(), page.offset + page.limit);
    for (qsizetype i = page.offset; i < end; ++i)
        items.append(deliveryJson(*matching.at(i)));
    QJsonObject body{{QStringLiteral("messages"), items}};
    // The schema has no `next` here, but the operation takes `start`; clients read it defensively.
    if (end < matching.size())
        body.insert(QStringLiteral("next"), pageCursor(end));
    return ApiResult::ok(body);
}

ApiResult DataStore::listNewsletterMessages(qint64 newsletterId, const QUrlQuery &query) const
{
    if (!m_newsletters.contains(newsletterId))
        return ApiResult::error(404, QStringLiteral("newsletter %1 not found").arg(newsletterId));
    return messagePage(query, newsletterId, false);
}

ApiResult DataStore::listMessages(const QUrlQuery &query) const
{
    return messagePage(query, 0, true);
}

ApiResult DataStore::getMessage(const QString &id) const
{
    const auto it = m_deliveryIndex.constFind(id);
    if (it == m_deliveryIndex.cend())
        return messageNotFound(id);
    return ApiResult::ok({{QStringLiteral("message"), deliveryJson(m_deliveries.at(*it))}});
}

void DataStore::setArchivedMessageQuota(int perDay)
{
    m_archivedQuota = qMax(0, perDay);
    m_archivedUse.clear();
}

ApiResult DataStore::archivedMessage(const QString &id, const QByteArray &authorization)
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    QuotaUse &use = m_archivedUse[authorization];
    if (use.day != today)
        use = QuotaUse{today, 0};

    ApiResult result;
    if (use.used >= m_archivedQuota) {
        result = ApiResult::error(
            429, QStringLiteral("rate limited to %1 request(s) per day").arg(m_archivedQuota));
        result.retryAfterSeconds = 0; // the wait is until tomorrow, not a second
    } else {
        ++use.used; // a miss costs a request too
        const auto it = m_deliveryIndex.constFind(id);
        if (it == m_deliveryIndex.cend()) {
            result = messageNotFound(id);
        } else {
            const QJsonObject &stored = m_deliveries.at(*it);
            const QJsonObject archived = stored.value(QLatin1String("archived_message")).toObject();
            const bool forgotten = stored.value(QLatin1String("forgotten")).toBool();
            QJsonObject json{
                {QStringLiteral("id"), id},
                {QStringLiteral("forgotten"), forgotten},
                {QStringLiteral("fake_bcc"), archived.value(QLatin1String("fake_bcc")).toBool()}};
            for (const char *key : {"from", "reply_to", "recipient", "bcc", "cc"}) {
                if (archived.value(QLatin1String(key)).isString())
                    json.insert(QLatin1String(key), archived.value(QLatin1String(key)));
            }
            // A forgotten message keeps its envelope, not its content.
            if (!forgotten) {
                for (const char *key : {"subject", "preheader_text", "body"}) {
                    if (archived.value(QLatin1String(key)).isString())
                        json.insert(QLatin1String(key), archived.value(QLatin1String(key)));
                }
                // Stored as an array like the variants' headers; the API sends a JSON string.
                const QJsonArray headers = archived.value(QLatin1String("headers")).toArray();
                json.insert(QStringLiteral("headers"),
                            QString::fromUtf8(QJsonDocument(headers).toJson(QJsonDocument::Compact)));
            }
            result = ApiResult::ok({{QStringLiteral("archived_message"), json}});
        }
    }
    result.headers = archivedQuotaHeaders(authorization);
    return result;
}

QList<std::pair<QByteArray, QByteArray>> DataStore::archivedQuotaHeaders(const QByteArray &authorization) const
{
    const auto it = m_archivedUse.constFind(authorization);
    const int used =
        it != m_archivedUse.cend() && it->day == QDateTime::currentDateTimeUtc().date() ? it->used : 0;
    return {{QByteArrayLiteral("X-RateLimit-Limit"), QByteArray::number(m_archivedQuota)},
            {QByteArrayLiteral("X-RateLimit-Remaining"), QByteArray::number(qMax(0, m_archivedQuota - used))}};
}

} // namespace cio::sandbox
