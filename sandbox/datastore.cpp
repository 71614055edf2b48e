#include "datastore.h"

#include "sandboxlog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace cio::sandbox {

namespace {

// Reads one file of the data set. A missing file is not an error (empty root).
bool readRoot(const QString &folder, const QString &name, QJsonObject *root, QString *error)
{
    QFile file(folder + QLatin1Char('/') + name);
    if (!file.exists()) {
        *root = QJsonObject();
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("%1 is not a JSON object: %2").arg(file.fileName(), parseError.errorString());
        return false;
    }
    *root = document.object();
    return true;
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

} // namespace

DataStore::DataStore() = default;

bool DataStore::load(const QString &folder, QString *error)
{
    QString message;
    if (!QDir(folder).exists()) {
        message = QStringLiteral("data folder %1 does not exist").arg(folder);
    } else {
        QJsonObject root;
        bool ok = readRoot(folder, QStringLiteral("newsletters.json"), &root, &message) &&
                  loadNewsletters(root, &message);
        ok = ok && readRoot(folder, QStringLiteral("segments.json"), &root, &message) &&
             loadSegments(root, &message);
        if (ok && readRoot(folder, QStringLiteral("snippets.json"), &root, &message)) {
            const QJsonArray snippets = root.value(QLatin1String("snippets")).toArray();
            for (const QJsonValue &value : snippets) {
                const QJsonObject snippet = value.toObject();
                m_snippets.insert(snippet.value(QLatin1String("name")).toString(), snippet);
            }
        }
        if (message.isEmpty() && readRoot(folder, QStringLiteral("senders.json"), &root, &message)) {
            const QJsonArray senders = root.value(QLatin1String("sender_identities")).toArray();
            for (const QJsonValue &value : senders) {
                const QJsonObject sender = value.toObject();
                m_senders.insert(sender.value(QLatin1String("id")).toInteger(), sender);
            }
        }
        if (message.isEmpty() && readRoot(folder, QStringLiteral("deliveries.json"), &root, &message))
            loadDeliveries(root, &message);
        if (message.isEmpty() && readRoot(folder, QStringLiteral("workspace.json"), &root, &message)) {
            m_ipAddresses = toStringList(root.value(QLatin1String("ip_addresses")));
            m_languages = toStringList(root.value(QLatin1String("languages")));
            m_emailIdentifies = root.value(QLatin1String("identifiers")).toString(QStringLiteral("email_or_id")) !=
                                QLatin1String("id");
        }
    }
    if (!message.isEmpty()) {
        if (error)
            *error = message;
        return false;
    }
    qCDebug(lcSandbox) << "loaded" << m_newsletters.size() << "newsletters," << m_contents.size()
                       << "variants," << m_segments.size() << "segments," << m_deliveries.size()
                       << "deliveries from" << folder;
    return true;
}

bool DataStore::loadNewsletters(const QJsonObject &root, QString *error)
{
    const QJsonArray newsletters = root.value(QLatin1String("newsletters")).toArray();
    for (const QJsonValue &value : newsletters) {
        QJsonObject fields = value.toObject();
        const qint64 id = fields.value(QLatin1String("id")).toInteger();
        Newsletter newsletter;
        const QJsonArray groups = fields.take(QLatin1String("test_groups")).toArray();
        for (const QJsonValue &group : groups)
            newsletter.testGroups.append(group.toObject());
        const QJsonArray contents = fields.take(QLatin1String("contents")).toArray();
        for (const QJsonValue &contentValue : contents) {
            QJsonObject content = contentValue.toObject();
            const qint64 contentId = content.value(QLatin1String("id")).toInteger();
            if (m_contents.contains(contentId)) {
                *error = QStringLiteral("content id %1 is used twice").arg(contentId);
                return false;
            }
            content.insert(QStringLiteral("newsletter_id"), id);
            m_contents.insert(contentId, content);
            newsletter.contentIds.append(contentId);
            m_nextContentId = qMax(m_nextContentId, contentId + 1);
        }
        newsletter.fields = fields;
        m_newsletters.insert(id, newsletter);
    }
    return true;
}

bool DataStore::loadSegments(const QJsonObject &root, QString *error)
{
    Q_UNUSED(error);
    const QJsonArray segments = root.value(QLatin1String("segments")).toArray();
    for (const QJsonValue &value : segments) {
        QJsonObject fields = value.toObject();
        const qint64 id = fields.value(QLatin1String("id")).toInteger();
        Segment segment;
        const QJsonArray members = fields.take(QLatin1String("members")).toArray();
        for (const QJsonValue &member : members)
            segment.members.append(member.toObject());
        const QJsonArray campaigns = fields.take(QLatin1String("campaigns")).toArray();
        for (const QJsonValue &campaign : campaigns)
            segment.campaigns.append(campaign.toInteger());
        const QJsonObject generated = fields.take(QLatin1String("generated_members")).toObject();
        segment.generatedCount = generated.value(QLatin1String("count")).toInteger();
        segment.idPrefix = generated.value(QLatin1String("id_prefix")).toString();
        segment.emailDomain = generated.value(QLatin1String("email_domain")).toString();
        segment.fields = fields;
        m_segments.insert(id, segment);
        m_nextSegmentId = qMax(m_nextSegmentId, id + 1);
    }
    return true;
}

QList<qint64> DataStore::newsletterIds() const
{
    return m_newsletters.keys();
}

QJsonObject DataStore::newsletter(qint64 id) const
{
    const auto it = m_newsletters.constFind(id);
    return it == m_newsletters.cend() ? QJsonObject() : newsletterJson(*it);
}

QJsonObject DataStore::content(qint64 id) const
{
    return m_contents.value(id);
}

void DataStore::updateContent(qint64 id, const QJsonObject &fields)
{
    auto it = m_contents.find(id);
    if (it == m_contents.end())
        return;
    for (auto field = fields.begin(); field != fields.end(); ++field)
        it->insert(field.key(), field.value());
    it->insert(QStringLiteral("updated"), nextTimestamp(it->value(QLatin1String("updated")).toInteger()));
}

QJsonObject DataStore::snippet(const QString &name) const
{
    return m_snippets.value(name);
}

void DataStore::setSnippet(const QString &name, const QString &value)
{
    const qint64 previous = m_snippets.value(name).value(QLatin1String("updated_at")).toInteger();
    m_snippets.insert(name, QJsonObject{{QStringLiteral("name"), name},
                                        {QStringLiteral("value"), value},
                                        {QStringLiteral("updated_at"), nextTimestamp(previous)}});
}

QJsonObject DataStore::segment(qint64 id) const
{
    const auto it = m_segments.constFind(id);
    return it == m_segments.cend() ? QJsonObject() : segmentJson(*it);
}

qsizetype DataStore::segmentMemberCount(qint64 id) const
{
    const auto it = m_segments.constFind(id);
    return it == m_segments.cend() ? 0 : it->members.size() + it->generatedCount;
}

QJsonObject DataStore::newsletterJson(const Newsletter &newsletter) const
{
    QJsonObject json = newsletter.fields;
    QJsonArray contentIds;
    for (qint64 id : newsletter.contentIds)
        contentIds.append(id);
    json.insert(QStringLiteral("content_ids"), contentIds);
    if (!json.contains(QLatin1String("type")))
        json.insert(QStringLiteral("type"), QStringLiteral("email"));
    // Drafts have no sent_at at all: the schema types it as a non-nullable integer.
    if (json.value(QLatin1String("sent_at")).isNull())
        json.remove(QLatin1String("sent_at"));
    if (json.value(QLatin1String("subscription_topic_id")).isNull())
        json.remove(QLatin1String("subscription_topic_id"));
    json.insert(QStringLiteral("deduplicate_id"), QStringLiteral("%1:%2")
                                                      .arg(json.value(QLatin1String("id")).toInteger())
                                                      .arg(json.value(QLatin1String("updated")).toInteger()));
    return json;
}

QJsonObject DataStore::contentJson(const QJsonObject &stored) const
{
    QJsonObject json;
    const qint64 id = stored.value(QLatin1String("id")).toInteger();
    const qint64 newsletterId = stored.value(QLatin1String("newsletter_id")).toInteger();
    json.insert(QStringLiteral("id"), id);
    json.insert(QStringLiteral("newsletter_id"), newsletterId);
    json.insert(QStringLiteral("type"), m_newsletters.value(newsletterId)
                                            .fields.value(QLatin1String("type"))
                                            .toString(QStringLiteral("email")));
    // Plain copies of the optional string members; absent ones stay absent (never null).
    for (const char *key : {"name", "language", "subject", "preheader_text", "body", "body_amp", "body_plain",
                            "recipient", "bcc", "layout"}) {
        const QJsonValue value = stored.value(QLatin1String(key));
        if (value.isString())
            json.insert(QLatin1String(key), value);
    }
    const qint64 fromId = stored.value(QLatin1String("from_id")).toInteger();
    json.insert(QStringLiteral("from_id"), fromId);
    if (const QString from = senderAddress(fromId); !from.isEmpty())
        json.insert(QStringLiteral("from"), from);
    const QJsonValue replyToId = stored.value(QLatin1String("reply_to_id"));
    if (replyToId.isDouble()) {
        json.insert(QStringLiteral("reply_to_id"), replyToId.toInteger());
        if (const QString replyTo = senderAddress(replyToId.toInteger()); !replyTo.isEmpty())
            json.insert(QStringLiteral("reply_to"), replyTo);
    } else {
        json.insert(QStringLiteral("reply_to_id"), QJsonValue::Null);
    }
    // The API sends headers as a JSON string holding [{name,value}].
    const QJsonArray headers = stored.value(QLatin1String("headers")).toArray();
    json.insert(QStringLiteral("headers"),
                QString::fromUtf8(QJsonDocument(headers).toJson(QJsonDocument::Compact)));
    json.insert(QStringLiteral("fake_bcc"), false);
    json.insert(QStringLiteral("preprocessor"), QStringLiteral("premailer"));
    json.insert(QStringLiteral("deduplicate_id"),
                QStringLiteral("%1:%2").arg(id).arg(stored.value(QLatin1String("updated")).toInteger()));
    return json;
}

QJsonObject DataStore::segmentJson(const Segment &segment) const
{
    QJsonObject json = segment.fields;
    json.insert(QStringLiteral("deduplicate_id"),
                QStringLiteral("%1:%2")
                    .arg(json.value(QLatin1String("id")).toInteger())
                    .arg(json.value(QLatin1String("updated_at")).toInteger()));
    return json;
}

QJsonObject DataStore::senderJson(const QJsonObject &stored) const
{
    QJsonObject json = stored;
    json.remove(QLatin1String("campaigns")); // data-set only: feeds used_by
    return json;
}

QJsonObject DataStore::generatedMember(const Segment &segment, qint64 segmentId, qsizetype index) const
{
    const qsizetype number = index + 1;
    const QString id = segment.idPrefix + QString::number(number);
    // Deterministic, unique across segments, shaped like a real cio_id (hex).
    const QString cioId = QString::number(0xa0000000LL + segmentId * 0x100000LL + number, 16);
    if (segment.emailDomain.isEmpty())
        return {{QStringLiteral("id"), id}, {QStringLiteral("cio_id"), cioId}};
    const QString email = id + QLatin1Char('@') + segment.emailDomain;
    // Where email identifies people, some are known by their address only (sign-up forms, imports):
    // one in ten here, so every page holds the mix a real workspace has.
    if (m_emailIdentifies && number % 10 == 7)
        return {{QStringLiteral("cio_id"), cioId}, {QStringLiteral("email"), email}};
    return {{QStringLiteral("id"), id}, {QStringLiteral("cio_id"), cioId}, {QStringLiteral("email"), email}};
}

QString DataStore::senderAddress(qint64 senderId) const
{
    const QJsonObject sender = m_senders.value(senderId);
    return sender.value(QLatin1String("address")).toString();
}

qint64 DataStore::nextTimestamp(qint64 previous)
{
    // Strictly increasing, so two saves within a second still change deduplicate_id.
    return qMax(QDateTime::currentSecsSinceEpoch(), previous + 1);
}

} // namespace cio::sandbox
