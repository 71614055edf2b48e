// DataStore: the newsletter, variant and translation operations.
#include "datastore.h"

#include "requestutil.h"

#include <QJsonArray>

#include <algorithm>

namespace cio::sandbox {

namespace {

const PagePolicy newsletterPaging{};

ApiResult newsletterNotFound(qint64 id)
{
    return ApiResult::error(404, QStringLiteral("newsletter %1 not found").arg(id));
}

QString groupIdOf(const QJsonObject &group)
{
    return QString::number(group.value(QLatin1String("id")).toInteger());
}

bool isInteger(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == double(value.toInteger());
}

} // namespace

ApiResult DataStore::listNewsletters(const QUrlQuery &query) const
{
    const QString sort = query.queryItemValue(QStringLiteral("sort"));
    if (!sort.isEmpty() && sort != QLatin1String("asc") && sort != QLatin1String("desc"))
        return ApiResult::error(400, QStringLiteral("sort must be asc or desc"));
    PageRequest page;
    ApiResult error;
    if (!parsePage(query, newsletterPaging, &page, &error))
        return error;

    QList<qint64> ids = m_newsletters.keys();
    if (sort == QLatin1String("desc"))
        std::reverse(ids.begin(), ids.end());
    QJsonArray items;
    const qsizetype end = qMin(ids.size(), page.offset + page.limit);
    for (qsizetype i = page.offset; i < end; ++i)
        items.append(newsletterJson(m_newsletters.value(ids.at(i))));
    QJsonObject body{{QStringLiteral("newsletters"), items}};
    if (end < ids.size())
        body.insert(QStringLiteral("next"), pageCursor(end));
    return ApiResult::ok(body);
}

ApiResult DataStore::getNewsletter(qint64 id) const
{
    const auto it = m_newsletters.constFind(id);
    if (it == m_newsletters.cend())
        return newsletterNotFound(id);
    return ApiResult::ok({{QStringLiteral("newsletter"), newsletterJson(*it)}});
}

ApiResult DataStore::listContents(qint64 newsletterId) const
{
    const auto it = m_newsletters.constFind(newsletterId);
    if (it == m_newsletters.cend())
        return newsletterNotFound(newsletterId);
    QJsonArray contents;
    for (qint64 id : it->contentIds)
        contents.append(contentJson(m_contents.value(id)));
    return ApiResult::ok({{QStringLiteral("contents"), contents}});
}

ApiResult DataStore::listTestGroups(qint64 newsletterId) const
{
    const auto it = m_newsletters.constFind(newsletterId);
    if (it == m_newsletters.cend())
        return newsletterNotFound(newsletterId);
    QJsonArray groups;
    for (const QJsonObject &group : it->testGroups) {
        QJsonObject json = group;
        // The schema types content_ids as strings here (unlike the newsletter's).
        QJsonArray contentIds;
        for (qint64 id : it->contentIds) {
            if (m_contents.value(id).value(QLatin1String("test_group_id")).toInteger() ==
                group.value(QLatin1String("id")).toInteger())
                contentIds.append(QString::number(id));
        }
        json.insert(QStringLiteral("content_ids"), contentIds);
        groups.append(json);
    }
    return ApiResult::ok({{QStringLiteral("test_groups"), groups}});
}

ApiResult DataStore::getContent(qint64 newsletterId, qint64 contentId) const
{
    const auto it = m_newsletters.constFind(newsletterId);
    if (it == m_newsletters.cend())
        return newsletterNotFound(newsletterId);
    if (!it->contentIds.contains(contentId))
        return ApiResult::error(
            404, QStringLiteral("content %1 not found in newsletter %2").arg(contentId).arg(newsletterId));
    return ApiResult::ok({{QStringLiteral("content"), contentJson(m_contents.value(contentId))}});
}

ApiResult DataStore::putContent(qint64 newsletterId, qint64 contentId, const QByteArray &body)
{
    const ApiResult found = getContent(newsletterId, contentId);
    return found.isSuccess() ? applyContentUpdate(contentId, body) : found;
}

ApiResult DataStore::getLanguage(qint64 newsletterId, const QString &testGroup, const QString &language) const
{
    ApiResult error;
    const qint64 contentId = findLanguageVariant(newsletterId, testGroup, language, &error);
    if (contentId < 0)
        return error;
    return ApiResult::ok({{QStringLiteral("content"), contentJson(m_contents.value(contentId))}});
}

ApiResult DataStore::putLanguage(qint64 newsletterId, const QString &testGroup, const QString &language,
                                 const QByteArray &body)
{
    ApiResult error;
    const qint64 contentId = findLanguageVariant(newsletterId, testGroup, language, &error);
    return contentId < 0 ? error : applyContentUpdate(contentId, body);
}

qint64 DataStore::findLanguageVariant(qint64 newsletterId, const QString &testGroup, const QString &language,
                                      ApiResult *error) const
{
    const auto it = m_newsletters.constFind(newsletterId);
    if (it == m_newsletters.cend()) {
        *error = newsletterNotFound(newsletterId);
        return -1;
    }
    const bool groupKnown = std::any_of(it->testGroups.cbegin(), it->testGroups.cend(),
                                        [&](const QJsonObject &g) { return groupIdOf(g) == testGroup; });
    if (!testGroup.isEmpty() && !groupKnown) {
        *error = ApiResult::error(
            400,
            QStringLiteral("test group %1 does not exist in newsletter %2").arg(testGroup).arg(newsletterId));
        return -1;
    }
    if (testGroup.isEmpty() && it->testGroups.size() > 1) {
        *error =
            ApiResult::error(400, QStringLiteral("newsletter %1 has %2 test groups; address the variant with "
                                                 "test_group/{test_group_id}/language/%3")
                                      .arg(newsletterId)
                                      .arg(it->testGroups.size())
                                      .arg(language));
        return -1;
    }
    if (!m_languages.isEmpty() && !m_languages.contains(language)) {
        *error = ApiResult::error(400, QStringLiteral("language %1 does not exist").arg(language));
        return -1;
    }
    for (qint64 id : it->contentIds) {
        const QJsonObject &content = m_contents[id];
        if (content.value(QLatin1String("language")).toString() != language)
            continue;
        if (testGroup.isEmpty() ||
            QString::number(content.value(QLatin1String("test_group_id")).toInteger()) == testGroup)
            return id;
    }
    *error = ApiResult::error(
        404, QStringLiteral("newsletter %1 has no %2 variant").arg(newsletterId).arg(language));
    return -1;
}

ApiResult DataStore::applyContentUpdate(qint64 contentId, const QByteArray &body)
{
    QJsonObject request;
    ApiResult error;
    if (!parseJsonObject(body, &request, &error))
        return error;
    QJsonObject &content = m_contents[contentId];
    const QString channel = m_newsletters.value(content.value(QLatin1String("newsletter_id")).toInteger())
                                .fields.value(QLatin1String("type"))
                                .toString(QStringLiteral("email"));
    const QJsonValue type = request.value(QLatin1String("type"));
    if (!type.isUndefined() && type.toString() != channel)
        return ApiResult::error(400, QStringLiteral("type must be \"%1\" for this variant").arg(channel));
    // What each channel's branch of the contract declares; email takes everything below.
    if (channel == QLatin1String("in_app") || channel == QLatin1String("inbox"))
        return ApiResult::error(400, QStringLiteral("%1 content cannot be changed through the API").arg(channel));
    if (channel != QLatin1String("email")) {
        const QStringList allowed = channel == QLatin1String("push")
                                        ? QStringList{QStringLiteral("subject"), QStringLiteral("body")}
                                        : QStringList{QStringLiteral("body")};
        for (auto it = request.begin(); it != request.end(); ++it) {
            if (it.key() != QLatin1String("type") && !allowed.contains(it.key()))
                return ApiResult::error(
                    400, QStringLiteral("%1 is not a field of a %2 variant").arg(it.key(), channel));
        }
    }

    QJsonObject changes;
    for (const char *key : {"subject", "body", "body_amp", "body_plain", "preheader_text", "recipient"}) {
        const QJsonValue value = request.value(QLatin1String(key));
        if (value.isUndefined())
            continue;
        if (!value.isString())
            return ApiResult::error(400, QStringLiteral("%1 must be a string").arg(QLatin1String(key)));
        changes.insert(QLatin1String(key), value);
    }
    const QJsonValue fromId = request.value(QLatin1String("from_id"));
    if (!fromId.isUndefined()) {
        if (!isInteger(fromId) || !m_senders.contains(fromId.toInteger()))
            return ApiResult::error(400, QStringLiteral("from_id must be the id of a sender identity"));
        changes.insert(QStringLiteral("from_id"), fromId.toInteger());
    }
    const QJsonValue replyToId = request.value(QLatin1String("reply_to_id"));
    if (!replyToId.isUndefined()) {
        if (!replyToId.isNull() && (!isInteger(replyToId) || !m_senders.contains(replyToId.toInteger())))
            return ApiResult::error(
                400, QStringLiteral("reply_to_id must be null or the id of a sender identity"));
        changes.insert(QStringLiteral("reply_to_id"), replyToId);
    }
    if (content.value(QLatin1String("editor")).toString() == QLatin1String("dnd") &&
        changes.contains(QLatin1String("body")) &&
        changes.value(QLatin1String("body")) != content.value(QLatin1String("body"))) {
        return ApiResult::error(400, QStringLiteral("variant %1 was built with the drag-and-drop editor; "
                                                    "its body cannot be changed through the API")
                                         .arg(contentId));
    }
    for (auto it = changes.begin(); it != changes.end(); ++it)
        content.insert(it.key(), it.value());
    content.insert(QStringLiteral("updated"),
                   nextTimestamp(content.value(QLatin1String("updated")).toInteger()));
    return ApiResult::ok({{QStringLiteral("content"), contentJson(content)}});
}

ApiResult DataStore::addLanguage(qint64 newsletterId, const QString &testGroup, const QByteArray &body)
{
    auto it = m_newsletters.find(newsletterId);
    if (it == m_newsletters.end())
        return newsletterNotFound(newsletterId);
    QJsonObject request;
    ApiResult error;
    if (!parseJsonObject(body, &request, &error))
        return error;
    const auto group = std::find_if(it->testGroups.cbegin(), it->testGroups.cend(),
                                    [&](const QJsonObject &g) { return groupIdOf(g) == testGroup; });
    if (!testGroup.isEmpty() && group == it->testGroups.cend())
        return ApiResult::error(
            400,
            QStringLiteral("test group %1 does not exist in newsletter %2").arg(testGroup).arg(newsletterId));
    if (testGroup.isEmpty() && it->testGroups.size() > 1)
        return ApiResult::error(400, QStringLiteral("newsletter %1 has several test groups; add the "
                                                    "translation with test_group/{test_group_id}/language")
                                         .arg(newsletterId));
    if (it->fields.value(QLatin1String("sent_at")).isDouble())
        return ApiResult::error(400, QStringLiteral("newsletter %1 was already sent; translations can "
                                                    "only be added to drafts")
                                         .arg(newsletterId));

    // The variants of the addressed arm; the Default one is the template for the new translation.
    const QString armId =
        testGroup.isEmpty() && !it->testGroups.isEmpty() ? groupIdOf(it->testGroups.constFirst()) : testGroup;
    QList<qint64> arm;
    for (qint64 id : it->contentIds) {
        if (armId.isEmpty() ||
            QString::number(m_contents[id].value(QLatin1String("test_group_id")).toInteger()) == armId)
            arm.append(id);
    }
    QJsonObject base;
    for (qint64 id : arm) {
        if (base.isEmpty() || m_contents[id].value(QLatin1String("language")).toString().isEmpty())
            base = m_contents[id];
    }
    if (base.value(QLatin1String("editor")).toString() == QLatin1String("dnd"))
        return ApiResult::error(400, QStringLiteral("newsletter %1 uses the drag-and-drop editor; add "
                                                    "translations in Customer.io")
                                         .arg(newsletterId));

    const QString language = request.value(QLatin1String("language")).toString();
    if (language.isEmpty())
        return ApiResult::error(422, QStringLiteral("language is required"));
    // The contract's request oneOf admits an email newsletter's translation only as {language} (with
    // subject and body every branch without additionalProperties: false matches too): the new variant
    // starts as a copy of the arm's Default, and whatever content fields are given replace the copy's.
    for (const char *key : {"subject", "body", "body_amp", "body_plain", "preheader_text"}) {
        const QJsonValue value = request.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isString())
            return ApiResult::error(422, QStringLiteral("%1 must be a string").arg(QLatin1String(key)));
    }
    if (!m_languages.isEmpty() && !m_languages.contains(language))
        return ApiResult::error(422, QStringLiteral("language %1 is not a supported language").arg(language));
    for (qint64 id : arm) {
        if (m_contents[id].value(QLatin1String("language")).toString() == language)
            return ApiResult::error(
                422, QStringLiteral("a %1 variant already exists (content %2)").arg(language).arg(id));
    }

    const qint64 contentId = m_nextContentId++;
    QJsonObject content;
    for (const char *key :
         {"from_id", "reply_to_id", "recipient", "bcc", "headers", "layout", "test_group_id", "name"}) {
        if (base.contains(QLatin1String(key)))
            content.insert(QLatin1String(key), base.value(QLatin1String(key)));
    }
    for (const char *key : {"subject", "body", "body_amp", "body_plain", "preheader_text"}) {
        const QJsonValue given = request.value(QLatin1String(key));
        if (given.isString())
            content.insert(QLatin1String(key), given);
        else if (base.contains(QLatin1String(key)))
            content.insert(QLatin1String(key), base.value(QLatin1String(key)));
    }
    content.insert(QStringLiteral("id"), contentId);
    content.insert(QStringLiteral("newsletter_id"), newsletterId);
    content.insert(QStringLiteral("language"), language);
    content.insert(QStringLiteral("editor"), QStringLiteral("html"));
    content.insert(QStringLiteral("updated"), nextTimestamp(0));
    m_contents.insert(contentId, content);
    it->contentIds.append(contentId);
    it->fields.insert(QStringLiteral("updated"),
                      nextTimestamp(it->fields.value(QLatin1String("updated")).toInteger()));
    return ApiResult::ok({{QStringLiteral("newsletter"), newsletterJson(*it)}});
}

} // namespace cio::sandbox
