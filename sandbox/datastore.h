#pragma once

#include "apiresult.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace cio::sandbox {

// The sandbox workspace: loads the JSON data set (format in tests/sandbox/data and
// resources/demo), keeps its state for the life of the process and applies the App API's
// business rules. Operations return complete answers (status + body); HttpFrontend only
// transports them. Accessors in data-set format let tests inspect or change state directly,
// e.g. to simulate an edit made by another client.
class DataStore final
{
public:
    DataStore();

    // Loads the data set from a folder (or a resource folder such as ":/demo"). A missing
    // file leaves that collection empty; a file that is not the expected JSON is an error.
    bool load(const QString &folder, QString *error = nullptr);

    // ---- Direct access (data-set format, not API format) ----
    QList<qint64> newsletterIds() const;
    QJsonObject newsletter(qint64 id) const; // API shape; empty when unknown
    QJsonObject content(qint64 id) const;    // stored variant incl. newsletter_id
    // Merges `fields` into a variant and bumps its `updated`, like a save from another client.
    void updateContent(qint64 id, const QJsonObject &fields);
    QJsonObject snippet(const QString &name) const; // empty when unknown
    void setSnippet(const QString &name, const QString &value);
    QJsonObject segment(qint64 id) const; // API shape; empty when unknown
    qsizetype segmentMemberCount(qint64 id) const;
    QStringList languages() const { return m_languages; }
    QStringList deliveryIds() const;               // newest first, like the list endpoints
    QJsonObject delivery(const QString &id) const; // stored form incl. archived_message; empty when unknown

    // ---- Newsletters and variants (newsletterops.cpp) ----
    ApiResult listNewsletters(const QUrlQuery &query) const;
    ApiResult getNewsletter(qint64 id) const;
    ApiResult listContents(qint64 newsletterId) const;
    ApiResult listTestGroups(qint64 newsletterId) const;
    ApiResult getContent(qint64 newsletterId, qint64 contentId) const;
    ApiResult putContent(qint64 newsletterId, qint64 contentId, const QByteArray &body);
    // testGroup empty = address by language across the whole newsletter.
    ApiResult getLanguage(qint64 newsletterId, const QString &testGroup, const QString &language) const;
    ApiResult putLanguage(qint64 newsletterId, const QString &testGroup, const QString &language,
                          const QByteArray &body);
    ApiResult addLanguage(qint64 newsletterId, const QString &testGroup, const QByteArray &body);

    // ---- Snippets, segments, senders, workspace (audienceops.cpp) ----
    ApiResult listSnippets() const;
    ApiResult saveSnippet(const QByteArray &body, bool createOnly);
    ApiResult deleteSnippet(const QString &name);
    ApiResult listSegments() const;
    ApiResult createSegment(const QByteArray &body);
    ApiResult getSegment(qint64 id) const;
    ApiResult deleteSegment(qint64 id);
    ApiResult segmentCustomerCount(qint64 id) const;
    ApiResult segmentMembership(qint64 id, const QUrlQuery &query) const;
    ApiResult segmentUsedBy(qint64 id) const;
    // Track API; `id_type` (id, email or cio_id, default id) says how the ids name people.
    ApiResult changeSegmentMembers(qint64 id, const QUrlQuery &query, const QByteArray &body, bool add);
    ApiResult listSenders(const QUrlQuery &query) const;
    ApiResult getSender(qint64 id) const;
    ApiResult senderUsedBy(qint64 id) const;
    ApiResult ipAddresses() const;

    // ---- Deliveries and their archived copies (messageops.cpp) ----
    ApiResult listNewsletterMessages(qint64 newsletterId, const QUrlQuery &query) const;
    ApiResult listMessages(const QUrlQuery &query) const;
    ApiResult getMessage(const QString &id) const;
    // Counts against a daily quota per API key (`authorization` is the raw header); every answer,
    // 200, 404 and the quota 429, carries X-RateLimit-Limit and X-RateLimit-Remaining.
    ApiResult archivedMessage(const QString &id, const QByteArray &authorization);
    void setArchivedMessageQuota(int perDay); // and forgets today's use
    int archivedMessageQuota() const { return m_archivedQuota; }
    // X-RateLimit-Limit and -Remaining for one key: every archived-message answer carries them, a 429
    // from the per-second limit included (NOTES.md).
    QList<std::pair<QByteArray, QByteArray>> archivedQuotaHeaders(const QByteArray &authorization) const;

private:
    struct Newsletter
    {
        QJsonObject fields; // as loaded, without contents/test_groups
        QList<QJsonObject> testGroups;
        QList<qint64> contentIds;
    };
    struct Segment
    {
        QJsonObject fields;           // as loaded, without members/campaigns
        QList<QJsonObject> members;   // explicit members (Track API adds here)
        qsizetype generatedCount = 0; // generated members follow the explicit ones
        QString idPrefix;
        QString emailDomain;
        QList<qint64> campaigns;
    };

    bool loadNewsletters(const QJsonObject &root, QString *error);
    bool loadSegments(const QJsonObject &root, QString *error);
    bool loadDeliveries(const QJsonObject &root, QString *error);

    QJsonObject newsletterJson(const Newsletter &newsletter) const;
    QJsonObject contentJson(const QJsonObject &stored) const;
    QJsonObject segmentJson(const Segment &segment) const;
    QJsonObject senderJson(const QJsonObject &stored) const;
    QJsonObject generatedMember(const Segment &segment, qint64 segmentId, qsizetype index) const;
    QString senderAddress(qint64 senderId) const;
    QJsonObject deliveryJson(const QJsonObject &stored) const;
    // The deliveries passing the query's filters, then the requested page as {"messages":[…],"next"}.
    ApiResult messagePage(const QUrlQuery &query, qint64 newsletterId, bool strictLimit) const;

    // Finds the variant for a language, optionally inside one test group; sets *error otherwise.
    qint64 findLanguageVariant(qint64 newsletterId, const QString &testGroup, const QString &language,
                               ApiResult *error) const;
    ApiResult applyContentUpdate(qint64 contentId, const QByteArray &body);
    bool snippetInUse(const QString &name) const;

    static qint64 nextTimestamp(qint64 previous);

    QMap<qint64, Newsletter> m_newsletters;
    QMap<qint64, QJsonObject> m_contents;
    QMap<QString, QJsonObject> m_snippets;
    QMap<qint64, Segment> m_segments;
    QMap<qint64, QJsonObject> m_senders;
    QStringList m_ipAddresses;
    QStringList m_languages;
    // How the workspace identifies people (workspace.json "identifiers"): "email_or_id" (the default, as
    // most workspaces are: people may have an id, an email address or both) or "id" (email is not an
    // identifier). Membership pages take the contract's matching oneOf branch.
    bool m_emailIdentifies = true;
    QList<QJsonObject> m_deliveries; // newest first
    QHash<QString, qsizetype> m_deliveryIndex;
    struct QuotaUse
    {
        QDate day; // UTC
        int used = 0;
    };
    QHash<QByteArray, QuotaUse> m_archivedUse; // by Authorization header
    int m_archivedQuota = 100;
    qint64 m_nextContentId = 1;
    qint64 m_nextSegmentId = 1;
};

} // namespace cio::sandbox
